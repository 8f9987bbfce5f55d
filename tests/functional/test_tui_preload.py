"""`briefing tui` builds the first briefing in a forked child while Textual loads: same result."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
from pathlib import Path

import pytest
from pilot import pilot_test

from briefing.pipeline import Settings, build_briefing
from briefing.runtime.resources import seeds_dir
from briefing.text import sentences as sentence_module
from briefing.tui import make_app
from briefing.tui.widgets.briefing_view import BriefingView

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")

TODAY = dt.date(2024, 6, 4)


async def _loaded(app, pilot) -> None:
    for _ in range(2):
        await app.workers.wait_for_complete()
        await pilot.pause()


def _started(app) -> int:
    child = app.preload
    if child is None:
        pytest.skip("threads were running, so the app builds in-process (no fork)")
    return child.pid


def _reaped(pid: int) -> bool:
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


@pilot_test
async def test_preloaded_briefing_is_the_in_process_briefing() -> None:
    expected = build_briefing([str(seeds_dir())], Settings(sentences=4), today=TODAY)
    sentence_module._SPLITS.clear()  # the child's splits must arrive with its briefing
    app = make_app([str(seeds_dir())], Settings(sentences=4), today=TODAY, preload=True)
    pid = _started(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await _loaded(app, pilot)
        got = app.briefing
        assert got is not None
        assert [t.title for t in got.topics] == [t.title for t in expected.topics]
        assert [t.summary for t in got.topics] == [t.summary for t in expected.topics]
        assert [a.id for a in got.articles] == [a.id for a in expected.articles]
        assert set(app.sentences) == {a.id for a in got.articles}
        assert app.screen.query_one(BriefingView).topic is got.topics[0]
        # split cache filled from the child: +/- need not run Punkt in this process
        first = next(b for b in got.topics[0].articles[0].blocks if not b.is_heading)
        assert first.text in sentence_module._SPLITS
        await pilot.press("minus")  # +/- work on the preloaded topics
        await _loaded(app, pilot)
        assert app.summary_length(0) == 3
    assert _reaped(pid)


@pilot_test
async def test_a_failed_preload_is_reported_like_an_in_process_failure(tmp_path: Path) -> None:
    (tmp_path / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    app = make_app([str(tmp_path)], Settings(sentences=3), today=TODAY, preload=True)
    pid = _started(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await _loaded(app, pilot)
        assert app.briefing is None
        errors = [n for n in app._notifications if n.severity == "error"]
        assert errors and "picture.png" not in errors[0].title
    assert _reaped(pid)


def test_quitting_before_the_preload_is_done_stops_the_child(monkeypatch) -> None:
    import time

    from briefing.tui import preload

    real_build = preload.build

    def slow_build(*args, **kwargs):
        time.sleep(30)  # the forked child inherits this: it is surely not done at the quit
        return real_build(*args, **kwargs)

    monkeypatch.setattr(preload, "build", slow_build)
    app = make_app([str(seeds_dir())], Settings(), today=TODAY, preload=True)
    pid = _started(app)

    async def quit_at_once() -> None:
        async with app.run_test(size=(100, 30)):
            pass  # the child is still building

    started = time.monotonic()
    asyncio.run(quit_at_once())  # (with its worker threads done)
    assert app.briefing is None
    assert _reaped(pid), "the child is stopped and reaped when the app quits"
    assert time.monotonic() - started < 20, "the quit did not wait for the child's build"


def test_a_cancelled_preload_answers_cancelled_not_broken(monkeypatch) -> None:
    """The app's load worker builds in-process after a 'broken' child; after a quit it must
    not (it did: the quit then waited for a whole in-process build)."""
    import threading
    import time

    from briefing.tui import preload

    real_build = preload.build

    def slow_build(*args, **kwargs):
        time.sleep(30)
        return real_build(*args, **kwargs)

    monkeypatch.setattr(preload, "build", slow_build)
    running = preload.start([str(seeds_dir())], Settings(), TODAY)
    if running is None:
        pytest.skip("threads were running, so there is no forked child")
    threading.Timer(0.3, running.cancel).start()  # the quit, from another thread
    started = time.monotonic()
    kind, _ = running.receive(lambda *stage: None)
    assert kind == "cancelled"
    assert time.monotonic() - started < 20
    assert _reaped(running.pid)
