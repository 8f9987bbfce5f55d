"""Progress of loading a folder: which stage, how far."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, ProgressBar

# The pipeline reports ``(stage, n, total)`` as it starts on item n.
STAGES = {"reading": "Lese Datei {n} von {total}", "summarizing": "Fasse Thema {n} von {total} zusammen"}


class LoadProgress(Horizontal):
    """A label and a bar; the screen shows it while a worker loads."""

    def compose(self) -> ComposeResult:
        yield Label("Lade …", id="load-stage")
        yield ProgressBar(show_eta=False, id="load-bar")

    def advance(self, stage: str, done: int, total: int) -> None:
        label = STAGES.get(stage, stage + " {n}/{total}").format(n=done, total=total)
        self.query_one("#load-stage", Label).update(f"{label} …")
        self.query_one("#load-bar", ProgressBar).update(total=max(total, 1), progress=done - 1)
