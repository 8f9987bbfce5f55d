"""The cleaner's F1 on the cleaning dev set stays at or above the pinned floor."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from benchmark_module import load_benchmark as load_benchmark_module

ROOT = Path(__file__).resolve().parent.parent.parent
BASELINE = ROOT / "tests" / "quality_baseline.json"
DEV = ROOT.parent / "shared" / "eval" / "cleaning" / "dev"


def load_benchmark():
    return load_benchmark_module("cleaning")


@pytest.mark.slow
@pytest.mark.skipif(not (DEV / "annotations.jsonl").exists(), reason="../shared eval data absent")
def test_cleaning_f1_on_the_dev_set_does_not_drop_below_the_pinned_floor():
    floor = json.loads(BASELINE.read_text(encoding="utf-8"))["cleaning"]
    benchmark = load_benchmark()
    annotations = benchmark.load_annotations(DEV)
    assert len(annotations) == floor["pages"]
    result = benchmark.score(annotations, DEV)
    assert round(result.f1, 3) >= floor["f1"], (
        f"cleaning F1 {result.f1:.3f} (P {result.precision:.3f}, R {result.recall:.3f}) "
        f"is below the pinned floor {floor['f1']}"
    )
