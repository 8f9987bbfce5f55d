"""Results an article reports (scores, race times, index points): different ones, different events.

Takes an article's title and lead sentences; gives the results they state by kind
(``lead_results``) and the pairs of articles whose results conflict (``conflicting_pairs``):
both state a result of one kind and they share none. Two match reports of one club, three
marathons, the Dax of three days read alike (cosines 0.20-0.27, as a story's articles) but
state different results; grouping counts such a pair's similarity as 0.

How it was chosen (benchmarks/stories_round6.py, its docstring has the figures): of the
specifics measured (explicit dates, results, counts like "39 Tote"), only results conflict
seldom inside a story and often between a theme's events; dates and counts in a report are
as often the background's (the referendum of 2017, the match before) as the event's. Only the
title and the first ``LEAD_SENTENCES`` sentences count: a sacking story's later sentences
recall other matches ("dem FC Liverpool ein 0:0"). Any shared value is a shared result (one
match told twice may share only its 1:1), and points count only as an index level (a
standing, "74 Punkte Vorsprung", changes with every race). Dev and val F1 0.708 and 0.784
(0.708, 0.783 before), near misses 23/99 and 20/81 (23, 21); in three folders of 300 random
articles 3 of 24 theme topics split (marathons, the Dax of three days, NHL nights), no story.
A series' stage ("die 14. Etappe", "am 2. Spieltag", "im zweiten Wahlgang") counts as a result
since: dev and val unchanged; of seven folders of 300 random articles one topic changed (Tour
stages 4 and 14 apart); in the whole corpus the Tour de France's 19 articles of many stages
fell into groups by stage, and two live blogs of the first and second Bundesliga matchday
parted (the second joined the Bayern story it covers).
An exchange rate quoted to four decimals ("1,1023 Dollar", "6,5407 Lira") counts as a result
since (2026-12-07): the whole corpus' build held a topic of 40 market reports of 40 days
("Gemeinschaftswährung"), one of 20 ("Kurs des Pfund Sterling") and ten more such, 773 pairs
of reports in one topic with no rate in common (read off their whole texts); with the rate
174, the 3 pairs of one day's reports still together, dev and val unchanged. Read off the whole
text (not the lead) it would be 76, but 27 market reports then joined news stories instead of 17
("Boris Johnson", "Austritt aus Union"): the lead it is. The rest of those themes stays: reports
that quote no rate in their lead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import islice
from typing import TYPE_CHECKING

from briefing.lexicon import ORDINAL_STEMS, SEQUENCE_NOUNS, alternation

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

# The title and this many sentences of the article state its own event.
LEAD_SENTENCES = 5

# a result: "2:1", "6:3, 6:4", "(1:0)"; not a time of day ("20:15 Uhr", "um 14:30"), not a
# duration ("4:57 Stunden")
_SCORE = re.compile(
    r"(?<![\d:.,])(?<!um )(?<!ab )(?<!bis )(\d{1,3}):(\d{1,3})(?![\d:,])"
    r"(?!\s*(?:Uhr|Stunden|Std\b|h\b))"
)
# a race time: "2:32:43", "1:56,86"
_TIME = re.compile(r"(?<![\d:.,])\d{1,2}:\d\d(?::\d\d|,\d{1,3})(?![\d:])")
# points: "11 715 Punkte", "12.345,67 Punkten", "7 Zähler" (index levels kept, see below)
_POINTS = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:[ .\u202f]\d{3})*(?:,\d+)?)\s+(?:Punkte|Punkten|Zähler)\b"
)
# a stage of a series, each an event of its own: "die 14. Etappe", "der vierten
# Tour-de-France-Etappe", "am 5. Spieltag", "im zweiten Wahlgang" (lexicon ordinal_nouns.txt,
# tag "sequence")
_STAGE = re.compile(
    r"(?<![\d.])(?:(?P<number>\d{1,2})\."
    rf"|(?i:(?P<word>{alternation(ORDINAL_STEMS)})(?:e[mnrs]?)))"
    rf"\s+(?:[\w]+-)*(?:{alternation(SEQUENCE_NOUNS)})\b"
)
# an exchange rate, quoted to four decimals: "1,1023 Dollar", "auf 0,9823 Franken", "6,5407
# Lira" (a price has two: "63,16 Dollar" for a barrel)
_RATE = re.compile(r"(?<![\d.,])\d{1,3},\d{4}(?=\s+(?:US-)?[A-ZÄÖÜ])")
_DIGIT_COLON = re.compile(r"\d:\d")
_SEPARATORS = re.compile(r"[ .\u202f]")

# An index level has this many digits before the comma at least (the Dax, the Dow, the Euro
# Stoxx 50); fewer points are a standing ("74 Punkte Vorsprung"), which one race changes.
INDEX_DIGITS = 4

Results = dict[str, frozenset[str]]


def results(text: str) -> Results:
    """The results ``text`` states, by kind ("score", "time", "points": an index level,
    "stage": the number of a series' stage, "die 14. Etappe", "rate": an exchange rate). A
    score is written larger side first ("12:13" and "13:12" are one final set); a tennis
    game's points ("30:40") are no result."""
    found: dict[str, set[str]] = {}
    if _DIGIT_COLON.search(text):
        for match in _TIME.finditer(text):
            found.setdefault("time", set()).add(match.group(0))
        for a, b in _SCORE.findall(text):
            low, high = sorted((int(a), int(b)))
            if high in (15, 30, 40) and low in (0, 15, 30, 40):
                continue
            found.setdefault("score", set()).add(f"{high}:{low}")
    # (most texts name no stage: a look for the nouns first, or the pattern is tried at every
    # position of every lead, five times the cost of the other kinds together)
    stages = _STAGE.finditer(text) if any(noun in text for noun in SEQUENCE_NOUNS) else ()
    for match in stages:
        number = match.group("number") or str(ORDINAL_STEMS[match.group("word").casefold()])
        found.setdefault("stage", set()).add(number)
    if "," in text:
        for rate in _RATE.findall(text):
            found.setdefault("rate", set()).add(rate)
    if "Punkte" in text or "Zähler" in text:
        for value in _POINTS.findall(text):
            level = _SEPARATORS.sub("", value)
            if len(level.split(",")[0]) >= INDEX_DIGITS:
                found.setdefault("points", set()).add(level)
    return {kind: frozenset(values) for kind, values in found.items()}


def lead_results(title: str, sentences: Iterable[str]) -> Results:
    """The results of an article's title and its first ``LEAD_SENTENCES`` sentences."""
    return results(" ".join([title, *islice(sentences, LEAD_SENTENCES)]))


def conflict(a: Results, b: Results) -> bool:
    """Both state a result of one kind and they share none (of any kind)."""
    kinds = a.keys() & b.keys()
    return bool(kinds) and not any(a[kind] & b[kind] for kind in kinds)


def conflicting_pairs(
    found: Sequence[Results], vectors: csr_matrix, floor: float
) -> list[tuple[int, int]]:
    """The pairs of rows (lower first) whose results conflict, among those whose cosine
    (rows of L2-normalised ``vectors``) reaches ``floor``: only those could merge."""
    import numpy as np

    stating = np.flatnonzero(np.array([bool(r) for r in found], dtype=bool))
    if len(stating) < 2:
        return []
    rows = vectors[stating]
    similar = (rows @ rows.T).tocoo()
    pairs = []
    for i, j, value in zip(similar.row.tolist(), similar.col.tolist(), similar.data.tolist()):
        if i < j and value >= floor:
            a, b = int(stating[i]), int(stating[j])
            if conflict(found[a], found[b]):
                pairs.append((a, b))
    return pairs
