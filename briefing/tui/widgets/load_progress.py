"""Progress of loading a folder: which stage, how far."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, ProgressBar

STAGES = {"reading": "Lese Dateien", "summarizing": "Fasse zusammen"}


class LoadProgress(Horizontal):
    """A label and a bar; the screen shows it while a worker loads."""

    def compose(self) -> ComposeResult:
        yield Label("Lade …", id="load-stage")
        yield ProgressBar(show_eta=False, id="load-bar")

    def advance(self, stage: str, done: int, total: int) -> None:
        label = STAGES.get(stage, stage)
        self.query_one("#load-stage", Label).update(f"{label} {done}/{total}")
        self.query_one("#load-bar", ProgressBar).update(total=max(total, 1), progress=done)
