"""Score `briefing clean --format json` on the cleaning dev set: precision, recall, F1."""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "eval" / "cleaning" / "dev"
sys.path.insert(0, str(ROOT))

_SPACE = re.compile(r"\s+")


@dataclass
class Score:
    """Counts over all strings of all pages, as the dev set's README defines them."""

    tp: int = 0
    fn: int = 0
    fp: int = 0
    pages: int = 0
    misses: list[tuple[str, str, str]] = field(default_factory=list)  # (file, "lost"|"kept", text)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def fold(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def load_annotations(split: Path = DEV) -> list[dict]:
    with open(split / "annotations.jsonl", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def clean_body(path: Path) -> str:
    """What `briefing clean --format json PATH` prints as ``body`` ("" for a skipped file).

    The same calls the command makes (read, decode, clean_document, Article.body), in process.
    """
    from briefing.clean import EmptyArticleError, clean_document
    from briefing.ingest import read_document
    from briefing.models import Skipped

    document = read_document(path)
    if isinstance(document, Skipped):
        return ""
    try:
        return clean_document(document).body
    except EmptyArticleError:
        return ""


def cli_bodies(paths: list[Path]) -> dict[str, str]:
    """Bodies as the real command prints them, for checking the in-process path."""
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "clean", "--format", "json", "-q", *map(str, paths)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    return {entry["path"]: entry.get("body", "") for entry in json.loads(result.stdout)}


def score(
    annotations: list[dict], split: Path = DEV, bodies: dict[str, str] | None = None
) -> Score:
    """Score the cleaner on the given annotated pages."""
    total = Score()
    for row in annotations:
        path = split / row["file"]
        body = fold(bodies[str(path)] if bodies is not None else clean_body(path))
        total.pages += 1
        for text in row["with"]:
            if fold(text) in body:
                total.tp += 1
            else:
                total.fn += 1
                total.misses.append((row["file"], "lost", text))
        for text in row["without"]:
            if fold(text) in body:
                total.fp += 1
                total.misses.append((row["file"], "kept", text))
    return total


def subset(annotations: list[dict], every: int) -> list[dict]:
    """A fixed, deterministic subset: every n-th page in file-name order."""
    ordered = sorted(annotations, key=lambda row: row["file"])
    return ordered[::every]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", type=Path, default=DEV, help="folder with annotations.jsonl")
    parser.add_argument("--every", type=int, default=1, help="score every n-th page only")
    parser.add_argument("--errors", action="store_true", help="list lost and kept strings")
    parser.add_argument(
        "--cli", action="store_true",
        help="run the real `briefing clean --format json` (slower) instead of in process",
    )
    args = parser.parse_args()
    if not (args.split / "annotations.jsonl").exists():
        print(f"no annotations under {args.split}", file=sys.stderr)
        return 1
    annotations = subset(load_annotations(args.split), args.every)
    if not args.cli:
        clean_body(args.split / annotations[0]["file"])  # imports and stop words, not timed
    started = time.perf_counter()
    bodies = cli_bodies([args.split / row["file"] for row in annotations]) if args.cli else None
    result = score(annotations, args.split, bodies)
    elapsed = time.perf_counter() - started
    if args.errors:
        for file, kind, text in result.misses:
            print(f"{kind:4} {file}: {text}")
    print(f"pages      {result.pages}")
    print(f"precision  {result.precision:.3f}")
    print(f"recall     {result.recall:.3f}")
    print(f"F1         {result.f1:.3f}")
    print(f"time       {elapsed:.2f} s ({1000 * elapsed / max(result.pages, 1):.2f} ms per page)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
