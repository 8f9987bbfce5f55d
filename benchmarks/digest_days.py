"""What a daily digest costs on a large inbox: day 1, then day 2 with a few new articles.

    python benchmarks/digest_days.py [--new 20] [--fraction F] [--jobs N] [--keep DIR]

Writes the corpus (MLSUM + 10kGNAD, 11,707 articles; `--fraction` takes an even share of
it) as files, holds `--new` of them back (spread over the corpus, so some may continue a
story of day 1), and runs `briefing digest` twice on one state: day 1 over the inbox, day 2
after the held-back files arrived. Prints wall and CPU time and peak memory of both days and
day 2's share of day 1 (the goal of the scaling issue: <= 10 %).

Then the check: day 2 is written again from a copy of the state as day 1 left it, reading
every inbox file anew (`--reread` where the digest has it; a digest without a file cache
always reads everything), and the two day-2 digests must be the same bytes. `--keep DIR`
copies both days' digests there (to compare versions of the program).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import write_corpus
from run import Run, timed_run

ROOT = Path(__file__).resolve().parent.parent
DAY1, DAY2 = "2024-06-01", "2024-06-02"


def digest_args(inbox: Path, out: Path, state: Path, day: str, jobs: int | None,
                extra: list[str] = ()) -> list[str]:
    args = [sys.executable, "-m", "briefing", "digest", "--inbox", str(inbox), "--out", str(out),
            "--state", str(state), "--date", day, "-q", *extra]
    return args + (["--jobs", str(jobs)] if jobs else [])


def has_reread() -> bool:
    """Whether this version of the digest can be told to read every file again."""
    shown = subprocess.run([sys.executable, "-m", "briefing", "digest", "--help"], cwd=ROOT,
                           capture_output=True, text=True, check=True).stdout
    return "--reread" in shown


def held_back(files: list[Path], count: int) -> list[Path]:
    """``count`` files spread evenly over the corpus (MLSUM and 10kGNAD alike)."""
    if count <= 0:
        return []
    step = max(1, len(files) // count)
    return files[step // 2 :: step][:count]


def line(name: str, run: Run) -> str:
    return (f"{name:<22} wall {run.wall:6.1f} s  cpu {run.cpu:6.1f} s  "
            f"peak {run.peak:5.0f} MiB (tree {run.tree:5.0f} MiB)")


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--new", type=int, default=20, help="articles that arrive on day 2")
    parser.add_argument("--fraction", type=float, default=1.0, help="share of the corpus")
    parser.add_argument("--jobs", type=int, default=None, help="--jobs for the digest runs")
    parser.add_argument("--keep", type=Path, default=None, help="copy the digests here")
    parser.add_argument("--no-check", action="store_true", help="skip the re-read comparison")
    options = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        inbox, later, out = base / "inbox", base / "later", base / "out"
        state = base / "state.sqlite3"
        total = write_corpus(inbox, options.fraction)
        later.mkdir()
        arriving = held_back(sorted(inbox.iterdir()), options.new)
        for path in arriving:
            path.rename(later / path.name)
        print(f"inbox: {total - len(arriving)} articles on day 1, {len(arriving)} more on "
              f"day 2 ({total} in all)", flush=True)

        day1 = timed_run(digest_args(inbox, out, state, DAY1, options.jobs))
        print(line(f"day 1 ({total - len(arriving)} new)", day1), flush=True)
        after_day1 = base / "state-after-day1.sqlite3"
        shutil.copyfile(state, after_day1)
        for path in arriving:
            (later / path.name).rename(inbox / path.name)
        day2 = timed_run(digest_args(inbox, out, state, DAY2, options.jobs))
        print(line(f"day 2 ({len(arriving)} new)", day2), flush=True)
        print(f"day 2 / day 1: wall {day2.wall / day1.wall:.1%}  cpu {day2.cpu / day1.cpu:.1%}"
              f"   goal <= 10 % (wall)")
        print(f"state file: {state.stat().st_size / 2**20:.1f} MiB after day 2")
        written = {day: out / f"{day}.md" for day in (DAY1, DAY2)}
        print(f"digests: {DAY1}.md {sha(written[DAY1])}, {DAY2}.md {sha(written[DAY2])} "
              "(sha256, first 16)")
        if options.keep:
            options.keep.mkdir(parents=True, exist_ok=True)
            for path in written.values():
                shutil.copyfile(path, options.keep / path.name)
        if options.no_check:
            return
        again = base / "out-reread"
        reread = ["--reread"] if has_reread() else []
        full = timed_run(digest_args(inbox, again, after_day1, DAY2, options.jobs, reread))
        same = (again / f"{DAY2}.md").read_bytes() == written[DAY2].read_bytes()
        how = "--reread" if reread else "this version always reads every file"
        print(line("day 2 re-read", full) + f"   ({how})")
        print(f"day 2 incremental == day 2 re-read: {'same bytes' if same else 'DIFFERENT'}")
        if not same:
            raise SystemExit(1)


if __name__ == "__main__":
    main()
