"""Figures for bad input: language detection on German corpora, encodings decoded back exactly.

    python benchmarks/robustness.py          # from the repository root; needs ../shared
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _corpus import gnad_rows, mlsum_texts, require_shared

from briefing.ingest import decode_text
from briefing.text.language import detect_language

ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1", "mac_roman")
FOREIGN = Path(__file__).resolve().parent.parent / "tests" / "data" / "language"


def main() -> None:
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


if __name__ == "__main__":
    main()
