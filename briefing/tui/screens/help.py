"""The help screen: every key with what it does, from the bindings themselves."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

ABOUT = (
    "Ein Satz (Enter oder Klick) zeigt seine Quelle, markiert im Absatz; n/p wechseln "
    "zwischen den Quellen, die ihn tragen. Tab und ←/→ wechseln den Bereich."
)


class HelpScreen(ModalScreen[None]):
    """Lists the bindings of the app and the reader, so the help cannot drift from the keys."""

    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Schließen", id="help.close")]

    def __init__(self, bindings: list[Binding]) -> None:
        super().__init__()
        self.bindings = bindings

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = "Tasten"
            dialog.border_subtitle = "Esc, q oder ? schließt"
            yield Static(ABOUT, id="help-about")
            yield DataTable(id="help-keys", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Taste", "Was sie tut")
        for binding in self.bindings:
            key = binding.key_display or self.app.get_key_display(binding)
            table.add_row(key, binding.description)
        table.focus()
