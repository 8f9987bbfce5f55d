"""German knowledge as data: the word lists and phrases the briefing recognises text by.

Each list is a file beside this module (one entry a line, ``#`` starts a comment) and is
loaded once, into the named tables below; every regular expression that looks for such words
is built from these tables. sumy's stop-word lists are read from sumy's data files.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache


def alternation(entries: Iterable[str]) -> str:
    """A regular-expression alternation of the entries, in their order, each taken literally."""
    return "|".join(re.escape(entry) for entry in entries)


# Verbs of saying, as they introduce a quote or a speaker ("sagte Putin", "so Dolzikowa" aside).
SAY_VERBS = (
    "sagte", "sagt", "sagten", "schrieb", "schreibt", "erklärte", "erklärt", "betonte", "betont",
    "meinte", "meint", "warnte", "warnt", "fügte", "ergänzte", "kritisierte", "forderte",
    "bekräftigte", "versicherte", "unterstrich", "mahnte", "räumte", "bestätigte", "berichtete",
    "berichtet", "twitterte", "schrieben", "erklärten",
)


@lru_cache(maxsize=1)
def german_stop_words() -> frozenset[str]:
    """sumy's German stop words (``sumy.utils.get_stop_words("german")``)."""
    return sumy_stop_words("german")


@lru_cache(maxsize=8)
def sumy_stop_words(language: str) -> frozenset[str]:
    """``sumy.utils.get_stop_words(language)`` for a language named in full ("german").

    Read from sumy's data file as sumy reads it; importing ``sumy.utils`` would load
    requests and pycountry, a tenth of a cold start, for a word list.
    """
    import pkgutil

    try:
        data = pkgutil.get_data("sumy", f"data/stopwords/{language}.txt")
    except OSError:
        data = None
    if data is None:
        raise LookupError(f"Stop-words are not available for language {language}.")
    return frozenset(w.rstrip() for w in data.decode("utf-8").splitlines() if w)
