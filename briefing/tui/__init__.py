"""The Textual interface over the briefing: one factory for the CLI and the tests."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from typing import TYPE_CHECKING

from briefing.models import Settings

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp


def make_app(
    paths: Iterable[str | os.PathLike[str]],
    settings: Settings | None = None,
    today: dt.date | None = None,
    preload: bool = False,
) -> BriefingApp:
    """The app over the articles under ``paths`` (loading starts when it runs).

    ``preload``: start building the briefing at once, in a forked process, while Textual
    loads (``briefing tui``: the briefing is on screen sooner; see briefing/tui/preload.py).
    """
    names = [str(p) for p in paths]
    settings = settings or Settings()
    running = None
    if preload:
        from briefing.tui.preload import start  # (deferred: only when preloading)

        running = start(names, settings, today)  # before Textual is imported
    from briefing.tui.app import BriefingApp  # (deferred: Textual loads after the fork)

    return BriefingApp(names, settings, today, running)
