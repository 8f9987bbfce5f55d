"""A learned line classifier that picks a scraped page's article body (issue 21).

Each unit (line) of a page, as ``briefing.core.boilerplate`` makes and classifies it, gets a
feature vector (FEATURE_NAMES): the rules' signals (length, stop-word density, sentence end,
page phrases, junk patterns, their class and weight), layout (blank lines around it, the size
and prose share of its block), context (the neighbours' signals, prose density around it,
position, distance to the rules' densest prose region and the section openers in between,
word overlap with the rest of the article and with the headline) and evidence from beyond
the page (EVIDENCE_COLUMNS): how many training sites or other articles of the same outlet
in the run carry the line, and how furniture-like its words are on the training pages.

Boosted trees trained by ``benchmarks/train_cleaner.py`` on the cleaning dev pages (cross-
validated by site) give each line a probability of being article text; a three-state Viterbi
pass (before the article, in it, after it; each change of state costs a fixed log-odds) turns
them into kept lines, at least one; the rules' junk lines (captions, credits, stamps) are
dropped and the kept span is cut at section openers as the rules cut their region. Title,
outlet and date come from the rules. Parameters ship as JSON and load with numpy only.

Meant to move into ``briefing/clean/`` as it is; it changes none of the existing modules and
only reads them.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlparse

import numpy as np

from briefing.core import boilerplate as bp
from briefing.core.clean import _find_title, _read_page
from briefing.core.ingest import RawDocument
from briefing.core.metadata import is_stamp_line, normalize_date, split_outlet
from briefing.core.models import Article, Block

__all__ = [
    "FEATURE_NAMES",
    "MODEL_PATH",
    "LineModel",
    "PageLines",
    "RunEvidence",
    "clean_with_model",
    "decode",
    "page_features",
    "page_lines",
    "shape",
]

MODEL_PATH = Path(__file__).resolve().parent / "learned_cleaner.json"

_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"\s+")
_UPPER_WORD = re.compile(r"\b[A-ZÄÖÜ]")
_NOT_LETTER = re.compile(r"[\W\d_]")  # fewer matches to collect than letters
_DIGIT = re.compile(r"\d")
# Lines longer than this are not looked up as recurring furniture: prose does not recur.
SHAPE_CHARS = 200

_KINDS = (bp.GOOD, bp.NEAR, bp.BAD, bp.MARKER, bp.END)


def shape(text: str) -> str:
    """What recurs of a line across pages: lower case, digits as 0, white space folded."""
    return _SPACE.sub(" ", _DIGITS.sub("0", text.lower())).strip()


@dataclass
class PageLines:
    """One page read into units, with what the rules say about it."""

    meta: dict[str, str]
    units: list[bp.Unit]
    date: str | None
    region: tuple[int, int]  # the rules' densest prose run, [start, end)
    trimmed: tuple[int, int]  # that run narrowed to the article by the rules
    title: str | None
    host: str | None = None  # the outlet's web host, when the page names its URL
    shapes: list[str] = field(default_factory=list)
    # Per unit: does a blank line stand before it (1), not (0), or is it unknown (0.5)
    blank_before: np.ndarray = field(default_factory=lambda: np.zeros(0))


def page_lines(text: str) -> PageLines:
    """Units, rule classes and the rules' body region of a plain-text page."""
    meta, units, date = _read_page(text)
    start, end = bp.body_region(units) if units else (0, 0)
    title = meta.get("title")
    trimmed = (start, end)
    if start < end:
        trimmed = bp.trim_region(units, start, end, title or _find_title(units, start))
    if not title and units:
        title = _find_title(units, trimmed[0], trimmed[1]) if start < end else None
    host = urlparse(meta["url"]).netloc.lower().removeprefix("www.") if meta.get("url") else None
    shapes = [shape(u.text) if u.chars <= SHAPE_CHARS else "" for u in units]
    return PageLines(
        meta, units, date, (start, end), trimmed, title, host or None, shapes,
        _blank_lines_before(text, units),
    )


def _blank_lines_before(text: str, units: Sequence[bp.Unit]) -> np.ndarray:
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


# ---------------------------------------------------------------------------------------------
# Repetition across pages


@dataclass
class RunEvidence:
    """How many other pages carry a line: sites seen in training, and the outlet's other pages
    among those cleaned together (a folder often holds several pages of one outlet).

    ``sites`` maps a line shape to the number of training sites that carry it (shipped with
    the model). Pages cleaned together add their own evidence (see ``run_evidence``): a line
    shape counts once for every other article of the page's outlet in the run that carries it.
    """

    sites: dict[str, int] = field(default_factory=dict)
    # Per word: log of (training pages that use it in furniture + 1) over (pages that use it
    # in article text + 1) - a page-phrase list learned from the training pages.
    words: dict[str, float] = field(default_factory=dict)
    outlet_of: list[int] = field(default_factory=list)  # per page: its outlet group
    article_of: list[int] = field(default_factory=list)  # per page: its article cluster
    outlet_counts: dict[int, Counter[str]] = field(default_factory=dict)  # articles per shape
    # per (outlet, article cluster): the line shapes its pages carry
    article_shapes: dict[tuple[int, int], set[str]] = field(default_factory=dict)

    def count(self, page: int | None, line_shape: str) -> int:
        if not line_shape:
            return 0
        n = self.sites.get(line_shape, 0)
        if page is not None and self.outlet_of:
            counts = self.outlet_counts.get(self.outlet_of[page])
            if counts:
                key = (self.outlet_of[page], self.article_of[page])
                own = line_shape in self.article_shapes[key]
                n += counts[line_shape] - own
        return n


# Pages without a known host are of one outlet when they share this many distinct short lines
# that are not furniture of the web at large (two outlets' pages of one story share prose and
# the headline, hardly five navigation lines).
SIBLING_SHARED = 5
# Short lines held by more pages than this are not used to pair pages (the pairs would cost
# too much); pages of one big outlet still pair through their rarer shared lines.
PAIRING_HOLDERS = 50


def run_evidence(
    pages: Sequence[PageLines], sites: dict[str, int], words: dict[str, float] | None = None
) -> RunEvidence:
    """Evidence for cleaning ``pages`` together.

    Pages form outlets: pages of one host, or, where a page names no host, pages that share
    SIBLING_SHARED or more short lines. Pages that share a long line (a paragraph) verbatim
    are one article - versions of it, or one agency text - and count once. A line shape's
    evidence on a page is the number of the outlet's other articles that carry it.
    """
    evidence = RunEvidence(sites, words or {})
    if len(pages) < 2:
        return evidence
    outlets = _UnionFind(len(pages))
    articles = _UnionFind(len(pages))
    by_host: dict[str, int] = {}
    holders: dict[str, list[int]] = {}
    first_with_line: dict[str, int] = {}
    for i, p in enumerate(pages):
        if p.host:
            outlets.union(by_host.setdefault(p.host, i), i)
        for u, s in zip(p.units, p.shapes, strict=True):
            if u.chars > SHAPE_CHARS:
                articles.union(first_with_line.setdefault(shape(u.text), i), i)
            elif len(s) <= 60 and s not in sites:
                found = holders.setdefault(s, [])
                if not found or found[-1] != i:
                    found.append(i)
    shared: Counter[tuple[int, int]] = Counter()
    for found in holders.values():
        if 2 <= len(found) <= PAIRING_HOLDERS:
            for k, a in enumerate(found):
                for b in found[k + 1 :]:
                    if not (pages[a].host and pages[b].host):
                        shared[(a, b)] += 1
    for (a, b), n in shared.items():
        if n >= SIBLING_SHARED:
            outlets.union(a, b)
    evidence.outlet_of = [outlets.find(i) for i in range(len(pages))]
    evidence.article_of = [articles.find(i) for i in range(len(pages))]
    sizes = Counter(evidence.outlet_of)
    for i, p in enumerate(pages):
        if sizes[evidence.outlet_of[i]] > 1:
            key = (evidence.outlet_of[i], evidence.article_of[i])
            evidence.article_shapes.setdefault(key, set()).update(s for s in p.shapes if s)
    for (outlet, _), found in evidence.article_shapes.items():
        evidence.outlet_counts.setdefault(outlet, Counter()).update(found)
    return evidence


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        a, b = self.find(a), self.find(b)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


# ---------------------------------------------------------------------------------------------
# Features

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
    "topic_overlap",
    "title_overlap", "elsewhere", "elsewhere_short", "furniture_words",
    "furniture_word_max", "furniture_word_share", "blank_before",
    "blank_after", "log_block_size", "block_prose", "block_first", "block_last",
]
FEATURE_NAMES: tuple[str, ...] = (
    *_OWN,
    *(f"{name}_{'m' if o < 0 else 'p'}{abs(o)}" for o in _OFFSETS for name in _CONTEXT),
    *_PLACE,
)


def _signed_log(x: float) -> float:
    return math.copysign(math.log1p(abs(x)), x)


def page_features(
    page: PageLines, evidence: RunEvidence | None = None, index: int | None = None
) -> np.ndarray:
    """The feature matrix of a page's units, one row per unit, columns as FEATURE_NAMES."""
    units = page.units
    n = len(units)
    out = np.zeros((n, len(FEATURE_NAMES)), dtype=np.float64)
    if not n:
        return out
    page_shapes = Counter(bp._shape(u.text) for u in units if u.words <= 8)
    exact = Counter(u.text for u in units)
    own = np.zeros((n, len(_OWN)))
    for i, u in enumerate(units):
        not_letters = len(_NOT_LETTER.findall(u.text))
        own[i] = (
            math.log1p(u.chars),
            math.log1p(u.words),
            u.german,
            u.english,
            u.sentence,
            bool(bp._COLON_END.search(u.text)),
            min(bp.phrase_hits(u), 3) if u.chars < 1000 else 0,
            u.junk,
            is_stamp_line(u.text),
            u.dated,
            u.kind == bp.GOOD,
            u.kind == bp.NEAR,
            u.kind == bp.BAD,
            u.kind == bp.MARKER,
            u.kind == bp.END,
            math.log1p(page_shapes[bp._shape(u.text)] - 1) if u.words <= 8 else 0.0,
            exact[u.text] > 1,
            bool(bp.LIST_ITEM.match(u.text)),
            bp._heading_like(u),
            len(_UPPER_WORD.findall(u.text)) / max(u.words, 1),
            len(_DIGIT.findall(u.text)) / max(u.chars, 1),
            not_letters / max(u.chars, 1),
            _signed_log(u.weight),
        )
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
    t_start, t_end = page.trimmed
    index_array = np.arange(n)
    before = index_array < start
    after = index_array >= end
    distance = np.where(before, start - index_array, np.where(after, index_array - end + 1, 0))
    # The article's words: in how many prose lines of the rules' article each stands. A line
    # is measured against the others, not itself, so that a teaser inside the region scores
    # as low as one after it. (Whole lower-cased words: stems would cost more than the rest.)
    german = bp.stop_words()[0]
    words_of = [{w for w in u.lowered if len(w) >= 4 and w not in german} for u in units]
    vocabulary: Counter[str] = Counter()
    for i in range(t_start, t_end):
        if units[i].kind in (bp.GOOD, bp.NEAR):
            vocabulary.update(words_of[i])
    headline = {w.lower() for w in bp._WORD.findall(page.title or "")} - german
    topic = np.zeros(n)
    title_share = np.zeros(n)
    for i, u in enumerate(units):
        words = words_of[i]
        if words:
            counted = t_start <= i < t_end and u.kind in (bp.GOOD, bp.NEAR)
            topic[i] = sum(1 for w in words if vocabulary[w] > counted) / len(words)
            title_share[i] = len(words & headline) / len(words)
    place = np.stack(
        [
            index_array / max(n - 1, 1),
            offsets / max(chars.sum(), 1.0),
            (index_array >= start) & (index_array < end),
            (index_array >= t_start) & (index_array < t_end),
            before,
            after,
            np.log1p(distance),
            np.log1p(_boundaries_between(units, page.region)),
            _window_mean(prose, 3),
            _window_mean(prose, 8),
            topic,
            title_share,
            *evidence_columns(page, evidence, index).T,
            *_blocks(page.blank_before, prose).T,
        ],
        axis=1,
    )
    out[:, column:] = place
    return out


EVIDENCE_COLUMNS = (
    "elsewhere", "elsewhere_short", "furniture_words", "furniture_word_max",
    "furniture_word_share",
)


def evidence_columns(
    page: PageLines, evidence: RunEvidence | None, index: int | None = None
) -> np.ndarray:
    """The columns that come from beyond the page (EVIDENCE_COLUMNS): log(1 + other pages
    that carry the line), the same for lines of up to eight words, and the mean, the
    highest and the share (above 1) of its words' furniture scores."""
    columns = np.zeros((len(page.units), len(EVIDENCE_COLUMNS)))
    if evidence is None:
        return columns
    words = evidence.words
    for i, (u, s) in enumerate(zip(page.units, page.shapes, strict=True)):
        columns[i, 0] = math.log1p(evidence.count(index, s))
        columns[i, 1] = columns[i, 0] if u.words <= 8 else 0.0
        if words and u.lowered:
            scores = [words.get(w, 0.0) for w in u.lowered]
            columns[i, 2] = sum(scores) / len(scores)
            columns[i, 3] = max(scores)
            columns[i, 4] = sum(1 for x in scores if x > 1.0) / len(scores)
    return columns


def _blocks(blank_before: np.ndarray, prose: np.ndarray) -> np.ndarray:
    """Per unit: blank line before and after, and of its block (units not set apart by a
    blank line) the size, the share of prose, whether it is the block's first or last."""
    n = len(blank_before)
    blank_after = np.append(blank_before[1:], 1.0)
    block = np.cumsum(blank_before >= 0.5)
    sizes = np.bincount(block)
    prose_sums = np.bincount(block, weights=prose)
    first = np.append(1.0, (block[1:] != block[:-1]).astype(float)) if n else np.zeros(0)
    last = np.append((block[1:] != block[:-1]).astype(float), 1.0) if n else np.zeros(0)
    return np.stack(
        [blank_before, blank_after, np.log(sizes[block]), prose_sums[block] / sizes[block],
         first, last], axis=1,
    )


def _boundaries_between(units: Sequence[bp.Unit], region: tuple[int, int]) -> np.ndarray:
    """Per unit: how many section openers, article ends and datelines stand between it and
    the heaviest line of the densest prose region (a teaser list after "Empfohlen")."""
    start, end = region
    n = len(units)
    if start >= end:
        return np.zeros(n)
    core = max(range(start, end), key=lambda i: units[i].weight)
    marks = np.array([u.kind in (bp.MARKER, bp.END) or u.dated for u in units], dtype=float)
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


# ---------------------------------------------------------------------------------------------
# Model and decoding


@dataclass
class Trees:
    """A boosted tree ensemble as flat arrays: node i splits on ``feature[i]`` at
    ``threshold[i]`` (at or below goes ``left``), or is a leaf (feature -1) worth ``value[i]``."""

    roots: np.ndarray
    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray
    depth: int

    def score(self, features: np.ndarray) -> np.ndarray:
        rows = np.arange(len(features))
        node = np.broadcast_to(self.roots, (len(features), len(self.roots))).copy()
        for _ in range(self.depth):
            split = self.feature[node]
            leaf = split < 0
            at = features[rows[:, None], np.where(leaf, 0, split)]
            down = np.where(at <= self.threshold[node], self.left[node], self.right[node])
            node = np.where(leaf, node, down)
        return self.value[node].sum(axis=1)

    def to_json(self) -> dict:
        return {
            "roots": self.roots.tolist(),
            "feature": self.feature.tolist(),
            "threshold": [round(float(x), 6) for x in self.threshold],
            "left": self.left.tolist(),
            "right": self.right.tolist(),
            "value": [round(float(x), 6) for x in self.value],
            "depth": self.depth,
        }

    @classmethod
    def from_json(cls, data: dict) -> Trees:
        return cls(
            np.array(data["roots"], dtype=np.int64),
            np.array(data["feature"], dtype=np.int64),
            np.array(data["threshold"], dtype=np.float64),
            np.array(data["left"], dtype=np.int64),
            np.array(data["right"], dtype=np.int64),
            np.array(data["value"], dtype=np.float64),
            int(data["depth"]),
        )


@dataclass
class LineModel:
    """Log-odds of a line being article text - a logistic regression over standardised
    features, plus a boosted tree ensemble if there is one - and the decoder's settings."""

    names: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: float
    switch: float  # log-odds a path pays to go from dropped to kept lines or back
    offset: float  # added to every line's log-odds before decoding
    drop_junk: bool  # drop the lines the rules call junk (captions, credits, stamps) after it
    trim: bool  # then cut the kept lines at section openers as the rules do (bp.trim_region)
    sites: dict[str, int]
    words: dict[str, float] = field(default_factory=dict)
    trees: Trees | None = None
    info: dict = field(default_factory=dict)

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        z = ((features - self.mean) / self.scale) @ self.weights + self.bias
        if self.trees is not None:
            z = z + self.trees.score(features)
        return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))

    def to_json(self) -> dict:
        return {
            "format": "briefing-learned-cleaner/1",
            "features": list(self.names),
            "mean": [round(float(x), 6) for x in self.mean],
            "scale": [round(float(x), 6) for x in self.scale],
            "weights": [round(float(x), 6) for x in self.weights],
            "bias": round(float(self.bias), 6),
            "switch": self.switch,
            "offset": self.offset,
            "drop_junk": self.drop_junk,
            "trim": self.trim,
            "trees": self.trees.to_json() if self.trees is not None else None,
            "sites": dict(sorted(self.sites.items())),
            "words": {w: round(x, 3) for w, x in sorted(self.words.items())},
            "info": self.info,
        }

    @classmethod
    def from_json(cls, data: dict) -> LineModel:
        names = tuple(data["features"])
        if names != FEATURE_NAMES:
            raise ValueError("the model file was trained on other features than this code makes")
        return cls(
            names,
            np.array(data["mean"], dtype=np.float64),
            np.array(data["scale"], dtype=np.float64),
            np.array(data["weights"], dtype=np.float64),
            float(data["bias"]),
            float(data["switch"]),
            float(data["offset"]),
            bool(data["drop_junk"]),
            bool(data["trim"]),
            {str(k): int(v) for k, v in data["sites"].items()},
            {str(k): float(v) for k, v in data["words"].items()},
            Trees.from_json(data["trees"]) if data.get("trees") else None,
            dict(data.get("info", {})),
        )


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_PATH) -> LineModel:
    """The shipped model (read once)."""
    return LineModel.from_json(json.loads(path.read_text(encoding="utf-8")))


def decode(probabilities: np.ndarray, switch: float, bias: float = 0.0) -> np.ndarray:
    """Keep or drop each line: the most likely path through three states - before the
    article, in it (kept), after it - where every change of state costs ``switch`` (in
    log-odds) and the path must keep at least one line. ``bias`` is added to every line's
    log-odds of being kept.

    A lone caption inside the article is still dropped when the model is sure of it; a run of
    weak lines between the body and the footer goes with the footer; a page whose only
    paragraph is surrounded by navigation keeps that paragraph.
    """
    n = len(probabilities)
    if n == 0:
        return np.zeros(0, dtype=bool)
    p = np.clip(probabilities, 1e-6, 1 - 1e-6)
    logit = (np.log(p) - np.log1p(-p) + bias).tolist()
    # Scores relative to dropping every line: a kept line earns its log-odds.
    before, inside, after = 0.0, logit[0], -math.inf
    # back[i] = the state at line i - 1 on the best path into (inside, after) at line i;
    # "before" can only follow itself.
    back_inside = [1] * n
    back_after = [2] * n
    for i in range(1, n):
        enter, stay, again = before - switch, inside, after - switch
        if stay >= enter and stay >= again:
            new_inside, back_inside[i] = stay, 1
        elif enter >= again:
            new_inside, back_inside[i] = enter, 0
        else:
            new_inside, back_inside[i] = again, 2
        leave = inside - switch
        if leave > after:
            after, back_after[i] = leave, 1
        inside = new_inside + logit[i]
    # Standing in the article at the page's first or last line costs no jump.
    state = 1 if inside >= after else 2
    kept = np.zeros(n, dtype=bool)
    for i in range(n - 1, -1, -1):
        kept[i] = state == 1
        state = back_inside[i] if state == 1 else back_after[i] if state == 2 else 0
    return kept


def predict_lines(
    page: PageLines,
    model: LineModel | None = None,
    evidence: RunEvidence | None = None,
    index: int | None = None,
) -> np.ndarray:
    """Which units of the page are article text."""
    model = model or load_model()
    if evidence is None:
        evidence = RunEvidence(model.sites, model.words)
    probabilities = model.probabilities(page_features(page, evidence, index))
    return select(
        page, probabilities, model.switch, model.offset, model.drop_junk, model.trim
    )


def select(
    page: PageLines, probabilities: np.ndarray, switch: float, offset: float, drop_junk: bool,
    trim: bool,
) -> np.ndarray:
    """The decoded lines; then, when asked, less the junk lines and trimmed as the rules trim
    their body region."""
    kept = decode(probabilities, switch, offset)
    if drop_junk:
        kept &= ~np.array([u.junk for u in page.units], dtype=bool)
    if trim and kept.any():
        # The rules' cut at section openers: parts after "Empfohlen", "Mehr zum Thema" that
        # are about something else go, with all after them.
        where = np.flatnonzero(kept)
        start, end = bp.trim_region(page.units, int(where[0]), int(where[-1]) + 1, page.title)
        kept[:start] = False
        kept[end:] = False
    return kept


def body_blocks(units: Sequence[bp.Unit], kept: np.ndarray, title: str | None) -> list[Block]:
    """The kept units as paragraphs and subheadings, as ``clean_document`` gives them: a short
    headline-like line before a paragraph is a subheading, the headline itself goes, a
    summary box's label ("Das Wichtigste in Kürze") goes, and so does a short line that
    announces with a colon what is gone ("Hier siehst du den Empfang im Video:")."""
    folded_title = title.casefold() if title else None
    chosen = []
    for i, u in enumerate(units):
        if not kept[i] or (folded_title and u.text.casefold() == folded_title):
            continue
        announces = bp._COLON_END.search(u.text) and u.words <= 10
        if announces and (i + 1 == len(units) or not kept[i + 1]):
            continue
        label = bp.LEADING_LABEL.match(u.text)
        chosen.append((u, u.text[label.end() :] if label else u.text))
    def paragraph(u: bp.Unit) -> bool:
        return u.kind in (bp.GOOD, bp.NEAR) or u.sentence or u.words > 15

    blocks: list[Block] = []
    for i, (u, text) in enumerate(chosen):
        following = chosen[i + 1][0] if i + 1 < len(chosen) else None
        if paragraph(u) or following is None or not bp._heading_like(u):
            blocks.append(Block("paragraph", text))
        elif not (text.endswith(":") and not paragraph(following)):
            blocks.append(Block("heading", text))
        # else: a label ("Der Überblick:") over a box or list that is gone
    while blocks and blocks[-1].is_heading:
        blocks.pop()
    return blocks


def clean_with_model(
    doc: RawDocument,
    model: LineModel | None = None,
    evidence: RunEvidence | None = None,
    index: int | None = None,
    page: PageLines | None = None,
) -> Article:
    """Like ``clean_document`` for plain text, the body chosen by the learned model.

    Title, outlet and date come from the rules as today. ``evidence`` and ``index`` say which
    of the pages cleaned together this one is (see ``run_evidence``); without them the
    training sites' table is the only evidence of recurring lines. HTML goes to the rules.
    Raises ``EmptyArticleError`` like ``clean_document``.
    """
    from briefing.core.clean import EmptyArticleError, clean_document

    if doc.kind == "html":
        return clean_document(doc)
    page = page or page_lines(doc.text)
    if not page.units:
        raise EmptyArticleError("the page has no text")
    return article_from(doc, page, predict_lines(page, model, evidence, index))


def article_from(doc: RawDocument, page: PageLines, kept: np.ndarray) -> Article:
    """The Article of a page whose kept units are known; metadata as the rules find it."""
    from briefing.core.clean import EmptyArticleError, _first_sentence

    title, outlet, date = page.title, page.meta.get("outlet"), page.date
    start = int(np.argmax(kept)) if kept.any() else page.trimmed[0]
    end = len(kept) - int(np.argmax(kept[::-1])) if kept.any() else page.trimmed[1]
    if title and not outlet:
        outlet = next((o for u in page.units[:start] if (o := split_outlet(u.text, title))), None)
    if not date:
        date = next(
            (normalize_date(u.text) for u in page.units[:end] if is_stamp_line(u.text)), None
        )
    blocks = body_blocks(page.units, kept, title)
    if not any(not b.is_heading for b in blocks):
        raise EmptyArticleError("no article text left after removing page furniture")
    return Article(
        path=doc.path,
        title=title or _first_sentence(blocks) or doc.path.stem,
        blocks=blocks,
        outlet=outlet,
        date=date,
        url=page.meta.get("url"),
        content_hash=doc.content_hash,
    )
