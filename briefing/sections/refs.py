"""Said once: what one section prints, the others point to ("→ Das Wichtigste, Punkt 3").

Takes a topic with its sections filled; sets the pointers (``resolve_refs``): a timeline entry
whose event another section prints, a discrepancy's version printed as an item, a denial whose
claim stands in another section. Run again when a section changes (the TUI's +/-).
"""

from __future__ import annotations

import re

from briefing.models import Ref, Topic
from briefing.text.verbatim import fold, repeats

# the sections whose items others point to, in the order they are printed
POINTED_TO = ("summary", "quotes", "claims")


def resolve_refs(topic: Topic) -> None:
    """Point every line of the topic that would repeat a printed item at that item."""
    printed = [
        (section, index, item.text, fold(item.text))
        for section in POINTED_TO
        for index, item in enumerate(getattr(topic, section))
    ]
    for entry in topic.timeline:
        # an event told in another section: the date and a pointer, not the sentence again;
        # so too in other words of another source, when nearly all the words of the shorter
        # are the other's ("Die Verhandlungen liefen bereits seit dem Jahr 2000." beside "Die
        # Verhandlungen zwischen der EU und den Mercosur-Ländern ... liefen mit Unterbrechungen
        # bereits seit dem Jahr 2000.")
        entry.ref = _find(
            printed, [fold(entry.statement), fold(entry.text)], contained=True
        ) or _find_near(printed, entry.text)
    for claim in topic.claims:
        if claim.answers is not None:
            claim.answers = _find(printed, [fold(claim.answers.text)])
    dated = [
        ("timeline", index, entry.text, fold(entry.text))
        for index, entry in enumerate(topic.timeline)
        if entry.ref is None
    ]
    for discrepancy in topic.discrepancies:
        for version in discrepancy.variants:
            # the comparison lists every version; one printed above is pointed to
            version.ref = _find([*printed, *dated], [fold(version.text)])


# a near repeat: this share of the shorter sentence's words (5 or more) stands in the other
NEAR_SHARE = 0.8
_WORD = re.compile(r"\w+")


def _find_near(printed: list[tuple[str, int, str, str]], text: str) -> Ref | None:
    """The first printed item that says ``text`` again in nearly the same words."""
    words = set(_WORD.findall(fold(text).casefold()))
    for section, index, item_text, folded in printed:
        other = set(_WORD.findall(folded.casefold()))
        small = min(len(words), len(other))
        if small >= 5 and len(words & other) >= NEAR_SHARE * small:
            return Ref(section, index, item_text)
    return None


def _find(
    printed: list[tuple[str, int, str, str]], texts: list[str], contained: bool = False
) -> Ref | None:
    """The first printed item that is one of ``texts`` (or, ``contained``, holds or is held
    by one of them as a whole sentence)."""
    for section, index, text, folded in printed:
        if any(folded == t or (contained and t and repeats(folded, t)) for t in texts):
            return Ref(section, index, text)
    return None
