"""Nouns and names as a story's articles use them: events, people, names written in full.

A capitalised German word is a common noun or a name. A common noun stands after an article
or an adjective ("die Pleite", "der tödliche Angriff") or has a noun's ending ("-ung"); a name
seldom does. Of the common nouns, an event ("Anschlag", "Rücktritt", "Pleite") is what a
heading names; a person ("Präsident", "Verdächtige", "Männer") is not. Which nouns are
events was learned from the corpora: nouns the articles write after "nach dem", "seit der"
(``lexicon.event_nouns``).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from itertools import pairwise

from briefing import lexicon
from briefing.stories.headings.group import Group
from briefing.stories.headings.scan import (
    ARABIC_ARTICLE,
    SPLIT,
    dative_plural_base,
    known_common,
    lexicon_noun,
    stems,
)
from briefing.text.stems import german_stem

# A word used after an article this often (inside sentences) is a common noun.
COMMON_SHARE = 0.25
# A word right before a name this often belongs to it ("El" Paso, "von der" Leyen) ...
NAME_WITH = 0.6
# ... and so does a word this often before it that seldom stands elsewhere ("Evo" Morales).
FIRST_NAME = 0.8
# Words a name grows by, at most, on either side.
NAME_PARTS = 3
# Letters before a woman's role ending ("Urlaub|erin"; "Schw|erin" is a town).
PERSON_STEM = 5
_PERSON_ENDINGS = tuple(
    row[0] for row in lexicon._rows("heading_words") if "person-ending" in row[-1].split()
)
# Words before names (mined from the corpora): first names ("Fritz"), written before surnames
# and never after an article, and titles ("Radprofi"), written before names and after articles.
FIRST_NAMES = lexicon.FIRST_NAMES
TITLES = lexicon.NAME_TITLES
_BARE_PREPOSITION = {"vom": "von", "zum": "zu", "zur": "zu", "im": "in", "beim": "bei",
                     "am": "an", "ins": "in"}  # fmt: skip


def _last(word: str) -> str:
    return SPLIT.split(word)[-1].casefold()


def _suffix(word: str, table, first: int = 4) -> str | None:
    """The word if ``table`` holds it, else the longest entry of at least four letters it
    ends with after a first part of at least ``first`` ("Bürgermeister|wahl", not
    "Aus|stand")."""
    if word in table:
        return word
    for start in range(first, max(first, len(word) - 3)):
        if word[start:] in table:
            return word[start:]
    return None


@lru_cache(maxsize=100_000)
def event_rate(noun: str) -> float:
    """How often the corpora write the noun (or the last noun of its compound) as an event,
    after "nach dem", "seit der" and the like: "Anschlag" 0.18, "Regierung" 0."""
    events = lexicon.event_nouns()
    found = _suffix(german_stem(_last(noun)), events)
    return events[found] if found else 0.0


@lru_cache(maxsize=100_000)
def is_person(noun: str) -> bool:
    """A noun that names a person or people: "Regierungschefin", "Verdächtigen", "Männer"."""
    persons = lexicon.person_nouns()
    last = _last(noun)
    ending = next((e for e in _PERSON_ENDINGS if last.endswith(e)), "")
    if ending and len(last) - len(ending) >= PERSON_STEM:
        return True  # "Urlauberin", "Klimaaktivistinnen"
    forms = [last] + [last[: -len(e)] for e in ("innen", "in", "en", "n", "s") if last.endswith(e)]
    return any(form and _suffix(form, persons, 3) for form in forms)


def noun_shaped(word: str) -> bool:
    """A common noun by its ending ("Regierungsbildung") or a person noun ("Präsident")."""
    last = _last(word)
    return last.endswith(tuple(lexicon.NOUN_ENDINGS)) or last in lexicon.person_nouns()


def is_common(group: Group, word: str) -> bool:
    """A common noun: the articles write it after an article or adjective, or it is shaped so,
    or it is a plural the corpora know or its dative ("Papierkugeln", "bei Fledertieren")."""
    stats = group.stats(word)
    if stats.mid and stats.common + 0.5 * stats.adjective >= COMMON_SHARE * stats.mid:
        return True
    if noun_shaped(word) or dative_plural_base(word) is not None:
        return True
    # (a lone article's few sentences: its plurals stay as its headings chose them so far)
    return group.n > 1 and lexicon_noun(word)


def plain_name(group: Group, word: str) -> bool:
    """A word (nearly) never written after an article, and no common noun: a name."""
    stats = group.stats(word)
    return stats.count > 0 and stats.common <= 0.1 * stats.count and not is_common(group, word)


def _known_first_name(left: Counter[tuple[str, ...]]) -> tuple[str, ...] | None:
    """Of the words right before a name, the first name the corpora know written most."""
    found = [(k, p) for p, k in left.items() if len(p) == 1 and p[0] in FIRST_NAMES]
    return max(found)[1] if found else None


# a count of people or things written as a noun: "Tausende", "Hunderttausende", "Dutzende"
_COUNT = re.compile(r"(?:zehn|hundert|tausend)*(?:hunderte|tausende|dutzende)n?")


def is_count(word: str) -> bool:
    """A count written as a noun ("Hunderttausende", "Millionen"): how many, never a name."""
    low = word.casefold()
    return bool(_COUNT.fullmatch(low)) or low in lexicon.MAGNITUDES


def name_in_full(group: Group, word: str) -> str:
    """The name as the articles write it in full: "Evo Morales" for "Morales", "El Paso" for
    "Paso", "Ursula von der Leyen" for "Leyen" or "Ursula", "Tour de France" for "France"."""
    stop = lexicon.german_stop_words()
    name = [base_name(group, word)]
    current = word
    for _ in range(NAME_PARTS):
        count = group.stats(current).count
        before = None
        left = group.left(current)
        known = _known_first_name(left) if group.lone else None
        # (the longest first, then the most written: "Xavier" Bettel twice before "Premier"
        # Bettel once)
        for prefix, k in sorted(left.items(), key=lambda pk: (-len(pk[0]), -pk[1], pk[0])):
            first = prefix[0]
            if first[:1].isupper() and len(prefix) > 1:
                if prefix[1:] == ("von",):
                    continue  # "Rücktritt von" Morales: a preposition, no name's particle
                if "von" in prefix[1:] and is_common(group, first):
                    continue  # "Werbebranche von der" Konjunkturflaute: no "Ursula von der"
                # a first name the corpora know, (nearly) always before the rest: "Ursula von
                # der" Leyen three times, "von der" Leyen (or "Von der") five
                known_full = (
                    first in FIRST_NAMES and k >= 2 and k >= NAME_WITH * group.stats(first).count
                )
                if k >= NAME_WITH * count or (group.lone and first in FIRST_NAMES) or known_full:
                    before = prefix  # "Tour de" France, "Ursula von der" Leyen
                    break
            elif first[:1].isupper():
                stats = group.stats(first)
                if first.casefold() in stop or is_person(first):
                    continue  # ("Spielertrainer" Lamotte is a title, not a name)
                if first.casefold() in lexicon.ALL_FUNCTION_WORDS:
                    break  # "Alle" Bundeswehr-Angehörigen: a quantifier opening the sentence
                if current in FIRST_NAMES and first in lexicon.demonym_forms():
                    break  # "Franzosen" Lucas Pouille: where he comes from ("Deutsche" Bank stays)
                if first.casefold() in lexicon.PREPOSITIONS:
                    break  # "Laut" Rotem Kreuz: a preposition opening the sentence
                if first.casefold() in lexicon.DURATIONS or is_count(first):
                    break  # "zu fünf Jahren" Haft, "7,9 Milliarden" Euro: how long, how many
                # a word that (nearly) never stands without it: "Evo" (Morales), "Red" (Bull)
                bound = k >= 2 and k >= FIRST_NAME * stats.count
                usual = k >= NAME_WITH * count  # (nearly) always before it: "El" (Paso)
                if group.lone and prefix == known:
                    # one article names a person in full once and then by the surname, so
                    # "usual" says nothing: a first name the corpora know ("Fritz" Keller;
                    # the one written most: "Pau" Gasol, not his brother "Marc")
                    before = prefix
                    break
                if group.lone and current != word and current in FIRST_NAMES:
                    continue  # before a first name only another one, no title ("Radprofi")
                if current != word and current in FIRST_NAMES and not usual:
                    # "Martin" Hinteregger, and elsewhere "Kumpel Tony Martin": a first name
                    # takes what (nearly) always stands before it, nothing from another name
                    break
                if is_common(group, first) and first not in FIRST_NAMES and not (bound and usual):
                    # "Raumsonde Kelvara": the thing the name is, not a person's title (a first
                    # name the corpora know is none, if once read after a relative pronoun
                    # taken for an article: "die Kevin Gaudet ... verbracht hat")
                    thing = base_form(group, first) == first
                    if thing and usual and k >= 2 and len(name) == 1:
                        name = [first, *name]
                    break
                # a first name the corpora know, before the name (or its genitive: "Boris
                # Johnsons") in most of its uses: "Boris" Johnson, also where he is
                # "Premierminister Johnson" as often
                with_genitive = k + group.left(current + "s").get(prefix, 0)
                known_first = (
                    first in FIRST_NAMES
                    and with_genitive >= 2
                    and with_genitive >= NAME_WITH * stats.count
                )
                if usual or ((bound or known_first) and stats.mid):
                    # (a first name stands inside sentences)
                    before = prefix
                    break
            elif k >= NAME_WITH * count and not known_common(current, compound=True):
                before = prefix  # "von der" Leyen, not "von der" Konjunkturflaute
                break
        if not before:
            break
        name = [*before, *name]
        current = before[0]
        if not current[:1].isupper():
            break
    current = word
    for _ in range(NAME_PARTS):  # "Ursula" is (nearly) always followed by "von der Leyen"
        after = group.right(current)
        if not after:
            break
        (chain, following), k = max(after.items(), key=lambda ck: (ck[1], ck[0]))
        # (in a lone article a first name it knows takes the surname it is written before)
        first = group.lone and current in FIRST_NAMES and k >= 1
        arabic = ARABIC_ARTICLE.match(following) is not None  # "Abdel Fattah" al-Sisi
        if (k < NAME_WITH * group.stats(current).count and not first) or not (
            arabic or plain_name(group, following)
        ):
            break  # (not "Nordkoreas Machthaber")
        if is_count(following):
            break  # "in Libanon Hunderttausende": how many, no part of the name
        name += [*chain.split(), base_name(group, following)]
        current = following
    if len(name) == 1:
        # a name the articles (nearly) always write with "und" and another: "Jammu und
        # Kaschmir", "Bosnien und Herzegowina" (a heading "Jammu" cut the name)
        joined = group.joined(word)
        if joined:
            other, k = max(joined.items(), key=lambda ok: (ok[1], ok[0]))
            if k >= 2 and k >= NAME_WITH * group.stats(word).count and plain_name(group, other):
                name += ["und", other]
    return " ".join(name)


def base_name(group: Group, word: str) -> str:
    """A name without its genitive s when the articles also write it without ("Kaschmirs")."""
    if word.endswith("s") and group.df.get(word[:-1]):
        return word[:-1]
    return word


def base_form(group: Group, noun: str) -> str:
    """A noun without its genitive or dative-plural ending: "Absturzes" -> "Absturz" when the
    articles also write that, "Einsatzes" -> "Einsatz", "Massakern" -> "Massaker"; never a cut
    word ("Gebäudes" stays, and so does "Paris-Anschlages" where no "Anschlag" is written); a
    compound's last part as the articles write it alone ("Uni-Hauptgebäudes" ->
    "Uni-Hauptgebäude" beside "Hauptgebäude")."""
    for ending in ("es", "s", "n"):
        shorter = noun[: -len(ending)]
        if noun.endswith(ending) and group.df.get(shorter) and stems(shorter) == stems(noun):
            return shorter
    first, _, last = noun.rpartition("-")
    if first and last[:1].isupper():  # "Uni-Hauptgebäudes" where "Hauptgebäude" is written
        for ending in ("es", "s"):
            shorter = last[: -len(ending)]
            if last.endswith(ending) and group.df.get(shorter) and stems(shorter) == stems(last):
                return f"{first}-{shorter}"
    # a genitive in -es after two consonants ("Sturzes", "Einsatzes", "Weltverbandes"); after
    # a vowel and one consonant the -e is often the noun's own ("Gebäudes", "Updates", "Stores":
    # no "Gebäud"), so such a word stays as written
    genitive = noun.endswith("es") and len(noun) > 5 and noun[-3] not in "aeiouäöüs"
    if genitive and noun[-4] not in "aeiouäöü" and stems(noun[:-2]) == stems(noun):
        return noun[:-2]
    plural = dative_plural_base(noun)  # "den Anschlägen": "Anschläge"
    if plural:
        return plural
    known = _known_genitive(noun)  # "Bündnisses" -> "Bündnis", "Zeitfensters" -> "Zeitfenster"
    if known:
        return known
    written = _written_genitive(group, noun)  # "des Telefonats" and nowhere else: "Telefonat"
    if written:
        return written
    # a dative plural of a noun in -er/-el: the plural without the n
    last = noun.rsplit("-", 1)[-1].casefold()
    own = any(last.endswith(w) for w in lexicon.OWN_PLURALS_N)  # "Bauern", "Milchbauern"
    if noun.endswith(("ern", "eln")) and not own and stems(noun[:-1]) == stems(noun):
        return noun[:-1]
    return noun


def _written_genitive(group: Group, noun: str) -> str | None:
    """A noun in -s the articles write only after an article of the genitive, without its
    ending: "Telefonats" -> "Telefonat", "Hauses" -> "Haus" (-es after an s sound). A form
    in -e is taken only as a noun the lexicon knows ("Parlamentsgebäudes" -> "-gebäude"):
    "im Stade des Alpes in Grenoble" writes a French name, no "Alpe"."""
    if not noun.endswith("s") or noun.endswith("ss") or group.genitive_share(noun) < 1.0:
        return None
    shorter = noun[:-2] if noun.endswith(("ses", "zes", "xes", "ßes")) else noun[:-1]
    stem = noun[:-2].casefold()
    known = lexicon.common_nouns("common")
    if shorter.endswith("e") and any(stem[k:] in known for k in range(len(stem) - 2)):
        shorter = noun[:-2]  # "des Kirchentages": "Kirchentag" ("tag"), not "Kirchentage"
    elif shorter.endswith("e") and not _known_noun(shorter, "common"):
        return None
    return shorter if len(shorter) > 3 and stems(shorter) == stems(noun) else None


def _known_genitive(noun: str) -> str | None:
    """A genitive in -s whose base form the corpora know as a common noun: "-nisses" is the
    genitive of "-nis" ("Bündnisses" -> "Bündnis"), "-ers"/"-els" of "-er"/"-el"
    ("Zeitfensters" -> "Zeitfenster", "Gipfels" -> "Gipfel": no German noun ends so in the
    nominative); "-es" of a masculine or neuter noun ("Prozesses" -> "Prozess")."""
    if noun.endswith("nisses"):
        return noun[:-3]
    if noun.endswith(("ers", "els")) and len(noun) > 5 and _known_noun(noun[:-1], "common"):
        return noun[:-1]
    if noun.endswith("es") and len(noun) > 6 and _known_noun(noun[:-2], "not-feminine"):
        return noun[:-2]
    # "-s" of a compound whose masculine or neuter last part the lexicon knows
    # ("Bundesgerichtshofs" -> "Bundesgerichtshof"); not after an -e ("Hauses" is no "Hause")
    shorter = noun[:-1]
    if (
        noun.endswith("s")
        and len(noun) > 8
        and not shorter.endswith(("e", "s"))
        and _known_noun(shorter, "not-feminine")
        and not _known_noun(noun, "common")
    ):
        return shorter
    return None


def _known_noun(word: str, tag: str) -> bool:
    """A noun of the lexicon with ``tag``, or a compound whose last part (4+ letters, after
    3+) is one ("Zeitfenster": "fenster")."""
    low = word.casefold().rsplit("-", 1)[-1]
    known = lexicon.common_nouns(tag)
    return any(low[k:] in known for k in range(0, max(1, len(low) - 3)) if k == 0 or k >= 3)


def without_title(group: Group, words: list[str]) -> list[str]:
    """ "Rücktritt von Regierungschefin Carrie Lam" -> "Rücktritt von Carrie Lam": a person's
    title before the name goes (with its article and adjectives); the name stays as written
    (a name takes no article and, after a preposition, no ending)."""
    first_cap = next((k for k in range(2, len(words)) if words[k][:1].isupper()), None)
    if first_cap is None:
        return words
    caps = words[first_cap:]
    # the title ends with a person noun: "Regierungschefin", "Kasseler Regierungspräsidenten"
    title_end = max((k + 1 for k, t in enumerate(caps[:-1]) if is_person(t)), default=0)
    name = caps[title_end:]
    if not title_end or not name[0][:1].isupper():
        return words  # "auf Politiker und Prominente": no name after the title
    if not all(plain_name(group, t) for t in name if t[:1].isupper()):
        return words
    return [words[0], _BARE_PREPOSITION.get(words[1].casefold(), words[1]), *name]


def written_together(group: Group, words: list[str]) -> bool:
    """A noun right before a name belongs to it ("des Reiseveranstalters Thomas Cook",
    "Trainer Niko Kovac") when it names a person or the articles write the two together
    more than once; else the name starts the next clause ("im Amazonas-Gebiet Bolsonaro").
    Two common nouns in a row are two phrases ("der Sprung von einem Abstiegsplatz |
    Werbung für ...", "in der Lebenswelt des Menschen | Prozesse ablaufen")."""
    for a, b in pairwise(words[1:]):
        if not (a[:1].isupper() and b[:1].isupper()) or is_count(a) or a in lexicon.MEASURES:
            continue  # ("Millionen Euro")
        written = group.left(b).get((a,), 0) >= 2
        common = is_common(group, a)
        if common and plain_name(group, b) and not (written or is_person(a)):
            return False
        # (a town's adjective is no noun: "einem Düsseldorfer Krankenhaus")
        common = common or (known_common(a, compound=True) and not a.endswith("er"))
        if common and not written and not b.isupper() and (
            is_common(group, b) or known_common(b, compound=True)
        ):
            return False
    return True
