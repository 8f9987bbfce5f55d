"""Verbatim as the contract means it: the same characters once whitespace, quotes, dashes fold.

Takes text; gives its folded form (``fold``: whitespace runs to one space, typographic quotes
„“”«» and ‚‘’ to their plain forms, dashes –— to "-") and whether one text stands verbatim in
another (``verbatim_in``), and whether two texts say the same sentence (``repeats``).
"""

from __future__ import annotations

_FOLD = {"„": '"', "“": '"', "”": '"', "«": '"', "»": '"',
         "‚": "'", "‘": "'", "’": "'", "–": "-", "—": "-"}


def fold(text: str) -> str:
    """``text`` with whitespace runs, typographic quotes and dashes folded (../CONTRACT.md)."""
    # one replace a character, only for those the text has: str.translate with a table of
    # non-ASCII characters looks each character up (a fifth of the sections' time); split()
    # cuts at the whitespace runs that a \s+ pattern finds (the same characters) and drops
    # them at both ends, as strip() did
    for typographic, plain in _FOLD.items():
        if typographic in text:
            text = text.replace(typographic, plain)
    return " ".join(text.split())


def verbatim_in(text: str, folded_haystack: str) -> bool:
    """True when ``text`` stands verbatim in a text already folded by ``fold``."""
    needle = fold(text)
    return bool(needle) and needle in folded_haystack


def repeats(first: str, second: str, min_words: int = 4) -> bool:
    """True when two folded texts say the same sentence: equal, or one stands in the other
    as whole words (a sentence of ``min_words`` words or more)."""
    if first == second:
        return True
    inner, outer = sorted((first, second), key=len)
    if len(inner.split()) < min_words:
        return False
    start = outer.find(inner)
    while start >= 0:
        end = start + len(inner)
        if (start == 0 or not outer[start - 1].isalnum()) and (
            end == len(outer) or not outer[end].isalnum()
        ):
            return True
        start = outer.find(inner, start + 1)
    return False
