"""Stems: the one German stemmer (Snowball, as sumy stems) and the cleaner's six-letter stem.

Takes lower-case words; gives their stems. Everything that compares words by their stem
(grouping, headings, summaries, LexRank) uses ``german_stem``, one cache for all.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from briefing.text.nltk_import import snowball_module


@lru_cache(maxsize=1)
def _german_stemmer() -> Callable[[str], str]:
    # sumy's Stemmer("german") is this very method (NLTK's Snowball GermanStemmer().stem);
    # taken from NLTK's Snowball module alone, without sumy.nlp.stemmers and all of NLTK
    return snowball_module().GermanStemmer().stem


@lru_cache(maxsize=1 << 17)
def german_stem(word: str) -> str:
    """sumy's ``Stemmer("german")`` (NLTK Snowball), cached: stemming is the hot spot."""
    return _german_stemmer()(word)


# Endings crude_stem drops (one of them, the longest that leaves four letters).
_ENDINGS = ("ern", "en", "er", "es", "e", "n", "s")


def crude_stem(word: str) -> str:
    """Drop one inflection ending, then keep six letters: "Jahren" and "Jahr" meet.

    The cleaner's measure of how many words two parts of a page share (is a trailing block
    about the article?). It is kept beside ``german_stem`` because the six-letter cut also
    joins a compound with its head's beginning ("Schüler", "Schülerinnen") and the cleaner's
    thresholds (LEAD_OVERLAP, TRAIL_OVERLAP) were set with it: with Snowball stems instead,
    11 of the 317 pages of the cleaning dev set, the tests' data and the seeds are cleaned
    differently (none of the 11,707 benchmark articles, which carry no page furniture).
    """
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            word = word[: -len(ending)]
            break
    return word[:6]
