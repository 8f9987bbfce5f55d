"""Clean a scraped page down to its article: title, metadata and body blocks.

Plain text (``.txt``/``.md``) is read into lines with the rules' signals (``reading``,
``lines``, ``region``, ``junk``); the learned line model (``features``, ``model``) picks the
article's lines, and the rules find the headline, outlet and date. HTML pages go through
trafilatura. Metadata comes, in order of trust, from YAML front matter, trafilatura's metadata
(HTML), then what the text itself states reliably.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from briefing.clean.features import PageLines, page_lines
from briefing.clean.junk import is_junk_line
from briefing.clean.metadata import (
    is_stamp_line,
    normalize_date,
    outlet_from_credits,
    parse_front_matter,
    split_outlet,
)
from briefing.clean.model import LineModel, keep_lines
from briefing.clean.reading import first_sentence
from briefing.clean.region import kept_blocks
from briefing.ingest import RawDocument
from briefing.models import Article, Block
from briefing.runtime.display import clean_line, shown


@dataclass
class CleanPage:
    title: str | None
    blocks: list[Block]
    outlet: str | None = None
    date: str | None = None
    url: str | None = None
    notes: list[str] = field(default_factory=list)


# An article is cut after this many characters of cleaned text (about 1,000 sentences, 40
# printed pages; long news features run to 60,000): grouping near-identical sentences and
# LexRank grow with the square of an article's sentences, so one huge file took minutes and
# gigabytes. What is cut is said (pipeline.cut_notes).
MAX_ARTICLE_CHARS = 100_000


def cut_long_article(article: Article, limit: int = MAX_ARTICLE_CHARS) -> None:
    """Keep the article's first ``limit`` characters (at a block end, or a sentence end near
    the limit); ``article.cut_from`` says how long it was."""
    total = sum(len(b.text) for b in article.blocks)
    if total <= limit:
        return
    kept: list[Block] = []
    used = 0
    for block in article.blocks:
        room = limit - used
        if len(block.text) > room:
            text = block.text[:room]
            end = max(text.rfind(". "), text.rfind("! "), text.rfind("? "))
            text = text[: end + 1] if end > room // 2 else text
            if text.strip():
                kept.append(Block(block.kind, text))
            break
        kept.append(block)
        used += len(block.text)
    article.blocks = kept
    article.cut_from = total


class EmptyArticleError(ValueError):
    """Nothing of the page is left after cleaning; the message says why."""


def clean_document(doc: RawDocument) -> Article:
    """Turn a decoded input file into an Article, or raise EmptyArticleError."""
    page = clean_html(doc.text) if doc.kind == "html" else clean_text(doc.text)
    if not any(not b.is_heading for b in page.blocks):
        reason = page.notes[0] if page.notes else "no article text left after cleaning"
        raise EmptyArticleError(reason)
    title = page.title or first_sentence(page.blocks) or shown(doc.path.stem)
    return Article(
        path=doc.path,
        title=title,
        blocks=page.blocks,
        outlet=page.outlet,
        date=page.date,
        url=page.url,
        content_hash=doc.content_hash,
    )


def clean_text(text: str, model: LineModel | None = None) -> CleanPage:
    """Clean a page copied out of a browser as plain text (``model``: the shipped one)."""
    page = page_lines(text)
    if not page.units or page.region[0] == page.region[1]:
        return page_from(page, None)
    return page_from(page, keep_lines(page, model))


def page_from(page: PageLines, kept: np.ndarray | None) -> CleanPage:
    """The CleanPage of a read page whose kept units are known (None: the rules found no
    prose at all); title, outlet and date as the rules find them."""
    meta, units = page.meta, page.units
    title, outlet, date, url = page.title, meta.get("outlet"), page.date, meta.get("url")
    if not units:
        return CleanPage(title, [], outlet, date, url, ["the page has no text"])
    if kept is None or page.region[0] == page.region[1]:
        return CleanPage(title, [], outlet, date, url,
                         ["no article text found: only navigation, lists or short lines"])
    # Metadata stands above the rules' article and above the kept lines, whichever is later.
    start, end = page.trimmed
    if kept.any():
        start = max(start, int(np.argmax(kept)))
        end = max(end, len(kept) - int(np.argmax(kept[::-1])))
    if title and not outlet:
        found = ((i, o) for i, u in enumerate(units[:start]) if (o := split_outlet(u.text, title)))
        at, outlet = next(found, (None, None))
        if at is not None and kept[at]:  # "Outlet - Headline" is the headline, not the body
            kept = kept.copy()
            kept[at] = False
    if not outlet:  # the article's closing agency tag may follow its last kept line
        texts = [u.text for u in units]
        outlet = outlet_from_credits(texts, texts[start:end + 2])
    if not date:
        date = next((normalize_date(u.text) for u in units[:end] if is_stamp_line(u.text)), None)
    blocks = kept_blocks(units, kept, title)
    notes = [] if blocks else ["no article text left after removing page furniture"]
    return CleanPage(title, blocks, outlet, date, url, notes)


def clean_html(html: str) -> CleanPage:
    """Clean an HTML page with trafilatura's extraction and metadata."""
    import trafilatura

    meta, html = parse_front_matter(html)
    extracted = trafilatura.bare_extraction(html, include_comments=False, with_metadata=True)

    def extracted_value(name: str) -> object:
        # trafilatura 2 returns a Document, older versions a dict
        if isinstance(extracted, dict):
            return extracted.get(name)
        return getattr(extracted, name, None)

    def extracted_line(name: str) -> str | None:
        # entities (&#x202e;) are decoded here, after ingest removed such characters
        value = extracted_value(name)
        return (clean_line(str(value)) or None) if value else None

    body = extracted_value("body")
    if extracted is None or body is None:
        return CleanPage(meta.get("title"), [], notes=["trafilatura found no article text"])
    title = meta.get("title") or extracted_line("title")
    blocks: list[Block] = []
    for element in body:
        text = clean_line("".join(element.itertext()))
        if not text or title and text.casefold() == title.casefold():
            continue
        if is_junk_line(text):
            continue
        blocks.append(Block("heading" if element.tag == "head" else "paragraph", text))
    while blocks and blocks[-1].is_heading:
        blocks.pop()
    return CleanPage(
        title=title,
        blocks=blocks,
        outlet=meta.get("outlet") or extracted_line("sitename"),
        date=normalize_date(meta.get("date") or extracted_value("date")),
        url=meta.get("url") or extracted_line("url"),
        notes=[] if blocks else ["trafilatura found no article text"],
    )
