"""The Textual interface over the briefing: one factory for the CLI and the tests."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.core.pipeline import Settings
    from briefing.tui.app import BriefingApp


def make_app(
    paths: Iterable[str | os.PathLike[str]],
    settings: Settings | None = None,
    today: dt.date | None = None,
) -> BriefingApp:
    """The app over the articles under ``paths`` (loading starts when it runs)."""
    from briefing.tui.app import BriefingApp

    return BriefingApp([str(p) for p in paths], settings, today)
