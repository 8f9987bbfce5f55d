"""Where the packaged templates and seeds live, installed or run from a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parents[1]  # briefing/


def _data_dir(name: str) -> Path:
    # In a wheel the build maps top-level templates/ and seeds/ into briefing/_data/;
    # in a checkout (or editable install) they sit beside the package.
    installed = _PACKAGE_DIR / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent / name


def templates_dir() -> Path:
    return _data_dir("templates")


def seeds_dir() -> Path:
    return _data_dir("seeds")
