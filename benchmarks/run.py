"""Every speed and memory figure of the scale issue in one run.

    python benchmarks/run.py [--skip-full] [--runs N]

Prints: input size, wall time and peak memory of `briefing build` on ~11,700 German
articles (mlsum + 10kGNAD written out as files), the growth ratio against a tenth of them,
`briefing --help` time, and the TUI's first paint and +/- redraw (Textual Pilot).
Goals (2 cores): < 60 s, < 2 GiB, a tenth takes more than a twelfth of the time, help < 0.3 s,
TUI first paint < 1 s, redraw < 100 ms.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import write_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def timed_run(args: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of a child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    done = subprocess.run(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed: {done.stderr.strip()[-500:]}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return wall, max(peak, before) / 1024


def build_figures(skip_full: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tenth = Path(tmp) / "tenth"
        count_tenth = write_corpus(tenth, fraction=0.1)
        wall_tenth, mem_tenth = timed_run(
            [sys.executable, "-m", "briefing", "build", str(tenth), "-f", "json", "-q"]
        )
        print(f"build, tenth:      {count_tenth:6d} articles  {wall_tenth:7.1f} s  {mem_tenth:7.0f} MiB")
        if skip_full:
            return
        full = Path(tmp) / "full"
        count = write_corpus(full)
        wall, mem = timed_run([sys.executable, "-m", "briefing", "build", str(full), "-f", "json", "-q"])
        print(f"build, full:       {count:6d} articles  {wall:7.1f} s  {mem:7.0f} MiB"
              f"   goal < 60 s, < 2048 MiB")
        print(f"growth: tenth/full time = {wall_tenth / wall:.3f}   (near-linear: > {1 / 12:.3f})")


def help_time(runs: int) -> None:
    best = min(
        timed_run([sys.executable, "-m", "briefing", "--help"])[0] for _ in range(runs)
    )
    print(f"briefing --help:   {best * 1000:7.0f} ms (best of {runs})   goal < 300 ms")


def tui_figures() -> None:
    try:
        from tui import measure  # benchmarks/tui.py, from the TUI issue
    except ImportError:
        print("tui:               benchmarks/tui.py not present")
        return
    first_paint, redraw = measure()
    print(f"tui first paint:   {first_paint * 1000:7.0f} ms   goal < 1000 ms")
    print(f"tui +/- redraw:    {redraw * 1000:7.0f} ms   goal < 100 ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--skip-full", action="store_true", help="only the tenth (quick look)")
    parser.add_argument("--runs", type=int, default=5, help="runs for the --help timing")
    options = parser.parse_args()
    help_time(options.runs)
    tui_figures()
    build_figures(options.skip_full)


if __name__ == "__main__":
    main()
