"""A source article with the selected sentence marked in its paragraph."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from briefing.render import german_date
from briefing.runtime.display import shown
from briefing.tui.reading import Passage, text_span

HIGHLIGHT_STYLE = "bold $text on $warning-muted"


class SourceView(Vertical):
    """Shows one of the passages that carry a sentence; ``n``/``p`` move between them."""

    can_focus = False

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.border_title = "Quelle"
        self.passages: list[Passage] = []
        self.position = 0
        self._shown_article: str | None = None  # id of the article whose blocks are mounted
        self._marked: int | None = None  # block index currently marked

    def compose(self) -> ComposeResult:
        yield Static("Wähle einen Satz (Enter oder Klick), um seine Quelle zu sehen.",
                     id="source-head")
        yield VerticalScroll(id="source-body")

    @property
    def passage(self) -> Passage | None:
        return self.passages[self.position] if self.passages else None

    def show_passages(self, passages: list[Passage]) -> None:
        """Show the first of ``passages`` (one per article that carries the sentence)."""
        self.passages = passages
        self.position = 0
        self._render_passage()

    def clear(self) -> None:
        self.passages = []
        self.position = 0
        self._shown_article = None
        self._marked = None
        self.query_one("#source-head", Static).update("")
        self.query_one("#source-body", VerticalScroll).remove_children()

    def move(self, step: int) -> None:
        """Go to the next (``step=1``) or previous (``-1``) source carrying the sentence."""
        if len(self.passages) > 1:
            self.position = (self.position + step) % len(self.passages)
            self._render_passage()

    def _render_passage(self) -> None:
        passage = self.passage
        if passage is None:
            self.clear()
            return
        article = passage.article
        self.query_one("#source-head", Static).update(self._head(passage))
        body = self.query_one("#source-body", VerticalScroll)
        if self._shown_article != article.id:
            # A new article: mount its blocks once; moving within it only restyles two blocks.
            body.remove_children()
            body.mount_all(
                Static(self._block(passage, i), classes=self._block_classes(passage, i))
                for i in range(len(article.blocks))
            )
            self._shown_article = article.id
            body.scroll_home(animate=False)
        else:
            blocks = list(body.query(Static))
            for index in {self._marked, passage.block} - {None}:
                if index < len(blocks):
                    blocks[index].update(self._block(passage, index))
                    blocks[index].set_classes(self._block_classes(passage, index))
        self._marked = passage.block
        if passage.block is not None:
            self.call_after_refresh(self._scroll_to_mark)

    def _scroll_to_mark(self) -> None:
        """Bring the marked sentence into view, with its paragraph's start when that fits."""
        body = self.query_one("#source-body", VerticalScroll)
        marked = body.query(".marked")
        passage = self.passage
        if not marked or passage is None or passage.block is None:
            return
        paragraph = marked.first()
        text, span = self._display_text(passage, passage.block)
        width = paragraph.content_region.width or body.size.width
        before = text[:span[0]] if span else ""
        # lines of the paragraph above the sentence, wrapped as the paragraph is drawn
        lines_above = Content(before + "x").get_height({}, width) - 1 if before.strip() else 0
        top = paragraph.virtual_region.y
        if lines_above > max(0, body.scrollable_content_region.height - 3):
            top += lines_above - 1
        body.scroll_to(y=top, animate=False)

    @staticmethod
    def _display_text(passage: Passage, index: int) -> tuple[str, tuple[int, int] | None]:
        """A block's text as drawn (whitespace folded) and the marked span in it."""
        raw = passage.article.blocks[index].text
        text = " ".join(raw.split())  # hard-wrapped files read as flowing text
        span = text_span(text, raw[passage.start:passage.end]) if index == passage.block else None
        return text, span

    @staticmethod
    def _block_classes(passage: Passage, index: int) -> str:
        kind = "heading" if passage.article.blocks[index].is_heading else "paragraph"
        return f"{kind} marked" if index == passage.block else kind

    def _head(self, passage: Passage) -> Content:
        article = passage.article
        details = ", ".join(x for x in (article.outlet, german_date(article.date)) if x)
        where = f"Quelle {self.position + 1}/{len(self.passages)}"
        # with several sources, clickable arrows move between them as n/p do
        moves = (Content.from_markup(" [@click=screen.previous_source]◀ p[/] "
                                     "[@click=screen.next_source]n ▶[/]")
                 if len(self.passages) > 1 else Content(""))
        unfound = passage.text and passage.block is None
        missing = " · Satz nicht wörtlich gefunden" if unfound else ""
        if passage.variant:
            missing = " · eigene Fassung dieser Quelle" + missing
        return Content.assemble(
            (f"[{article.number}] {article.title}", "bold"), "\n",
            (f"{details + ' · ' if details else ''}{shown(article.path.name)} · ", "$text-muted"),
            (f"{where}{missing}", "$text-accent"), moves,
        )

    @classmethod
    def _block(cls, passage: Passage, index: int) -> Content:
        text, span = cls._display_text(passage, index)
        content = Content(text)
        return content.stylize(HIGHLIGHT_STYLE, *span) if span else content
