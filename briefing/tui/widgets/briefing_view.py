"""The selected topic's briefing: its sections as a list the reader moves through."""

from __future__ import annotations

import re
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.strip import Strip
from textual.visual import Visual
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from briefing.models import Quote, SummaryItem, Topic, Variant
from briefing.render import based_on, differing, german_date, pointer, refs, reporters

MATCH_STYLE = "bold reverse"


@dataclass(frozen=True)
class Entry:
    """One line of the briefing the reader can select: what it says and who says it.

    ``variants`` are other outlets' wordings of it, (text, their sources): choosing the line
    shows each source with its own wording marked.
    """

    kind: str  # "summary" | "quote" | "claim" | "timeline" | "discrepancy" | "source" | "hit"
    text: str
    sources: tuple[str, ...]
    variants: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def wordings(self) -> list[tuple[str, str, bool]]:
        """(source, the text that stands in it, whether that is another outlet's wording) for
        every source that reports the line, in reference order."""
        found = {source: (self.text, False) for source in self.sources}
        for text, sources in self.variants:
            for source in sources:
                found.setdefault(source, (text, True))
        order = reporters(list(self.sources), [Variant(t, list(s)) for t, s in self.variants])
        return [(source, *found[source]) for source in order]


class BriefingView(Vertical):
    """The topic's heading, then Das Wichtigste, Zitate, ... Quellen as selectable items."""

    class EntryHighlighted(Message):
        """The cursor is on an entry (the source view follows it)."""

        def __init__(self, entry: Entry) -> None:
            super().__init__()
            self.entry = entry

    class EntrySelected(Message):
        """The reader chose an entry (Enter or a click): show its sources."""

        def __init__(self, entry: Entry) -> None:
            super().__init__()
            self.entry = entry

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.entries: list[Entry] = []
        self.topic: Topic | None = None

    def compose(self) -> ComposeResult:
        yield Static("Lade …", id="topic-head")
        yield Entries(id="entries")

    @property
    def items(self) -> OptionList:
        return self.query_one("#entries", OptionList)

    @property
    def current(self) -> Entry | None:
        index = self.items.highlighted
        option = self.items.highlighted_option
        if index is None or option is None or option.id is None:
            return None
        return self.entries[int(option.id[1:])]

    def show_message(self, text: str) -> None:
        self.topic = None
        self.entries = []
        self.query_one("#topic-head", Static).update(Content(text))  # text, not markup
        self.items.clear_options()

    def show_topic(self, topic: Topic, sentences: int, hits: list[SummaryItem] | None = None,
                   query: str = "", keep_cursor: bool = False, found: int = 0) -> None:
        """Show ``topic``; ``hits`` are the search results for ``query``, listed first (of
        ``found`` sentences in all: the list says when it shows only some).

        (About 90 lines: the view's widgets in reading order, section by section, each
        section a few lines; the cursor is kept across them.)"""
        same_topic = keep_cursor and topic is self.topic
        cursor = self.items.highlighted if same_topic else None
        self.topic = topic
        self.query_one("#topic-head", Static).update(self._head(topic, sentences))
        self.entries = []
        options: list[Option] = []
        pattern = re.compile(re.escape(query.strip()), re.IGNORECASE) if query.strip() else None

        def section(title: str, count: int | str | None = None) -> None:
            label = f"{title} ({count})" if count is not None else title
            if options:
                options.append(Option("", disabled=True))  # a blank line between sections
            options.append(Option(Content.styled(label, "bold $text-accent"), disabled=True))

        def entry(kind: str, text: str, sources: list[str], prompt: Content,
                  variants: list[Variant] | None = None) -> None:
            if pattern:
                prompt = prompt.highlight_regex(pattern, style=MATCH_STYLE)
            options.append(Option(Bulleted(prompt), id=f"e{len(self.entries)}"))
            wordings = tuple((v.text, tuple(v.sources)) for v in variants or ())
            self.entries.append(Entry(kind, text, tuple(sources), wordings))

        if hits is not None:
            shown = (f"{len(hits)} von {found}" if found > len(hits) else len(hits))
            section(f"Treffer für »{query.strip()}«", shown)
            for hit in hits:
                entry("hit", hit.text, hit.sources, _line(_said(hit), hit.sources))
            if not hits:
                options.append(Option("  keine Sätze gefunden", disabled=True))
            elif found > len(hits):
                more = found - len(hits)
                options.append(Option(f"  … {more} weitere {'Satz' if more == 1 else 'Sätze'}: "
                                      "genauer suchen", disabled=True))
        section("Das Wichtigste")
        for item in topic.summary:
            entry("summary", item.text, item.sources,
                  _line(_said(item), item.sources, item.variants), item.variants)
        if not topic.summary:
            options.append(Option("  keine Sätze", disabled=True))
        if topic.discrepancies:
            section("Abweichende Angaben")
            for discrepancy in topic.discrepancies:
                for version in discrepancy.variants:
                    label = differing(version.text, discrepancy.differs)
                    said = (f"→ {pointer(version.ref)}" if version.ref else version.text)
                    prompt = Content.assemble((label, "bold"), ": ",
                                              _line(said, version.sources))
                    entry("discrepancy", version.text, version.sources, prompt)
        if topic.quotes:
            section("Zitate")
            for quote in topic.quotes:
                entry("quote", quote.text, quote.sources,
                      _line(_said(quote), quote.sources, quote.variants), quote.variants)
        if topic.claims:
            section("Unbestätigt und umstritten")
            for claim in topic.claims:
                said = _said(claim)
                if claim.answers is not None:
                    said = f"(zu {pointer(claim.answers)}) {said}"
                entry("claim", claim.text, claim.sources,
                      _line(said, claim.sources, claim.variants), claim.variants)
        if topic.timeline:
            section("Zeitleiste")
            for event in topic.timeline:
                # an event another section prints: its date and a pointer to it
                said = f"→ {pointer(event.ref)}" if event.ref else event.text
                shown = [] if event.ref else event.variants
                prompt = Content.assemble((event.label or event.when, "bold"), ": ",
                                          _line(said, [] if event.ref else event.sources, shown))
                entry("timeline", event.text, event.sources, prompt, event.variants)
        section("Quellen")
        for article in topic.articles:
            used = sum(1 for item in topic.summary if article.id in item.sources)
            details = ", ".join(x for x in (article.outlet, german_date(article.date)) if x)
            prompt = Content.assemble(
                (f"[{article.number}] ", "$text-muted"), (article.title, "bold"),
                (f", {details}" if details else ""),
                (f" · {used} {'Satz' if used == 1 else 'Sätze'}", "$text-muted"),
            )
            entry("source", "", [article.id], prompt)
        with self.items.prevent(OptionList.OptionHighlighted):
            self.items.set_options(options)
        first = next((i for i, o in enumerate(options) if not o.disabled), None)
        target = cursor if cursor is not None and cursor < len(options) else first
        self.items.highlighted = target
        if target is not None and not same_topic:
            self.items.scroll_home(animate=False)

    def on_resize(self) -> None:
        # the source pane opening halves this pane: keep the chosen sentence in view
        self.call_after_refresh(self.items.scroll_to_highlight)

    @staticmethod
    def _head(topic: Topic, sentences: int) -> Content:
        basis = based_on(topic.articles)
        return Content.assemble(
            (topic.title, "bold"), "\n", (f"{basis} · {sentences} Sätze (+/−)", "$text-muted"),
        )

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.EntryHighlighted(self.entries[int(event.option.id[1:])]))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.EntrySelected(self.entries[int(event.option.id[1:])]))


class Entries(OptionList):
    """The topic's lines. Their wrapped heights are measured again when the vertical scrollbar
    comes or goes: measured for the width without it, a line that wraps once more in the
    narrower width lost its last row ("… gewonnen. [188]" showed without its reference)."""

    def watch_show_vertical_scrollbar(self, old: bool, new: bool) -> None:
        if old != new:
            self._clear_caches()


def _said(item: SummaryItem | Quote) -> str:
    """As the Markdown template shows it: the sentence (or quote), then who says it if known."""
    return item.text + (f" — {item.speaker}" if item.speaker else "")


def _line(text: str, sources: list[str] | tuple[str, ...],
          variants: list[Variant] | None = None) -> Content:
    """``sentence [1, 3; ähnlich 4]``: the item with its references (other outlets' wordings
    as "ähnlich"), dimmed; none for a pointer."""
    if not sources and not variants:
        return Content(text)
    count = len(reporters(list(sources), variants))
    many = f" ({count} Quellen)" if count > 2 else ""
    return Content.assemble(text, (f" {refs(list(sources), variants)}{many}", "$text-muted"))


class Bulleted(Visual):
    """``• text`` with wrapped lines indented under the text, not under the bullet."""

    BULLET = Content("• ")

    def __init__(self, body: Content) -> None:
        self.body = body
        self.indent = self.BULLET.cell_length

    def render_strips(self, width, height, style, options) -> list[Strip]:
        lines = self.body.render_strips(max(1, width - self.indent), height, style, options)
        bullet = self.BULLET.render_strips(self.indent, 1, style, options)[0]
        blank = Strip.blank(self.indent, style.rich_style)
        return [Strip.join([bullet if n == 0 else blank, line]) for n, line in enumerate(lines)]

    def get_optimal_width(self, rules, container_width: int) -> int:
        return self.indent + self.body.get_optimal_width(rules, container_width - self.indent)

    def get_minimal_width(self, rules) -> int:
        return self.indent + self.body.get_minimal_width(rules)

    def get_height(self, rules, width: int) -> int:
        return self.body.get_height(rules, max(1, width - self.indent))
