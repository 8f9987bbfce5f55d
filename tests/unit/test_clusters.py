"""Clustering: average linkage, the two stages of story grouping, rows that must share a cluster."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp

from briefing.stories import cluster_labels
from briefing.stories.clusters import (
    average_linkage,
    average_linkage_labels,
    one_theme,
    two_stages,
)


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


def _graph(n: int, pairs: dict[tuple[int, int], float]) -> sp.csr_matrix:
    rows = [a for a, b in pairs] + [b for a, b in pairs]
    cols = [b for a, b in pairs] + [a for a, b in pairs]
    return sp.csr_matrix((list(pairs.values()) * 2, (rows, cols)), shape=(n, n))


def test_an_attached_article_pulls_in_no_other() -> None:
    # 2 matches the story {0, 1} well; 3 matches only 2: it stays alone (no chaining)
    graph = _graph(4, {(0, 1): 0.8, (0, 2): 0.5, (1, 2): 0.5, (2, 3): 0.5})
    assert two_stages(graph, [[0, 1], [2], [3]]) == [[0, 1, 2], [3]]


def test_a_lone_article_joins_only_a_story_it_matches_as_its_own_articles_do() -> None:
    # mean 0.4 to a story whose own mean is 0.8: below 0.6 of it
    graph = _graph(3, {(0, 1): 0.8, (0, 2): 0.4, (1, 2): 0.4})
    assert two_stages(graph, [[0, 1], [2]]) == [[0, 1], [2]]
    looser = _graph(3, {(0, 1): 0.6, (0, 2): 0.4, (1, 2): 0.4})
    assert two_stages(looser, [[0, 1], [2]]) == [[0, 1, 2]]


def test_cores_merge_when_they_agree_as_their_own_articles_do() -> None:
    apart = {(0, 1): 0.6, (2, 3): 0.6, (0, 2): 0.3, (0, 3): 0.3, (1, 2): 0.3, (1, 3): 0.3}
    assert two_stages(_graph(4, apart), [[0, 1], [2, 3]]) == [[0, 1], [2, 3]]
    close = {key: 0.5 if value == 0.3 else value for key, value in apart.items()}
    assert two_stages(_graph(4, close), [[0, 1], [2, 3]]) == [[0, 1, 2, 3]]


def test_a_loose_article_does_not_join_a_tight_story() -> None:
    # 3 reaches the threshold with each, but not 0.7 of the story's own (shrunk) mean
    tight = {(0, 1): 0.9, (0, 2): 0.9, (1, 2): 0.9, (0, 3): 0.25, (1, 3): 0.25, (2, 3): 0.25}
    assert average_linkage(_graph(4, tight), 0.2) == [0, 0, 0, 1]
    assert average_linkage(_graph(4, tight), 0.2, cohesion=0.0) == [0, 0, 0, 0]
    # a tight pair alone weighs little against the shrinkage: it does not refuse everyone
    pair = {(0, 1): 0.9, (0, 2): 0.25, (1, 2): 0.25}
    assert average_linkage(_graph(3, pair), 0.2) == [0, 0, 0]
    assert average_linkage(_graph(3, pair), 0.2, shrink=0.0) == [0, 0, 1]


def test_a_folder_of_one_story_becomes_one_topic() -> None:
    # a tight pair of copies refuses 2 and 3 (below 0.7 of its mean), as in a folder of many
    # stories; but every pair of this folder reaches the core-merge cut: it is one story
    pairs = {(0, 1): 0.9, (0, 2): 0.2, (1, 2): 0.2, (0, 3): 0.15, (1, 3): 0.15, (2, 3): 0.3}
    graph = _graph(4, pairs)
    split = two_stages(graph, [[0, 1], [2, 3]])
    assert split == [[0, 1], [2, 3]]
    assert one_theme(graph, split) == [[0, 1, 2, 3]]


def test_one_theme_merges_stories_whose_mean_similarity_reaches_its_cut() -> None:
    # a folder of one theme (7 of 15 pairs reach 0.12) whose two halves agree at a mean of
    # 0.098: one topic at the cut of 0.08 (dev stories' folders: 18 of 20 one topic, 16 at 0.10)
    within = {(a, b): 0.5 for half in ((0, 1, 2), (3, 4, 5)) for a in half for b in half if a < b}
    across = {(a, b): 0.085 for a in (0, 1, 2) for b in (3, 4, 5)}
    graph = _graph(6, {**within, **across, (0, 3): 0.2})
    assert one_theme(graph, [[0, 1, 2], [3, 4, 5]]) == [[0, 1, 2, 3, 4, 5]]
    assert one_theme(graph, [[0, 1, 2], [3, 4, 5]], cut=0.10) == [[0, 1, 2], [3, 4, 5]]


def test_a_loose_story_whose_pairs_are_all_related_is_one_theme_at_its_own_mean() -> None:
    # no pair reaches 0.12 (the 40 % gate fails), but every pair is in the graph: a story told
    # from many sides (the val Klimapaket); merged at 0.6 of the mean (0.042), not at 0.08
    loose = {(a, b): 0.07 for a in range(6) for b in range(6) if a < b}
    singles = [[row] for row in range(6)]
    assert one_theme(_graph(6, loose), singles) == [[0, 1, 2, 3, 4, 5]]
    # four related pairs of fifteen (27 %): a folder of mixed news stays as it is
    few = {(0, 1): 0.07, (1, 2): 0.07, (3, 4): 0.07, (4, 5): 0.07}
    assert one_theme(_graph(6, few), singles) == singles


def test_one_theme_weighs_the_pairs_below_the_graphs_floor_when_it_may() -> None:
    # half the pairs are in the graph (0.07 among 0, 1, 2); article 3 is related to each at
    # 0.05, below the floor: it is alone on the graph, one of the story over every pair
    graph = _graph(4, {(0, 1): 0.07, (0, 2): 0.07, (1, 2): 0.07})
    every = _graph(4, {(0, 1): 0.07, (0, 2): 0.07, (1, 2): 0.07,
                       (0, 3): 0.05, (1, 3): 0.05, (2, 3): 0.05})
    singles = [[0], [1], [2], [3]]
    assert one_theme(graph, singles) == [[0, 1, 2], [3]]
    assert one_theme(graph, singles, every_pair=lambda: every) == [[0, 1, 2, 3]]


def test_one_theme_leaves_a_folder_of_several_stories_as_it_is() -> None:
    # two stories of three: 6 of 15 pairs (40 %) reach the cut, but the stories share little
    within = {(0, 1): 0.5, (0, 2): 0.5, (1, 2): 0.5, (3, 4): 0.5, (3, 5): 0.5, (4, 5): 0.5}
    apart = {**within, (0, 3): 0.07}
    assert one_theme(_graph(6, apart), [[0, 1, 2], [3, 4, 5]]) == [[0, 1, 2], [3, 4, 5]]
    # with 13 more articles alone the share is too low: not even close stories merge there
    close = {**within, **{(a, b): 0.3 for a in (0, 1, 2) for b in (3, 4, 5)}}
    lone = [[row] for row in range(6, 19)]
    stories = [[0, 1, 2], [3, 4, 5], *lone]
    assert one_theme(_graph(19, close), stories) == stories
    assert one_theme(_graph(6, close), stories[:2]) == [[0, 1, 2, 3, 4, 5]]


def test_cluster_labels_groups_a_one_story_folder_as_one() -> None:
    # rows whose cosines are the first test's: a tight pair and a looser one
    cosine = np.array([[1.0, 0.9, 0.2, 0.15], [0.9, 1.0, 0.2, 0.15], [0.2, 0.2, 1.0, 0.3],
                       [0.15, 0.15, 0.3, 1.0]])
    vectors = sp.csr_matrix(np.linalg.cholesky(cosine))
    assert cluster_labels(vectors) == [0, 0, 0, 0]
    # the same four among eight unrelated articles: two stories, as before
    unrelated = np.zeros((8, 8 + 4))
    unrelated[:, 4:] = np.eye(8)
    mixed = sp.vstack([sp.hstack([vectors, sp.csr_matrix((4, 8))]), sp.csr_matrix(unrelated)])
    assert cluster_labels(mixed.tocsr())[:4] == [0, 0, 1, 1]
