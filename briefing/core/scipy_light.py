"""scipy's compiled graph and clustering routines without the package ``__init__``s around them.

``from scipy.sparse.csgraph import connected_components`` runs ``scipy.sparse.csgraph``'s
``__init__``, which loads ``scipy.sparse.linalg`` (iterative solvers, ARPACK); and
``scipy.cluster.hierarchy`` runs ``scipy.cluster``'s, which loads k-means, ``scipy.spatial``
(Qhull, KD-trees) and ``scipy.linalg``. Together about 0.2 s of a cold start that groups and
summarizes five articles. The routines themselves live in small compiled modules
(``csgraph._traversal``, ``cluster._hierarchy``) that need none of that, so they are loaded
alone: while one loads, an empty stand-in takes its package's place in ``sys.modules``. The
compiled module stays loaded (it may not be loaded twice) and a later ordinary import of the
package, by anyone, runs the real ``__init__`` and takes the module from there.

``connected_components`` is scipy's own function object. Average linkage calls the two
compiled functions that ``linkage(..., method="average")`` and ``fcluster(...,
criterion="distance")`` call, with the same arguments, so the clusters are scipy's bit for
bit (tests/unit/test_scipy_light.py); should a later scipy change those private functions,
the public ones are used.
"""

from __future__ import annotations

import importlib
import os
import sys
import threading
from types import ModuleType
from typing import Any

_AVERAGE = 2  # scipy.cluster.hierarchy._LINKAGE_METHODS["average"]
_LOCK = threading.Lock()
_loaded: dict[str, ModuleType | None] = {}


def connected_components(graph: Any, directed: bool = False) -> tuple[int, Any]:
    """``scipy.sparse.csgraph.connected_components``: (count, component number per node)."""
    traversal = _compiled("scipy.sparse.csgraph", "_traversal")
    if traversal is None:
        from scipy.sparse.csgraph import connected_components as public

        return public(graph, directed=directed)
    return traversal.connected_components(graph, directed=directed)


def average_linkage_labels(distance: Any, cut: float) -> Any:
    """Flat cluster numbers (1, 2, ...) of the rows of a square distance matrix.

    The same as ``fcluster(linkage(squareform(distance, checks=False), method="average"),
    t=cut, criterion="distance")``: clusters merged by average linkage while the merge
    distance is at most ``cut``.
    """
    import numpy as np

    distance = np.asarray(distance, dtype=np.float64)
    n = distance.shape[0]
    if n < 2:
        return np.ones(n, dtype="i")  # one row is one cluster (linkage itself wants two)
    # squareform(checks=False): the upper triangle, row by row
    condensed = np.ascontiguousarray(distance[np.triu_indices(n, 1)])
    hierarchy = _compiled("scipy.cluster", "_hierarchy")
    if hierarchy is not None and np.all(np.isfinite(condensed)):
        try:
            tree = hierarchy.nn_chain(condensed, n, _AVERAGE)
            labels = np.zeros((n,), dtype="i")
            hierarchy.cluster_dist(tree, labels, float(cut), int(n))
            return labels
        except (AttributeError, TypeError):
            pass  # a scipy whose private functions differ: the public way below
    from scipy.cluster.hierarchy import fcluster, linkage

    return fcluster(linkage(condensed, method="average"), t=cut, criterion="distance")


def _compiled(package: str, name: str) -> ModuleType | None:
    """``package.name``, imported without running ``package``'s ``__init__`` if need be."""
    full = f"{package}.{name}"
    if full not in _loaded:
        with _LOCK:
            if full not in _loaded:
                _loaded[full] = _load(package, full)
    return _loaded[full]


def _load(package: str, full: str) -> ModuleType | None:
    if full in sys.modules or sys.modules.get(package) is not None:
        return importlib.import_module(full)  # the package is loaded anyway
    parent = importlib.import_module(package.rpartition(".")[0])
    stand_in = ModuleType(package)
    stand_in.__path__ = [os.path.join(os.path.dirname(parent.__file__ or ""),
                                      package.rpartition(".")[2])]
    stand_in.__package__ = package
    sys.modules[package] = stand_in
    try:
        return importlib.import_module(full)
    except ImportError:
        return None
    finally:
        if sys.modules.get(package) is stand_in:
            del sys.modules[package]
