"""The daily digest for cron (to be built in its own issue)."""

from __future__ import annotations

from briefing.core.errors import BriefingError


def run_digest(**options) -> None:
    raise BriefingError("the digest is not built yet")
