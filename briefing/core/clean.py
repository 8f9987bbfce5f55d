"""Clean a scraped page down to its article: title, metadata and body blocks.

This is the first, simple cleaner: it parses front matter, finds the title and a date
stamp, drops single junk lines (captions, credits, UI strings, agency tags) and cuts the
page at the first block that starts the trailing page furniture (link lists, "OTHER NEWS",
comment sections, donation prompts).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from briefing.core.ingest import RawDocument
from briefing.core.models import Article, Block
from briefing.core.sentences import ends_sentence

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_STAMP = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s*\d{1,2}:\d{2})?")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DATE_LINE = re.compile(r"^\s*date\s+(\d{4})-(\d{2})(?:-(\d{2}))?\s*", re.I)
_OUTLET_PREFIX = re.compile(r"^(?P<outlet>[A-Z][\w.&' ]{2,40}?) [-–|] (?P<title>.+)$")
_AGENCY_TAG = re.compile(r"^\(?[a-z]{2,5}(?:/[a-z]{2,6})+\)?$")
_RELATIVE_TIME = re.compile(r"^\d+\s+(?:hrs?|hours?|mins?|minutes?|days?|Std\.|Min\.)\s+ago$", re.I)

# Lines that open the furniture after an article; everything from here on is cut.
TRAILING_MARKERS = re.compile(
    r"^(?:other news|news related|empfohlen|top list in the world|mehr zum thema|"
    r"das könnte dich auch (?:noch )?interessieren:?|das könnte sie auch interessieren:?|"
    r"\d+\s+kommentare?|kommentare|danke für die ♥|weitere artikel|lesen sie auch:?|"
    r"die beliebtesten kommentare)$",
    re.I,
)
# Single lines inside the body that are page furniture, not article text.
JUNK_LINE = re.compile(
    r"^(?:textgröße ändern:?|mehr «[^»]+»|video:.*|bild:.*|foto:.*|quelle:.*|"
    r"der überblick:?|hier siehst du .*:|.*\bbild: [\w./ -]+$|.* / foto: ©.*|"
    r"file - .*|epa\d+ .*|.* \.\.\.$)$",
    re.I,
)


@dataclass
class CleanPage:
    title: str | None
    blocks: list[Block]
    outlet: str | None = None
    date: str | None = None
    url: str | None = None
    notes: list[str] = field(default_factory=list)


class EmptyArticleError(ValueError):
    """Nothing of the page is left after cleaning."""


def clean_document(doc: RawDocument) -> Article:
    """Turn a decoded input file into an Article, or raise EmptyArticleError."""
    page = clean_html(doc.text) if doc.kind == "html" else clean_text(doc.text)
    if not any(not b.is_heading for b in page.blocks):
        raise EmptyArticleError("no article text left after cleaning")
    title = page.title or _first_sentence(page.blocks) or doc.path.stem
    return Article(
        path=doc.path,
        title=title,
        blocks=page.blocks,
        outlet=page.outlet,
        date=page.date,
        url=page.url,
        content_hash=doc.content_hash,
    )


def parse_front_matter(text: str) -> tuple[dict[str, str], str]:
    """YAML front matter (``---`` ... ``---``) and the text after it."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    import yaml

    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return {}, text
    if not isinstance(data, dict):
        return {}, text
    meta = {str(k).lower(): str(v).strip() for k, v in data.items() if v is not None}
    return meta, text[match.end() :]


def normalize_date(value: str | None) -> str | None:
    """An ISO date ``YYYY-MM-DD`` from common spellings, or None."""
    if not value:
        return None
    value = value.strip()
    match = _ISO_DATE.search(value)
    if match:
        year, month, day = map(int, match.groups())
    else:
        match = _STAMP.search(value)
        if not match:
            return None
        day, month, year = map(int, match.groups())
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def clean_text(text: str) -> CleanPage:
    """Clean a page copied out of a browser as plain text."""
    meta, text = parse_front_matter(text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = [line.rstrip() for line in text.split("\n")]

    date = normalize_date(meta.get("date"))
    title = meta.get("title")
    outlet = meta.get("outlet")

    kept: list[str] = []
    for raw in lines:
        line = raw.strip()
        if TRAILING_MARKERS.match(line):
            break
        if not line:
            kept.append("")
            continue
        date_line = _DATE_LINE.match(line)
        if date_line:
            year, month, day = date_line.groups()
            if day and not date:
                date = normalize_date(f"{year}-{month}-{day}")
            line = line[date_line.end() :].strip()
            if not line:
                continue
        stamp = _STAMP.match(line)
        if stamp and len(_STAMP.sub("", line).strip(" ,")) == 0:
            date = date or normalize_date(stamp.group(0))
            continue
        if JUNK_LINE.match(line) or _AGENCY_TAG.match(line) or _RELATIVE_TIME.match(line):
            continue
        kept.append(line)

    paragraphs = _paragraphs(kept)
    if not title:
        title, outlet_found = _find_title(paragraphs)
        outlet = outlet or outlet_found
    blocks = _blocks(paragraphs, title)
    return CleanPage(title=title, blocks=blocks, outlet=outlet, date=date, url=meta.get("url"))


def clean_html(html: str) -> CleanPage:
    """Clean an HTML page with trafilatura's extraction and metadata."""
    import trafilatura

    meta, html = parse_front_matter(html)
    extracted = trafilatura.bare_extraction(html, include_comments=False, with_metadata=True)
    if extracted is None:
        return CleanPage(title=None, blocks=[])
    data = extracted if isinstance(extracted, dict) else extracted.as_dict()
    body = data.get("text") or ""
    page = clean_text(body)
    page.title = meta.get("title") or data.get("title") or page.title
    page.outlet = meta.get("outlet") or data.get("sitename") or page.outlet
    page.date = normalize_date(meta.get("date") or data.get("date")) or page.date
    page.url = meta.get("url") or data.get("url") or page.url
    return page


def _paragraphs(lines: list[str]) -> list[str]:
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines + [""]:
        if line:
            current.append(line)
        elif current:
            paragraphs.append("\n".join(current))
            current = []
    return paragraphs


def _find_title(paragraphs: list[str]) -> tuple[str | None, str | None]:
    """The headline: the first line of four or more words near the top of the page."""
    for paragraph in paragraphs[:4]:
        for line in paragraph.split("\n"):
            if len(line.split()) < 4 or ends_sentence(line) and len(line.split()) > 20:
                continue
            match = _OUTLET_PREFIX.match(line)
            rest = "\n".join(paragraphs)
            if match and rest.count(match.group("title")) > 1:
                return match.group("title").strip(), match.group("outlet").strip()
            if ends_sentence(line) and not line.endswith(("?", "!")):
                return None, None  # the page starts with prose: no headline given
            return line, None
    return None, None


def _blocks(paragraphs: list[str], title: str | None) -> list[Block]:
    blocks: list[Block] = []
    seen_title = False
    folded_title = title.casefold() if title else None
    for paragraph in paragraphs:
        lines = paragraph.split("\n")
        # A paragraph made of several stand-alone lines is a list of separate units.
        units = lines if all(not ends_sentence(x) for x in lines[:-1]) else [paragraph]
        for unit in units:
            if folded_title and unit.casefold().endswith(folded_title):
                if seen_title or unit != title:
                    continue  # the headline repeated (in lower case, or again)
                seen_title = True
                continue
            is_heading = "\n" not in unit and not ends_sentence(unit) and len(unit.split()) <= 12
            blocks.append(Block("heading" if is_heading else "paragraph", unit))
    while blocks and blocks[-1].is_heading:
        blocks.pop()
    while blocks and blocks[0].is_heading:
        blocks.pop(0)
    return blocks


def _first_sentence(blocks: list[Block]) -> str | None:
    from briefing.core.sentences import split_sentences

    for block in blocks:
        if not block.is_heading:
            sentences = split_sentences(block.text)
            if sentences:
                return sentences[0]
    return None
