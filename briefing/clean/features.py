"""What the line model sees of each line of a page: the rules' signals, layout and context.

Each unit of a plain-text page, as ``reading.read_page`` makes and classifies it, gets a row
of FEATURE_NAMES: the rules' signals (length, stop-word density, sentence end, page phrases,
junk patterns, their class and weight), the neighbours' signals (two lines either way),
layout (blank lines around it; the size of its block, its share of prose and of lines that
end a sentence), its place (position, distance to the rules' densest prose region and the
section openers in between), its word overlap with the rest of the article and with the
headline, and how furniture-like its words were on the training pages (a word table shipped
with the model).

Takes a page's text; gives it read (``page_lines``) and its feature matrix (``page_features``).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from briefing.clean.lines import (
    BAD,
    COLON_END,
    END,
    GOOD,
    LIST_ITEM,
    MARKER,
    NEAR,
    Unit,
    line_shape,
    stop_words,
)
from briefing.clean.metadata import is_stamp_line
from briefing.clean.reading import find_title, read_page
from briefing.clean.region import body_region, heading_like, trim_region
from briefing.text.words import words as word_list

_UPPER_WORD = re.compile(r"\b[A-ZÄÖÜ]")
_NOT_LETTER = re.compile(r"[\W\d_]")  # fewer matches to collect than letters
_DIGIT = re.compile(r"\d")


@dataclass
class PageLines:
    """One page read into units, with what the rules say about it."""

    meta: dict[str, str]
    units: list[Unit]
    date: str | None
    region: tuple[int, int]  # the rules' densest prose run, [start, end)
    trimmed: tuple[int, int]  # that run narrowed to the article by the rules
    title: str | None
    # Per unit: does a blank line stand before it (1), not (0), or is it unknown (0.5)
    blank_before: np.ndarray = field(default_factory=lambda: np.zeros(0))


def page_lines(text: str) -> PageLines:
    """Units, rule classes, the rules' body region and the headline of a plain-text page."""
    meta, units, date = read_page(text)
    start, end = body_region(units) if units else (0, 0)
    title = meta.get("title")
    trimmed = (start, end)
    if start < end:
        trimmed = trim_region(units, start, end, title or find_title(units, start))
    if not title and units:
        title = find_title(units, trimmed[0], trimmed[1]) if start < end else None
    return PageLines(meta, units, date, (start, end), trimmed, title,
                     _blank_lines_before(text, units))


def _blank_lines_before(text: str, units: Sequence[Unit]) -> np.ndarray:
    """Whether a blank line separates each unit from the one before: a page copied out of a
    browser sets paragraphs apart, while a menu's or a list's items follow line by line."""
    blank = np.full(len(units), 0.5)
    position = 0
    for i, u in enumerate(units):
        head = u.text[:40]
        at = text.find(head, position)
        if at < 0:
            continue  # a unit the reader changed (a heading's "#"): unknown
        gap = text[position:at]
        blank[i] = 1.0 if i == 0 or gap.count("\n") >= 2 else 0.0
        position = at + len(head)
    return blank


_OWN = [
    "log_chars", "log_words", "german", "english", "sentence", "colon_end", "phrases", "junk",
    "stamp", "dated", "kind_good", "kind_near", "kind_bad", "kind_marker", "kind_end",
    "page_shape_repeats", "exact_repeat", "list_item", "heading_like", "upper_words", "digits",
    "non_letters", "rule_weight",
]
_CONTEXT = ["log_chars", "german", "sentence", "prose", "dropped"]
_OFFSETS = (-2, -1, 1, 2)
_PLACE = [
    "relative_position", "relative_offset", "in_region", "in_trimmed", "before_region",
    "after_region", "region_distance", "boundaries_between", "prose_window_3", "prose_window_8",
    "topic_overlap", "title_overlap", "furniture_words", "furniture_word_max",
    "furniture_word_share", "blank_before", "blank_after", "log_block_size", "block_prose",
    "block_first", "block_last", "block_sentences",
]
FEATURE_NAMES: tuple[str, ...] = (
    *_OWN,
    *(f"{name}_{'m' if o < 0 else 'p'}{abs(o)}" for o in _OFFSETS for name in _CONTEXT),
    *_PLACE,
)
# The columns that come from the training pages' word table rather than the page itself.
WORD_COLUMNS = ("furniture_words", "furniture_word_max", "furniture_word_share")


def _signed_log(x: float) -> float:
    return math.copysign(math.log1p(abs(x)), x)


def page_features(page: PageLines, furniture_words: dict[str, float]) -> np.ndarray:
    """The feature matrix of a page's units, one row per unit, columns as FEATURE_NAMES.

    ``furniture_words`` maps a lower-cased word to log((training pages that use it in
    furniture + 1) / (pages that use it in article text + 1)).
    """
    units = page.units
    n = len(units)
    out = np.zeros((n, len(FEATURE_NAMES)), dtype=np.float64)
    if not n:
        return out
    own = _own_columns(units)
    out[:, : len(_OWN)] = own
    prose = own[:, _OWN.index("kind_good")] + own[:, _OWN.index("kind_near")]
    dropped = np.clip(
        own[:, _OWN.index("junk")] + own[:, _OWN.index("kind_bad")]
        + own[:, _OWN.index("kind_marker")] + own[:, _OWN.index("kind_end")], 0, 1
    )
    context = np.stack(
        [own[:, _OWN.index("log_chars")], own[:, _OWN.index("german")],
         own[:, _OWN.index("sentence")], prose, dropped], axis=1,
    )
    column = len(_OWN)
    for o in _OFFSETS:
        shifted = np.zeros_like(context)
        if o < 0:
            shifted[-o:] = context[:o]
        else:
            shifted[:-o] = context[o:]
        out[:, column : column + len(_CONTEXT)] = shifted
        column += len(_CONTEXT)
    chars = np.array([u.chars for u in units], dtype=np.float64)
    offsets = np.cumsum(chars) - chars
    start, end = page.region
    index = np.arange(n)
    before = index < start
    after = index >= end
    distance = np.where(before, start - index, np.where(after, index - end + 1, 0))
    t_start, t_end = page.trimmed
    place = np.stack(
        [
            index / max(n - 1, 1),
            offsets / max(chars.sum(), 1.0),
            (index >= start) & (index < end),
            (index >= t_start) & (index < t_end),
            before,
            after,
            np.log1p(distance),
            np.log1p(_boundaries_between(units, page.region)),
            _window_mean(prose, 3),
            _window_mean(prose, 8),
            *_overlaps(page).T,
            *word_columns(units, furniture_words).T,
            *_blocks(page.blank_before, prose, own[:, _OWN.index("sentence")]).T,
        ],
        axis=1,
    )
    out[:, column:] = place
    return out


def _own_columns(units: Sequence[Unit]) -> np.ndarray:
    page_shapes = Counter(line_shape(u.text) for u in units if u.words <= 8)
    exact = Counter(u.text for u in units)
    own = np.zeros((len(units), len(_OWN)))
    for i, u in enumerate(units):
        own[i] = (
            math.log1p(u.chars),
            math.log1p(u.words),
            u.german,
            u.english,
            u.sentence,
            bool(COLON_END.search(u.text)),
            min(u.phrases, 3),
            u.junk,
            is_stamp_line(u.text),
            u.dated,
            u.kind == GOOD,
            u.kind == NEAR,
            u.kind == BAD,
            u.kind == MARKER,
            u.kind == END,
            math.log1p(page_shapes[line_shape(u.text)] - 1) if u.words <= 8 else 0.0,
            exact[u.text] > 1,
            bool(LIST_ITEM.match(u.text)),
            heading_like(u),
            len(_UPPER_WORD.findall(u.text)) / max(u.words, 1),
            len(_DIGIT.findall(u.text)) / max(u.chars, 1),
            len(_NOT_LETTER.findall(u.text)) / max(u.chars, 1),
            _signed_log(u.weight),
        )
    return own


def _overlaps(page: PageLines) -> np.ndarray:
    """Per unit: the share of its words that other prose lines of the rules' article use, and
    the share that the headline uses. A line is measured against the others, not itself, so
    that a teaser inside the region scores as low as one after it. (Whole lower-cased words:
    stems would cost more than the rest.)"""
    units = page.units
    t_start, t_end = page.trimmed
    german = stop_words()[0]
    words_of = [{w for w in u.lowered if len(w) >= 4 and w not in german} for u in units]
    vocabulary: Counter[str] = Counter()
    for i in range(t_start, t_end):
        if units[i].kind in (GOOD, NEAR):
            vocabulary.update(words_of[i])
    headline = {w.lower() for w in word_list(page.title or "")} - german
    out = np.zeros((len(units), 2))
    for i, u in enumerate(units):
        found = words_of[i]
        if found:
            counted = t_start <= i < t_end and u.kind in (GOOD, NEAR)
            out[i, 0] = sum(1 for w in found if vocabulary[w] > counted) / len(found)
            out[i, 1] = len(found & headline) / len(found)
    return out


def word_columns(units: Sequence[Unit], furniture_words: dict[str, float]) -> np.ndarray:
    """WORD_COLUMNS per unit: the mean, the highest and the share (above 1) of its words'
    furniture scores."""
    columns = np.zeros((len(units), len(WORD_COLUMNS)))
    if not furniture_words:
        return columns
    for i, u in enumerate(units):
        if u.lowered:
            scores = [furniture_words.get(w, 0.0) for w in u.lowered]
            columns[i] = (
                sum(scores) / len(scores),
                max(scores),
                sum(1 for x in scores if x > 1.0) / len(scores),
            )
    return columns


def _blocks(blank_before: np.ndarray, prose: np.ndarray, sentence: np.ndarray) -> np.ndarray:
    """Per unit: blank line before and after, and of its block (units not set apart by a
    blank line) the size, the share of prose, whether it is the block's first or last, and
    the share of its lines that end a sentence."""
    blank_after = np.append(blank_before[1:], 1.0)
    block = np.cumsum(blank_before >= 0.5)
    sizes = np.bincount(block)
    prose_sums = np.bincount(block, weights=prose)
    sentence_sums = np.bincount(block, weights=sentence)
    changes = (block[1:] != block[:-1]).astype(float)
    first = np.append(1.0, changes)
    last = np.append(changes, 1.0)
    return np.stack(
        [blank_before, blank_after, np.log(sizes[block]), prose_sums[block] / sizes[block],
         first, last, sentence_sums[block] / sizes[block]], axis=1,
    )


def _boundaries_between(units: Sequence[Unit], region: tuple[int, int]) -> np.ndarray:
    """Per unit: how many section openers, article ends and datelines stand between it and
    the heaviest line of the densest prose region (a teaser list after "Empfohlen")."""
    start, end = region
    n = len(units)
    if start >= end:
        return np.zeros(n)
    core = max(range(start, end), key=lambda i: units[i].weight)
    marks = np.array([u.kind in (MARKER, END) or u.dated for u in units], dtype=float)
    seen = np.cumsum(marks)  # openers at or before each unit
    before_core = seen[core]
    # after the core: openers in (core, i]; before it: openers in [i, core)
    after = seen - before_core
    before = before_core - seen + marks - marks[core]
    return np.where(np.arange(n) > core, after, np.where(np.arange(n) < core, before, 0.0))


def _window_mean(values: np.ndarray, radius: int) -> np.ndarray:
    """Mean of values[i - radius : i + radius + 1], the edges padded with zeros."""
    padded = np.concatenate([np.zeros(radius + 1), values, np.zeros(radius)])
    sums = np.cumsum(padded)
    width = 2 * radius + 1
    return (sums[width:] - sums[:-width]) / width
