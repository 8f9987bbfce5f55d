"""Train the learned line cleaner on the cleaning dev pages, with k-fold cross-validation by site.

Labels come from the annotations' strings: a unit (line) that contains a ``with`` string is
article text, one that contains a ``without`` string is furniture (a string that spans lines
labels each line it covers). Only these lines are trained on: weak labels for the others
(inside or outside the span of the ``with`` lines) can be given weights with ``--weak`` and
``--weak-prose``, and lowered the CV score (0.883 at 0.3; 0.913 for prose outside at 0.3).
Scores are always the dev README's string scores, on the bodies as ``clean_with_model`` gives
them.

Folds group pages by site (the ``url`` host; a deal by a hash of the site, ``--seed`` deals
again), so that no site's furniture is learned from its own pages; the table of lines that
recur across sites and the furniture-word scores are rebuilt from each fold's training pages
(a training page's own lines left out). The decoder's switch cost and offset are chosen
inside each training part by an inner cross-validation, so the outer figure is measured on
pages that chose nothing. The rules (``clean_document``) and keep-all are scored on the same
pages beside it.

    python benchmarks/train_cleaner.py            # CV figures, then writes the model file
    python benchmarks/train_cleaner.py --no-write # CV figures only
    python benchmarks/train_cleaner.py --trees 0  # logistic regression instead of trees
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

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "eval" / "cleaning" / "dev"
sys.path.insert(0, str(ROOT))

from benchmarks.cleaning import Score, fold
from briefing.core.boilerplate import GOOD, NEAR
from briefing.core.clean import EmptyArticleError
from briefing.core.ingest import RawDocument
from briefing.learned_cleaner import (
    EVIDENCE_COLUMNS,
    FEATURE_NAMES,
    MODEL_PATH,
    LineModel,
    PageLines,
    RunEvidence,
    Trees,
    article_from,
    evidence_columns,
    page_features,
    page_lines,
    select,
)

# A line shape must recur on this many training sites to count as furniture of the web.
MIN_SITES = 2
# A word's furniture score needs this many training pages that use it.
MIN_WORD_PAGES = 3
# Weights of the weak labels (lines no annotated string touches) beside the strong ones (1).
WEAK_INSIDE = 0.0
WEAK_OUTSIDE = 0.0
# ... except prose lines outside the annotated article: teasers, comments, other articles.
WEAK_PROSE_OUTSIDE = 0.0
# L2 strength of the logistic regression (sklearn's C) and the decoder's switch costs to try.
C = 0.3
SWITCHES = (0.0, 0.5, 1.0, 2.0, 3.0, 4.0)
OFFSETS = (-3.0, -2.5, -2.0, -1.5, -1.0, -0.5, 0.0, 0.5)
FOLDS = 5
TREE_DEPTH = 3
TREES = 100
BAGS = 1
RATE = 0.1


@dataclass
class Page:
    file: str
    site: str
    text: str
    lines: PageLines
    labels: np.ndarray  # 1 article, 0 furniture, per unit
    weights: np.ndarray  # 1 strong label, 0 none, -1 weak inside, -2 weak outside
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
                hits = [i for i in range(n) if starts[i] < at + len(s) and starts[i] + len(
                    texts[i]) > at]
            covers[kind].append((spans, hits))
            target[hits] = True
    labels = np.zeros(n)
    weights = np.zeros(n)
    inside = np.zeros(n, dtype=bool)
    if positive.any():
        where = np.flatnonzero(positive)
        inside[where[0] : where[-1] + 1] = True
    labels[inside] = 1.0
    weights[inside] = -1.0  # weak labels, weighed at training time
    weights[~inside] = -2.0
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


def site_table(pages: list[Page]) -> Counter[str]:
    """Line shape -> number of distinct sites among ``pages`` that carry it."""
    per_site: dict[str, set[str]] = {}
    for p in pages:
        per_site.setdefault(p.site, set()).update(s for s in p.lines.shapes if s)
    table: Counter[str] = Counter()
    for shapes in per_site.values():
        table.update(shapes)
    return table


class _OthersOnly(RunEvidence):
    """A training page's evidence: the sites other than its own."""

    def __init__(self, table: Counter[str], own: set[str], words: dict[str, float]) -> None:
        super().__init__({}, words)
        self.table, self.own = table, own

    def count(self, page: int | None, line_shape: str) -> int:
        if not line_shape:
            return 0
        n = self.table.get(line_shape, 0) - (line_shape in self.own)
        return n if n >= MIN_SITES else 0


def shipped_sites(table: Counter[str]) -> dict[str, int]:
    return {s: n for s, n in table.items() if n >= MIN_SITES}


def page_words(page: Page) -> tuple[set[str], set[str]]:
    """Words of the page's furniture (lines outside the annotated article) and of its article
    text (prose lines inside it)."""
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
    """Feature matrices per page; only the recurrence columns depend on the training pages."""

    def __init__(self, pages: list[Page], drop: list[str] | None = None) -> None:
        self.base = [page_features(p.lines) for p in pages]
        self.index = {id(p): i for i, p in enumerate(pages)}
        self.columns = [FEATURE_NAMES.index(name) for name in EVIDENCE_COLUMNS]
        # An ablation: features left out are constant zero (weight 0 after training).
        self.dropped = [
            i for i, name in enumerate(FEATURE_NAMES)
            if any(name == d or name.startswith(d + "_") for d in drop or [])
        ]

    def of(self, page: Page, evidence: RunEvidence) -> np.ndarray:
        x = self.base[self.index[id(page)]].copy()
        x[:, self.columns] = evidence_columns(page.lines, evidence)
        x[:, self.dropped] = 0.0
        return x


def fit(pages: list[Page], features: Features, settings: dict) -> LineModel:
    """Logistic regression on the pages' labelled lines (deterministic: lbfgs from zero)."""
    from sklearn.linear_model import LogisticRegression

    table = site_table(pages)
    counts = word_counts(pages)
    own = {}
    for p in pages:
        own.setdefault(p.site, set()).update(s for s in p.lines.shapes if s)
    xs, ys, ws = [], [], []
    for p in pages:
        words = word_scores(counts, p.words, {w for u in p.lines.units for w in u.lowered})
        xs.append(features.of(p, _OthersOnly(table, own[p.site], words)))
        ys.append(p.labels)
        weak = settings.get("weak", (WEAK_INSIDE, WEAK_OUTSIDE))
        prose = np.array([u.kind in (GOOD, NEAR) for u in p.lines.units], dtype=bool)
        ws.append(np.select(
            [p.weights == -1, (p.weights == -2) & prose, p.weights == -2],
            [weak[0], settings.get("weak_prose", WEAK_PROSE_OUTSIDE), weak[1]], p.weights,
        ))
    x, y, w = np.concatenate(xs), np.concatenate(ys), np.concatenate(ws)
    labelled = w > 0
    x, y, w = x[labelled], y[labelled], w[labelled]
    if settings.get("balance", True):  # both classes weigh alike in the loss
        w = np.where(y == 1, w * w[y == 0].sum() / w[y == 1].sum(), w)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    trees = boosted_trees(x, y, w / w.mean(), settings) if settings.get("trees") else None
    if trees is not None and not settings.get("blend"):
        return LineModel(
            FEATURE_NAMES, mean, scale, np.zeros(len(mean)), 0.0, 1.0, 0.0, True, True,
            shipped_sites(table), word_scores(counts), trees,
        )
    regression = LogisticRegression(C=settings.get("C", C), max_iter=5000)
    regression.fit((x - mean) / scale, y, sample_weight=w / w.mean())
    weights, bias = regression.coef_[0].copy(), float(regression.intercept_[0])
    if trees is not None:  # the mean of both models' log-odds
        weights, bias = weights / 2, bias / 2
        trees.value = trees.value / 2
    return LineModel(FEATURE_NAMES, mean, scale, weights, bias, 1.0, 0.0, True, True,
                     shipped_sites(table), word_scores(counts), trees)


def boosted_trees(x: np.ndarray, y: np.ndarray, w: np.ndarray, settings: dict) -> Trees:
    """Gradient-boosted trees (sklearn, fixed seeds), ``bags`` of them averaged, flattened for
    numpy-only prediction."""
    from sklearn.ensemble import GradientBoostingClassifier

    bags = settings.get("bags", BAGS)
    roots, feature, threshold, left, right, value = [], [], [], [], [], []
    for bag in range(bags):
        boosting = GradientBoostingClassifier(
            n_estimators=settings["trees"], max_depth=TREE_DEPTH,
            learning_rate=settings.get("rate", RATE), subsample=0.8, min_samples_leaf=10,
            random_state=bag,
        )
        boosting.fit(x, y, sample_weight=w)
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
            value.extend((values / bags).tolist())
    return Trees(
        np.array(roots), np.array(feature), np.array(threshold), np.array(left),
        np.array(right), np.array(value), TREE_DEPTH,
    )


def probabilities(page: Page, model: LineModel, features: Features) -> np.ndarray:
    return model.probabilities(features.of(page, RunEvidence(model.sites, model.words)))


def body(page: Page, kept: np.ndarray) -> str:
    doc = RawDocument(Path(page.file), page.text, "text", "")
    try:
        return article_from(doc, page.lines, kept).body
    except EmptyArticleError:
        return ""


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
               drop_junk: bool, trim: bool) -> float:
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
                   ) -> tuple[float, float, bool, bool]:
    """The decoder's (switch, offset, drop_junk, trim) that score best in a k-fold CV over
    ``pages`` alone."""
    probs = out_of_fold(pages, features, settings, k, seed="inner")
    junk = settings.get("drop_junk", (False, True))
    trim = settings.get("trim", True)
    grid = [(s, o, j, trim) for s in SWITCHES for o in OFFSETS for j in junk]
    scores = {g: line_score(pages, probs, *g) for g in grid}
    return max(grid, key=lambda g: (round(scores[g], 6), -g[0], -abs(g[1]), g[2]))


def rules_body(page: Page) -> str:
    from briefing.core.clean import clean_document

    try:
        return clean_document(RawDocument(Path(page.file), page.text, "text", "")).body
    except EmptyArticleError:
        return ""


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
    parser.add_argument("--C", type=float, default=C)
    parser.add_argument("--weak", default=f"{WEAK_INSIDE},{WEAK_OUTSIDE}",
                        help="weights of weak labels inside,outside the annotated span")
    parser.add_argument("--no-balance", action="store_true")
    parser.add_argument("--weak-prose", type=float, default=WEAK_PROSE_OUTSIDE,
                        help="weight of prose lines outside the annotated article as furniture")
    parser.add_argument("--trees", type=int, default=TREES,
                        help="boosted trees (0: logistic regression only)")
    parser.add_argument("--blend", action="store_true", help="LR and trees averaged")
    parser.add_argument("--bags", type=int, default=BAGS, help="tree ensembles averaged")
    parser.add_argument("--rate", type=float, default=RATE, help="boosting learning rate")
    parser.add_argument("--no-trim", action="store_true",
                        help="do not trim the kept lines at section openers as the rules do")
    parser.add_argument("--junk", choices=("choose", "drop", "keep"), default="drop",
                        help="drop the rules' junk lines after decoding, or let the CV choose")
    args = parser.parse_args()
    if not (args.split / "annotations.jsonl").exists():
        print(f"no annotations under {args.split}: skipped", file=sys.stderr)
        return 0
    started = time.perf_counter()
    settings = {
        "C": args.C, "drop": [d for d in args.drop.split(",") if d],
        "weak": tuple(float(w) for w in args.weak.split(",")), "balance": not args.no_balance,
        "weak_prose": args.weak_prose, "trim": not args.no_trim,
        "trees": args.trees, "blend": args.blend,
        "bags": args.bags, "rate": args.rate,
        "drop_junk": {"choose": (False, True), "drop": (True,), "keep": (False,)}[args.junk],
    }
    pages = load_pages(args.split)
    features = Features(pages, settings["drop"])
    folds = folds_by_site(pages, args.folds, args.seed)
    learned = [""] * len(pages)
    chosen = []
    for f in range(args.folds):
        train = [p for p, g in zip(pages, folds, strict=True) if g != f]
        decoder = choose_decoder(train, features, settings, args.folds)
        chosen.append(decoder)
        model = fit(train, features, settings)
        for i, p in enumerate(pages):
            if folds[i] == f:
                learned[i] = body(p, select(p.lines, probabilities(p, model, features), *decoder))
    rules = [rules_body(p) for p in pages]
    keep_all = [p.text for p in pages]
    print(f"pages {len(pages)}, sites {len({p.site for p in pages})}, "
          f"{args.folds} folds by site (seed {args.seed!r}); decoder (switch, offset, drop junk, "
          f"trim) chosen inside each fold: {chosen}")
    for f in range(args.folds):
        test = [i for i, g in enumerate(folds) if g == f]
        a = score_bodies([pages[i] for i in test], [learned[i] for i in test])
        r = score_bodies([pages[i] for i in test], [rules[i] for i in test])
        print(f"  fold {f}: learned F1 {a.f1:.3f}  rules F1 {r.f1:.3f}  ({len(test)} pages)")
    learned_score = score_bodies(pages, learned)
    print(line("learned (CV)", learned_score))
    print(line("rules", score_bodies(pages, rules)))
    print(line("keep-all", score_bodies(pages, keep_all)))
    if args.errors:
        for file, kind, text in learned_score.misses:
            print(f"{kind:4} {file}: {text}")
    if not args.no_write:
        switch, offset, drop_junk, trim = choose_decoder(pages, features, settings, args.folds)
        model = fit(pages, features, settings)
        model.switch, model.offset, model.drop_junk, model.trim = switch, offset, drop_junk, trim
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
              f"switch {switch}, offset {offset}, drop junk {drop_junk}, trim {trim}")
    print(f"time {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
