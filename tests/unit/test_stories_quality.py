"""Quality floors of story grouping on the labelled stories (../shared; skips without it)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from benchmark_module import load_benchmark

from briefing.pipeline import load_articles
from briefing.stories import group_topics

ROOT = Path(__file__).resolve().parents[2]
SETS = {
    "dev": ("eval", "stories", "dev", "stories.json"),  # under ../shared
    "val": ROOT / "benchmarks" / "data" / "stories_val.json",  # our own labels
}


def story_scores(labels_path: Path, folder: Path):
    """``benchmarks/stories.py``'s scores of ``group_topics`` on the set's folder."""
    bench = load_benchmark("stories")
    labels = bench.load_labels(labels_path)
    bench.write_folder(labels, folder)
    articles, skipped = load_articles([folder])
    grouping = [(t.title, [a.path.stem for a in t.articles]) for t in group_topics(articles)]
    grouping += [("", [s.path.stem]) for s in skipped]  # a duplicate file: a topic of its own
    return bench.score(labels, grouping)


def floor_and_labels(name: str, shared_dir: Path) -> tuple[dict, Path]:
    """The set's floors in quality_baseline.json and its labels file."""
    floor = json.loads((ROOT / "tests" / "quality_baseline.json").read_text())["stories"][name]
    where = SETS[name]
    return floor, shared_dir.joinpath(*where) if isinstance(where, tuple) else where


@pytest.mark.parametrize("name", ["dev", "val"])
def test_stories_hold_their_floors(name: str, shared_dir: Path, tmp_path: Path) -> None:
    floor, labels_path = floor_and_labels(name, shared_dir)
    scores = story_scores(labels_path, tmp_path / name)
    assert scores.f1 >= floor["f1"], scores.f1
    assert scores.precision >= floor["precision"], scores.precision
    assert scores.near_miss_rate <= floor["near_miss_rate_max"], scores.near_miss_rate
    assert scores.heading_hits >= floor["heading_hits"], scores.heading_hits


def one_topic_stories(labels_path: Path, folder: Path) -> int:
    """Stories whose members, alone as a folder, form one topic."""
    bench = load_benchmark("stories")
    labels = bench.load_labels(labels_path)
    texts = bench.corpus_texts({str(m) for s in labels["stories"] for m in s["members"]})
    one = 0
    for story in labels["stories"]:
        members = {"stories": [dict(story, near_misses=[])], "distractors": []}
        here = folder / story["id"]
        here.mkdir(parents=True)
        for ident in bench.folder_ids(members):
            (here / f"{ident}.txt").write_text(bench.as_paragraphs(texts[ident]) + "\n", "utf-8")
        articles, _ = load_articles([here])
        one += len(group_topics(articles)) == 1
    return one


@pytest.mark.parametrize("name", ["dev", "val"])
def test_one_story_alone_is_one_topic(name: str, shared_dir: Path, tmp_path: Path) -> None:
    """The outside key-fact check builds each story's articles alone: they are one topic."""
    floor, labels_path = floor_and_labels(name, shared_dir)
    one = one_topic_stories(labels_path, tmp_path / name)
    assert one >= floor["one_topic_alone"], one
