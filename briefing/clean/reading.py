"""A plain-text page read into classified lines, and the headline and first sentence found in it.

Takes a page's text; gives its front matter, its units with the rules' classes and a date the
page states in a field (``read_page``), the headline above a body (``find_title``) and the
first sentence of a body (``first_sentence``).
"""

from __future__ import annotations

import re
from collections import Counter

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
from briefing.clean.metadata import DATE_FIELD, is_stamp_line, normalize_date, parse_front_matter
from briefing.cues.furniture import furniture_reason
from briefing.lexicon import MEDIA_LABELS, alternation
from briefing.models import Block
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
# sentences looked at for one that is no furniture before the first one is taken after all
_FURNITURE_FIRST = 4
# How far before the body the headline may stand (lines of the page).
_TITLE_WINDOW = 8


def read_page(text: str) -> tuple[dict[str, str], list[Unit], str | None]:
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


def find_title(units: list[Unit], start: int, end: int | None = None) -> str | None:
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


_HEADLINE_PUNCTUATION = re.compile(r"[:,.?!]")


def _menu_or_tags(text: str) -> bool:
    """A navigation bar or a list of tags, not a headline: a word three times ("Abnehmen
    Ernährungscoaching Training zum Abnehmen Rezepte zum Abnehmen ..."), six or more words
    all capitalised without a headline's punctuation, or words set apart by spaced commas
    ("Homophobie , Homosexualität , Gewalt , Islam")."""
    if text.count(" , ") >= 2:
        return True
    words = text.split()
    if (
        len(words) >= 6
        and not _HEADLINE_PUNCTUATION.search(text)
        and all(w[:1].isupper() or not w[:1].isalpha() for w in words)
    ):
        # "Fitness Food Abnehmen Love Beauty Fashion Health Life Deals"; German nouns are
        # capitalised, so a headline may be too, but it has its colon or commas ("Mein Motto
        # Konsumsparen: Fazit, Erkenntnisse, Pläne")
        return True
    counts = Counter(w.casefold() for w in re.findall(r"\w{3,}", text))
    return bool(counts) and max(counts.values()) >= 3


def _headline_like(units: list[Unit], i: int) -> bool:
    u = units[i]
    if u.junk or u.kind in (MARKER, END, BAD) or is_stamp_line(u.text):
        return False
    if i > 0 and _MEDIA_LABEL.match(units[i - 1].text):
        return False  # the title of a video or gallery, under its "Video: ..." credit
    if _NOT_A_HEADLINE.search(u.text) or _menu_or_tags(u.text):
        return False
    opening = u.text.lstrip("«»„“\"'‹›")[:1]
    return 3 <= u.words <= 25 and not u.text.endswith((".", ",", ";")) and opening.isupper()


def first_sentence(blocks: list[Block]) -> str | None:
    """The first sentence of the first paragraph (of a caption: without its label, credit
    or who-stands-where list; see ``caption_sentence``) that is no page furniture ("Falls der
    Podcast nicht korrekt abgespielt wird, kann er unter diesem Link aufgerufen werden." titled
    eleven podcast notes of the corpus); the first sentence when the first few all are."""
    first = None
    looked = 0
    for block in blocks:
        if block.is_heading:
            continue
        # The first sentence stands in the first few hundred characters; Punkt on a
        # whole long paragraph would cost more than the rest of the cleaning.
        sentences = split_sentences(block.text[:_FIRST_SENTENCE_CHARS])
        if len(block.text) > _FIRST_SENTENCE_CHARS:
            # the last piece may be cut at the limit; with fewer than two, split it all
            sentences = sentences[:-1] if len(sentences) >= 2 else split_sentences(block.text)
        for sentence in sentences:
            if sentence.endswith(":"):
                # a piece that ends in a colon introduces what follows, no title: a kicker
                # ("Golf, Woods: | Tiger Woods hat ...", text.sentences) or a label
                continue
            candidate = caption_sentence(sentence)
            if furniture_reason(candidate) is None:
                return candidate
            first = first or candidate
            looked += 1
            if looked >= _FURNITURE_FIRST:
                return first
    return first
