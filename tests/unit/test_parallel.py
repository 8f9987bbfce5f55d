"""Workers change nothing: --jobs 2 gives byte for byte the output of --jobs 1."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from briefing.pipeline import Settings, build_briefing, load_articles, summarize_articles
from briefing.render import render_briefing
from briefing.runtime import parallel
from briefing.runtime.resources import seeds_dir

DATA = Path(__file__).resolve().parent.parent / "data" / "topics"


def _pid(_: int) -> int:
    return os.getpid()


def _square(n: int) -> int:
    return n * n


@pytest.fixture
def parallel_always(monkeypatch: pytest.MonkeyPatch) -> None:
    # small folders normally run serially; the test must take the pool path
    monkeypatch.setattr(parallel, "MIN_PARALLEL_ITEMS", 1)


def _folder() -> list[str]:
    return [str(seeds_dir()), *sorted(str(p) for p in DATA.iterdir())]


def test_map_in_order_uses_other_processes_and_keeps_the_order(parallel_always) -> None:
    assert list(parallel.map_in_order(_square, range(50), jobs=2)) == [n * n for n in range(50)]
    assert set(parallel.map_in_order(_pid, range(8), jobs=2)) - {os.getpid()}
    assert set(parallel.map_in_order(_pid, range(8), jobs=1)) == {os.getpid()}


def test_chunks_of_equal_cost_keep_the_order(parallel_always) -> None:
    # steeply falling costs (a folder's largest stories first): each costly item alone
    costs = [100.0, 50.0, 20.0] + [1.0] * 97
    assert list(parallel.map_in_order(_square, range(100), jobs=2, costs=costs)) == [
        n * n for n in range(100)
    ]
    batches = parallel._balanced(costs, 8)
    assert [i for batch in batches for i in batch] == list(range(100))
    assert batches[:2] == [range(1), range(1, 2)]
    share = sum(costs) / 8
    assert all(sum(costs[i] for i in b) <= share or len(b) == 1 for b in batches)


def test_two_jobs_give_the_same_json_as_one(parallel_always) -> None:
    today = dt.date(2024, 6, 20)
    outputs = [
        render_briefing(build_briefing(_folder(), Settings(jobs=jobs), today=today), "json")
        for jobs in (1, 2)
    ]
    assert outputs[0] == outputs[1]
    assert '"topics"' in outputs[0] and len(outputs[0]) > 1000


def test_two_jobs_give_the_same_summaries_as_one(parallel_always) -> None:
    results = []
    for jobs in (1, 2):
        settings = Settings(sentences=2, jobs=jobs)
        articles, _ = load_articles(_folder(), settings)
        results.append(([a.id for a in articles], summarize_articles(articles, settings)))
    assert results[0] == results[1]
    assert all(results[0][1])


def test_cli_jobs_option(cli) -> None:
    outputs = [cli("build", *_folder(), "-f", "json", "--jobs", jobs).output for jobs in "12"]
    assert outputs[0] == outputs[1]
    assert cli("build", "--jobs", "0").exit_code == 2
