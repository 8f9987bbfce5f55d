"""Reading one article for its heading: capitalised words, their neighbours, event phrases.

An article is read in its title (unless the title is just its first sentence), its lead and
the first sentences after it: the event phrase stands early ("Die Landtagswahl in Thüringen
..."). Regular expressions do the reading, so a corpus of 11,700 articles takes a few
seconds; what they find is counted per article (``ArticleScan``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from briefing import lexicon
from briefing.cues.standalone import DATELINE
from briefing.models import Article
from briefing.text.captions import CREDIT
from briefing.text.stems import german_stem

TITLE, LEAD, BODY = 3, 2, 1  # the weight of a word by where it stands
LEAD_SENTENCES = 2
# Sentences of an article read: the lead and the next eight (the event phrase stands early;
# reading the whole text cost four times as long for no more heading hits on the dev stories).
MAX_SENTENCES = 10
# A lone article's phrase comes from its lead and the two sentences after it.
LONE_SENTENCES = 4

_ARTICLES = frozenset({"der", "die", "das", "den", "dem", "des", "ein", "eine", "einer",
                       "eines", "einem", "einen"})  # fmt: skip


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


# A capitalised word ("Thüringen", "Sea-Watch", "G-7-Gipfel", "Kurz'") or an initial ("H.").
# Patterns start with a character class and look behind it ("[A-Z](?<!x[A-Z])"): a pattern
# that starts with a look-behind is tried at every position of the text, three times slower.
_CAP = r"(?:(?:al|el|ad|as|ar|bin|ibn)-)?[A-ZÄÖÜ](?:\.(?!\w)|\w*(?:[-'’.]\w+)*[’']?)"
# an Arabic name's article joined to its next part: "al-Sisi" of "Abdel Fattah al-Sisi"
ARABIC_ARTICLE = re.compile(r"(?:al|el|ad|as|ar)-[A-ZÄÖÜ]")
_CAP_FIRST = r"[A-ZÄÖÜ](?<![\w'’.-][A-ZÄÖÜ])(?:\.(?!\w)|\w*(?:[-'’.]\w+)*[’']?)"
_PARTICLE = f"(?:{_alternation(lexicon.NAME_PARTICLES)})"
_CAP_RUN = rf"{_CAP}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_CAP}){{0,3}}"
# "Landtagswahl in Thüringen", "Pleite des Reiseveranstalters Thomas Cook", "Massaker von El
# Paso und Dayton": a capitalised word, a preposition or a genitive article, an article, up to
# two adjectives or a number, then (looked ahead at, as it may head the next phrase: "Anschlag
# auf die Synagoge in Halle") the capitalised words of what it is of, and the word after them
_PHRASE = re.compile(
    rf"({_CAP_FIRST})[ \t]+"
    rf"({_alternation(set(lexicon.HEADING_PREPOSITIONS) | lexicon.GENITIVE_ARTICLES)})[ \t]+"
    rf"(?:({_alternation(_ARTICLES)})[ \t]+)?"
    rf"((?:[a-zäöüß]\w*(?:e|en|er|es|em)[ \t]+|\d+[ \t]+){{0,2}})"
    rf"(?=({_CAP_RUN}(?:[ \t]+und[ \t]+{_CAP_RUN})?)([ \t]+[\w„\"]+)?([ \t]+\w+)?)"
)
_CAPS = re.compile(_CAP_FIRST)
# "auf Eis legen", "zu Protokoll geben": a preposition and a noun a verb takes as one
_VERB_IDIOMS = lexicon.VERB_IDIOMS
_AUXILIARIES = lexicon.HEADING_AUXILIARIES
# ... as a text writes them: "an Bord", "Auf Eis", "auf den Tisch"
# (the first letters in a lookahead: most words fail there, not in the alternation)
_VERB_IDIOM_USES = re.compile(
    r"(?<![\w-])(?=["
    + re.escape("".join(sorted({c for i in _VERB_IDIOMS for c in (i[0], i[0].upper())})))
    + r"])(?:"
    + "|".join(
        rf"[{i[0]}{i[0].upper()}]{re.escape(i[1:i.rindex(' ')])}[ \t]+"
        + re.escape(i[i.rindex(" ") + 1 :].capitalize())
        for i in sorted(_VERB_IDIOMS, key=lambda i: (-len(i), i))
        if " " in i
    )
    + r")(?![\w-])"
)
# Common nouns the corpora write after "ein", "seine" or an adjective ("ein Verlust", "einen
# Bach"): one article writes a noun too seldom so to tell it from a name.
_COMMON_NOUNS = lexicon.common_nouns("common")
# masculine or neuter singulars: after them "der" is no genitive ("der Mut")
_NOT_FEMININE = lexicon.common_nouns("not-feminine")
# plurals in -e whose dative a heading writes in the base form ("den Anschlägen")
_PLURALS_E = lexicon.common_nouns("plural-e")
# the share of a noun's uses as an event (after "nach dem", "seit der") from which the phrase
# after it is the event's ("Streit um", "Anschlag auf")
EVENT_NOUN = 0.02
_PREPOSITION_WORDS = lexicon.PREPOSITIONS | {
    w for w in lexicon.ARTICLES if w in ("am", "beim", "im", "ins", "vom", "zum", "zur")
}
# where a sentence or a clause before a phrase's noun starts
_CLAUSE_START = re.compile(r"[.!?:;–\n]")
# a masculine or neuter genitive's article right before a phrase's noun ("des Anschlags in
# Halle"): a heading writes the noun in its base form
_GENITIVE_BEFORE = re.compile(r"(?<![\w-])(?:[Dd]es|[Ee]ines|[Dd]ieses)[ \t]+$")
# capitalised words in a row (names and titles: "Evo Morales", "Ursula von der Leyen")
_RUNS = re.compile(rf"{_CAP_FIRST}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_CAP})+")
# a name that starts with its particles ("von der Leyen", "ter Stegen"); a lone "von" or "de"
# is more often a preposition ("Rücktritt von Morales")
_AMBIGUOUS = ("von", "de", "da", "di", "la", "le", "al", "of", "for")
_OWN_PARTICLES = [p for p in lexicon.NAME_PARTICLES if " " in p or p not in _AMBIGUOUS]
# ... also capitalised, as Austrian texts write "Van der Bellen" ("Von der" opens sentences)
_OWN_PARTICLES += [p.capitalize() for p in _OWN_PARTICLES if p.startswith(("van", "ter"))]
_CHAINS = re.compile(rf"(?<![\w'’.-])({_alternation(_OWN_PARTICLES)})[ \t]+({_CAP})")
# a capitalised word that opens a sentence, a clause after a colon or dash, or a quotation
_STARTS = re.compile(rf"(?:^|[.!?:;–]\s+|[„\"»«(]\s*)({_CAP})", re.MULTILINE)
# after an article or a number ("der Anschlag", "Die Pleite", "im Landtag", "2000 Soldaten"),
# not inside a name ("von der Leyen")
_DETERMINERS = lexicon.ARTICLES | {w.capitalize() for w in lexicon.ARTICLES}
# after a number word ("vier Israelis": people, no name; not "Elf": a team)
_AFTER_COUNT = re.compile(
    rf" (?:{_alternation(w for w, n in lexicon.NUMBER_WORDS.items() if n >= 2)})[ \t]+({_CAP})"
)
_AFTER_ARTICLE = re.compile(
    rf"(?<![\w'’.-])(?<![vV]on )(?<![vV]an )(?:{_alternation(_DETERMINERS)}|\d+)[ \t]+({_CAP})"
)
# after an article of the genitive, an adjective between or not ("des umstrittenen Telefonats")
_AFTER_GENITIVE = re.compile(
    rf"(?<![\w'’.-])(?:[dD]es|[eE]ines|[dD]ieses|jenes|seines|ihres|unseres)[ \t]+"
    rf"(?:[a-zäöüß]\w*(?:en|er)[ \t]+)?({_CAP})"
)
# after an adjective ("der ermordete Lübcke"), not a past tense ("sagte Farage")
_AFTER_ADJECTIVE = re.compile(
    rf"([a-zäöüß](?<![\w'’.-][a-zäöüß])\w{{2,}}(?<!t)(?:e|en|er|es|em))[ \t]+({_CAP})"
)
# a capitalised adjective of a name after "das" (neuter) or "der" (masculine; a feminine
# genitive or dative would end in -en): "das Gelbe Trikot", "der Internationale Währungsfonds"
_WEAK_ADJECTIVE = re.compile(r"(?<![\w-])([Dd]as|[Dd]er) ([A-ZÄÖÜ][a-zäöüß]+e) ([A-ZÄÖÜ][\w-]+)")
_DECLINED = re.compile(r"(?<![\w-])[a-zäöüß]+ ([A-ZÄÖÜ][a-zäöüß]+en) (?=[A-ZÄÖÜ])")
# where something happened: "in Genf", "aus Homburg", "nach Biarritz" (no article: "in der
# Klinik" is a thing, "in Deutschland" and "in Genf" places)
_PLACED = re.compile(rf" (?:in|aus|nach)[ \t]+({_CAP})")  # (a space first: fast)
# two capitalised words joined by "und" ("Jammu und Kaschmir", "Bund und Länder")
_JOINED = re.compile(rf"({_CAP_FIRST})[ \t]+und[ \t]+({_CAP})")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'„“»«(]?[A-ZÄÖÜ0-9])")
# a dateline at a first paragraph's start or after its first sentence (a teaser); not a
# result's teams ("SC Freiburg - RB Leipzig 2:1 (1:0) Tore: ...")
_AFTER_TEASER = re.compile(
    rf"^(?:[^.!?]{{1,300}}[.!?][\"“”]?\s+)?(?P<place>{DATELINE.pattern})(?![^.!?]{{0,40}}\d:\d)"
)
# a match's schedule in brackets says when and where to watch it, not what happened: "am
# Montag (20.45 Uhr/Liveticker SZ.de)", "(Sonntag, 15.10 Uhr/RTL und Sky)", "(14 Uhr,
# Grünwalder Stadion)" (105 in the corpora; "Liveticker SZ.de" headed two match previews)
_SCHEDULE = re.compile(
    r"\((?:[^()]{0,30}?,\s*)?\d{1,2}(?:[.:]\d{2})?\s*Uhr\s*"
    r"(?:/|,|;| bei | im | in der )[^()]{1,80}\)"
)
_TIME = re.compile(
    f"(?:{_alternation(lexicon.WEEKDAY_NAMES + tuple(lexicon.GERMAN_MONTHS) + ('sonnabend',))})"
    f"(?:{_alternation(lexicon.TIMES_OF_DAY)})?"
    f"|(?:{_alternation(lexicon.TIMES_OF_DAY + lexicon.PERIODS)})",
    re.IGNORECASE,
)
SPLIT = re.compile(r"[-'’.]")
# Damaged texts lost a capital Ä or Ö ("Wahl in sterreich"): the word a heading may be made of
# comes back as it is written elsewhere ("Österreich"); an adjective ("sterreichische") comes
# back in lower case, as inside a sentence. Short losses ("ra" for "Ära") stay: too ambiguous.
# (Compounds of them, "lanlagen" for "Ölanlagen", are mined apart: no MLSUM text writes them.)
_REPAIRS = {
    lost: (word[0].lower() + word[1:] if re.search(r"(?:lich|isch)(?:e[mnrs]?)?$", lost) else word)
    for lost, word in (*lexicon._rows("lost_umlauts"), *lexicon._rows("lost_umlaut_compounds"))
    if len(lost) >= 4
}
_LOST_BY_FIRST: dict[str, list[str]] = {}
for _lost in _REPAIRS:
    _LOST_BY_FIRST.setdefault(_lost[0], []).append(_lost[1:])
# after a space (a pattern that starts with a plain character lets the regex engine skip
# ahead to it; one that starts with a character class or a look-behind is tried at every
# position, twice as slow), one of the entries' first letters, then the rest of an entry
_LOST = re.compile(
    " ("
    + "|".join(f"{c}(?:{_alternation(rest)})" for c, rest in sorted(_LOST_BY_FIRST.items()))
    + r")(?!\w)"
)


@dataclass(slots=True)
class ArticleScan:
    """What an article's title, lead and first sentences hold for a heading."""

    caps: Counter[str]  # capitalised words and how often
    title: frozenset[str]  # those in the title
    lead: frozenset[str]  # those in the lead
    starts: Counter[str]  # at the start of a sentence or clause
    common: Counter[str]  # after an article or number ("der Anschlag")
    counted: Counter[str]  # after a number word ("vier Israelis")
    genitive: Counter[str]  # after an article of the genitive ("des Telefonats")
    adjective: Counter[str]  # after a lower-case adjective ("der ermordete Lübcke")
    pairs: Counter[tuple[str, str, str]]  # (word, particles, word) in a row
    phrases: list[tuple]  # (key, head, kind, words, weight) of "<noun> <preposition> <what>"
    # a name's adjective after "das" or "der" and its ending without them: ("Statistische",
    # "Bundesamt") -> "s" ("das Statistische Bundesamt", a heading "Statistisches Bundesamt")
    strong: dict[tuple[str, str], str]
    # nouns written in a set phrase a verb takes, and how often ("Eis" of "auf Eis legen")
    idioms: Counter[str]
    # capitalised words right after "in", "aus", "nach" with no article ("in Genf"): places
    placed: Counter[str]
    # (word, word) joined by "und": "Jammu und Kaschmir"
    joined: Counter[tuple[str, str]]

    def place(self, word: str) -> int:
        """TITLE, LEAD or BODY: where the article first has the word (0: not at all)."""
        if word not in self.caps:
            return 0
        return TITLE if word in self.title else LEAD if word in self.lead else BODY


def stems(word: str) -> tuple[str, ...]:
    """The Snowball stems of a word's parts: "Nordkorea-Besuch" -> ("nordkorea", "besuch")."""
    return _stems(word)


@lru_cache(maxsize=200_000)
def _stems(word: str) -> tuple[str, ...]:
    return tuple(german_stem(p.casefold()) for p in SPLIT.split(word) if p)


@lru_cache(maxsize=100_000)
def is_time(word: str) -> bool:
    """A weekday, month or time of day ("Dienstagmorgen"): when, never what."""
    return _TIME.fullmatch(word) is not None


def is_adjective(token: str) -> bool:
    """A lower-case word with an adjective's ending ("betroffene", "saudischen")."""
    low = token.casefold()
    return (
        token[:1].islower()
        and len(low) > 3
        and low.endswith(("e", "en", "er", "es", "em"))
        and low not in lexicon.german_stop_words()
    )


def has_title(article: Article, paragraphs: list[str] | None = None) -> bool:
    """The article has a title line of its own, not just its first sentence (plain texts)."""
    paragraphs = article.paragraphs if paragraphs is None else paragraphs
    title = article.title
    if not title or not paragraphs:
        return bool(title)
    # a plain text's first sentence, also behind a short label ("Detailansicht öffnen Tidjane
    # Thiam, Chef der Credit Suisse, bleibt vorerst im Amt.") or a caption and a newsletter's
    # notice the title was not taken from ("Wie gerne hätte Stevan Paul ... gespeist."): a
    # sentence, no title line
    # (a title made of a text's first words ends in a full stop the text may not have there:
    # "Ein Prosit auf die Elite." of "... Ein Prosit auf die Elite (von links): ...")
    said = title.removesuffix(".") if len(title) > 1 else title
    at = paragraphs[0].find(said)
    return not (at == 0 or (at > 0 and title.rstrip("\"“”'»«)").endswith((".", "!", "?"))))


def _region(
    article: Article, read: int = MAX_SENTENCES, dateline: bool = True
) -> tuple[str, int, int]:
    """The text a heading is read from (title, lead, the sentences after it, ``read`` in
    all) and where the title and the lead end in it; without ``dateline``, the place an
    agency's report opens with is left out."""
    paragraphs = article.paragraphs  # (built anew at each use: once here)
    if not dateline and paragraphs:
        # (at the text's start or after its teaser: "21-Jähriger soll ... zugegeben haben.
        # Seoul – Ein wegen ...")
        found = _AFTER_TEASER.match(paragraphs[0])
        if found:
            first = paragraphs[0][: found.start("place")] + paragraphs[0][found.end() :]
            paragraphs = [first, *paragraphs[1:]]
    title = article.title if has_title(article, paragraphs) else ""
    sentences: list[str] = []
    for paragraph in paragraphs:
        if "(" in paragraph:  # a picture's credit names its photographer: "(Foto: X/afp)"
            paragraph = CREDIT.sub("", paragraph)
            if "Uhr" in paragraph:
                paragraph = _SCHEDULE.sub("", paragraph)
        sentences += _SENTENCE_END.split(paragraph)
        if len(sentences) >= read:
            break
    if len(sentences) <= read and sentences:  # (read to its end)
        sentences[-1] = _uncut(sentences[-1])
    lead = _repaired(" ".join(sentences[:LEAD_SENTENCES]))
    body = _repaired(" ".join(sentences[LEAD_SENTENCES:read]))
    title = _repaired(title) if title else title
    return f"{title}\n{lead}\n{body}", len(title), len(title) + 1 + len(lead)


def _uncut(text: str) -> str:
    """A text's end without a word cut off in it: MLSUM texts stop mid-word ("... hätte Evo
    Morale"), and that word is no form of a name ("Morales")."""
    if text.rstrip().endswith((".", "!", "?", '"', "“", "”", "»", "«", ")", "'", ":")):
        return text
    return text.rstrip().rpartition(" ")[0]


def _repaired(text: str) -> str:
    """The text with its words that lost a capital umlaut written whole again."""
    return _LOST.sub(lambda m: " " + _REPAIRS[m[1]], f" {text}")[1:]


def capitalised(article: Article, read: int = MAX_SENTENCES) -> set[str]:
    """The capitalised words a heading may be made of (for the folder's word weights)."""
    return set(_CAPS.findall(_region(article, read)[0]))


def scan_article(
    article: Article, read: int = MAX_SENTENCES, dateline: bool = True
) -> ArticleScan:
    """What the article's title, lead and first ``read`` sentences hold for a heading
    (without its dateline: see ``_region``)."""
    text, title_end, lead_end = _region(article, read, dateline)

    def weight(at: int) -> int:
        return TITLE if at < title_end else LEAD if at < lead_end else BODY

    stop = lexicon.german_stop_words()
    phrases = []
    for match in _PHRASE.finditer(text):
        found = _of_phrase(match, stop)
        if found and _verb_idiom(match):
            continue  # "Rückschläge auf Eis" (legen)
        if found and _verb_frame(match, text):
            continue  # "das Bildungsministerium auf unzulässige Praktiken aufmerksam machen"
        if found and _GENITIVE_BEFORE.search(text, max(0, match.start() - 7), match.start()):
            found = _nominative(found)  # "die Opfer des Anschlags in Halle": Anschlag in Halle
        if found:
            phrases.append((*found, weight(match.start())))
    title = frozenset(_CAPS.findall(text, 0, title_end)) if title_end else frozenset()
    lead = frozenset(_CAPS.findall(text, title_end, lead_end))
    pairs: Counter[tuple[str, str, str]] = Counter()
    for run in _RUNS.findall(text):
        _note_pairs([w for w in run.split() if not _label(w)], pairs)
    for chain, word in _CHAINS.findall(text):  # (with or without a first name before it)
        pairs[("", chain, word)] += 1
    # "Trumps Grönland-Idee": a name in the genitive right before a noun
    for owner, chain, head in pairs:
        if (
            not chain
            and owner.endswith(("s", "'", "’"))
            and len(owner) > 3
            and owner.casefold() not in stop
            and not is_time(head)
        ):
            base = owner.rstrip("'’")
            base = base[:-1] if owner.endswith("s") else base
            key = ("owner", _stems(base), _stems(head))
            place = TITLE if head in title else LEAD if head in lead else BODY
            phrases.append((key, head, "owner", (owner, head), place))
    return ArticleScan(
        caps=Counter(w for w in _CAPS.findall(text) if not _label(w)),
        title=title,
        lead=lead,
        starts=Counter(_STARTS.findall(text)),
        common=Counter(_AFTER_ARTICLE.findall(text)),
        counted=Counter(_AFTER_COUNT.findall(text)),
        genitive=Counter(_AFTER_GENITIVE.findall(text)),
        adjective=Counter(w for a, w in _AFTER_ADJECTIVE.findall(text) if a not in stop),
        pairs=pairs,
        phrases=phrases,
        strong=_strong_endings(text),
        idioms=Counter(m.split()[-1] for m in _VERB_IDIOM_USES.findall(text)),
        placed=Counter(_PLACED.findall(text)),
        joined=Counter(_JOINED.findall(text)) if " und " in text else Counter(),
    )


def _strong_endings(text: str) -> dict[tuple[str, str], str]:
    """("Statistische", "Bundesamt") -> "s" when the text writes "das Statistische Bundesamt"
    and the word is an adjective: the corpora know it as one inside names
    (``lexicon.NAME_ADJECTIVES``), or the text declines it ("des Statistischen Bundesamts";
    a name such as "der Pete Buttigieg" takes no -en)."""
    weak = _WEAK_ADJECTIVE.findall(text)
    if not weak:
        return {}
    declined = set(_DECLINED.findall(text))
    return {(adjective, noun): "s" if article[-1] in "sS" else "r"
            for article, adjective, noun in weak
            if adjective in lexicon.NAME_ADJECTIVES or adjective + "n" in declined}


def _label(word: str) -> bool:
    """A label in capitals ("EXKLUSIV", "ANZEIGE"), no acronym ("SPD", "EuGH")."""
    return len(word) > 5 and word.isupper()


def _note_pairs(tokens: list[str], pairs: Counter[tuple[str, str, str]]) -> None:
    """Count each two capitalised words in a row: ("Evo", "", "Morales"), ("Ursula", "von
    der", "Leyen")."""
    while tokens and not tokens[0][:1].isupper():  # (labels left out before a particle)
        tokens = tokens[1:]
    if len(tokens) < 2:
        return
    previous = tokens[0]
    chain: list[str] = []
    for token in tokens[1:]:
        if token[:1].isupper() or ARABIC_ARTICLE.match(token):  # (also "al-Sisi")
            pairs[(previous, " ".join(chain), token)] += 1
            previous = token
            chain = []
        else:
            chain.append(token)


def _nominative(found: tuple) -> tuple:
    """The phrase with its genitive noun in the base form: "Anschlags" -> "Anschlag",
    "Pokals" -> "Pokal" (the same stem; "Kurses", "Hauses" keep the -es, whose base the
    heading's own base_form finds where the articles write it)."""
    key, head, kind, words = found
    base = head[:-1]
    if not head.endswith("s") or head.endswith(("ss", "es")) or stems(base) != stems(head):
        return found
    return key, base, kind, (base, *words[1:])


def known_common(word: str, compound: bool = False) -> bool:
    """A noun (or the part after its last hyphen) the corpora write after "ein", "seine" or
    an adjective, as a name seldom is (lexicon common_nouns.txt): "Verlust", "Wind"; with
    ``compound`` also one that ends in such a noun of five letters or more after four or
    more ("Konjunktur|flaute")."""
    last = SPLIT.split(word)[-1].casefold()
    if last in _COMMON_NOUNS:
        return True
    return compound and any(last[k:] in _COMMON_NOUNS for k in range(4, len(last) - 4))


@lru_cache(maxsize=100_000)
def lexicon_noun(word: str) -> bool:
    """A plural the corpora know of common nouns (lexicon common_nouns.txt), which a name
    seldom is: one in -e ("Anschläge", "Terroranschläge"), or a compound of two common nouns
    in -n or -en ("Papier|kugeln", "Zeitungs|meldungen"). (No singular: "Halle", "Porsche",
    "Allianz" are written after "ein" too; no plural of one noun alone: "Polen".)"""
    last = SPLIT.split(word)[-1].casefold()
    if _plural_e(last) or any(last[k:] in _PLURALS_E for k in range(3, len(last) - 4)):
        return True
    for ending in ("n", "en"):
        if not last.endswith(ending):
            continue
        single = last[: -len(ending)]
        for k in range(3, len(single) - 3):
            head, tail = single[:k], single[k:]
            if tail in _COMMON_NOUNS and (
                head in _COMMON_NOUNS or head.endswith("s") and head[:-1] in _COMMON_NOUNS
            ):
                return True
    return False


def dative_plural_base(noun: str) -> str | None:
    """The plural a dative plural in -en stands for ("Anschlägen" -> "Anschläge",
    "Terroranschlägen" -> "Terroranschläge"), by the plurals in -e of the lexicon (a compound
    by its last part of five letters or more), or None ("Wahlen", "Wochen" are no datives)."""
    if not noun.endswith("en"):
        return None
    plural = SPLIT.split(noun)[-1][:-1].casefold()
    if _plural_e(plural) or any(plural[k:] in _PLURALS_E for k in range(3, len(plural) - 4)):
        return noun[:-1]  # (also "Geldwäsche-Skandalen": "Geldwäsche-Skandale")
    return None


def _plural_e(word: str) -> bool:
    """A plural in -e the lexicon knows ("anschläge"), or a noun in -e the corpora write
    without it too ("signale" beside "signal")."""
    return word in _PLURALS_E or (
        word.endswith("e") and word in _COMMON_NOUNS and word[:-1] in _COMMON_NOUNS
    )


def _verb_idiom(match: re.Match[str]) -> bool:
    """A preposition and a noun a verb takes as one (lexicon: "auf Eis", "zu Protokoll",
    "auf den Tisch", "nach bestem Gewissen"): no phrase of the noun before them."""
    _, preposition, article, adjectives, complement, _, _ = match.groups()
    said = " ".join(w for w in (preposition, article, adjectives.strip(), complement) if w)
    said = said.casefold()
    return said in _VERB_IDIOMS


def _verb_frame(match: re.Match[str], text: str) -> bool:
    """The preposition belongs to a verb at the clause's end, not to the noun before it:
    "macht das Bildungsministerium auf unzulässige Praktiken aufmerksam.", "wurde die
    Werbebranche von der Konjunkturflaute erfasst.", "die Bäume gegen Wind ab.", "in ihrem
    Auto von einem Bach mitgerissen worden". A participle, infinitive, verb particle or
    predicative adjective follows what the corpora know as common nouns (a name stays: "hat
    die Landtagswahl in Thüringen gewonnen.", "an der Newa abgereist."), and the noun neither
    opens the sentence ("Die Zahl der Opfer in Syrien stieg.") nor stands after a preposition,
    whose phrase the verb takes ("zur Wahl für das Stadtparlament zugelassen", "zu
    Zusammenstößen zwischen der Polizei und Demonstranten gekommen"). A genitive belongs to
    its noun ("die Proteste der Gelbwesten ausgelöst"), and so does a phrase of an event noun
    ("verschärft sich der Streit um die Flüchtlingspolitik weiter.")."""
    head, preposition, _, _, complement, following, after = match.groups()
    following = (following or "").strip()
    if not following[:1].islower() or preposition in lexicon.GENITIVE_ARTICLES:
        return False
    end = match.end(6)
    closes = text[end : end + 1] in (".", ",", ";", ":", "!", "?", "\n", "") or (
        (after or "").strip() in _AUXILIARIES
    )
    caps = [w for w in complement.split() if w[:1].isupper()]
    if not closes or not all(known_common(w, compound=True) for w in caps):
        return False
    if lexicon.event_nouns().get(german_stem(SPLIT.split(head)[-1].casefold()), 0) >= EVENT_NOUN:
        return False
    opening = _CLAUSE_START.split(text[max(0, match.start() - 60) : match.start()])[-1].split()
    while opening and (opening[-1].casefold() in _ARTICLES or is_adjective(opening[-1])):
        opening.pop()  # "das", "die heimische"
    return bool(opening) and opening[-1].casefold() not in _PREPOSITION_WORDS


_END_OR_START = frozenset({"Ende", "Anfang"})


def _person(words: list[str]) -> bool:
    """A person's name as "Ende von" writes it: a first name the corpora know ("Joe Biden"),
    or two capitalised words the first of which is no common noun ("Uli Hoeneß"; a firm's
    name and place, "Opel Eisenach", reads as one too: its end is no heading either)."""
    first = words[0]
    return first in lexicon.FIRST_NAMES or (
        len(words) == 2
        and all(w[:1].isupper() for w in words)
        and first.casefold() not in lexicon.common_nouns("common")
    )


def _of_phrase(match: re.Match[str], stop: frozenset[str]) -> tuple | None:
    """(key, head, kind, words) of a "<noun> <preposition> <what>" match, or None."""
    head, preposition, article, adjectives, complement, following, after = match.groups()
    if head.casefold() in stop or len(head) < 3 or is_time(head):
        return None
    if head.casefold() in lexicon.DIRECTION_NOUNS:
        return None  # "Nordosten des Landes", "Nähe von Trier": where, not what
    if f"{head} {preposition}".casefold() in lexicon.NAME_PARTICLES:
        return None  # "Van der Bellen" is a name, no "Van" of "Bellen" ("ORF der Bellen")
    comp_words = complement.split()
    if any(is_time(t) for t in comp_words):
        return None
    # "von Horst Seehofers sogenanntem Masterplan": the genitive owns what follows; cut off
    following = (following or "").strip()
    if comp_words[-1].endswith(("s", "'", "’")) and following and (
        is_adjective(following) or following[:1].isupper()
    ):
        return None
    if (
        following in ("der", "des")
        and (after or "").strip()[:1].isupper()
        and comp_words[-1].casefold() in lexicon.RELATIONAL_NOUNS
    ):
        # "Provinz im Norden [der Niederlande]", "Geldtransporter in der Nähe [des
        # Alexanderplatzes]": the place is where its genitive says; cut before it, the
        # phrase says nothing
        return None
    bare = lexicon.HEADING_PREPOSITIONS.get(preposition)
    if head in _END_OR_START and bare == "von" and _person(comp_words):
        # "das Ende von Uli Hoeneß [beim FC Bayern]", "der Anfang vom Ende von Joe Biden": a
        # person's end says their death; what ended is cut off or only feared (a week of SZ
        # sport, rows 7000-7299, and 300 random articles, seed 120928, were headed so)
        return None
    if bare == "zwischen" and "und" not in comp_words:
        return None  # "Rennen zwischen Netanjahu [und seinem Herausforderer]": cut
    if bare == "von" and following in ("zu", "bis"):
        return None  # "von Region zu Region": a range, not whose
    if not bare and article:
        return None  # "der die ...": no genitive
    single = comp_words[0].casefold() if len(comp_words) == 1 else ""
    if preposition == "der" and not adjectives and single in _NOT_FEMININE:
        # "hat die Anleger am Aktienmarkt der Mut verlassen": a masculine singular's "der" is
        # its nominative, the next clause's subject, no genitive
        return None
    # what it is of: its capitalised words (adjectives say how, not what)
    comp_stems = tuple(
        s for t in comp_words if t[:1].isupper() and t.casefold() not in stop for s in _stems(t)
    )
    if not comp_stems:
        return None
    if bare == "von" and all(t in lexicon.MEASURES for t in comp_words if t[:1].isupper()):
        return None  # how much, not whose: "Anteil von 38 Prozent" ("Rennen über 15 Kilometer")
    words = (head, preposition, *([article] if article else []), *adjectives.split(), *comp_words)
    kind = "prep" if bare else "gen"
    return ("of", _stems(head), bare or "gen", comp_stems), head, kind, words
