"""Run a step over many items on several cores, results in input order (deterministic)."""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

S = TypeVar("S")
T = TypeVar("T")
R = TypeVar("R")

# Below this many items a process pool costs more (start, imports, pickling) than it saves:
# the seeds and the tests' small folders run serially whatever --jobs says.
MIN_PARALLEL_ITEMS = 200
# Chunks per worker: enough that a slow chunk (a large topic) does not leave a core idle,
# few enough that pickling overhead stays small.
CHUNKS_PER_JOB = 16


# Descriptors only this process may hold (the digest's lock): a forked worker inherits them
# all, and one that outlived its killed parent would hold the lock for good.
_PARENT_ONLY: set[int] = set()


@contextlib.contextmanager
def parent_only(fd: int) -> Iterator[None]:
    """While the block runs, workers started from here close ``fd`` first thing."""
    _PARENT_ONLY.add(fd)
    try:
        yield
    finally:
        _PARENT_ONLY.discard(fd)


def _worker_start(parent: int, descriptors: tuple[int, ...]) -> None:
    """A worker's first act: let go of the parent's descriptors, and die with the parent."""
    for fd in descriptors:
        with contextlib.suppress(OSError):
            os.close(fd)
    _die_with(parent)


def _die_with(parent: int) -> None:
    """End this worker when ``parent`` ends, also by SIGKILL (Linux: PR_SET_PDEATHSIG;
    elsewhere a thread that watches the parent id)."""
    import signal

    asked = False
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            asked = libc.prctl(1, int(signal.SIGKILL), 0, 0, 0) == 0  # 1: PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            asked = False
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)
    if not asked:
        import threading
        import time

        def watch() -> None:
            while os.getppid() == parent:
                time.sleep(1.0)
            os._exit(1)

        threading.Thread(target=watch, daemon=True).start()


def available_cores() -> int:
    """Cores this process may run on (the CLI's default for --jobs)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def uses_fork() -> bool:
    """True when worker processes are forked, so they inherit the parent's caches."""
    import multiprocessing

    return multiprocessing.get_start_method(allow_none=True) in (None, "fork") and (
        "fork" in multiprocessing.get_all_start_methods()
    )


def map_in_order(
    func: Callable[[T], R],
    items: Sequence[T],
    jobs: int = 1,
    min_items: int | None = None,
    costs: Sequence[float] | None = None,
) -> Iterator[R]:
    """``map(func, items)``, on up to ``jobs`` processes when there are enough items.

    Results come back in input order, so output does not depend on which worker was quicker;
    ``func`` must be a module-level function and its items picklable. ``jobs <= 1`` is the
    plain serial loop in this process. ``costs`` (one guess per item, any unit) makes the
    chunks the workers take of about equal cost instead of equal length: for items whose
    cost falls steeply (a folder's largest stories first, then hundreds of lone articles), an
    equal share of them put all large stories into the first chunk and left one worker alone
    with it while the other had finished.
    """
    threshold = MIN_PARALLEL_ITEMS if min_items is None else min_items
    if jobs <= 1 or len(items) < max(2, threshold):
        yield from map(func, items)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork: workers start at once and share what the parent has loaded and cached
    context = multiprocessing.get_context("fork") if uses_fork() else None
    workers = min(jobs, len(items))
    chunk = max(1, len(items) // (workers * CHUNKS_PER_JOB))
    if costs is not None:
        batches = _balanced(costs, workers * CHUNKS_PER_JOB)
        tasks: Sequence[Any] = [(func, [items[i] for i in batch]) for batch in batches]
        func, chunk = _apply_batch, 1  # type: ignore[assignment]
    else:
        tasks = items
    # Forked workers share the parent's pages until they write to them; the cyclic garbage
    # collector writes to every object it scans. Frozen objects are not scanned, so the
    # workers keep the parent's articles shared (less memory, fewer page copies).
    gc.freeze()
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=context,
                                 initializer=_worker_start,
                                 initargs=(os.getpid(), tuple(_PARENT_ONLY))) as pool:
            results = pool.map(func, tasks, chunksize=chunk)
            if costs is None:
                yield from results
            else:
                for batch in results:
                    yield from batch
    finally:
        gc.unfreeze()


def _balanced(costs: Sequence[float], count: int) -> list[range]:
    """Runs of consecutive item numbers, each of about ``sum(costs) / count`` (an item that
    costs more stands alone)."""
    share = sum(costs) / max(1, count)
    batches: list[range] = []
    start, total = 0, 0.0
    for index, cost in enumerate(costs):
        if index > start and total + cost > share:
            batches.append(range(start, index))
            start, total = index, 0.0
        total += cost
    if start < len(costs):
        batches.append(range(start, len(costs)))
    return batches


def _apply_batch(task: tuple[Callable[[Any], Any], list[Any]]) -> list[Any]:
    func, batch = task
    return [func(item) for item in batch]


# (function, shared data) for map_shared's forked workers: they inherit it, nothing is pickled
_SHARED: tuple[Callable[[Any, Any], Any], Any] | None = None


def map_shared(
    func: Callable[[S, T], R],
    shared: S,
    items: Sequence[T],
    jobs: int = 1,
    min_items: int | None = None,
    costs: Sequence[float] | None = None,
) -> list[R]:
    """``[func(shared, item) for item in items]`` on forked workers that inherit ``shared``.

    For steps over one large structure (a matrix, all the groups) that would cost more to
    pickle than to compute; where processes are not forked it runs in this process.
    """
    return list(iter_shared(func, shared, items, jobs, min_items, costs))


def iter_shared(
    func: Callable[[S, T], R],
    shared: S,
    items: Sequence[T],
    jobs: int = 1,
    min_items: int | None = None,
    costs: Sequence[float] | None = None,
) -> Iterator[R]:
    """``map_shared`` one result at a time, in order (for a progress display)."""
    global _SHARED
    if jobs > 1 and not uses_fork():  # (one job: no need to import multiprocessing to ask)
        jobs = 1
    _SHARED = (func, shared)
    try:
        yield from map_in_order(_call_shared, items, jobs, min_items, costs)
    finally:
        _SHARED = None


def _call_shared(item: Any) -> Any:
    assert _SHARED is not None
    func, shared = _SHARED
    return func(shared, item)
