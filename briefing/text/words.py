"""Words, tokens and the sentence key: the one way the briefing cuts text into words.

Takes text; gives its words (letters, inner hyphens and apostrophes, as sumy's tokenizer keeps
them), plain letter runs (compounds split at their hyphens), all tokens with punctuation, and
the key under which two copies of a sentence are equal.
"""

from __future__ import annotations

import re
from functools import lru_cache

# letter runs joined by single inner hyphens or apostrophes; the same words as
# r"[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))*", whose alternation per letter took a third longer
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")
_LETTERS = re.compile(r"[^\W\d_]+")
_COMPOUND = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_ALPHANUMERIC = re.compile(r"[^\W_]+")

@lru_cache(maxsize=1 << 14)  # a candidate sentence is cut into words by four or five checks
def words(text: str) -> tuple[str, ...]:
    """Word tokens as sumy's tokenizer would keep them: letters, inner hyphens/apostrophes."""
    return tuple(_WORD.findall(text))


def fresh_words(text: str) -> list[str]:
    """``words(text)`` without the cache: for a text made on the spot (a case-folded copy),
    which no other check asks about; in the cache it would only push out the sentences'."""
    return _WORD.findall(text)


def first_word(text: str) -> str:
    """The first of ``words(text)``, or "" (without cutting the rest of the text into words)."""
    found = _WORD.search(text)
    return found.group(0) if found else ""


def tokens(text: str) -> list[str]:
    """All tokens, punctuation included (for display and overlap measures)."""
    return _TOKEN.findall(text)


def letter_runs(text: str) -> list[str]:
    """Runs of letters: a hyphenated compound gives its parts ("Nordkorea-Besuch": two)."""
    return _LETTERS.findall(text)


def compound_matches(text: str) -> list[re.Match[str]]:
    """Words joined by hyphens only, each with its place in the text: the heading composer's
    tokens ("Nordkorea-Besuch" is one, "McDonald's" two). Kept apart from ``words``: with
    apostrophes inside words, 1 heading of the 11,707-article benchmark changes."""
    return list(_COMPOUND.finditer(text))


def letters_key(text: str) -> str:
    """The sentence's words without digits and punctuation: the key under which grouping
    finds page furniture that unrelated articles repeat with other numbers in it ("Folge 12",
    "Folge 13"). Kept apart from ``sentence_key``, which keeps the numbers: with it, 2 of the
    50 furniture sentences of the 11,707-article benchmark folder are no longer found."""
    return " ".join(_LETTERS.findall(text.casefold()))


def sentence_key(text: str) -> str:
    """A key under which the same sentence in two outlets is equal (case, quotes, spaces)."""
    # its letter and digit runs joined by single spaces (as replacing every other run by a
    # space and stripping the ends, a fifth slower)
    return " ".join(_ALPHANUMERIC.findall(text.casefold()))
