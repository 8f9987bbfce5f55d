"""The Textual app: global keys, the loaded briefing, and the workers that load and summarize."""

from __future__ import annotations

import datetime as dt
import os
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from textual import on, work
from textual.app import App
from textual.binding import Binding
from textual.message import Message
from textual.worker import get_current_worker

from briefing.errors import BriefingError
from briefing.models import Briefing, Sentence, Settings, SummaryItem
from briefing.runtime.display import shown
from briefing.runtime.output import write_atomic
from briefing.tui.preload import Preload, build
from briefing.tui.reading import topic_markdown
from briefing.tui.screens.main import MainScreen

MAX_SENTENCES = 100  # the CLI's --sentences range
PROGRESS_INTERVAL = 0.1  # seconds between progress repaints while loading


class Cancelled(Exception):
    """Raised from the progress callback to stop a load nobody waits for any more."""


class BriefingApp(App):
    """Holds the briefing of ``paths``; the main screen shows it."""

    CSS_PATH = "briefing.tcss"
    TITLE = "briefing"
    BINDINGS = [
        Binding("question_mark", "help", "Hilfe", key_display="?", id="help"),
        Binding("r", "reload", "Neu laden", id="reload"),
        Binding("t", "toggle_theme", "Hell/Dunkel", show=False, id="theme"),
        Binding("q", "quit", "Beenden", id="quit"),
    ]

    class Progressed(Message):
        """A loading stage advanced (posted from the worker thread)."""

        def __init__(self, stage: str, done: int, total: int) -> None:
            super().__init__()
            self.stage, self.done, self.total = stage, done, total

    class Loaded(Message):
        """The folder is loaded: the briefing and every article's sentences."""

        def __init__(self, briefing: Briefing, sentences: dict[str, list[Sentence]]) -> None:
            super().__init__()
            self.briefing, self.sentences = briefing, sentences

    class LoadFailed(Message):
        def __init__(self, reason: str) -> None:
            super().__init__()
            self.reason = reason

    class Summarized(Message):
        """A topic of ``briefing`` was summarized again with ``length`` sentences."""

        def __init__(self, briefing: Briefing, index: int, length: int,
                     summary: list[SummaryItem]) -> None:
            super().__init__()
            self.briefing, self.index, self.length, self.summary = briefing, index, length, summary

    def __init__(self, paths: list[str], settings: Settings | None = None,
                 today: dt.date | None = None, preload: Preload | None = None) -> None:
        super().__init__()
        self._preload = preload  # the first load, already running in a child (preload.py)
        self._child = preload  # kept to stop it when the reader quits before it is done
        self.paths = list(paths)
        self.settings = settings or Settings()
        self.today = today  # fixed by tests so the title and export do not depend on the day
        self.briefing: Briefing | None = None
        self.sentences: dict[str, list[Sentence]] = {}
        self.previous_title: str | None = None  # the topic to keep chosen across a reload
        self._lengths: dict[int, int] = {}  # topic index -> sentences in its current summary
        self._cache: dict[tuple[int, int], list[SummaryItem]] = {}  # (topic, length) -> summary
        self._just_loaded = False  # the briefing arrived and is not painted yet
        self._busy = 0  # thread workers inside the core right now
        self._busy_lock = threading.Lock()

    async def run_async(self, *args, **kwargs):
        """Run until quit; a reader who quits mid-load does not wait for the load to end."""
        result = await super().run_async(*args, **kwargs)
        if self._busy:
            # The terminal is restored by now, but asyncio would join the executor's threads,
            # which cannot be interrupted: leave without them.
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(self.return_code or 0)
        return result

    @contextmanager
    def _in_core(self):
        with self._busy_lock:
            self._busy += 1
        try:
            yield
        finally:
            with self._busy_lock:
                self._busy -= 1

    @property
    def preload(self) -> Preload | None:
        """The forked child that builds the first briefing (None without a preload)."""
        return self._child

    def on_unmount(self) -> None:
        if self._child is not None:
            self._child.cancel()  # quit before the first load was done (no-op after it)

    def get_default_screen(self) -> MainScreen:
        return MainScreen()

    @property
    def main(self) -> MainScreen:
        screen = self.screen_stack[0]
        assert isinstance(screen, MainScreen)
        return screen

    # -- loading --------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="load")
    def load(self) -> None:
        """Read, clean, group and summarize off the event loop; report by message."""
        worker = get_current_worker()
        with self._in_core():
            self._load(worker)

    def _load(self, worker) -> None:
        shown = [0.0]  # when progress was last posted

        def progress(stage: str, done: int, total: int) -> None:
            if worker.is_cancelled:
                raise Cancelled  # a reload or quit: stop at the next file or topic
            # A stage's start and end always, between them at most every PROGRESS_INTERVAL:
            # each message is a repaint, which a load of 10,000 files would pay 10,000 times
            now = time.monotonic()
            if done <= 1 or done >= total or now - shown[0] >= PROGRESS_INTERVAL:
                shown[0] = now
                self.post_message(self.Progressed(stage, done, total))

        preload, self._preload = self._preload, None
        if preload is not None:  # the first load: its child has been building since start
            try:
                kind, outcome = preload.receive(progress)
            except Cancelled:
                return
            if kind == "loaded":
                if not worker.is_cancelled:
                    self.post_message(self.Loaded(*outcome))
                return
            if kind == "failed":
                self.post_message(self.LoadFailed(outcome))
                return
            if kind == "cancelled" or worker.is_cancelled:
                return  # stopped by a quit or reload
            # the child died without an answer: build here after all
        try:
            briefing, sentences = build(self.paths, self.settings, self.today, progress)
        except Cancelled:
            return
        except BriefingError as error:
            self.post_message(self.LoadFailed(str(error)))
            return
        except Exception as error:  # a bug in one stage must not take the reader down
            self.post_message(self.LoadFailed(f"Fehler beim Laden: {error!r}"))
            return
        if not worker.is_cancelled:
            self.post_message(self.Loaded(briefing, sentences))

    @on(Progressed)
    def _progressed(self, event: Progressed) -> None:
        self.main.loading(True)
        self.main.advance(event.stage, event.done, event.total)

    @on(Loaded)
    def _loaded(self, event: Loaded) -> None:
        self.briefing, self.sentences = event.briefing, event.sentences
        self._lengths = {i: self.settings.sentences for i in range(len(event.briefing.topics))}
        self._cache = {(i, self.settings.sentences): topic.summary
                       for i, topic in enumerate(event.briefing.topics)}
        self._just_loaded = True
        self.main.loading(False)
        self.main.show_briefing()
        skipped = event.briefing.skipped
        if skipped:
            # names are text, not markup ("[@click=app.quit]x.csv" is a file name)
            listed = "\n".join(f"{shown(s.path.name)}: {shown(s.reason)}" for s in skipped[:5])
            more = f"\n… und {len(skipped) - 5} weitere" if len(skipped) > 5 else ""
            self.notify(f"{listed}{more}", title=f"{len(skipped)} Datei(en) übersprungen",
                        severity="warning", timeout=8, markup=False)

    @on(LoadFailed)
    def _load_failed(self, event: LoadFailed) -> None:
        self.briefing, self.sentences = None, {}
        self.main.loading(False)
        self.main.show_error(event.reason)
        self.notify(event.reason, title="Nichts geladen", severity="error", timeout=10,
                    markup=False)

    def action_reload(self) -> None:
        topic = self.main.topic
        self.previous_title = topic.title if topic else None
        self.main.loading(True)
        self.main.advance("reading", 0, 1)
        self.load()

    # -- summary length -------------------------------------------------------------------

    def summary_length(self, index: int | None) -> int:
        return self._lengths.get(index, self.settings.sentences) if index is not None else 0

    def change_length(self, step: int, index: int | None) -> None:
        """``+``/``-``: the new length holds for every topic; the current one is redone now."""
        length = min(MAX_SENTENCES, max(1, self.settings.sentences + step))
        if length == self.settings.sentences:
            self.bell()
            return
        self.settings.sentences = length
        if self.ensure_summary(index):
            self.main.summary_changed(index)

    def ensure_summary(self, index: int | None) -> bool:
        """Give topic ``index`` a summary of the current length: at once when one is cached.

        Returns False when a worker is making it (the screen is told when it is done).
        """
        if index is None or self.briefing is None:
            return True
        length = self.settings.sentences
        if self._lengths.get(index) != length:
            cached = self._cache.get((index, length))
            if cached is None:
                self.resummarize(index, length)
                return False
            self._set_summary(index, cached)
            self._lengths[index] = length
        if self._just_loaded:
            # after the first frame: the first prefetch would hold the interpreter while the
            # briefing is painted (after a preload it imports numpy and scipy here)
            self._just_loaded = False
            self.call_after_refresh(self.prefetch, index, length)
        else:
            self.prefetch(index, length)
        return True

    def _set_summary(self, index: int, summary: list[SummaryItem]) -> None:
        """Show topic ``index`` with ``summary``: the other sections point to its items anew."""
        from briefing.sections import resolve_refs  # (deferred, as in _summarize)

        assert self.briefing is not None
        topic = self.briefing.topics[index]
        topic.summary = summary
        resolve_refs(topic)

    def _summarize(self, briefing: Briefing, index: int, length: int) -> Summarized:
        # (deferred: the stages load in the preload's child; this process needs them only
        # once the briefing is on screen)
        from briefing.summary import topic_summary

        # the summary alone: the topic's sections do not change with its length
        with self._in_core():
            summary = topic_summary(briefing.topics[index], length, self.settings.engine)
        return self.Summarized(briefing, index, length, summary.items)

    @work(thread=True, exclusive=True, group="summary")
    def resummarize(self, index: int, length: int) -> None:
        if self.briefing is not None:
            done = self._summarize(self.briefing, index, length)
            if not get_current_worker().is_cancelled:
                self.post_message(done)

    @work(thread=True, exclusive=True, group="prefetch")
    def prefetch(self, index: int, length: int) -> None:
        """Make the summaries one sentence longer and shorter, so +/- redraw at once."""
        worker, briefing = get_current_worker(), self.briefing
        for near in (length + 1, length - 1):
            if worker.is_cancelled or briefing is None:
                return
            if 1 <= near <= MAX_SENTENCES and (index, near) not in self._cache:
                self.post_message(self._summarize(briefing, index, near))

    @on(Summarized)
    def _summarized(self, event: Summarized) -> None:
        if event.briefing is not self.briefing:
            return  # made before a reload: its topics are gone
        self._cache[(event.index, event.length)] = event.summary
        # Only the current length is shown: a late result for an older one just waits in cache.
        if event.length == self.settings.sentences and self._lengths.get(event.index) != event.length:
            self._set_summary(event.index, event.summary)
            self._lengths[event.index] = event.length
            self.main.summary_changed(event.index)
            self.prefetch(event.index, event.length)

    # -- export, help, theme --------------------------------------------------------------

    def export_topic(self, index: int | None, target: Path) -> None:
        """Write the topic's Markdown, the same as ``briefing build`` on its files prints."""
        if self.briefing is None or index is None:
            return
        topic = self.briefing.topics[index]
        try:
            write_atomic(target, topic_markdown(topic, self.settings.title, self.today))
        except BriefingError as error:
            self.notify(str(error), title="Export fehlgeschlagen", severity="error",
                        markup=False)
            return
        self.notify(shown(str(target)), title="Exportiert", markup=False)

    def action_help(self) -> None:
        from briefing.tui.screens.help import HelpScreen  # (deferred: loads its DataTable)

        if not isinstance(self.screen, MainScreen):
            return
        self.push_screen(HelpScreen(list(MainScreen.BINDINGS) + list(self.BINDINGS)))

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"
