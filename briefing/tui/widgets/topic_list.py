"""The topics on the left, each with its number of sources."""

from __future__ import annotations

from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing.models import Topic


class TopicList(OptionList):
    """The briefing's topics; moving the cursor chooses the topic the reader shows."""

    class TopicChosen(Message):
        """The reader moved to a topic (``index`` into ``Briefing.topics``)."""

        def __init__(self, index: int, confirmed: bool = False) -> None:
            super().__init__()
            self.index = index
            self.confirmed = confirmed  # Enter or a click, not just the cursor passing by

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.border_title = "Themen"
        self._indices: list[int] = []  # option position -> topic index

    def show_topics(self, topics: list[Topic], visible: list[int], chosen: int | None) -> None:
        """List the ``visible`` topics (indices into ``topics``) and put the cursor on ``chosen``."""
        self._indices = list(visible)
        with self.prevent(OptionList.OptionHighlighted):
            self.set_options(self._option(topics[i], i) for i in visible)
            self.highlighted = visible.index(chosen) if chosen in visible else None
        self.border_subtitle = f"{len(visible)}/{len(topics)}" if len(visible) < len(topics) else ""

    @staticmethod
    def _option(topic: Topic, index: int) -> Option:
        count = len(topic.articles)
        label = Content.assemble(
            (topic.title, "$text-muted" if topic.minor else ""),
            (f" ({count})", "$text-muted"),
        )
        return Option(label, id=f"topic-{index}")

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option_index < len(self._indices):
            self.post_message(self.TopicChosen(self._indices[event.option_index]))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_index < len(self._indices):
            self.post_message(self.TopicChosen(self._indices[event.option_index], True))
