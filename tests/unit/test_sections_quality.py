"""Hedge, speaker and date detection stay at or above the floors pinned in quality_baseline.json."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
BASELINE = ROOT / "tests" / "quality_baseline.json"


def load_benchmark():
    spec = importlib.util.spec_from_file_location(
        "sections_benchmark", ROOT / "benchmarks" / "sections.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being defined
    spec.loader.exec_module(module)
    return module


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
