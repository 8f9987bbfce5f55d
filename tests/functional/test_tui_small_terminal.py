"""The TUI at 80x24 (issue 18): what a reader on a small terminal sees, through Textual Pilot."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import shutil
from pathlib import Path

import pytest
from pilot import pilot_test
from textual.geometry import Region

REPO = Path(__file__).resolve().parents[2]
STORIES = REPO / "tests" / "data" / "tui"  # two short stories, two outlets each
TODAY = dt.date(2024, 6, 4)
SIZE = (80, 24)
LONG_TITLE = "Bundesverfassungsgerichtsentscheidung zur Rundfunkbeitragserhöhung"
# An SZ-style page copied as text: an image caption's button label glued to the first line.
FURNITURE_FIRST = (
    "Detailansicht öffnen Bauern aus Brandenburg protestieren in Berlin an der Siegessäule. "
    "(Foto: dpa) Mehrere tausend Landwirte sind am Dienstag mit ihren Traktoren nach Berlin "
    "gefahren, um gegen die Agrarpolitik der Bundesregierung zu protestieren.\n\n"
    "Die Polizei sprach von mehr als 8000 Fahrzeugen auf den Straßen rund um die "
    "Siegessäule. Der Verkehr in der Innenstadt kam zeitweise fast vollständig zum Erliegen.\n\n"
    "Die Bauern fordern weniger Auflagen beim Düngen und beim Insektenschutz. "
    "Bundesagrarministerin Julia Klöckner sagte, sie nehme die Sorgen der Landwirte ernst.\n"
)


@pytest.fixture
def folder(tmp_path: Path) -> list[str]:
    """The two TUI stories, a lone article with a long compound in its title, and a lone
    article whose first line starts with page furniture."""
    target = tmp_path / "artikel"
    shutil.copytree(STORIES, target)
    (target / "urteil.txt").write_text(
        f"---\ntitle: {LONG_TITLE}\noutlet: Deutschlandfunk\ndate: 2024-03-05\n---\n"
        "Das Bundesverfassungsgericht hat die Erhöhung des Rundfunkbeitrags gebilligt. "
        "Die Richter in Karlsruhe gaben damit den öffentlich-rechtlichen Sendern recht.\n\n"
        "Sachsen-Anhalt hatte der Erhöhung als einziges Land nicht zugestimmt. Der Beitrag "
        "steigt nun rückwirkend auf 18,36 Euro im Monat.\n", encoding="utf-8")
    (target / "bauern.txt").write_text(FURNITURE_FIRST, encoding="utf-8")
    return [str(target)]


def make(paths):
    from briefing.tui import make_app

    return make_app(paths, today=TODAY)


async def loaded(app, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def visible_lines(widget) -> list[str]:
    """The lines a widget shows now (scrolled as it is), as text, without its border."""
    width, height = widget.outer_size
    lines = [strip.text for strip in widget.render_lines(Region(0, 0, width, height))]
    return [line.strip("│╭╮╰╯─ ") for line in lines]


def visible_text(widget) -> str:
    return " ".join(" ".join(visible_lines(widget)).split())


@pytest.mark.slow
@pilot_test
async def test_the_chosen_sentence_stays_in_view_when_its_source_opens(seeds_dir) -> None:
    app = make([str(seeds_dir)])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(app, pilot)
        await pilot.press("right", *["down"] * 6, "enter")
        await loaded(app, pilot)
        from briefing.tui.widgets.briefing_view import BriefingView
        from briefing.tui.widgets.source_view import SourceView

        view = app.screen.query_one(BriefingView)
        assert app.screen.query_one(SourceView).display
        chosen = view.current
        assert chosen is not None and chosen.kind == "summary"
        start = " ".join(chosen.text.split()[:5])
        assert start in visible_text(view.items)
        for _ in range(3):  # and while the reader moves on
            await pilot.press("down")
            await loaded(app, pilot)
            start = " ".join(view.current.text.split()[:5])
            assert start in visible_text(view.items)


@pilot_test
async def test_topic_names_break_between_words_or_with_a_hyphen(folder) -> None:
    app = make(folder)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(app, pilot)
        from briefing.tui.widgets.topic_list import TopicList

        topics = app.screen.query_one(TopicList)
        titles = [t.title for t in app.briefing.topics]
        assert LONG_TITLE in titles
        words = {w for title in titles for w in title.split()}
        lines = [line.strip() for line in visible_lines(topics)]
        assert any("Bundes" in line for line in lines)
        for upper, lower in itertools.pairwise(lines):
            if not upper or not lower:
                continue
            tail, head = upper.split()[-1], lower.split()[0]
            inside_a_word = any(tail + head in word for word in words)
            if inside_a_word:
                assert tail.endswith(("-", "\u00ad", "‐")), (upper, lower)


@pilot_test
async def test_help_lists_keys_and_what_they_do_without_internal_ids(seeds_dir) -> None:
    app = make([str(seeds_dir)])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        from textual.widgets import DataTable

        table = app.screen.query_one(DataTable)
        cells = [str(table.get_cell_at((row, column)))
                 for row in range(table.row_count) for column in range(len(table.columns))]
        headers = [str(column.label) for column in table.columns.values()]
        assert "Länger" in cells
        assert "Id" not in headers
        assert not any(re.fullmatch(r"[a-z]+\.[a-z]+", cell) for cell in cells), cells


@pilot_test
async def test_search_hits_that_are_cut_say_so(seeds_dir) -> None:
    app = make([str(seeds_dir)])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(app, pilot)
        await pilot.press("slash", "d", "i", "e")  # in 70 sentences of the seeds
        await loaded(app, pilot)
        from briefing.tui.widgets.briefing_view import BriefingView

        view = app.screen.query_one(BriefingView)
        hits = [e for e in view.entries if e.kind == "hit"]
        assert 0 < len(hits) < 70
        prompts = [view.items.get_option_at_index(i).prompt
                   for i in range(view.items.option_count)]
        labels = [str(getattr(prompt, "body", prompt)) for prompt in prompts]  # Bulleted
        hit_section = labels[: labels.index("Das Wichtigste")]
        assert any("…" in label for label in hit_section), hit_section


@pilot_test
async def test_export_name_is_not_made_of_page_furniture(folder) -> None:
    app = make(folder)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(app, pilot)
        from textual.widgets import Input

        from briefing.tui.widgets.topic_list import TopicList

        index = next(i for i, t in enumerate(app.briefing.topics)
                     if "Bauern" in t.title or "Landwirte" in t.title)
        topics = app.screen.query_one(TopicList)
        topics.highlighted = index
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        proposed = app.screen.query_one(Input).value
        assert proposed.endswith(".md")
        assert "detailansicht" not in proposed and "oeffnen" not in proposed, proposed
        assert "bauern" in proposed or "landwirte" in proposed


@pilot_test
async def test_every_row_of_a_wrapped_line_shows_when_the_scrollbar_comes() -> None:
    """At 100x30 a line of a week of SZ news showed without its reference ("... der Saison
    gewonnen." and no "[188]"): its rows were counted for the list's width before the
    scrollbar took two columns, and the row that wrapped once more was never shown. The two
    TUI stories at 116x14 do the same to a line of theirs. Each line's rows are counted at
    the width it is drawn in (Textual's own counts, compared line by line)."""
    from briefing.tui.widgets.briefing_view import BriefingView

    app = make([str(STORIES)])
    async with app.run_test(size=(116, 14)) as pilot:
        await loaded(app, pilot)
        entries = app.query_one(BriefingView).items
        assert entries.show_vertical_scrollbar
        style = entries.get_visual_style("option-list--option")
        drawn = [len(entries._get_option_render(option, style)) for option in entries.options]
        counted = [entries._line_cache.heights[i] for i in range(len(entries.options))]
        assert drawn == counted
