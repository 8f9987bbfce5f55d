"""Abweichende Angaben: where the outlets' versions of one statement differ in a number, a date
or a name, each version verbatim with its own sources.

Takes a topic's sentence groups and its citations; gives its discrepancies (``find_discrepancies``):
versions of one merged statement that differ ("mit einem Verlust von 3,7 Prozent" / "mit
kräftigen Abschlägen"), and differently worded sentences of different articles that say the
same but count it differently ("mindestens 112 Menschen verletzt" / "Mindestens 145 Menschen
wurden ... verletzt").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from briefing.cues.figures import differences, frame, has_figure, recounted, tokens
from briefing.cues.standalone import points_back
from briefing.lexicon import (
    ARTICLES,
    DETERMINERS,
    PREPOSITIONS,
    WEEKDAY_NAMES,
    alternation,
    german_stop_words,
)
from briefing.models import Discrepancy, SentenceGroup, Variant, id_number
from briefing.summary import Citations
from briefing.text.verbatim import fold

MAX_DISCREPANCIES = 5

# Two differently worded sentences say the same when their content words without figures are
# nearly the same: as many shared, and most of each (the edited-copy test of grouping).
MIN_SHARED = 4
SHARED_OF_SMALLER = 0.8
SHARED_OF_LARGER = 0.6

# A statement given three or more ways is a figure that changes between reports (a daily index,
# a price, a count that grows): outlets that tell one event differently rarely make three.
MAX_VERSIONS = 2

# A frame word in more candidate sentences than this share is the story's name, not a clue.
COMMON_SHARE = 0.2

# Contractions of a preposition and an article ("im Weißen Haus"): a noun follows them.
_CONTRACTIONS = frozenset({"im", "am", "vom", "zum", "zur", "beim", "ins", "ans", "aufs"})
_ARTICLE_LIKE = ARTICLES | DETERMINERS | PREPOSITIONS | _CONTRACTIONS
# adjective endings ("kräftigen Abschlägen"); verbs of saying before a name end in -te
_INFLECTED = ("en", "em", "er", "es")
MIN_NAME_USES = 2
# a whole word as the name cue looks it up: what stands between marks other than a hyphen
_WORD = re.compile(r"[\w-]+")
_WEEKDAY = re.compile(rf"\b(?:{alternation(d.capitalize() for d in WEEKDAY_NAMES)})\b")


def find_discrepancies(
    groups: list[SentenceGroup],
    citations: Citations,
    printed: set[int] | None = None,
    limit: int = MAX_DISCREPANCIES,
) -> list[Discrepancy]:
    """The story's versions that differ in a number, a date or a name, up to ``limit``.

    Those touching a printed statement (``printed``: ids of the groups the sections show)
    come first, then the best-scoring; a version stands in one discrepancy only. Versions
    from articles of different known dates, and a statement given more than two ways, are
    left out: the figure may have changed between the reports. Listed in reading order.
    """
    printed = printed or set()
    names = _NameCue(citations)
    dates = {a.id: a.date for a in citations.articles}
    found: list[tuple[tuple[bool, float], tuple[int, int], Discrepancy]] = []
    for involved, discrepancy in _merged(
        [*_within_groups(groups, citations, names), *_across_groups(groups, citations)]
    ):
        days = {dates.get(s) for v in discrepancy.variants for s in v.sources}
        dated = None not in days  # (every source's date known)
        weekdays = _weekdays(discrepancy.variants)
        if dated and len(days) > 1 or _different_weekdays(weekdays):
            continue  # reports of different days: the figure may have changed between them
        if (
            _opposite_moves(discrepancy.variants)
            or _two_days(discrepancy.variants)
            or _market_quotes(discrepancy.variants)
            and not (dated and len(days) == 1 or _one_weekday(weekdays))
        ):
            continue  # "stieg um 1,1 Prozent" / "fiel um 0,9 Prozent": two days' markets
        if any(points_back(v.text) for v in discrepancy.variants):
            continue  # "Sie kommen auf 22,7 Prozent": who? Versions side by side need a subject
        rank = (any(id(g) in printed for g in involved), max(g.score for g in involved))
        first = min(g.first_seen for g in involved)
        found.append((rank, first, discrepancy))
    found.sort(key=lambda f: (not f[0][0], -f[0][1], f[1]))
    return [d for _, _, d in sorted(found[:limit], key=lambda f: f[1])]


# a price, rate or index that went up, or down: versions of one statement move the same way
# (a separable verb's particle up to 60 characters on: "zog das Pfund um 0,2 Prozent auf
# 1,1595 Euro an")
_UP = re.compile(
    r"\b(?:stieg|steigt|stiegen|gestiegen|verteuerte|verteuert|kletterte|klettert|gewann|"
    r"gewinnt|legte\b.{0,60}\bzu|zog\b.{0,60}\ban|zogen\b.{0,60}\ban)\b"
)
_DOWN = re.compile(
    r"\b(?:fiel|fällt|fielen|gefallen|sank|sinkt|sanken|gesunken|verbilligte|verbilligt|"
    r"verlor|verliert|büßte|rutschte|gab\b.{0,60}\bnach|gaben\b.{0,60}\bnach)\b"
)


def _opposite_moves(variants: list[Variant]) -> bool:
    """One version says its figure went up, another that it went down ("Im Abendhandel stieg
    die Notierung für ein Barrel der Sorte Brent um 1,1 Prozent" / "Die Notierung für ein
    Barrel der amerikanischen Sorte WTI fiel um 0,9 Prozent"): reports of other days or
    other things, which a topic of market reports holds many of, not one statement told two
    ways."""
    moves = [(bool(_UP.search(v.text)), bool(_DOWN.search(v.text))) for v in variants]
    return any(up and not down for up, down in moves) and any(
        down and not up for up, down in moves
    )


# a market's price, rate or level as a report of the moment gives it: "verteuerte sich um 0,3
# Prozent auf 1,2898 Dollar", "kostete am Nachmittag 61,38 US-Dollar", "stieg um 1,1 Zähler
# auf 45,4 Punkte", "auf ein Tageshoch von 1,1224 Euro" (not "auf 3 Millionen Euro")
_QUOTE = re.compile(
    r"\b(?:auf|bei|von|kostete\b.{0,40}?) (?:minus |gut |knapp |rund |etwa |fast )?"
    r"\d[\d.,]*(?: \d{3})* (?:US-)?(?:Dollar|Euro|Franken|Pfund|Yen|Punkte|Punkten|Zähler)\b"
)


def _market_quotes(variants: list[Variant]) -> bool:
    """Every version quotes a market after a move ("Die britische Währung verteuerte sich um
    0,3 Prozent auf 1,2898 Dollar" / "stieg um 0,3 Prozent auf 1,2912 Dollar") or at a price
    ("kostete"): unless the reports are of one day (dated alike, or naming the same weekday),
    a quote of another hour or day, not one statement told two ways. (The corpus' briefing,
    its texts undated, listed 14 of its 33 discrepancies so: currencies, oil, metals, index
    levels, of reports of different days or hours.)"""
    return all(
        _QUOTE.search(v.text)
        and ("kostete" in v.text or _UP.search(v.text) or _DOWN.search(v.text))
        for v in variants
    )


_DAY_BEFORE = re.compile(r"\b(?:am|vom) (?:Vortag|Vorabend)\b")


def _two_days(variants: list[Variant]) -> bool:
    """Each version gives the day before's figure, and they share none: "kostete 1,1219 Dollar,
    nach 1,1284 Dollar am Vorabend" / "kostete 1,1110 Dollar nach 1,1098 Dollar am Vortag"
    (a day's figure and the one before it, of two different days)."""
    if not all(_DAY_BEFORE.search(v.text) for v in variants):
        return False
    figures = [set(_signature(v.text)[0]) for v in variants]  # (their numbers, as read)
    return not set.intersection(*figures)


def _weekdays(variants: list[Variant]) -> list[frozenset[str]]:
    """The weekdays each version names."""
    return [frozenset(_WEEKDAY.findall(v.text)) for v in variants]


def _one_weekday(named: list[frozenset[str]]) -> bool:
    """Every version names the same weekday, and only it (``named``: ``_weekdays``): reports
    of one day."""
    return len(set(named)) == 1 and len(named[0]) == 1


def _different_weekdays(named: list[frozenset[str]]) -> bool:
    """Versions that each name a weekday (``named``: ``_weekdays``), not the same one: reports
    of different days ("Der Euro ist am Mittwoch leicht gestiegen" / "am Donnerstag"), as
    articles of different dates."""
    return all(named) and len(set(named)) > 1


def _within_groups(
    groups: list[SentenceGroup], citations: Citations, names: _NameCue
) -> Iterator[tuple[list[SentenceGroup], list[Variant], list[tuple[str, str]]]]:
    """Merged statements whose versions differ: (group, its differing versions, the spans)."""
    for group in groups:
        if len({s.article_id for s in group.occurrences}) < 2:
            continue
        wordings = {fold(s.text) for s in group.occurrences}
        if len(wordings) < 2 or len({_signature(w) for w in wordings}) < 2:
            continue  # the same figures, dates and capitalised words in every wording
        sources, variants = citations.cite(group.text, group.occurrences)
        versions = [Variant(group.text, sources), *variants]
        spans: list[tuple[str, str]] = []
        differing: list[Variant] = []
        for i, first in enumerate(versions):
            for second in versions[i + 1 :]:
                found = differences(first.text, second.text, names)
                if found:
                    spans += found
                    differing += [v for v in (first, second) if v not in differing]
        differing = _one_per_difference(differing, spans)
        if len(differing) > 1:
            yield [group], differing, spans


def _signature(text: str) -> tuple:
    """What a comparison can find different: figures, dates and capitalised words."""
    found = tokens(text)
    return (
        tuple(sorted(t.value for t in found if t.kind == "number")),
        tuple(sorted(t.norm for t in found if t.kind != "word")),
        tuple(sorted(t.norm for t in found if t.kind == "word" and t.text[:1].isupper())),
    )


def _one_per_difference(versions: list[Variant], spans: list[tuple[str, str]]) -> list[Variant]:
    """One version per way of saying what differs: two outlets that give the same figure in
    other words do not differ; the version with more sources (then the first) speaks for them."""
    differing = {s for pair in spans for s in pair if s}
    best: dict[frozenset[str], Variant] = {}
    for version in versions:
        key = frozenset(s for s in differing if s in version.text)
        if key not in best or len(version.sources) > len(best[key].sources):
            best[key] = version
    return [v for v in versions if v in best.values()]


def _across_groups(
    groups: list[SentenceGroup], citations: Citations
) -> Iterator[tuple[list[SentenceGroup], list[Variant], list[tuple[str, str]]]]:
    """Differently worded sentences of different articles that count the same thing apart."""
    candidates = [g for g in groups if has_figure(g.text)]
    if len(candidates) < 2:
        return
    frames = [frame(g.text) for g in candidates]
    counts: Counter[str] = Counter(w for f in frames for w in f)
    common = max(COMMON_SHARE * len(candidates), 3)
    postings: dict[str, list[int]] = {}
    for index, words in enumerate(frames):
        shared: Counter[int] = Counter()
        clues = [w for w in words if counts[w] <= common]
        for word in clues:
            shared.update(postings.get(word, ()))
            postings.setdefault(word, []).append(index)
        for other, count in shared.items():
            if count < MIN_SHARED - 1:
                continue
            a, b = candidates[other], candidates[index]
            if not _alike(frames[other], words):
                continue
            if {s.article_id for s in a.occurrences} & {s.article_id for s in b.occurrences}:
                continue  # one article telling two things, or updating itself
            found = recounted(a.text, b.text)
            if found:
                versions = [Variant(g.text, citations.sources(g.text)) for g in (a, b)]
                yield [a, b], versions, found


def _alike(first: frozenset[str], second: frozenset[str]) -> bool:
    shared = len(first & second)
    small, large = sorted((len(first), len(second)))
    return (
        shared >= MIN_SHARED
        and shared >= SHARED_OF_SMALLER * small
        and shared >= SHARED_OF_LARGER * large
    )


def _merged(
    found: list[tuple[list[SentenceGroup], list[Variant], list[tuple[str, str]]]],
) -> Iterator[tuple[list[SentenceGroup], Discrepancy]]:
    """The findings with a version in common merged, so that each version is listed once."""
    merged: list[tuple[list[SentenceGroup], list[Variant], list[tuple[str, str]]]] = []
    for groups, versions, spans in found:
        texts = {fold(v.text) for v in versions}
        home = next(
            (m for m in merged
             if texts & {fold(v.text) for v in m[1]} or any(g in m[0] for g in groups)),
            None,
        )
        if home is None:
            merged.append((list(groups), list(versions), list(spans)))
            continue
        home[0].extend(g for g in groups if g not in home[0])
        known = {fold(v.text) for v in home[1]}
        home[1].extend(v for v in versions if fold(v.text) not in known)
        home[2].extend(spans)
    for groups, versions, spans in merged:
        if len(versions) > MAX_VERSIONS:
            continue  # a figure that changes from report to report (an index, a price)
        versions.sort(key=lambda v: min((id_number(s) for s in v.sources), default=0))
        differs: list[str] = []
        for pair in spans:
            differs += [s for s in pair if s and s not in differs]
        # in the order of the versions that say them ("112" of [1] before "145" of [2])
        differs.sort(key=lambda s: next(
            (i for i, v in enumerate(versions) if s in v.text), len(versions)))
        yield groups, Discrepancy(versions, differs)


class _NameCue:
    """Whether a capitalised word is a name, by how the topic's articles use it: a noun comes
    after an article, a determiner, a preposition, a number or an inflected adjective ("der
    Premier", "in Serie", "im ersten Jahr"), a name hardly ever; and a name recurs."""

    def __init__(self, citations: Citations) -> None:
        self.citations = citations
        self.known: dict[str, bool] = {}
        self._places: dict[str, list[tuple[str, int]]] | None = None

    def __call__(self, word: str) -> bool:
        if word not in self.known:
            self.known[word] = self._is_name(word)
        return self.known[word]

    def _uses(self, word: str) -> Iterator[tuple[str, int]]:
        """Where ``word`` stands as a whole word in the articles: (folded text, offset)."""
        if _WORD.fullmatch(word) is None:  # (a mark of another kind in it: "U.S.")
            pattern = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])")
            for body in self.citations.folded_texts():
                yield from ((body, match.start()) for match in pattern.finditer(body))
            return
        if self._places is None:  # every word's places at once: one pass over the texts
            self._places = {}
            for body in self.citations.folded_texts():
                for match in _WORD.finditer(body):
                    self._places.setdefault(match.group(), []).append((body, match.start()))
        yield from self._places.get(word, ())

    def _is_name(self, word: str) -> bool:
        if word.casefold() in german_stop_words():
            return False
        uses = after_article = 0
        for body, start in self._uses(word):
            uses += 1
            before = body[max(0, start - 20) : start].split()
            word_before = before[-1] if before else ""
            previous = word_before.casefold()
            after_article += previous in _ARTICLE_LIKE or previous[:1].isdigit() or (
                word_before.isalpha() and word_before.islower()
                and previous.endswith(_INFLECTED)
            )
        return uses >= MIN_NAME_USES and after_article == 0
