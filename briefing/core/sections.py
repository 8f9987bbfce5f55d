"""The briefing's sections beside the summary: direct quotes, open claims and a timeline."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from briefing.core.models import Article, Quote, SummaryItem, TimelineEntry, Topic
from briefing.core.sentences import article_sentences, words

if TYPE_CHECKING:
    from briefing.core.summarize import SentenceGroup, Similarity, Weights

MAX_QUOTES = 5
MAX_CLAIMS = 5
MAX_TIMELINE = 5

# --- quotes -------------------------------------------------------------------------------

_OPEN = '«„“"‚‹'
_CLOSE = '»“”"‘›'
_QUOTE_SPAN = re.compile(r"[«„“\"‹]([^«»„“”\"‹›]+)[»“”\"›]")
_SPEECH_VERBS = (
    r"sagte|sagt|sagten|schrieb|schreibt|erklärte|erklärt|betonte|betont|meinte|meint|warnte|"
    r"warnt|fügte|ergänzte|kritisierte|forderte|bekräftigte|versicherte|unterstrich|mahnte|"
    r"räumte|bestätigte|berichtete|berichtet|twitterte|schrieben|erklärten"
)
# words that end the speaker's name: where, when, to whom, through whom the words went
_SPEAKER_END = (
    r"laut|zufolge|am|an|im|in|bei|beim|gegenüber|mit|weiter|auf|nach|vor|vom|dem|den|der|unter|"
    r"zum|zur|zu|über|aus|während|bereits|nun|jetzt|dazu|zudem|außerdem|ausserdem|dann|"
    r"später|kürzlich|gestern|heute|damals|einst|noch|erneut|auch|dabei|danach|hinterher|"
    r"zuletzt|schon|wenige|kurz|ebenfalls|sichtlich|sein|seine|seinen|seinem|seiner|ihre|ihren|"
    r"ihrem|ihrer|das|die|ein|eine|einen|einem|einer"
)
# a capitalised word, or an age used as a name ("der 19-Jährige")
_NAME_WORD = r"(?:[A-ZÄÖÜ][\w'’.-]*|\d+-[A-ZÄÖÜ][\w'’.-]*)"
# a word inside a speaker's description: a name word, an inflected adjective ("der
# haushaltspolitische Sprecher") or a word of a genitive chain; a finite verb ends it
_SPEAKER_WORD = (
    rf"(?:{_NAME_WORD}|(?!(?:sein|ihr|unser|euer|mein|dein)\w*\b)[a-zäöüß][\w'’-]*(?:e|en|er|es|em)|"
    r"des|von|de|van|al)"
)
# adverbs between the verb and the speaker ("sagte damals der Sprecher")
_ADVERB_WORDS = (
    r"damals|dazu|später|zuvor|nun|jetzt|zudem|außerdem|auch|dann|gestern|heute|erneut|noch|"
    r"daher"
)
_ADVERBS = rf"(?:(?:{_ADVERB_WORDS})\s+)*"
_SPEAKER = (
    rf"(?P<speaker>(?:(?:der|die|das|ein|eine|des|sein|seine|ihr|ihre)\s+)?"
    rf"(?:(?!(?:{_SPEAKER_END})\b){_SPEAKER_WORD}\s+){{0,5}}?{_NAME_WORD})"
    rf"(?=\s*(?:[,.:;»“”\"(]|\s(?:{_SPEAKER_END})\b|$))"
    rf"(?:,\s+(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}}),)?"
)
# "so" names a speaker only right after a quote or comma (", so Dolzikowa"), not "Nur so könne"
_AFTER_VERB = re.compile(
    rf"(?:(?:^|[,»“”\"]\s*|\s)(?:{_SPEECH_VERBS})|[,»“”\"]\s*so)\s+{_ADVERBS}{_SPEAKER}"
)
# right after a quote and its comma any verb introduces the speaker ("…", erzählt Dreyer),
# except one by which someone hears, reads or passes on another's words
_NOT_SPEAKING = (
    r"hörte|hört|hörten|las|liest|zitierte|zitiert|zitierten|hieß|heißt|steht|stand|lautet|"
    r"lautete|und|oder|aber|wie|als|dass|weil|wenn|ob"
)
_AFTER_QUOTE = re.compile(
    rf"\"\s*,\s*(?!(?:{_NOT_SPEAKING})\b)[a-zäöüß]+\s+(?:sich\s+)?{_ADVERBS}{_SPEAKER}"
)
_BEFORE_VERB = re.compile(
    rf"^(?P<speaker>(?:{_NAME_WORD}\s+){{0,3}}{_NAME_WORD})\s+(?:{_SPEECH_VERBS}|bezeichnete|"
    rf"sprach|nannte)\b"
)
# a name anywhere before a speech verb that opens a quote ("dessen Vorsitzender Jens Gnisa
# sagt: "…", "Senatorin Ramona Pop (Grüne) twitterte: "…")
_BEFORE_COLON = re.compile(
    rf"(?P<speaker>(?:{_NAME_WORD}\s+){{0,3}}{_NAME_WORD})(?:\s+\([^)]{{1,40}}\))?\s+"
    rf"(?:{_SPEECH_VERBS}|beschwichtigte|kommentierte)(?:\s+(?:{_ADVERB_WORDS}|weiter))?\s*:\s*[«„“\"]"
)
_PLACE_BEFORE = re.compile(r"\b(?:in|aus|im|nach)\s+$")
_ARTICLE = re.compile(
    r"^(?:der|die|das|ein|eine|des|sein|seine|ihr|ihre|unser|unsere)\s+", re.IGNORECASE
)
_PRONOUN_WORDS = """er sie es man wir ich ihr sich dieser diese dies jener sein seine seinen
    seiner seinem ihre ihren ihrer ihrem unser unsere unseren mein meine meinen"""
_PRONOUNS = frozenset(_PRONOUN_WORDS.split())
# capitalised at the start of a sentence, but no name: "Zudem sagte er", "Weiter schreibt er"
_OPENER_WORDS = """zudem weiter dazu dann auch nun jetzt später zuvor dieser diese dies das
    doch aber und außerdem ausserdem ebenso daraufhin zuletzt damals heute gestern so da hier
    dort darauf darin dabei trotzdem deshalb daher allerdings schließlich immerhin erneut
    bereits schon noch zugleich gleichzeitig anschließend danach vorher inzwischen mittlerweile
    ebenfalls wörtlich"""
_OPENERS = frozenset(_OPENER_WORDS.split())
# a medium the words were said to: "sagte der Süddeutschen Zeitung" is dative, no speaker
_MEDIUM = re.compile(
    r"^(?i:der)\s+(?:[\w-]+\s+){0,3}?(?:Zeitung|[\w-]*[Zz]eitung|Nachrichtenagentur|Agentur|"
    r"Zeitschrift|Illustrierten|Bild|Welt|Zeit|Presse|Times|Post)\b"
)


# a title, not words someone said: in der Sendung "Hart aber fair"
_TITLE_BEFORE = re.compile(
    r"\b(?:Sendung|Film|Filme?s|Buch|Buches|Serie|Titel|Album|Lied|Song|Stück|Roman|Kampagne|"
    r"Motto|Slogan|Aktion|Initiative|Programm|Magazin|Zeitung|Zeitschrift|Show|Talkshow|"
    r"Podcast|Ausstellung|Oper|Bewegung|Gedicht|Artikel|Bericht|Studie|Gesetz|Projekt)s?\s*$"
)
_SAYS = re.compile(rf"\b(?:{_SPEECH_VERBS})\b|[,»“”\"]\s*so\s+[A-ZÄÖÜ]")


@lru_cache(maxsize=1 << 16)  # (asked of each sentence by scoring, selection and the sections)
def direct_quote(text: str) -> str | None:
    """The words a sentence quotes directly, or None for no quote or only scare quotes.

    A quote counts when one quoted span has five words or more; or three or more that
    someone says (a speech verb, a colon before it, or the sentence opening with it) and that
    are no title ("in der Sendung "Hart aber fair""); or when the sentence opens a quote that
    goes on past its end (a quote of several sentences).
    """
    spans = [m.group(1) for m in _QUOTE_SPAN.finditer(text)]
    longest = max(spans, key=lambda s: len(words(s)), default="")
    if len(words(longest)) >= 5:
        return " … ".join(s.strip() for s in spans if len(words(s)) >= 2)
    said = [
        m.group(1)
        for m in _QUOTE_SPAN.finditer(text)
        if len(words(m.group(1))) >= 3 and text[: m.start()].rstrip().endswith(":")
    ]
    named = [
        m.group(1)
        for m in _QUOTE_SPAN.finditer(text)
        if len(words(m.group(1))) >= 3
        and not _TITLE_BEFORE.search(text[: m.start()])
        and text[m.end() : m.end() + 1] != "-"  # a name in a compound: "Super Kanada Plus"-Vertrag
    ]
    if said or (named and _SAYS.search(_QUOTE_SPAN.sub(' " ', text)) is not None):
        # a short quote said by someone: "Er trage "eine grüne Handschrift", sagte Schaefer"
        return " … ".join(s.strip() for s in spans if len(words(s)) >= 2)
    opening = _QUOTE_SPAN.match(text.strip())
    if opening and len(words(opening.group(1))) >= 3:
        # a short quote the sentence opens with is said, not named: "Die Kuh ist vom Eis", sagte er
        return opening.group(1).strip()
    stripped = text.strip()
    if stripped[:1] in _OPEN and not any(c in _CLOSE for c in stripped[1:]):
        return stripped[1:]
    if stripped[:1] not in _OPEN and stripped.rstrip(".!?")[-1:] in _CLOSE and not spans:
        # the closing part of a quote that began in the sentence before
        return stripped
    return None


def quote_speaker(text: str, previous: str | None = None) -> str | None:
    """Who speaks in a sentence with a direct quote ("sagte Putin", "so Dolzikowa").

    A quote that stands alone after a sentence ending in ":" ("So erklärte ein Sprecher des
    Weißen Hauses am Montag:") takes its speaker from that sentence.
    """
    outside = _QUOTE_SPAN.sub(' " ', text)
    for match in [*_AFTER_VERB.finditer(outside), *_AFTER_QUOTE.finditer(outside)]:
        speaker = _clean_speaker(match.group("speaker"))
        if speaker is None:
            continue
        name = match.group("name")
        return f"{name}, {speaker}" if name else speaker
    match = _BEFORE_VERB.match(outside.strip())
    if match and match.group("speaker").split()[0].casefold() not in _OPENERS:
        speaker = _clean_speaker(match.group("speaker"))
        if speaker:
            return speaker
    for match in _BEFORE_COLON.finditer(text):
        if _PLACE_BEFORE.search(text[: match.start()]):
            continue  # "Ein Mann in Madrid berichtet:" is not Madrid's
        phrase = match.group("speaker").split()
        while phrase and phrase[0].casefold() in _OPENERS:
            phrase = phrase[1:]  # "Zudem sagte Löw:" is Löw's
        speaker = _clean_speaker(" ".join(phrase)) if phrase else None
        if speaker:
            return speaker
    if previous and previous.rstrip().endswith(":"):
        return quote_speaker(previous.rstrip().rstrip(":") + ".")
    return None


# Who says what the next sentence reports in the subjunctive: ", sagte Kirby." at the end of
# the sentence (after a comma or quote, so "bestätigte die Freigabe" names no speaker) ...
_SAID_AT_END = re.compile(
    rf"[,»“”\"]\s*(?:(?:{_SPEECH_VERBS})\s+{_ADVERBS}|so\s+){_SPEAKER}"
    rf"(?:,\s+(?P<end_name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}}))?"
    r"(?:\s+(?:ein|hinzu|an|fest))?\s*[.!]?$"  # "räumte Scholz ein", "fügte sie hinzu"
)
# ... or its subject before a speech verb whose clause follows a comma ("Nordkorea-Experte Koh
# Yu Hwan von der Dongguk-Universität erklärte gegenüber AFP, Moskau und Pjöngjang seien ...",
# "Der Sprecher, John Kirby, sagte am Montag, ..."); "von der Leyen" stays in the name
_SUBJECT_SAYS = re.compile(
    rf"^(?P<speaker>(?:{_SPEAKER_WORD}\s+){{0,5}}?{_NAME_WORD})"
    rf"(?:,\s+(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}}),)?"
    r"(?P<tail>\s+(?:von|vom|aus|der|des)\s+[^,.:;]{1,70}?)?"
    rf"\s+(?:{_SPEECH_VERBS}|warnte|argumentierte)\b[^,.:;]*,\s"
)
_NAME_PARTICLE = re.compile(
    r"\s+(?:(?:von|van|de|zu)(?:\s+(?:der|dem|den))?|der)\s+[A-ZÄÖÜ][\w-]*"
)
# ... or after the verb ("Zudem sagte der Minister, ..."): verbs that take no person as object
# ("warnte Scholz Putin, ...", "versicherte Putin Kim, ..." would make one speaker of both)
_VERB_SAYS = re.compile(
    r"^(?:\S+\s+){1,3}?(?:sagte|sagt|erklärte|erklärt|betonte|betont|meinte|meint|schrieb|"
    r"schreibt|berichtete|berichtet|bekräftigte|unterstrich|ergänzte|twitterte)\s+"
    rf"{_ADVERBS}{_SPEAKER}\s*,\s"
)
# "Am Montag", "Laut Kreml", "Wie die Bild berichtet" open no speaker; nor does a hearer in the
# dative ("Dem Sender Fox News sagte Pompeo, ...")
_NOT_A_NAME = frozenset(_SPEAKER_END.split("|")) - _PRONOUNS - {
    "der", "die", "das", "ein", "eine", "einen", "einer"
} | {"wie", "als"}
# A sentence that names who says it at its end, whatever the verb: "..., räumte Scholz ein.",
# "..., fügte die Ministerin hinzu.", '"...", lobte Szilagyi.'
_OWN_SPEAKER_AT_END = re.compile(
    rf"[,»“”\"]\s*(?:{_SPEECH_VERBS}|[a-zäöüß]+te[nt]?|so)\s+{_ADVERBS}{_SPEAKER}"
    r"(?:\s+(?:ein|hinzu|an|zu|fest|mit|vor|aus))?\s*[.!]?$"
)


def names_own_speaker(text: str) -> bool:
    """True when a sentence in reported speech says who speaks ("..., räumte Scholz ein.")."""
    outside = _QUOTE_SPAN.sub(' " ', text.strip())
    match = _OWN_SPEAKER_AT_END.search(outside)
    return match is not None and _clean_speaker(match.group("speaker")) is not None


def report_speaker(text: str) -> str | None:
    """Who a sentence says is speaking, when the next sentence goes on in reported speech.

    "Nordkorea-Experte Koh Yu Hwan ... erklärte gegenüber der Nachrichtenagentur AFP, Moskau
    und Pjöngjang seien aufeinander angewiesen." names Nordkorea-Experte Koh Yu Hwan for
    "Russland brauche Nordkoreas Waffenlieferungen ...".
    """
    if direct_quote(text) is not None:
        return quote_speaker(text)
    if _QUOTED_THEN_SAID.search(text):
        # a few quoted words and who said them ('"wieder herausgezogen", lobte Szilagyi')
        speaker = quote_speaker(text)
        if speaker:
            return speaker
    outside = _QUOTE_SPAN.sub(' " ', text.strip())
    for pattern, search in ((_SAID_AT_END, True), (_SUBJECT_SAYS, False), (_VERB_SAYS, False)):
        match = pattern.search(outside) if search else pattern.match(outside)
        if match is None:
            continue
        phrase = match.group("speaker")
        first = phrase.split()[0].casefold()
        if not search and (first in _OPENERS or first in _NOT_A_NAME):
            continue  # "Zudem sagte ...", "Am Montag sagte ..." have the speaker after the verb
        tail = match.groupdict().get("tail")
        if tail and len(phrase.split()) == 1 and _NAME_PARTICLE.fullmatch(tail):
            # "Ursula von der Leyen sagte, ..." (not "Experte Koh von der Universität")
            phrase += tail
        speaker = _clean_speaker(phrase)
        name = match.groupdict().get("name") or match.groupdict().get("end_name")
        name = name.rstrip(".") if name else None
        if speaker:
            return f"{name}, {speaker}" if name else speaker
    return None


# quoted words, then a verb in the past tense and who said them: '"...", lobte Szilagyi'
_QUOTED_THEN_SAID = re.compile(r"[»“”\"]\s*,\s*[a-zäöüß]+te[nt]?\s")


# a time after a speaker or instead of one: "sagte Erdoğan Ende Juni", "erst Anfang September
# sagte: ..." (a name such as "Jan Freitag" or "Michael Ende" stays)
_MONTHS = "Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember"
_DAYS = "Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag"
_TRAILING_WHEN = re.compile(rf"(?:^|\s+)(?:Anfang|Mitte|Ende)\s+(?:{_MONTHS})(?:\s+\d{{4}})?$")
_WHEN = re.compile(rf"(?:{_MONTHS}|{_DAYS}|Wochenende|Vormittag|Nachmittag|Abend|Morgen)")


# the hearers after a speaker: "sagte Teamchef Dave Brailsford französischen Medien"
_HEARERS = re.compile(
    r"\s+(?:[a-zäöüß]\w*(?:en|em)\s+)?(?:Medien|Journalisten|Reportern|Zeitungen|Sendern)$"
)
# a finite verb is no part of a speaker: "Der Bundesrechnungshof hatte dem Ausschuss berichtet"
_FINITE = frozenset(
    """hatte hatten habe haben hätte hätten wurde wurden werde werden worden konnte konnten
    sollte sollten wollte wollten musste mussten könne müsse solle wolle seien waren""".split()
)


def _clean_speaker(phrase: str) -> str | None:
    phrase = _TRAILING_WHEN.sub("", _HEARERS.sub("", phrase.strip(" ,.;:")))
    while phrase.split()[:1] and phrase.split()[0] in _FINITE:
        phrase = phrase.split(None, 1)[1] if " " in phrase else ""  # "hatte Fischer" is Fischer
    if not phrase or _MEDIUM.match(phrase) or _WHEN.fullmatch(phrase):
        return None
    if any(w in _FINITE for w in phrase.split()):
        return None
    # "ihr Trainer Ralf Weber" names someone; "seine Absicht" does not
    if re.match(r"(?i)(?:sein|seine|ihr|ihre|unser|unsere)\s", phrase) and (
        sum(1 for w in phrase.split()[1:] if w[:1].isupper()) < 2
    ):
        return None
    phrase = _ARTICLE.sub("", phrase).strip(" ,.;:")
    first = phrase.split()[0] if phrase else ""
    if not phrase or first.casefold() in _PRONOUNS:
        return None
    if not (first[:1].isalpha() or re.match(r"\d+-[A-ZÄÖÜ]", first)):
        return None
    if not any(w[:1].isupper() or w[:1].isdigit() for w in phrase.split()):
        return None
    return phrase


# --- claims -------------------------------------------------------------------------------

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
            r"\bniemand\b[^,.]*\bbestreit|\b(?:Spiel|Spiele|Partie|Partien|Länderspiel\w*|"
            r"Einsätze|Einsatz|Finale|Endspiel|Rennen|Turnier|Kampf|Duell|Wahlkampf|"
            r"Stichwahl|Lebensunterhalt|Unterhalt|Kosten|Ausgaben)\b",
            _I,
        ),
    ),
    (re.compile(r"\bdementier\w*|\bdementi\b", _I), 1.0, None),
    (
        re.compile(r"\bzurückgewiesen\b|\bweis(?:t|en) (?:\w+ ){0,6}zurück\b", _I),
        1.0,
        # a court or an authority turning down a request is no denial
        re.compile(
            r"\b(?:Berufung|Klage|Antrag|Anträge|Beschwerde|Einspruch|Revision|Asylantrag|"
            r"Eilantrag|Widerspruch|Rechtsmittel|Angebot)\w*\b",
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
        # a guess inside a hypothetical ("hätte sich vermutlich niemand erkundigt")
        re.compile(r"\b(?:hätte|hätten|wäre|wären)\b"),
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


@lru_cache(maxsize=1 << 16)
def hedge_strength(text: str) -> float:
    """How plainly a sentence marks its claim as unconfirmed or disputed (0 = not at all)."""
    strongest = 0.0
    for pattern, weight, veto in HEDGE_CUES:
        match = pattern.search(text)
        if match is None or weight <= strongest:
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


# --- dates --------------------------------------------------------------------------------

MONTHS = {
    "januar": 1,
    "jänner": 1,
    "februar": 2,
    "märz": 3,
    "april": 4,
    "mai": 5,
    "juni": 6,
    "juli": 7,
    "august": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "dezember": 12,
}
WEEKDAYS = {
    "montag": 0,
    "dienstag": 1,
    "mittwoch": 2,
    "donnerstag": 3,
    "freitag": 4,
    "samstag": 5,
    "sonntag": 6,
}
_MONTH = r"(?P<month>" + "|".join(m.capitalize() for m in MONTHS) + r")"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?P<weekday>" + "|".join(d.capitalize() for d in WEEKDAYS) + r")"
_PERIOD_MONTH = {"anfang": 1, "frühjahr": 4, "mitte": 6, "sommer": 7, "herbst": 10, "ende": 12}
# Measures that make a four-digit number a count, not a year ("2000 Soldaten").
_UNITS = (
    r"Euro|Dollar|Franken|Menschen|Personen|Soldaten|Einwohner|Kilometer|Meter|Tonnen|Mal|"
    r"Prozent|Stück|Besucher|Teilnehmer|Mitarbeiter|Fälle|Toten|Tote|Opfer|Jahre|Stunden|"
    r"Todesopfer|Verletzte|Verletzten|Stimmen|Mitglieder|Arbeitsplätze|Jobs|Stellen|Kinder|"
    r"Flüchtlinge|Migranten|Polizisten|Beamte|Demonstranten|Zuschauer|Fans|Häuser|Wohnungen|"
    r"Fahrzeuge|Autos|Exemplare|Unterschriften|Schüler|Studenten|Patienten|Betten|Plätze"
)
DATE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "weekday",
        re.compile(
            rf"\b(?i:am |vom |seit |bis )?{_WEEKDAY}(?:abend|morgen|nachmittag|mittag)?,? "
            rf"\((?P<day>\d{{1,2}})\.\s?{_MONTH}(?: {_YEAR})?\)"
        ),
    ),
    (
        "day",
        re.compile(
            rf"\b(?i:am |vom |seit dem |bis zum |ab dem )?(?P<day>\d{{1,2}})\.\s?{_MONTH}(?:\s+{_YEAR})?\b"
        ),
    ),
    (
        "numeric",
        re.compile(
            r"\b(?i:am |vom |seit dem |bis zum )?(?P<day>\d{1,2})\.(?P<mnum>\d{1,2})\.(?P<year>(?:19|20)\d\d)\b"
        ),
    ),
    ("month", re.compile(rf"\b(?i:im |seit |bis |ab |Anfang |Mitte |Ende )?{_MONTH}\s+{_YEAR}\b")),
    (
        "period",
        re.compile(
            rf"\b(?P<period>Anfang|Mitte|Ende|Frühjahr|Sommer|Herbst) (?:des Jahres )?{_YEAR}\b"
        ),
    ),
    (
        "year",
        re.compile(
            rf"(?<![\d.,])\b(?i:(?:im Jahre?|seit|von|bis|ab|vor|nach|Jahr) )?{_YEAR}\b"
            rf"(?![.,]?\d)(?!\s*(?:{_UNITS})\b)(?!\s*%)"
        ),
    ),
    ("month_only", re.compile(rf"\b(?i:im|seit|bis|ab|Anfang|Mitte|Ende) {_MONTH}\b")),
    # a year before 1900 only with words that make it one ("von 1753 bis 1927")
    (
        "year",
        re.compile(r"\b(?i:im Jahre?|seit|von|bis|ab|um) (?P<year>1[5-8]\d\d)\b(?![.,]?\d)"),
    ),
]
# Words that put a date without a year ahead of the article rather than behind it.
_FUTURE = re.compile(
    r"\b(?:wird|werden|soll|sollen|will|wollen|plant|planen|geplant|bis|ab|kommende[nmrs]?|"
    r"nächste[nmrs]?|künftig|voraussichtlich|beginnt|startet)\b",
    re.IGNORECASE,
)
_COUNT_BEFORE = re.compile(
    r"(?:mehr als|rund|etwa|über|knapp|fast|bis zu|insgesamt|zirka|ca\.)\s*$"
)


def find_dates(text: str, reference: dt.date | None = None) -> list[tuple[str, str]]:
    """Explicit dates in a sentence as ``(as written, sortable key)``, in text order.

    Keys are ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``. A date without a year takes it from
    its weekday ("Dienstag (18. Juni)" near 2024 is 2024) or from ``reference`` (the article's
    date); a weekday alone ("am Dienstag") or a month without any year is left out.
    """
    return list(_find_dates(text, reference))


@lru_cache(maxsize=1 << 16)
def _find_dates(text: str, reference: dt.date | None) -> tuple[tuple[str, str], ...]:
    found: list[tuple[int, str, str]] = []
    taken: list[range] = []
    for kind, pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            span = range(match.start(), match.end())
            if any(span.start < t.stop and t.start < span.stop for t in taken):
                continue
            key = _date_key(kind, match, text, reference)
            if key is None:
                continue
            taken.append(span)
            found.append((match.start(), match.group(0).strip(), key))
    return tuple((when, key) for _, when, key in sorted(found))


def _date_key(kind: str, match: re.Match[str], text: str, reference: dt.date | None) -> str | None:
    groups = match.groupdict()
    year = int(groups["year"]) if groups.get("year") else None
    if kind == "year":
        if _COUNT_BEFORE.search(text[: match.start()]):
            return None
        return f"{year:04d}"
    if kind == "period":
        return f"{year:04d}-{_PERIOD_MONTH[groups['period'].casefold()]:02d}"
    month = int(groups["mnum"]) if groups.get("mnum") else MONTHS[groups["month"].casefold()]
    if not 1 <= month <= 12:
        return None
    future = _FUTURE.search(text) is not None
    if kind in ("month", "month_only"):
        if year is None and reference is not None:
            year = _nearest_year(dt.date(reference.year, month, 1), reference, future, month=True)
        return f"{year:04d}-{month:02d}" if year else None
    day = int(groups["day"])
    if year is None:
        year = _resolve_year(day, month, groups.get("weekday"), reference, future)
        if year is None:
            return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _nearest_year(when: dt.date, reference: dt.date, future: bool, month: bool = False) -> int:
    """The year of a day or month without one: the last one up to the article's date for what
    is told as past ("im Dezember" in a January article is last December), the next one from
    it for what is told as ahead ("im März soll gewählt werden")."""
    point = reference.replace(day=1) if month else reference
    if future:
        return when.year if when >= point else when.year + 1
    return when.year if when <= point else when.year - 1


def _resolve_year(
    day: int,
    month: int,
    weekday: str | None,
    reference: dt.date | None,
    future: bool = False,
) -> int | None:
    """The year of a day and month written without one, from its weekday or the article date."""
    if weekday:
        wanted = WEEKDAYS[weekday.casefold()]
        around = reference.year if reference else dt.date.today().year
        for year in sorted(range(around - 6, around + 2), key=lambda y: (abs(y - around), -y)):
            try:
                if dt.date(year, month, day).weekday() == wanted:
                    return year
            except ValueError:
                continue
        return None
    if reference is None:
        return None
    try:
        return _nearest_year(dt.date(reference.year, month, day), reference, future)
    except ValueError:
        return None  # 29 February in a year without one


# --- filling a topic ----------------------------------------------------------------------


def fill_sections(
    topic: Topic,
    groups: list[SentenceGroup],
    summary: list[SentenceGroup],
    similarity: Similarity,
    weights: Weights,
) -> None:
    """Quotes, open claims and timeline of a topic, each short and each sentence used once.

    A sentence of "Das Wichtigste" is not repeated under "Zitate" or "Unbestätigt und
    umstritten": the reader has just read it (and "Das Wichtigste" leaves quotes to "Zitate"),
    except a claim that a denial answers, which stands again right before it (pick_claims).
    The timeline may repeat one, because it is an index by date and a gap there would
    suggest nothing happened on that date.
    """
    used: list[SentenceGroup] = list(summary)
    topic.quotes = pick_quotes(topic, groups, used, similarity, weights)
    topic.claims = pick_claims(groups, used, similarity, weights)
    topic.timeline = build_timeline(topic, groups, weights)


def pick_quotes(
    topic: Topic,
    groups: list[SentenceGroup],
    used: list[SentenceGroup],
    similarity: Similarity,
    weights: Weights,
    limit: int = MAX_QUOTES,
    per_speaker: int = 2,
) -> list[Quote]:
    """The best direct quotes not yet used, at most two per speaker, in reading order.

    A quote that runs over several sentences is one item made of them (``quote_runs``).
    """
    from briefing.core.summarize import unbalanced_quote

    articles = {a.id: a for a in topic.articles}
    ranked = []
    for group in groups:
        if group in used or unbalanced_quote(group.text) or direct_quote(group.text) is None:
            continue
        first = min(group.occurrences, key=lambda s: (_id_sort(s.article_id), s.index))
        speaker = quote_speaker(group.text)
        if speaker is None and group.text.lstrip()[:1] in _OPEN:
            # a quote standing alone may be introduced by the sentence before ("...:")
            before = _sentence_before(articles[first.article_id], first.index)
            speaker = quote_speaker(group.text, before)
        if speaker is None and group.text.lstrip()[:1] not in _OPEN:
            continue  # quoted words inside a report ("eine «Friedensinitiative»") quote nobody
        # a quote with a named speaker is worth more than an anonymous one, a whole
        # statement more than a few words quoted inside a report
        worth = group.score * (1.0 if speaker else 0.4) * _quote_size(group.text)
        ranked.append((worth, group, speaker, [group]))
    for run, pieces, speaker in quote_runs(topic, groups):
        if any(piece in used for piece in pieces):
            continue  # the reader has read part of it under "Das Wichtigste"
        ranked.append((run.score * (1.0 if speaker else 0.4), run, speaker, pieces))
    chosen: list[tuple[SentenceGroup, str | None]] = []
    for _, group, speaker, pieces in sorted(ranked, key=lambda q: (-q[0], q[1].first_seen)):
        if len(chosen) >= limit:
            break
        if speaker and sum(1 for _, s in chosen if s == speaker) >= per_speaker:
            continue
        if any(piece in used for piece in pieces):
            continue  # a sentence of a quote already chosen
        if any(similarity(group.text, other.text) >= weights.redundancy for other in used):
            continue
        chosen.append((group, speaker))
        used.extend([group, *(p for p in pieces if p is not group)])
    chosen.sort(key=lambda q: q[0].first_seen)
    return [Quote(group.text, speaker, group.sources) for group, speaker in chosen]


MAX_RUN_SENTENCES = 4  # a longer quote is a speech, not an item of a briefing
MAX_RUN_WORDS = 90


def quote_marks(text: str) -> list[bool]:
    """Each quotation mark of a sentence as True (opens) or False (closes), in order.

    „ « ‹ open and » › ” close by shape; a straight " or an English “ opens before a word
    ("…) and closes after one (…" or …",), and toggles when its sides do not tell.
    """
    return list(_quote_marks(text))


@lru_cache(maxsize=1 << 16)
def _quote_marks(text: str) -> tuple[bool, ...]:
    marks: list[bool] = []
    inside = False
    for index, char in enumerate(text):
        if char in "„«‹":
            opens = True
        elif char in "»›”":
            opens = False
        elif char in '"“':
            before = text[index - 1] if index else " "
            after = text[index + 1] if index + 1 < len(text) else " "
            if (
                not before.isspace()
                and before not in "(:["
                and (after.isspace() or after in ",.;:!?)")
            ):
                opens = False
            elif (before.isspace() or before in "(:[") and not after.isspace():
                opens = True
            else:
                opens = not inside
        else:
            continue
        marks.append(opens)
        inside = opens
    return tuple(marks)


def _quote_size(text: str) -> float:
    quoted = len(words(direct_quote(text) or ""))
    return 1.0 if quoted >= 5 else 0.6


def quote_state(text: str, inside: bool = False) -> bool:
    """Whether a quote is still open after ``text``, given whether it was open before it."""
    for opens in quote_marks(text):
        inside = opens
    return inside


def quote_runs(
    topic: Topic, groups: list[SentenceGroup]
) -> list[tuple[SentenceGroup, list[SentenceGroup], str | None]]:
    """Quotes of several consecutive sentences, each joined into one group.

    A run starts at a sentence that leaves a quote open and ends at the sentence that closes
    it, within one paragraph and at most MAX_RUN_SENTENCES sentences and MAX_RUN_WORDS words
    (longer or unclosed runs are left out: cut, they would misquote). Its text is the
    sentences joined by one space, which stands verbatim (whitespace folded) in the article;
    its sources are every article that carries the same words. The speaker is taken from the
    sentences together ("…", sagte X. / X sagte: "…), or from a sentence before ending in ":".
    Returns (run, the groups of its sentences, speaker).
    """
    from briefing.core.models import Sentence
    from briefing.core.summarize import SentenceGroup, sentence_key

    at: dict[tuple[str, int], SentenceGroup] = {}
    for group in groups:
        for occurrence in group.occurrences:
            at[(occurrence.article_id, occurrence.index)] = group
    bodies = {a.id: f" {sentence_key(a.body)} " for a in topic.articles}
    runs: dict[str, tuple[SentenceGroup, list[SentenceGroup], str | None]] = {}
    for article in topic.articles:
        for run in _runs(article_sentences(article)):
            text = " ".join(s.text for s in run)
            block = " ".join(article.blocks[run[0].block].text.split())
            key = sentence_key(text)
            if key in runs or " ".join(text.split()) not in block:
                continue
            pieces = [at[(s.article_id, s.index)] for s in run if (s.article_id, s.index) in at]
            speaker = quote_speaker(text)
            if speaker is None:
                before = _sentence_before(article, run[0].index)
                speaker = quote_speaker(text, before) if text[:1] in _OPEN else None
            carriers = [a for a in topic.articles if f" {key} " in bodies[a.id]]
            group = SentenceGroup(
                text,
                [Sentence(text, a.id, run[0].block, run[0].index) for a in carriers],
                score=max((p.score for p in pieces), default=0.0),
                centrality=max((p.centrality for p in pieces), default=0.0),
            )
            # the occurrence in another article keeps this article's position: only its id
            # and reading order (first_seen) are used
            runs[key] = (group, pieces, speaker)
    return list(runs.values())


def _runs(sentences: list) -> list[list]:
    """Runs of sentences holding one quote: opened (from outside any quote) in the first, closed
    in the last, within one paragraph and the size limits."""
    states: list[tuple[bool, bool]] = []
    inside, block = False, None
    for sentence in sentences:
        if sentence.block != block:
            inside, block = False, sentence.block  # a paragraph starts outside any quote
        marks = quote_marks(sentence.text)
        if not inside and marks[:1] == [False]:
            inside = True  # it closes a quote opened before the paragraph or the run
        after = quote_state(sentence.text, inside)
        states.append((inside, after))
        inside = after
    runs = []
    for start, (before, after) in enumerate(states):
        if before or not after:
            continue
        size = len(words(sentences[start].text))
        for end in range(start + 1, min(start + MAX_RUN_SENTENCES, len(sentences))):
            size += len(words(sentences[end].text))
            if sentences[end].block != sentences[start].block or size > MAX_RUN_WORDS:
                break
            if not states[end][1]:
                runs.append(sentences[start : end + 1])
                break
    return runs


# A doubt that names its claim only by reference ("Westliche Geheimdienste vermuten, dass es
# sich dabei um ... handelt").
_REFERS_BACK = re.compile(
    r"\b(?:solche[nrms]?|derartige[nrms]?|diese[nrms]? (?:Vorwürfe|Vorwurf|Berichte|Bericht|"
    r"Angaben|Darstellung|Behauptung\w*|Anschuldigung\w*|Meldung\w*)|dies|dabei|davon)\b"
)
# A denial may point back with the definite article or a bare pronoun too ("Nordkorea hat
# die Vorwürfe zurückgewiesen", "Das Ministerium dementierte das").
_DENIAL_REFERS_BACK = re.compile(
    rf"{_REFERS_BACK.pattern}|\b(?:die Vorwürfe|den Vorwurf|die Anschuldigung(?:en)?|"
    r"die Berichte|die Darstellung|das|dem|es)\b"
)
# Openings that continue the sentence before ("Im Gegenzug wird ... vermutet").
_CONTINUES = re.compile(
    r"^(?:Im Gegenzug|Dafür|Dagegen|Demnach|Daraufhin|Darüber hinaus|Dabei|Damit|Zudem|"
    r"Außerdem|Auch|Darin|Darauf|Daraus|Davon|Dazu|Hinzu|Dort)\b"
)
# Words that deny: the sentence answers a claim made before it.
_DENIAL = re.compile(
    r"\b(?:bestritten|bestreite[nt]?|bestritt(?:en)?|dementier\w*|dementi|zurückgewiesen|"
    r"zurückweis\w*|weis(?:t|en) (?:\w+ ){0,6}zurück|wies(?:en)? (?:\w+ ){0,6}zurück)\b",
    re.IGNORECASE,
)
# ... unless it says what it denies ("bestritt, dass ...", "bestreitet, Waffen zu liefern").
_STATES_ITS_CLAIM = re.compile(r"\bdass\b|,\s[^,]*\bzu [a-zäöü]\w*(?:en|n)\b")
MAX_CONTEXT = 2  # sentences before a claim that say what it is about


def is_denial(text: str) -> bool:
    """A sentence that denies or rejects something (and is not a court dismissing an appeal)."""
    return _DENIAL.search(text) is not None and hedge_strength(text) >= 1.0


def needs_claim(text: str, weights: Weights | None = None, attributed: bool = False) -> bool:
    """A disputed sentence that does not say on its own what is disputed.

    A denial that names what it denies only by pointing back ("die Vorwürfe", "eine solche
    Kooperation") or not at all; a doubt that points back ("dabei") or cannot stand alone.
    """
    if is_denial(text):
        return bool(_DENIAL_REFERS_BACK.search(text)) or not _STATES_ITS_CLAIM.search(text)
    return bool(_REFERS_BACK.search(text)) or points_back(text, weights, attributed)


def points_back(text: str, weights: Weights | None = None, attributed: bool = False) -> bool:
    """A sentence that cannot stand alone; ``attributed``: reported speech whose speaker the
    briefing names beside it (``SentenceGroup.speaker``)."""
    from briefing.core.summarize import DEFAULT_WEIGHTS, standalone_factor

    factor = standalone_factor(text, weights or DEFAULT_WEIGHTS, attributed)
    return factor < 1.0 and not text.rstrip().endswith("?") or bool(_CONTINUES.match(text))


def pick_claims(
    groups: list[SentenceGroup],
    used: list[SentenceGroup],
    similarity: Similarity,
    weights: Weights,
    limit: int = MAX_CLAIMS,
) -> list[SummaryItem]:
    """Sentences the sources mark as unconfirmed or disputed, plainest markers first.

    A denial that names its claim only by pointing back ("Nordkorea hat die Vorwürfe als
    "absurd" zurückgewiesen") stands right after the sentence it answers, so the reader sees
    what is disputed; when that sentence itself points back ("Im Gegenzug wird ... vermutet"),
    the one before comes too. When the claim is already shown under "Das Wichtigste", it is
    shown here again with its denial: the denial alone would not say what is denied, and
    leaving it out would hide that a fact of the summary is disputed; for the same reason a
    denial of a claim listed here goes in when the section is full (up to twice ``limit``
    lines). A denial whose claim cannot be found (the first sentence of an article, or too
    much context) is left out.
    """
    from briefing.core.summarize import to_item

    before = _previous_groups(groups)
    ranked = []
    for group in groups:
        strength = hedge_strength(group.text)
        if strength > 0 and group not in used:
            # an accusation or denial before a bare attribution, then by the sentence's worth
            ranked.append((strength >= 0.7, group.score * strength, group))
    units: list[list[SentenceGroup]] = []
    shown = 0
    for _, _, group in sorted(ranked, key=lambda r: (not r[0], -r[1], r[2].first_seen)):
        if any(group in unit for unit in units):
            continue
        if any(similarity(group.text, other.text) >= weights.redundancy for other in used):
            continue
        if not needs_claim(group.text, weights, group.speaker is not None):
            if shown >= limit:
                continue
            units.append([group])
            shown += 1
            used.append(group)
            continue
        # the claim it answers, and what that claim itself points back to
        context: list[SentenceGroup] = []
        current = before.get(id(group))
        while current is not None and len(context) < MAX_CONTEXT:
            context.insert(0, current)
            if not points_back(current.text, weights, current.speaker is not None):
                break
            current = before.get(id(current))
        if not context or points_back(context[0].text, weights, context[0].speaker is not None):
            continue  # it would not say what is disputed
        # its claim is already listed (or the sentence before it): the denial goes right
        # after it, with what stands between ("... sollen vereinbart worden sein. Im Gegenzug
        # wird ... vermutet. Beide Länder haben eine solche Kooperation bestritten.")
        anchor, home = next(
            ((c, unit) for c in reversed(context) for unit in units if c in unit), (None, None)
        )
        if home is not None:
            between = context[context.index(anchor) + 1 :]
            added = [c for c in between if not any(c in u for u in units)] + [group]
            # a denial goes in past the limit too (up to twice it): left out, it would hide
            # that a claim shown here is disputed
            if shown + len(added) > (2 * limit if is_denial(group.text) else limit):
                continue
            at = home.index(anchor) + 1
            home[at:at] = added
            shown += len(added)
            used.extend(g for g in added if g not in used)
            continue
        unit = [*(c for c in context if not any(c in u for u in units)), group]
        if shown + len(unit) > limit:
            continue
        units.append(unit)
        shown += len(unit)
        used.extend(g for g in unit if g not in used)
    units.sort(key=lambda unit: unit[0].first_seen)
    return [to_item(g) for unit in units for g in unit]


def _previous_groups(groups: list[SentenceGroup]) -> dict[int, SentenceGroup]:
    """id(group) -> the group of the sentence right before its first occurrence."""
    at: dict[tuple[str, int], SentenceGroup] = {}
    for group in groups:
        for occurrence in group.occurrences:
            at[(occurrence.article_id, occurrence.index)] = group
    previous: dict[int, SentenceGroup] = {}
    for group in groups:
        first = min(group.occurrences, key=lambda s: (_id_sort(s.article_id), s.index))
        candidate = at.get((first.article_id, first.index - 1))
        if candidate is not None and candidate is not group:
            previous[id(group)] = candidate
    return previous


def build_timeline(
    topic: Topic,
    groups: list[SentenceGroup],
    weights: Weights | None = None,
    limit: int = MAX_TIMELINE,
) -> list[TimelineEntry]:
    """For the most important explicit dates, the best sentence on each, in time order.

    Every copy of a merged sentence is searched, since one outlet may add the date
    ("am Dienstag (18. Juni)") that another leaves out; the entry shows that copy.
    """
    from briefing.core.summarize import DEFAULT_WEIGHTS, standalone_factor

    weights = weights or DEFAULT_WEIGHTS
    dates = {a.id: _parse_date(a.date) for a in topic.articles}
    fallback = max((d for d in dates.values() if d), default=None)
    best: dict[str, tuple[float, TimelineEntry]] = {}
    for group in groups:
        seen: set[str] = set()
        for occurrence in sorted(
            group.occurrences, key=lambda s: (_id_sort(s.article_id), s.index)
        ):
            if occurrence.text in seen:
                continue
            seen.add(occurrence.text)
            found = event_dates(occurrence.text, dates.get(occurrence.article_id) or fallback)
            if not found:
                continue
            when, key = found[0]
            entry = TimelineEntry(when, key, occurrence.text, group.sources)
            # worth as a sentence, without the quote penalty of "Das Wichtigste"
            worth = group.centrality * standalone_factor(occurrence.text, weights)
            if key not in best or worth > best[key][0]:
                best[key] = (worth, entry)
            break
    ranked = sorted(best.values(), key=lambda b: -b[0])
    top = ranked[:limit]
    latest = max(best.values(), key=lambda b: b[1].sort_key, default=None)
    if latest is not None and latest not in top:
        # the timeline reaches the story's present, not only its background
        top = [*ranked[: limit - 1], latest]
    return sorted((entry for _, entry in top), key=lambda e: (e.sort_key, e.text))


# A date that does not say when something in the story happened: a span up to now ("der erste
# Sieg seit 2010"), a birth year or a life span ("Jahrgang 1984", "der 1981 geborene",
# "(1909–1959)").
_NOT_AN_EVENT = re.compile(r"^(?i:seit)\b")
_BIRTH = re.compile(
    r"\bJahrgang\s+(?:19|20)\d\d\b|\b(?:19|20)\d\d\s+(?:\w+\s+){0,3}geboren\w*|\b(?:19|20)\d\d\s+(?:\w+\s+){0,3}zur Welt\b|\bgeboren\w*[\s,]+(?:\w+[\s,]+){0,4}"
    r"(?:19|20)\d\d\b|\((?:\*\s*)?1[5-9]\d\d\s*[–-]\s*(?:19|20)?\d\d\)"
)


def event_dates(text: str, reference: dt.date | None = None) -> list[tuple[str, str]]:
    """The dates of a sentence that can place it on a timeline (``find_dates`` less spans,
    birth years and life spans); none for a question, which tells no event."""
    if text.rstrip(")»\"“”' ").endswith("?"):
        return []
    births = [m.span() for m in _BIRTH.finditer(text)]
    found = []
    for when, key in find_dates(text, reference):
        if _NOT_AN_EVENT.match(when):
            continue
        at = text.find(when)
        if any(start <= at < end or at <= start < at + len(when) for start, end in births):
            continue
        found.append((when, key))
    return found


def _id_sort(article_id: str) -> int:
    return int(article_id[1:]) if article_id[1:].isdigit() else 0


def _parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _sentence_before(article: Article, index: int) -> str | None:
    """The sentence before the ``index``-th of an article (headings are not sentences)."""
    sentences = article_sentences(article)
    return sentences[index - 1].text if 0 < index <= len(sentences) else None
