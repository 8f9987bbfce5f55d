"""Whether a sentence stands alone: the cues that it points back, addresses the reader, is
page furniture or a generic truth rather than news.

Takes one sentence; gives each cue as a predicate. ``briefing.summary.scoring`` weighs them
into a sentence's stand-alone factor.
"""

from __future__ import annotations

import re
from functools import lru_cache

from briefing.cues.quotes import outside_quotes
from briefing.lexicon import (
    ALL_FUNCTION_WORDS,
    ANAPHORA,
    BACK_REFERENCE_VERBS,
    CLAUSE_WORDS,
    CONJUNCTIONS,
    DEMONSTRATIVES,
    DEMONYMS,
    DETERMINERS,
    FINITE_AUXILIARIES,
    FINITE_VERBS,
    FIRST_NAMES,
    GOES_ON_VERBS,
    MONTH_NAMES,
    NAME_ADJECTIVES,
    POINTS_BACK,
    PREPOSITIONS,
    QUANTITIES,
    RELATIVE_PRONOUNS,
    ROUNDUP_LABELS,
    SUBORDINATORS,
    TEASER_LABELS,
    WEEKDAY_NAMES,
    alternation,
    common_nouns,
    demonym_forms,
    either_case,
    finite_forms,
    is_role,
)
from briefing.text.words import first_word

# Quotation marks and spaces a sentence may open with; the cues read the words after them.
_OPENING = "«»\"„“”'‚‘ "


# "Das"/"Dem" starting a sentence are demonstratives ("Das berichtet der Spiegel") when a
# verb follows directly; as articles ("Das abgeschottete Nordkorea") they are fine ...
_DEMONSTRATIVE = re.compile(
    r"^(?:Das|Dem|Denen|Deren|Dessen)\s+(?:ist|war|sei|wäre|hat|habe|"
    r"hatte|wird|werde|würde|kann|könne|könnte|soll|sollte|muss|"
    r"bedeutet|berichtet|sagt|sagte|zeigt|zeige|gilt|geht|heißt|"
    r"meldet|schreibt|schrieb|erklärt|erklärte)\b"
)

# ... and so are they before a lower-case word with no noun after it ("Das stimmt so nicht").
_DEMONSTRATIVE_PHRASE = re.compile(r"^(?:Das|Dies)\s+[a-zäöüß]\S*[\s,.]+(?:[a-zäöüß]|$)")

# Teasers and page furniture that the cleaner may leave glued to a sentence.
_TEASER = re.compile(
    rf"^(?:Das Wichtigste in Kürze|Der Überblick|{alternation(ROUNDUP_LABELS)}|Lesen Sie|"
    r"Hier (?:siehst du|sehen Sie)|"
    rf"Mehr zum Thema|{'|'.join(label + ':' for label in TEASER_LABELS)}|Auch interessant|Update:"
    # a link to more: "Zum Artikel: ...", "Weitere Meldungen: ...", "Mehr Informationen"; a
    # podcast's other subjects: "Weitere Themen: Googles Quantencomputer, ..."
    r"|(?:Zum (?:Artikel|Liveblog|Newsblog|Ticker|Video|Thema|Weiterlesen)|"
    r"Weitere (?:Meldungen|Nachrichten|Informationen|Artikel|Themen)|"
    r"Mehr (?:Informationen|Nachrichten|Artikel))\s*:"
    # "Alle (aktuellen) Nachrichten und Hintergründe im Überblick", "Alle Folgen finden Sie hier"
    r"|Alle (?:\w+ ){0,3}(?:Nachrichten|Informationen|Artikel|Folgen|Entwicklungen|Hintergründe|"
    r"Texte|Beiträge|Interviews)\b.{0,80}\b(?:im Überblick|finden Sie|hier|lesen Sie)\b)",
    re.IGNORECASE,
)

# The reader addressed directly ("Hier siehst du ...", "Wie könnte er auch anders").
# (the first letter looked at before the words are tried: a third faster)
# ... or greeted: "Liebe Leserinnen, liebe Leser, ein Großteil des zweiten Spieltags ..." (a
# live blog's opening, 4 times in the MLSUM texts)
_READER = re.compile(
    r"\b(?=[del])(?:du|dich|dir|dein|deine|euch|euer|liebe\s+leser(?:innen)?)\b", re.IGNORECASE
)

# Page furniture that the cleaner may leave in an article's body: the reader addressed
# formally (a capital "Sie"/"Ihnen" after the first word: "Dann schreiben Sie uns", "Verpassen
# Sie keine Folge"), e-mail and web addresses, a podcast's or newsletter's own lines.
# (something of it stands in every _FURNITURE match)
_FURNITURE_HINT = re.compile(r"@|www\.|http|[Pp]odcast|Newsletter|Folge|Moderator")

# (after a word or a comma: after a colon, a dash or a quotation mark a clause starts, and its
# "Sie" is "she": "... wo sie hin wollte: Sie ist Kanzlerin")
_FORMAL_YOU = re.compile(r"(?<=[\w,] )(?:Sie|Ihnen|Ihr|Ihre|Ihrer|Ihrem|Ihren)\b")

# an e-mail or web address
_ADDRESS = r"\S@\S|\bwww\.|https?://"

_FURNITURE = re.compile(
    _ADDRESS
    + r"|[Nn]achrichtenpodcast|\bPodcast erscheint\b|\bunsere[nmr]? (?:Podcasts?|Newsletter)\b"
    # an episode announced: "... in einer neuen Folge von "Und nun zum Sport", dem Sportpodcast"
    r"|\bFolgen?\b.{0,200}[Pp]odcast|[Pp]odcast.{0,200}\bFolgen?\b"
    # a podcast's notes: "Im Podcast erklärt er, was hinter Trumps Kaufangebot steckt", "Die
    # neue Folge von "Und nun zum Sport" mit Anna Dreher", "... gibt es unter sz.de/podcast."
    r"|^Im Podcast (?:erklärt|erzählt|beschreibt|spricht|berichtet|analysiert)\b"
    r"|^Die neue Folge (?:von|des)\b.{0,120}\bmit\b|\b[a-z]+\.(?:de|at|ch|com)/[Pp]odcast"
    # ... its hosts: "Die SZ-Redakteure X und Y erklären bei Moderator Z, wie ...", "der Podcast
    # der Süddeutschen Zeitung"
    r"|\bbei Moderator(?:in)? [A-ZÄÖÜ]|[Pp]odcast der [A-ZÄÖÜ][\w-]+ Zeitung\b"
    # ... and who speaks in this episode: "Das erklärt in dieser Folge der SZ-Redakteur ...",
    # "Darüber sprechen ... in der neuen Folge von "Und nun zum Sport"" (not a magazine's
    # "Ausgabe", which news quotes)
    r"|\b[Ii]n (?:dieser|der neuen|der aktuellen|der heutigen) (?:Folge|Episode)\b"
)

# A generic truth about the story's actors rather than news ("Die Beziehung ... besteht schon
# lange", "werden nicht müde, ihre guten Beziehungen zu loben", "gilt seit langem als").
_GENERIC = re.compile(
    r"\b(?:schon lange|seit langem|seit Langem|seit jeher|nicht müde|traditionell)\b"
)

_LATE_PRONOUN = re.compile(r"^(?:\S+\s+){1,3}(?:er|sie|ihn|ihm|ihnen|dortige\w*)\b")

# "das" or "dies" standing for what was said before, within the first words: as an object
# ("Kemmerich verneint das und ...") or a subject ("Trotzdem ist das falsch"); an article is
# followed by its noun ("verneint das Gerücht"), a relative pronoun by a comma before it
_EARLY_DEMONSTRATIVE = re.compile(
    r"^(?:\S+(?<!,)\s+){1,3}(?:das|dies)(?=\s+(?:und|oder|aber|sei|ist|war|nicht|auch|so|"
    r"jedoch|allerdings|zurück|ab|an|zu|"
    # an article right after it: "das" is no article then ("Oft ist das den Grazern nicht
    # gelungen", "Für Huawei wäre das eine Katastrophe")
    r"der|die|den|dem|des|ein|eine|einen|einem|einer)\b|\s*[,.;:!?])"
)

# A person named by their age among the first words: whom the sentence before named ("Der
# 62-Jährige wurde einstimmig gewählt", "Am Sonntag bejubelte der 24-Jährige ..."); not "ein
# 23-Jähriger", someone new, nor "der 56-jährige Politiker", whose noun says what he is
_AGE = (
    r"^(?:\S+(?<!,)\s+){0,3}(?:[Dd]er|[Dd]ie|[Dd]en|[Dd]em|[Dd]es)\s+(?:beiden\s+)?"
    r"(?:\d+|[a-zäöü]+)-"
)
_AGE_FOR_NAME = re.compile(_AGE + r"Jährigen?\b")
# ... or by age and what they are, no name after it: "Der 31-jährige Deutsche rang ...", "die
# 62-jährige Juristin" (the noun is checked: "Der 32-jährige Djokovic" names him)
_AGE_AND_NOUN = re.compile(
    _AGE + r"jährige[nr]?\s+(?P<noun>[A-ZÄÖÜ][\w-]+)"
    r"(?:\s+(?:aus|von)\s+[A-ZÄÖÜ][\w-]+)?\s+(?![A-ZÄÖÜ])"
)
# demonyms of six letters or more, lower case: a compound's last part ("Niederösterreicher")
_DEMONYM_ENDS = tuple(sorted({m.casefold() for m, _ in DEMONYMS if len(m) >= 6}
                             | {f.casefold() for _, f in DEMONYMS if len(f) >= 6}))
_NOT_ONE_PERSON = ("Pole", "Deutsche")  # "von der Pole" (position), "der Deutsche Bundestag"
# the words that may open a sentence before its subject: "Und der Brite ...", "Weil der ..."
_BEFORE_SUBJECT = (
    "und", "aber", "doch", "auch", "denn", "dann", "nun", "jetzt", "da", "als", "während", "wenn"
)
# ... or by where they come from, the demonym as the subject among the first words, no name
# after it: "Der Brite siegte ...", "Weil der Grieche sich ... kümmern soll", "Dem Dänen tat
# ...", "Die Rumänin, Nummer drei der Welt, ..." (not "Der Brite Chris Froome", who is named;
# not "Die Mehrheit der Österreicher", a genitive plural: only an opening word before it)
_ORIGIN = re.compile(
    r"^(?:(?:" + either_case((*_BEFORE_SUBJECT, *sorted(SUBORDINATORS)))
    + r")\s+)?(?:[Dd]er (?:" + alternation(m for m, _ in DEMONYMS)
    + r")|[Dd]ie (?:" + alternation(f for _, f in DEMONYMS)
    + r")|[Dd]em (?:" + alternation(m + "n" if m.endswith("e") else m for m, _ in DEMONYMS)
    + r"))(?![\w-])(?!\s+[A-ZÄÖÜ])"
)
# ... or later in the sentence, in the forms that can only be one person ("Auch nach
# Schlusspfiff hatte sich der Franzose nicht beruhigt.", "sagte die Dänin."; not "der
# Spanier", also a genitive plural, nor "der Pole", also the pole position's)
_ORIGIN_LATER = re.compile(
    r"\b(?:der (?:"
    + alternation(m for m, _ in DEMONYMS if m.endswith("e") and m not in _NOT_ONE_PERSON)
    + r")|die (?:" + alternation(f for _, f in DEMONYMS if f.endswith("in"))
    # ... and the other singulars as the subject right after a verb: "In 15 Spielen gegen Köln
    # hat der Bosnier nun zwölf Tore erzielt.", "sagte der Schweizer"
    + r")|(?:hat|hatte|ist|war|wurde|wird|kann|konnte|muss|musste|soll|sollte|will|wollte|"
    r"sagte|sagt|gab|gewann|verlor|erzielte|traf|kam|lief)\s+der (?:"
    + alternation(m for m, _ in DEMONYMS if not m.endswith("e"))
    + r"))(?![\w-])(?!\s+[A-ZÄÖÜ])"
)
# a name before it may be the one it stands for ("..., dann war der Finne vorbei" after
# "Bottas"): a first name or two capitalised words after the first
_NAMED_BEFORE = re.compile(r"[A-ZÄÖÜ][\w-]+ [A-ZÄÖÜ][\w-]+")
# what a person is, as the corpora write it after "ein" ("ein Franzose", "ein Münchner"): the
# ends of such nouns for people, not for things ("Bonds")
_PERSON_ENDS = ("er", "erin", "e", "in", "mann", "frau")
_COMMON = common_nouns("common")

# A person or group the sentence before named, as an object pronoun among the first words:
# "Glück für ihn, ...", "Fast die Hälfte von ihnen ...", "Ihm wird vorgeworfen, ...", or at
# the end: "Maaßen gehört zu ihnen."
_PRONOUN_FOR_NAME = re.compile(
    r"^(?:Ihm|Ihn|Ihnen)\b"
    r"|^(?:[^\s,:;]+\s+){0,5}?(?:von|unter|zu|mit|bei|neben|aus|vor|nach|für|gegen|über)\s+"
    r"(?:ihnen|ihm|ihn)\b"
    r"|\b(?:zu|unter)\s+ihnen[.!]$"
)

# Back-references later in the sentence: "folgte dieser Auffassung nicht", "kann damit wie
# geplant stattfinden", "dürfen das Gebiet deshalb nicht betreten", "..., sagte sie". Time
# words after "diese" ("diese Woche") point at the calendar, not at an earlier sentence, and
# "..., damit" after a comma is the conjunction "so that".
_CALENDAR = (
    "Woche", "Wochen", "Jahr", "Jahres", "Jahre", "Monat", "Monats", "Monate", "Tag", "Tage",
    "Tages", "Sommer", "Winter", "Herbst", "Frühling", "Frühjahr", "Saison", "Zeit", "Zeiten",
    "Nacht", "Abend", "Morgen", "Wochenende", *(d.capitalize() for d in WEEKDAY_NAMES),
)

# (Every branch starts a word: one word boundary for all of them, and a look at the first
# letter before the branches are tried. The pattern is searched from every position of every
# candidate sentence; so it fails at once where no branch can start, four times as fast.)
_BACK_REFERENCE_STARTS = "".join(sorted({"d", "j", "s", "t"} | {
    w[0] for w in (*BACK_REFERENCE_VERBS, *GOES_ON_VERBS)}))
# a demonstrative before a noun that is no calendar word ("dieser Auffassung", not "diese Woche")
_DEMONSTRATIVE_NOUN = (
    r"(?:dieser|diese|dieses|diesem|diesen|jener|jene|jenes|jenem|jenen)\s+"
    rf"(?!(?:{alternation(_CALENDAR)})\b)[A-ZÄÖÜ]"
)
_BACK_REFERENCE = re.compile(
    rf"\b(?=[{re.escape(_BACK_REFERENCE_STARTS)}])(?:{_DEMONSTRATIVE_NOUN}"
    r"|(?<!,\s)(?:damit|deshalb|deswegen|daher|dadurch|somit|trotzdem|dennoch)\b"
    rf"|(?:{alternation(BACK_REFERENCE_VERBS)}|so)\s+(?:er|sie)\b"
    # "Beide Länder haben eine solche Kooperation bestritten", "Schon damals hatte Kim ..."
    r"|(?:solche|solchen|solcher|solches|damals|seinerzeit)\b"
    # a statement continued from the sentence before: "teilte der Kreml weiter mit", "hieß es
    # weiter", "sagte Putin weiter"
    rf"|(?:{alternation(GOES_ON_VERBS)})"
    r"(?:\s+[\w-]+){1,3}?\s+weiter\b)"
)


def _furniture(text: str) -> bool:
    """Page furniture (see _FURNITURE): the reader addressed formally after the first word."""
    if addresses_reader(text):
        return True
    # most sentences have none of the marks: a cheap look for them first
    return _FURNITURE_HINT.search(text) is not None and _FURNITURE.search(text) is not None


def addresses_reader(text: str) -> bool:
    """The reader addressed formally after the first word of the first line ("Dann schreiben
    Sie uns", "Verpassen Sie keine Folge")."""
    # (a lookbehind instead of "^\S+.*?\bSie\b", which took a fifth of the summaries' time)
    first_line = text.split("\n", 1)[0]
    # (the pattern's words all hold "Sie", "Ihr" or "Ihnen": most lines are told by a look)
    return (
        bool(first_line[:1].strip())
        and ("Sie" in first_line or "Ihr" in first_line or "Ihnen" in first_line)
        and _FORMAL_YOU.search(first_line) is not None
    )


def holds_address(text: str) -> bool:
    """An e-mail or web address in the text."""
    return _ADDRESS_PATTERN.search(text) is not None


_ADDRESS_PATTERN = re.compile(_ADDRESS)


def opening_stripped(text: str) -> str:
    """The sentence without the quotation marks and spaces it opens with, and without a
    dateline ("Santa Clara – Irgendwann möchte er ...": the place is no word of the sentence)."""
    text = text.lstrip(_OPENING)
    head = text[:60]
    if " – " in head or " - " in head:
        dateline = DATELINE.match(text)
        if dateline:
            return text[dateline.end() :].lstrip(_OPENING)
    if ": " in head:
        label = _INTERVIEW_LABEL.match(text)
        if label and (label.group(1) is None or label.group(1) in FIRST_NAMES):
            return text[label.end() :].lstrip(_OPENING)
    return text


# An interview's speaker label: "SZ: Sie haben ...", "Manfred Schmid: Das ist eine
# Ermessensentscheidung." (a first name the corpora know and one or two more names); what
# follows is the speaker's answer, read as the sentence (366 MLSUM sentences open so; 36 of
# them point back once the label is read off, "Jens Ernst: Ja, leider.")
_INTERVIEW_LABEL = re.compile(r"(?:SZ|([A-ZÄÖÜ][\w-]+)(?: [A-ZÄÖÜ][\w-]+){1,2}): (?=\S)")

# A dateline before an agency's report: one to three capitalised words, places joined by "/"
# ("Wien", "Santa Clara", "Ljubljana/Spielfeld"), then a dash between spaces
DATELINE = re.compile(r"[A-ZÄÖÜ][\w.'’-]*(?:[ /][A-ZÄÖÜŠ][\w.'’-]*){0,3} [–-] (?=\S)")


def is_teaser(text: str) -> bool:
    """A teaser or label glued to the sentence ("Das Wichtigste in Kürze", "Video:"), or a
    byline ("Von Mike Szymanski Deutsche Bank plant ...")."""
    stripped = opening_stripped(text)
    return _TEASER.match(stripped) is not None or opens_with_byline(stripped)


# A byline glued before a sentence: "Von" and one or more names (a first name, a particle, a
# surname), joined by commas and "und", an optional place, then the sentence ("Von Britta von
# der Heide, Jana Stegemann und Ralf Wiegand Bundestag debattiert über Organspende").
_NAME = r"[A-ZÄÖÜ][\w'’-]+ (?:(?:von|van|de|ter|zu)(?: der| den)? )?[A-ZÄÖÜ][\w'’-]+"
_BYLINE = re.compile(
    rf"Von ((?:{_NAME}(?:, | und ))*{_NAME})(?:, [A-ZÄÖÜ][\w-]+)? (?=[\"„«A-ZÄÖÜ0-9])"
)


def opens_with_byline(text: str, pos: int = 0) -> bool:
    """Whether a byline opens the sentence (or stands at ``pos`` of a longer text): two names
    or more, or one that starts with a first name the corpora know (not "Von Berlin Mitte aus
    ...")."""
    if not text.startswith("Von ", pos):
        return False
    match = _BYLINE.match(text, pos)
    if match is None:
        return False
    names = re.split(r", | und ", match[1])
    return len(names) > 1 or names[0].split(" ", 1)[0] in FIRST_NAMES


def opens_with_reference(text: str) -> bool:
    """The first word points back ("Er", "Dies", "Damit"; "Das ist ..." as a demonstrative)."""
    stripped = opening_stripped(text)
    first = first_word(stripped)
    return (
        first.casefold() in ANAPHORA
        or _DEMONSTRATIVE.match(stripped) is not None
        or _DEMONSTRATIVE_PHRASE.match(stripped) is not None
    )


def demonstrative_after_verb(text: str) -> bool:
    """ "das"/"dies" for what the sentence before said, after the verb of a main clause that
    opens the sentence, before an adverb: "Gut zwei Monate vor dem Austrittsdatum ist das noch
    immer nicht klar.", "Für die vielen ehrenamtlichen Posten gilt das nicht." Not after a
    clause that it may stand for ("Wenn Morales von einem Putsch spricht, ist das nicht
    falsch"), nor as an article ("Deshalb ist das nun vereinbarte Abkommen ...", "war das
    wohl beliebteste ..."). Like ``person_by_pronoun``, for a story of several articles."""
    if not _DAS_BEFORE_ADVERB.search(text):
        return False  # (most sentences: a fifth of the time of the whole pattern)
    return _DEMONSTRATIVE_AFTER_VERB.match(opening_stripped(text)) is not None


def demonstrative_pronoun(text: str) -> bool:
    """ "diese"/"dieser" standing alone for what the sentence before named, among the first
    words after a clause word or a preposition: "Wenn diese zustimmen, ...", "Von diesem
    profitierte ausschließlich: Sebastian Vettel." (not "In diesen schweren Zeiten": a noun
    follows). Like ``person_by_pronoun``, for a story of several articles."""
    if "diese" not in text[:60]:
        return False  # (the word comes among the first three: a cheap look first)
    return _DEMONSTRATIVE_PRONOUN.match(opening_stripped(text)) is not None


def pronoun_after_verb(text: str) -> bool:
    """A pronoun subject or object among the first eight words, after the verb of the main
    clause that opens the sentence or a preposition, later than ``person_by_pronoun`` looks:
    "Für die Kommunen ist sie eine der wichtigsten Einnahmequellen", "Im Juli und September
    hatte sie ihn ebenfalls verringert". Not after a comma or a quotation mark (the words
    before may name whom it means: "Als Cain ankam, sagte sie ..."), nor after a word that
    opens a clause, nor in a quote. Like ``person_by_pronoun``, for a story of several
    articles."""
    if text.lstrip()[:1] in _OPENING.strip() or not _PRONOUN.search(text, 0, 160):
        return False  # (the pronoun comes within the first 8 words: a cheap look first)
    stripped = opening_stripped(text)
    if _pronoun_after_possessive_phrase(stripped):
        return True
    if stripped.split(None, 1)[0].casefold() in _CLAUSE_WORDS:
        return False  # "Als Cain ankam ...", "Wenn sie ...": the main clause may name her
    return _PRONOUN_AFTER_VERB.match(stripped) is not None or _pronoun_after_aside(stripped)


def _pronoun_after_possessive_phrase(text: str) -> bool:
    """A preposition and a possessive open the sentence, and a pronoun subject follows the
    main clause's verb, however long the phrase: "Bei seiner ersten Pressekonferenz der Saison
    2019/2020 an der Säbener Straße begrüßte er Stürmer Jann-Fiete Arp ..." (a Bayern topic's
    line in 300 random articles, seed 120933, under Rummenigge's), "Während seiner Reise hatte
    er ...", "Nach seiner Entlassung beim ... Schweizer Rekordmeister Grasshopper sah er sich
    ...": both stand for whom the sentence before named. Before any comma, quotation mark,
    colon or dash ("Seit seine Frau tot ist, lebt er allein": a clause). 24 corpus sentences
    the other rules let stand."""
    match = _possessive_phrase(text)
    if match is None:
        return False
    words = match.group("rest").split()
    verbs = finite_forms()
    # (a past tense the mined list lacks, "begrüßte er"; not "als er", "dass sie")
    return any(
        pronoun in ("er", "sie")
        and (verb in verbs or len(verb) > 4 and verb.endswith("te") and verb.isalpha())
        and verb.islower()
        and verb not in _CLAUSE_WORDS
        for verb, pronoun in zip(words, words[1:])
    )


def possessive_phrase_unnamed(text: str) -> bool:
    """A preposition and a possessive open the sentence, and no word after them may name whose
    it is: every capitalised word is a common noun, a weekday or a month ("Auf ihren Wunsch hin
    wird es am Dienstag ... ein öffentliches Gelöbnis vor dem Reichstag geben", a Kramp-
    Karrenbauer topic's line in 300 random articles, seed 120934; "Über seine Nachfolge soll
    schon bald entschieden werden."; "Zu seinem Zustand gab es zunächst widersprüchliche
    Angaben."). Not "Nach seiner Rede erhielt Bercow ...", whose name the common nouns lack,
    nor "Auf seiner Website reagierte der DFB ...". 56 corpus sentences no rule read; nearly all
    lean, a few on a role the sentence names ("In seiner Freizeit läuft der 53-Jährige
    Marathon.", itself whom?), one names its owner after a particle ("für von der Leyen").
    Like ``person_by_pronoun``, for a story of several articles."""
    if _possessive_phrase(opening_stripped(text)) is None:
        return False
    words = [word.strip(",.;:!?\"„“”»«()'") for word in text.split()]
    for k in range(2, len(words)):
        word = words[k]
        if word[:1].isupper() and not (
            word.casefold() in _COMMON or word in _CALENDAR or word.casefold() in MONTH_NAMES
            # a place or thing after a preposition, no owner: "vor dem Reichstag in Berlin"
            or words[k - 1].casefold() in PREPOSITIONS
            or words[k - 1] in ("dem", "der", "den", "des")
            and words[k - 2].casefold() in PREPOSITIONS
        ):
            return False
    return True


def _possessive_phrase(stripped: str) -> re.Match[str] | None:
    """A preposition and a possessive that open the sentence (``opening_stripped``), with the
    words after them up to a comma, quotation mark, colon or dash (group ``rest``)."""
    match = _POSSESSIVE_PHRASE.match(stripped)
    if match is None or match.group("preposition").casefold() not in PREPOSITIONS:
        return None
    return match


_POSSESSIVE_PHRASE = re.compile(
    r"(?P<preposition>[A-ZÄÖÜ][a-zäöüß]+)\s+(?:sein|ihr)(?:e|en|em|er|es)?\s+"
    r"(?P<rest>[^,;:\"„“»«–]*?)(?:[,;:\"„“»«–]|\s-\s|$)"
)


def pronominal_adverb_after_verb(text: str) -> bool:
    """A pronominal adverb right after the verb of the main clause that opens the sentence with
    a word or a noun phrase, or after the pronoun or "sich" behind it: "Saudi-Arabien solle
    daraus Lehren ziehen", "Es handelt sich dabei um Igor Girkin", "Thyssen wollte sich dazu
    nicht äußern", "Die Kanzlerin reagiert damit auf eine Debatte ...": what the sentence
    before said (581 corpus sentences no rule read). Not where a clause after it says what
    ("Huawei muss darauf hoffen, dass ...", "Kutschaty sprach sich dafür aus, in Berlin
    auszuloten ..."), not "darüber hinaus", not "dagegen" (a contrast, which the summary
    weighs), not in a quote. Like ``person_by_pronoun``, for a story of several articles."""
    if text.lstrip()[:1] in _OPENING.strip() or " da" not in text[:80]:
        return False  # (the adverb is the third to fifth word: a cheap look first)
    match = _ADVERB_AFTER_VERB.match(text)
    return (
        match is not None
        and match.group("verb") in finite_forms()
        and _PRONOMINAL_ADVERB.fullmatch(match.group("adverb")) is not None
        and match.group("adverb") not in ("dagegen", "daher")
        and _SAYS_WHAT.search(match.group("rest")) is None
    )


_ADVERB_AFTER_VERB = re.compile(
    r"(?:(?:Der|Die|Das|Den|Dem|Ein|Eine|Einen|Einem) (?:[a-zäöü]+e[nrms]? )?)?"
    r"(?P<first>[A-ZÄÖÜ][\w-]*) (?P<verb>[a-zäöüß]+) (?:(?:es|sich|man|er|sie|ihn|ihm) )?"
    r"(?P<adverb>da[a-zäöü]+)\b(?!\s*hinaus)(?P<rest>.*)"
)
# a clause after the adverb that says what it stands for: ", dass ...", ", ob ...", ", die
# Technik weiter zu verbessern", ", so der Vizekanzler, ... dafür zu sorgen"
_SAYS_WHAT = re.compile(
    r",\s*(?:dass|ob|wie|was|wer|welche\w*|wo|wann|warum|wieso|weshalb|inwiefern)\b"
    r"|,.*\b(?:zu [a-zäöü]+|[a-zäöü]+zu[a-zäöü]+)n\b"  # (", ... einzuhalten")
)


def _pronoun_after_aside(text: str) -> bool:
    """A pronoun subject or object right after the verb that follows a phrase of a
    preposition with its relative clause or apposition between commas: "Zur Ursache des
    Feuers, das am späten Montagabend ... ausgebrochen war, konnte er zunächst nichts sagen."
    Not where the phrase before the first comma has two capitalised words in a row, which may
    be a name ("Bei Kanzlerin Merkel, die ..., stieß er ..."), nor where it holds a finite
    verb."""
    match = _PRONOUN_AFTER_ASIDE.match(text)
    if match is None or match.group("verb") not in finite_forms():
        return False  # (", nachdem er ...": a clause, no main clause's verb)
    words = match.group("phrase").split()
    if any(word.casefold() in finite_forms() for word in words):
        return False  # "Vor wenigen Tagen hat der Kaschmirer ...": the main clause came first
    return not any(
        word[:1].isupper() and not (before[:1].islower() and before.isalpha())
        for before, word in zip([match.group("preposition").casefold(), *words], words)
    )


def late_pronoun(text: str) -> bool:
    """A pronoun before any name within the first words ("Im Anschluss reise er ..."), in a
    sentence that does not open a quote."""
    return _late_pronoun(text) is not None


def _late_pronoun(text: str) -> re.Match[str] | None:
    """``late_pronoun``'s match: the words up to the pronoun."""
    if text.lstrip()[:1] in '«"„“':
        return None
    return _LATE_PRONOUN.match(opening_stripped(text))


# A sentence that opens on what the sentence before said: "Unter diesen Umständen ...", "Aus
# diesem Grund ..."; "In dieser Woche ..." points at the calendar.
# (an adjective or two may stand between: "An diese altbekannte Polizeimethode erinnerte ...")
_DEMONSTRATIVE_OPENING = re.compile(
    rf"(?i:{alternation(sorted(PREPOSITIONS))})\s+"
    + _DEMONSTRATIVE_NOUN.replace(r")\s+", r")\s+(?:[a-zäöüß]+(?:e|en|er|es|em)\s+){0,2}", 1)
)


def opens_on_demonstrative(text: str) -> bool:
    """The sentence opens with a preposition and a demonstrative ("Aus diesem Grund ...")."""
    return _DEMONSTRATIVE_OPENING.match(opening_stripped(text)) is not None


def back_reference(text: str) -> bool:
    """A back-reference later in the sentence ("folgte dieser Auffassung nicht", "damals")."""
    return _BACK_REFERENCE.search(opening_stripped(text)) is not None


def is_question(text: str) -> bool:
    """The sentence ends in a question mark (inside a closing quote or bracket too)."""
    return text.rstrip(")»\"“”' ").endswith("?")


def asks_reader(text: str) -> bool:
    """A question, or the reader addressed directly ("Hier siehst du ...")."""
    return is_question(text) or _READER.search(text) is not None


def is_furniture(text: str) -> bool:
    """Page furniture ("Dann schreiben Sie uns", an address, a podcast's own lines), outside
    what the sentence quotes."""
    # (quotes out first: a quote that opens the sentence keeps its words out of it)
    return _furniture(opening_stripped(outside_quotes(text)))


def is_generic(text: str) -> bool:
    """A generic truth about the story's actors rather than news ("besteht schon lange")."""
    return _GENERIC.search(opening_stripped(text)) is not None


_FINITE = FINITE_VERBS | FINITE_AUXILIARIES

# "das"/"dies" after the finite verb of the sentence's first clause (no comma, colon or dash
# before it) and before an adverb; an article's noun phrase after it ("das nicht frei gewählte
# Parlament", "das wohl beliebteste Superfood") is left alone. In the MLSUM texts 225 sentences
# open so (the first check a finite verb's spelling, the second the adverb): read 40, 37 point
# back, 3 were articles before the noun-phrase test.
_ADVERB_AFTER = (
    "noch|nicht|schon|bereits|längst|auch|so|kaum|wohl|ja|eben|doch|gar|immer|nie|nun|jetzt|"
    "allerdings|jedoch|freilich|natürlich|durchaus|offenbar|vermutlich|wirklich|tatsächlich|"
    "keineswegs|ebenfalls|erst|zwar|mittlerweile|inzwischen|derzeit|bisher|heute|damals|"
    "vielleicht|eigentlich|anders|nichts|alles"
)
# (MLSUM: 345 sentences open so that no other rule read; all 30 read lean)
_DEMONSTRATIVE_PRONOUN = re.compile(
    r"^(?:\S+\s+){1,2}diese[nmrs]?\s+[a-zäöüß][\w-]*(?:\s+[a-zäöüß(]|\s*[.,;:!?])"
)

# Words that open a clause: a pronoun after them may point forward to a name in the main
# clause ("Als sie ankam, lachte Merkel"), and a sentence opening with one is left alone.
_CLAUSE_WORDS = CONJUNCTIONS | SUBORDINATORS | {
    "aber", "sondern", "denn", "wenn", "da", "damit", "sodass", "während", "bis", "so", "je",
    "desto", "um", "statt", "anstatt", "ohne", "seit", "seitdem", "indem", "wo", "weshalb",
    "warum", "weswegen", "wer", "was",
}
# A pronoun after a lower-case word (the verb of the opening main clause, or a preposition)
# among the first eight words, no comma before it. In the MLSUM texts, beyond the first words
# person_by_pronoun reads: 2,280 sentences (1,325 after a finite verb of the lexicon's, 955
# after any other word); 60 read, all of them lean on whom the sentence before named ("Sein
# ganzes Leben hatte er in der Wollfabrik verbracht", "Für die einen sind sie die schönste Form
# des Vorankommens", "Trainer Dejan Radonjic betraut ihn gerne mit Spezialaufgaben").
_PRONOUN = re.compile(r" (?:er|sie|ihn|ihm|ihnen|dort)\b")
_PRONOUN_AFTER_VERB = re.compile(
    # (a score's colon is inside a word, "Beim Stand von 3:3 nahm er ..."; a label's ends one)
    # (a decimal comma is inside a word too: "98,9 Prozent der Delegierten stimmten für sie")
    rf"^(?:(?:[^\s,;–\"„“]|(?<=\d),(?=\d))+(?<!:)\s+){{1,7}}?(?!(?:{alternation(sorted(_CLAUSE_WORDS))})\s)"
    # ... and "dort" for the place the sentence before named ("Es gibt dort Raum für 95
    # Neuankömmlinge"), not a "dort, wo" that names it ("Die Mieten stiegen dort, wo ...")
    r"[a-zäöüß]+\s+(?:er|sie|ihn|ihm|ihnen|dort(?![^.;:!?]*\bwo\b))\b"
)
# a preposition with its article in one word: a noun may follow it ("Zur Ursache")
_CONTRACTIONS = frozenset({"zur", "zum", "im", "am", "beim", "vom", "ins", "ans", "aufs", "fürs"})
# A preposition's phrase, an aside between commas (a relative clause or an apposition), and
# the main clause's verb with a pronoun after it (see _pronoun_after_aside)
_OPENING_PREPOSITIONS = sorted(w.capitalize() for w in PREPOSITIONS | _CONTRACTIONS)
_PRONOUN_AFTER_ASIDE = re.compile(
    rf"^(?P<preposition>{alternation(_OPENING_PREPOSITIONS)})"
    r"\s+(?P<phrase>[^,;:.!?\"„“()]{1,80}),\s+[^,;:!?\"„“]{1,160},\s+(?P<verb>[a-zäöüß]+)\s+"
    r"(?:er|sie|ihn|ihm|ihnen)\b"
)
# ... or before the word that ends the clause, a predicate's adjective or a verb's particle:
# "Auf den ersten Blick ist das erstaunlich, denn ...", "Teheran weist das zurück." (not "ist
# das erstaunliche Ergebnis": an inflected adjective)
_PREDICATE_AFTER = (
    r"[a-zäöüß]{3,}(?<!e)(?<!en)(?<!er)(?<!es)(?<!em)(?=[,.;!?]| (?:und|denn|aber|doch)\b)"
    r"(?!, was\b)"  # ("trat das ein, was ...": the clause says what)
)
_DAS_BEFORE_ADVERB = re.compile(
    rf" (?:das|dies)(?: (?:{_ADVERB_AFTER})\b|[.;!?]| [–-] | {_PREDICATE_AFTER})"
)
_DEMONSTRATIVE_AFTER_VERB = re.compile(
    # (commas only in a sentence that opens with a preposition: an aside, "Seit Samstagabend,
    # kurz nach 18 Uhr, ist das durchaus vorstellbar", not a clause "das" may stand for)
    rf"^(?:(?:[^\s,:;–-]+\s+){{1,11}}?|(?i:{alternation(sorted(PREPOSITIONS))})\s+"
    rf"(?:[^\s:;–-]+\s+){{0,10}}?)(?:{alternation(sorted(_FINITE))})\s+(?:das|dies)"
    rf"(?:(?:\s+(?:{_ADVERB_AFTER}))+\b"
    r"(?!\s+\w+ste[nmr]?\b)(?!(?:\s+\S+){0,3}?\s+[a-zäöüß]+e\s+[A-ZÄÖÜ])"
    # ... or before the clause's end: "Im Februar 2018 war das - und doch scheint es ..."
    rf"|[.;!?]|\s[–-]\s|\s+{_PREDICATE_AFTER})"
)

# A bare yes or no in quotation marks opening the line: the answer to a question the line does
# not ask ('"Nein", sagte der CSU-Parteichef auf dem Wirtschaftsgipfel.')
_QUOTED_ANSWER = re.compile(
    r"^[\"„“”»«‚‘']\s*(?:Ja|Nein|Jein|Doch|Genau|Natürlich|Klar|Stimmt|Richtig|Sicher)"
    r"\s*[.!,]?\s*[\"„“”»«‚‘']\s*,"
)

# After "Das"/"Dies" opening a sentence a lower-case word in -en is a plural verb whose object
# the demonstrative is ("Das bestätigten Beobachter an den Urnen", "Dies sehen Experten
# anders"): no adjective after the neuter article ends so ("das neue"), only a few prepositions
# and adverbs do ("Das zwischen den Parteien ausgehandelte Papier", "Das oben genannte")
_PLURAL_VERB = re.compile(
    r"(?!(?:zwischen|neben|oben|unten|eben|binnen|innen|außen|hinten|einen|allen)$)"
    r"[a-zäöüß]{2,}en"
)

# A word that may stand before a noun without being its article ("die liberale Renew-Fraktion",
# "viele Arbeitsplätze"): after it a lower-case word in -e is that noun's adjective
_BEFORE_NOUN = DETERMINERS | QUANTITIES | {"sich", "ihn", "ihm", "uns", "man", "es"}


def _singular_verb(second: str, after: list[str]) -> bool:
    """After "Das"/"Dies" opening a sentence, ``second`` is a verb in -t whose subject the
    demonstrative is ("Das demonstriert Teheran ...", "Das kostet Wachstum"), not a word
    between the article and its adjective ("Das seit Mai 2015 geltende Gesetz", "Das jetzt
    diskutierte Bußgeld", "Das weltweit größte ..."): no adjective in -e before a noun follows
    among the next words before another article does (``after``: the next five words). In
    -te ("Das dachte man", "Das klappte nicht", "Das zweite braucht man") the word after it is
    lower case and no adjective's ("Das erste große Spiel"); no superlative ("Das wichtigste
    und kontroverseste Thema")."""
    if re.fullmatch(r"[a-zäöüß]{2,}te", second) and not second.endswith("ste"):
        following = after[0].strip(",.;:!?") if after else ""
        return following[:1].islower() and not re.search(r"(?:e|en|er|es|em)$", following)
    if not re.fullmatch(r"[a-zäöüß]{2,}t", second) or second in PREPOSITIONS:
        return False
    for word, following in zip(after, after[1:] + [""]):
        if word.casefold() in _BEFORE_NOUN:
            return True  # "Das stärkt letztlich auch die liberale Renew-Fraktion"
        if word[:1].islower() and word.endswith("e") and following[:1].isupper():
            return False
    return True


# "ich" and "mein" outside quotation marks: an interview's answer or a columnist, whose words
# a reader cannot place without the question or the byline ("wir" may be the paper's own voice)
# ("Mir"/"Mich" capitalised only at the start: inside a sentence "Mir" is the space station)
_FIRST_PERSON = re.compile(r"\b(?:[Ii]ch|mich|mir|[Mm]ein|[Mm]eine[nmrs]?)\b|^\W*(?:Mich|Mir)\b")


def first_person(text: str) -> bool:
    """The sentence speaks in the first person outside quotation marks ("Ich weiß gar nicht,
    was ich fühle": an interview's answer, a columnist)."""
    return _FIRST_PERSON.search(outside_quotes(text)) is not None


# Capitalised only at the start: inside a sentence "Uns"/"Unser" are names ("Kim Jong Uns
# Vater", the party "Unser Haus Israel")
_FIRST_PLURAL = re.compile(r"\b(?:[Ww]ir|uns|unser(?:e[nmrs]?)?)\b|^\W*Uns(?:er(?:e[nmrs]?)?)?\b")


def first_person_plural(text: str) -> bool:
    """"Wir"/"uns"/"unser" outside quotation marks and before any colon: a team's or a firm's
    answer whose quotation marks the page lost ("Wir haben zu oft Unentschieden gespielt."),
    or the paper's own voice ("Heute beginnen wir mit der Samstags-Konferenz"). After a colon
    the words before it say who speaks ("Malte Gelück: Wir schließen ..."), when they are a
    label: a few words without a verb ("Das Wichtigste ist: Wir müssen ..." is an answer);
    whether the sentence names its speaker otherwise is the caller's to ask."""
    outside = outside_quotes(text)
    label, colon, _ = outside.partition(":")
    words = label.split()
    if colon and (len(words) > 5 or any(w in _FINITE for w in words)):
        label = outside  # a clause before the colon, no speaker's label
    return _FIRST_PLURAL.search(label) is not None

# "Dafür, dass ...", "Damit das gelingt, muss ...": the opener points forward, not back
_POINTS_FORWARD = re.compile(
    r"^\w+,\s(?:dass|ob|wie|wenn|was|weil)\b"
    r"|^Damit\s[^,]{3,80},\s(?:\w+\s)?(?:muss|müssen|soll|sollen|braucht|brauchen|will|wollen|"
    r"wird|werden|hat|haben|ist|sind|gibt|kann|können)\b"
)


def points_back(text: str, names_speaker: bool = False) -> str | None:
    """Why a sentence cannot be understood without the one before it, or None.

    Stricter than ``opens_with_reference``, which only weighs a sentence down: the sentence
    opens with a word that stands for something said before ("Dessen Sohn ...", "Damit ...",
    "Dies ..."), a demonstrative subject ("Das sagte ...", "Dem widersprachen ..."), a
    demonstrative noun phrase ("Diese Genehmigung ..."; not "Diese Woche"), a demonstrative
    "das" among its first words ("Kemmerich verneint das und ...") or a pronoun subject
    ("Er war der einzige Angeklagte"), unless ``names_speaker``: the sentence names whom its
    pronoun means ('"Er könne ...", sagte Hammond'). Connectives
    ("Zudem", "Auch") are left to the weights: such a sentence says something whole.
    """
    if _QUOTED_ANSWER.match(text.lstrip()):
        return "a quoted answer to a question the line does not ask"  # '"Nein", sagte er.'
    if names_speaker and text.lstrip()[:1] in _OPENING.strip():
        return None  # a quote's words are its speaker's: '"Diese Brücke ...", sagte Berg'
    stripped = opening_stripped(text)
    tokens = stripped.split(None, 3)
    if len(tokens) < 2:
        return None
    first, second = tokens[0].rstrip(",:;"), tokens[1].strip(",.:;!?")
    lowered = first.casefold()
    head = " ".join(stripped.split(None, 12)[:12])  # (the first 12 words, not all cut)
    if first in ("Das", "Dies") and second in _THAT_MEANS:
        # "Das heißt: ...", "Das bedeutet aber auch: ...", "Das hieße, ...": what the sentence
        # before said means, shows or sounds like, a colon after it or not
        return f"demonstrative subject '{first} {second}'"
    if _WHY_LABEL.match(stripped):
        return "a reason or aim for what was said before"  # "Der Grund: Alle Umfragen ..."
    if lowered in ("das", "dies") and ":" in head:
        return None  # "Das ist die Botschaft: ...": it points forward
    if lowered in POINTS_BACK and first[:1].isupper():
        if lowered == "darüber" and second == "hinaus" or _POINTS_FORWARD.match(stripped):
            return None
        if lowered != "dies" or second[:1].islower():
            return f"opens with '{first}'"
    if lowered in DEMONSTRATIVES and first[:1].isupper() and second in _FINITE:
        return f"demonstrative subject '{first} {second}'"
    if first in ("Das", "Dies") and _PLURAL_VERB.fullmatch(second):
        return f"demonstrative object '{first} {second}'"  # "Das bestätigten Beobachter"
    if first in ("Das", "Dies") and _singular_verb(second, stripped.split()[2:7]):
        return f"demonstrative subject '{first} {second}'"  # "Das demonstriert Teheran ..."
    if first == "All" and second in ("diese", "dieser", "dies", "das", "jene"):
        return f"opens with 'All {second}'"  # "All diese Dinge, die ..., sind aber ..."
    if first == "Da" and second in _FINITE:
        return f"opens with 'Da {second}'"  # "Da lag es nahe, ..." (not "Da er ...": since)
    if (
        lowered in PREPOSITIONS
        and second in ("dessen", "deren", "denen")
        and not tokens[1].endswith(",")
    ):
        # "Zu dessen Verabschiedung bliebe ...", "Angesichts dessen ...", "Auf deren Inhalt
        # ..." (not "Unter denen, die ...": its clause says whom)
        return f"opens with '{first} {second}'"
    if _EARLY_DEMONSTRATIVE.match(stripped):
        return "demonstrative 'das' for what was said before"
    if first in ("Er", "Sie") and second[:1].islower() and not names_speaker:
        return f"pronoun subject '{first}'"
    if not names_speaker and _both_as_subject(stripped):
        return "'the two' as the subject"  # "Die beiden würden zur Schule gehen, Elias ..."
    third = tokens[2] if len(tokens) > 2 else ""
    if tokens[0] == "Beide" and second[:1].isupper() and third[:1].islower():
        # "Beide Politiker gelten bisher nicht als Schwergewichte" (300 random articles, seed
        # 120926, a SPD topic's second line), "Beide Seiten hatten stark mobilisiert": which two?
        # (not "Beide, Klingbeil und er, kommen ...": it says who)
        return f"opens with 'Beide {second}'"
    if first in ("Diese", "Dieser", "Dieses", "Diesen", "Diesem") and second[:1].isdigit():
        return f"demonstrative '{first} {second}'"  # "Diese 12 Runden wirkten wie ..."
    if first in ("Diese", "Dieser", "Dieses", "Diesen", "Diesem") and second[:1].islower():
        # a pronoun ("Dieser sei damals nur versetzt worden", "Diese rückten ...") or a noun
        # phrase with its adjectives ("Dieser letzte gewinnbringende Einsatz ...")
        return f"demonstrative '{first} {second}'"
    if (
        first in ("Diese", "Dieser", "Dieses", "Diesen", "Diesem")
        and second[:1].isupper()
        and second not in _CALENDAR
        and third not in ("des", "der", "von", "vom", "zum", "zur", "über", "gegen", "aus")
    ):
        return f"demonstrative '{first} {second}'"  # (not "Diese Art von ...")
    if first == "So" and second in _SO_VERBS and _so_points_back(stripped, third, head):
        return f"opens with 'So {second} {third.strip(',.')}'"  # "So ist es auch beim Wasser."
    if first == "So" and second in _SO_NAMING and _so_names_back(stripped, third, head):
        return f"opens with 'So {second}'"  # "So nennen die Kurden ihr Gebiet in Nordsyrien."
    if first in _WHY_NOUNS and second in _BE and ":" not in head:
        return f"opens with '{first} {second}'"  # "Grund waren unter anderem der Gaza-Krieg ..."
    if first in _ARTICLES and second in _WHY_NOUNS and third in _BE and ":" not in head:
        return f"opens with '{first} {second} {third}'"  # "Der Grund sind Sanktionen, die ..."
    if first == "So" and _so_much(stripped, second, third, head):
        return f"opens with 'So {second}'"  # "So deutlich hatte ... noch niemand bestätigt."
    if first == "So" and second in _FINITE and _so_short(stripped, head):
        return f"opens with 'So {second}'"  # "So macht Mützenich den Vorschlag klein."
    if first == "Auch" and second in ("dies", "er", "sie", "das", "diese") and (
        second in ("dies", "er", "sie") or third in _FINITE
    ):
        return f"opens with 'Auch {second}'"
    if _PRONOMINAL_ADVERB.fullmatch(second) and _pronominal_adverb_back(stripped, tokens, second):
        return f"'{second}' for what was said before"  # "Grund dafür sei ...", "Die dabei ..."
    if "berichte" in stripped and _reported_it(stripped):  # (a cheap look first: every
        # sentence that passes the rules above comes here)
        return "says who reported it, not what"  # "Zuerst hatte der Spiegel darüber berichtet."
    if ": " in head and _INTERVIEW_ANSWER.match(stripped):
        return "an interview's answer to a question the line does not ask"  # "Zeidler: Ja, ..."
    if "all" in head and _ALL_THAT.match(stripped):
        return "'all das' for what was said before"  # "Und vermutlich ist all das legal."
    return None


# "all das", "all dies", "das alles", "dies alles" among a sentence's first words sum up what
# the sentences before said ("Das alles kostet.", "Und vermutlich ist all das vollkommen
# legal.", "Belastet aber hat sie das alles durchaus."; 83 corpus sentences no rule read); not
# after a comma, colon or dash, where they sum up the sentence's own list ("Schießtraining,
# Pistole, Polizeischutz - all das ...") or "das" opens a relative clause, nor before a noun
# ("all das Unerhörte") or a "was" clause they announce ("Ich sehe nun all das, was mich ...")
_ALL_THAT = re.compile(
    r"^(?:(?![-–])\S+(?<![,:;])\s+){0,5}(?:[Aa]ll (?:das|dies)|[Dd](?:as|ies) alles)"
    r"(?=\s+[a-zäöüß]|\s*[.,;!?])(?!.*?,\s+(?:was|wo[a-z]*)\b)"
)


# A pronominal adverb ("dafür", "damit", "daraus" ...) stands for what the sentence before said
# when it comes right after the sentence's first word and before its verb ("Grund dafür sei
# eine Erhöhung der Rückstellungen", "Doch damit ist nun Schluss", "Mit dabei sind ...",
# "Parallel dazu kündigte der Konzern ... an"), between an article and its participle ("Die
# dabei begangenen Fehler ...", "Die darin vorgesehene Streichung ...") or after a clause's
# opening word ("Was damit gemeint ist, ...", "Wer darauf klickt, ..."). 200 corpus
# sentences no rule read (the corpus' briefing printed "Parallel dazu ..." under a Dax report
# of another article); not before a comma and the clause it announces ("Unabhängig davon,
# wer gewinnt, ..."), not "damit" as "so that" ("Und damit auch niemand ... kommt"), not
# "darüber hinaus"; "X dagegen" (a contrast) is left to the summary's weights.
_PRONOMINAL_ADVERB = re.compile(
    r"(?:da|dar)(?:an|auf|aus|bei|durch|für|gegen|hinter|in|mit|nach|neben|über|um|unter|von|"
    r"vor|zu|zwischen)|deshalb|deswegen|daher"
)
_ARTICLES = frozenset({"Der", "Die", "Das", "Den", "Dem", "Des"})
_CLAUSE_OPENERS = frozenset({
    "Was", "Dass", "Weil", "Da", "Wenn", "Ob", "Wer", "Wie", "Um", "Ohne", "Solange",
})


def _pronominal_adverb_back(stripped: str, tokens: list[str], second: str) -> bool:
    """Whether the sentence's second word ``second`` (``tokens[1]`` without its marks), a
    pronominal adverb, is for what was said before (``tokens``: the first words, as
    ``points_back`` split them)."""
    if tokens[1].rstrip(".!?") != second or tokens[0].endswith(","):
        # (a comma after it announces a clause: "Unabhängig davon, wer ..."; one before it
        # sets it in an aside: "Roboy, davon ist er überzeugt, hat ...")
        return False
    if ":" in " ".join(stripped.split(None, 6)[:6]):
        return False  # a lead-in before a colon: "Knapp daneben ist auch vorbei: Am Sonntag ..."
    first = tokens[0]
    word = (tokens[2] if len(tokens) > 2 else "").strip(",.:;!?\"“”»«")
    if second == "darüber" and word == "hinaus":
        return False
    if first in _ARTICLES:
        return word[:1].islower() and word.endswith(("e", "en", "n"))  # "Die dabei begangenen"
    if first in _CLAUSE_OPENERS:
        return True
    return (
        second != "dagegen"
        and word[:1].islower()
        and (word in finite_forms() or len(word) > 4 and word.endswith(("te", "ten")))
    )


# "Zeidler: Ja, aber mittlerweile sind die Trainerausbildungen ... sehr gut": an interview's
# answer, labelled with its speaker, to a question the line does not ask (300 DER STANDARD
# articles, seed 120847, printed it among a Salzburg topic's lines; 58 corpus sentences open
# with a name or "Antwort", a colon and a yes, no or of course)
_INTERVIEW_ANSWER = re.compile(
    r"[A-ZÄÖÜ][\w-]+(?: [A-ZÄÖÜ][\w-]+)?: (?:Ja|Nein|Jein|Doch|Naja|Na ja|Genau|Stimmt|Richtig|"
    r"Absolut|Klar|Natürlich|Sicher|Ach)\b"
)


# "Die Bild am Sonntag hatte zuerst darüber berichtet.", "Zuvor hatte die Welt darüber
# berichtet.": who reported what the sentence before said (300 random articles, seed 120928,
# printed the first among an AKK topic's lines; 24 such corpus sentences, all read: one short
# clause that names an outlet and "darüber" or "davon")
_REPORTED_IT_WORDS = 14
_ABOUT_IT = re.compile(r"\b(?:darüber|davon)\b")
_REPORTED = re.compile(r"\bberichte(?:t|te|ten|n)?\b")


def _reported_it(stripped: str) -> bool:
    """Whether the sentence only says who reported it (see above)."""
    return (
        "," not in stripped
        and len(stripped.split(None, _REPORTED_IT_WORDS)) <= _REPORTED_IT_WORDS
        and _ABOUT_IT.search(stripped) is not None
        and _REPORTED.search(stripped) is not None
    )


# "Die beiden" and "Beide" as the subject before its verb: the two the sentence before named
# ("Die beiden würden zur Schule gehen, Elias in Potsdam, Mohamed in Berlin." opened a topic
# of a week of SZ news, rows 2500-2799; "Beide warnten vor einem Kollaps."), not before their
# noun ("Die beiden großen Kirchen ...", "Die beiden kassierten Tore ...")
_BOTH = re.compile(r"(?:Die [Bb]eiden|Beide) (?P<verb>[a-zäöüß]+)(?: (?P<next>\S+) (?P<then>\S+))?")


def _both_as_subject(stripped: str) -> bool:
    """Whether the sentence opens with "Die beiden" or "Beide" as its subject (see above)."""
    match = _BOTH.match(stripped)
    if match is None:
        return False
    following, then = match["next"] or "", match["then"] or ""
    if match["verb"] not in finite_forms() and not (
        # a verb the mined list lacks, before a function word: "Beide warnten vor ..."
        match["verb"].endswith(("en", "te", "t")) and following in ALL_FUNCTION_WORDS
    ):
        return False
    # ("Die drei kassierten gelben Karten ...": an adjective before its noun)
    return not (following.endswith(("e", "en")) and following[:1].islower() and then[:1].isupper())


# "Grund waren der Gaza-Krieg und ...", "Hintergrund ist ein Rechtsstreit", "Ziel ist es, ...":
# the reason, background or aim of what the sentence before said
_WHY_NOUNS = frozenset({"Grund", "Hintergrund", "Auslöser", "Anlass", "Ursache", "Ziel", "Zweck"})
_BE = frozenset({"ist", "war", "sind", "waren", "sei", "seien", "wäre", "wären"})
# ... and such a noun as a label before a colon ("Der Grund: Alle Umfragen sehen die von ihm
# geführte PSOE vorn", under another article's line of a Spanish topic in a week of SZ news,
# rows 4000-4299; "Das Ziel: ...", "Hauptgrund: ...", "Die Begründung: ...")
_WHY_LABEL = re.compile(
    rf"^(?:(?:Der|Die|Das)\s+)?(?:{'|'.join(sorted(_WHY_NOUNS))}|Hauptgrund|Begründung)\s*:\s"
)


# "Das heißt: Die Transportwege ... werden immer länger.", "Das zeigt: Die Euro-Zone braucht ...",
# "Das klang dann so: ...": the demonstrative is what the sentence before said, though a colon
# follows (after "Das ist ..." a colon may point forward: "Das ist die Botschaft: ..."); 74
# corpus sentences points_back let stand, most before a colon
_THAT_MEANS = frozenset({
    "heißt", "hieße", "hieß", "bedeutet", "bedeutete", "bedeute", "zeigt", "zeigte",
    "belegt", "belegte", "beweist", "bewies", "liegt", "lag", "klingt", "klang",
})


# "So ist es auch beim Wasser", "So war das schon 2015", "So steht es im Parteiengesetz", "So
# sehen es zumindest die Kritiker": as the sentence before said
_SO_VERBS = frozenset({
    "ist", "war", "sei", "wäre", "geht", "ging", "läuft", "lief", "bleibt", "steht", "stand",
    "sieht", "sah", "sehen", "sahen", "klingt", "klang", "formuliert", "formulierte",
})
# "So heißt eine Insel vor Sardinien", "So nennen die Kurden ihr Gebiet", "So lautet die
# offizielle Jobbeschreibung": the name or the words the sentence before gave (300 random
# articles, seed 120922, printed the first among an Italian government crisis' lines)
_SO_NAMING = frozenset({
    "heißt", "hieß", "heißen", "hießen", "nennt", "nannte", "nennen", "nannten", "lautet",
    "lautete", "lauten", "lauteten",
})


def _so_points_back(stripped: str, third: str, head: str) -> bool:
    """ "So ist es", "So war das" for what the sentence before said; not "So läuft das
    Verfahren" (an article) nor "So ist das eben mit X: ..." (it points forward)."""
    pronoun = third.strip(",.")
    if pronoun not in ("es", "das") or ":" in head:
        return False
    rest = stripped.split(None, 4)[3:4]
    return pronoun == "es" or not rest or not rest[0][:1].isupper()


# "So etwas sagt man nicht", "So lange dauert die Legislaturperiode noch", "So teuer war
# bisher nur ...", "So gesehen ist die Sache ernst": as much, or as, as the sentence before
# said (300 DER STANDARD articles, seed 120845, printed "So deutlich hatte aus der Regierung
# in Berlin bisher noch niemand bestätigt." among a Balkan route topic's lines); not "so ...,
# dass" with its measure after it, and not "so richtig" or "so langsam" (just about "really"
# and "gradually")
_SO_MUCH_NOT = frozenset({"wie", "richtig", "langsam"})
_SO_DASS = re.compile(r"\bdass\b")


def _so_much(stripped: str, second: str, third: str, head: str) -> bool:
    """ "So" and an adjective or adverb before the finite verb (see above)."""
    return (
        second[:1].islower()
        and second not in _SO_MUCH_NOT
        and second not in _FINITE
        and third.strip(",.") in _FINITE
        and ":" not in head
        and not _SO_DASS.search(stripped)
    )


# "So macht Mützenich den Vorschlag klein.", "So hatte die Regierung vor dem EuGH
# argumentiert.", "So wird die Debatte zum Spiegel der Lage.": a short sentence that opens with
# "So" before its verb says how, or that, as the sentence before said, and little of its own
# (300 random articles, seed 120928, printed the first two in their topics; of the corpus'
# 74 such sentences of at most eight words, about nine in ten lean on the one before). Longer
# ones mostly give an example with facts of its own ("So soll der Beitrag ... von 2,5 auf 2,4
# Prozent gesenkt werden"): left to the weights.
_SO_SHORT_WORDS = 8


def _so_short(stripped: str, head: str) -> bool:
    """A sentence of at most ``_SO_SHORT_WORDS`` words after "So" and its verb (see above),
    not before a colon ("So sieht es aus: ...")."""
    return ":" not in head and len(stripped.split(None, _SO_SHORT_WORDS)) <= _SO_SHORT_WORDS


def _so_names_back(stripped: str, third: str, head: str) -> bool:
    """ "So heißt ...", "So nennt ...", "So lautet ..." for the name or words the sentence
    before gave; not before a colon ("So lautet die Parole: ...") nor "So heißt es in X, Y"
    with what it says after the comma ("So heißt es in einem Lied, Tel-Aviv solle ..."; but
    "So heißt es in einem Video, das ..." and "So hieß es etwa, als ..." say nothing)."""
    if ":" in head:
        return False
    if third.strip(",.") != "es" or "," not in stripped:
        return True
    after = stripped.split(",", 1)[1].split(None, 1)[:1]
    return not after or after[0] in CLAUSE_WORDS or after[0] in RELATIVE_PRONOUNS


# A possessive for whom the sentence before named, opening the sentence: "Sein Vertrag lief
# noch bis 2021", "Ihr Ergebnis: ...", also after a connective: "Doch ihr Bundesland gilt
# vielen Deutschen als wirtschaftsschwach" (a lone article's one line, seed 120825)
_POSSESSIVE_OPENER = re.compile(
    r"^(?:Sein|Ihr|(?:Doch|Aber|Und|Auch|Denn|Zudem|Dabei|Nun|Jetzt|Dann|Also|Schon|Noch)\s+"
    r"(?:sein|ihr))(?:e|en|em|er|es)?\s+[A-ZÄÖÜ]"
)


def person_by_pronoun(text: str) -> bool:
    """Whom the sentence before named, as a pronoun among the first words: a subject after the
    verb ("2015 hatte er einen schweren Unfall", "Dann nickte er"; not after a comma, where the
    words before name whom it means), an object ("Glück für ihn",
    "26 von ihnen wurden zugelassen"), a possessive that opens it ("Sein Vertrag lief bis
    2021"), or the group it ends in ("Maaßen gehört zu ihnen."). ``points_back`` leaves these
    to the weights (``late_pronoun``): in one article's summary the reader knows whom the
    article is about. Like ``person_by_age``, for a story of several articles; a quote's words
    do not count, and whether the sentence names its speaker (", sagt Kaiser.") is the
    caller's."""
    stripped = opening_stripped(text)
    late = _late_pronoun(text)
    return (
        # (not after a comma: "Cain erklärt, sie habe ...", "Trump bestreitet, dass er ...")
        late is not None and "," not in late.group(0)
        or _POSSESSIVE_OPENER.match(stripped) is not None
        or _PRONOUN_FOR_NAME.search(outside_quotes(stripped).strip()) is not None
    )


# ... or as the subject right after a later finite verb: "In 15 Fällen wurde der 42-Jährige aus
# Mangel an Beweisen freigesprochen." (not "den 49-Jährigen", an object)
_AGE_AFTER_VERB = re.compile(
    r"\b(?P<verb>[a-zäöüß]+)\s+(?:(?:noch|auch|nun|jetzt|dann|zuletzt|bereits|schon|erst|wohl|"
    r"aber|doch)\s+)?der\s+\d+-Jährige\b(?!n)"
)


def _age_after_verb(text: str) -> bool:
    """The subject named by age right after a finite verb later in the sentence, and nobody
    named before it who could be meant (a word in capitals that is no common noun or function
    word: "Messi musste behandelt werden, nach der Pause wurde der 32-Jährige ersetzt")."""
    match = _AGE_AFTER_VERB.search(text)
    if match is None or match.group("verb") not in finite_forms():
        return False
    return not any(
        word[:1].isupper() and not word.isupper()
        and word.casefold() not in _COMMON and word.casefold() not in ALL_FUNCTION_WORDS
        for word in re.findall(r"[\w-]+", text[: match.start()])
    )


def person_by_age(text: str) -> bool:
    """A person named by their age among the first words, or as the subject right after a
    later verb with no name before it: whom the sentence before named ("Der 62-Jährige wurde
    einstimmig gewählt", "In 15 Fällen wurde der 42-Jährige freigesprochen"). Not
    ``points_back``'s: in one article's summary the reader knows whom the article is about
    (leaving such lines out there cost the 21 dev articles' ROUGE-1 1.4 points), in a story of
    several articles the person could be anyone."""
    stripped = opening_stripped(text)
    if _AGE_FOR_NAME.match(stripped) is not None:
        return True
    if "Jährige" in stripped and _age_after_verb(stripped):
        return True
    if "jährig" not in stripped[:80]:
        return False  # (a cheap look first)
    match = _AGE_AND_NOUN.match(stripped)
    if match is None or not _person_noun(match.group("noun")):
        return False
    # (a name right after it says who: "der 70-jährige Allgemeinmediziner und Wutlöwe Thomas
    # Schummer", "die 50-jährige Tochter von Christoph Blocher")
    return not any(w in FIRST_NAMES for w in stripped[match.end() :].split()[:6])


@lru_cache(maxsize=1)
def _demonym_tokens() -> frozenset[str]:
    """The demonyms' forms as a sentence's words may be written, a punctuation mark after."""
    ends = [""] + [q + p for q in ("", '"', "“", "”", "«", "»", "'", ")") for p in ",.;:!?"]
    ends += ['"', "“", "”", "«", "»", "'", ")"]
    return frozenset(f + end for f in demonym_forms() for end in ends)


def person_by_origin(text: str) -> bool:
    """A person named by where they come from as the sentence's subject: whom the sentence
    before named ("Der Brite siegte in 2:05 Stunden.", "Weil der Grieche sich vor allem um eine
    Reform der Asylpolitik kümmern soll, ..."). Like ``person_by_age``, for a story of several
    articles only: one article's reader knows whom it is about."""
    if _demonym_tokens().isdisjoint(text.split()):
        return False  # (no demonym at all: most sentences, told faster than by the patterns)
    stripped = opening_stripped(text)
    if _ORIGIN.match(stripped) is not None:
        return True
    later = _ORIGIN_LATER.search(stripped, 1)
    if later is None:
        return False
    before = stripped[: later.start()]
    return _NAMED_BEFORE.search(before, 1) is None and not any(
        word.strip(_OPENING + ",.:;") in FIRST_NAMES for word in before.split()
    )


def _from_somewhere(word: str) -> bool:
    """A demonym, or a compound ending in one ("Niederösterreicher", "Exil-Iraner")."""
    if word in demonym_forms():
        return True
    low = word.casefold()
    return any(low.endswith(form) and len(low) > len(form) for form in _DEMONYM_ENDS)


def _person_noun(word: str) -> bool:
    """A noun for a person ("Juristin", "Mittelfeldspieler"), a common noun the corpora know
    with a person's ending ("Brasilianer", "Münchnerin") or an adjective of names ("Deutsche"),
    not a name ("Djokovic", "Geywitz")."""
    if word[:-1] in NAME_ADJECTIVES or word in NAME_ADJECTIVES:
        return True  # an adjective of names written as a noun: "der 31-jährige Deutsche"
    if _from_somewhere(word):
        return True  # "der 28-jährige Niederösterreicher", "die 24-jährige Britin"
    return is_role(word) or (
        word.casefold() in _COMMON and word.casefold().endswith(_PERSON_ENDS)
    )
