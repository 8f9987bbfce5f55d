"""Asks where to export the current briefing as Markdown, proposing a name from its title."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static


class ExportScreen(ModalScreen[Path | None]):
    """Dismisses with the chosen path (relative paths are taken in the working folder)."""

    BINDINGS = [Binding("escape", "cancel", "Abbrechen", id="export.cancel")]

    def __init__(self, proposed: str) -> None:
        super().__init__()
        self.proposed = proposed

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label("Briefing als Markdown speichern unter:")
            yield Input(self.proposed, id="export-path")
            yield Static("Relativ zum aktuellen Ordner. Eine vorhandene Datei wird nur nach "
                         "Rückfrage ersetzt.", id="export-hint")
            with Horizontal(classes="buttons"):
                yield Button("Speichern", id="save", variant="primary")
                yield Button("Abbrechen", id="cancel")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self._save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self._save()
        else:
            self.dismiss(None)

    def _save(self) -> None:
        value = self.query_one(Input).value.strip()
        if not value:
            self.notify("Bitte einen Dateinamen angeben.", severity="warning")
            return
        self.dismiss(Path(value).expanduser())

    def action_cancel(self) -> None:
        self.dismiss(None)
