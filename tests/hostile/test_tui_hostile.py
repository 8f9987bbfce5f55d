"""`briefing tui` over hostile file names and titles: shown as text, never as markup or escapes."""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import os
import shutil
from pathlib import Path

from conftest import STORIES, forbidden_in

TODAY = dt.date(2024, 6, 4)
MARKUP_NAMES = ("[@click=app.quit]Beenden.csv", "[@click=1+]kaputt.csv", "[bold red]fett.csv",
                "[link=file:x]Verweis.csv")


def pilot(test):
    """Run an async Pilot test on its own event loop."""

    @functools.wraps(test)
    def run(*args, **kwargs):
        asyncio.run(test(*args, **kwargs))

    return run


async def _loaded(app, pilot) -> None:
    for _ in range(2):
        await app.workers.wait_for_complete()
        await pilot.pause()
    await pilot.pause(0.2)  # toasts are mounted after the notification


def _plain(widget) -> str:
    shown = widget.render()
    return shown.plain if hasattr(shown, "plain") else str(shown)


def _toasts(app) -> list[str]:
    return [_plain(toast) for toast in app.screen.query("Toast")]


def _app(folder: Path):
    from briefing.tui import make_app

    return make_app([str(folder)], today=TODAY)


@pilot
async def test_markup_in_file_names_is_shown_as_text(tmp_path):
    folder = shutil.copytree(STORIES, tmp_path / "artikel")
    for name in MARKUP_NAMES:
        (folder / name).write_text("a;b\n", encoding="utf-8")
    app = _app(folder)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await _loaded(app, pilot)
        assert app.is_running and app.return_code is None
        shown = "\n".join(_toasts(app))
        for name in MARKUP_NAMES:
            assert name in shown, shown


HOSTILE_NAMES = {  # the four fixture articles under names a terminal would act on
    "01_gdl.txt": "01_gdl\x1b[31m.txt",
    "02_pendler.txt": "02_pendler\u202etxt.exe.txt",
    "01_passau.txt": "01_passau\x9b2J.txt",
    "02_regensburg.txt": "02_regens\rburg.txt",
}


@pilot
async def test_control_characters_in_names_and_titles_are_not_shown(tmp_path):
    folder = tmp_path / "artikel"
    folder.mkdir()
    for source in STORIES.rglob("*.txt"):
        text = source.read_text(encoding="utf-8")
        if source.name == "01_gdl.txt":  # a YAML title whose escapes are control characters
            text = '---\ntitle: "GDL\\e[2J streikt\\u202e wieder"\n---\n' + text
        (folder / HOSTILE_NAMES[source.name]).write_text(text, encoding="utf-8")
    (folder / "Tabelle\x1b]0;pwned\x07.csv").write_text("a;b\n", encoding="utf-8")
    app = _app(folder)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await _loaded(app, pilot)
        texts = _toasts(app)
        for keys in (("right", "enter"), ("left", "down", "right", "enter")):
            await pilot.press(*keys)  # a topic, its first sentence: its source opens
            await _loaded(app, pilot)
            entries = app.screen.query_one("#entries")
            for index in range(entries.option_count):
                prompt = entries.get_option_at_index(index).prompt
                texts.append(prompt.body.plain if hasattr(prompt, "body") else str(prompt))
            texts += [_plain(widget) for widget in app.screen.query("Static")]
        assert app.is_running
    found = forbidden_in("\n".join(texts))
    assert not found, found
    assert any("01_gdl" in t for t in texts), texts  # the source header named the file


def test_hostile_fixture_names_are_distinct():
    assert len(set(HOSTILE_NAMES.values())) == len(HOSTILE_NAMES)
    assert all(os.sep not in name for name in HOSTILE_NAMES.values())
