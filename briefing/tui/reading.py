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


SEARCH_LIMIT = 50  # search hits listed per topic


def search_hits(
    topic: Topic, query: str, sentences: dict[str, list[Sentence]], limit: int = SEARCH_LIMIT
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
    """The file name the export proposes, ``.md``: a story's heading as a slug; for a lone
    article its own file's name (its title is the page's first line, which may start with a
    button label or a caption: "Detailansicht öffnen ...")."""
    if topic.minor and len(topic.articles) == 1:
        return f"{slugify(topic.articles[0].path.stem, slugify(topic.title))}.md"
    return f"{slugify(topic.title)}.md"


def search_hit_count(topic: Topic, query: str, sentences: dict[str, list[Sentence]]) -> int:
    """How many sentences (the same one in several articles once) ``search_hits`` would give
    without its limit: the list says when it shows only some of them."""
    from briefing.text.words import sentence_key

    needle = query.casefold().strip()
    if not needle:
        return 0
    return len({sentence_key(s.text) for article in topic.articles
                for s in sentences.get(article.id, []) if needle in s.text.casefold()})


_VOWELS = frozenset("aeiouäöüy")
# consonant pairs that start a German syllable together ("Wald-brand", "bei-trag")
_ONSETS = frozenset({"bl", "br", "dr", "fl", "fr", "gl", "gr", "kl", "kr", "pl", "pr", "tr"})


def hyphen_points(word: str) -> list[int]:
    """Where a German word may be broken (the index after the break), by rule, no dictionary:
    after a hyphen, and before a consonant (or a consonant pair like "br") that starts a
    syllable ("Bun-des-ver-fas-sungs-ge-richt"), never inside "ch", "ck", "ph", "sch", "th";
    two letters at least stay on each side."""
    points = set()
    lowered = word.lower()
    for index in range(2, len(word) - 1):
        before, here, after = lowered[index - 1], lowered[index], lowered[index + 1]
        if before == "-":
            points.add(index)
        elif not (before.isalpha() and here.isalpha() and after.isalpha()):
            continue
        elif here in _VOWELS or after not in _VOWELS:
            continue
        elif (here == "h" and before in "cpst") or (here == "k" and before == "c"):
            continue
        elif before + here in _ONSETS and index >= 3:
            points.add(index - 1)
        else:
            points.add(index)
    return sorted(points)


def wrap_label(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` cells: words kept whole where they fit, a word
    longer than the room broken at a hyphenation point (or, failing one, anywhere) with "-"
    at the end of its line, never mid-word without one."""
    width = max(width, 4)
    lines: list[str] = []
    line = ""
    for word in text.split():
        while True:
            room = width - len(line) - (1 if line else 0)
            if len(word) <= room:
                line = f"{line} {word}" if line else word
                break
            if line and len(word) <= width:  # whole on the next line
                lines.append(line)
                line = ""
                continue
            fits = [p for p in hyphen_points(word)
                    if p + (0 if word[p - 1] == "-" else 1) <= (room if line else width)]
            if not fits and line:
                lines.append(line)
                line = ""
                continue
            cut = fits[-1] if fits else width - 1
            head = word[:cut] if word[cut - 1] == "-" else word[:cut] + "-"
            lines.append(f"{line} {head}" if line else head)
            line, word = "", word[cut:]
    if line:
        lines.append(line)
    return lines
