"""Figures for bad input: language detection on German corpora, encodings decoded back exactly,
and the limits of one large article file (time and peak memory per MB, largest file handled).

    python benchmarks/robustness.py          # from the repository root; needs ../shared
    python benchmarks/robustness.py --limits # only the large-file figures (no ../shared needed)
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from _corpus import gnad_rows, mlsum_texts, require_shared

from briefing.ingest import decode_text
from briefing.text.language import detect_language

ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1", "mac_roman")
FOREIGN = Path(__file__).resolve().parent.parent / "tests" / "data" / "language"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limits", action="store_true", help="only the large-file figures")
    parser.add_argument("--budget", type=float, default=120.0,
                        help="seconds a run may take before the doubling stops (default 120)")
    parser.add_argument("--memory", type=float, default=4.0,
                        help="GiB of address space a run may take (default 4)")
    parser.add_argument("--largest", type=float, default=5.0,
                        help="MB at which the doubling stops (default 5: the --max-size default)")
    args = parser.parse_args()
    if not args.limits:
        language_and_encodings()
    limits(args.budget, int(args.memory * 1024**3), args.largest)


def language_and_encodings() -> None:
    shared = require_shared()
    pages = [p.read_text("utf-8") for p in sorted((shared / "eval/cleaning/dev/pages").glob("*.txt"))]
    german = pages + [t for _, t in gnad_rows()] + mlsum_texts()

    start = time.perf_counter()
    verdicts = [detect_language(text).language for text in german]
    seconds = time.perf_counter() - start
    rejected = sum(1 for v in verdicts if v not in (None, "german"))
    undecided = sum(1 for v in verdicts if v is None)
    print(f"language: {len(german)} German texts, {rejected} taken for another language, "
          f"{undecided} too short to tell (kept); {seconds / len(german) * 1000:.2f} ms per text")
    for case in sorted(FOREIGN.glob("*.txt")):
        print(f"language: {case.stem}: {detect_language(case.read_text('utf-8')).language}")

    sample = german[:2000]
    for encoding in ENCODINGS:
        exact = tried = 0
        for text in sample:
            try:
                data = text.encode(encoding)
            except UnicodeEncodeError:
                continue  # „“ or € have no place in latin-1 / mac_roman
            tried += 1
            decoded = decode_text(data)
            exact += isinstance(decoded, tuple) and decoded[0] == text.lstrip("\ufeff")
        print(f"encoding: {encoding:<10} {exact}/{tried} texts decoded back exactly")


def _texts():
    """tests/hostile/texts.py: the made-up article texts the hostile tests use too."""
    spec = importlib.util.spec_from_file_location("hostile_texts",
                                                  ROOT / "tests" / "hostile" / "texts.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def measure(command: list[str], cwd: Path, seconds: float, memory: int):
    """(exit status, wall seconds, CPU seconds, peak RSS in MiB) of one ``briefing`` run;
    None on time-out. CPU time (user + system) is the figure to compare on a busy machine."""
    def limit() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "briefing", *command], cwd=cwd, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               preexec_fn=limit)  # noqa: PLW1509 - no threads here
    deadline = start + seconds
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            process.kill()
            os.wait4(process.pid, 0)
            return None
        time.sleep(0.05)
    wall = time.perf_counter() - start
    process.stderr.close()
    cpu = usage.ru_utime + usage.ru_stime
    return os.waitstatus_to_exitcode(status), wall, cpu, usage.ru_maxrss / 1024


def limits(budget: float, memory: int, largest_mb: float) -> None:
    """Time and peak memory of one large article, its size doubled until a run fails.

    Three shapes: one sentence repeated (quadratic before issue 19 #5), distinct sentences of
    a small vocabulary, and sentences of ever new words (quadratic memory before #6).
    """
    texts = _texts()
    shapes = {"repeated": texts.repeated_text, "distinct": texts.distinct_text,
              "new words": texts.wordy_text}
    print(f"limits: one article file, `briefing COMMAND FILE -j 1`; a run may take {budget:g} s "
          f"(wall) and {memory / 1024**3:g} GiB; per MB: CPU time and peak memory above a run "
          f"on one short article")
    with tempfile.TemporaryDirectory(prefix="robustness-") as folder:
        work = Path(folder)
        (work / "short.txt").write_text(texts.short_article(1), encoding="utf-8")
        base = {c: measure([c, "short.txt", "-j", "1", "-q"], work, budget, memory)
                for c in ("build", "summarize")}
        for command, (_, wall, cpu, peak) in base.items():
            print(f"limits: base      {command}: {wall:.1f} s wall, {cpu:.1f} s CPU, "
                  f"peak {peak:.0f} MiB")
        for shape, make in shapes.items():
            largest = None
            size = 64 * 1024
            while size <= largest_mb * 1024 * 1024:
                path = work / f"{shape.replace(' ', '_')}_{size // 1024}k.txt"
                path.write_text(make(size), encoding="utf-8")
                megabytes = path.stat().st_size / 1024**2
                failed = False
                shown = []
                for command in ("build", "summarize"):
                    result = measure([command, path.name, "-j", "1", "-q"], work, budget, memory)
                    if result is None or result[0] != 0:
                        failed = True
                        shown.append(f"{command}: " + (f"over {budget:g} s" if result is None
                                                        else f"exit {result[0]}"))
                        continue
                    _, wall, cpu, peak = result
                    per_second = (cpu - base[command][2]) / megabytes
                    per_mib = (peak - base[command][3]) / megabytes
                    shown.append(f"{command}: {wall:.1f} s wall, {cpu:.1f} s CPU "
                                 f"({per_second:.1f} s/MB), peak {peak:.0f} MiB "
                                 f"({per_mib:.0f} MiB/MB)")
                print(f"limits: {shape:<9} {megabytes:5.2f} MB  " + "; ".join(shown), flush=True)
                path.unlink()
                if failed:
                    break
                largest = megabytes
                size *= 2
            print(f"limits: {shape:<9} largest file handled within the budget: "
                  + (f"{largest:.2f} MB" if largest else "none"), flush=True)


if __name__ == "__main__":
    main()
