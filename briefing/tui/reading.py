"""What the TUI shows, as plain functions: where a sentence stands, search hits, the export."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, replace

from briefing.models import Article, Briefing, Sentence, SummaryItem, Topic

# The stages below are imported inside the functions that use them: this module loads with
# the screen, before the first paint, and the stages load in the preload's child meanwhile.

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue",
                          "ß": "ss"})


@dataclass(frozen=True)
class Passage:
    """Where a text stands in an article: a block and a character span in it.

    ``block`` is None when the text is not found verbatim, or when no text was sought
    (``text`` empty: the whole article is shown, unmarked). ``variant``: the text is the
    article's own wording of a line that cites another wording.
    """

    article: Article
    block: int | None = None
    start: int = 0
    end: int = 0
    text: str = ""
    variant: bool = False  # the text is another outlet's wording of the chosen line


def text_span(haystack: str, needle: str) -> tuple[int, int] | None:
    """The span of ``needle`` in ``haystack``, tolerant of line breaks and runs of spaces."""
    parts = needle.split()
    if not parts:
        return None
    match = re.search(r"\s+".join(re.escape(p) for p in parts), haystack)
    return (match.start(), match.end()) if match else None


def find_passage(article: Article, text: str, sentences: list[Sentence] | None = None) -> Passage:
    """Where ``text`` (a summary sentence, quote or hit) stands in ``article``.

    A summary item may merge the same sentence from several outlets with different quote
    marks or spacing, so sentences are matched by ``sentence_key`` first, then verbatim.
    """
    from briefing.text import article_sentences, sentence_key  # (deferred: see the top)

    key = sentence_key(text)
    for sentence in sentences if sentences is not None else article_sentences(article):
        if sentence_key(sentence.text) == key:
            span = text_span(article.blocks[sentence.block].text, sentence.text)
            if span:
                return Passage(article, sentence.block, *span, text=text)
    for index, block in enumerate(article.blocks):
        span = text_span(block.text, text)
        if span:
            return Passage(article, index, *span, text=text)
    return Passage(article, text=text)


def search_hits(
    topic: Topic, query: str, sentences: dict[str, list[Sentence]], limit: int = 50
) -> list[SummaryItem]:
    """Sentences of the topic's articles that contain ``query`` (case-insensitive).

    The same sentence in several articles (verbatim, as the contract folds it) is one hit with
    all of them as sources; reported speech that does not name its speaker names the one of
    the sentence before, as the briefing's items do.
    """
    from briefing.cues.speakers import reported_speakers  # (deferred: see the top)
    from briefing.text import fold

    needle = query.casefold().strip()
    if not needle:
        return []
    hits: dict[str, SummaryItem] = {}
    for article in topic.articles:
        in_article = sentences.get(article.id, [])
        speakers: dict[int, str] | None = None  # found when the article has a hit
        for index, sentence in enumerate(in_article):
            if needle not in sentence.text.casefold():
                continue
            hit = hits.setdefault(fold(sentence.text), SummaryItem(sentence.text, []))
            if article.id not in hit.sources:
                hit.sources.append(article.id)
            if speakers is None:
                speakers = reported_speakers(in_article)
            hit.speaker = hit.speaker or speakers.get(index)
            if len(hits) >= limit:
                return list(hits.values())
    return list(hits.values())


def topic_matches(topic: Topic, query: str, sentences: dict[str, list[Sentence]]) -> bool:
    """True when the topic's heading or one of its sentences contains ``query``."""
    needle = query.casefold().strip()
    return (not needle or needle in topic.title.casefold()
            or any(needle in sentence.text.casefold()
                   for article in topic.articles for sentence in sentences.get(article.id, [])))


def standalone_topic(topic: Topic) -> Topic:
    """The topic numbered as ``briefing build`` on just its files numbers it: a1, a2, ...

    A copy: the loaded briefing keeps its own ids.
    """
    new_ids = {article.id: f"a{number}" for number, article in enumerate(topic.articles, 1)}

    def renumber(sources: list[str]) -> list[str]:
        return [new_ids.get(source, source) for source in sources]

    def cited(item):  # an item, or a variant: its sources and its variants' sources
        more = {"variants": [cited(v) for v in item.variants]} if hasattr(item, "variants") else {}
        return replace(item, sources=renumber(item.sources), **more)

    return replace(
        topic,
        articles=[replace(a, id=new_ids[a.id]) for a in topic.articles],
        summary=[cited(i) for i in topic.summary],
        quotes=[cited(q) for q in topic.quotes],
        claims=[cited(c) for c in topic.claims],
        timeline=[cited(e) for e in topic.timeline],
        discrepancies=[replace(d, variants=[cited(v) for v in d.variants])
                       for d in topic.discrepancies],
    )


def topic_markdown(topic: Topic, title: str | None = None, today: dt.date | None = None) -> str:
    """The Markdown that ``briefing build`` prints for the topic's files alone."""
    from briefing.render import render_briefing, render_title  # (deferred: see the top)
    from briefing.stories import topic_heading

    today = today or dt.date.today()
    # A heading is chosen against the other topics of the folder; alone, the same files may
    # get another one, and the export must be what `briefing build` prints for them.
    alone = replace(standalone_topic(topic), title=topic_heading(topic.articles))
    briefing = Briefing(title=title or render_title([alone], today), topics=[alone],
                        generated=today)
    return render_briefing(briefing, "markdown")


def slugify(text: str, fallback: str = "briefing") -> str:
    """``Putins Nordkorea-Besuch`` -> ``putins-nordkorea-besuch`` (ASCII, for file names)."""
    ascii_text = unicodedata.normalize("NFKD", text.translate(_UMLAUTS))
    ascii_text = ascii_text.encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:60].rstrip("-") or fallback


def export_name(topic: Topic) -> str:
    """The file name the export proposes: the topic's heading as a slug, ``.md``."""
    return f"{slugify(topic.title)}.md"
