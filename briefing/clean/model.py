"""The learned line model: which lines of a page are the article (issue 21).

Boosted trees (trained by ``benchmarks/train_cleaner.py`` on the cleaning dev pages,
cross-validated by site) give each line's features (``features.FEATURE_NAMES``) a log-odds of
being article text. A three-state Viterbi pass - before the article, in it, after it; each
change of state costs a fixed log-odds - turns them into kept lines, at least one; then the
rules' junk lines (captions, credits, stamps) are dropped and, when the model file says so
(``trim``), the kept span is cut at section openers as the rules cut their region
(``region.trim_region``), on both sides or after the article only. The parameters ship as
JSON beside this module and load with numpy only.

Takes a read page (``features.PageLines``); gives which of its units are kept
(``keep_lines``).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from briefing.clean.features import FEATURE_NAMES, PageLines, page_features
from briefing.clean.lines import GOOD, NEAR
from briefing.clean.region import trim_region

MODEL_PATH = Path(__file__).resolve().parent / "line_model.json"
MODEL_FORMAT = "briefing-line-model/2"
TRIM_MODES = ("", "tail", "region")


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
        """The summed leaf values of every row: its log-odds."""
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
    """The trees, the word table their features read, and the decoder's settings."""

    trees: Trees
    words: dict[str, float]  # furniture score per word (see features.page_features)
    switch: float  # log-odds a path pays to go from dropped to kept lines or back
    offset: float  # added to every line's log-odds before decoding
    drop_junk: bool  # drop the lines the rules call junk (captions, credits, stamps) after it
    # then cut the kept lines at section openers as the rules cut their region: "region" on
    # both sides, "tail" only after the article, "" not at all
    trim: str
    info: dict = field(default_factory=dict)

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        z = self.trees.score(features)
        return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))

    def to_json(self) -> dict:
        return {
            "format": MODEL_FORMAT,
            "features": list(FEATURE_NAMES),
            "switch": self.switch,
            "offset": self.offset,
            "drop_junk": self.drop_junk,
            "trim": self.trim,
            "info": self.info,
            "trees": self.trees.to_json(),
            "words": {w: round(x, 3) for w, x in sorted(self.words.items())},
        }

    @classmethod
    def from_json(cls, data: dict) -> LineModel:
        if data.get("format") != MODEL_FORMAT or tuple(data["features"]) != FEATURE_NAMES:
            raise ValueError("the model file was trained on other features than this code makes")
        return cls(
            Trees.from_json(data["trees"]),
            {str(k): float(v) for k, v in data["words"].items()},
            float(data["switch"]),
            float(data["offset"]),
            bool(data["drop_junk"]),
            _trim_mode(data["trim"]),
            dict(data.get("info", {})),
        )


def _trim_mode(value: bool | str) -> str:
    """The trim setting of a model file (true and false in files before "tail")."""
    if isinstance(value, bool):
        return "region" if value else ""
    if value not in TRIM_MODES:
        raise ValueError(f"unknown trim setting in the model file: {value!r}")
    return value


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


def select(
    page: PageLines, probabilities: np.ndarray, switch: float, offset: float, drop_junk: bool,
    trim: str,
) -> np.ndarray:
    """The decoded lines; then, when asked, less the junk lines and trimmed as the rules trim
    their body region (parts after "Empfohlen", "Mehr zum Thema" that are about something
    else go, with all after them): on both sides (``trim`` "region") or only after the
    article ("tail"), and then never where it would cut the kept line the model is surest
    of (the rules choose the article's part by its weight, and a forum or menu part that
    the model kept can outweigh the article)."""
    kept = decode(probabilities, switch, offset)
    if drop_junk:
        kept &= ~np.array([u.junk for u in page.units], dtype=bool)
    if trim and kept.any():
        where = np.flatnonzero(kept)
        start, end = trim_region(page.units, int(where[0]), int(where[-1]) + 1, page.title)
        if trim == "region":
            kept[:start] = False
            kept[end:] = False
        elif end > int(np.argmax(np.where(kept, probabilities, -1.0))):
            kept[end:] = False  # "tail", never cutting the kept line the model is surest of
    return kept


def all_prose(page: PageLines) -> bool:
    """Nothing for the model to decide: every line is prose by the rules' signals (no short,
    junk, dated or furniture line), as in an article saved as plain paragraphs."""
    return all(u.kind in (GOOD, NEAR) and not u.junk and not u.dated for u in page.units)


def keep_lines(page: PageLines, model: LineModel | None = None) -> np.ndarray:
    """Which units of the page are article text."""
    if all_prose(page):
        return np.ones(len(page.units), dtype=bool)
    model = model or load_model()
    probabilities = model.probabilities(page_features(page, model.words))
    return select(page, probabilities, model.switch, model.offset, model.drop_junk, model.trim)
