"""The topics on the left, each with its number of sources."""

from __future__ import annotations

from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing.models import Topic
from briefing.tui.reading import wrap_label


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
        self._topics: list[Topic] = []
        self._width = 0  # the width the labels were wrapped for

    def show_topics(self, topics: list[Topic], visible: list[int], chosen: int | None) -> None:
        """List the ``visible`` topics (indices into ``topics``) and put the cursor on ``chosen``."""
        self._indices = list(visible)
        self._topics = topics
        self._width = self._label_width(topics, visible)
        with self.prevent(OptionList.OptionHighlighted):
            self.set_options(self._option(topics[i], i, self._width) for i in visible)
            self.highlighted = visible.index(chosen) if chosen in visible else None
        self.border_subtitle = f"{len(visible)}/{len(topics)}" if len(visible) < len(topics) else ""

    def _label_width(self, topics: list[Topic], visible: list[int]) -> int:
        """The width to wrap labels for: the list's, less the scroll bar when they need one."""
        region = self.scrollable_content_region
        width = region.width + (self.scrollbar_size_vertical if self.show_vertical_scrollbar else 0)
        if width <= 0:
            return 0  # not laid out yet: on_resize wraps them
        lines = sum(len(wrap_label(self._text(topics[i]), width)) for i in visible)
        return width - self.styles.scrollbar_size_vertical if lines > region.height else width

    @staticmethod
    def _text(topic: Topic) -> str:
        return f"{topic.title} ({len(topic.articles)})"

    def on_resize(self) -> None:
        if self._topics and self._label_width(self._topics, self._indices) != self._width:
            chosen = self.highlighted
            topic = self._indices[chosen] if chosen is not None else None
            self.show_topics(self._topics, self._indices, topic)

    @staticmethod
    def _option(topic: Topic, index: int, width: int = 0) -> Option:
        count = f"({len(topic.articles)})"
        text = TopicList._text(topic)
        # Textual would break a long compound anywhere: wrap it here, with hyphens
        lines = wrap_label(text, width) if width else [text]
        wrapped = "\n".join(lines)
        label = Content.assemble(
            (wrapped[: -len(count)], "$text-muted" if topic.minor else ""),
            (count, "$text-muted"),
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
