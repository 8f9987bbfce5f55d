"""The reader: topics on the left, the briefing, and the source a sentence rests on."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, Protocol

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Input

from briefing.models import Briefing, Sentence, Topic
from briefing.tui.reading import (
    SEARCH_LIMIT,
    Passage,
    export_name,
    find_passage,
    search_hit_count,
    search_hits,
    topic_matches,
)
from briefing.tui.widgets.briefing_view import BriefingView, Entry
from briefing.tui.widgets.filter_bar import FilterBar
from briefing.tui.widgets.load_progress import LoadProgress
from briefing.tui.widgets.source_view import SourceView
from briefing.tui.widgets.topic_list import TopicList


class Reader(Protocol):
    """What the screen asks of the app that holds the briefing (briefing/tui/app.py): the
    screen shows, the app loads and summarizes; the screen does not import the app."""

    briefing: Briefing | None
    sentences: dict[str, list[Sentence]]
    previous_title: str | None

    def load(self) -> Any: ...
    def summary_length(self, index: int | None) -> int: ...
    def change_length(self, step: int, index: int | None) -> None: ...
    def ensure_summary(self, index: int | None) -> bool: ...
    def export_topic(self, index: int | None, target: Path) -> None: ...
    def push_screen(self, screen: Any, callback: Callable[[Any], Any] | None = None) -> Any: ...


class MainScreen(Screen):
    """Layout and the reader's keys; the app holds the data and runs the workers."""

    BINDINGS = [
        Binding("plus", "longer", "Länger", key_display="+", id="summary.longer"),
        Binding("minus", "shorter", "Kürzer", key_display="-", id="summary.shorter"),
        Binding("slash", "filter", "Suche", key_display="/", id="filter.open"),
        Binding("s", "toggle_sources", "Quellen", id="sources.toggle"),
        # n/p are named in the source view's head, which leaves the footer room at 80 columns.
        Binding("n", "next_source", "Nächste Quelle", show=False, id="sources.next"),
        Binding("p", "previous_source", "Vorige Quelle", show=False, id="sources.previous"),
        Binding("e", "export", "Export", id="export"),
        Binding("left", "focus_topics", "Zu den Themen", show=False, id="focus.topics"),
        Binding("right", "focus_briefing", "Zum Briefing", show=False, id="focus.briefing"),
    ]

    # Classes for narrow and short terminals (80x24), used by briefing.tcss.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]

    app: Reader  # type: ignore[assignment]  # the BriefingApp, as far as the screen uses it

    def __init__(self) -> None:
        super().__init__()
        self.chosen: int | None = None  # index into Briefing.topics
        self.query_text = ""

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="body"):
            yield TopicList(id="topics")
            with Vertical(id="reader"):
                yield BriefingView(id="briefing")
                yield SourceView(id="source")
        yield FilterBar(id="filter")
        yield LoadProgress(id="progress")
        yield Footer(show_command_palette=False, compact=True)

    def on_mount(self) -> None:
        self.query_one(TopicList).focus()
        self.app.load()  # from here, so the widgets exist when the briefing arrives

    # -- what the app tells the screen -------------------------------------------------

    def loading(self, active: bool) -> None:
        self.query_one(LoadProgress).display = active

    def advance(self, stage: str, done: int, total: int) -> None:
        self.query_one(LoadProgress).advance(stage, done, total)

    def show_error(self, message: str) -> None:
        self.query_one(BriefingView).show_message(message)
        self.query_one(TopicList).clear_options()
        self.query_one(SourceView).clear()
        self.chosen = None
        self.refresh_bindings()

    def show_briefing(self) -> None:
        """Show the loaded briefing, keeping the chosen topic across a reload when it is there."""
        briefing = self.app.briefing
        if briefing is None:
            return
        self.sub_title = briefing.title
        previous = self.app.previous_title
        titles = [t.title for t in briefing.topics]
        self.chosen = titles.index(previous) if previous in titles else (0 if titles else None)
        self.query_one(SourceView).clear()
        self._list_topics()
        self._show_topic()
        self.refresh_bindings()

    def summary_changed(self, index: int) -> None:
        if index == self.chosen:
            self._show_topic(keep_cursor=True)
            self._list_topics()

    # -- topics and the briefing ----------------------------------------------------------

    @property
    def topic(self) -> Topic | None:
        briefing = self.app.briefing
        if briefing is None or self.chosen is None or self.chosen >= len(briefing.topics):
            return None
        return briefing.topics[self.chosen]

    def _visible(self) -> list[int]:
        briefing = self.app.briefing
        if briefing is None:
            return []
        return [i for i, topic in enumerate(briefing.topics)
                if topic_matches(topic, self.query_text, self.app.sentences)]

    def _list_topics(self) -> None:
        briefing = self.app.briefing
        if briefing is None:
            return
        visible = self._visible()
        if self.chosen not in visible:
            self.chosen = visible[0] if visible else None
        self.query_one(TopicList).show_topics(briefing.topics, visible, self.chosen)

    def _show_topic(self, keep_cursor: bool = False) -> None:
        view = self.query_one(BriefingView)
        topic = self.topic
        if topic is None:
            view.show_message("Kein Thema passt zur Suche." if self.query_text else "Keine Themen.")
            self.query_one(SourceView).clear()
            return
        self.app.ensure_summary(self.chosen)
        hits = (search_hits(topic, self.query_text, self.app.sentences)
                if self.query_text.strip() else None)
        found = (search_hit_count(topic, self.query_text, self.app.sentences)
                 if hits and len(hits) >= SEARCH_LIMIT else 0)
        view.show_topic(topic, self.app.summary_length(self.chosen), hits, self.query_text,
                        keep_cursor=keep_cursor, found=found)
        if self.query_one(SourceView).display and view.current is not None:
            self._show_entry(view.current)

    @on(TopicList.TopicChosen)
    def _topic_chosen(self, event: TopicList.TopicChosen) -> None:
        if event.index != self.chosen:
            self.chosen = event.index
            self._show_topic()
        if event.confirmed:
            self.action_focus_briefing()

    @on(BriefingView.EntryHighlighted)
    def _entry_highlighted(self, event: BriefingView.EntryHighlighted) -> None:
        if self.query_one(SourceView).display:
            self._show_entry(event.entry)

    @on(BriefingView.EntrySelected)
    def _entry_selected(self, event: BriefingView.EntrySelected) -> None:
        self._set_sources_visible(True)
        self._show_entry(event.entry)

    def _show_entry(self, entry: Entry) -> None:
        articles = {a.id: a for a in self.topic.articles} if self.topic else {}
        passages: list[Passage] = []
        for source, text, variant in entry.wordings():
            article = articles.get(source)
            if article is None:
                continue
            if entry.kind == "source":
                passages.append(Passage(article))
            else:
                # each source with its own wording marked (another outlet's is said so)
                found = find_passage(article, text, self.app.sentences.get(source))
                passages.append(replace(found, variant=variant))
        self.query_one(SourceView).show_passages(passages)
        self.refresh_bindings()

    def _set_sources_visible(self, visible: bool) -> None:
        self.query_one(SourceView).display = visible
        self.refresh_bindings()

    # -- search ---------------------------------------------------------------------------

    @on(FilterBar.QueryChanged)
    def _query_changed(self, event: FilterBar.QueryChanged) -> None:
        self.query_text = event.query
        before = self.chosen
        self._list_topics()
        self._show_topic(keep_cursor=self.chosen == before and not event.query.strip())

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()  # the footer differs while the search line has the focus

    def on_descendant_blur(self) -> None:
        self.refresh_bindings()

    @on(FilterBar.Done)
    def _filter_done(self) -> None:
        bar = self.query_one(FilterBar)
        if not bar.value.strip():
            bar.display = False
        self.query_one(TopicList).focus()

    # -- actions --------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if isinstance(self.focused, Input) and action not in ("focus_topics", "focus_briefing"):
            return False  # typing goes into the search line; the footer shows its keys only
        if action in ("next_source", "previous_source"):
            source = self.query_one(SourceView)
            return source.display and len(source.passages) > 1
        if action in ("longer", "shorter", "export"):
            return self.topic is not None or None  # shown greyed out while nothing is loaded
        return True

    def action_longer(self) -> None:
        self.app.change_length(+1, self.chosen)

    def action_shorter(self) -> None:
        self.app.change_length(-1, self.chosen)

    def action_filter(self) -> None:
        bar = self.query_one(FilterBar)
        bar.display = True
        bar.focus()

    def action_toggle_sources(self) -> None:
        source = self.query_one(SourceView)
        self._set_sources_visible(not source.display)
        current = self.query_one(BriefingView).current
        if source.display and current is not None:
            self._show_entry(current)

    def action_next_source(self) -> None:
        self.query_one(SourceView).move(+1)

    def action_previous_source(self) -> None:
        self.query_one(SourceView).move(-1)

    def action_focus_topics(self) -> None:
        self.query_one(TopicList).focus()

    def action_focus_briefing(self) -> None:
        self.query_one(BriefingView).items.focus()

    def action_export(self) -> None:
        from briefing.tui.screens.export import ExportScreen  # (deferred: first use)

        topic = self.topic
        if topic is None:
            return
        self.app.push_screen(ExportScreen(export_name(topic)), self._export_chosen)

    def _export_chosen(self, target: Path | None) -> None:
        from briefing.tui.screens.confirm import ConfirmScreen  # (deferred: first use)

        if target is None:
            return
        if target.is_dir():
            target = target / export_name(self.topic)
        if target.exists():
            self.app.push_screen(
                ConfirmScreen(f"{target.name} gibt es schon. Überschreiben?"),
                lambda overwrite: self.app.export_topic(self.chosen, target) if overwrite else None,
            )
        else:
            self.app.export_topic(self.chosen, target)
