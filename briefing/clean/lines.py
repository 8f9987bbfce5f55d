"""Tell article text from page furniture in scraped plain text, by generic line signals.

Each non-empty line of a page is a unit. Signals per unit give it a class and a weight:
length, stopword density (sumy's German list plus common function words), sentence-likeness
(final punctuation), link-list shape (runs of short lines, patterns that recur on the page
such as "4 hrs ago" or "Antworten"), datelines, a curated list of German/English page
phrases (one signal among several), and language (an English caption in a German page).

Takes a page's lines; gives its units (``make_units``) with their class and weight
(``classify``), and each unit's content words for measuring overlap (``unit_words``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from briefing.clean.junk import MARKER_LINE, PHRASE_DENSITY, is_end_line, is_junk_line, phrase_hits
from briefing.clean.metadata import has_date, is_stamp_line
from briefing.lexicon import CLEANER_FUNCTION_WORDS, german_stop_words, sumy_stop_words
from briefing.text.sentences import count_sentence_ends, ends_prose
from briefing.text.stems import crude_stem
from briefing.text.words import words

GOOD, NEAR, SHORT, BAD, MARKER, END = "good", "near", "short", "bad", "marker", "end"


COLON_END = re.compile(r":[\"'»«“”‘’)\]]*$")

_DIGITS = re.compile(r"\d+")

LIST_ITEM = re.compile(r"^(?:\d{1,2}[.)]|[•·▪◦●■*–-])\s+\S+\s+\S")


@dataclass
class Unit:
    """One non-empty line of the page and its signals."""

    text: str
    words: int
    chars: int
    german: float  # share of words in the German stopword list
    english: float  # share of words in the English-only stopword list
    sentence: bool  # ends in sentence-final punctuation
    lowered: tuple[str, ...] = ()
    kind: str = SHORT
    weight: float = 0.0
    junk: bool = False
    dated: bool = False
    repeated: bool = False  # a short line whose pattern recurs on the page (a list's label)
    phrases: int = 0  # curated page phrases in it (lines under 1,000 characters)
    content: set[str] | None = None  # crude stems of its content words, once needed


@lru_cache(maxsize=1)
def stop_words() -> tuple[frozenset[str], frozenset[str]]:
    """sumy's German stop words, and its English ones that are not German too."""
    german = frozenset(german_stop_words()) | CLEANER_FUNCTION_WORDS
    english = sumy_stop_words("english") - german
    return german, english


def make_units(lines: list[str]) -> list[Unit]:
    """Units from stripped page lines ("" for blank lines), soft-wrapped lines joined."""
    german, english = stop_words()
    units: list[Unit] = []
    pending: str | None = None
    for line in [*lines, ""]:
        if pending is not None and line and _continues(pending, line):
            pending = f"{pending[:-1]}{line}" if pending.endswith("\u00ad") else f"{pending} {line}"
            continue
        if pending is not None:
            units.append(_unit(pending, german, english))
        pending = line or None
    return units


def _continues(previous: str, line: str) -> bool:
    """A soft-wrapped paragraph: the line goes on in lower case after unfinished prose."""
    return (
        len(previous) >= 40
        and line[:1].islower()
        and not ends_prose(previous)
        and not COLON_END.search(previous)
    )


def _unit(text: str, german: frozenset[str], english: frozenset[str]) -> Unit:
    found = words(text)
    count = max(len(found), 1)
    lowered = [w.lower() for w in found]
    de = sum(1 for w in lowered if w in german) / count
    en = sum(1 for w in lowered if w in english) / count
    return Unit(
        text, len(text.split()), len(text), de, en, ends_prose(text),
        tuple(lowered),
    )


def classify(units: list[Unit]) -> None:
    """Give every unit a class and a weight for the body search."""
    shapes = Counter(line_shape(u.text) for u in units if u.words <= 8)
    exact = Counter(u.text for u in units)
    german_page = _german_page(units)
    if not german_page:
        for u in units:  # an English page: its own stop words measure its prose
            u.german = max(u.german, u.english)
    for u in units:
        u.junk = (
            is_junk_line(u.text)
            or is_stamp_line(u.text)
            or (german_page and _english_line(u))
        )
        u.phrases = phrases = phrase_hits(u.lowered, u.text) if u.chars < 1000 else 0
        u.dated = u.words <= 15 and not u.sentence and has_date(u.text)
        if u.words <= 12 and MARKER_LINE.match(u.text):
            u.kind = MARKER
        elif u.words <= 12 and is_end_line(u.text):
            u.kind = END
        elif u.junk or (phrases and u.words <= 10) or (
            phrases >= 2 and phrases >= PHRASE_DENSITY * u.words
        ):
            u.kind = BAD
        elif u.dated:
            u.kind = BAD  # a dateline or byline with a date: metadata, a comment's head
        elif u.words <= 8 and shapes[line_shape(u.text)] >= 3:
            u.kind = BAD  # a repeated pattern: "4 hrs ago", "Antworten", dates of comments
            u.repeated = True
        elif _glued_list(u):
            u.kind = BAD  # link texts run together: "Alles was lebtAlpha CepheiAnd ..."
        elif _long_prose(u):
            u.kind = GOOD
        elif _short_prose(u):
            u.kind = NEAR
        else:
            u.kind = SHORT
        if u.kind in (GOOD, NEAR) and exact[u.text] > 1 and u.chars < 200:
            u.kind = SHORT  # the same line twice: a teaser or a repeated headline
    _weigh(units)


def _long_prose(u: Unit) -> bool:
    return u.chars >= 70 and u.german >= 0.2 or u.chars >= 150 and u.german >= 0.12


def _short_prose(u: Unit) -> bool:
    return u.chars >= 30 and u.sentence and u.german >= 0.15


def prose_like(text: str) -> bool:
    """A line that reads as prose by the rules' signals alone (length, stop words, a
    sentence end), whatever page it stands on."""
    german, english = stop_words()
    u = _unit(text, german, english)
    return _long_prose(u) or _short_prose(u)


# The weight of a short line inside a link list (a run of three or more non-prose lines).
LIST_WEIGHT = -30.0


def _weigh(units: list[Unit]) -> None:
    # Runs of three or more lines that are not prose have the shape of a link list.
    run_start = 0
    for i in range(len(units) + 1):
        if i < len(units) and units[i].kind not in (GOOD, NEAR):
            continue
        in_list = i - run_start >= 3
        for u in units[run_start:i]:
            if u.kind == SHORT and (_prose_fragment(u) or LIST_ITEM.match(u.text)):
                u.weight = -5.0  # a subheading, a list item, a short line of prose
                continue
            u.weight = {
                SHORT: LIST_WEIGHT if in_list else -10.0,
                BAD: -60.0 if in_list else -40.0,
                END: -60.0,
                MARKER: -300.0,
            }[u.kind]
        if i < len(units):
            u = units[i]
            u.weight = (1.0 if u.kind == GOOD else 0.5) * u.chars
            if not u.sentence:
                u.weight *= 0.7  # prose ends its paragraphs; teaser titles and lists do not
        run_start = i + 1
    # Text below the page's copyright footer is an overlay copied along (a cookie or consent
    # dialog), rarely the article: it weighs less.
    footer = max((i for i, u in enumerate(units) if _FOOTER.match(u.text)), default=-1)
    if footer >= len(units) // 2:
        for u in units[footer + 1 :]:
            if u.weight > 0:
                u.weight *= 0.25


_FOOTER = re.compile(r"^(?:©|\(c\)|copyright).{0,80}(?:\d{4}|rechte|rights)", re.IGNORECASE)


def _prose_fragment(u: Unit) -> bool:
    return u.words >= 3 and u.german >= 0.2


_GLUED = re.compile(r"[a-zäöüß][A-ZÄÖÜ][a-zäöüß]")


def _glued_list(u: Unit) -> bool:
    """A long line that is not prose: items glued together, or hardly a sentence end."""
    if u.chars < 150:
        return False
    if len(_GLUED.findall(u.text)) * 8 > u.words:
        return True
    return u.chars >= 400 and count_sentence_ends(u.text) * 500 < u.chars


def line_shape(text: str) -> str:
    """What recurs of a short line on a page: lower case, every number as 0."""
    return _DIGITS.sub("0", text.lower())


def _german_page(units: list[Unit]) -> bool:
    de = sum(u.german * u.words for u in units)
    en = sum(u.english * u.words for u in units)
    return de >= en


def _english_line(u: Unit) -> bool:
    """An English line in a German page: an agency caption, a credit, a UI string."""
    return u.words >= 5 and u.english >= 0.12 and u.english > 1.5 * u.german


def unit_words(u: Unit) -> set[str]:
    """content_words of a unit, computed once."""
    if u.content is None:
        u.content = content_words(u.text)
    return u.content


def content_words(text: str) -> set[str]:
    """Crude stems of the content words of a text, for topical overlap."""
    german, english = stop_words()
    stems = set()
    for word in words(text):
        w = word.lower()
        if len(w) >= 4 and w not in german and w not in english:
            stems.add(crude_stem(w))
    return stems
