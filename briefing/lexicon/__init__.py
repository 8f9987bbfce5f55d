"""German knowledge as data: the word lists and phrases the briefing recognises text by.

Each list is a file beside this module (one entry a line, ``#`` starts a comment) and is
loaded once, into the named tables below; every regular expression that looks for such words
is built from these tables. sumy's stop-word lists are read from sumy's data files.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

_HERE = Path(__file__).resolve().parent


@lru_cache(maxsize=None)  # each file is read once, however many tables it gives
def _rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of ``name.txt``: tab-separated fields, comments and blank lines left out."""
    rows = []
    for line in (_HERE / f"{name}.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(tuple(field.strip() for field in line.split("\t")))
    return tuple(rows)


def _tagged(name: str, tag: str, column: int = 0) -> tuple[str, ...]:
    """The entries of ``name.txt`` whose tags (the last field) include ``tag``, in file order."""
    return tuple(row[column] for row in _rows(name) if tag in row[-1].split())


def _numbered(name: str, *tags: str) -> dict[str, int]:
    """``{name: number}`` of the rows (number, name, tags) with any of ``tags``, in file order."""
    return {row[1]: int(row[0]) for row in _rows(name) if set(tags) & set(row[2].split())}


def alternation(entries: Iterable[str]) -> str:
    """A regular-expression alternation of the entries, in their order, each taken literally;
    an entry that ends in ``*`` stands for every word that starts so."""
    return "|".join(
        re.escape(entry[:-1]) + r"\w*" if entry.endswith("*") else re.escape(entry)
        for entry in entries
    )


def either_case(entries: Iterable[str]) -> str:
    """An alternation in which each entry may also start with a capital ("[Vv]ermutlich")."""
    return "|".join(f"[{e[0].upper()}{e[0]}]{re.escape(e[1:])}" for e in entries)


# --- verbs of saying (say_verbs.txt) ---------------------------------------------------------
SAY_VERBS = _tagged("say_verbs", "quote")  # introduce a quote or name its speaker
SAY_VERBS_CLAUSE = _tagged("say_verbs", "clause")  # "sagte der Minister, ..." (no object)
ATTRIBUTION_VERBS = _tagged("say_verbs", "attribution")  # "..., sagte er" names the speaker
BACK_REFERENCE_VERBS = _tagged("say_verbs", "back-ref")  # "..., sagte er" points back
GOES_ON_VERBS = _tagged("say_verbs", "goes-on")  # "teilte der Kreml weiter mit"
NAME_FIRST_VERBS = _tagged("say_verbs", "name-first")  # "Merkel nannte ..."
COLON_VERBS = _tagged("say_verbs", "colon")  # "Pop kommentierte: ..."
SUBJECT_VERBS = _tagged("say_verbs", "subject")  # "Experte X warnte, ..."

# --- months and weekdays (months.txt, weekdays.txt) ---------------------------------------
# every spelling metadata reads ("19. Juni 2024", "Jun 19, 2024", "Jänner", "Sept."): number
MONTH_NUMBERS = _numbered("months", "de", "de-var", "de-abbr", "en", "en-abbr")
# the German names date finding reads in sentences, "Jänner" included: number
GERMAN_MONTHS = _numbered("months", "de", "dates")
MONTH_NAMES = tuple(_numbered("months", "de"))  # januar ... dezember
WEEKDAY_NUMBERS = _numbered("weekdays", "de")  # montag: 0 ... sonntag: 6
WEEKDAY_NAMES = tuple(WEEKDAY_NUMBERS)
# a date stamp's weekday: German, English, and German two-letter abbreviations
STAMP_WEEKDAYS = tuple(_numbered("weekdays", "de")) + tuple(_numbered("weekdays", "en")) + tuple(
    _numbered("weekdays", "abbr")
)

# --- function words (function_words.txt) ------------------------------------------------------


def _folded(words: Iterable[str]) -> frozenset[str]:
    """``words`` and their case-folded spellings: a table read with ``str.casefold`` finds
    "schließlich" as "schliesslich" (and so a Swiss text's spelling)."""
    words = tuple(words)
    return frozenset(words) | frozenset(w.casefold() for w in words)


ARTICLES = frozenset(_tagged("function_words", "article"))
DETERMINERS = ARTICLES | frozenset(_tagged("function_words", "possessive"))
PREPOSITIONS = _folded(_tagged("function_words", "preposition"))
LOCATIVE_PREPOSITIONS = frozenset(_tagged("function_words", "place"))
QUANTITIES = _folded(_tagged("function_words", "quantity"))
CONJUNCTIONS = frozenset(_tagged("function_words", "conjunction"))
NEGATIONS = frozenset(_tagged("function_words", "negation"))
ANAPHORA = _folded(_tagged("function_words", "anaphora"))
PRONOUNS = frozenset(_tagged("function_words", "pronoun"))
SENTENCE_OPENERS = _folded(_tagged("function_words", "opener"))
FINITE_AUXILIARIES = frozenset(_tagged("function_words", "finite"))
SPEAKER_END = _tagged("function_words", "speaker-end")
SPEECH_MANNER = tuple(row[0] for row in _rows("speech_manner"))  # '..., sagte Nübel frech.'
SPEECH_ADVERBS = _tagged("function_words", "adverb")
WRAP_WORDS = frozenset(_tagged("function_words", "wrap"))
# two lists of function words sumy's German stop-word list lacks, measured apart: the
# cleaner's prose density and language detection (they share 29 words)
CLEANER_FUNCTION_WORDS = frozenset(_tagged("function_words", "cleaner"))
LANGUAGE_FUNCTION_WORDS = _tagged("function_words", "language")
ALL_FUNCTION_WORDS = frozenset(row[0] for row in _rows("function_words"))
POINTS_BACK = _folded(_tagged("function_words", "points-back"))  # "Dessen Sohn ..."
LEANS_BACK = _folded(_tagged("function_words", "leans"))  # "Denn ...", "Hierzu ..."
SUBORDINATORS = _folded(_tagged("function_words", "subordinate"))  # "Obwohl ..."
DEMONSTRATIVES = frozenset(_tagged("function_words", "demonstrative"))  # "Das sagte ..."
FINITE_VERBS = frozenset(_tagged("function_words", "finite-verb"))
AUXILIARIES = frozenset(_tagged("function_words", "aux"))  # "soll ... helfen", "ist ... gestiegen"
# words that open a subordinate clause (clause_words.txt): after a comma, as a relative pronoun,
# at a sentence's start
CLAUSE_WORDS = frozenset(_tagged("clause_words", "clause"))
RELATIVE_PRONOUNS = frozenset(_tagged("clause_words", "relative"))
OPENING_CLAUSE_WORDS = frozenset(_tagged("clause_words", "opening"))
# "ganz", "kaum": no verb; nor a short adjective the corpora decline ("groß": große, großen,
# großer, großes; short_adjectives.txt, mined)
# (case-folded, as the clause test reads a word: "groß" is "gross")
NEVER_VERBS = frozenset(
    w.casefold()
    for w in (*_tagged("clause_words", "adverb"), *(row[0] for row in _rows("short_adjectives")))
)


@lru_cache(maxsize=1)
def finite_forms() -> frozenset[str]:
    """Finite verb forms of German news (finite_verbs.txt, mined from the corpora) and the
    function words' finite verbs and auxiliaries, lower-case. Read on first use. (A
    preposition is none, though the mining took "außer" for one: "Niemand außer Chinas
    Außenminister, der ..." has no verb.)"""
    mined = (row[0] for row in _rows("finite_verbs"))
    verbs = {w.casefold() for w in (*mined, *FINITE_VERBS, *FINITE_AUXILIARIES)}
    return frozenset(verbs - PREPOSITIONS)

# --- abbreviations, page furniture, media labels, hedges, counts --------------------------
ABBREVIATIONS = frozenset(row[0] for row in _rows("abbreviations") if len(row) == 1)
NUMBER_ABBREVIATIONS = frozenset(_tagged("abbreviations", "before-number"))  # "Art. 5"
MONTH_ABBREVIATIONS = tuple(_numbered("months", "de-abbr"))  # "Jan. 2019"
ORDINAL_NOUNS = frozenset(row[0] for row in _rows("ordinal_nouns"))  # "am 5. Spieltag"
SEQUENCE_NOUNS = _tagged("ordinal_nouns", "sequence")  # "die 14. Etappe": an event of a series
PAGE_WORD_PREFIXES = _tagged("page_phrases", "prefix")
PAGE_PHRASES = _tagged("page_phrases", "phrase")
SECTION_LABELS = tuple(row[0] for row in _rows("section_labels"))  # "Fußball: ..."
CAPTION_LABELS = _tagged("media_labels", "caption")
PICTURE_NOTES = _tagged("media_labels", "note")  # "(Archivbild)" after a caption
CREDIT_LABELS = _tagged("media_labels", "credit")
MEDIA_LABELS = _tagged("media_labels", "media")
TEASER_LABELS = _tagged("media_labels", "teaser")
PAGE_POINTERS = _tagged("media_labels", "pointer")  # "(siehe Grafik)", "(Tabelle)", "siehe oben"
GUESS_WORDS = _tagged("hedge_words", "guess")
GUESS_WORDS_EITHER_CASE = _tagged("hedge_words", "either-case")
CONTEST_NOUNS = _tagged("hedge_words", "contest")
APPEAL_NOUNS = _tagged("hedge_words", "appeal")
COUNT_NOUNS = tuple(row[0] for row in _rows("count_nouns"))
MEASURES = frozenset(_tagged("count_nouns", "measure"))  # "Prozent", "Kilometer"
NUMBER_WORDS = _numbered("numbers", "cardinal")  # "zwölf": 12
ORDINAL_STEMS = _numbered("numbers", "ordinal")  # "fünft": 5 ("fünften")
MAGNITUDES = _numbered("numbers", "magnitude")  # "millionen": 6 (a power of ten)
RELATIVE_DAYS = _numbered("numbers", "relative")  # "gestern": -1
FRACTIONS = {row[1]: float(row[0]) for row in _rows("numbers") if row[2] == "fraction"}
DURATIONS = frozenset(row[1] for row in _rows("numbers") if row[2] == "duration")
CURRENCIES = frozenset(row[1] for row in _rows("numbers") if row[2] == "currency")
CLOCK_WORDS = frozenset(row[1] for row in _rows("numbers") if row[2] == "clock")
# "sterreich" for "Österreich": words of damaged texts that lost their capital Ä or Ö
LOST_UMLAUTS = tuple(row[0] for row in _rows("lost_umlauts"))

# --- furniture inside the text (furniture.txt) ------------------------------------------------
CAPTION_MARKERS = _tagged("furniture", "marker") + tuple(
    f"{noun} {verb}"
    for noun in _tagged("furniture", "ui-noun")
    for verb in _tagged("furniture", "ui-verb")
)
FURNITURE_SENTENCES = _tagged("furniture", "sentence")
ROUNDUP_LABELS = _tagged("furniture", "roundup")  # "Der Tag kompakt": the day's stories
EDITORS_NOTES = _tagged("furniture", "note")  # "Anmerkung der Redaktion: ..."
AGENCY_TAGS = _tagged("agencies", "tag")  # "(dpa)"
PHOTO_AGENCIES = _tagged("agencies", "photo-id")  # "epa11234567"
AGENCY_NAMES = {row[0]: row[1] for row in _rows("agencies") if "outlet" in row[-1].split()}


@lru_cache(maxsize=1)
def news_stem_rates() -> dict[str, float]:
    """The common words of German news as Snowball stems with their document rates
    (news_stem_rates.txt: stems in at least 0.5 % of both the MLSUM 2019 and the 10kGNAD
    2015-16 articles, the lower of the two rates; no story's own word is that common in both
    years). Story grouping's IDF counts them as if a thousand news articles stood beside
    every folder."""
    return {row[0]: float(row[1]) for row in _rows("news_stem_rates")}


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


# --- story headings (heading_words.txt, heading_nouns.txt) ---------------------------------
HEADING_PREPOSITIONS = {
    row[0]: row[1] for row in _rows("heading_words") if row[-1] == "preposition"
}
GENITIVE_ARTICLES = frozenset(_tagged("heading_words", "genitive"))
NAME_PARTICLES = _tagged("heading_words", "particle")
TIMES_OF_DAY = _tagged("heading_words", "time")
PERIODS = _tagged("heading_words", "period")
NOUN_ENDINGS = _tagged("heading_words", "noun-ending")
OWN_PLURALS_N = frozenset(w.casefold() for w in _tagged("heading_words", "plural-n"))
# "nach den Worten des Präsidenten": whose words, never what happened
SOURCE_NOUNS = frozenset(_tagged("heading_words", "source"))
# first names mined from the corpora ("Fritz", "Ursula"): written before surnames, never after
# an article, and titles written before names and after articles ("der Radprofi Matt
# Brammeier") (name_words.txt)
FIRST_NAMES = frozenset(row[0] for row in _rows("name_words") if row[-1] == "first")
NAME_TITLES = frozenset(row[0] for row in _rows("name_words") if row[-1] == "title")
# "das Statistische Bundesamt": an adjective inside a name, which a heading writes strong
NAME_ADJECTIVES = frozenset(row[0] for row in _rows("name_adjectives"))
# "im Gegenzug", "mit Blick auf": how or in what respect, never what happened
IDIOM_NOUNS = frozenset(_tagged("heading_words", "idiom"))
# "im Norden (der Niederlande)", "in der Nähe (des Alexanderplatzes)": where, by what follows
RELATIONAL_NOUNS = frozenset(_tagged("heading_words", "relational"))
DIRECTION_NOUNS = frozenset(_tagged("heading_words", "direction"))
# "auf Eis legen", "zu Protokoll geben": a preposition and a noun a verb takes as one
VERB_IDIOMS = frozenset(_tagged("heading_words", "verb-idiom"))
# "mitgerissen worden": an auxiliary after a clause's participle
HEADING_AUXILIARIES = frozenset(_tagged("heading_words", "auxiliary"))


# "der Brite", "die Britin" (demonyms.txt): someone by where they come from
DEMONYMS = tuple((row[0], row[1]) for row in _rows("demonyms"))
# ... whose plural is a country's name too: "Schweden", "Polen"
_PLACE_PLURALS = frozenset(_tagged("demonyms", "place-plural"))


@lru_cache(maxsize=1)
def demonym_forms() -> frozenset[str]:
    """Every declined form of the demonyms, singular and plural ("Brite", "Briten", "Britin",
    "Britinnen", "Spaniers", "Spaniern", "Israelis")."""
    forms = set()
    for masculine, feminine in DEMONYMS:
        forms |= {masculine, feminine, feminine + "nen", masculine + "s"}
        if masculine.endswith(("e", "er")) and masculine not in _PLACE_PLURALS:
            forms.add(masculine + "n")  # "Briten", "Deutschen", "den Spaniern"
    return frozenset(forms)


@lru_cache(maxsize=1)
def demonym_singulars() -> frozenset[str]:
    """The demonyms' nominative singulars ("Brite", "Britin", "Spanier"): one person."""
    return frozenset(form for row in DEMONYMS for form in row)


@lru_cache(maxsize=None)
def common_nouns(tag: str = "common") -> frozenset[str]:
    """The nouns of common_nouns.txt with ``tag``: "common" (written after "ein", "seine" or
    an adjective), "plural-e" (plurals in -e: "Anschläge"), "not-feminine" (masculine or
    neuter singulars: "der Mut"). Read on first use (10,000 rows)."""
    return frozenset(_tagged("common_nouns", tag))


@lru_cache(maxsize=1)
def event_nouns() -> dict[str, float]:
    """Snowball stems of event nouns with the share of their uses after "nach dem", "seit der"
    and the like (heading_nouns.txt, learned from the corpora: a heading's noun is an event,
    "Anschlag", "Pleite", "Rücktritt", more often than a role or an aspect)."""
    return {row[0]: float(row[1]) for row in _rows("heading_nouns") if row[-1] == "event"}


@lru_cache(maxsize=1)
def person_nouns() -> frozenset[str]:
    """Nouns that name a person or people ("präsident", "verdächtige", "männer"): a role is
    no heading (heading_nouns.txt, learned from the corpora, and heading_words.txt)."""
    learned = (row[0] for row in _rows("heading_nouns") if row[-1] == "person")
    return frozenset(learned) | frozenset(_tagged("heading_words", "people"))


@lru_cache(maxsize=1)
def speaker_roles() -> frozenset[str]:
    """The person nouns and the roles made of adjectives ("vorsitzende", heading_words.txt):
    the nouns a speaker's role may end in."""
    return person_nouns() | frozenset(_tagged("heading_words", "role"))


@lru_cache(maxsize=1)
def _long_roles() -> tuple[str, ...]:
    """The roles a compound may end in: six letters or more ("sprecher", not "rat")."""
    return tuple(sorted(r for r in speaker_roles() if len(r) >= 6))


@lru_cache(maxsize=4096)
def is_role(word: str) -> bool:
    """A noun for a person (``speaker_roles``), in the masculine or its feminine in -in, alone
    or as a compound's last part of six letters or more ("Landesvorsitzende",
    "Computerexperte")."""
    low = word.casefold()
    roles = speaker_roles()
    forms = (low, low[:-2]) if low.endswith("in") else (low,)
    return any(
        form in roles
        or any(form.endswith(role) and len(form) - len(role) >= 3 for role in _long_roles())
        for form in forms
    )
