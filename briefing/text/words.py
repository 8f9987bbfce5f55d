"""Words, tokens and the sentence key: the one way the briefing cuts text into words.

Takes text; gives its words (letters, inner hyphens and apostrophes, as sumy's tokenizer keeps
them), plain letter runs (compounds split at their hyphens), all tokens with punctuation, and
the key under which two copies of a sentence are equal.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))*")
_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")
_LETTERS = re.compile(r"[^\W\d_]+")
_NORMALIZE = re.compile(r"[\W_]+")

def words(text: str) -> list[str]:
    """Word tokens as sumy's tokenizer would keep them: letters, inner hyphens/apostrophes."""
    return _WORD.findall(text)


def tokens(text: str) -> list[str]:
    """All tokens, punctuation included (for display and overlap measures)."""
    return _TOKEN.findall(text)


def letter_runs(text: str) -> list[str]:
    """Runs of letters: a hyphenated compound gives its parts ("Nordkorea-Besuch": two)."""
    return _LETTERS.findall(text)


def sentence_key(text: str) -> str:
    """A key under which the same sentence in two outlets is equal (case, quotes, spaces)."""
    return _NORMALIZE.sub(" ", text.casefold()).strip()
