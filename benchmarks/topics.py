"""Topic grouping on 10kGNAD: number of topics, purity against the section labels, time, seeds.

    python benchmarks/topics.py                 # figures at the shipped threshold
    python benchmarks/topics.py --sweep         # purity vs. number of topics over thresholds
    python benchmarks/topics.py --scale 10000   # time on N MLSUM articles

Reads ``../shared/corpus/10kgnad/test.csv`` (1,028 DER STANDARD articles, 9 sections); each
line becomes an in-memory Article (title = first sentence). Purity: the share of articles
whose topic's most common section is their own section (a story sits in one section); it is
also given over the articles in multi-article topics only, where it is not trivially 1.
The seeds (cleaned by briefing's own load_articles) are then mixed in: they must form
exactly one topic with no other article in it (tests/unit/test_topics.py). Purity is a
reported figure since issue 16: it measures sections, not stories, and rewards splitting; the
thresholds swept are the cores' (``stories.THRESHOLD``); the story floors are measured by
benchmarks/stories.py and tests/unit/test_stories_quality.py.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefing import stories as T
from briefing.models import Article, Block
from briefing.pipeline import load_articles

SHARED = ROOT.parent / "shared"
GNAD = SHARED / "corpus" / "10kgnad" / "test.csv"
MLSUM = SHARED / "corpus" / "mlsum_de_texts.jsonl"
_FIRST_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[\"'„“»]?[A-ZÄÖÜ0-9])")


def article_from_text(text: str, number: int, source: str) -> Article:
    """An in-memory article: the first sentence (or line) is its title, the rest its body."""
    text = text.strip()
    first_line, _, rest_lines = text.partition("\n")
    parts = _FIRST_SENTENCE.split(first_line, maxsplit=1)
    title = parts[0].strip()
    body = ((parts[1] if len(parts) > 1 else "") + "\n" + rest_lines).strip() or title
    paragraphs = [Block("paragraph", p.strip()) for p in body.split("\n") if p.strip()]
    return Article(
        path=Path(f"{source}/{number:05d}.txt"), title=title, blocks=paragraphs, id=f"a{number + 1}"
    )


def load_gnad(path: Path = GNAD) -> tuple[list[Article], list[str]]:
    """The 10kGNAD test split as articles and their section labels."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = [row for row in csv.reader(f, delimiter=";", quotechar="'") if len(row) >= 2]
    articles = [article_from_text(text, i, "10kgnad") for i, (_, text) in enumerate(rows)]
    return articles, [label for label, _ in rows]


def load_seeds() -> list[Article]:
    seeds, _ = load_articles([ROOT / "seeds"])
    return seeds


def purity(labels: list[int], sections: list[str], multi_only: bool = False) -> float:
    """Share of articles whose cluster's majority section is theirs."""
    clusters: dict[int, list[str]] = {}
    for label, section in zip(labels, sections):
        clusters.setdefault(label, []).append(section)
    agree = total = 0
    for members in clusters.values():
        if multi_only and len(members) < 2:
            continue
        agree += Counter(members).most_common(1)[0][1]
        total += len(members)
    return agree / total if total else 1.0


def cluster(articles: list[Article], threshold: float) -> tuple[list[int], float]:
    start = time.perf_counter()
    boilerplate = T.boilerplate_sentences(articles)
    vectors = T.tfidf_vectors(articles, boilerplate=boilerplate)
    pairs = T.syndicated_pairs(articles, boilerplate, vectors)
    labels = T.cluster_labels(vectors, threshold, pairs)
    return labels, time.perf_counter() - start


def seeds_isolated(labels: list[int], seed_rows: range) -> bool:
    seed_labels = {labels[i] for i in seed_rows}
    if len(seed_labels) != 1:
        return False
    label = seed_labels.pop()
    return sum(1 for x in labels if x == label) == len(seed_rows)


def figures(articles, sections, seeds, threshold: float) -> dict[str, object]:
    labels, seconds = cluster(articles, threshold)
    sizes = Counter(labels)
    multi = [c for c, n in sizes.items() if n > 1]
    mixed = articles + seeds
    mixed_labels, mixed_seconds = cluster(mixed, threshold)
    seed_rows = range(len(articles), len(mixed))
    return {
        "threshold": threshold,
        "articles": len(articles),
        "topics": len(sizes),
        "multi_topics": len(multi),
        "in_multi": sum(sizes[c] for c in multi),
        "largest": max(sizes.values()),
        "purity": round(purity(labels, sections), 4),
        "purity_multi": round(purity(labels, sections, multi_only=True), 4),
        "seconds": round(seconds, 2),
        "seeds_isolated": seeds_isolated(mixed_labels, seed_rows),
        "seed_topics": len({mixed_labels[i] for i in seed_rows}),
        "seconds_with_seeds": round(mixed_seconds, 2),
        "seeds_alone_topics": len(set(cluster(seeds, threshold)[0])),
    }


def small_folders(
    articles, seeds, threshold: float, draws: int = 200, size: int = 8, seed: int = 7
) -> dict[str, object]:
    """Random small folders (``size`` unrelated 10kGNAD articles + the seeds): how often the
    seeds form exactly one topic of their own, and how many 10kGNAD pairs get merged."""
    rng = random.Random(seed)
    isolated = merged_pairs = 0
    for _ in range(draws):
        folder = rng.sample(articles, size) + seeds
        labels, _ = cluster(folder, threshold)
        isolated += seeds_isolated(labels, range(size, size + len(seeds)))
        counts = Counter(labels[:size])
        merged_pairs += sum(n * (n - 1) // 2 for n in counts.values())
    return {
        "draws": draws,
        "seeds_isolated_rate": round(isolated / draws, 3),
        "merged_pairs_per_folder": round(merged_pairs / draws, 3),
    }


def scale(count: int, threshold: float) -> dict[str, object]:
    with MLSUM.open(encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f][:count]
    articles = [article_from_text(t, i, "mlsum") for i, t in enumerate(texts)]
    start = time.perf_counter()
    topics = T.group_topics(articles, threshold)
    seconds = time.perf_counter() - start
    return {
        "articles": len(articles),
        "topics": len(topics),
        "major": sum(not t.minor for t in topics),
        "seconds": round(seconds, 2),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, default=T.THRESHOLD)
    parser.add_argument("--sweep", action="store_true", help="figures over a range of thresholds")
    parser.add_argument("--small", action="store_true", help="also random small folders")
    parser.add_argument("--scale", type=int, default=0, help="time N MLSUM articles")
    parser.add_argument("--headings", type=int, default=0, help="print N largest topics")
    parser.add_argument("--background", type=int, default=None)
    parser.add_argument(
        "--thresholds",
        default="0.15,0.2,0.25,0.3,0.35,0.4,0.5",
        help="comma-separated thresholds for --sweep",
    )
    args = parser.parse_args()
    if not GNAD.exists():
        print(f"skipped: {GNAD} not found")
        return 0
    if args.background is not None:
        T.BACKGROUND_DOCS = args.background
    articles, sections = load_gnad()
    seeds = load_seeds()
    thresholds = [float(t) for t in args.thresholds.split(",")] if args.sweep else [args.threshold]
    for threshold in thresholds:
        row = figures(articles, sections, seeds, threshold)
        start = time.perf_counter()
        T.group_topics(articles, threshold)  # the whole step: clustering and headings
        row["group_topics_seconds"] = round(time.perf_counter() - start, 2)
        if args.small:
            row.update(small_folders(articles, seeds, threshold))
        print(json.dumps(row, ensure_ascii=False))
    if args.headings:
        start = time.perf_counter()
        topics = T.group_topics(articles, args.threshold)
        print(f"group_topics: {time.perf_counter() - start:.2f} s")
        section_of = {a.id: s for a, s in zip(articles, sections)}
        for topic in [t for t in topics if not t.minor][: args.headings]:
            labels = Counter(section_of[a.id] for a in topic.articles)
            print(f"{len(topic.articles):3d} {topic.title!r:45} {dict(labels)}")
            for a in topic.articles[:3]:
                print("      -", a.title[:100])
    if args.scale:
        print(json.dumps(scale(args.scale, args.threshold), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
