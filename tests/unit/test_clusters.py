"""Clustering: average linkage on a square distance matrix, and rows that must share a cluster."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp

from briefing.stories import cluster_labels
from briefing.stories.clusters import average_linkage_labels


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
def test_average_linkage_of_a_square_matrix_is_scipys_on_its_condensed_form(ties: bool) -> None:
    rng = np.random.default_rng(7)
    for n in [2, 3, 4, 5, 8, 13, 40, 120]:
        for cut in (0.05, 0.1, 0.25, 0.5, 0.725 + 1e-9):
            distance = _distances(rng, n, ties)
            assert np.array_equal(average_linkage_labels(distance, cut),
                                  _scipy_labels(distance, cut)), (n, cut)


def test_one_row_is_one_cluster() -> None:
    assert average_linkage_labels(np.zeros((1, 1)), 0.5).tolist() == [1]
    assert average_linkage_labels(np.zeros((0, 0)), 0.5).tolist() == []


def test_rows_that_must_link_share_a_cluster_and_numbers_follow_first_rows() -> None:
    rows = np.array([[1.0, 0.0, 0.0], [0.99, 0.14, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]])
    vectors = sp.csr_matrix(rows / np.linalg.norm(rows, axis=1, keepdims=True))
    assert cluster_labels(vectors, 0.5) == [0, 0, 1, 2]
    assert cluster_labels(vectors, 0.5, must_link=[(2, 3)]) == [0, 0, 1, 1]
