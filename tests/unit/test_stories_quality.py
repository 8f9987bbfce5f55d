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


@pytest.mark.parametrize("name", ["dev", "val"])
def test_stories_hold_their_floors(name: str, shared_dir: Path, tmp_path: Path) -> None:
    floor = json.loads((ROOT / "tests" / "quality_baseline.json").read_text())["stories"][name]
    where = SETS[name]
    labels_path = shared_dir.joinpath(*where) if isinstance(where, tuple) else where
    scores = story_scores(labels_path, tmp_path / name)
    assert scores.f1 >= floor["f1"], scores.f1
    assert scores.precision >= floor["precision"], scores.precision
    assert scores.near_miss_rate <= floor["near_miss_rate_max"], scores.near_miss_rate
    assert scores.heading_hits >= floor["heading_hits"], scores.heading_hits
