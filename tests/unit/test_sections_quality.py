"""Hedge, speaker and date detection stay at or above the floors pinned in quality_baseline.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from benchmark_module import load_benchmark as load_benchmark_module

ROOT = Path(__file__).resolve().parent.parent.parent
BASELINE = ROOT / "tests" / "quality_baseline.json"


def load_benchmark():
    return load_benchmark_module("sections")


@pytest.fixture(scope="module")
def measured() -> dict:
    return load_benchmark().measure()


@pytest.mark.parametrize(
    "detector", ["hedges", "speakers", "dates", "heldout_hedges", "heldout_speakers"]
)
def test_sections_detectors_do_not_drop_below_the_pinned_floors(measured, detector):
    floor = json.loads(BASELINE.read_text(encoding="utf-8"))["sections"][detector]
    result = measured[detector]
    # the labelled sample is the one the floors were measured on
    assert result["sentences"] == floor["sentences"]
    for metric in ("precision", "recall"):
        assert result[metric] >= floor[metric], (detector, metric, result, floor)
