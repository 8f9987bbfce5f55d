"""The Textual interface over the briefing (to be built in its own issue)."""

from __future__ import annotations


def make_app(paths, settings):
    from briefing.core.errors import BriefingError

    raise BriefingError("the TUI is not built yet")
