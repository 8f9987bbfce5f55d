"""Helpers for the Textual Pilot tests (imported by test_tui.py and test_tui_preload.py)."""

from __future__ import annotations

import asyncio
import functools


def pilot_test(test):
    """Run an async Pilot test on its own event loop (no pytest async plugin needed)."""

    @functools.wraps(test)
    def run(*args, **kwargs):
        asyncio.run(test(*args, **kwargs))

    return run
