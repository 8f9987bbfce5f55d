"""Story headings prototype (issue 16): the event phrase the articles write, scored by c-TF-IDF.

    python benchmarks/headings_proto.py                 # heading hits on dev and val
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from briefing.core import topics as T
from briefing.core.lexrank import german_stop_words
from briefing.core.models import Article

TITLE, LEAD, BODY = 3, 2, 1
LEAD_SENTENCES = 2

_TOKEN = re.compile(r"[A-ZÄÖÜ]\.(?!\w)|\w+(?:[-'’.]\w+)*[’']?|[^\w\s]")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'„“»«(]?[A-ZÄÖÜ0-9])")

# fmt: off
_ARTICLES = frozenset({
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem", "einen",
})
_GENITIVE = frozenset({"des", "der", "eines", "einer"})
# prepositions that join an event noun to whom or where it happened, by the class they key to
_PREPOSITIONS = {
    "in": "in", "im": "in", "ins": "in", "von": "von", "vom": "von", "bei": "bei", "beim": "bei",
    "auf": "auf", "gegen": "gegen", "um": "um", "über": "über", "an": "an", "am": "an",
    "aus": "aus", "für": "für", "zwischen": "zwischen", "mit": "mit", "nach": "nach",
    "zum": "zu", "zur": "zu", "zu": "zu",
}
# short lower-case words inside a name: "von der Leyen", "ter Stegen", "Lula da Silva"
_PARTICLES = frozenset({"von", "der", "van", "den", "de", "da", "di", "del", "la", "le", "ter", "al", "bin", "dos", "du"})
# the particle chains a name may hold ("von der Leyen"): a bare "der" is a genitive article
_PARTICLE_CHAINS = frozenset({
    ("von",), ("von", "der"), ("van",), ("van", "der"), ("van", "den"), ("de",), ("de", "la"),
    ("da",), ("di",), ("del",), ("ter",), ("bin",), ("al",), ("dos",), ("du",), ("le",), ("la",),
})
# fmt: on
NOUNS_FILE = ROOT / "benchmarks" / "data" / "heading_nouns.tsv"
# "nach dem Anschlag", "seit der Pleite": a noun after these and an article names an event
_TEMPORAL = frozenset({"nach", "vor", "seit", "während", "trotz", "wegen", "infolge", "angesichts"})
_CASE_ARTICLES = frozenset({"dem", "der", "des", "den", "einem", "einer", "eines"})
_CONTRACTIONS = frozenset({"im", "am", "zum", "zur", "vom", "beim", "ins"})
_OPENERS = frozenset({".", "!", "?", ":", "–", "-", "„", '"', "«", "»", "“", "(", ";"})


_WEEKDAYS_MONTHS = frozenset({
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "sonnabend",
    "januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
    "oktober", "november", "dezember",
})
_TIME_PARTS = ("morgen", "abend", "nachmittag", "vormittag", "mittag", "nacht", "früh")
_NOUN_SUFFIXES = ("ung", "heit", "keit", "schaft", "tion", "tät", "ismus", "nis", "tum")


def _is_word(token: str) -> bool:
    return token[:1].isalpha()


def _is_cap(token: str) -> bool:
    return token[:1].isupper() and token[:1].isalpha()


def _is_adjective(token: str) -> bool:
    low = token.casefold()
    return (
        token[:1].islower()
        and len(low) > 3
        and low.endswith(("e", "en", "er", "es", "em"))
        and low not in german_stop_words()
    )


def _is_time(word: str) -> bool:
    """A weekday, month or time of day ("Dienstagmorgen"): when, never what."""
    low = word.casefold()
    if low in _WEEKDAYS_MONTHS:
        return True
    return any(low.startswith(d) and low[len(d):].startswith(_TIME_PARTS) for d in _WEEKDAYS_MONTHS)


def _stems(word: str) -> tuple[str, ...]:
    return tuple(T.stem(p.casefold()) for p in re.split(r"[-'’.]", word) if p)


@dataclass
class Phrase:
    """A candidate heading: an event noun and what it is of, as written in the articles."""

    key: tuple
    stems: tuple[str, ...]
    head: str  # the head noun's key word (casefolded surface base) for the noun tables
    kind: str
    articles: dict[int, int] = field(default_factory=dict)  # article -> best place weight
    surfaces: Counter = field(default_factory=Counter)


@dataclass
class Word:
    """A capitalised word of the group: how the articles use it."""

    count: int = 0
    mid: int = 0  # inside a sentence
    common: int = 0  # after an article or number: a common noun
    adjective: int = 0  # after a lower-case adjective ("die Pleite", "der ermordete Lübcke")
    attributive: int = 0  # right before another capitalised word ("Kasseler Regierungs...")
    temporal: int = 0  # "nach dem Anschlag"
    articles: set = field(default_factory=set)


@dataclass
class Scan:
    phrases: dict = field(default_factory=dict)
    words: dict = field(default_factory=lambda: defaultdict(Word))
    # the words right before a capitalised word that may belong to its name: "Evo" (Morales),
    # ("von", "der") and ("Ursula", "von", "der") (Leyen)
    left: dict = field(default_factory=lambda: defaultdict(Counter))
    stems: dict = field(default_factory=lambda: defaultdict(dict))  # stem -> article -> weight


def _sentences(article: Article) -> list[tuple[int, list[str]]]:
    """(place weight, tokens) of the title (when it is not the first sentence) and body."""
    out: list[tuple[int, list[str]]] = []
    paragraphs = article.paragraphs
    first = paragraphs[0] if paragraphs else ""
    if article.title and not first.startswith(article.title[:60]):
        out.append((TITLE, _TOKEN.findall(article.title)))
    number = 0
    for paragraph in paragraphs:
        for sentence in _SENTENCE_END.split(paragraph):
            weight = LEAD if number < LEAD_SENTENCES else BODY
            out.append((weight, _TOKEN.findall(sentence)))
            number += 1
    return out


def _run_end(tokens: list[str], start: int, limit: int = 4) -> int:
    """The end (exclusive) of the run of capitalised words (with name particles) at start."""
    k = start
    count = 0
    while k < len(tokens) and count < limit:
        if _is_cap(tokens[k]):
            k += 1
            count += 1
            continue
        j = k
        while j < len(tokens) and tokens[j] in _PARTICLES and j - k < 2:
            j += 1
        if count and tuple(tokens[k:j]) in _PARTICLE_CHAINS and j < len(tokens) and _is_cap(tokens[j]):
            k = j
            continue
        break
    return k


def _note_left(scan: Scan, tokens: list[str], i: int) -> None:
    """Record the possible name parts right before the capitalised word at ``i``."""
    stop = german_stop_words()
    previous = tokens[i - 1]
    if _is_cap(previous) and previous.casefold() not in stop:
        scan.left[tokens[i]][(previous,)] += 1
        return
    for size in (2, 1):
        chain = tuple(tokens[max(0, i - size) : i])
        if len(chain) == size and chain in _PARTICLE_CHAINS:
            scan.left[tokens[i]][chain] += 1
            before = i - size - 1
            if before >= 0 and _is_cap(tokens[before]) and tokens[before].casefold() not in stop:
                scan.left[tokens[i]][(tokens[before], *chain)] += 1
            return


def _add(found: dict, key: tuple, stems: tuple, head: str, kind: str, number: int,
         weight: int, words: list[str]) -> None:
    phrase = found.get(key)
    if phrase is None:
        phrase = found[key] = Phrase(key, stems, head, kind)
    if phrase.articles.get(number, 0) < weight:
        phrase.articles[number] = weight
    phrase.surfaces[" ".join(words)] += 1


def scan_sentence(scan: Scan, number: int, weight: int, tokens: list[str]) -> None:
    stop = german_stop_words()
    m = len(tokens)
    found = scan.phrases
    previous_run_end = 0
    for i, token in enumerate(tokens):
        if not _is_word(token):
            continue
        low = token.casefold()
        if low in stop or (len(token) < 3 and not token.endswith(".")):
            if _is_cap(token) and len(token) == 2 and low not in stop and i and tokens[i - 1] not in _OPENERS:
                scan.words[token].count += 1  # "El" (Paso), "Al" (Gore): may start a name
                scan.words[token].mid += 1
            continue
        token_stems = _stems(token)
        for s in token_stems:
            where = scan.stems[s]
            if where.get(number, 0) < weight:
                where[number] = weight
        if not _is_cap(token):
            continue
        sentence_start = i == 0 or tokens[i - 1] in _OPENERS
        word = scan.words[token]
        word.count += 1
        word.articles.add(number)
        before = tokens[i - 1].casefold() if i else ""
        if not sentence_start:
            word.mid += 1
            if before in _ARTICLES or before in _CONTRACTIONS or before.isdigit():
                word.common += 1
            elif _is_adjective(tokens[i - 1]):
                word.adjective += 1
        if i + 1 < m and _is_cap(tokens[i + 1]):
            word.attributive += 1
        if i >= 2 and before in _CASE_ARTICLES and tokens[i - 2].casefold() in _TEMPORAL:
            word.temporal += 1
        elif before in ("beim", "vorm"):
            word.temporal += 1
        if i and not sentence_start:
            _note_left(scan, tokens, i)
        if _is_time(token):
            continue
        head = token
        head_stems = token_stems
        _add(found, ("alone", head_stems), head_stems, head, "alone", number, weight, [head])
        j = i + 1
        if j < m:
            low_next = tokens[j].casefold()
            prep = _PREPOSITIONS.get(low_next)
            if prep or low_next in _GENITIVE:
                k = j + 1
                if prep and k < m and tokens[k].casefold() in _ARTICLES:
                    k += 1
                adjectives = 0
                while k < m and adjectives < 2 and (_is_adjective(tokens[k]) or tokens[k].isdigit()):
                    k += 1
                    adjectives += 1
                if k < m and _is_cap(tokens[k]) and not _is_time(tokens[k]):
                    end = _run_end(tokens, k)
                    # "El Paso und Dayton": two names joined
                    if end + 1 < m and tokens[end] == "und" and _is_cap(tokens[end + 1]):
                        end = _run_end(tokens, end + 1)
                    comp_stems = tuple(
                        s
                        for t in tokens[j + 1 : end]
                        if _is_word(t) and t.casefold() not in stop and t not in _PARTICLES
                        for s in _stems(t)
                    )
                    # "von Horst Seehofers sogenanntem Masterplan": a genitive that owns what
                    # follows is cut off from its noun
                    cut = (
                        end < m
                        and tokens[end - 1].endswith(("s", "'", "’"))
                        and (_is_adjective(tokens[end]) or _is_cap(tokens[end]))
                    )
                    if comp_stems and not cut and not any(_is_time(t) for t in tokens[k:end]):
                        key = ("of", head_stems, prep or "gen", comp_stems)
                        _add(found, key, head_stems + comp_stems, head, "prep" if prep else "gen",
                             number, weight, tokens[i:end])
        # "Trumps Grönland-Idee": a name in the genitive right before
        if i > 0 and not sentence_start and _is_cap(tokens[i - 1]):
            owner = tokens[i - 1]
            if owner.endswith(("s", "'", "’")) and len(owner) > 3 and before not in _ARTICLES:
                owner_stems = _stems(owner.rstrip("'’")[:-1] if owner.endswith("s") else owner.rstrip("'’"))
                key = ("owner", owner_stems, head_stems)
                _add(found, key, owner_stems + head_stems, head, "owner", number, weight,
                     [owner, head])


def scan_group(group: Sequence[Article]) -> Scan:
    scan = Scan()
    for number, article in enumerate(group):
        for weight, tokens in _sentences(article):
            scan_sentence(scan, number, weight, tokens)
    return scan


PRIOR_FILE = ROOT / "benchmarks" / "data" / "stories_df_prior.tsv"
# pseudo-groups of one article each holding the common words of German news at their rates
BACKGROUND = int(__import__("os").environ.get("HD_BG", "5000"))


@lru_cache(maxsize=1)
def prior_rates() -> dict[str, float]:
    import stories_proto as P

    return P.load_prior(PRIOR_FILE)


@dataclass
class Context:
    groups: int
    group_df: Counter

    def idf(self, s: str) -> float:
        """Class-based IDF over the folder's groups and the background's common words."""
        rate = prior_rates().get(s, 0.0)
        return math.log(1 + (self.groups + BACKGROUND) / (self.group_df.get(s, 0) + BACKGROUND * rate + 1))


def build_context(groups: Sequence[Sequence[Article]]) -> tuple[Context, list[Scan]]:
    df: Counter = Counter()
    scans = []
    for group in groups:
        scan = scan_group(group)
        scans.append(scan)
        df.update(scan.stems.keys())
    return Context(len(groups), df), scans


@lru_cache(maxsize=1)
def noun_tables() -> tuple[dict[str, float], frozenset[str]]:
    events: dict[str, float] = {}
    persons: set[str] = set()
    if NOUNS_FILE.exists():
        for line in NOUNS_FILE.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                key, kind, rate, _ = line.split("\t")
                if kind == "event":
                    events[key] = float(rate)
                else:
                    persons.add(key)
    return events, frozenset(persons)


def _suffix_lookup(word: str, table, first: int = 4) -> str | None:
    """The word itself if ``table`` holds it, else the longest entry of at least four letters
    it ends with after a first part of at least four ("Bürgermeister|wahl", not "Aus|stand")."""
    if word in table:
        return word
    for start in range(first, max(first, len(word) - 3)):
        if word[start:] in table:
            return word[start:]
    return None


def event_rate(head: str) -> float:
    events, _ = noun_tables()
    last = re.split(r"[-'’.]", head)[-1].casefold()
    found = _suffix_lookup(T.stem(last), events)
    return events[found] if found else 0.0


def is_person(head: str) -> bool:
    _, persons = noun_tables()
    last = re.split(r"[-'’.]", head)[-1].casefold()
    for form in (last, last[:-5] if last.endswith("innen") else "", last[:-2] if last.endswith("in") else "",
                 last[:-2] if last.endswith("en") else "", last[:-1] if last.endswith(("n", "s")) else ""):
        if form and _suffix_lookup(form, persons, 3):
            return True
    return False


# scoring knobs (tuned on dev)
import os as _os

_K = {k[3:]: float(v) for k, v in _os.environ.items() if k.startswith("HD_")
      and k[3:] in ("ATTEST", "EVENT_FULL", "EVENT_FLOOR", "NAME", "BARE", "REST", "LONG")}
ATTEST = _K.get("ATTEST", 0.5)  # exponent of a phrase's place-weighted article share
EVENT_FULL = _K.get("EVENT_FULL", 0.08)  # an event rate at which a head counts fully as an event
EVENT_FLOOR = _K.get("EVENT_FLOOR", 0.5)  # weight of a head with no event use
PERSON = 0.0  # weight of a head that names a person ("Präsident", "Politikerin")
NAME = _K.get("NAME", 0.5)  # weight of a name alone
LONG = 5  # words beyond which a phrase is penalised
BARE = _K.get("BARE", 0.5)  # weight of a noun with no name in it (says what, not whom or where)
REST = _K.get("REST", 0.3)  # weight of a complement's words after its best one
NAME_WITH = 0.6  # a word before a name this often belongs to it ("El" Paso)
FIRST_NAME = 0.8  # a word this often before the name is its first name ("Evo" Morales)
COMMON_SHARE = 0.25  # a word used after an article this often (inside sentences) is a noun


def _is_common(word: Word | None, token: str) -> bool:
    if word and word.mid and word.common + 0.5 * word.adjective >= COMMON_SHARE * word.mid:
        return True
    last = re.split(r"[-'’.]", token)[-1].casefold()
    return last.endswith(_NOUN_SUFFIXES) or last in noun_tables()[1]


def _name_run(token: str, scan: Scan) -> str:
    """The name as written in full: "Evo Morales" for "Morales", "El Paso" for "Paso",
    "Ursula von der Leyen" for "Leyen": words before it that (nearly) always come with it, or
    that (nearly) never come without it (a first name)."""
    name = [token]
    current = token
    for _ in range(3):
        count = scan.words[current].count if current in scan.words else 0
        extended = None
        for prefix, k in sorted(scan.left.get(current, {}).items(), key=lambda pk: -len(pk[0])):
            first = prefix[0]
            if _is_cap(first):
                word = scan.words.get(first)
                if word is None or _is_common(word, first) or not word.mid:
                    continue
                if k >= NAME_WITH * count or (k >= 2 and k >= FIRST_NAME * word.count):
                    extended = prefix
                    break
            elif k >= NAME_WITH * count and len(prefix) == len(
                next((p for p in _PARTICLE_CHAINS if p == prefix), ())
            ):
                extended = prefix
                break
        if not extended:
            break
        name = [*extended, *name]
        current = extended[0]
        if not _is_cap(current):
            break
    return " ".join(name)


@dataclass
class Candidate:
    score: float
    text: str
    kind: str
    articles: int


def score_phrases(group: Sequence[Article], scan: Scan, ctx: Context) -> list[tuple[float, Candidate]]:
    """Every candidate heading of the group with its score, best first."""
    n = len(group)
    shared = 2 if n > 1 else 1

    def cw(s: str) -> float:
        tf = sum(scan.stems.get(s, {}).values()) / (TITLE * n)
        return tf * ctx.idf(s)

    def att(articles: dict[int, int]) -> float:
        return min(1.0, sum(articles.values()) / (LEAD * max(2.0, n / 3))) ** ATTEST

    def spread(stems) -> bool:
        return all(len(scan.stems.get(s, ())) >= shared for s in stems)

    out: list[tuple[float, Candidate]] = []
    heads: dict[tuple, tuple[float, float, Phrase]] = {}
    for phrase in scan.phrases.values():
        if phrase.kind != "alone" or not spread(phrase.key[1]):
            continue
        word = scan.words.get(phrase.head)
        if word and word.attributive > 0.6 * word.count:
            continue
        stems = phrase.key[1]
        if _is_common(word, phrase.head):
            if is_person(phrase.head) and not PERSON:
                continue
            if is_person(phrase.head):
                weight = PERSON
            else:
                rate = event_rate(phrase.head)
                weight = EVENT_FLOOR + (1 - EVENT_FLOOR) * min(1.0, rate / EVENT_FULL)
            head_cw = sum(cw(s) for s in set(stems))
            heads[stems] = (head_cw, weight, att(phrase.articles), phrase)
            text = _base_form(phrase.surfaces.most_common(1)[0][0], scan.words)
            score = head_cw * weight * att(phrase.articles)
            if not any(_plain_name(part, scan) for part in re.split(r"[-'’.]", text)):
                score *= BARE  # no name in it: "Training", "Hinspiel", not "Donau-Hochwasser"
            out.append((score, Candidate(0, text, "noun", len(phrase.articles))))
        else:
            text = _name_run(phrase.head, scan)
            # the parts of one name ("Kramp-Karrenbauer") say one thing
            score = NAME * max(cw(s) for s in stems) * att(phrase.articles)
            out.append((score, Candidate(0, text, "name", len(phrase.articles))))

    def complement_score(stems) -> float:
        ranked = sorted((cw(s) for s in set(stems)), reverse=True)
        return sum(ranked[:1]) + REST * sum(ranked[1:])

    # what the event is of: "in Thüringen", "der Deutschen Bank", "von Evo Morales"
    complements: dict[tuple, dict] = {}
    for phrase in scan.phrases.values():
        if phrase.kind not in ("prep", "gen", "owner"):
            continue
        head_key = phrase.key[2] if phrase.kind == "owner" else phrase.key[1]
        comp_stems = phrase.key[1] if phrase.kind == "owner" else phrase.key[3]
        if head_key not in heads or not spread(comp_stems):
            continue
        if phrase.kind == "owner":
            surface = phrase.surfaces.most_common(1)[0][0]
            owner = surface.split(" ")[0].rstrip("'’")
            base = owner[:-1] if owner.endswith("s") else owner
            if base not in scan.words or _is_common(scan.words.get(base), base):
                continue
        head_cw, weight, head_att, head = heads[head_key]
        comp_score = complement_score(comp_stems)
        text = display(phrase, scan)
        if not _joined_as_written(text, scan):
            continue
        if phrase.kind != "owner" and is_person(text.split(" ")[0]):
            continue  # "Verdächtigen aus ..." shares its stem with "Verdacht"
        score = (head_cw + comp_score) * weight * att(phrase.articles) * _long(text)
        if not any(_plain_name(t, scan) for t in re.split(r"[-'’. ]", text)):
            score *= BARE
        out.append((score, Candidate(0, text, "phrase", len(phrase.articles))))
        if phrase.kind in ("gen",) or phrase.key[2] in GENERIC:
            entry = complements.setdefault((phrase.key[2], comp_stems), {
                "articles": {}, "surfaces": Counter(), "score": comp_score, "stems": comp_stems})
            for number, weight in phrase.articles.items():
                entry["articles"][number] = max(weight, entry["articles"].get(number, 0))
            entry["surfaces"][" ".join(text.split(" ")[1:])] += sum(phrase.surfaces.values())
    # an event noun many articles use, with what it is of as other phrases write it
    events = sorted(
        (h for h in heads.values() if event_rate(h[3].head) >= RECOMBINE_EVENT),
        key=lambda h: -h[0] * h[1] * h[2],
    )[:TOP]
    comps = sorted(
        (c for c in complements.values() if len(c["articles"]) >= shared),
        key=lambda c: -c["score"],
    )[:TOP]
    for head_cw, weight, head_att, head in events if RECOMBINE else ():
        head_text = _base_form(head.surfaces.most_common(1)[0][0], scan.words)
        for comp in comps:
            if _overlap(head.key[1], comp["stems"]):
                continue
            text = f"{head_text} {comp['surfaces'].most_common(1)[0][0]}"
            score = (head_cw + comp["score"]) * weight * head_att * RECOMBINE * att(comp["articles"])
            out.append((score * _long(text), Candidate(0, text, "joined", 0)))
    out.sort(key=lambda sc: -sc[0])
    best: dict[str, tuple[float, Candidate]] = {}
    for score, candidate in out:
        if candidate.text not in best:
            best[candidate.text] = (score, candidate)
    return list(best.values())


GENERIC = frozenset({"gen", "in"})
RECOMBINE = 0.0
RECOMBINE_EVENT = 0.04
TOP = 5


def _joined_as_written(text: str, scan: Scan) -> bool:
    """A noun right before a name belongs to it ("des Reiseveranstalters Thomas Cook",
    "Trainer Niko Kovac") when it names a person or the articles write the two together
    more than once; else the name starts the next clause ("im Amazonas-Gebiet Bolsonaro")."""
    words = text.split(" ")
    for a, b in zip(words[1:], words[2:]):
        if _is_cap(a) and _is_cap(b) and _is_common(scan.words.get(a), a) and _plain_name(b, scan):
            if not is_person(a) and scan.left.get(b, {}).get((a,), 0) < 2:
                return False
    return True


def _overlap(first: tuple[str, ...], second: tuple[str, ...]) -> bool:
    """Two stem keys that share a word, whole or inside a compound ("Unabhängigkeit" and
    "Unabhängigkeitsbewegung")."""
    return any(a in b or b in a for a in first for b in second if min(len(a), len(b)) >= 4)


def _long(text: str) -> float:
    return 0.8 ** max(0, len(text.split()) - LONG)


def _base_form(form: str, forms) -> str:
    """A head noun without its genitive or dative-plural ending when the articles also write
    the shorter form: "Absturzes" -> "Absturz", "Massakern" -> "Massaker"."""
    for ending in ("es", "s", "n"):
        shorter = form[: -len(ending)]
        if form.endswith(ending) and shorter in forms and _stems(shorter) == _stems(form):
            return shorter
    # a dative plural of a noun in -er/-el ("nach den Massakern"): the plural is the same
    # without the n
    if form.endswith(("ern", "eln")) and _stems(form[:-1]) == _stems(form):
        return form[:-1]
    return form


def display(phrase: Phrase, scan: Scan) -> str:
    surface = phrase.surfaces.most_common(1)[0][0]
    words = surface.split(" ")
    if phrase.kind == "alone":
        if not _is_common(scan.words.get(words[0]), words[0]):
            return _name_run(words[0], scan)
        return _base_form(words[0], scan.words)
    if phrase.kind in ("prep", "gen"):
        words[0] = _base_form(words[0], scan.words)
    if phrase.kind == "prep":
        words = _without_apposition(words, scan)
    return " ".join(words)


_BARE_PREPOSITION = {"vom": "von", "zum": "zu", "zur": "zu", "im": "in", "beim": "bei", "am": "an", "ins": "in"}


def _plain_name(token: str, scan: Scan) -> bool:
    """A word never written after an article or adjective, and no known noun: a name."""
    word = scan.words.get(token)
    return bool(word) and word.common <= 0.1 * word.count and not _is_common(word, token)


def _without_apposition(words: list[str], scan: Scan) -> list[str]:
    """ "Rücktritt von Regierungschefin Carrie Lam" -> "Rücktritt von Carrie Lam": a person's
    title before the name goes (with its article and adjectives), the name stays as it was."""
    first_cap = next((k for k in range(2, len(words)) if _is_cap(words[k])), None)
    if first_cap is None:
        return words
    caps = words[first_cap:]
    # the title ends with a person noun: "Regierungschefin", "Kasseler Regierungspräsidenten"
    title_end = max((k + 1 for k, t in enumerate(caps[:-1]) if is_person(t)), default=0)
    name = caps[title_end:]
    if not title_end or not all(_plain_name(t, scan) for t in name if _is_cap(t)):
        return words
    if not any(_is_cap(t) and t in scan.words and scan.words[t].mid for t in name):
        return words
    preposition = _BARE_PREPOSITION.get(words[1].casefold(), words[1])
    return [words[0], preposition, *name]


def heading(group: Sequence[Article], scan: Scan, ctx: Context) -> str:
    scored = score_phrases(group, scan, ctx)
    if not scored:
        return group[0].title
    return scored[0][1].text


def compose_headings(groups: Sequence[Sequence[Article]]) -> list[str]:
    import os

    ctx, scans = build_context(groups)
    debug = int(os.environ.get("HD_DEBUG", "0"))
    if debug:
        for group, scan in zip(groups, scans):
            print(f"   [{len(group)}] " + " || ".join(a.title[:40] for a in group[:3]))
            for score, c in score_phrases(group, scan, ctx)[:debug]:
                print(f"      {score:6.2f} {c.articles:2} {c.kind:6} {c.text!r}")
    return [heading(g, s, ctx) for g, s in zip(groups, scans)]


# --------------------------------------------------------------------------- lexicon

EVENT_MIN_COUNT = 8
PERSON_MIN_COUNT = 10
FEMININE_MIN_COUNT = 3


def labelled_ids() -> set[str]:
    """Corpus ids of every labelled member, also-member and near miss (dev and val): the
    lexicon is learned without them."""
    import json

    import stories as bench

    ids: set[str] = set()
    for path in (bench.DEV, ROOT / "benchmarks" / "data" / "stories_val.json"):
        if path.exists():
            for story in json.loads(path.read_text(encoding="utf-8"))["stories"]:
                for k in ("members", "also_members", "near_misses"):
                    ids.update(str(i) for i in story.get(k, []))
    return ids


def make_lexicon(path: Path = NOUNS_FILE) -> int:
    """Event nouns (often after "nach dem", "seit der") and person nouns (with a feminine
    "-in" form) of the MLSUM and 10kGNAD corpora, labelled stories left out."""
    import json

    from _corpus import gnad_rows

    import stories as bench

    skip = labelled_ids()
    texts = []
    with bench.CORPUS.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if str(row["id"]) not in skip:
                texts.append(row["text"])
    texts += [text for _, text in gnad_rows()]
    total: Counter = Counter()
    temporal: Counter = Counter()
    common: Counter = Counter()
    surfaces: Counter = Counter()
    surface_common: Counter = Counter()
    lower: Counter = Counter()
    for text in texts:
        tokens = _TOKEN.findall(text)
        lower.update(t for t in tokens if t[:1].islower())
        for i in range(2, len(tokens)):
            word = tokens[i]
            if not _is_cap(word) or tokens[i - 1] in _OPENERS:
                continue
            last = re.split(r"[-'’.]", word)[-1]
            if not last[:1].isalpha():
                continue
            surfaces[last.casefold()] += 1
            if tokens[i - 1].casefold() in _ARTICLES or _is_adjective(tokens[i - 1]):
                surface_common[last.casefold()] += 1
            s = T.stem(last.casefold())
            total[s] += 1
            before = tokens[i - 1].casefold()
            if before in _ARTICLES or before in _CONTRACTIONS or _is_adjective(tokens[i - 1]):
                common[s] += 1
            if before in _CASE_ARTICLES and tokens[i - 2].casefold() in _TEMPORAL:
                temporal[s] += 1
            elif before in ("beim", "vorm"):
                temporal[s] += 1
    rows = []
    for s, count in sorted(total.items()):
        # a common noun (a name seldom follows an article) used after "nach dem" and the like
        if count >= EVENT_MIN_COUNT and temporal[s] >= 2 and common[s] >= COMMON_SHARE * count:
            rows.append(f"{s}\tevent\t{temporal[s] / count:.4f}\t{count}")
    # a noun made of an adjective ("der Verdächtige", "die Grünen"): its lower-case forms
    # take most adjective endings ("verdächtige", "verdächtigen", "verdächtiger", ...)
    rows += [
        f"{word}\tperson\t0\t{count}"
        for word, count in sorted(surfaces.items())
        if word.endswith("e")
        and len(word) >= 5
        and count >= PERSON_MIN_COUNT
        and sum(lower[word[:-1] + e] >= 2 for e in ("e", "en", "er", "es", "em")) >= 3
        and surfaces[word + "r"] >= 2  # "ein Verdächtiger" (no "Finaler")
    ]
    # a person noun: a common noun with a feminine form ("Präsident", "Präsidentin")
    rows += [
        f"{word}\tperson\t0\t{count}"
        for word, count in sorted(surfaces.items())
        if len(word) >= 4
        and count >= PERSON_MIN_COUNT
        and surfaces[word + "in"] >= FEMININE_MIN_COUNT
        and surface_common[word] >= COMMON_SHARE * count
    ]
    header = [
        "# stem<TAB>class<TAB>rate<TAB>count: event = a noun written after nach/vor/seit/während/"
        "trotz/wegen + article or beim (rate: share of its uses so), person = a noun with a "
        "feminine -in form; made by python benchmarks/headings_proto.py --make-lexicon",
    ]
    path.write_text("\n".join(header + rows) + "\n", encoding="utf-8")
    return len(rows)


# --------------------------------------------------------------------------- evaluation


def labelled(name: str):
    import tempfile

    import stories as bench
    import stories_proto as P

    path = bench.DEV if name == "dev" else ROOT / "benchmarks" / "data" / "stories_val.json"
    folder = Path(tempfile.gettempdir()) / "stories_proto" / ("dev" if name == "dev" else "stories_val")
    return P.load_labelled(path, folder)


def evaluate(name: str, grouping: str, show: int = 0) -> None:
    import stories as bench
    import stories_proto as P

    labels, articles, ids = labelled(name)
    if grouping == "proto":
        groups = P.group_stories(articles)
    else:
        index = {id(a): i for i, a in enumerate(articles)}
        groups = [[index[id(a)] for a in t.articles] for t in T.group_topics(articles)]
    multi = [[articles[i] for i in g] for g in groups]
    heads = compose_headings(multi)
    grouping_rows = [(h, [ids[i] for i in g]) for h, g in zip(heads, groups)]
    missing = set(bench.folder_ids(labels)) - set(ids)
    grouping_rows += [("", [m]) for m in sorted(missing)]
    scores = bench.score(labels, grouping_rows)
    print(f"== {name} ({grouping} grouping): headings {scores.heading_hits}/{scores.stories}")
    topic_of = {i: t for t, (_, g) in enumerate(grouping_rows) for i in g}
    ctx, scans = build_context(multi)
    for s in scores.per_story:
        print(f"  {'ok ' if s.heading_hit else 'MISS'} {s.id:40} {s.heading!r}")
        if show:
            story = next(x for x in labels["stories"] if x["id"] == s.id)
            members = [str(m) for m in story["members"]]
            main = Counter(topic_of[m] for m in members).most_common(1)[0][0]
            for sc, p in score_phrases(multi[main], scans[main], ctx)[:show]:
                print(f"        {sc:6.2f} {p.articles:2} {p.kind:6} {p.text!r}")


def use_in_topics() -> None:
    """Make today's group_topics (and benchmarks/headings.py) head topics with this composer."""

    def topic_headings(groups, vectors=None, everything=None, jobs=1):
        return compose_headings(groups)

    T.topic_headings = topic_headings


def sample(judge: Path | None, no_corpus: bool = False) -> None:
    """benchmarks/headings.py's fixed sample, headed by this composer."""
    import headings as sample_bench

    use_in_topics()
    argv = sys.argv
    sys.argv = [argv[0]] + (["--judge", str(judge)] if judge else []) + (
        ["--no-corpus"] if no_corpus else [])
    try:
        sample_bench.main()
    finally:
        sys.argv = argv


def random_folder(count: int, seed: int = 16, grouping: str = "proto") -> None:
    """Every multi-article topic of ``count`` random MLSUM articles with its heading, to read."""
    import tempfile

    import stories as bench
    import stories_proto as P

    from briefing.core.pipeline import load_articles

    import random

    rows = sorted(random.Random(seed).sample(range(10679), count))
    labels = {"stories": [], "distractors": rows}
    folder = Path(tempfile.gettempdir()) / "stories_proto" / f"random{count}-{seed}"
    if not folder.exists():
        bench.write_folder(labels, folder)
    articles, _ = load_articles([folder])
    show_groups(articles, grouping, f"{len(articles)} random MLSUM articles (seed {seed})")


def gnad_folder(grouping: str = "proto") -> None:
    """The 1,028 10kGNAD test articles (title lines of DER STANDARD)."""
    import topics as topics_bench

    articles, _ = topics_bench.load_gnad()
    show_groups(articles, grouping, "1,028 10kGNAD articles")


def show_groups(articles: list[Article], grouping: str, name: str) -> None:
    import stories_proto as P

    if grouping == "proto":
        groups = P.group_stories(articles)
    else:
        index = {id(a): i for i, a in enumerate(articles)}
        groups = [[index[id(a)] for a in t.articles] for t in T.group_topics(articles)]
    multi = [g for g in groups if len(g) > 1]
    heads = compose_headings([[articles[i] for i in g] for g in multi])
    print(f"== {name}: {len(groups)} topics, {len(multi)} with 2+ articles ({grouping} grouping)")
    for number, (heading, group) in enumerate(zip(heads, multi)):
        print(f"{number:3d} {len(group):3d} {heading!r}")
        for row in group[:6]:
            print(f"          {articles[row].title[:100]}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", action="append", choices=["dev", "val"])
    parser.add_argument("--grouping", default="proto", choices=["proto", "today"])
    parser.add_argument("--show", type=int, default=0)
    parser.add_argument("--make-lexicon", action="store_true")
    parser.add_argument("--sample", action="store_true", help="benchmarks/headings.py's sample")
    parser.add_argument("--judge", type=Path, help="verdicts for --sample")
    parser.add_argument("--no-corpus", action="store_true", help="--sample: test folders only")
    parser.add_argument("--random", type=int, default=0, help="N random MLSUM articles, to read")
    parser.add_argument("--gnad", action="store_true", help="the 10kGNAD articles, to read")
    args = parser.parse_args(argv)
    if args.sample:
        sample(args.judge, args.no_corpus)
        return 0
    if args.random:
        random_folder(args.random, grouping=args.grouping)
        return 0
    if args.gnad:
        gnad_folder(args.grouping)
        return 0
    if args.make_lexicon:
        print(f"{make_lexicon()} rows written to {NOUNS_FILE}")
        return 0
    for name in args.set or ["dev", "val"]:
        evaluate(name, args.grouping, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
