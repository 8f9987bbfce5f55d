"""Train the learned sentence scorer on MLSUM teasers; report ROUGE on a held-out split.

Usage (from the repository root; training needs scikit-learn, from the test extras):

    python benchmarks/train_scorer.py             # fit the settings in CHOSEN, write the model,
                                                  # print validation and dev ROUGE
    python benchmarks/train_scorer.py --select    # first choose the settings by 5-fold
                                                  # cross-validation inside the training part
    python benchmarks/train_scorer.py --no-write  # everything but writing the model file

Data: ``../shared/eval/summaries/mlsum_de_train.jsonl`` (10,279 MLSUM articles with their
teasers). An article is in the validation split when the SHA-256 of ``"mlsum-de:<id>"`` is
0 mod 5 (2,026 articles, a fixed fifth). Everything is fit and chosen on the other 8,253
(the training part): ``--select`` cross-validates the grid ``GRID`` there (folds by a second
hash), and the validation figures are printed for the settings fixed in ``CHOSEN``. The 21
articles of ``mlsum_de_dev.jsonl`` (with titles, read through the product's loader as
``benchmarks/rouge.py`` reads them) are scored too, for reference.

Sentences are split as the product splits them (``article_sentences``: Punkt German plus the
product's rules) and featured by ``briefing.summary.features.sentence_features``, the run-time
function. Labels come from ROUGE overlap with the teaser: the greedy oracle's picks, plus
(``oracle+subsets``) how often a sentence is in the five best 3-sentence subsets. ROUGE is
``benchmarks/rouge.py``'s (F1, Unicode word tokens, lower-cased, no stemming).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.rouge import DEFAULT_DATA as DEV_DATA
from benchmarks.rouge import (
    TRAIN_DATA,
    is_validation,
    lcs_length,
    load_cases,
    rouge_tokens,
    scores,
)
from briefing.models import Article, Block
from briefing.summary.features import FEATURES, sentence_features
from briefing.summary.learned import (
    MODEL_FORMAT,
    MODEL_PATH,
    SentenceScorer,
    score_sentences,
    select_sentences,
    summarize_sentences,
    summary_eligible,
)
from briefing.summary.lexrank import rank_sentences
from briefing.summary.summarize import summarize_article
from briefing.summary.weights import DEFAULT_WEIGHTS
from briefing.text.sentences import article_sentences

COUNT = 3  # sentences per summary
FOLDS = 5  # cross-validation folds inside the training part


def fold_of(article_id: object) -> int:
    """The cross-validation fold of a training-part article (a second, independent hash)."""
    digest = hashlib.sha256(f"mlsum-de-fold:{article_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big") % FOLDS


@dataclass
class Case:
    """One article: its sentences as the product splits them, their features and labels."""

    id: str
    summary: str
    sentences: list[str]
    features: np.ndarray
    soft: np.ndarray  # per-sentence ROUGE of the teaser (see soft_labels)
    oracle: np.ndarray  # 1.0 for the greedy oracle's picks
    subsets: np.ndarray  # share of the five best 3-sentence subsets that hold the sentence
    article: Article  # for the product's own summary


def article_of(case_id: str, text: str):
    """The article as the product holds an MLSUM text: one paragraph (the cleaner keeps such
    plain texts as they are), no title (the train file has none)."""
    return Article(Path(f"{case_id}.txt"), "", [Block("paragraph", text)], id="a1")


def _ngrams(tokens: list[str], n: int) -> Counter:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def soft_labels(sentences: list[str], summary: str) -> np.ndarray:
    """Per sentence: ROUGE-1, -2 and -L F1 against the teaser, and their precisions/recalls.

    Columns: r1f, r2f, rlf, r1p, r1r, r2p, r2r.
    """
    reference = rouge_tokens(summary)
    ref1, ref2 = _ngrams(reference, 1), _ngrams(reference, 2)
    rows = []
    for sentence in sentences:
        tokens = rouge_tokens(sentence)
        c1, c2 = _ngrams(tokens, 1), _ngrams(tokens, 2)
        o1, o2 = sum((c1 & ref1).values()), sum((c2 & ref2).values())
        n1, n2 = max(sum(c1.values()), 1), max(sum(c2.values()), 1)
        p1, r1 = o1 / n1, o1 / max(len(reference), 1)
        p2, r2 = o2 / n2, o2 / max(len(reference) - 1, 1)
        lcs = lcs_length(tokens, reference)
        pl, rl = lcs / max(len(tokens), 1), lcs / max(len(reference), 1)
        rows.append([_f(p1, r1), _f(p2, r2), _f(pl, rl), p1, r1, p2, r2])
    return np.asarray(rows, dtype=float).reshape(len(sentences), 7)


def _f(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def greedy_oracle(sentences: list[str], summary: str, count: int = COUNT) -> list[int]:
    """The sentences a greedy search adds while ROUGE-1 + ROUGE-2 F1 of the set grows."""
    reference = rouge_tokens(summary)
    ref1, ref2 = _ngrams(reference, 1), _ngrams(reference, 2)
    tokens = [rouge_tokens(s) for s in sentences]
    chosen: list[int] = []
    best = 0.0
    while len(chosen) < count:
        pick, pick_value = None, best
        for i in range(len(sentences)):
            if i in chosen:
                continue
            joined = [t for j in sorted([*chosen, i]) for t in tokens[j]]
            c1, c2 = _ngrams(joined, 1), _ngrams(joined, 2)
            value = _f1(sum((c1 & ref1).values()), sum(c1.values()), sum(ref1.values())) + _f1(
                sum((c2 & ref2).values()), sum(c2.values()), sum(ref2.values())
            )
            if value > pick_value:
                pick, pick_value = i, value
        if pick is None:
            break
        chosen.append(pick)
        best = pick_value
    return sorted(chosen)


def _f1(overlap: int, candidate: int, reference: int) -> float:
    if not overlap or not candidate or not reference:
        return 0.0
    return _f(overlap / candidate, overlap / reference)


def subset_labels(sentences: list[str], summary: str, count: int = COUNT, best: int = 5):
    """Each sentence's share of the ``best`` subsets of ``count`` sentences by ROUGE-1 + 2 F1.

    A softer label than the one greedy oracle: the second-best way to cover the teaser counts
    too. Every subset is scored at once (numpy); a subset's length is its token count.
    """
    from itertools import combinations

    reference = rouge_tokens(summary)
    n = len(sentences)
    labels = np.zeros(n)
    if not reference or n == 0:
        return labels
    tokens = [rouge_tokens(s) for s in sentences]
    values = []
    for order in (1, 2):
        wanted = _ngrams(reference, order)
        keys = list(wanted)
        found = [_ngrams(t, order) for t in tokens]
        counts = np.array([[f[k] for k in keys] for f in found], dtype=float).reshape(n, len(keys))
        values.append((counts, np.array([wanted[k] for k in keys], dtype=float), order))
    lengths = np.array([len(t) for t in tokens], dtype=float)
    subsets = np.array(list(combinations(range(n), min(count, n))))
    total = np.zeros(len(subsets))
    for counts, limits, order in values:
        overlap = np.minimum(counts[subsets].sum(axis=1), limits).sum(axis=1)
        size = np.maximum(lengths[subsets].sum(axis=1) - (order - 1) * subsets.shape[1], 0)
        reference_size = max(len(reference) - (order - 1), 1)
        with np.errstate(invalid="ignore", divide="ignore"):
            total += np.nan_to_num(2 * overlap / (size + reference_size))
    for k in np.argsort(-total, kind="stable")[:best]:
        if total[k] > 0:
            labels[subsets[k]] += 1.0 / best
    return labels


def prepare(records: list[dict], progress: bool = True) -> list[Case]:
    """Split, feature and label every article (the dearest step: Punkt and LexRank)."""
    cases = []
    started = time.perf_counter()
    for number, record in enumerate(records, 1):
        case_id = str(record["id"])
        article = article_of(case_id, record["text"])
        sentences = [s.text for s in article_sentences(article)]
        if not sentences:
            continue
        oracle = np.zeros(len(sentences))
        oracle[greedy_oracle(sentences, record["summary"])] = 1.0
        cases.append(
            Case(
                case_id,
                record["summary"],
                sentences,
                sentence_features(sentences),
                soft_labels(sentences, record["summary"]),
                oracle,
                subset_labels(sentences, record["summary"]),
                article,
            )
        )
        if progress and number % 1000 == 0:
            elapsed = time.perf_counter() - started
            print(f"  prepared {number}/{len(records)} ({elapsed:.0f} s)", file=sys.stderr)
    return cases


# --- models -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Settings:
    """One point of the grid: model kind, label, its size, and the selection's redundancy."""

    model: str  # "linear" (logistic regression on the oracle) or "trees" (gradient boosting)
    target: str = "oracle"  # "oracle" or "oracle+subsets"
    iterations: int = 100  # trees
    leaves: int = 7  # leaves per tree
    learning_rate: float = 0.1
    regularization: float = 1.0  # C of the logistic regression
    redundancy: float = 1.0  # cosine at which a sentence repeats a pick (1.0: never)

    def name(self) -> str:
        if self.model == "linear":
            return f"linear C={self.regularization} red={self.redundancy}"
        return (
            f"trees {self.target} {self.iterations}x{self.leaves} lr={self.learning_rate} "
            f"red={self.redundancy}"
        )


# The grid --select cross-validates (5 folds inside the training part). Redundancy is a
# setting of the selection only, so each fitted model is scored with both values.
GRID_MODELS = [
    Settings("linear"),
    Settings("trees", "oracle", 100, 7),
    Settings("trees", "oracle+subsets", 100, 7),
    Settings("trees", "oracle+subsets", 150, 15),
    Settings("trees", "oracle+subsets", 300, 15, 0.05),
]
REDUNDANCIES = (1.0, 0.5)
# Chosen by `--select`: the best sum of ROUGE-1, -2 and -L (F1 x 100) over the five folds.
# Its table (8,253 training-part articles):
#   linear C=1.0 red=1.0                            19.99     6.48    14.60
#   linear C=1.0 red=0.5                            20.04     6.52    14.63
#   trees oracle 100x7 lr=0.1 red=1.0               20.31     7.04    14.92
#   trees oracle 100x7 lr=0.1 red=0.5               20.32     7.04    14.93
#   trees oracle+subsets 100x7 lr=0.1 red=1.0       20.36     6.94    15.14
#   trees oracle+subsets 100x7 lr=0.1 red=0.5       20.37     6.94    15.15
#   trees oracle+subsets 150x15 lr=0.1 red=1.0      20.40     6.95    15.18
#   trees oracle+subsets 150x15 lr=0.1 red=0.5      20.41     6.95    15.18
#   trees oracle+subsets 300x15 lr=0.05 red=1.0     20.38     6.94    15.19
#   trees oracle+subsets 300x15 lr=0.05 red=0.5     20.40     6.95    15.20
CHOSEN = Settings("trees", "oracle+subsets", 300, 15, 0.05, redundancy=0.5)


def target_of(case: Case, settings: Settings) -> np.ndarray:
    if settings.target == "oracle+subsets":
        return case.oracle + case.subsets
    return case.oracle


def fit(cases: list[Case], settings: Settings):
    """The fitted scikit-learn model (deterministic: no sampling, one thread)."""
    from sklearn.ensemble import HistGradientBoostingRegressor
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler
    from threadpoolctl import threadpool_limits

    table = np.vstack([c.features for c in cases])
    target = np.concatenate([target_of(c, settings) for c in cases])
    with threadpool_limits(1):
        if settings.model == "linear":
            model = make_pipeline(
                StandardScaler(), LogisticRegression(C=settings.regularization, max_iter=5000)
            )
            return model.fit(table, (target > 0).astype(int))
        model = HistGradientBoostingRegressor(
            max_iter=settings.iterations,
            max_leaf_nodes=settings.leaves,
            learning_rate=settings.learning_rate,
            early_stopping=False,
            random_state=0,
        )
        return model.fit(table, target)


def export(model, settings: Settings) -> dict:
    """The model as the JSON spec ``briefing.summary.learned.SentenceScorer`` reads."""
    spec: dict = {
        "format": MODEL_FORMAT,
        "features": list(FEATURES),
        "selection": {"redundancy": settings.redundancy},
        "settings": settings.name(),
    }
    if settings.model == "linear":
        scaler, regression = model[0], model[-1]
        spec["kind"] = "linear"
        spec["linear"] = {
            "mean": scaler.mean_.tolist(),
            "scale": scaler.scale_.tolist(),
            "coef": regression.coef_[0].tolist(),
            "intercept": float(regression.intercept_[0]),
        }
        return spec
    spec["kind"] = "trees"
    spec["trees"] = forest_spec(model)
    return spec


def forest_spec(model) -> dict:
    """A fitted scikit-learn HistGradientBoosting model (regressor or binary classifier) as the
    flat tree arrays ``briefing.summary.overlap.Forest`` and ``SentenceScorer`` walk."""
    feature, threshold, left, right, value, roots = [], [], [], [], [], []
    depth = 0
    for (predictor,) in model._predictors:
        nodes = predictor.nodes
        offset = len(feature)
        roots.append(offset)
        depth = max(depth, int(nodes["depth"].max()))
        for k, node in enumerate(nodes):
            leaf = bool(node["is_leaf"])
            feature.append(0 if leaf else int(node["feature_idx"]))
            threshold.append(0.0 if leaf else float(node["num_threshold"]))
            # a leaf points to itself: walking on stays there
            left.append(offset + (k if leaf else int(node["left"])))
            right.append(offset + (k if leaf else int(node["right"])))
            value.append(float(node["value"]) if leaf else 0.0)
    return {
        "baseline": float(np.ravel(model._baseline_prediction)[0]),
        "depth": depth,
        "roots": roots,
        "feature": feature,
        "threshold": threshold,
        "left": left,
        "right": right,
        "value": value,
    }


def sklearn_scores(model, table: np.ndarray) -> np.ndarray:
    return (
        model.decision_function(table)
        if hasattr(model, "decision_function")
        else (model.predict(table))
    )


def importances(spec: dict, model, settings: Settings) -> list[tuple[str, float]]:
    """Linear: the standardized coefficients; trees: each feature's share of the split gain."""
    if settings.model == "linear":
        return sorted(zip(FEATURES, spec["linear"]["coef"]), key=lambda x: -abs(x[1]))
    gain = np.zeros(len(FEATURES))
    for (predictor,) in model._predictors:
        nodes = predictor.nodes[predictor.nodes["is_leaf"] == 0]
        np.add.at(gain, nodes["feature_idx"].astype(int), nodes["gain"])
    share = gain / gain.sum()
    return sorted(zip(FEATURES, share.tolist()), key=lambda x: -x[1])


# --- evaluation ---------------------------------------------------------------------------


def picks(case: Case, values: np.ndarray, redundancy: float) -> list[int]:
    """The learned summary: the best three sentences the product would show (``summary_eligible``
    first, as ``summarize_sentences`` picks)."""
    eligible = [summary_eligible(s) for s in case.sentences]
    return select_sentences(case.sentences, list(values), COUNT, redundancy, eligible)


def rouge_of(cases: list[Case], chosen: list[list[str]]) -> dict[str, float]:
    rows = [scores(" ".join(summary), c.summary) for c, summary in zip(cases, chosen, strict=True)]
    return {k: 100 * float(np.mean([r[k] for r in rows])) for k in ("rouge1", "rouge2", "rougeL")}


def learned_rouge(cases, model, redundancy: float) -> dict[str, float]:
    chosen = []
    for c in cases:
        values = sklearn_scores(model, c.features)
        chosen.append([c.sentences[i] for i in picks(c, values, redundancy)])
    return rouge_of(cases, chosen)


def cross_validate(training: list[Case]) -> dict[Settings, dict[str, float]]:
    """Each grid point's mean ROUGE over the folds' held-out articles (models fit on the rest)."""
    folds = [fold_of(c.id) for c in training]
    table: dict[Settings, list] = {}
    for base in GRID_MODELS:
        started = time.perf_counter()
        chosen: dict[float, list[list[str]]] = {r: [None] * len(training) for r in REDUNDANCIES}
        for k in range(FOLDS):
            model = fit([c for c, f in zip(training, folds) if f != k], base)
            for index, (c, f) in enumerate(zip(training, folds)):
                if f != k:
                    continue
                values = sklearn_scores(model, c.features)
                for r in REDUNDANCIES:
                    chosen[r][index] = [c.sentences[i] for i in picks(c, values, r)]
        for r in REDUNDANCIES:
            point = Settings(**{**base.__dict__, "redundancy": r})
            table[point] = rouge_of(training, chosen[r])
            row = table[point]
            print(
                f"  cv {point.name():52s} {row['rouge1']:6.2f} {row['rouge2']:6.2f} "
                f"{row['rougeL']:6.2f}  ({time.perf_counter() - started:.0f} s)",
                file=sys.stderr,
            )
    return table


def baselines(cases: list[Case]) -> dict[str, dict[str, float]]:
    """Lead-3, the product's `briefing summarize` scoring, plain LexRank, the greedy oracle."""
    return {
        "lead-3": rouge_of(cases, [c.sentences[:COUNT] for c in cases]),
        "briefing, hand weights (before)": rouge_of(
            cases, [summarize_article(c.article, COUNT, "fast", DEFAULT_WEIGHTS) for c in cases]
        ),
        "lexrank (plain, fast = sumy)": rouge_of(
            cases, [rank_sentences([c.sentences], COUNT) for c in cases]
        ),
        "greedy oracle (R1+R2, up to 3)": rouge_of(
            cases, [[c.sentences[i] for i in np.flatnonzero(c.oracle)] for c in cases]
        ),
    }


def dev_table(scorer: SentenceScorer) -> dict[str, dict[str, float]] | None:
    """The 21 dev articles, read as `briefing summarize` reads them (rouge.py's path)."""
    if not DEV_DATA.is_file():
        return None
    from benchmarks.rouge import mean, per_article, systems
    def learned(article):
        return summarize_sentences([s.text for s in article_sentences(article)], COUNT, scorer)

    chosen = {"learned scorer": learned, **systems(COUNT, ablation=False)}
    table = {name: mean(rows) for name, rows in per_article(DEV_DATA, chosen).items()}
    return {name: {k: 100 * v for k, v in row.items()} for name, row in table.items()}


def timing(cases: list[Case], scorer: SentenceScorer) -> tuple[float, float]:
    """Mean and 95th-percentile milliseconds to feature and score one article's sentences."""
    spent = []
    for c in cases:
        started = time.perf_counter()
        score_sentences(c.sentences, scorer=scorer)
        spent.append(1000 * (time.perf_counter() - started))
    return float(np.mean(spent)), float(np.percentile(spent, 95))


def print_table(title: str, table: dict[str, dict[str, float]]) -> None:
    print(f"\n{title}")
    print(f"{'system':<44} {'ROUGE-1':>8} {'ROUGE-2':>8} {'ROUGE-L':>8}")
    for name, row in table.items():
        print(f"{name:<44} {row['rouge1']:>8.2f} {row['rouge2']:>8.2f} {row['rougeL']:>8.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=TRAIN_DATA)
    parser.add_argument("--select", action="store_true", help="cross-validate the grid first")
    parser.add_argument("--no-write", action="store_true", help="do not write the model file")
    parser.add_argument("--output", type=Path, default=MODEL_PATH)
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"no data at {args.data}: skipped", file=sys.stderr)
        return 0
    started = time.perf_counter()
    records = load_cases(args.data)  # (a text that opens with its teaser loses the copy)
    cases = prepare(records)
    training = [c for c in cases if not is_validation(c.id)]
    validation = [c for c in cases if is_validation(c.id)]
    prepared = time.perf_counter() - started
    print(
        f"{len(training)} training and {len(validation)} validation articles "
        f"({sum(len(c.sentences) for c in training)} training sentences), "
        f"prepared in {prepared:.0f} s"
    )
    settings = CHOSEN
    if args.select:
        table = cross_validate(training)
        print_table(
            f"{FOLDS}-fold cross-validation inside the training part",
            {point.name(): row for point, row in table.items()},
        )
        settings = max(table, key=lambda point: sum(table[point].values()))
        print(f"chosen: {settings.name()}")
    fitted = time.perf_counter()
    model = fit(training, settings)
    spec = export(model, settings)
    fit_seconds = time.perf_counter() - fitted
    scorer = SentenceScorer(spec)
    # the shipped numpy model must score as scikit-learn does
    for c in validation[:200]:
        assert np.allclose(scorer.predict(c.features), sklearn_scores(model, c.features))
    text = json.dumps(spec, separators=(",", ":")) + "\n"
    if not args.no_write:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text, encoding="utf-8")
        print(f"wrote {args.output} ({len(text.encode()) / 1024:.0f} KB)")
    print(
        f"model: {settings.name()}, {len(text.encode()) / 1024:.0f} KB, fit in {fit_seconds:.0f} s"
    )
    print(
        "importance ("
        + ("standardized coefficient" if settings.model == "linear" else "share of split gain")
        + "):"
    )
    for name, value in importances(spec, model, settings):
        print(f"  {name:<20} {value:+.3f}")
    learned = {}
    for c in validation:
        values = scorer.predict(c.features)
        learned[c.id] = [c.sentences[i] for i in picks(c, values, scorer.redundancy)]
    table = {"learned scorer": rouge_of(validation, [learned[c.id] for c in validation])}
    table.update(baselines(validation))
    print_table(f"validation split ({len(validation)} articles, never fit or chosen on)", table)
    dev = dev_table(scorer)
    if dev is not None:
        print_table("dev set (21 articles; the product's hand weights were tuned on them)", dev)
    mean_ms, p95_ms = timing(validation, scorer)
    print(
        f"\nscoring one article (features + model): {mean_ms:.1f} ms mean, "
        f"{p95_ms:.1f} ms 95th percentile; total run {time.perf_counter() - started:.0f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
