"""sumy's LexRank against the fast engine on real German text: time, speed-up, same picks.

    python benchmarks/lexrank.py [--sizes 500 1000 2000] [--count 10] [--fast-only 5000 10000]

Documents are the first Süddeutsche Zeitung articles of ../shared/corpus/mlsum_de_texts.jsonl,
split by briefing's own sentence splitter, one paragraph per article, cut at N sentences.
Words are tokenised before timing (both engines read the same ``sentence.words``), so the
figures are the summarizers' own work. "cold" is the first call with empty stem caches,
"warm" the best of --repeat calls. Goal: fast >= 100x sumy at 2,000 sentences, same picks.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.summary import lexrank  # noqa: E402
from briefing.text.sentences import split_sentences  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "mlsum_de_texts.jsonl"


def corpus_paragraphs(size: int) -> list[list[str]]:
    """``size`` sentences of real German news, one paragraph per article."""
    paragraphs: list[list[str]] = []
    total = 0
    with CORPUS.open(encoding="utf-8") as lines:
        for line in lines:
            sentences = split_sentences(json.loads(line)["text"])[: size - total]
            paragraphs.append(sentences)
            total += len(sentences)
            if total >= size:
                return paragraphs
    raise SystemExit(f"the corpus has only {total} sentences, fewer than {size}")


def tokenized_document(paragraphs: list[list[str]]):
    document = lexrank.build_document(paragraphs)
    for sentence in document.sentences:
        sentence.words  # noqa: B018 - sumy caches the tokens on the sentence
    return document


def clear_caches() -> None:
    lexrank._german_term.cache_clear()
    lexrank.german_stem.cache_clear()


def measure(call):
    """Wall and CPU seconds of one call, and its result (CPU time is steadier on a busy machine)."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = call()
    return time.perf_counter() - wall, time.process_time() - cpu, result


Seconds = tuple[float, float]  # wall, CPU


def time_fast(document, count: int, repeat: int) -> tuple[Seconds, Seconds, tuple]:
    """Cold (empty stem caches) and best warm (wall, CPU) seconds of the fast engine, its picks."""
    clear_caches()
    cold_wall, cold_cpu, picks = measure(lambda: lexrank.make_summarizer("fast")(document, count))
    warm_wall = warm_cpu = float("inf")
    for _ in range(repeat):
        wall, cpu, again = measure(lambda: lexrank.make_summarizer("fast")(document, count))
        warm_wall, warm_cpu = min(warm_wall, wall), min(warm_cpu, cpu)
        assert again == picks
    return (cold_wall, cold_cpu), (warm_wall, warm_cpu), picks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 1000, 2000])
    parser.add_argument("--count", type=int, default=10, help="sentences to pick")
    parser.add_argument("--repeat", type=int, default=5, help="warm runs of the fast engine")
    parser.add_argument("--fast-only", type=int, nargs="*", default=[],
                        help="larger sizes to time the fast engine alone (sumy would take minutes)")
    args = parser.parse_args()
    if not CORPUS.is_file():
        raise SystemExit(f"{CORPUS} is not available")

    # imports and first-call set-up (numpy, scipy.sparse, sumy, the stemmer) outside the timings
    warmup = tokenized_document([["Putin besucht Pjöngjang.", "Kim empfängt Putin."]])
    lexrank.make_summarizer("fast")(warmup, 1)
    lexrank.make_summarizer("sumy")(warmup, 1)

    print("seconds as wall / CPU; speed-up = sumy / fast (wall, CPU)")
    print(f"{'sentences':>9} {'sumy':>15} {'fast cold':>15} {'fast warm':>15} "
          f"{'x cold':>11} {'x warm':>11}  same picks (dense, sparse)")
    all_same = True
    for size in args.sizes:
        document = tokenized_document(corpus_paragraphs(size))
        sumy_wall, sumy_cpu, expected = measure(
            lambda: lexrank.make_summarizer("sumy")(document, args.count)  # noqa: B023
        )
        cold, warm, picks = time_fast(document, args.count, args.repeat)
        # the sparse power method (used beyond DENSE_LIMIT) must pick the same too
        dense_limit, lexrank.DENSE_LIMIT = lexrank.DENSE_LIMIT, 0
        sparse_picks = lexrank.make_summarizer("fast")(document, args.count)
        lexrank.DENSE_LIMIT = dense_limit
        same = [id(s) for s in picks] == [id(s) for s in expected] == [id(s) for s in sparse_picks]
        all_same &= same
        print(f"{len(document.sentences):>9} {sumy_wall:>7.3f}/{sumy_cpu:<7.3f} "
              f"{cold[0]:>7.4f}/{cold[1]:<7.4f} {warm[0]:>7.4f}/{warm[1]:<7.4f} "
              f"{sumy_wall / cold[0]:>5.0f}/{sumy_cpu / cold[1]:<5.0f} "
              f"{sumy_wall / warm[0]:>5.0f}/{sumy_cpu / warm[1]:<5.0f}  {'yes' if same else 'NO'}")
    for size in args.fast_only:
        document = tokenized_document(corpus_paragraphs(size))
        cold, warm, _ = time_fast(document, args.count, args.repeat)
        path = "dense" if size <= lexrank.DENSE_LIMIT else "sparse"
        print(f"{len(document.sentences):>9} {'-':>15} {cold[0]:>7.4f}/{cold[1]:<7.4f} "
              f"{warm[0]:>7.4f}/{warm[1]:<7.4f}  fast only ({path} power method)")
    if not all_same:
        raise SystemExit("the engines picked different sentences")


if __name__ == "__main__":
    main()
