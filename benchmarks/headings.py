"""Topic headings on a fixed sample, to be read and judged: test folders, 10kGNAD, MLSUM.

    python benchmarks/headings.py            # all three parts
    python benchmarks/headings.py --no-corpus  # the test folders only (no ../shared needed)
    python benchmarks/headings.py --judge benchmarks/data/headings_verdicts.tsv

With --judge, each line starts with the verdict a reader gave that heading (ok/WRONG), or "?"
when the heading differs from the judged one (judge it and update the file); the last line
counts them. benchmarks/data/headings_verdicts.tsv holds the latest judge's verdicts.

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

from briefing import stories as T
from briefing.models import Article
from briefing.pipeline import load_articles

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


def read_verdicts(path: Path) -> dict[str, tuple[str, str]]:
    """id -> (heading, verdict) from a verdicts file (id, heading, ok|wrong, why; tab-separated)."""
    verdicts = {}
    for row in path.read_text(encoding="utf-8").splitlines():
        if row and not row.startswith("#"):
            ident, heading, verdict = row.split("\t")[:3]
            verdicts[ident] = (heading, verdict)
    return verdicts


class Judge:
    """Prints each line with its verdict (when --judge is given) and counts them."""

    def __init__(self, verdicts: dict[str, tuple[str, str]] | None) -> None:
        self.verdicts = verdicts
        self.counts = {"ok": 0, "wrong": 0, "?": 0}

    def show(self, ident: str, heading: str, text: str) -> None:
        if self.verdicts is None:
            print(text)
            return
        judged = self.verdicts.get(ident)
        verdict = judged[1] if judged and judged[0] == heading else "?"
        self.counts[verdict] += 1
        print(f"{ {'ok': 'ok   ', 'wrong': 'WRONG', '?': '?    '}[verdict]} {text}")

    def summary(self) -> str:
        c = self.counts
        return (f"# judged: {c['wrong']} wrong, {c['ok']} ok, {c['?']} not judged (changed "
                f"headings) of {sum(c.values())}")


def line(articles: list[Article], heading: str) -> str:
    titles = " || ".join(a.title[:50] for a in articles[:3])
    return f"{len(articles):3d} {heading!r:42} | {titles}"


def corpus_lines(articles: list[Article], threshold: float) -> list[tuple[str, str]]:
    """(heading, line) of the first SAMPLE multi-article topics."""
    multi = [t.articles for t in T.group_topics(articles, threshold) if len(t.articles) > 1]
    headings = T.topic_headings(multi)
    return [(h, line(g, h)) for g, h in list(zip(multi, headings))[:SAMPLE]]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-corpus", action="store_true", help="test folders only")
    parser.add_argument("--judge", type=Path, metavar="TSV",
                        help="verdicts file: mark each heading ok/WRONG/? (changed)")
    args = parser.parse_args()
    judge = Judge(read_verdicts(args.judge) if args.judge else None)
    print("# test folders")
    for paths in folders():
        articles, _ = load_articles(paths)
        name = "+".join(p.name for p in paths)
        number = 0
        for topic in T.group_topics(articles):
            if len(topic.articles) > 1:
                number += 1
                text = f"{name:28} {line(topic.articles, topic.title)}"
                judge.show(f"{name}#{number}", topic.title, text)
    if args.no_corpus:
        if args.judge:
            print(judge.summary())
        return 0
    import topics as bench  # benchmarks/topics.py: the corpus loaders

    if bench.GNAD.exists():
        print(f"# 10kGNAD: first {SAMPLE} multi-article topics at 0.25")
        articles, _ = bench.load_gnad()
        for number, (heading, text) in enumerate(corpus_lines(articles, 0.25)):
            judge.show(f"G{number:02d}", heading, f"G{number:02d} {text}")
    if bench.MLSUM.exists():
        print(f"# MLSUM: first 3,000 articles, first {SAMPLE} multi-article topics")
        with bench.MLSUM.open(encoding="utf-8") as f:
            texts = [json.loads(row)["text"] for _, row in zip(range(3000), f)]
        articles = [bench.article_from_text(t, i, "mlsum") for i, t in enumerate(texts)]
        for number, (heading, text) in enumerate(corpus_lines(articles, T.THRESHOLD)):
            judge.show(f"M{number:02d}", heading, f"M{number:02d} {text}")
    if args.judge:
        print(judge.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
