"""Folders of one story, of two, of a story and its near misses: the one-theme stage's test bench.

    python benchmarks/stories_theme.py            # the shipped stage beside the fixed cut before

The grouping's last stage (``briefing.stories.clusters.one_theme``) decides whether a folder
is one story's (or one theme's) articles and, if so, merges its stories by average linkage.
This script builds the TF-IDF vectors of small folders as ``briefing build`` does and groups
them with each variant of that stage. Folders (from ``../shared/corpus/mlsum_de_texts.jsonl``):

- each of the 40 key-fact stories' members alone (``benchmarks/data/keyfacts.json``; dev and
  val): one topic is right; shown are the mean number of topics and the stories that split;
- 40 folders of two of those stories (drawn with a fixed seed): the two must stay apart;
  shown is how many folders hold a topic that mixes them;
- each labelled story's members with its near misses (dev and val story labels): shown is the
  number of topics that mix a near miss with a member or another near miss (a folder of one
  theme may become one topic: it is counted, not forbidden);
- each story's members with two random corpus articles: the random ones must stay out of the
  story's topic;
- 60 random folders of 3 to 15 corpus articles: shown is how many articles were merged.

Nothing here is a benchmark figure to report: it shows the cost of a variant beside its gain.
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from _corpus import LABELLED_LAYOUT, SHARED, as_paragraphs, mlsum_texts, require_shared  # noqa: E402
from keyfacts import load_stories  # noqa: E402

import briefing.stories.clusters as C  # noqa: E402
from briefing import load_articles  # noqa: E402
from briefing.stories.vectors import (  # noqa: E402
    boilerplate_sentences,
    keyed_sentences,
    tfidf_vectors,
)

LABELS = (SHARED / "eval" / "stories" / "dev" / "stories.json",
          ROOT / "benchmarks" / "data" / "stories_val.json")


def fixed_cut(graph, stories, every_pair=None):
    """The stage before: the 40 % gate alone, the floor graph, a fixed cut of 0.08."""
    n = graph.shape[0]
    if n < 3 or len(stories) < 2:
        return stories
    if int((graph.data >= C.MERGE_THRESHOLD).sum()) < C.ONE_THEME_SHARE * n * (n - 1):
        return stories
    return C.groups_of(C.average_linkage(graph, C.ONE_THEME_CUT, 0.0, 0.0, (), stories))


VARIANTS: dict[str, Callable] = {"fixed cut 0.08 (before)": fixed_cut, "shipped": C.one_theme}


class Folders:
    """Vectors of a folder of corpus articles, written and read as ``briefing build`` would."""

    def __init__(self, work: Path) -> None:
        self.texts = mlsum_texts()
        self.work = work
        self.cache: dict[tuple[int, ...], tuple] = {}

    def vectors(self, ids: list[int]) -> tuple:
        key = tuple(ids)
        if key not in self.cache:
            folder = Path(tempfile.mkdtemp(dir=self.work))
            for number in ids:
                text = as_paragraphs(self.texts[number], LABELLED_LAYOUT) + "\n"
                (folder / f"{number:05d}.txt").write_text(text, "utf-8")
            articles, _ = load_articles([folder])
            keyed = [keyed_sentences(a) for a in articles]
            boilerplate = boilerplate_sentences(articles, keyed)
            vectors = tfidf_vectors(articles, boilerplate=boilerplate, keyed=keyed)
            self.cache[key] = (vectors, [int(a.path.stem) for a in articles])
        return self.cache[key]


def topics_of(folders: Folders, ids: list[int], stage: Callable) -> dict[int, int]:
    """Corpus id -> topic number, with ``stage`` as the grouping's last stage."""
    vectors, order = folders.vectors(ids)
    shipped = C.one_theme
    C.one_theme = stage
    try:
        labels = C.cluster_labels(vectors)
    finally:
        C.one_theme = shipped
    return dict(zip(order, labels))


def mixed_topics(topic: dict[int, int], groups: list[list[int]]) -> int:
    """Topics holding articles of more than one of ``groups``."""
    group_of = {x: g for g, members in enumerate(groups) for x in members}
    seen: dict[int, set[int]] = {}
    for article, number in topic.items():
        seen.setdefault(number, set()).add(group_of[article])
    return sum(len(g) > 1 for g in seen.values())


def main() -> int:
    require_shared()
    stories = load_stories()
    near = {}
    for path in LABELS:
        for story in json.loads(path.read_text(encoding="utf-8"))["stories"]:
            near[story["id"]] = story["near_misses"]
    with tempfile.TemporaryDirectory() as work:
        folders = Folders(Path(work))
        draw = random.Random(5)
        twos = [draw.sample(stories, 2) for _ in range(40)]
        draw = random.Random(11)
        extra = {s["id"]: draw.sample(range(len(folders.texts)), 2) for s in stories}
        draw = random.Random(9)
        randoms = [draw.sample(range(len(folders.texts)), draw.choice([3, 4, 5, 6, 8, 10, 12, 15]))
                   for _ in range(60)]
        for name, stage in VARIANTS.items():
            counts, split = [], []
            for story in stories:
                topic = topics_of(folders, story["articles"], stage)
                counts.append(len(set(topic.values())))
                if counts[-1] > 1:
                    sizes = sorted((list(topic.values()).count(t) for t in set(topic.values())),
                                   reverse=True)
                    split.append(f"{story['id'][:24]} {sizes}")
            two = sum(
                mixed_topics(topics_of(folders, a["articles"] + b["articles"], stage),
                             [a["articles"], b["articles"]]) > 0
                for a, b in twos)
            near_mixed = sum(
                mixed_topics(topics_of(folders, s["articles"] + near[s["id"]], stage),
                             [s["articles"]] + [[x] for x in near[s["id"]]])
                for s in stories if near.get(s["id"]))
            joined = 0
            for story in stories:
                topic = topics_of(folders, story["articles"] + extra[story["id"]], stage)
                numbers = [topic[x] for x in story["articles"] if x in topic]
                main_topic = max(set(numbers), key=numbers.count)
                joined += sum(topic.get(x) == main_topic for x in extra[story["id"]])
            merged = sum(len(ids) - len(set(topics_of(folders, ids, stage).values()))
                         for ids in randoms)
            print(f"{name}:\n  one story's folder: {sum(counts) / len(counts):.2f} topics on "
                  f"average; split: {'; '.join(split) or 'none'}\n"
                  f"  two stories' folders mixing them: {two} of {len(twos)}\n"
                  f"  story + near misses, mixed topics: {near_mixed}\n"
                  f"  random articles joining a story's topic: {joined} of {2 * len(stories)}\n"
                  f"  random folders, articles merged: {merged}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
