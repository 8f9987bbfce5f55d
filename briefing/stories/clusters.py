"""Clustering: average linkage of article vectors, cut at the story threshold, inside the
connected components of a sparse similarity graph.

Takes the articles' TF-IDF rows (and pairs that must share a cluster); gives a cluster number
per row. Two clusters whose mean similarity reaches the threshold have at least one pair that
does, so they share a component: clustering each component alone is exact average linkage,
without the n x n matrix.

How the threshold was chosen (``python benchmarks/topics.py --sweep --small``)
    On the 1,028 10kGNAD test articles (9 sections) with the five seeds mixed in, and on 200
    random small folders (8 10kGNAD articles + the seeds), with BACKGROUND_DOCS = 1000:

    threshold  topics  multi  purity  purity(multi)  seeds one topic  small: seeds / false pairs
    0.200      918     70     0.9893  0.9389         yes              0.995 / 0.090
    0.225      953     54     0.9932  0.9457         yes              1.000 / 0.045
    0.250      975     42     0.9961  0.9579         yes              1.000 / 0.020
    0.275      993     30     0.9981  0.9692         yes              1.000 / 0.015
    0.300      1000    24     0.9981  0.9615         yes              1.000 / 0.015
    0.325      1012    15     0.9990  0.9677         yes              1.000 / 0.015
    0.350      1016    11     1.0000  1.0000         no (2 topics)    0.000 / 0.015

    The seeds stay one topic of their own from 0.225 to 0.325; 0.275 is the middle of that
    range and the knee of purity over multi-article topics (0.97); small folders of unrelated
    articles get one merged pair in about 70 folders. Without the background pseudo-articles
    (IDF from the folder alone) a small folder's own story fell apart: at 0.25 the seeds were
    one topic in 16 % of the small folders only.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from briefing.runtime.parallel import map_shared

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

# Cosine similarity at which two articles tell the same story (average linkage cut).
THRESHOLD = 0.275


def similarity_graph(
    vectors: csr_matrix, threshold: float, chunk: int = 1000, jobs: int = 1
) -> csr_matrix:
    """Sparse symmetric matrix of the cosine similarities >= ``threshold`` (no diagonal).

    Row blocks keep memory flat: a block's products are thresholded before the next. The
    blocks are independent, so ``jobs`` worker processes share them out (the same result).
    """
    import scipy.sparse as sp

    n = vectors.shape[0]
    transposed = vectors.T.tocsc()
    starts = list(range(0, n, chunk))
    # a pool pays from about four blocks on (4,000 articles)
    blocks = map_shared(_graph_block, (vectors, transposed, threshold, chunk), starts, jobs, 4)
    graph = sp.vstack(blocks).tocsr() if blocks else sp.csr_matrix((n, n))
    graph.setdiag(0)
    graph.eliminate_zeros()
    return graph


def _graph_block(shared: tuple[Any, Any, float, int], start: int) -> csr_matrix:
    vectors, transposed, threshold, chunk = shared
    block = (vectors[start : start + chunk] @ transposed).tocsr()
    block.data[block.data < threshold] = 0
    block.eliminate_zeros()
    return block


def cluster_labels(
    vectors: csr_matrix,
    threshold: float = THRESHOLD,
    must_link: Iterable[tuple[int, int]] = (),
    jobs: int = 1,
) -> list[int]:
    """A cluster number per row: average linkage cut at ``threshold`` cosine similarity.

    Rows in ``must_link`` pairs end up in the same cluster (their clusters are joined).
    Numbers follow the first row of each cluster, so the result does not depend on anything
    but the rows and their order.
    """
    import numpy as np
    from scipy.sparse.csgraph import connected_components

    n = vectors.shape[0]
    if n == 0:
        return []
    graph = similarity_graph(vectors, threshold, jobs=jobs)
    _, component = connected_components(graph, directed=False)
    labels = np.arange(n)
    next_label = n  # labels of merged clusters start after the singleton labels
    members: dict[int, list[int]] = defaultdict(list)
    for row, comp in enumerate(component):
        members[int(comp)].append(row)
    for rows in members.values():
        if len(rows) == 1:
            continue
        block = vectors[rows]
        similarity = (block @ block.T).toarray().astype(np.float64)
        distance = np.clip(1.0 - similarity, 0.0, 2.0)
        np.fill_diagonal(distance, 0.0)
        # fcluster merges at distance <= t; a hair of slack keeps ties at the threshold in
        cut = average_linkage_labels(distance, 1.0 - threshold + 1e-9)
        for row, local in zip(rows, cut):
            labels[row] = next_label + int(local)
        next_label += int(cut.max()) + 1
    labels = _join(labels, must_link)
    first: dict[int, int] = {}
    return [first.setdefault(int(label), len(first)) for label in labels]


def average_linkage_labels(distance: Any, cut: float) -> Any:
    """Flat cluster numbers (1, 2, ...) of the rows of a square distance matrix.

    Clusters merged by average linkage while the merge distance is at most ``cut``
    (scipy's ``linkage(..., method="average")`` and ``fcluster(..., criterion="distance")``).
    """
    import numpy as np
    from scipy.cluster.hierarchy import fcluster, linkage

    distance = np.asarray(distance, dtype=np.float64)
    n = distance.shape[0]
    if n < 2:
        return np.ones(n, dtype="i")  # one row is one cluster (linkage itself wants two)
    # squareform(checks=False): the upper triangle, row by row
    condensed = np.ascontiguousarray(distance[np.triu_indices(n, 1)])
    return fcluster(linkage(condensed, method="average"), t=cut, criterion="distance")


def _join(labels: Any, pairs: Iterable[tuple[int, int]]) -> Any:
    import numpy as np
    import scipy.sparse as sp
    from scipy.sparse.csgraph import connected_components

    pairs = list(pairs)
    if not pairs:
        return labels
    # clusters are nodes; a must-link pair is an edge between the clusters of its rows
    _, dense = np.unique(labels, return_inverse=True)
    rows = [dense[a] for a, _ in pairs]
    cols = [dense[b] for _, b in pairs]
    size = int(dense.max()) + 1
    graph = sp.coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(size, size))
    _, joined = connected_components(graph, directed=False)
    return joined[dense]
