"""Time to first paint of the seeds' briefing in the TUI, and the +/- redraw, via Pilot.

Run from the repository root: ``python benchmarks/tui.py [PATH ...]`` (default: the seeds).
Goals: first paint < 1 s, +/- redraw < 100 ms.

"cold start" is the honest figure: a new ``python -m briefing tui`` process in a 100x30
tmux terminal until the briefing is on screen (benchmarks/tui_first_paint.sh: interpreter
start, every import, the forked build, Textual's first frames), several runs, nothing
cached between them. The Pilot figures run in this process, with Textual already imported.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SIZE = (100, 30)


def watch_frames(app) -> list[float]:
    """Record when the app hands a frame to the terminal (headless: to nowhere)."""
    frames: list[float] = []
    display = app._display

    def timed_display(*args, **kwargs):
        frames.append(time.perf_counter())
        return display(*args, **kwargs)

    app._display = timed_display
    return frames


def cold_starts(paths: list[str], runs: int) -> list[float]:
    """Seconds from launching ``python -m briefing tui`` until the briefing is on screen."""
    import shutil
    import subprocess

    script = Path(__file__).resolve().parent / "tui_first_paint.sh"
    if shutil.which("tmux") is None:
        return []
    times = []
    for _ in range(runs):
        done = subprocess.run(["bash", str(script), *paths], capture_output=True, text=True,
                              check=False, cwd=Path(__file__).resolve().parents[1], timeout=60)
        for line in done.stdout.splitlines():
            if line.startswith("first paint:"):
                times.append(float(line.split()[2]))
    return times


async def first_paint(paths: list[str], preload: bool = True) -> float:
    """Seconds from starting the app until a frame shows the first topic's briefing."""
    from briefing.pipeline import Settings
    from briefing.tui import make_app
    from briefing.tui.widgets.briefing_view import BriefingView

    start = time.perf_counter()
    app = make_app(paths, Settings(), preload=preload)
    frames = watch_frames(app)
    async with app.run_test(size=SIZE) as pilot:
        view = app.screen.query_one(BriefingView)
        while view.topic is None:
            await pilot.pause(0.005)
        shown = time.perf_counter()
        while not frames or frames[-1] < shown:
            await asyncio.sleep(0.001)
        painted = next(t for t in frames if t >= shown)
        await app.workers.wait_for_complete()
        return painted - start


async def length_redraws(paths: list[str], rounds: int, cached: bool = True) -> list[float]:
    """Seconds from a + or - key until a frame shows the changed summary.

    Between presses the background work (prefetching the next lengths) may finish, as it
    does while a reader reads; Pilot's own waiting is not counted.
    """
    from briefing.pipeline import Settings
    from briefing.tui import make_app
    from briefing.tui.widgets.briefing_view import BriefingView

    app = make_app(paths, Settings())
    frames = watch_frames(app)
    times: list[float] = []
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        view = app.screen.query_one(BriefingView)
        for round_ in range(rounds):
            await app.workers.wait_for_complete()
            await pilot.pause()
            key, step = ("plus", 1) if round_ % 2 == 0 else ("minus", -1)
            if not cached:
                app._cache.clear()  # as if the prefetch had not finished: summarize now
            want = sum(1 for e in view.entries if e.kind == "summary") + step
            start = time.perf_counter()
            pressing = asyncio.ensure_future(pilot.press(key))  # Pilot waits on; we do not
            while sum(1 for e in view.entries if e.kind == "summary") != want:
                await asyncio.sleep(0.001)
            shown = time.perf_counter()
            while not frames or frames[-1] < shown:
                await asyncio.sleep(0.001)
            times.append(next(t for t in frames if t >= shown) - start)
            await pressing
    return times


def main() -> None:
    from briefing.runtime.resources import seeds_dir

    paths = sys.argv[1:] or [str(seeds_dir())]
    started = time.perf_counter()
    import textual.app  # noqa: F401  (import cost, reported apart)

    imports = time.perf_counter() - started
    import os

    load = os.getloadavg()[0]
    colds = cold_starts(paths, 7)
    first = asyncio.run(first_paint(paths))  # Textual loaded, the core not yet
    warm = [asyncio.run(first_paint(paths)) for _ in range(5)]
    redraws = asyncio.run(length_redraws(paths, 10))
    misses = asyncio.run(length_redraws(paths, 4, cached=False))
    print(f"paths: {' '.join(paths)}")
    if colds:
        print(f"first paint, cold start (new process, tmux; {len(colds)} runs, load average "
              f"{load:.2f}): best {min(colds) * 1000:.0f} ms, median "
              f"{statistics.median(colds) * 1000:.0f} ms   (goal < 1000 ms)")
    else:
        print("first paint, cold start: tmux not found (benchmarks/tui_first_paint.sh)")
    print(f"import textual:             {imports * 1000:7.0f} ms")
    print(f"first paint in-process, core not imported yet: {first * 1000:7.0f} ms")
    print(f"first paint in-process, warm (median): {statistics.median(warm) * 1000:7.0f} ms")
    print(f"+/- redraw (median of {len(redraws)}):  {statistics.median(redraws) * 1000:7.0f} ms"
          f"   max {max(redraws) * 1000:.0f} ms   (goal < 100 ms)")
    print(f"+/- before the prefetch is done (median of {len(misses)}): "
          f"{statistics.median(misses) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
