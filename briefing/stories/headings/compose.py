"""A story's heading: the event phrase its articles write, weighed against the folder's stories.

Candidates are what the articles write: an event noun and what it is of ("Landtagswahl in
Thüringen", "Anschlag in Halle", "Pleite des Reiseveranstalters Thomas Cook", "Trumps
Grönland-Idee"), a noun alone ("Grundrenten-Kompromiss"), a name in full ("Evo Morales").
Each scores by

- how distinctive its words are for this story among the folder's (c-TF-IDF: the words'
  place-weighted share of the story's articles, title 3, lead 2, body 1, times their IDF over
  the folder's stories and the common words of German news), the best word fully and the
  others at ``REST``: "Champions-League-Spiel" is one thing, not three;
- how many of the story's articles write it, leads and titles weighing more (``ATTEST``);
  an event phrase written in several ways ("Brände im Amazonas-Gebiet", "Waldbrände im
  Amazonasgebiet") counts the articles of all of them;
- what its noun is: an event counts fully, a noun never used as one ``EVENT_FLOOR``, a person
  not at all ("CDU-Politiker", "Verdächtige"); a name alone ``NAME``; a candidate with no name
  in it ``BARE`` (it says what, not whom or where).

The best candidate is the heading, as the articles write it: the noun in its base form
("Absturzes" -> "Absturz"), a person's title left out before a name ("Rücktritt von Carrie
Lam"), a name in full. Nothing is invented: every word stands so in some article. A lone
article keeps its title, or when it has none (a plain text whose first sentence stands in
for it) gets its best candidate. Measured with ``python benchmarks/headings.py``.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from briefing import lexicon
from briefing.models import Article
from briefing.runtime.parallel import map_shared
from briefing.stories.headings.group import Context, Group, Phrase, context
from briefing.stories.headings.scan import (
    LEAD,
    LONE_SENTENCES,
    MAX_SENTENCES,
    SPLIT,
    capitalised,
    has_title,
    scan_article,
    stems,
)
from briefing.stories.headings.words import (
    NAME_WITH,
    base_form,
    event_rate,
    is_common,
    is_count,
    is_person,
    name_in_full,
    plain_name,
    without_title,
    written_together,
)

# A large story says its event in its first articles; reading more cost time, not hits.
MAX_ARTICLES = 12
ATTEST = 0.5  # exponent of a candidate's place-weighted share of the articles
EVENT_FULL = 0.08  # an event rate ("nach dem Anschlag") that counts fully
EVENT_FLOOR = 0.5  # the weight of a noun the corpora never use as an event
NAME = 0.5  # the weight of a name alone
PLACE = 0.5  # ... and of a place alone (a name written after "in", "aus", "nach" ...
PLACE_SHARE = 0.3  # ... this often)
BARE = 0.5  # the weight of a candidate with no name in it
REST = 0.3  # the weight of a candidate's words after its best one
LONG = 5  # words beyond which a candidate loses a fifth a word
ATTRIBUTIVE = 0.6  # a word this often right before another capitalised word is no head
NAMES_LOOKED_UP = 3  # names written in full (the best ones; the lookup is not free)
SURNAME_SHARE = 0.5  # of a lone word's uses before another name: a first name (_with_surname)
ALTERNATIVES = 3  # next best headings a story keeps in case an earlier story has its best
NAME_OR_PHRASE = 0.9  # a phrase that holds the best name heads if it scores this share of it
OWNER_SHARE = 2 / 3  # a bare noun takes an owner that two of three of the articles name


@dataclass
class Candidate:
    score: float
    text: str
    kind: str  # noun, phrase or name
    articles: int
    bare: tuple[str, ...] = ()  # a noun with no name in it: its stems (it may take an owner)


def candidates(group: Group, folder: Context) -> list[Candidate]:
    """Every candidate heading of the group, best first."""
    n = group.n
    shared = 2 if n > 1 else 1

    def weight(stem: str) -> float:
        return folder.weight(group, stem)

    def attested(articles: dict[int, int]) -> float:
        return min(1.0, sum(articles.values()) / (LEAD * max(2.0, n / 3))) ** ATTEST

    def spread(found: tuple[str, ...]) -> bool:
        return all(group.stem_use(s)[1] >= shared for s in found)

    def ranked(found: tuple[str, ...]) -> float:
        values = sorted((weight(s) for s in set(found) if len(s) > 2 and not s.isdigit()),
                        reverse=True)  # fmt: skip
        return sum(values[:1]) + REST * sum(values[1:])

    def named(words: list[str]) -> bool:
        return any(plain_name(group, part) for w in words for part in SPLIT.split(w) if part)

    phrases = group.phrases()
    out: list[Candidate] = []
    heads: dict[tuple[str, ...], tuple[float, float]] = {}
    names: list[tuple[float, Phrase]] = []
    for phrase in phrases.values():
        if phrase.kind != "alone" or not spread(phrase.key[1]):
            continue
        head = phrase.noun()
        stats = group.stats(head)
        if not stats.mid or stats.attributive > ATTRIBUTIVE * stats.count:
            continue  # "Andererseits" (only at a sentence start), "Kasseler" (before a noun)
        key = phrase.key[1]
        if is_person(head) and not _surname(group, head):
            continue  # a role is no heading: "CDU-Politiker", "Bundeskanzlerinnen"
        if _adjective_compound(head) or _nominalised_adjective(head):
            # "Nur so sei eine Verteilung EU-weit umzusetzen": how, not what; "etwas Festes,
            # Greifbares": a quality, no thing
            continue
        if _name_adjective(phrase.surface()):
            continue  # "Deutschen" (of "der Deutschen Fußball Liga", "den Deutschen"): whom
        if _when(head) or is_count(head) or head in lexicon.MEASURES:
            # a unit of time says when or how long, never what ("Stunden"); a count or a
            # measure how many ("Hunderttausende", "Prozent in Österreich")
            continue
        if group.idiomatic(head):
            continue  # "Eis" of "auf Eis legen": how, not what
        if head.casefold() in lexicon.SOURCE_NOUNS or head.casefold() in lexicon.IDIOM_NOUNS:
            # whose words ("Worten des französischen Präsidenten Emmanuel Macron") or how
            # ("Euro im Gegenzug")
            continue
        if not is_common(group, head):
            # the parts of one name ("Kramp-Karrenbauer") say one thing
            best = max((weight(s) for s in key), default=0.0)
            # a place each article names once is where it happened, not what: "Genf" heads
            # a story only when nothing says more (a place the articles keep returning to,
            # "in Nordsyrien" five times in three, is what they are about; a lone article's
            # place may be all its few sentences share)
            placed = (
                group.n > 1
                and stats.count <= group.df[head]
                and group.place_share(head) >= PLACE_SHARE
            )
            place = PLACE if placed else 1.0
            names.append((NAME * place * best * attested(phrase.articles), phrase))
            continue
        kind = EVENT_FLOOR + (1 - EVENT_FLOOR) * min(1.0, event_rate(head) / EVENT_FULL)
        heads[key] = (ranked(key), kind)
        text = base_form(group, phrase.surface())
        score = heads[key][0] * kind * attested(phrase.articles) * (1 if named([text]) else BARE)
        bare = () if named([text]) else key
        out.append(Candidate(score, text, "noun", len(phrase.articles), bare))
    out += _event_phrases(group, phrases, heads, ranked, attested, named, weight)
    names.sort(key=lambda sp: (-sp[0], sp[1].noun()))
    for score, phrase in names[:NAMES_LOOKED_UP]:
        text = _with_surname(group, name_in_full(group, phrase.noun()))
        if "-" in text and " " not in text and text.endswith(("ern", "eln")):
            # a compound the corpora do not know, in the dative plural ("E-Scootern",
            # "Online-Versandhändlern" headed stories): its plural ("Bayern" is no compound)
            text = base_form(group, text)
        out.append(Candidate(score, text, "name", len(phrase.articles)))
    for c in out:
        if c.kind != "name":
            c.text = _with_name_adjective(group, c.text)
        c.text = _strong_adjective(group, c.text)
    out.sort(key=lambda c: (-c.score, c.text))
    seen: set[str] = set()
    out = [c for c in out if not (c.text in seen or seen.add(c.text) or _origin_only(c.text))]
    _what_happened_there(out)
    # "Umbau" says what, not whose: "Umbau der Deutschen Bank" (looked for only when a bare
    # noun is among the headings a story may take; the lookup is not free)
    if any(c.bare for c in out[: ALTERNATIVES + 1]):
        owner = _owner(group, phrases)
        for c in out[: ALTERNATIVES + 1]:
            if owner and c.bare and not set(c.bare) & owner[1]:
                c.text = f"{c.text} {owner[0]}"
    return out


def _origin_only(text: str) -> bool:
    """A people alone ("Kubaner", "Slowaken") or one person by where they come from
    ("Franzose bei der Tour de France"): whom, not what happened. A people where something
    happens to it stays ("Kurden in Syrien"), and so does a name that opens with an adjective
    of the same letters ("Deutsche Bank")."""
    first, _, rest = text.partition(" ")
    if first not in lexicon.demonym_forms():
        return False
    return not rest or first in lexicon.demonym_singulars() and not rest[0].isupper()


def _with_surname(group: Group, text: str) -> str:
    """A lone word written before another name in half its uses or more is a first name, and
    the name is written in full: "Hunter" is "Hunter Biden" where one article writes "Hunter
    Biden" twice and the other "dessen Sohn Hunter" (300 random articles, seed 120911: the
    Ukraine topic was headed "Hunter")."""
    if " " in text or group.n < 2:
        return text  # (one article's pairs are too few to tell: "Madrid Sorgen")
    count = group.stats(text).count
    after = [
        (k, word)
        for (chain, word), k in group.right(text).items()
        if not chain and word[:1].isupper() and not is_common(group, word)
    ]
    if not after or not count:
        return text
    k, surname = max(after)
    return f"{text} {surname}" if k >= 2 and k >= SURNAME_SHARE * count else text


def _surname(group: Group, word: str) -> bool:
    """A name shaped like a person noun ("Neumann", "Hoffmann": "-mann"), never written after
    an article and twice or more after a first name the corpora know ("Adam Neumann")."""
    first_names = lexicon.FIRST_NAMES
    after_first = sum(k for p, k in group.left(word).items() if len(p) == 1 and p[0] in first_names)
    return after_first >= 2 and plain_name(group, word)


# the ends of a German adjective's or adverb's stem ("EU-weit", "US-amerikanisch", "CDU-nah")
_ADJECTIVE_TAILS = ("weit", "isch", "lich", "ig", "bar", "los", "frei", "nah", "voll", "haft")


def _adjective_compound(word: str) -> bool:
    """A compound in lower case after its hyphen with an adjective's ending ("EU-weit",
    "US-amerikanische"), not an English loan ("Start-ups", "Log-in")."""
    tail = word.rpartition("-")[2]
    ending = next((e for e in ("en", "er", "es", "em", "e") if tail.endswith(e)), "")
    stem = tail[: len(tail) - len(ending)]
    return tail != word and tail[:1].islower() and stem.endswith(_ADJECTIVE_TAILS)


# a decade: "Neunzigerjahre", "in den Achtzigerjahren", "die Siebziger"
_DECADE = re.compile(
    r"(?:zwanzig|dreißig|dreissig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig)er"
    r"(?:jahren?|n)?",
    re.IGNORECASE,
)


def _when(noun: str) -> bool:
    """A unit of time ("Stunden") or a decade ("Neunzigerjahren"): when or how long."""
    return noun.casefold() in lexicon.DURATIONS or _DECADE.fullmatch(noun) is not None


def _name_adjective(text: str) -> bool:
    """An adjective of names in -sch written alone ("Deutschen", "Europäischer"): a person of
    a people or a name's first word, never what happened."""
    base = _name_adjective_base(text)
    return base is not None and base.endswith("sche")


def _nominalised_adjective(word: str) -> bool:
    """An adjective written as a neuter noun ("etwas Greifbares", "nichts Wesentliches",
    "Ähnliches"): an adjective's stem of three letters or more before its tail, and -es. (No
    "-isch": "Tisches", "Fisches" are genitives of nouns.)"""
    last = word.rpartition("-")[2]
    stem = last[:-2]
    return last.endswith("es") and any(
        stem.endswith(tail) and len(stem) - len(tail) >= 3
        for tail in _ADJECTIVE_TAILS
        if tail != "isch"
    )


def _with_name_adjective(group: Group, text: str) -> str:
    """A noun the articles (nearly) always write after an adjective of names takes it: "Bank
    in China" is "Deutsche Bank in China" where they write "die Deutsche Bank" and "der
    Deutschen Bank"; "Karte" is "Rote Karte"."""
    noun = text.split(" ", 1)[0]
    found: Counter[str] = Counter()
    for prefix, k in group.left(noun).items():
        base = _name_adjective_base(prefix[0]) if len(prefix) == 1 else None
        if base:
            found[base] += k
    if not found:
        return text
    base, k = found.most_common(1)[0]
    usual = sum(found.values()) >= NAME_WITH * group.stats(noun).count
    return f"{base} {text}" if usual and k >= 2 else text


def _name_adjective_base(word: str) -> str | None:
    """ "Deutsche" for "Deutsche", "Deutschen", "Deutscher" ...: an adjective the corpora know
    inside names (``lexicon.NAME_ADJECTIVES``), without its case ending; else None."""
    for ending in ("", "n", "r", "s", "m"):
        base = word[: len(word) - len(ending)]
        if word.endswith(ending) and base in lexicon.NAME_ADJECTIVES:
            return base
    return None


def _strong_adjective(group: Group, text: str) -> str:
    """A heading opens without the article the articles write: "das Statistische Bundesamt"
    is headed "Statistisches Bundesamt", "der Internationale Währungsfonds" "Internationaler
    Währungsfonds"."""
    first, _, rest = text.partition(" ")
    if not rest or not first.endswith("e") or not first[:1].isupper():
        return text
    noun = rest.split(" ", 1)[0]
    for scan in group.scans:
        ending = scan.strong.get((first, noun))
        if ending:
            return f"{first}{ending} {rest}"
    return text


def _owner(group: Group, phrases: dict[tuple, Phrase]) -> tuple[str, set[str]] | None:
    """The name the story's articles write most in the genitive after a noun ("Zukunft der
    Deutschen Bank", "Lage der Deutschen Bank"), as written ("der Deutschen Bank"), and its
    stems: a bare noun takes it ("Umbau der Deutschen Bank"). Only a name, by its words a
    name ("des FC Bayern", "der SPD"), never a role ("der Koalitionsspitzen") or a thing."""
    found: dict[tuple[str, ...], tuple[dict[int, int], Counter[str]]] = {}
    for phrase in phrases.values():
        if phrase.kind != "gen":
            continue
        what = phrase.key[3]
        if any(group.stem_use(s)[1] < OWNER_SHARE * group.n for s in what):
            continue  # an aside, not whom the story is about
        for surface, uses in phrase.surfaces.items():
            tail = surface.split(" ")[1:]
            caps = tail[1:]
            if tail[0] not in ("der", "des") or not caps or is_person(caps[-1]):
                continue  # "eines ..." is no one in particular
            if not all(w[:1].isupper() for w in caps):
                continue  # (an adjective before it: "der britischen Muttergesellschaft")
            if len(caps) == 1 and not (caps[0].isupper() or plain_name(group, caps[0])):
                continue  # "der Regierung": a common noun
            articles, tails = found.setdefault(what, ({}, Counter()))
            articles.update(phrase.articles)
            tails[" ".join(tail)] += uses
    best = max(
        ((len(articles), sum(tails.values()), what) for what, (articles, tails) in found.items()
         if (len(articles) >= 2 if group.n > 1 else sum(tails.values()) >= 2)),
        default=None,
    )  # fmt: skip
    if best is None:
        return None
    tails = found[best[2]][1]
    return min(tails, key=lambda t: (-tails[t], t)), set(best[2])


def _event_phrases(group, phrases, heads, ranked, attested, named, weight) -> list[Candidate]:
    """"<event> <preposition> <what>" and "<name>s <event>" candidates, each family of ways
    to write one phrase counted together."""
    members = []
    for phrase in phrases.values():
        if phrase.kind == "alone":
            continue
        head_key = phrase.key[2] if phrase.kind == "owner" else phrase.key[1]
        what = phrase.key[1] if phrase.kind == "owner" else phrase.key[3]
        if head_key not in heads or not all(
            group.stem_use(s)[1] >= min(2, group.n) for s in what
        ):
            continue
        words = _as_written(group, phrase)
        if any(w.casefold() in lexicon.PRONOUNS for w in words):
            continue  # "Bundesregierung in ihrem jüngsten Monatsbericht": whose?
        if any(w.casefold() in lexicon.IDIOM_NOUNS for w in words):
            continue  # "Euro im Gegenzug": how, not what or where
        if phrase.kind == "owner":
            base = words[-2].rstrip("'’").removesuffix("s")
            if not group.df.get(base) or is_common(group, base):
                continue  # "Thomas Cook" is no genitive of "Thoma"
        if is_person(words[-1] if phrase.kind == "owner" else words[0]):
            continue  # "Verdächtigen aus ..." shares its stem with "Verdacht"
        if not written_together(group, words):
            continue
        noun, kind = heads[head_key]
        raw = (noun + ranked(what)) * kind * 0.8 ** max(0, len(words) - LONG)
        raw *= 1.0 if named(words) else BARE
        anchor = max(what, key=lambda s: (weight(s), s))
        members.append((raw, " ".join(words), phrase, head_key[-1], anchor))
    lasts = {key[-1] for key in heads}
    anchors = {m[4] for m in members}
    families: dict[tuple[str, str], list] = defaultdict(list)
    for member in members:
        last, anchor = member[3], member[4]
        # "Waldbrände" is a "Brände", "Amazonasgebiet" an "Amazonas"
        noun = min((h for h in lasts if last.endswith(h) and len(h) >= 4),
                   key=lambda h: (len(h), h), default=last)  # fmt: skip
        of = min((a for a in anchors if anchor.startswith(a) and len(a) >= 4),
                 key=lambda a: (len(a), a), default=anchor)  # fmt: skip
        families[(noun, of)].append(member)
    out = []
    for family in families.values():
        articles: dict[int, int] = {}
        for _, _, phrase, _, _ in family:
            for number, place in phrase.articles.items():
                articles[number] = max(place, articles.get(number, 0))
        _, text, _, _, _ = max(family, key=lambda m: (m[0] * attested(m[2].articles), m[1]))
        score = max(m[0] for m in family) * attested(articles)
        out.append(Candidate(score, text, "phrase", len(articles)))
    return out


def _what_happened_there(ranked: list[Candidate]) -> None:
    """A place's name alone heads the story only when no phrase that says what happened there
    scores nearly as well (``NAME_OR_PHRASE``): "Gletscher in Island" (2.56) goes before
    "Island" (2.63) in ``ranked`` (300 random articles, seed 120916: the Okjökull glacier's
    funeral was headed "Island"; the whole corpus' topics: "Demonstrationen in Hongkong",
    "Offensive auf die Region Idlib", "Migration aus Mittelamerika")."""
    if len(ranked) < 2 or ranked[0].kind != "name":
        return
    for number, c in enumerate(ranked[1 : ALTERNATIVES + 1], 1):
        if (
            c.kind == "phrase"
            and c.score >= NAME_OR_PHRASE * ranked[0].score
            and _names(c.text, ranked[0].text)
        ):
            ranked.insert(0, ranked.pop(number))
            return


def _names(phrase: str, name: str) -> bool:
    """Whether the ``phrase`` says what happened at the place ``name``: the name ends it after
    a preposition of place ("Gletscher in Island", "Grenze zu Mazedonien", "Offensive auf die
    Region Idlib"). (Other prepositions say less than the name alone: "Glück für Italien",
    "Lufthansa mit UFO", "Mannschaft von Martina Voss-Tecklenburg".)"""
    _, _, rest = phrase.partition(" ")
    preposition, _, tail = rest.partition(" ")
    return (
        preposition in _PLACE_PREPOSITIONS
        and tail.endswith(name)
        and len(tail.split()) - len(name.split()) <= 2
    )


_PLACE_PREPOSITIONS = frozenset({"in", "aus", "auf", "zu", "nach"})


def _as_written(group: Group, phrase: Phrase) -> list[str]:
    """The phrase as a heading writes it: its noun in the base form, no person's title, an
    owner's name in full ("von der Leyens Wahl", not "Leyens Wahl")."""
    words = phrase.surface().split(" ")
    if phrase.kind == "owner":
        # (its noun in the base form too: "Amazons Echo-Geräten" -> "Amazons Echo-Geräte")
        full = name_in_full(group, words[0]).split(" ")
        return [*full[:-1], words[0], *words[1:-1], base_form(group, words[-1])]
    words[0] = base_form(group, words[0])
    return without_title(group, words) if phrase.kind == "prep" else words


def _group_stems(groups: Sequence[Sequence[Article]], index: int) -> frozenset[str]:
    """The stems of the capitalised words a heading of ``groups[index]`` may use."""
    stop = lexicon.german_stop_words()
    found: set[str] = set()
    group = groups[index]
    read = MAX_SENTENCES if len(group) > 1 else LONE_SENTENCES
    for article in group[:MAX_ARTICLES]:
        for word in capitalised(article, read):
            if len(word) > 2 and word.casefold() not in stop:
                found.update(stems(word))
    return frozenset(found)


def _headings(
    shared: tuple[Sequence[Sequence[Article]], Context], index: int
) -> tuple[str, ...]:
    """The group's heading and, for a story of several articles, the next best ones."""
    groups, folder = shared
    group = groups[index]
    if len(group) == 1 and has_title(group[0]):
        return (group[0].title,)  # its own title says it best
    read = MAX_SENTENCES if len(group) > 1 else LONE_SENTENCES
    # (a story's datelines say where agencies filed from, "Seoul –" of two reports on North
    # Korea; a lone article's may be all its few sentences share)
    scans = [scan_article(a, read, dateline=len(group) == 1) for a in group[:MAX_ARTICLES]]
    best = candidates(Group(scans, lone=len(group) == 1), folder)
    if not best and len(group) > 1:  # nothing two articles share: the first one's best
        best = candidates(Group([scan_article(group[0], LONE_SENTENCES)]), folder)
    if not best:
        return (group[0].title,)
    read_in = group[:MAX_ARTICLES]
    wanted = ALTERNATIVES + 1 if len(group) > 1 else 1
    texts: dict[str, None] = {}
    for c in best:  # (as written, best first, till enough: each looks through the articles)
        text = _with_number(_without_genitive_s(c.text, read_in), read_in)
        texts[_closed_initials(_with_name_tail(text, read_in))] = None
        if len(texts) == wanted:
            break
    return tuple(texts)


def _without_genitive_s(text: str, articles: Sequence[Article]) -> str:
    """A one-word heading in -s without it where the articles write the word so too:
    "Griechenlands" -> "Griechenland", "Landgerichts" -> "Landgericht" (the heading's word
    is read in the first sentences, where the name may stand only in the genitive before a
    noun, "Griechenlands Regierung"; the articles' whole text is looked at only for such a
    word). "Tennis" or "Adidas" stay: no "Tenni" is written, and "Sotheby's" is no
    "Sotheby"."""
    if " " in text or not text.endswith("s") or text.endswith(("ss", "'s", "’s")) or len(text) < 5:
        return text
    shorter = text[:-1]
    # (an apostrophe joins too: "Sotheby's" holds no word "Sotheby")
    if next(_written_as_word(shorter, articles, _JOINERS + ("'", "’")), None) is not None:
        return shorter
    return text


# a number written after a word as part of its name: "Formel 1", "Schalke 04", "Hannover 96"
_NUMBER_AFTER = re.compile(r" (\d{1,3})(?!\d|[,.:]\d)")  # (not a year: "Sportjahr 2019")
NUMBERED_SHARE = 2 / 3  # of a word's uses followed by one number: the number is of its name
_YEAR_AFTER = re.compile(r" (\d{1,3}|1[89]\d\d)(?!\d|[,.:]\d)")
_ABBREVIATION = re.compile(r"[A-ZÄÖÜ][A-Za-zÄÖÜäöü]{0,2}[A-ZÄÖÜ]")  # "TSV", "VfB", "SV"


def _with_number(text: str, articles: Sequence[Article]) -> str:
    """A one-word heading with the number the articles write after it in most of its uses:
    "Formel" is "Formel 1" (300 random articles, seed 120928, headed three Formula 1 reports
    "Formel", a cut name). The word alone only: "Formel-1-Weltmeister" is another word."""
    # a club's abbreviation may go with its founding year: "TSV 1860" (a week of SZ sports
    # news, rows 7000-7299, headed the 1860 München topic "TSV")
    after = _YEAR_AFTER if _ABBREVIATION.fullmatch(text) else _NUMBER_AFTER

    def number(part: str, end: int) -> str | None:
        found = after.match(part, end)
        return found.group(0) if found else None

    return text + (_usual_next(text, articles, number) or "")


_JOINERS = ("_", "-")  # marks that belong to a word beside its letters and digits


def _with_name_tail(text: str, articles: Sequence[Article]) -> str:
    """A one-word heading with the particle and name the articles write after it in most of
    its uses: "Terre" is "Terre des Femmes" (a week of SZ news, rows 2000-2299, headed the
    topic of its headscarf report "Terre", a cut name). Not a common noun's phrase ("Haus des
    Geldes" leaves "Haus" to the heading's own rules), nor a noun after the particle."""
    if text.casefold() in lexicon.common_nouns():
        return text

    def name(part: str, end: int) -> str | None:
        tail = _NAME_TAIL.match(part, end)
        # (a name after the particle, no noun: "Schreibtischschubladen von Millionen")
        return tail.group(0) if tail and not _a_noun(tail.group("name"), _nouns()) else None

    # (two articles at least: a lone one's title is its first sentence, counted twice)
    return text + (_usual_next(text, articles, name, writers=2) or "")


def _usual_next(
    text: str,
    articles: Sequence[Article],
    read_next: Callable[[str, int], str | None],
    writers: int = 1,
) -> str | None:
    """What the articles write right after a one-word heading (``read_next``: what follows
    the word where it ends in a title or body, or None) when it follows at least two and
    ``NUMBERED_SHARE`` of the word's uses, in at least ``writers`` articles; else None."""
    if " " in text or "-" in text or not text[:1].isupper():
        return None
    uses: Counter[str | None] = Counter()
    written_by: dict[str, set[int]] = defaultdict(set)  # what follows -> the articles
    for number, article in enumerate(articles):
        for part, end in _written_as_word(text, [article], _JOINERS):
            found = read_next(part, end)
            uses[found] += 1
            if found:
                written_by[found].add(number)
    best, k = max(((t, k) for t, k in uses.items() if t), key=lambda tk: tk[1],
                  default=(None, 0))
    if best and k >= 2 and k >= NUMBERED_SHARE * sum(uses.values()):
        return best if len(written_by[best]) >= writers else None
    return None


# a name's particle and the name after it: " des Femmes", " de Janeiro", " van Gogh"
_NAME_TAIL = re.compile(r" (?:des|de|du|la|le|di|da|del|della|van) (?P<name>[A-ZÄÖÜ][\w-]+)")


@lru_cache(maxsize=1)
def _nouns() -> frozenset[str]:
    """The common nouns and the nouns for people (made once: the union took a tenth of a
    millisecond, asked of every heading a story may take)."""
    return lexicon.common_nouns() | lexicon.person_nouns()


def _a_noun(word: str, nouns: frozenset[str]) -> bool:
    """A common noun or a person's, also in the genitive or plural ("Kanzlers",
    "Millionen")."""
    low = word.casefold()
    return any(low[: len(low) - len(end)] in nouns for end in ("", "s", "es", "n", "en"))


def _written_as_word(
    text: str, articles: Sequence[Article], joiners: tuple[str, ...]
) -> Iterator[tuple[str, int]]:
    """Where ``text`` stands as a whole word in the articles' titles and bodies: (the title
    or body, the offset after it). A letter, a digit or one of ``joiners`` next to it makes
    it part of another word ("Formel" in "Formel-1-Weltmeister"). Found with ``str.find``,
    not a pattern compiled for each text."""
    for part in (p for a in articles for p in (a.title or "", a.body)):
        at = part.find(text)
        while at >= 0:
            end = at + len(text)
            before, after = part[at - 1 : at], part[end : end + 1]
            if not (before.isalnum() or before in joiners or after.isalnum() or after in joiners):
                yield part, end
            at = part.find(text, end)


# initials written together ("T.J." of "T.J. Bray"), which the word scan reads without their
# last period
_OPEN_INITIALS = re.compile(r"\b((?:[A-ZÄÖÜ]\.)+[A-ZÄÖÜ])(?![\w.])")


def _closed_initials(text: str) -> str:
    """A heading's initials with their last period: "T.J" is "T.J." (a week's basketball
    topic was headed "T.J", a cut word)."""
    return _OPEN_INITIALS.sub(r"\1.", text) if "." in text else text


def topic_headings(
    groups: Sequence[Sequence[Article]], vectors: Any = None, everything: Any = None, jobs: int = 1
) -> list[str]:
    """A heading for each group of articles, its words weighed against all the groups'.

    (``vectors`` and ``everything`` are the grouping's and not needed here.)
    """
    # Both steps run where the groups are (forked workers): only stems and headings travel.
    # A group's articles are read up to MAX_ARTICLES (the chunks are shared out by that: the
    # largest stories come first); a lone article with a title line of its own costs little.
    costs = [min(len(g), MAX_ARTICLES) + 0.5 for g in groups]
    stem_sets = map_shared(_group_stems, groups, range(len(groups)), jobs, costs=costs)
    folder = context(stem_sets)
    ranked = map_shared(_headings, (groups, folder), range(len(groups)), jobs, costs=costs)
    # two stories of one folder under one heading ("Boris Johnson" twice) tell the reader
    # nothing apart: a later (smaller) story takes its next best heading that is still free
    used: set[str] = set()
    chosen = []
    for options in ranked:
        heading = next((h for h in options if h not in used), options[0])
        used.add(heading)
        chosen.append(heading)
    return chosen


def topic_heading(articles: Sequence[Article]) -> str:
    """The heading of one group of articles (weighed against nothing else)."""
    if not articles:
        return ""
    return topic_headings([articles])[0]


def lone_headings(articles: Sequence[Article], jobs: int = 1) -> list[str]:
    """Each lone article's heading: its title, or its best candidate when it has none."""
    return topic_headings([[a] for a in articles], jobs=jobs)
