"""Every speed and memory figure of the scale issue in one run.

    python benchmarks/run.py [--skip-full] [--repeat N] [--jobs N] [--skip-lexrank]

Prints: input size, wall and CPU time and peak memory of `briefing build` on ~11,700 German
articles (mlsum + 10kGNAD written out as files), the growth ratio against a tenth of them,
`briefing --help` time, LexRank against sumy at 2,000 sentences, and the TUI's first paint
and +/- redraw (Textual Pilot, benchmarks/tui.py).
Goals (2 cores): < 60 s, < 2 GiB, a tenth takes more than a twelfth of the time, help < 0.3 s,
LexRank >= 100x sumy, TUI first paint < 1 s, redraw < 100 ms.

CPU time is user + system of the build and its worker processes; on a shared machine it is
the steadier figure (wall time waits for whoever else runs). Memory: the peak resident set of
the largest process, and the peak of the whole process tree's proportional set size (Pss from
/proc/PID/smaps_rollup, sampled every 0.25 s: pages the forked workers share with the parent
count once in all, so this is the memory the run takes from the machine).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import write_corpus

ROOT = Path(__file__).resolve().parent.parent
GiB = 1024


@dataclass
class Run:
    wall: float  # seconds
    cpu: float  # seconds, user + system of the child and its children
    peak: float  # MiB, largest single process
    tree: float  # MiB, largest Pss sum over the process tree (sampled)


def _tree_pss(pid: int) -> int:
    """Proportional resident KiB of ``pid`` and all its descendants (0 once they are gone)."""
    total = 0
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            # Pss: a page shared by n processes (forked workers) counts 1/n in each
            with open(f"/proc/{current}/smaps_rollup", encoding="ascii", errors="replace") as f:
                for line in f:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])
                        break
            with open(f"/proc/{current}/task/{current}/children", encoding="ascii") as kids:
                stack.extend(int(k) for k in kids.read().split())
        except (OSError, ValueError):
            continue
    return total


def timed_run(args: list[str]) -> Run:
    """Wall and CPU seconds and peak memory of a child process (and its workers)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    child = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             text=True)
    tree_peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal tree_peak
        # every 0.25 s: reading smaps_rollup walks each process's page tables, and at 0.05 s
        # the sampling took about 5 s of a 2-core machine's time from a 40 s build
        while not done.wait(0.25):
            tree_peak = max(tree_peak, _tree_pss(child.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    if Path("/proc").is_dir():
        sampler.start()
    _, stderr = child.communicate()
    wall = time.perf_counter() - start
    done.set()
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed: {stderr.strip()[-500:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    # ru_maxrss of RUSAGE_CHILDREN: the largest descendant so far (KiB on Linux)
    return Run(wall, cpu, after.ru_maxrss / 1024, tree_peak / 1024)


def _build(folder: Path, jobs: int | None) -> list[str]:
    args = [sys.executable, "-m", "briefing", "build", str(folder), "-f", "json", "-q"]
    return args + (["--jobs", str(jobs)] if jobs else [])


def _repeated(args: list[str], repeat: int) -> Run:
    """Best wall time, median CPU time, largest memory over ``repeat`` runs."""
    runs = [timed_run(args) for _ in range(repeat)]
    return Run(
        wall=min(r.wall for r in runs),
        cpu=statistics.median(r.cpu for r in runs),
        peak=max(r.peak for r in runs),
        tree=max(r.tree for r in runs),
    )


def _line(name: str, count: int, run: Run, goal: str = "") -> str:
    return (f"{name:<18} {count:6d} articles  wall {run.wall:6.1f} s  cpu {run.cpu:6.1f} s  "
            f"peak {run.peak:5.0f} MiB (tree {run.tree:5.0f} MiB){goal}")


def build_figures(skip_full: bool, repeat: int, jobs: int | None) -> None:
    label = f"jobs={jobs}" if jobs else "jobs=cores"
    with tempfile.TemporaryDirectory() as tmp:
        tenth = Path(tmp) / "tenth"
        count_tenth = write_corpus(tenth, fraction=0.1)
        small = _repeated(_build(tenth, jobs), repeat)
        print(_line(f"build tenth {label}", count_tenth, small), flush=True)
        if skip_full:
            return
        full = Path(tmp) / "full"
        count = write_corpus(full)
        big = _repeated(_build(full, jobs), repeat)
        print(_line(f"build full {label}", count, big, f"   goal < 60 s, < {2 * GiB} MiB"))
        print(f"growth: tenth/full  wall {small.wall / big.wall:.3f}  cpu {small.cpu / big.cpu:.3f}"
              f"   (near-linear: > {1 / 12:.3f})")


def help_time(runs: int) -> None:
    best = min(timed_run([sys.executable, "-m", "briefing", "--help"]).wall for _ in range(runs))
    print(f"briefing --help:   {best * 1000:7.0f} ms (best of {runs})   goal < 300 ms", flush=True)


def lexrank_figures() -> None:
    """benchmarks/lexrank.py at 2,000 sentences (fast engine against sumy, same picks)."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "lexrank.py"), "--sizes", "2000"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    if done.returncode != 0:
        print(f"lexrank:           failed: {done.stderr.strip()[-300:]}")
        return
    print("lexrank (benchmarks/lexrank.py --sizes 2000), goal >= 100x sumy:")
    for line in done.stdout.rstrip().splitlines():
        print(f"  {line}")


def tui_figures() -> None:
    try:
        from tui import measure  # benchmarks/tui.py, from the TUI issue
    except ImportError:
        measure = None
    if measure is not None:
        first_paint, redraw = measure()
        print(f"tui first paint:   {first_paint * 1000:7.0f} ms   goal < 1000 ms")
        print(f"tui +/- redraw:    {redraw * 1000:7.0f} ms   goal < 100 ms")
        return
    script = ROOT / "benchmarks" / "tui.py"
    if not script.is_file():
        print("tui:               benchmarks/tui.py not present")
        return
    # no measure() to call: run the TUI benchmark on its own and show what it prints
    done = subprocess.run([sys.executable, str(script)], cwd=ROOT, capture_output=True,
                          text=True, check=False)
    print("tui (benchmarks/tui.py, Textual Pilot, the seeds):")
    for line in (done.stdout or done.stderr).rstrip().splitlines()[-9:]:
        print(f"  {line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--skip-full", action="store_true", help="only the tenth (quick look)")
    parser.add_argument("--runs", type=int, default=5, help="runs for the --help timing")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each build (best wall)")
    parser.add_argument("--jobs", type=int, default=None,
                        help="pass --jobs N to the builds (default: the CLI's, all cores)")
    parser.add_argument("--skip-lexrank", action="store_true", help="leave out sumy's LexRank")
    options = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}")
    help_time(options.runs)
    tui_figures()
    if not options.skip_lexrank:
        lexrank_figures()
    build_figures(options.skip_full, options.repeat, options.jobs)


if __name__ == "__main__":
    main()
