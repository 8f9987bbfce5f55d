"""Clean a scraped page down to its article: title, metadata and body blocks.

Plain text (``.txt``/``.md``) goes through the project's own cleaner (``lines``: generic line
signals; ``region``: the body region, trailing blocks cut whole; ``junk``: lines dropped);
HTML pages go through trafilatura. Metadata comes, in order of trust, from YAML front
matter, trafilatura's metadata (HTML), then what the text itself states reliably.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing.clean.junk import is_junk_line
from briefing.clean.lines import (
    BAD,
    END,
    GOOD,
    MARKER,
    NEAR,
    Unit,
    classify,
    content_words,
    make_units,
    unit_words,
)
from briefing.clean.metadata import (
    DATE_FIELD,
    is_stamp_line,
    normalize_date,
    outlet_from_credits,
    parse_front_matter,
    split_outlet,
)
from briefing.clean.region import body_blocks, body_region, trim_region
from briefing.ingest import RawDocument
from briefing.lexicon import MEDIA_LABELS, alternation
from briefing.models import Article, Block
from briefing.runtime.display import clean_line, shown
from briefing.text.sentences import caption_sentence, split_sentences

_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
_COLUMN_GAP = re.compile(r"[ \t\u00a0]{3,}|\t")
_MEDIA_LABEL = re.compile(rf"^(?:{alternation(MEDIA_LABELS)})\s*:", re.IGNORECASE)
# Breadcrumbs, bylines and reading-time notes stand where a headline would.
_NOT_A_HEADLINE = re.compile(
    r"\s[»>|›/]\s|^(?:home|start|startseite|sie sind hier|von|by|protokoll|text|foto|post date|"
    r"lesedauer|veröffentlicht|aktualisiert|nächster|vorheriger|zurück)\b",
    re.IGNORECASE,
)
_FIRST_SENTENCE_CHARS = 600
# How far before the body the headline may stand (lines of the page).
_TITLE_WINDOW = 8


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
    title = page.title or _first_sentence(page.blocks) or shown(doc.path.stem)
    return Article(
        path=doc.path,
        title=title,
        blocks=page.blocks,
        outlet=page.outlet,
        date=page.date,
        url=page.url,
        content_hash=doc.content_hash,
    )


def clean_text(text: str) -> CleanPage:
    """Clean a page copied out of a browser as plain text."""
    meta, units, date = _read_page(text)
    if not units:
        return CleanPage(meta.get("title"), [], meta.get("outlet"), date, meta.get("url"),
                         ["the page has no text"])
    start, end = body_region(units)
    if start == end:
        return CleanPage(meta.get("title"), [], meta.get("outlet"), date, meta.get("url"),
                         ["no article text found: only navigation, lists or short lines"])
    title, outlet = meta.get("title"), meta.get("outlet")
    start, end = trim_region(units, start, end, title or _find_title(units, start))
    if not title:
        title = _find_title(units, start, end)
    if title and not outlet:
        outlet = next((o for u in units[:start] if (o := split_outlet(u.text, title))), None)
    if not outlet:  # the article's closing agency tag may follow its last kept line
        texts = [u.text for u in units]
        outlet = outlet_from_credits(texts, texts[start:end + 2])
    if not date:
        date = next((normalize_date(u.text) for u in units[:end] if is_stamp_line(u.text)), None)
    blocks = body_blocks(units[start:end], title)
    notes = [] if blocks else ["no article text left after removing page furniture"]
    return CleanPage(title, blocks, outlet, date, meta.get("url"), notes)


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


def _read_page(text: str) -> tuple[dict[str, str], list[Unit], str | None]:
    """Front matter, the page's units (classified) and a date from the front matter or field."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    meta, text = parse_front_matter(text)
    lines = [cell for line in text.split("\n") for cell in _cells(line)]
    lines, field_date = _strip_date_field(lines)
    units = make_units(lines)
    classify(units)
    return meta, units, normalize_date(meta.get("date")) or field_date


def _cells(line: str) -> list[str]:
    """A line's cells: wide runs of spaces or tabs separate columns copied side by side."""
    line = _MARKDOWN_HEADING.sub("", line.strip())
    if "   " not in line and "\t" not in line:
        return [line]
    return [cell for cell in _COLUMN_GAP.split(line) if cell] or [""]


def _strip_date_field(lines: list[str]) -> tuple[list[str], str | None]:
    """Remove a scraper's "date 2024-06" field before the first text; its date if it has a day."""
    for i, line in enumerate(lines):
        if not line:
            continue
        match = DATE_FIELD.match(line)
        if not match:
            return lines, None
        year, month, day = match.groups()
        date = normalize_date(f"{year}-{month}-{day}") if day else None
        return lines[:i] + [line[match.end() :].strip()] + lines[i + 1 :], date
    return lines, None


def _find_title(units: list[Unit], start: int, end: int | None = None) -> str | None:
    """The headline: a headline-like line shortly before the body that shares words with it.

    Without the body's extent (``end``), the nearest headline-like line.
    """
    candidates = [
        units[i].text
        for i in range(start - 1, max(0, start - _TITLE_WINDOW) - 1, -1)
        if _headline_like(units, i)
    ]
    if end is None or not candidates:
        return candidates[0] if candidates else None
    body: set[str] = set()
    for u in units[start:end]:
        if u.kind in (GOOD, NEAR):
            body |= unit_words(u)
            if len(body) > 120:  # the lead and the first paragraphs are enough
                break

    def shared(text: str) -> float:
        # German compounds: "Schüler" is shared with "Schülerinnen", "Preis" with "Landespreis".
        words = content_words(text)
        hits = sum(
            1 for w in words
            if w in body or (len(w) >= 4 and any(w in b or (len(b) >= 5 and b in w) for b in body))
        )
        return hits / len(words) if words else 0.0

    best = max(candidates, key=shared)  # the nearest one wins a tie
    return best if shared(best) > 0 else None


def _headline_like(units: list[Unit], i: int) -> bool:
    u = units[i]
    if u.junk or u.kind in (MARKER, END, BAD) or is_stamp_line(u.text):
        return False
    if i > 0 and _MEDIA_LABEL.match(units[i - 1].text):
        return False  # the title of a video or gallery, under its "Video: ..." credit
    if _NOT_A_HEADLINE.search(u.text):
        return False
    opening = u.text.lstrip("«»„“\"'‹›")[:1]
    return 3 <= u.words <= 25 and not u.text.endswith((".", ",", ";")) and opening.isupper()


def _first_sentence(blocks: list[Block]) -> str | None:
    for block in blocks:
        if not block.is_heading:
            # The first sentence stands in the first few hundred characters; Punkt on a
            # whole long paragraph would cost more than the rest of the cleaning.
            sentences = split_sentences(block.text[:_FIRST_SENTENCE_CHARS])
            if len(sentences) < 2:
                sentences = split_sentences(block.text)
            if sentences:
                return caption_sentence(sentences[0])
    return None
