"""Plain dataclasses for what flows through the pipeline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

# progress(stage, done, total): called as work advances; the CLI and the TUI draw it.
Progress = Callable[[str, int, int], None]


# Input files larger than this are skipped (``--max-size``; ingest reads at most this much).
DEFAULT_MAX_BYTES = 5 * 1024 * 1024


@dataclass
class Settings:
    """Tunables of a run, shared by the CLI, the TUI and the digest."""

    sentences: int = 10
    engine: str = "fast"
    title: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    german_only: bool = True  # leave articles in other languages out, with the reason
    jobs: int = 1  # worker processes for cleaning and summarizing (1: all in this process)
    follow_links: bool = False  # follow symbolic links that lead out of the input folders


def id_number(article_id: str) -> int:
    """The number of an article id: 3 for "a3" (0 for an id without one)."""
    return int(article_id[1:]) if article_id[1:].isdigit() else 0


@dataclass(frozen=True)
class Block:
    """One unit of an article body: a paragraph of running text or a subheading."""

    kind: str  # "paragraph" | "heading"
    text: str

    @property
    def is_heading(self) -> bool:
        return self.kind == "heading"


@dataclass
class Article:
    """A cleaned article: metadata plus its body as blocks."""

    path: Path
    title: str
    blocks: list[Block]
    outlet: str | None = None
    date: str | None = None  # ISO "YYYY-MM-DD" or None when unknown
    url: str | None = None
    content_hash: str = ""
    id: str = ""  # "a1", "a2", ... assigned in input order by the pipeline
    language: str | None = None
    cut_from: int = 0  # characters before a long article was cut (clean.MAX_ARTICLE_CHARS)
    # letter keys (text.words.letters_key) of its sentences that unrelated articles of the
    # folder repeat word for word: page furniture, found by grouping, left out of summaries
    boilerplate: frozenset[str] = frozenset()

    @property
    def number(self) -> int:
        """The reference number readers see (``[3]``), derived from the id."""
        return id_number(self.id)

    @property
    def paragraphs(self) -> list[str]:
        return [b.text for b in self.blocks if not b.is_heading]

    @property
    def body(self) -> str:
        """Cleaned text, blocks separated by blank lines (headings included)."""
        return "\n\n".join(b.text for b in self.blocks)


@dataclass(frozen=True)
class Sentence:
    """A sentence as it stands in an article, with where it stands."""

    text: str
    article_id: str
    block: int  # index into Article.blocks
    index: int  # position among the article's sentences (0 = first)


@dataclass
class Ref:
    """A pointer to an item printed elsewhere in the topic: "Das Wichtigste, Punkt 3".

    ``section`` is "summary", "quotes" or "claims", ``index`` counts from 0; ``text`` is the
    item's text, so the pointer can be found again when the sections change (the TUI's +/-).
    """

    section: str
    index: int
    text: str = ""


@dataclass
class Variant:
    """Another outlet's wording of a statement, verbatim, with exactly the articles that say it."""

    text: str
    sources: list[str]
    ref: Ref | None = None  # (a discrepancy's version) printed as this item of the topic


def reporters(sources: list[str], variants: list[Variant]) -> list[str]:
    """Every article that reports a statement: its exact sources and its variants' sources."""
    found = set(sources).union(*(v.sources for v in variants))
    return sorted(found, key=id_number)


@dataclass
class SummaryItem:
    """One sentence of a summary, verbatim, with exactly the articles in which it stands.

    ``variants`` are other outlets' near-identical wordings of it, each with its own sources.
    """

    text: str
    sources: list[str]
    score: float = 0.0
    first_seen: tuple[int, int] = (0, 0)  # (article number, sentence index) for reading order
    speaker: str | None = None  # who says it, when it reports speech without naming them
    variants: list[Variant] = field(default_factory=list)
    answers: Ref | None = None  # (a denial) the claim it answers, printed elsewhere

    @property
    def reporters(self) -> list[str]:
        """Every article that reports it, in its wording or another's."""
        return reporters(self.sources, self.variants)


@dataclass
class SentenceGroup:
    """One sentence and every place it stands, near-identical copies in other outlets included.

    What the summary scores and picks from, and the sections pick from after it.
    """

    text: str
    occurrences: list[Sentence] = field(default_factory=list)
    score: float = 0.0  # centrality x quality: the sentence's worth on its own
    centrality: float = 0.0  # LexRank centrality, 1.0 for the most central sentence
    quality: float = 1.0  # lead prior x stand-alone factor (x outlets, x quote share)
    speaker: str | None = None  # who says it, when it reports speech without naming them
    # whether it may be printed as a line of its own: False for a part of a quote that runs
    # over several sentences and for a sentence that only makes sense after the one before
    # it ("Dessen Sohn ...", '"...", sagte er.' when nobody is named before); such a sentence
    # still counts for centrality, joins a quote run or stands right after its claim
    alone: bool = True

    @property
    def sources(self) -> list[str]:
        return sorted({s.article_id for s in self.occurrences}, key=id_number)

    @property
    def first_seen(self) -> tuple[int, int]:
        return min((id_number(s.article_id), s.index) for s in self.occurrences)

    @property
    def best_index(self) -> int:
        """The earliest position it takes in any article (news put key facts first)."""
        return min(s.index for s in self.occurrences)

    def to_item(self) -> SummaryItem:
        """The group as a line of the briefing: its text, sources, score and speaker."""
        return SummaryItem(
            self.text,
            self.sources,
            score=round(self.score, 6),
            first_seen=self.first_seen,
            speaker=self.speaker,
        )


@dataclass
class Quote:
    text: str
    speaker: str | None
    sources: list[str]
    variants: list[Variant] = field(default_factory=list)

    @property
    def reporters(self) -> list[str]:
        return reporters(self.sources, self.variants)


@dataclass
class TimelineEntry:
    """A dated event: the sentence that dates it, or a pointer to the item that says it."""

    when: str  # the date expression as written ("am Dienstag (18. Juni)")
    sort_key: str  # ISO-like key for ordering ("2024-06-18")
    text: str  # the sentence (verbatim)
    sources: list[str]
    variants: list[Variant] = field(default_factory=list)
    label: str = ""  # the date normalised: "18.06.2024", "Juni 2024", "Anfang 2022", "2000"
    statement: str = ""  # the text of the statement it belongs to as other sections show it
    ref: Ref | None = None  # the item of another section that says it: printed as a pointer

    @property
    def reporters(self) -> list[str]:
        return reporters(self.sources, self.variants)


@dataclass
class Discrepancy:
    """Versions of one statement that differ in a number, a date or a name, each verbatim.

    ``differs`` names what differs: the differing words of the versions ("112", "145").
    """

    variants: list[Variant]
    differs: list[str]


@dataclass
class Topic:
    """A story: the articles that tell it and what the briefing says about it."""

    title: str
    articles: list[Article]
    summary: list[SummaryItem] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[SummaryItem] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    discrepancies: list[Discrepancy] = field(default_factory=list)
    minor: bool = False  # a lone article listed under "Weitere Meldungen"
    continued: bool = False  # digest: the story was reported on an earlier day

    @property
    def outlets(self) -> list[str]:
        seen: list[str] = []
        for article in self.articles:
            if article.outlet and article.outlet not in seen:
                seen.append(article.outlet)
        return seen

    @property
    def date_range(self) -> tuple[str, str] | None:
        dates = sorted(a.date for a in self.articles if a.date)
        return (dates[0], dates[-1]) if dates else None


@dataclass(frozen=True)
class Skipped:
    """An input file left out of the briefing, and why."""

    path: Path
    reason: str


@dataclass
class Briefing:
    """What a briefing says: its topics (major stories first, then lone articles)."""

    title: str
    topics: list[Topic]
    skipped: list[Skipped] = field(default_factory=list)
    generated: dt.date = field(default_factory=dt.date.today)

    @property
    def articles(self) -> list[Article]:
        return sorted((a for t in self.topics for a in t.articles), key=lambda a: a.number)

    @property
    def date_range(self) -> tuple[str, str] | None:
        dates = sorted(a.date for a in self.articles if a.date)
        return (dates[0], dates[-1]) if dates else None
