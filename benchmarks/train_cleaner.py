"""Train the line model of the cleaner on the cleaning dev pages, with k-fold CV by site.

Labels come from the annotations' strings: a unit (line) that contains a ``with`` string is
article text, one that contains a ``without`` string is furniture (a string that spans lines
labels each line it covers); only these lines are trained on. Scores are the dev README's
string scores, on the bodies as ``briefing clean`` gives them (``clean.page.page_from`` on
the lines ``clean.model.keep_lines`` keeps, the all-prose shortcut included).

Folds group pages by site (every dev page is from a different site; the deal is by a hash of
the site, ``--seed`` deals again). The furniture-word table is rebuilt from each fold's
training pages, each training page's own words left out. The decoder's switch cost and offset
are chosen inside each training part by an inner cross-validation, so the outer figure is
measured on pages that chose nothing; the features, the tree settings, the decoder's grid
and the trim after it (``--trim``: the rules' cut at section openers, after the article only)
were chosen on the CV of these same pages. The rules (``briefing clean`` before the model)
and keep-all are scored on the same pages beside it. Needs scikit-learn (the test extras);
the product reads the written JSON with numpy only.

    python benchmarks/train_cleaner.py                      # CV figures, then the model file
    python benchmarks/train_cleaner.py --no-write --seed b  # CV on another deal of the sites
    python benchmarks/train_cleaner.py --no-write --folds 10
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import numpy as np
from sklearn.ensemble import GradientBoostingClassifier

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "eval" / "cleaning" / "dev"
sys.path.insert(0, str(ROOT))

from benchmarks.cleaning import Score, fold
from briefing.clean.features import (
    FEATURE_NAMES,
    WORD_COLUMNS,
    PageLines,
    page_features,
    page_lines,
    word_columns,
)
from briefing.clean.lines import GOOD, NEAR
from briefing.clean.model import MODEL_PATH, TRIM_MODES, LineModel, Trees, keep_lines, select
from briefing.clean.page import page_from

# A word's furniture score needs this many training pages that use it.
MIN_WORD_PAGES = 3
# The decoder's switch costs and offsets to try.
SWITCHES = (0.0, 0.5, 1.0, 2.0, 3.0, 4.0)
OFFSETS = (-3.0, -2.5, -2.0, -1.5, -1.0, -0.5, 0.0, 0.5)
FOLDS = 5
TREE_DEPTH = 3
LEAF = 10
TREES = 100
RATE = 0.1


@dataclass
class Page:
    file: str
    site: str
    text: str
    lines: PageLines
    labels: np.ndarray  # 1 article, 0 furniture, per unit
    weights: np.ndarray  # 1 labelled, 0 not; -1 inside the article's span, -2 outside it
    row: dict
    # "with"/"without": per string, the units it stands in and whether it needs all of them
    # (a string that spans lines) or any one (a string that stands in several lines)
    covers: dict[str, list[tuple[bool, list[int]]]]
    words: tuple[set[str], set[str]] = (set(), set())  # see page_words


def site_of(url: str) -> str:
    return urlparse(url).netloc.lower().removeprefix("www.")


def line_labels(
    lines: PageLines, row: dict
) -> tuple[np.ndarray, np.ndarray, dict[str, list[tuple[bool, list[int]]]]]:
    """Labels and weights per unit from the page's strings (see the module docstring), and
    the units each string stands in."""
    texts = [fold(u.text) for u in lines.units]
    starts, position = [], 0
    for t in texts:
        starts.append(position)
        position += len(t) + 1
    joined = " ".join(texts)
    n = len(texts)
    positive = np.zeros(n, dtype=bool)
    negative = np.zeros(n, dtype=bool)
    covers: dict[str, list[tuple[bool, list[int]]]] = {"with": [], "without": []}
    for kind, target in (("with", positive), ("without", negative)):
        for string in row[kind]:
            s = fold(string)
            hits = [i for i, t in enumerate(texts) if s in t]
            spans = not hits
            if spans:  # every line it covers
                at = joined.find(s)
                if at < 0:
                    continue
                hits = [
                    i for i in range(n)
                    if starts[i] < at + len(s) and starts[i] + len(texts[i]) > at
                ]
            covers[kind].append((spans, hits))
            target[hits] = True
    labels = np.zeros(n)
    weights = np.full(n, -2.0)
    if positive.any():
        where = np.flatnonzero(positive)
        labels[where[0] : where[-1] + 1] = 1.0
        weights[where[0] : where[-1] + 1] = -1.0
    strong_pos = positive & ~negative
    strong_neg = negative & ~positive
    labels[strong_pos], weights[strong_pos] = 1.0, 1.0
    labels[strong_neg], weights[strong_neg] = 0.0, 1.0
    weights[positive & negative] = 0.0  # keeping it wins one string and loses one
    return labels, weights, covers


def load_pages(split: Path = DEV) -> list[Page]:
    rows = [
        json.loads(line)
        for line in (split / "annotations.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    pages = []
    for row in sorted(rows, key=lambda r: r["file"]):
        text = (split / row["file"]).read_text(encoding="utf-8")
        lines = page_lines(text)
        labels, weights, covers = line_labels(lines, row)
        page = Page(row["file"], site_of(row["url"]), text, lines, labels, weights, row, covers)
        page.words = page_words(page)
        pages.append(page)
    return pages


def folds_by_site(pages: list[Page], k: int, seed: str = "") -> list[int]:
    """Fold of each page: sites ordered by a hash, dealt out in turn (deterministic)."""
    sites = sorted(
        {p.site for p in pages}, key=lambda s: hashlib.sha1((seed + s).encode()).digest()
    )
    fold_of_site = {site: i % k for i, site in enumerate(sites)}
    return [fold_of_site[p.site] for p in pages]


def page_words(page: Page) -> tuple[set[str], set[str]]:
    """Words of the page's furniture (lines outside the annotated article, or labelled
    furniture) and of its article text (prose lines inside it, or labelled article)."""
    furniture: set[str] = set()
    article: set[str] = set()
    for u, kind, label in zip(page.lines.units, page.weights, page.labels, strict=True):
        if kind == -2 or (kind == 1 and label == 0):
            furniture.update(u.lowered)
        elif (kind == -1 and u.kind in (GOOD, NEAR)) or (kind == 1 and label == 1):
            article.update(u.lowered)
    return furniture, article


def word_counts(pages: list[Page]) -> tuple[Counter[str], Counter[str]]:
    furniture: Counter[str] = Counter()
    article: Counter[str] = Counter()
    for p in pages:
        f, a = p.words
        furniture.update(f)
        article.update(a)
    return furniture, article


def word_scores(
    counts: tuple[Counter[str], Counter[str]], minus: tuple[set[str], set[str]] | None = None,
    only: Iterable[str] | None = None,
) -> dict[str, float]:
    """log((furniture pages + 1) / (article pages + 1)) of the words used on MIN_WORD_PAGES
    pages or more; ``minus`` leaves one page's own words out."""
    furniture, article = counts
    own_f, own_a = minus or (set(), set())
    scores = {}
    for w in only if only is not None else set(furniture) | set(article):
        f = furniture.get(w, 0) - (w in own_f)
        a = article.get(w, 0) - (w in own_a)
        if f + a >= MIN_WORD_PAGES:
            scores[w] = round(math.log((f + 1) / (a + 1)), 3)
    return scores


class Features:
    """Feature matrices per page; only the word columns depend on the training pages."""

    def __init__(self, pages: list[Page], drop: list[str] | None = None) -> None:
        self.base = [page_features(p.lines, {}) for p in pages]
        self.index = {id(p): i for i, p in enumerate(pages)}
        self.columns = [FEATURE_NAMES.index(name) for name in WORD_COLUMNS]
        # An ablation: features left out are constant zero (never split on).
        self.dropped = [
            i for i, name in enumerate(FEATURE_NAMES)
            if any(name == d or name.startswith(d + "_") for d in drop or [])
        ]

    def of(self, page: Page, words: dict[str, float]) -> np.ndarray:
        x = self.base[self.index[id(page)]].copy()
        x[:, self.columns] = word_columns(page.lines.units, words)
        x[:, self.dropped] = 0.0
        return x


def fit(pages: list[Page], features: Features, settings: dict) -> LineModel:
    """Boosted trees on the pages' labelled lines, the two classes weighing alike
    (deterministic: fixed seed)."""
    counts = word_counts(pages)
    rows = [
        features.of(p, word_scores(counts, p.words, {w for u in p.lines.units for w in u.lowered}))
        for p in pages
    ]
    trees = train_trees(pages, rows, settings)
    return LineModel(trees, word_scores(counts), 1.0, 0.0, True, settings["trim"])


def train_trees(pages: list[Page], rows: list[np.ndarray], settings: dict) -> Trees:
    ys, ws = [], []
    for p in pages:
        ys.append(p.labels)
        ws.append(np.where(p.weights == 1, 1.0, 0.0))
    x, y, w = np.concatenate(rows), np.concatenate(ys), np.concatenate(ws)
    labelled = w > 0
    x, y, w = x[labelled], y[labelled], w[labelled]
    w = np.where(y == 1, w * w[y == 0].sum() / w[y == 1].sum(), w)
    return boosted_trees(x, y, w / w.mean(), settings)


def boosted_trees(x: np.ndarray, y: np.ndarray, w: np.ndarray, settings: dict) -> Trees:
    """Gradient-boosted trees (sklearn, fixed seed), flattened for numpy-only prediction."""
    boosting = GradientBoostingClassifier(
        n_estimators=settings["trees"], max_depth=settings.get("depth", TREE_DEPTH),
        learning_rate=settings["rate"], subsample=0.8,
        min_samples_leaf=settings.get("leaf", LEAF), random_state=0,
    )
    boosting.fit(x, y, sample_weight=w)
    roots, feature, threshold, left, right, value = [], [], [], [], [], []
    # sklearn starts from the prior's log-odds: the first tree carries it as a leaf shift
    prior = float(boosting._raw_predict_init(x[:1])[0, 0])
    for k, (estimator,) in enumerate(boosting.estimators_):
        tree = estimator.tree_
        base = len(feature)
        roots.append(base)
        leaf = tree.children_left < 0
        feature.extend(np.where(leaf, -1, tree.feature).tolist())
        threshold.extend(tree.threshold.tolist())
        left.extend(np.where(leaf, -1, tree.children_left + base).tolist())
        right.extend(np.where(leaf, -1, tree.children_right + base).tolist())
        values = boosting.learning_rate * tree.value[:, 0, 0] + (prior if k == 0 else 0.0)
        value.extend(values.tolist())
    return Trees(
        np.array(roots), np.array(feature), np.array(threshold), np.array(left),
        np.array(right), np.array(value), settings.get("depth", TREE_DEPTH),
    )


def probabilities(page: Page, model: LineModel, features: Features) -> np.ndarray:
    return model.probabilities(features.of(page, model.words))


def body(page: Page, model: LineModel) -> str:
    """The body ``briefing clean`` prints for the page with this model ("" when skipped)."""
    blocks = page_from(page.lines, keep_lines(page.lines, model)).blocks
    if not any(not b.is_heading for b in blocks):
        return ""
    return "\n\n".join(b.text for b in blocks)


def score_bodies(pages: list[Page], bodies: list[str]) -> Score:
    total = Score()
    for p, text in zip(pages, bodies, strict=True):
        folded = fold(text)
        total.pages += 1
        for s in p.row["with"]:
            if fold(s) in folded:
                total.tp += 1
            else:
                total.fn += 1
                total.misses.append((p.file, "lost", s))
        for s in p.row["without"]:
            if fold(s) in folded:
                total.fp += 1
                total.misses.append((p.file, "kept", s))
    return total


def line_score(pages: list[Page], probs: list[np.ndarray], switch: float, offset: float,
               drop_junk: bool, trim: str) -> float:
    """F1 of the strings counted on the kept lines (a string is kept when all its lines are):
    close to the body's score and much faster, for choosing the decoder."""
    tp = fn = fp = 0
    for p, q in zip(pages, probs, strict=True):
        kept = select(p.lines, q, switch, offset, drop_junk, trim)
        found = [
            bool(hits) and (kept[hits].all() if spans else kept[hits].any())
            for kind in ("with", "without") for spans, hits in p.covers[kind]
        ]
        positives = len(p.covers["with"])
        tp += sum(found[:positives])
        fn += positives - sum(found[:positives])
        fp += sum(found[positives:])
    return 2 * tp / (2 * tp + fn + fp) if tp else 0.0


def out_of_fold(pages: list[Page], features: Features, settings: dict, k: int, seed: str
                ) -> list[np.ndarray]:
    """Each page's line probabilities from a model trained on the other folds' sites."""
    folds = folds_by_site(pages, k, seed)
    probs: list[np.ndarray] = [np.zeros(0)] * len(pages)
    for f in range(k):
        model = fit([p for p, g in zip(pages, folds, strict=True) if g != f], features, settings)
        for i, p in enumerate(pages):
            if folds[i] == f:
                probs[i] = probabilities(p, model, features)
    return probs


def choose_decoder(pages: list[Page], features: Features, settings: dict, k: int
                   ) -> tuple[float, float, bool, str]:
    """The decoder's (switch, offset, drop_junk, trim) that score best in a k-fold CV over
    ``pages`` alone."""
    probs = out_of_fold(pages, features, settings, k, seed="inner")
    grid = [(s, o, j, settings["trim"]) for s in SWITCHES for o in OFFSETS
            for j in settings["drop_junk"]]
    scores = {g: line_score(pages, probs, *g) for g in grid}
    return max(grid, key=lambda g: (round(scores[g], 6), -g[0], -abs(g[1]), g[2]))


def trained(pages: list[Page], features: Features, settings: dict, k: int) -> LineModel:
    """A model fitted on ``pages``, its decoder chosen by an inner CV over them."""
    model = fit(pages, features, settings)
    model.switch, model.offset, model.drop_junk, model.trim = choose_decoder(
        pages, features, settings, k)
    return model


def rules_body(page: Page) -> str:
    """What the rules alone keep, shown as the model's lines are: their region, trimmed,
    their junk lines dropped (the rules' own subheading and author-box steps are gone)."""
    units = page.lines.units
    start, end = page.lines.trimmed
    kept = np.zeros(len(units), dtype=bool)
    kept[start:end] = True
    kept &= ~np.array([u.junk for u in units], dtype=bool)
    blocks = page_from(page.lines, kept).blocks
    return "\n\n".join(b.text for b in blocks) if any(not b.is_heading for b in blocks) else ""


def line(name: str, s: Score) -> str:
    return (f"{name:14} P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}  "
            f"({s.tp} TP {s.fn} FN {s.fp} FP)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", type=Path, default=DEV)
    parser.add_argument("--folds", type=int, default=FOLDS)
    parser.add_argument("--seed", default="", help="another deal of sites into folds")
    parser.add_argument("--no-write", action="store_true", help="do not write the model file")
    parser.add_argument("--errors", action="store_true", help="list lost and kept strings")
    parser.add_argument("--drop", default="", help="comma-separated features to leave out")
    parser.add_argument("--trees", type=int, default=TREES, help="boosted trees")
    parser.add_argument("--rate", type=float, default=RATE, help="boosting learning rate")
    parser.add_argument("--trim", choices=TRIM_MODES, default="tail",
                        help="cut the kept lines at section openers as the rules cut their "
                             "region: on both sides, after the article only, or not ('')")
    parser.add_argument("--junk", choices=("choose", "drop", "keep"), default="drop",
                        help="drop the rules' junk lines after decoding, or let the CV choose")
    parser.add_argument("--depth", type=int, default=TREE_DEPTH, help="depth of the trees")
    parser.add_argument("--leaf", type=int, default=LEAF, help="least lines in a leaf")
    args = parser.parse_args()
    if not (args.split / "annotations.jsonl").exists():
        print(f"no annotations under {args.split}: skipped", file=sys.stderr)
        return 0
    started = time.perf_counter()
    settings = {
        "trees": args.trees, "rate": args.rate, "trim": args.trim,
        "depth": args.depth, "leaf": args.leaf,
        "drop_junk": {"choose": (False, True), "drop": (True,), "keep": (False,)}[args.junk],
    }
    pages = load_pages(args.split)
    features = Features(pages, [d for d in args.drop.split(",") if d])
    folds = folds_by_site(pages, args.folds, args.seed)
    learned = [""] * len(pages)
    chosen = []
    for f in range(args.folds):
        model = trained([p for p, g in zip(pages, folds, strict=True) if g != f], features,
                        settings, args.folds)
        chosen.append((model.switch, model.offset))
        for i, p in enumerate(pages):
            if folds[i] == f:
                learned[i] = body(p, model)
    rules = [rules_body(p) for p in pages]
    print(f"pages {len(pages)}, sites {len({p.site for p in pages})}, {args.folds} folds by "
          f"site (seed {args.seed!r}); decoder (switch, offset) chosen inside each fold: "
          f"{chosen}")
    for f in range(args.folds):
        test = [i for i, g in enumerate(folds) if g == f]
        a = score_bodies([pages[i] for i in test], [learned[i] for i in test])
        r = score_bodies([pages[i] for i in test], [rules[i] for i in test])
        print(f"  fold {f}: learned F1 {a.f1:.3f}  rules F1 {r.f1:.3f}  ({len(test)} pages)")
    learned_score = score_bodies(pages, learned)
    print(line("learned (CV)", learned_score))
    print(line("rules", score_bodies(pages, rules)))
    print(line("keep-all", score_bodies(pages, [p.text for p in pages])))
    if args.errors:
        for file, kind, text in learned_score.misses:
            print(f"{kind:4} {file}: {text}")
    if not args.no_write:
        model = trained(pages, features, settings, args.folds)
        model.info = {
            "trained_on": f"cleaning dev pages ({len(pages)} pages)",
            "cv_precision": round(learned_score.precision, 4),
            "cv_recall": round(learned_score.recall, 4),
            "cv_f1": round(learned_score.f1, 4),
            "folds": f"{args.folds} by site, seed {args.seed!r}",
            "command": "python benchmarks/train_cleaner.py",
        }
        MODEL_PATH.write_text(json.dumps(model.to_json(), ensure_ascii=False, indent=0) + "\n",
                              encoding="utf-8")
        print(f"wrote {MODEL_PATH.relative_to(ROOT)} ({MODEL_PATH.stat().st_size} bytes), "
              f"switch {model.switch}, offset {model.offset}")
    print(f"time {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
