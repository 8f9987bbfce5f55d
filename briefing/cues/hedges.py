"""Hedges: what marks a sentence's claim as unconfirmed, disputed, denied or guessed.

Takes one sentence; gives how plainly it marks its claim as unconfirmed or disputed
(``hedge_strength``), whether it denies something (``is_denial``), whether it is a reporter's
guess or hearsay (``speculative``) or an accusation passed on (``accused``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from briefing.cues.quotes import QUOTED
from briefing.lexicon import (
    APPEAL_NOUNS,
    CONTEST_NOUNS,
    GUESS_WORDS,
    GUESS_WORDS_EITHER_CASE,
    alternation,
    either_case,
)

# Cues by which the sources mark a statement as unconfirmed or disputed, with a weight:
# a denial or accusation outweighs a bare attribution ("nach Angaben aus ..."); and for some
# a veto, words that give the cue word another sense ("bestreitet nicht", "ein Spiel
# bestritten", "die Berufung wurde zurückgewiesen").
_I = re.IGNORECASE

# the past participle of hearsay "soll": lower case (not "Chancen haben"), not "zu haben"
_PARTICIPLE = r"(?<!\bzu )\b[a-zäöüß][\w-]*(?:t|en)\s+(?:worden\s+)?(?:haben|sein)\b"

# "soll" with a date ahead or "künftig" is a plan even when a participle follows
# ("soll bis 2025 abgeschlossen sein")
_PLANNED = re.compile(
    r"\b(?:bis|ab|spätestens|künftig|kommende[nmrs]?|nächste[nmrs]?|in Zukunft)\b"
    r"(?:\s+(?:(?:19|20)\d\d|Ende|Anfang|Mitte|Jahr|Woche|Monat))?",
    _I,
)

_ASKED = r"\b(?:ob|wer|wie|was|warum|weshalb|wann|wo|welche[nrms]?)\b"

_PAST = r"(?:hat|hatte|haben|hatten|war|waren|wurde|wurden|ist|sind|gewesen)"

_UNKNOWN = r"(?:unklar|ungeklärt|offen|nicht bekannt|unbekannt)\b"

HEDGE_CUES: list[tuple[re.Pattern[str], float, re.Pattern[str] | None]] = [
    (
        re.compile(r"\b(?:bestritten|bestreite[nt]?|bestritt(?:en)?)\b", _I),
        1.0,
        # not denied ("bestreitet nicht", "niemand bestreitet"), or played, or paid for
        re.compile(
            r"\b(?:bestreite[nt]?|bestritt(?:en)?)\s+(?:\w+\s+)?nicht\b|\bnicht\s+bestritten\b|"
            rf"\bniemand\b[^,.]*\bbestreit|\b(?:{alternation(CONTEST_NOUNS)})\b",
            _I,
        ),
    ),
    (re.compile(r"\bdementier\w*|\bdementi\b", _I), 1.0, None),
    (
        re.compile(r"\bzurückgewiesen\b|\bweis(?:t|en) (?:\w+ ){0,6}zurück\b", _I),
        1.0,
        # a court or an authority turning down a request is no denial
        re.compile(
            rf"\b(?:{alternation(APPEAL_NOUNS)})\w*\b",
            _I,
        ),
    ),
    (re.compile(r"\b(?:nie|nicht) (?:\w+ )?(?:zugegeben|eingeräumt|bestätigt)\b", _I), 1.0, None),
    (re.compile(r"\bunbestätigt\w*|\bnicht unabhängig (?:überprüf|bestätig)\w*", _I), 1.0, None),
    (re.compile(r"\bumstritten\w*", _I), 0.9, None),
    (
        re.compile(r"\bvorgeworfen\b|\bVorw(?:urf|ürfe)\w*", _I),
        0.9,
        re.compile(r"\bkeinen Vorwurf\b", _I),
    ),
    (re.compile(r"\bmutma(?:ß|ss)lich\w*|\bangeblich\w*", _I), 0.8, None),
    (
        re.compile(r"\bvermute[nt]?\b|\bvermutet\b|\bvermutlich\b", _I),
        0.8,
        # a guess inside a hypothetical ("hätte sich vermutlich niemand erkundigt"), or a
        # guess the sentence settles ("ist nicht die Kameraoptik, wie viele vermutet haben",
        # "länger als vermutet"), or where one would expect someone ("Doch wo man Mr. Johnson
        # vermuten würde, steht nur ein leeres Rednerpult")
        re.compile(
            r"\b(?:hätte|hätten|wäre|wären)\b|\b(?:[Ww]ie|als)\s+(?:\w+\s+){0,2}vermutet\b"
            r"|\b[Ww]o\s+man\s+(?:\S+\s+){0,4}vermuten\s+(?:würde|könnte)\b"
            # ... or a comparison ("noch spannender, als es das Ergebnis vermuten lässt")
            r"|\b(?:[Ww]ie|als)\s+(?:\S+\s+){0,4}vermuten\s+(?:lässt|ließ|ließe|lassen|ließen"
            r"|würde|könnte)\b"
        ),
    ),
    # an open question about what happened ("Ob er teilgenommen hatte, ist unklar"), not
    # about what will happen ("Noch ist unklar, ob genügend Abgeordnete mitstimmen werden")
    (
        re.compile(
            rf"^{_ASKED}[^,.;:]*,\s*(?:ist|war|bleibt|blieb)\s+(?:\w+\s+){{0,2}}{_UNKNOWN}|"
            rf"{_UNKNOWN}\s*,\s*{_ASKED}[^,.;:]*\b{_PAST}\s*[,.;:]|"
            r"\b(?:Ursache|Ursachen|Hintergründe|Hintergrund|Motiv|Motive|Umstände|Identität|"
            r"Herkunft|Täter|Urheber)\b[^.;:]*\b(?:ist|sei|war|bleibt|blieb|sind|seien|waren)\s+"
            rf"(?:\w+\s+){{0,2}}{_UNKNOWN}",
            _I,
        ),
        0.6,
        # what will happen is open, not unconfirmed ("Ob genügend Abgeordnete mitstimmen
        # werden, ist unklar")
        re.compile(r"\b(?:wird|werden|will|wollen|soll|sollen|kann|können|darf|dürfen|muss)\b"),
    ),
    (
        re.compile(
            r"\b(?:den )?Berichten zufolge\b|\bnach (?:westlichen |eigenen )?(?:Erkenntnissen|Berichten)\b",
            _I,
        ),
        0.7,
        None,
    ),
    # hearsay "soll": "sollen ... vereinbart worden sein", "soll ... gesagt haben",
    # "die ... verantwortlich gewesen sein sollen", "soll es sich um ... handeln";
    # not a plan or an obligation ("soll 2025 eröffnet werden", "sollen gleiche Chancen haben")
    (
        re.compile(
            rf"\b[Ss]oll(?:en)?\b(?:(?!\s[-–—]\s)(?:[^.;:,]|(?<=\b[A-Z])\.|,\s(?=sondern|aber|und|oder)))*?"
            rf"{_PARTICIPLE}|{_PARTICIPLE}\s+soll(?:en)?\b|"
            r"\bsoll(?:en)? (?:es )?sich (?:dabei )?um\b[^.;:]*\bhandeln\b"
        ),
        0.8,
        _PLANNED,
    ),
    # what something is said to be able to do ("Die Uhr soll auch den Blutdruck messen können")
    (
        re.compile(r"\b[Ss]oll(?:en)?\b[^.;:,]*?\b[a-zäöüß]\w*en\s+können\b(?<!werden können)"),
        0.7,
        _PLANNED,
    ),
    # one side's word, not an authority's figure ("nach Angaben der Erdbebenwarte")
    (
        re.compile(
            r"\bnach Angaben aus\b|\baus \w*(?:kreisen|Kreisen)\b|\bwar (?:\w+ ){1,4}zu hören\b",
            _I,
        ),
        0.5,
        None,
    ),
]


# For each cue of HEDGE_CUES (same order), words one of which every match holds, case-folded:
# a sentence without any of them is not searched with the cue's pattern (the searches from
# every position of every sentence took most of the claims section's time).
_CUE_WORDS: list[tuple[str, ...]] = [
    ("bestrit", "bestreit"),
    ("dementi",),
    ("zurück",),
    ("zugegeben", "eingeräumt", "bestätigt"),
    ("unbestätigt", "nicht unabhängig"),
    ("umstritten",),
    ("vorgeworfen", "vorw"),
    ("mutma", "angeblich"),
    ("vermut",),
    ("unklar", "ungeklärt", "offen", "bekannt"),
    ("berichten", "erkenntnissen"),
    ("soll",),
    ("soll",),
    ("nach angaben aus", "kreisen", "zu hören"),
]
assert len(_CUE_WORDS) == len(HEDGE_CUES)


@lru_cache(maxsize=1 << 16)
def hedge_strength(text: str) -> float:
    """How plainly a sentence marks its claim as unconfirmed or disputed (0 = not at all)."""
    strongest = 0.0
    folded = text.casefold()
    for (pattern, weight, veto), hints in zip(HEDGE_CUES, _CUE_WORDS):
        if weight <= strongest or not any(hint in folded for hint in hints):
            continue
        match = pattern.search(text)
        if match is None:
            continue
        # a plan is told by the "soll" clause itself, and only a state ahead ("soll bis 2025
        # abgeschlossen sein"): "soll von 2007 bis 2015 ... gewaschen haben" is hearsay
        if veto is _PLANNED:
            said = match.group(0)
            planned = said.rstrip().endswith("sein") or "können" in said
            if (
                planned
                and not re.search(r"\bworden sein$|\bgewesen sein$", said)
                and veto.search(said)
            ):
                continue
            strongest = weight
            continue
        if veto is None or not veto.search(text):
            strongest = weight
    return strongest


# Words that deny: the sentence answers a claim made before it.
_DENIAL = re.compile(
    r"\b(?:bestritten|bestreite[nt]?|bestritt(?:en)?|dementier\w*|dementi|zurückgewiesen|"
    r"zurückweis\w*|weis(?:t|en) (?:\w+ ){0,6}zurück|wies(?:en)? (?:\w+ ){0,6}zurück)\b",
    re.IGNORECASE,
)


def is_denial(text: str) -> bool:
    """A sentence that denies or rejects something (and is not a court dismissing an appeal)."""
    return _DENIAL.search(text) is not None and hedge_strength(text) >= 1.0


# the guess words, those that may open a sentence also with a capital ("Vermutlich ...")
_GUESSES = [
    either_case([word]) if word in GUESS_WORDS_EITHER_CASE else alternation([word])
    for word in GUESS_WORDS
]
# A guess or hearsay rather than a reported fact ("dürfte es vor allem um Waffen gehen",
# "ein möglicher Vertrag", "Es wird erwartet, dass", "sollen ... vereinbart worden sein"):
# reports of what happened come first (hearsay has its section, "Unbestätigt und umstritten").
_SPECULATION = re.compile(
    rf"\b(?:{'|'.join(_GUESSES)}|"
    r"[Ee]s wird erwartet|wird erwartet|werden erwartet|erwartet,? dass|"
    r"(?:nehmen|nimmt) an,? dass|vermuten|vermutet)\b"
    # hearsay, not a plan: "sollen ... vereinbart worden sein" (a plan, "soll am Donnerstag
    # beginnen", is what a strike report leads with)
    r"|\b[Ss]oll(?:en|te|ten)?\b[^.;:]*?\b(?:worden sein|gewesen sein|haben|sein)\b"
    # hearsay passed on ("Südkoreanischen Quellen zufolge", "Medienberichten zufolge") and
    # what would happen if ("Offizielle Rüstungsabkommen ... würden die Resolutionen verletzen")
    r"|\b(?:Quellen|Berichten|Medienberichten|Informationen|Kreisen)\s+zufolge\b"
    r"|\b(?:würde|würden|wäre|wären)\b"
)

# An accusation the sources pass on ("Pjöngjang wird vorgeworfen, Russland ... zu unterstützen"):
# a claim, which "Unbestätigt und umstritten" shows; a subtopic offers what the reports state
# first ("Russland brauche Nordkoreas Waffenlieferungen - Nordkorea seinerseits ...").
_ACCUSED = re.compile(r"\b(?:wird|werden|wurde|wurden) (?:[\w-]+ ){0,3}vorgeworfen\b")


def accused(text: str) -> bool:
    """True for an accusation passed on ("X wird vorgeworfen, ..."), a claim not a report."""
    return _ACCUSED.search(text) is not None


@lru_cache(maxsize=1 << 16)  # the features, the scores and the subtopic picker ask it again
def speculative(text: str) -> bool:
    """True for a reporter's guess or hearsay ("dürfte", "ein möglicher Vertrag", "sollen ...
    vereinbart worden sein"); a speaker's "könnte" inside quotes is the speaker's."""
    return bool(_SPECULATION.search(QUOTED.sub(" ", text)))
