"""scipy's graph and clustering routines loaded without their packages give scipy's results."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from briefing.core.scipy_light import average_linkage_labels, connected_components


def _scipy_labels(distance: np.ndarray, cut: float) -> np.ndarray:
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    return fcluster(linkage(squareform(distance, checks=False), method="average"), t=cut,
                    criterion="distance")


def _distances(rng: np.random.Generator, n: int, ties: bool) -> np.ndarray:
    points = rng.random((n, 6))
    norms = np.linalg.norm(points, axis=1, keepdims=True)
    similarity = (points / norms) @ (points / norms).T
    if ties:  # few distinct values: ties everywhere, so the merge order must be scipy's
        similarity = np.round(similarity * 4) / 4
    distance = np.clip(1.0 - similarity, 0.0, 2.0)
    np.fill_diagonal(distance, 0.0)
    return np.minimum(distance, distance.T)


@pytest.mark.parametrize("ties", [False, True])
def test_average_linkage_is_scipys_bit_for_bit(ties: bool) -> None:
    rng = np.random.default_rng(7)
    for n in [2, 3, 4, 5, 8, 13, 40, 120]:
        for cut in (0.05, 0.1, 0.25, 0.5, 0.725 + 1e-9):
            distance = _distances(rng, n, ties)
            assert np.array_equal(average_linkage_labels(distance, cut),
                                  _scipy_labels(distance, cut)), (n, cut)


def test_one_row_is_one_cluster() -> None:
    assert average_linkage_labels(np.zeros((1, 1)), 0.5).tolist() == [1]
    assert average_linkage_labels(np.zeros((0, 0)), 0.5).tolist() == []


def test_connected_components_is_scipys() -> None:
    import scipy.sparse as sp
    from scipy.sparse.csgraph import connected_components as public

    graph = sp.random(60, 60, density=0.02, format="csr", random_state=3)
    count, labels = connected_components(graph, directed=False)
    expected_count, expected = public(graph, directed=False)
    assert count == expected_count
    assert np.array_equal(labels, expected)


def test_grouping_loads_neither_scipy_cluster_nor_csgraph_packages() -> None:
    """Grouping the seeds needs two compiled modules, not scipy.cluster's or csgraph's
    __init__ (k-means, scipy.spatial, scipy.linalg, scipy.sparse.linalg: a cold start's
    0.2 s); a later ordinary import of both packages works and shares the compiled module."""
    code = """
import sys
from briefing.core.pipeline import load_articles
from briefing.core.topics import group_topics
from briefing.resources import seeds_dir
articles, _ = load_articles([str(seeds_dir())])
topics = group_topics(articles)
assert len(topics) == 1 and len(topics[0].articles) == 5, topics
for name in ("scipy.cluster", "scipy.cluster.hierarchy", "scipy.spatial", "scipy.linalg",
             "scipy.sparse.csgraph", "scipy.sparse.linalg"):
    assert name not in sys.modules, name
assert "scipy.cluster._hierarchy" in sys.modules
import scipy.cluster.hierarchy, scipy.sparse.csgraph
assert scipy.cluster.hierarchy._hierarchy is sys.modules["scipy.cluster._hierarchy"]
assert scipy.cluster.hierarchy.fcluster(
    scipy.cluster.hierarchy.linkage([0.2, 0.9, 0.8], method="average"), t=0.5,
    criterion="distance").tolist() == [1, 1, 2]
print("ok")
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"
