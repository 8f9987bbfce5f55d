"""The package's layers hold: the import-linter contracts in pyproject.toml are kept."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _lint_imports() -> list[str]:
    found = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    if not Path(found).exists():
        pytest.skip("import-linter is not installed (pip install '.[test]')")
    return [found]


def test_import_contracts_are_kept() -> None:
    """Stages import downwards only (cli/tui > digest > pipeline > render/sections > summary >
    stories/clean > ingest/cues > text > lexicon/runtime > models/errors), and only the TUI
    imports textual; a broken contract names the import that breaks it."""
    out = subprocess.run(
        [*_lint_imports(), "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-2000:]
    assert "Contracts: 2 kept, 0 broken." in out.stdout
