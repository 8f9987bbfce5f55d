"""Who speaks: the speaker of a direct quote, and of reported speech that does not name one.

Takes one sentence (and the one before it); gives who it says is speaking (``quote_speaker``,
``report_speaker``), whether it names its own speaker (``names_own_speaker``), whether it is
reported speech without one (``reported_speech``), and for an article's sentences the speaker
each such report inherits from the sentence before (``reported_speakers``).
"""

from __future__ import annotations

import re

from briefing.cues.quotes import OPENING_QUOTES, QUOTE_SPAN, direct_quote
from briefing.lexicon import (
    ALL_FUNCTION_WORDS,
    ARTICLES,
    ATTRIBUTION_VERBS,
    COLON_VERBS,
    CONJUNCTIONS,
    FINITE_AUXILIARIES,
    FIRST_NAMES,
    MONTH_NAMES,
    NAME_FIRST_VERBS,
    NAME_TITLES,
    PREPOSITIONS,
    PRONOUNS,
    SAY_VERBS,
    SAY_VERBS_CLAUSE,
    SENTENCE_OPENERS,
    SPEAKER_END,
    SPEECH_ADVERBS,
    SPEECH_MANNER,
    SUBJECT_VERBS,
    WEEKDAY_NAMES,
    alternation,
    common_nouns,
    german_stop_words,
    is_role,
    news_stem_rates,
)
from briefing.models import Sentence
from briefing.text.stems import german_stem

_SPEECH_VERBS = alternation(SAY_VERBS)

# words that end the speaker's name: where, when, to whom, through whom the words went
_SPEAKER_END = alternation(SPEAKER_END)

# a capitalised word, or an age used as a name ("der 19-Jährige")
_NAME_WORD = r"(?:[A-ZÄÖÜ][\w'’.-]*|\d+-[A-ZÄÖÜ][\w'’.-]*)"

# function words that no description of a speaker holds ("nennt aber keine Details")
_NO_SPEAKER_WORDS = alternation(
    sorted((ARTICLES | PREPOSITIONS | CONJUNCTIONS | PRONOUNS) - {"des", "von"}, key=len,
           reverse=True)
)

# a word inside a speaker's description: a name word, an inflected adjective ("der
# haushaltspolitische Sprecher") or a word of a genitive chain; a finite verb ends it
_SPEAKER_WORD = (
    rf"(?:{_NAME_WORD}|(?!(?:sein|ihr|unser|euer|mein|dein)\w*\b|(?:{_NO_SPEAKER_WORDS})\b)"
    r"[a-zäöüß][\w'’-]*(?:e|en|er|es|em)|des|von|de|van|al)"
)

# adverbs between the verb and the speaker ("sagte damals der Sprecher")
_ADVERB_WORDS = alternation(SPEECH_ADVERBS)

_ADVERBS = rf"(?:(?:{_ADVERB_WORDS})\s+)*"

# papers and agencies by their short names ("sagte Berg der SZ", "Der SZ sagte Hoeneß")
# ("der Bild" is always the paper: the picture's genitive is "des Bildes")
_PRESS = r"SZ|FAZ|NZZ|taz|dpa|AFP|Reuters|Spiegel|Focus|Bild|Welt am Sonntag"

# a medium or audience in the dative, no part of a speaker's role ("sagte der Minister der Zeitung")
_HEARER_NOUN = (
    r"[\w-]*(?:Zeitung|Agentur|Sender|Zeitschrift|Magazin|Presse|Medien|Mediengruppe|"
    r"Redaktionsnetzwerk|Reportern|"
    rf"Journalisten|Öffentlichkeit|Nachrichtenagentur|Deutschen Presse-Agentur)\b|(?:{_PRESS})\b"
)

# a name does not end at a title's full stop ("So schreibt Prof. Volker Quaschning: ...") nor
# before a middle initial's ("sagt Ali B. Norouzi, Strafverteidiger", not "Ali B")
_NOT_A_TITLE = (
    r"(?<!\bProf)(?<!\bDr)(?<!\bDipl)(?<!\bMag)(?<!\bIng)(?<!\bSt)(?<!\bHl)(?<!\b[A-ZÄÖÜ])"
)

# how it was said, after the speaker at the sentence's end ("sagte Gaudet nachdenklich.")
_MANNER = rf"{alternation(SPEECH_MANNER)}|[a-zäöüß]{{2,}}(?:lich|ig|isch)"
_SPEAKER = (
    rf"(?P<speaker>(?:(?:der|die|das|ein|eine|des|sein|seine|ihr|ihre)\s+)?"
    rf"(?:(?!(?:{_SPEAKER_END})\b){_SPEAKER_WORD}\s+){{0,5}}?{_NAME_WORD}{_NOT_A_TITLE})"
    # whose role it is: "der Chef der rechten Lega" (not a hearer: "der Zeitung")
    rf"(?P<of>\s+(?:der|des)\s+(?:[a-zäöüß][\w-]*(?:e|en|er|es)\s+)?(?!{_HEARER_NOUN})"
    rf"{_NAME_WORD}(?:\s+{_NAME_WORD})?)?"
    # (or "und" and a verb: '"...", sagte Hoeneß und schrieb die Transfers ... zu'; or a
    # present participle: "sagte Murray rückblickend", "so Merkel lächelnd"; or how it was
    # said, at the sentence's end: "behauptete Nübel frech.", a week of SZ news, rows 2500-2799)
    rf"(?=\s*(?:[,.:;»“”\"(]|\s(?:{_SPEAKER_END})\b|\s+und\s+[a-zäöüß]|$)"
    rf"|\s+[a-zäöüß]{{3,}}e?nd\b|\s+(?:{_MANNER})[.!]?$)"
    # the person after the role: "der Sprecher, John Kirby, ...", "der rechtspolitische
    # Sprecher der Unionsfraktion, Jan-Marco Luczak."
    rf"(?:,\s+(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}})(?=\s*(?:[,.;:!?]|$)))?"
)

# "so" names a speaker only right after a quote or comma (", so Dolzikowa"), not "Nur so könne"
_AFTER_VERB = re.compile(
    rf"(?:(?:^|[,»“”\"]\s*|\s)(?:{_SPEECH_VERBS})|[,»“”\"]\s*so)\s+{_ADVERBS}{_SPEAKER}"
)

# right after a quote and its comma any verb introduces the speaker ("…", erzählt Dreyer),
# except one by which someone hears, reads or passes on another's words
_NOT_SPEAKING = (
    r"hörte|hört|hörten|las|liest|zitierte|zitiert|zitierten|hieß|heißt|steht|stand|lautet|"
    rf"lautete|und|oder|aber|wie|als|dass|weil|wenn|ob|sodass|damit|{_NO_SPEAKER_WORDS}|"
    # an adverb is no verb: '"…", außerdem eine gewisse Lockerheit' names nobody
    rf"{_ADVERB_WORDS}|sowie|sogar|etwa|jedoch|allerdings"
)

_AFTER_QUOTE = re.compile(
    rf"\"\s*,\s*(?!(?:{_NOT_SPEAKING})\b)[a-zäöüß]+\s+(?:sich\s+)?{_ADVERBS}{_SPEAKER}"
)

# a speaker written as up to four capitalised words ("Grünen-Chefin Annalena Baerbock"), and a
# party or age in brackets after it ("Senatorin Ramona Pop (Grüne)")
_NAME_PHRASE = rf"(?P<speaker>(?:{_NAME_WORD}\s+){{0,3}}{_NAME_WORD})"
_BRACKETS = r"(?:\s+\([^)]{1,40}\))?"

_BEFORE_VERB = re.compile(
    rf"^{_NAME_PHRASE}\s+(?:{_SPEECH_VERBS}|"
    rf"{alternation(NAME_FIRST_VERBS)})\b"
)

# ... and the name right after that verb ("Einzelheiten nannte Außenminister Jeremy Hunt")
_SUBJECT_AFTER = re.compile(rf"\s+{_NAME_PHRASE}\b")

# a name anywhere before a speech verb that opens a quote ("dessen Vorsitzender Jens Gnisa
# sagt: "…", "Senatorin Ramona Pop (Grüne) twitterte: "…")
_BEFORE_COLON = re.compile(
    rf"{_NAME_PHRASE}{_BRACKETS}\s+"
    rf"(?:{_SPEECH_VERBS}|{alternation(COLON_VERBS)})(?:\s+(?:{_ADVERB_WORDS}|weiter))?\s*:\s*[«„“\"]"
)

# ... but not one inside a prepositional phrase: right after "in", "aus", "im", "nach" ("Ein
# Mann in Madrid berichtet:" is not Madrid's), or after a preposition and its article
# ("Verstappen hatte nach dem Qualifying erklärt: "…"" is not the Qualifying's; a week of SZ
# news, rows 2500-2799; "von der" names whose: see _OWNER_BEFORE)
_IN_A_PHRASE_BEFORE = re.compile(
    r"\b(?:in|aus|im|nach"
    rf"|(?:{alternation(sorted(PREPOSITIONS - {'von', 'vom'}))})\s+(?:dem|der|den|einem|einer))"
    r"\s+$"
)

# ... or the sentence's subject before such a verb, whatever stands between the verb and the
# colon ("Grünen-Chefin Annalena Baerbock warnte vor Konsequenzen bei einem Nein: "…"")
_SUBJECT_BEFORE_COLON = re.compile(
    rf"^{_NAME_PHRASE}{_BRACKETS}\s+"
    rf"(?:{_SPEECH_VERBS}|{alternation(COLON_VERBS)})(?P<rest>\s[^:«„“\"]*):\s*[«„“\"]"
)
# ... and, where a role or a first name says it is a person, before any verb ("Kölns Trainer
# Achim Beierlorzer war dagegen enttäuscht: "…"", "Die frühere Ministerpräsidentin Helle
# Thorning-Schmidt schrieb auf Twitter: "…"")
_PERSON_BEFORE_COLON = re.compile(
    rf"^(?P<article>(?:Der|Die)\s+(?:[a-zäöüß]+e[nr]?\s+){{0,2}})?"
    rf"{_NAME_PHRASE}{_BRACKETS}\s+"
    rf"[a-zäöüß]+\b(?P<rest>[^:«„“\"]*):\s*[«„“\"]"
)

# a party or an age in brackets after a name, before the verb
_PARTY_AFTER = re.compile(r"\s*\([^()]{1,40}\)\s*$")

# after the verb a source and "zufolge", then the speaker ("sagte Reuters zufolge ein
# Regierungsvertreter"): the name before "zufolge" passed the words on
_SOURCE_THEN_SPEAKER = re.compile(rf"\s+zufolge\s+{_ADVERBS}{_SPEAKER}")

_ARTICLE = re.compile(
    r"^(?:der|die|das|ein|eine|des|sein|seine|ihr|ihre|unser|unsere)\s+", re.IGNORECASE
)


_PRONOUNS = PRONOUNS  # no speaker: "er", "man", "seine"
# capitalised at the start of a sentence, but no name: "Zudem sagte er", "Weiter schreibt er"
_OPENERS = SENTENCE_OPENERS

# a medium the words were said to: "sagte der Süddeutschen Zeitung" is dative, no speaker
_MEDIUM = re.compile(
    r"^(?i:der)\s+(?:[\w-]+\s+){0,3}?(?:Zeitung|[\w-]*[Zz]eitung|Nachrichtenagentur|Agentur|"
    rf"Zeitschrift|Illustrierten|Bild|Welt|Zeit|Presse|Times|Post|{_PRESS})\b"
)


# The subject in the first place, before the verb in the second: "Trump selbst bekräftigte ein
# mögliches Treffen: "…"" - what follows the verb is its object. Two name words or one with a
# focus word ("selbst", "auch"): a lone capitalised word may be an adverb ("Gleichzeitig").
_SUBJECT_WORDS = rf"^(?P<speaker>(?:{_NAME_WORD}\s+){{0,3}}{_NAME_WORD})"
_FOCUS = r"\s+(?:selbst|auch|dagegen|hingegen|wiederum|jedoch|aber)"
_SUBJECT_FIRST = re.compile(rf"{_SUBJECT_WORDS}(?P<focus>{_FOCUS})?$")


# a subject pronoun right after the verb: what stands before the verb is not its subject
_PRONOUN_SUBJECTS = tuple([p + end] for p in ("er", "sie", "ich", "wir") for end in ("", ":", ","))


def _pronoun_first(text: str) -> bool:
    """``text`` (what follows a verb) opens with a pronoun: the verb's subject ("sprach sie",
    "versicherte er:"), so no capitalised word before the verb is."""
    return text.split(None, 1)[:1] in _PRONOUN_SUBJECTS


# a pronominal adverb: "hierzu", "darüber", "womit" point at a thing, never name a speaker
# (an r before a vowel: "darum", "worauf"; never "Daum")
_POINTING_ADVERB = re.compile(
    r"(?:da|wo|hier)(?:bei|durch|für|gegen|hinter|mit|nach|neben|von|vor|zu|zwischen)"
    r"|(?:dar|wor|hier)(?:an|auf|aus|in|um|über|unter)"
)


def _not_subject(first: str) -> bool:
    """A sentence's first word (lower-cased) that opens no subject: an opener ("Zudem"), a
    preposition ("Über Trump", "Am Montag"), a dative article ("Dem Besucher") or a
    pronominal adverb ("Hierzu berichtet die Apotheken-Umschau: ...")."""
    return (
        first in _OPENERS
        or first in PREPOSITIONS
        or first in _NOT_A_NAME
        or first in ("dem", "den")
        or _POINTING_ADVERB.fullmatch(first) is not None
    )


def _subject_first(head: str, lone: bool = False) -> str | None:
    """The speaker that ``head``, the words before a verb of saying, names as its subject
    (one word only with a focus word, or when ``lone`` and it is a name)."""
    match = _SUBJECT_FIRST.match(head.strip())
    if match is None:
        return None
    words = match.group("speaker").split()
    if _not_subject(words[0].casefold()):  # "Am Montag"
        return None
    if len(words) < 2 and not match.group("focus") and not (lone and _lone_name(words[0])):
        return None
    return _clean_speaker(match.group("speaker"))


# how adverbs and adjectives end, which open a sentence before its verb ("Wörtlich sagte ...",
# "Gleichwohl ...", "Ironischerweise ...")
_ADVERB_ENDINGS = ("lich", "ig", "isch", "weise", "wohl", "mäß", "bar", "sam", "los", "haft", "ens")


def _lone_name(word: str) -> bool:
    """One capitalised word before a verb of saying that is its subject: a name, no common
    noun the corpora know ("Dunham erklärte Turnbull dabei ...: "…"" is Dunham's; what was
    said comes first in "Einzelheiten nannte Hunt nicht"), no word common in German news
    ("Tatsächlich", "Zwar": an adverb opens the sentence) nor one ending as adverbs do."""
    low = word.casefold()
    return (
        word[:1].isupper()
        and word.isalpha()
        and not word.lower().endswith(_ADVERB_ENDINGS)  # (lower, not folded: "-mäß" stays)
        and low not in common_nouns("common")
        and german_stem(low) not in news_stem_rates()
        and not _function_word(word)
    )


# ... and so at the start of a sentence whose quote only a pronoun attributes
_OWN_SUBJECT = re.compile(rf"{_SUBJECT_WORDS}(?P<focus>(?:{_FOCUS})*)\s+[a-zäöüß]")


def _own_subject(text: str) -> str | None:
    """The person a sentence names as its subject before the verb, or None: a name with a
    focus word ("Trump selbst hingegen sieht ..."), or a first name the corpora know and a
    surname, after titles only ("Augsburgs Trainer Martin Schmidt wollte ..."); not a thing
    ("Die Regierung in Rom sei ...") nor a clause ("Weil Martin ...", "Weder Boris ...")."""
    match = _OWN_SUBJECT.match(text)
    if match is None:
        return None
    words = match.group("speaker").split()
    if _not_subject(words[0].casefold()) or words[0].casefold() in german_stop_words():
        return None
    if match.group("focus"):
        named = len(words) == 1 or any(w in FIRST_NAMES for w in words[:-1])
    else:
        at = next((k for k, w in enumerate(words[:-1]) if w in FIRST_NAMES), None)
        named = at is not None and all(w in NAME_TITLES or w.endswith("s") for w in words[:at])
    return _clean_speaker(match.group("speaker")) if named else None


# a personal pronoun and the verb of saying right after it open a sentence with a quote: the
# words after the verb are its object or hearer, not its speaker ('Er erklärte die Regierung ... für
# beendet: "…"' was printed "— Regierung", 'Sie sagte der Funke-Mediengruppe: "…"' "—
# Funke-Mediengruppe")
_PRONOUN_THEN_VERB = re.compile(rf"(?:Er|Sie|Ich|Wir)\s+(?:{_SPEECH_VERBS})\s+{_ADVERBS}$")


def quote_speaker(text: str, previous: str | None = None) -> str | None:
    """Who speaks in a sentence with a direct quote ("sagte Putin", "so Dolzikowa").

    A quote that stands alone after a sentence ending in ":" ("So erklärte ein Sprecher des
    Weißen Hauses am Montag:") takes its speaker from that sentence.
    """
    outside = QUOTE_SPAN.sub(' " ', text)
    for match in [*_AFTER_VERB.finditer(outside), *_AFTER_QUOTE.finditer(outside)]:
        if '"' in outside and _PRONOUN_THEN_VERB.match(outside, 0, match.start("speaker")):
            # the pronoun before the verb speaks the quote: "Er erklärte die Regierung ...: "…""
            # (without a quote the noun stays, a hint to stands_alone: see groups._alone)
            continue
        # (only a verb after a space: after a comma or quote "…, so seine These" is inserted;
        # a party in brackets after the subject is no part of it: "Innenminister Boris
        # Pistorius (SPD) forderte ein hartes Vorgehen: "…"")
        head = _PARTY_AFTER.sub("", outside[: match.start()])
        # (one name before the verb is its subject when a bare name follows the verb, its
        # hearer: "Dunham erklärte Turnbull: ..."; not before an article, the verb's subject
        # then: "Tatsächlich bekräftigte der EuGH ...")
        lone = match.group("speaker")[:1].isupper()
        subject = outside[match.start()].isspace() and _subject_first(head, lone)
        if subject:
            return subject
        source = _SOURCE_THEN_SPEAKER.match(outside, match.end())
        if source:
            # who reported it, not who said it: "sagte Reuters zufolge ein Regierungsvertreter"
            speaker = _clean_speaker(source.group("speaker"))
            if speaker:
                return _with_name(speaker, source)
            continue
        speaker = _clean_speaker(match.group("speaker"))
        if speaker is None:
            continue
        speaker = _with_name(speaker, match)
        if " " not in speaker and is_role(speaker) and ":" in text:
            # a bare role after the quote and a name before its colon are one person: 'den
            # Gündogan sprach: "…", sagte der zweifache Torschütze' is Gündogan's
            named = _named_before_colon(text) or _subject_before_colon(text)
            if named and not is_role(named.split()[-1]):
                return named
        return speaker
    match = _BEFORE_VERB.match(outside.strip())
    # (not what the words were said about or to: "Über Trump sagte er", "Dem Besucher sagte
    # er", nor how, when a pronoun after the verb is its subject: "Ausführlich sprach sie")
    if (
        match
        and not _not_subject(match.group("speaker").split()[0].casefold())
        and not _pronoun_first(outside.strip()[match.end() :])
    ):
        after = _SUBJECT_AFTER.match(outside.strip(), match.end())
        if after and any(w in FIRST_NAMES for w in after.group("speaker").split()[:2]):
            # what was said, and its speaker after the verb: "Einzelheiten nannte
            # Außenminister Jeremy Hunt nicht, sondern sagte ..."
            return _clean_speaker(after.group("speaker"))
        speaker = _clean_speaker(match.group("speaker"))
        if speaker:
            return speaker
    named = (
        _named_before_colon(text) or _subject_before_colon(text) or _person_before_colon(text)
        if ":" in text
        else None
    )
    if named:
        return named
    if previous and previous.rstrip().endswith(":"):
        return quote_speaker(previous.rstrip().rstrip(":") + ".")
    return None


# a determiner of the accusative or dative right before the words before a verb of saying:
# they are its object, not its subject ("... als Pal Csernai am 3. Februar 1979 diesen Satz
# sagte: "…"", "... dem Reporter sagte:"); after a comma "den" opens a relative clause whose
# subject follows ("der erste Satz, den Gündogan sprach: "…"")
_OBJECT_BEFORE = re.compile(
    r"(?:^|(?<!,)\s)(?i:dem|den|diese[mn]|eine[mn]|jene[mn]|seine[mn]|ihre[mn]|keine[mn]|"
    r"unsere[mn]|meine[mn])\s+$"
)


def _named_before_colon(text: str) -> str | None:
    """The speaker named before a speech verb and the colon that opens a quote ("dessen
    Vorsitzender Jens Gnisa sagt: "…""), or None."""
    for match in _BEFORE_COLON.finditer(text):
        if _IN_A_PHRASE_BEFORE.search(text, 0, match.start()):
            continue  # "Ein Mann in Madrid berichtet:" is not Madrid's
        owner = _OWNER_BEFORE.search(text, 0, match.start())
        if owner and match.start() == owner.end() and not _function_word(owner["head"]):
            # the name is whose spokesman or lawyer spoke: "Ein Sprecher der scheidenden
            # Premierministerin Theresa May sagte: "…"" is the spokesman's, and "Niels
            # Nauhauser von der Verbraucherzentrale ... sagt: "…"" Niels Nauhauser's
            start = owner.start("head")
            for word in reversed(text[:start].split()[-2:]):
                if not word[:1].isupper() or _function_word(word):
                    break
                start = text.rindex(word, 0, start)
            speaker = _clean_speaker(text[start : match.end("speaker")])
            if speaker:
                return speaker
            continue
        if _OBJECT_BEFORE.search(text, 0, match.start()):
            continue  # what or whom the subject spoke to: "als Csernai diesen Satz sagte:"
        phrase = match.group("speaker").split()
        while phrase and phrase[0].casefold() in _OPENERS:
            phrase = phrase[1:]  # "Zudem sagte Löw:" is Löw's
        speaker = _clean_speaker(" ".join(phrase)) if phrase else None
        if speaker:
            return speaker
    return None


def _function_word(word: str) -> bool:
    """A capitalised word that is no noun nor name: "Und", "Zudem", "Einer"."""
    return word.casefold() in ALL_FUNCTION_WORDS or word.casefold() in _OPENERS


# a noun and "der", "des" or "von" right before a name: the name is whose the noun is
_OWNER_BEFORE = re.compile(
    r"(?:^|(?<=\s))(?P<head>[A-ZÄÖÜ][\w-]*)\s+(?:der|des|von|vom)\s+(?:[a-zäöüß][\w-]*\s+){0,2}$"
)


def _subject_before_colon(text: str) -> str | None:
    """The name that opens a sentence before its speech verb, objects and the colon of a
    quote ("Grünen-Chefin Annalena Baerbock warnte vor ...: "…""), or None."""
    match = _SUBJECT_BEFORE_COLON.match(text.strip())
    if match is None or _not_subject(match.group("speaker").split()[0].casefold()):
        return None
    if _pronoun_first(match.group("rest")):
        return None  # "Treuherzig versicherte er: "…"": how, and a pronoun says who
    return _clean_speaker(match.group("speaker"))


def _person_before_colon(text: str) -> str | None:
    """A person who opens the sentence, by role or first name, before a verb, whatever
    follows it, and the colon of a quote ("Kölns Trainer Achim Beierlorzer war dagegen
    enttäuscht: "…""), or None."""
    match = _PERSON_BEFORE_COLON.match(text.strip())
    if match is None:
        return None
    phrase = match.group("speaker").split()
    if _not_subject(phrase[0].casefold()) or phrase[0].casefold() in ALL_FUNCTION_WORDS:
        return None  # "Dass Dejan Radonjic ... tat er kund:"
    if _pronoun_first(match.group("rest")):
        return None  # "Am Ende sagte er: ..."
    if not any(w in FIRST_NAMES or _role_of(phrase, i) for i, w in enumerate(phrase)):
        return None  # "Toronto ist noch einen Sieg entfernt ...:": a place, a team
    if match.group("article") and not any(w in FIRST_NAMES for w in phrase):
        return None  # "Der Trainer hat Respekt ...:", "Der Spanier macht klar ...": who?
    return _clean_speaker(" ".join(phrase))


def _role_of(phrase: list[str], i: int) -> bool:
    """``phrase[i]`` is a person's role: not one made of an adjective before a common noun
    ("Einzige Voraussetzung dafür, so wird ... zitiert:", "Dritte Kraft ist ...:"), where it
    says which thing, not who."""
    word = phrase[i]
    if not is_role(word):
        return False
    after = phrase[i + 1].casefold() if i + 1 < len(phrase) else ""
    return not (word.endswith("e") and after in common_nouns("common"))


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
    rf"\s+(?:{_SPEECH_VERBS}|{alternation(SUBJECT_VERBS)})\b[^,.:;]*,\s"
)

_NAME_PARTICLE = re.compile(
    r"\s+(?:(?:von|van|de|zu)(?:\s+(?:der|dem|den))?|der)\s+[A-ZÄÖÜ][\w-]*"
)

# ... or after the verb ("Zudem sagte der Minister, ..."): verbs that take no person as object
# ("warnte Scholz Putin, ...", "versicherte Putin Kim, ..." would make one speaker of both)
_VERB_SAYS = re.compile(
    rf"^(?:\S+\s+){{1,3}}?(?:{alternation(SAY_VERBS_CLAUSE)})\s+"
    rf"{_ADVERBS}{_SPEAKER}\s*,\s"
)

# "Am Montag", "Laut Kreml", "Wie die Bild berichtet" open no speaker; nor does a hearer in the
# dative ("Dem Sender Fox News sagte Pompeo, ...")
_NOT_A_NAME = frozenset(SPEAKER_END) - _PRONOUNS - {
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
    outside = QUOTE_SPAN.sub(' " ', text.strip())
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
    outside = QUOTE_SPAN.sub(' " ', text.strip())
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
        if speaker:
            return _with_name(speaker, match)
    return None


def _with_name(speaker: str, match: re.Match[str]) -> str:
    """The speaker with whose role it is and the person the sentence names after the role
    ("Chef der rechten Lega", "John Kirby, Sprecher", "Jan-Marco Luczak, Sprecher der
    Unionsfraktion")."""
    found = match.groupdict()
    name = found.get("name") or found.get("end_name")
    of = (found.get("of") or "").strip().rstrip(".")
    role = _without_hearer(f"{speaker} {of}") if of else speaker
    return f"{name.rstrip('.')}, {role}" if name else role


# quoted words, then a verb in the past tense and who said them: '"...", lobte Szilagyi'
_QUOTED_THEN_SAID = re.compile(r"[»“”\"]\s*,\s*[a-zäöüß]+te[nt]?\s")

# a time after a speaker or instead of one: "sagte Erdoğan Ende Juni", "erst Anfang September
# sagte: ..." (a name such as "Jan Freitag" or "Michael Ende" stays)
_MONTHS = alternation(month.capitalize() for month in MONTH_NAMES)

_DAYS = alternation(day.capitalize() for day in WEEKDAY_NAMES)

_TRAILING_WHEN = re.compile(rf"(?:^|\s+)(?:Anfang|Mitte|Ende)\s+(?:{_MONTHS})(?:\s+\d{{4}})?$")

_WHEN = re.compile(rf"(?:{_MONTHS}|{_DAYS}|Wochenende|Vormittag|Nachmittag|Abend|Morgen)")

# the hearers after a speaker: "sagte Teamchef Dave Brailsford französischen Medien"
_HEARERS = re.compile(
    r"\s+(?:[a-zäöüß]\w*(?:en|em)\s+)?(?:Medien|Journalisten|Reportern|Zeitungen|Sendern)$"
)

# a finite verb is no part of a speaker: "Der Bundesrechnungshof hatte dem Ausschuss berichtet"
_FINITE = FINITE_AUXILIARIES


# a name that starts in lower case: "von der Leyen", "de Maizière", "al-Assad"
_PARTICLE_START = re.compile(r"(?:von|van|de|der|den|di|da|du|al|el|ibn|bin|zu|ter|ten|la|le)\b"
                             r"(?:\s+(?:der|den|dem|la|le))?\s*[A-ZÄÖÜ]|al-[A-ZÄÖÜ]")


# the medium a named speaker spoke to, after the name: "sagte Präsident Kay Scheller | der
# Süddeutschen Zeitung" (after a paper's own role it is the role's: "Chefredakteur der
# Zeitung", _PAPER_ROLE); the nouns in a group: alone, "SZ" of "SZ-Parlamentsredaktion"
# matched anywhere
_NAMED_HEARER = re.compile(
    rf"\s+(?:der|dem|den)\s+(?:[\w-]+\s+){{0,3}}?(?:{_HEARER_NOUN})(?!-)"
)


def _without_hearer(phrase: str) -> str:
    """``phrase`` up to the medium its named speaker spoke to."""
    match = _NAMED_HEARER.search(phrase)
    if match is None:
        return phrase
    name = phrase[: match.start()].split()[-2:]
    if len(name) == 2 and name[0][:1].isupper():
        return phrase[: match.start()]
    # a surname alone ("sagte Scholz der Funke Mediengruppe", "sagte Seehofer der Süddeutschen
    # Zeitung") or a role outside the paper ("sagte die Politikerin der Süddeutschen Zeitung":
    # whom she told), not a role of the paper ("der Chefredakteur der Süddeutschen Zeitung")
    last = name[-1] if name else ""
    if last[:1].isupper() and not _PAPER_ROLE.search(last):
        return phrase[: match.start()]
    return phrase


# the roles of a paper's own people, whose paper follows them as a genitive
_PAPER_ROLE = re.compile(
    r"(?i:redakteur|korrespondent|herausgeber|reporter|kolumnist|autor|journalist|verleger|"
    r"chef|leiter|mitarbeiter)(?:in)?$"
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
    # a role's adjectives go, its noun and name stay: "stellvertretende Regierungssprecherin
    # Ulrike Demmer" is "Regierungssprecherin Ulrike Demmer", "kantige Sarri" is "Sarri"
    while phrase[:1].islower() and " " in phrase and not _PARTICLE_START.match(phrase):
        phrase = phrase.split(None, 1)[1]
    if phrase[:1].islower() and not _PARTICLE_START.match(phrase):
        return None
    first = phrase.split()[0] if phrase else ""
    if not phrase or first.casefold() in _PRONOUNS:
        return None
    if any(w[:1].isupper() and w.casefold() in ALL_FUNCTION_WORDS for w in phrase.split()[1:]):
        return None  # a sentence glued on: "sagt Werner Aus Vereinsfußball-Perspektive bot ..."
    if not (first[:1].isalpha() or re.match(r"\d+-[A-ZÄÖÜ]", first)):
        return None
    if not any(w[:1].isupper() or w[:1].isdigit() for w in phrase.split()):
        return None
    return phrase


# Subjunctive I in the first words: the sentence reports someone's words ...
_REPORTED = re.compile(
    r"^(?:\S+\s+){0,3}(?:sei|seien|habe|gehe|werde|könne|müsse|solle|wolle|dürfe|möge|gebe|"
    r"stehe|liege|bleibe|komme|brauche|gelte|fehle|drohe|lasse|wisse|sehe|halte|trage|zeige|"
    r"biete|plane|führe|bringe|erwarte|rechne|setze|suche|finde|helfe|gehöre|handle|hänge|"
    r"verfüge|arbeite|mache|nehme|spreche|treffe|erhalte|beginne|entscheide|fordere)\b"
)

# ... and this names who says them.
_ATTRIBUTION = re.compile(
    rf"\b(?:{alternation(ATTRIBUTION_VERBS)}|so|[Ll]aut|zufolge|hieß es|[Nn]ach Angaben)\b"
)


def reported_speech(text: str) -> bool:
    """True for reported speech that does not name its speaker ("Es gehe um ...")."""
    stripped = text.lstrip("«»\"„“”'‚‘ ")
    return _REPORTED.match(stripped) is not None and _ATTRIBUTION.search(stripped) is None


# a statement that gives its own source without a name ("heißt es in Bankenkreisen", "hieß es
# im Umfeld des Konzerns", "..., heißt es."): no speaker of the sentence before (but "heißt es
# in der Beschwerde" goes on quoting the complaint's author)
_UNNAMED_SOURCE = re.compile(
    r"\b(?:heißt|hieß) es(?:\s+(?:in|aus)\s+\S*[Kk]reisen\b|\s+im\s+Umfeld\b|[.!?]?[\"“”»«]?$)"
)


def reported_speakers(sentences: list[Sentence]) -> dict[int, str]:
    """Who says each statement of an article that reports speech without naming its speaker.

    The speaker stands in the sentence before, in the same paragraph: "Nordkorea-Experte
    Koh Yu Hwan ... erklärte gegenüber der Nachrichtenagentur AFP, Moskau und Pjöngjang seien
    aufeinander angewiesen. Russland brauche Nordkoreas Waffenlieferungen ..." (a report
    running over several sentences keeps its speaker). Sentence index -> speaker.

    A quote whose speaker is only a pronoun ('"…", sagte er.') takes the one person the
    sentence before names (or had as its speaker), in the same paragraph or the one before;
    none when it names several or nobody.
    """
    found: dict[int, str] = {}
    for i in range(1, len(sentences)):
        sentence, before = sentences[i], sentences[i - 1]
        if pronoun_attribution(sentence.text):
            # a subject of its own comes first: 'Trump selbst hingegen sieht sich nicht unter
            # Druck: "…", sagte er' is Trump's, whoever the sentence before named
            quoted = any(mark in sentence.text for mark in OPENING_QUOTES)
            person = ((quoted and (_own_subject(sentence.text) or named_before_quote(
                sentence.text))) or found.get(i - 1) or person_named(before.text))
            if person:
                found[i] = person
            continue
        if before.block != sentence.block or not reported_speech(sentence.text):
            continue
        if names_own_speaker(sentence.text) or report_speaker(sentence.text):
            continue  # it names its speaker after all ("..., räumte Scholz ein.")
        if _UNNAMED_SOURCE.search(sentence.text):
            continue  # its own source, unnamed: "..., heißt es in Bankenkreisen."
        # a report that runs on keeps the speaker the sentence before had or named
        speaker = found.get(i - 1) or report_speaker(before.text)
        # a report about the speaker is someone else's ("Zuvor habe Bolton sich mit Johnson
        # getroffen" after Bolton's quote came from the Guardian)
        if speaker and not re.search(rf"\b{re.escape(speaker.split()[-1])}\b", sentence.text):
            found[i] = speaker
    return found


def named_before_quote(text: str) -> str | None:
    """The one person a sentence names by role and surname, or first name and surname, before
    its quote opens: the "sie" of 'Am Sonntag hatte die dänische Ministerpräsidentin
    Frederiksen ... eine Absage erteilt: "…", sagte sie.' is Frederiksen, not the speaker of
    the sentence before. None when it names nobody so or more than one."""
    at = min((text.find(m) for m in OPENING_QUOTES if m in text), default=-1)
    head = text[:at] if at > 0 else ""
    written = head.split()
    words = [w.strip(",.;:()") for w in written]
    persons = set()
    for k, (first, second) in enumerate(zip(words, words[1:])):
        if not (second[:1].isupper() and second[1:2].islower()):
            continue
        if written[k] != first or k and words[k - 1].casefold() in PREPOSITIONS:
            continue  # a place: "in Orlando, Florida", "aus Paris Hilton" is no person
        if (is_role(first) or first in FIRST_NAMES) and not (
            is_role(second) or second in FIRST_NAMES
        ):
            persons.add(f"{first} {second}")
    return persons.pop() if len(persons) == 1 else None


# a quote or report whose speaker is only a pronoun: '"...", sagte er.', '..., so sie.'
_PRONOUN_SAID = re.compile(
    rf"[,»“”\"]\s*(?:(?:{_SPEECH_VERBS})|(?!(?:{alternation(sorted(FINITE_AUXILIARIES))})\b)"
    # (any verb in the past or, right after the quote's comma, in the present: '"Sonst könnte
    # ich ... ausliefern", scherzt er.')
    rf"[a-zäöüß]+te[nt]?|(?<=\")\s*,\s*[a-zäöüß]+t|so)\s+{_ADVERBS}(?:er|sie)\b"
    # ... at its end, or going on: '"...", sagt er, und ein Raunen geht durch den Saal',
    # '"...", sagte sie am Dienstag, "die Erholung ..."', '"...", sagte er nach einem Bericht ...'
    r"[^;:]{0,200}$"
)
# ... and in a sentence that opens with the quote, also when a second quote follows a colon
# ('"Es liegt an mir", erklärte sie jetzt in München: "Alles fängt bei mir an."'); elsewhere a
# colon after "machte er ..." opens no quote of his
_PRONOUN_SAID_QUOTE = re.compile(_PRONOUN_SAID.pattern.replace("[^;:]{0,200}$", "[^;]{0,200}$"))


def pronoun_attribution(text: str) -> bool:
    """True when a sentence says who speaks only by a pronoun after its quote ('"…", sagte er.',
    '"…", sagt er, und ein Raunen geht durch den Saal'; not '"…", sollte sie nicht ...')."""
    outside = QUOTE_SPAN.sub(' " ', text.rstrip())
    pattern = _PRONOUN_SAID_QUOTE if text.lstrip()[:1] in OPENING_QUOTES else _PRONOUN_SAID
    return pattern.search(outside) is not None and quote_speaker(text) is None


# a run of capitalised words: a name with its role ("Bundeskanzlerin Angela Merkel")
_NAME_RUN = re.compile(r"[A-ZÄÖÜ][\w'’.-]*(?:\s+(?:von|van|de|der|zu)?\s*[A-ZÄÖÜ][\w'’-]*)+")


def person_named(text: str) -> str | None:
    """The one person a sentence names, as a following '…, sagte er.' means them, or None.

    Who the sentence says speaks ("sagte Putin", "Experte Koh Yu Hwan erklärte, ..."), else
    the name that opens it ("Trainer Julian Nagelsmann lobte ..."); None when it names no
    person or more than one (then "er" is ambiguous).
    """
    speaker = quote_speaker(text) or report_speaker(text)
    runs = []
    for match in _NAME_RUN.finditer(QUOTE_SPAN.sub(' " ', text)):
        words = match.group(0).split()
        while words and words[0].casefold() in _NOT_A_NAME | _OPENERS | _PRONOUNS | ARTICLES | (
            PREPOSITIONS
        ):
            words = words[1:]  # "Am Montag", "Zudem", "Die ...", "Für Bottas ist es ..."
        if len(words) >= 2:
            runs.append(" ".join(words))
    if speaker:
        others = {r for r in runs if r not in speaker and speaker.split(",")[0] not in r}
        return None if others else speaker
    first, _, rest = text.partition(" ")
    if len(set(runs)) == 1 and (
        text.startswith(runs[0]) or first.casefold() in PREPOSITIONS and rest.startswith(runs[0])
    ) and not _a_thing(runs[0]):
        return runs[0]  # ("Für Polizei-Seelsorger Dietrich Bredt-Dehnen ist ...": his)
    return None


def _a_thing(run: str) -> bool:
    """A capitalised adjective and its noun that open a sentence, no person: "Zentrales Ziel
    seines Regierungsprogramms sei es, ..." ('"…", schrieb er.' after it was printed with
    "— Zentrales Ziel", 300 random articles, seed 120923)."""
    words = run.split()
    return words[-1].casefold() in common_nouns("common") and not any(
        w in FIRST_NAMES or is_role(w) or w.split("-")[0] in FIRST_NAMES for w in words
    )  # ("Klaus-Jürgen Grün" is a person)


# a speaker named by age alone: "der 47-Jährige", "die 30-jährige", "der 62 Jahre alte" (whom
# the article named before, which a story of several articles does not show)
_AGE_ONLY = re.compile(r"\d+[- ]?(?:Jährige[nr]?|jährige[nr]?|Jahre alte[nr]?)")


def by_age_only(speaker: str) -> bool:
    """Whether a speaker is named by age alone ("47-Jährige"): among several articles the
    reader cannot tell whom the age means."""
    return _AGE_ONLY.fullmatch(speaker) is not None


def resolve_role(speaker: str, article_text: str) -> str | None:
    """A speaker named only by a role ("Minister", from "sagte der Minister") with the name the
    article gives that role ("Minister Soltanifar"), the role alone when the article names
    nobody so, None when it names several (the role could be any of them)."""
    if " " in speaker or "," in speaker or not re.search(
        rf"\b(?:der|die|des|dem|den)\s+(?:[a-zäöüß][\w-]*\s+){{0,2}}{re.escape(speaker)}\b",
        article_text,
    ):
        return speaker  # a name, or a role with a name already
    if any(
        before in FIRST_NAMES
        for before in re.findall(rf"\b(\w+)\s+{re.escape(speaker)}\b", article_text)
    ):
        return speaker  # a surname the article writes after a first name ("Donald Trump")
    names = set()
    # the name may stand beside the role written without its hyphen ("Vize-Kanzler" and
    # "Vizekanzler Olaf Scholz" in one article)
    first, *rest = speaker.split("-")
    role = re.escape(first) + "".join(
        f"-?(?i:{re.escape(part[:1])}){re.escape(part[1:])}" for part in rest
    )
    for match in re.finditer(rf"\b{role}\s+({_NAME_WORD}(?:\s+{_NAME_WORD})?)", article_text):
        words = match.group(1).split()
        for k, word in enumerate(words):
            if len(word) > 2 and word.endswith("."):
                # the sentence ends after the name: "sagt Xbox-Chef Spencer. Was er meint"
                words = [*words[:k], word[:-1]]
                break
        while words and words[-1].casefold() in _NOT_A_NAME | _OPENERS | _PRONOUNS:
            words = words[:-1]
        if words and words[0].casefold() not in _NOT_A_NAME | _OPENERS | _PRONOUNS | _FINITE:
            names.add(" ".join(words))
    if not names:
        return speaker
    full = {n for n in names if not any(n != m and n in m for m in names)}
    if len(full) == 1:
        return f"{speaker} {full.pop()}"
    return None
