"""Fixtures shared by the test suite."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture
def seeds_dir() -> Path:
    from briefing.runtime.resources import seeds_dir

    return seeds_dir()


@pytest.fixture
def shared_dir() -> Path:
    """../shared beside the checkout (evaluation data); tests using it skip where it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not available")
    return SHARED


@pytest.fixture
def cli():
    """Run the click CLI in-process: cli("build", "-f", "json") -> Result."""
    from click.testing import CliRunner

    from briefing.cli import main

    runner = CliRunner()

    def run(*args: str, **kwargs):
        return runner.invoke(main, list(args), catch_exceptions=False, **kwargs)

    return run


@pytest.fixture(scope="session")
def seeds_json() -> dict:
    """The seeds' briefing as JSON, built once for the session."""
    from briefing.pipeline import build_briefing
    from briefing.render import briefing_to_dict
    from briefing.runtime.resources import seeds_dir

    return json.loads(json.dumps(briefing_to_dict(build_briefing([seeds_dir()]))))
