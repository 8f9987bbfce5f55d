"""The search line: filters the topics and lists the sentences that contain the words."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input


class FilterBar(Input):
    """Typing filters at once; Enter goes back to the topics, Escape clears the search."""

    BINDINGS = [
        Binding("escape", "clear_filter", "Suche leeren", id="filter.clear"),
    ]

    class QueryChanged(Message):
        """The search text changed (empty: no filter)."""

        def __init__(self, query: str) -> None:
            super().__init__()
            self.query = query

    class Done(Message):
        """The reader is done typing (Enter or Escape)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(placeholder="Themen filtern, Sätze suchen …", **kwargs)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.QueryChanged(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Done())

    def action_clear_filter(self) -> None:
        self.value = ""  # posts Input.Changed, so the filter is lifted
        self.post_message(self.Done())
