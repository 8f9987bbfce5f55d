"""Fixtures the digest's feed and delivery tests share."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    return {"inbox": inbox, "out": tmp_path / "out", "state": tmp_path / "state.sqlite3",
            "tmp": tmp_path}
