"""Figures for the daily digest: when a story counts as continued, and how long a day takes.

    python benchmarks/digest.py [--articles N] [--days D]

Prints (1) the continuation score (tf-idf cosine) of same-story pairs (the five seeds) and
how often an unrelated article (MLSUM) would be taken as continuing one of 30 earlier
articles at the threshold; (2) wall time of `briefing digest` per day for D days of N new
mlsum articles each (the inbox keeps earlier days' files, as in real life).
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import mlsum_texts  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def calibration(trials: int = 20, pool: int = 30) -> None:
    from briefing.core.digest import CONTINUATION_THRESHOLD, article_terms, similarities
    from briefing.core.models import Article, Block
    from briefing.core.pipeline import load_articles
    from briefing.resources import seeds_dir

    texts = mlsum_texts(3000)
    rng = random.Random(7)

    def article(text: str) -> Article:
        return Article(Path("x.txt"), text[:80], [Block("paragraph", text)])

    seeds, _ = load_articles([seeds_dir()])
    seed_terms = [article_terms(a) for a in seeds]
    background = seed_terms + [article_terms(article(t)) for t in rng.sample(texts, pool)]
    pairs = [similarities([seed_terms[i]], [seed_terms[j]], background)[0][0]
             for i, j in combinations(range(len(seeds)), 2)]
    best: list[float] = []
    for _ in range(trials):
        sample = [article_terms(article(t)) for t in rng.sample(texts, 2 * pool)]
        best += [max(row) for row in similarities(sample[:pool], sample[pool:])]
    above = sum(score >= CONTINUATION_THRESHOLD for score in best)
    pairs.sort()
    print(f"threshold {CONTINUATION_THRESHOLD}")
    print(f"same story (seeds, {len(pairs)} pairs): min {pairs[0]:.2f}, "
          f"median {pairs[len(pairs) // 2]:.2f}, "
          f"{sum(p >= CONTINUATION_THRESHOLD for p in pairs)}/{len(pairs)} above threshold")
    print(f"unrelated (mlsum, best of {pool} earlier, {len(best)} articles): "
          f"{above / len(best):.1%} taken as continuing")


def day_runs(articles: int, days: int) -> None:
    texts = mlsum_texts(articles * days)
    with tempfile.TemporaryDirectory() as tmp:
        inbox, out, state = Path(tmp, "inbox"), Path(tmp, "out"), Path(tmp, "state.sqlite3")
        inbox.mkdir()
        for day in range(days):
            for number in range(articles):
                text = texts[day * articles + number]
                (inbox / f"d{day}_{number:04d}.txt").write_text(text + "\n", encoding="utf-8")
            date = f"2024-06-{day + 1:02d}"
            started = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "briefing", "digest", "--inbox", str(inbox), "--out",
                 str(out), "--state", str(state), "--date", date, "-q"],
                cwd=ROOT, check=True,
            )
            elapsed = time.perf_counter() - started
            print(f"day {day + 1}: {articles} new of {articles * (day + 1)} files: {elapsed:.1f} s")
        print(f"state file after {days} days: {state.stat().st_size / 1024:.0f} KiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--days", type=int, default=3)
    options = parser.parse_args()
    calibration()
    day_runs(options.articles, options.days)


if __name__ == "__main__":
    main()
