"""ROUGE of `briefing summarize --sentences 3` against human teasers, beside Lead-3 and sumy.

Usage (from the repository root):

    python benchmarks/rouge.py                   # the table
    python benchmarks/rouge.py --ablation        # also the scoring variants (position prior ...)
    python benchmarks/rouge.py --cv              # leave-one-out: the settings chosen on the
                                                 # other 20 articles, scored on the 21st
    python benchmarks/rouge.py --data FILE.jsonl --sentences 3
    python benchmarks/rouge.py --validation      # the learned models' validation split: the
                                                 # fifth of the train file it never saw

The data is ``../shared/eval/summaries/mlsum_de_dev.jsonl`` (MLSUM German: title, text and the
outlet's own teaser as ``summary``). When a text starts with a copy of its teaser, the copy is
cut off first, or every method would find the answer in the text. ROUGE-1/2/L are F1, averaged
over articles, on lower-cased word tokens that keep umlauts and ß (no stemming, no downloads).

``briefing`` is `briefing summarize`: the teaser-overlap selection, trained on the train file
``mlsum_de_train.jsonl`` less its validation split (``benchmarks/train_overlap.py``). Its figure
to report is ``--validation``: the 2,026 articles of that split (``is_validation``), never fit
or chosen on; they have no titles. On the 21 dev articles the figures are tuning figures: the
hand weights (``briefing, hand weights``, the scoring before the learned one) were chosen on
them, and the learned sentence scorer's dev figures were looked at while its settings were
chosen (the teaser-overlap selection's were looked at once, after its design was fixed).
``--cv`` re-chooses the hand weights for each dev article on the other 20 (leave-one-out).
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import dataclasses
import functools
import hashlib
import itertools
import json
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "summaries" / "mlsum_de_dev.jsonl"
TRAIN_DATA = ROOT.parent / "shared" / "eval" / "summaries" / "mlsum_de_train.jsonl"
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


def rouge_tokens(text: str) -> list[str]:
    """Lower-cased word tokens; letters with umlauts and ß stay whole ("Bürgermeister")."""
    return _TOKEN.findall(text.lower())  # not casefold(): that turns ß into ss


def _ngrams(tokens: list[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def _f1(overlap: int, candidate: int, reference: int) -> float:
    if not overlap or not candidate or not reference:
        return 0.0
    precision, recall = overlap / candidate, overlap / reference
    return 2 * precision * recall / (precision + recall)


def rouge_n(candidate: str, reference: str, n: int) -> float:
    """ROUGE-N F1 with clipped n-gram counts."""
    cand, ref = _ngrams(rouge_tokens(candidate), n), _ngrams(rouge_tokens(reference), n)
    overlap = sum((cand & ref).values())
    return _f1(overlap, sum(cand.values()), sum(ref.values()))


def lcs_length(a: list[str], b: list[str]) -> int:
    """Length of the longest common subsequence (dynamic programming, one row at a time)."""
    if not a or not b:
        return 0
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b, 1):
            current.append(previous[j - 1] + 1 if x == y else max(previous[j], current[j - 1]))
        previous = current
    return previous[-1]


def rouge_l(candidate: str, reference: str) -> float:
    """ROUGE-L F1 over the whole texts as token sequences."""
    cand, ref = rouge_tokens(candidate), rouge_tokens(reference)
    return _f1(lcs_length(cand, ref), len(cand), len(ref))


@functools.lru_cache(maxsize=4096)  # (the grid's points often give the same summary)
def _cached_scores(candidate: str, reference: str) -> tuple[tuple[str, float], ...]:
    return tuple(scores(candidate, reference).items())


def scores(candidate: str, reference: str) -> dict[str, float]:
    return {
        "rouge1": rouge_n(candidate, reference, 1),
        "rouge2": rouge_n(candidate, reference, 2),
        "rougeL": rouge_l(candidate, reference),
    }


def strip_leading_summary(text: str, summary: str) -> str:
    """The text without a leading copy of its teaser (spaces compared loosely)."""
    body, teaser = " ".join(text.split()), " ".join(summary.split())
    if teaser and body.startswith(teaser):
        return body[len(teaser) :].strip()
    return body


def load_cases(path: Path) -> list[dict[str, str]]:
    cases = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                record["text"] = strip_leading_summary(record["text"], record["summary"])
                cases.append(record)
    return cases


def is_validation(article_id: object) -> bool:
    """The learned scorer's fixed validation split of the train file: a fifth of the ids, by
    hash (never fit or chosen on)."""
    digest = hashlib.sha256(f"mlsum-de:{article_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big") % 5 == 0


def validation_cases(path: Path = TRAIN_DATA, limit: int | None = None) -> list[dict[str, str]]:
    """The validation split's articles (the first ``limit`` of them, in file order)."""
    cases = [case for case in load_cases(path) if is_validation(case["id"])]
    return cases[:limit] if limit else cases


def load_articles_for(cases: list[dict[str, str]], folder: Path):
    """The cases as `briefing summarize` sees them: files with front matter, read and cleaned."""
    from briefing.pipeline import load_articles

    paths = []
    for number, case in enumerate(cases):
        path = folder / f"{number:04d}.txt"
        if "title" in case:
            title = json.dumps(case["title"], ensure_ascii=False)
            path.write_text(f"---\ntitle: {title}\n---\n{case['text']}\n", encoding="utf-8")
        else:  # (the train file has none: the text alone, as a file of one paragraph)
            path.write_text(f"{case['text']}\n", encoding="utf-8")
        paths.append(path)
    articles, _skipped = load_articles(paths)
    by_path = {a.path: a for a in articles}
    return [by_path.get(p) for p in paths]


def paragraphs_of(article) -> list[list[str]]:
    from briefing.text.sentences import article_sentences

    paragraphs: dict[int, list[str]] = {}
    for sentence in article_sentences(article):
        paragraphs.setdefault(sentence.block, []).append(sentence.text)
    return list(paragraphs.values())


def systems(count: int, ablation: bool) -> dict[str, object]:
    """name -> function(article) -> list of sentences."""
    from briefing.summary import DEFAULT_WEIGHTS
    from briefing.summary.lexrank import rank_sentences

    def lead(article):
        return [s for p in paragraphs_of(article) for s in p][:count]

    def sumy(article):
        return rank_sentences(paragraphs_of(article), count, "sumy")

    def ours(weights):
        return briefing_system(weights, count)

    found = {
        "briefing": briefing_system(None, count),
        "briefing, hand weights": ours(DEFAULT_WEIGHTS),
        "lead-3": lead,
        "sumy-lexrank": sumy,
    }
    if ablation:
        replace = dataclasses.replace
        found["briefing, no position prior"] = ours(replace(DEFAULT_WEIGHTS, position=0.0))
        found["briefing, no stand-alone penalty"] = ours(
            replace(DEFAULT_WEIGHTS, dangling=1.0, question=1.0)
        )
        found["briefing, no quote penalty"] = ours(replace(DEFAULT_WEIGHTS, quoted=1.0))
        found.update({name: ours(weights) for name, weights in grid().items()})
    return found


def briefing_system(weights, count: int):
    """`briefing summarize` (``weights`` None: the learned scorer; else the hand-weighted
    scoring with these weights): function(article) -> sentences."""
    from briefing.summary import summarize_article

    return lambda article: summarize_article(article, count, "fast", weights)


def grid(penalties: bool = False) -> dict:
    """The lead prior's settings the single-article weights were chosen from (``penalties``:
    each also with and without the stand-alone and quote penalties, set on these articles too).
    """
    from briefing.summary import DEFAULT_WEIGHTS

    switches = itertools.product((True, False), repeat=3) if penalties else [(True,) * 3]
    found = {}
    for position, half_life, (dangling, question, quoted) in itertools.product(
        (0.3, 0.5, 0.7, 0.8, 0.9), (3.0, 5.0, 10.0), list(switches)
    ):
        weights = dataclasses.replace(
            DEFAULT_WEIGHTS, position=position, half_life=half_life,
            dangling=DEFAULT_WEIGHTS.dangling if dangling else 1.0,
            question=DEFAULT_WEIGHTS.question if question else 1.0,
            quoted=DEFAULT_WEIGHTS.quoted if quoted else 1.0,
        )
        found[f"position={position} half_life={half_life}" + (
            f" dangling={weights.dangling} question={weights.question} quoted={weights.quoted}"
            if penalties else "")] = weights
    return found


def evaluate(
    data: Path | list[dict[str, str]] = DEFAULT_DATA,
    count: int = 3,
    ablation: bool = False,
    names: list[str] | None = None,
) -> dict:
    """Mean ROUGE F1 per system: {"briefing": {"rouge1": ..., ...}, "lead-3": ..., ...}.

    ``data``: a file, or its cases already read (``validation_cases``). ``names`` limits the
    run to some systems (the quality test scores "briefing" only).
    """
    chosen = {
        name: summarize
        for name, summarize in systems(count, ablation).items()
        if names is None or name in names
    }
    return {name: mean(rows) for name, rows in per_article(data, chosen).items()}


METRICS = ("rouge1", "rouge2", "rougeL")


def mean(rows: list[dict[str, float]]) -> dict[str, float]:
    return {k: sum(row[k] for row in rows) / len(rows) for k in METRICS}


def per_article(
    data: Path | list[dict[str, str]], chosen: dict[str, object]
) -> dict[str, list[dict[str, float]]]:
    """Each system's ROUGE scores, one row per article of ``data`` (a file or its cases)."""
    cases = load_cases(data) if isinstance(data, Path) else data
    with tempfile.TemporaryDirectory() as folder:
        articles = load_articles_for(cases, Path(folder))
        return {
            name: [
                dict(_cached_scores(
                    " ".join(summarize(article)) if article is not None else "", case["summary"]
                ))
                for case, article in zip(cases, articles, strict=True)
            ]
            for name, summarize in chosen.items()
        }


def cross_validate(data: Path = DEFAULT_DATA, count: int = 3) -> dict[str, dict[str, float]]:
    """Leave-one-out: each article scored with the grid point best on all the others.

    The grid re-chooses every single-article setting chosen on these articles: the lead
    prior's position and half-life, and whether each penalty (pointing back, questions,
    quotes) applies. "Best" is the highest mean of ROUGE-1, -2 and -L. Returns the
    cross-validated figure beside Lead-3, sumy's LexRank and the shipped weights.
    """
    found = systems(count, ablation=False)
    points = {name: briefing_system(w, count) for name, w in grid(penalties=True).items()}
    with _grouped_once_per_setting():
        rows = per_article(data, {**found, **points})
    held_out = []
    for i in range(len(rows["briefing"])):
        def others(name: str, i: int = i) -> float:
            kept = [row for j, row in enumerate(rows[name]) if j != i]
            return sum(sum(row.values()) for row in kept)

        best = max(points, key=others)
        held_out.append(rows[best][i])
    table = {"briefing, cross-validated": mean(held_out)}
    table.update({name: mean(rows[name]) for name in found})
    return table


@contextlib.contextmanager
def _grouped_once_per_setting() -> Iterator[None]:
    """The grid's 120 points group each article's sentences as the hand-weighted summary does
    (``group_sentences``), and only its stand-alone and duplicate weights change the groups:
    within this block an article is grouped once per setting of the weights that are not the
    lead prior's (position, half-life) or the quote penalty, and each summary scores fresh
    copies of the groups; the groups' LexRank centrality, which no weight changes, is computed
    once per list of texts. The leave-one-out table is the same as without it, in about half
    the time (the quality test runs it)."""
    from briefing.summary import scoring, summarize

    group_sentences, lexrank_scores = summarize.group_sentences, scoring.lexrank_scores
    found: dict[tuple, list] = {}
    centralities: dict[tuple, list[float]] = {}

    def central(paragraphs, engine="fast"):
        key = (tuple(map(tuple, paragraphs)), engine)
        if key not in centralities:
            centralities[key] = lexrank_scores(paragraphs, engine)
        return list(centralities[key])

    def grouped(articles, weights):
        key = (
            tuple(id(article) for article in articles),
            dataclasses.replace(weights, position=0.0, half_life=0.0, quoted=1.0),
        )
        if key not in found:
            found[key] = group_sentences(articles, weights)
        return [copy.copy(group) for group in found[key]]

    summarize.group_sentences, scoring.lexrank_scores = grouped, central
    try:
        yield
    finally:
        summarize.group_sentences, scoring.lexrank_scores = group_sentences, lexrank_scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--sentences", type=int, default=3)
    parser.add_argument("--ablation", action="store_true", help="also score scoring variants")
    parser.add_argument("--cv", action="store_true",
                        help="leave-one-out cross-validation of the hand weights")
    parser.add_argument("--validation", action="store_true",
                        help="score the validation split of the train file (--data: that file)")
    parser.add_argument("--limit", type=int, help="the first N articles of the split only")
    args = parser.parse_args(argv)
    if args.validation and args.data == DEFAULT_DATA:
        args.data = TRAIN_DATA
    if not args.data.is_file():
        print(f"no data at {args.data}", file=sys.stderr)
        return 1
    if args.cv:
        table = cross_validate(args.data, args.sentences)
    elif args.validation:
        cases = validation_cases(args.data, args.limit)
        print(f"validation split of {args.data.name}: {len(cases)} articles")
        table = evaluate(cases, args.sentences, args.ablation)
    else:
        table = evaluate(args.data, args.sentences, args.ablation)
    print(f"{'system':<36} {'ROUGE-1':>8} {'ROUGE-2':>8} {'ROUGE-L':>8}")
    for name, row in table.items():
        print(f"{name:<36} {row['rouge1']:>8.4f} {row['rouge2']:>8.4f} {row['rougeL']:>8.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
