"""Precision and recall of the sections' three detectors on hand-labelled corpus sentences.

    python benchmarks/sections.py            # figures
    python benchmarks/sections.py --errors   # and every sentence the program gets wrong

The labels are ours, made by reading sentences drawn at random from ../shared/corpus (MLSUM de
and 10kGNAD) and stored in tests/data/sections/ (the data travel with the tests, so the floors
in tests/quality_baseline.json under "sections" are checked without ../shared):

- hedges.tsv: does the sentence mark its claim as unconfirmed or disputed ("soll ... haben",
  "angeblich", "bestritten", "vorgeworfen")? Most sentences hold a cue word ("soll" as plan or
  obligation included), so precision is not flattered by easy negatives.
- speakers.tsv: the speaker of the sentence's direct quote, "?" for a quote that names nobody,
  "-" for no direct quote (scare quotes, titles). A speaker counts when it equals a labelled one.
- dates.tsv: the dates the sentence states (keys ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``); a key
  counts when it equals one of the labelled alternatives.
- heldout_hedges.tsv, heldout_speakers.tsv: a second draw, labelled after the fixes had been
  made on the first and never used to tune them: the honest figure.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DATA = ROOT / "tests" / "data" / "sections"


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float]:
        return {
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
        }


def _rows(name: str) -> list[list[str]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def score_hedges(name: str = "hedges.tsv") -> Score:
    from briefing.cues.hedges import hedge_strength

    score = Score()
    for label, text in _rows(name):
        expected, found = label == "1", hedge_strength(text) > 0
        score.tp += expected and found
        score.fp += found and not expected
        score.fn += expected and not found
        if expected != found:
            score.errors.append(f"hedge {'missed' if expected else 'wrong'}: {text}")
    return score


def score_speakers(name: str = "speakers.tsv") -> Score:
    from briefing.cues.quotes import direct_quote
    from briefing.cues.speakers import quote_speaker

    score = Score()
    for label, text in _rows(name):
        wanted = [] if label in ("-", "?") else label.split("|")
        found = quote_speaker(text) if direct_quote(text) is not None else None
        if found is not None and found in wanted:
            score.tp += 1
            continue
        score.fp += found is not None
        score.fn += bool(wanted)
        if found is not None or wanted:
            score.errors.append(f"speaker {found!r}, labelled {label!r}: {text}")
    return score


def score_dates() -> Score:
    from briefing.cues.dates import find_dates

    score = Score()
    for label, reference, text in _rows("dates.tsv"):
        wanted = [] if label == "-" else [set(k.split("|")) for k in label.split(",")]
        ref = None if reference == "-" else dt.date.fromisoformat(reference)
        found = [key for _, key in find_dates(text, ref)]
        open_labels = list(wanted)
        for key in found:
            match = next((w for w in open_labels if key in w), None)
            if match is None:
                score.fp += 1
                score.errors.append(f"date {key} not labelled ({label}): {text}")
            else:
                open_labels.remove(match)
                score.tp += 1
        score.fn += len(open_labels)
        if open_labels:
            score.errors.append(f"date missed {sorted(map(sorted, open_labels))}: {text}")
    return score


def measure() -> dict[str, dict[str, float]]:
    names = ("hedges", "speakers", "dates", "heldout_hedges", "heldout_speakers")
    counts = Counter({name: len(_rows(f"{name}.tsv")) for name in names})
    result = {
        "hedges": score_hedges(),
        "speakers": score_speakers(),
        "dates": score_dates(),
        "heldout_hedges": score_hedges("heldout_hedges.tsv"),
        "heldout_speakers": score_speakers("heldout_speakers.tsv"),
    }
    return {name: {**score.as_dict(), "sentences": counts[name]} for name, score in result.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list every wrong sentence")
    args = parser.parse_args()
    if args.errors:
        for score in (
            score_hedges(),
            score_speakers(),
            score_dates(),
            score_hedges("heldout_hedges.tsv"),
            score_speakers("heldout_speakers.tsv"),
        ):
            print("\n".join(score.errors))
    print(json.dumps(measure(), indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
