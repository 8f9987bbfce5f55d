"""Topic headings on a fixed sample, to be read and judged: test folders, 10kGNAD, MLSUM.

    python benchmarks/headings.py            # all three parts
    python benchmarks/headings.py --no-corpus  # the test folders only (no ../shared needed)

Prints one line per multi-article topic: its number of articles, its heading and the first
titles of its articles. The sample is fixed and deterministic: every multi-article topic of
the folders under tests/data/{topics,tui,digest} (the digest days also together) and the
seeds; the first 40 multi-article topics of the 1,028 10kGNAD test articles grouped at 0.25
(more multi-article topics than the shipped threshold gives); the first 40 of the first 3,000
MLSUM articles at the shipped threshold. Headings are computed over all the multi-article
topics of a corpus at once, as ``group_topics`` does.

A heading counts as wrong when a reader would object: a common noun taken for a name
("Angabens Donau"), a wrong genitive ("Haushaltes"), a name cut ("Stegens"), a possession
that is not one ("Hofers ÖVP-Kandidat", "Israels Gazastreifen"), or words that miss the story.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from briefing.core import topics as T
from briefing.core.models import Article
from briefing.core.pipeline import load_articles

DATA = ROOT / "tests" / "data"
SAMPLE = 40


def folders() -> list[list[Path]]:
    digest = DATA / "digest"
    return [
        *([p] for p in sorted((DATA / "topics").iterdir())),
        *([p] for p in sorted((DATA / "tui").iterdir())),
        *([p] for p in sorted(digest.iterdir())),
        [digest / "day1", digest / "day2", digest / "follow_up"],
        [digest / "day2", digest / "follow_up"],
        [ROOT / "seeds"],
    ]


def line(articles: list[Article], heading: str) -> str:
    titles = " || ".join(a.title[:50] for a in articles[:3])
    return f"{len(articles):3d} {heading!r:42} | {titles}"


def corpus_lines(articles: list[Article], threshold: float) -> list[str]:
    multi = [t.articles for t in T.group_topics(articles, threshold) if len(t.articles) > 1]
    headings = T.topic_headings(multi)
    return [line(g, h) for g, h in list(zip(multi, headings))[:SAMPLE]]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-corpus", action="store_true", help="test folders only")
    args = parser.parse_args()
    print("# test folders")
    for paths in folders():
        articles, _ = load_articles(paths)
        name = "+".join(p.name for p in paths)
        for topic in T.group_topics(articles):
            if len(topic.articles) > 1:
                print(f"{name:28} {line(topic.articles, topic.title)}")
    if args.no_corpus:
        return 0
    import topics as bench  # benchmarks/topics.py: the corpus loaders

    if bench.GNAD.exists():
        print(f"# 10kGNAD: first {SAMPLE} multi-article topics at 0.25")
        articles, _ = bench.load_gnad()
        for number, text in enumerate(corpus_lines(articles, 0.25)):
            print(f"G{number:02d} {text}")
    if bench.MLSUM.exists():
        print(f"# MLSUM: first 3,000 articles, first {SAMPLE} multi-article topics")
        with bench.MLSUM.open(encoding="utf-8") as f:
            texts = [json.loads(row)["text"] for _, row in zip(range(3000), f)]
        articles = [bench.article_from_text(t, i, "mlsum") for i, t in enumerate(texts)]
        for number, text in enumerate(corpus_lines(articles, T.THRESHOLD)):
            print(f"M{number:02d} {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
