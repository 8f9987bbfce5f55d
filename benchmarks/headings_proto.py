"""Story headings prototype (issue 16): the event phrase the articles write, scored by c-TF-IDF.

    python benchmarks/headings_proto.py                  # heading hits, dev and val
    python benchmarks/headings_proto.py --set dev --grouping today --show 5
    python benchmarks/headings_proto.py --sample --judge benchmarks/data/headings_verdicts.tsv
    python benchmarks/headings_proto.py --random 300     # 300 random MLSUM articles, to read
    python benchmarks/headings_proto.py --gnad           # the 1,028 10kGNAD articles, to read
    python benchmarks/headings_proto.py --corpus         # time on all 11,707 articles
    python benchmarks/headings_proto.py --make-lexicon   # rewrite data/heading_nouns.tsv
"""

from __future__ import annotations

import argparse
import math
import os
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

NOUNS_FILE = ROOT / "benchmarks" / "data" / "heading_nouns.tsv"
PRIOR_FILE = ROOT / "benchmarks" / "data" / "stories_df_prior.tsv"

# knobs; HD_<NAME> in the environment overrides one (for sweeps)
_ENV = {k[3:]: float(v) for k, v in os.environ.items() if k.startswith("HD_") and v}
TITLE, LEAD, BODY = 3, 2, 1  # weight of a word by where it stands
LEAD_SENTENCES = 2
MAX_SENTENCES = int(_ENV.get("MAX_SENTENCES", 10))  # sentences of an article read
MAX_ARTICLES = int(_ENV.get("MAX_ARTICLES", 12))  # articles of a group read
BACKGROUND = _ENV.get("BACKGROUND", 5000)  # pseudo-groups holding the common words
ATTEST = _ENV.get("ATTEST", 0.5)  # exponent of a candidate's place-weighted article share
EVENT_FULL = _ENV.get("EVENT_FULL", 0.08)  # an event rate that counts fully
EVENT_FLOOR = _ENV.get("EVENT_FLOOR", 0.5)  # weight of a noun never used as an event
NAME = _ENV.get("NAME", 0.5)  # weight of a name alone
BARE = _ENV.get("BARE", 0.5)  # weight of a candidate with no name in it
REST = _ENV.get("REST", 0.3)  # weight of a complement's words after its best one
LONG = int(_ENV.get("LONG", 5))  # words beyond which a candidate is penalised
NAME_WITH = 0.6  # a word before a name this often belongs to it ("El" Paso)
FIRST_NAME = 0.8  # a word this often before the name is its first name ("Evo" Morales)
COMMON_SHARE = 0.25  # a word used after an article this often is a common noun
ATTRIBUTIVE = 0.6  # a word right before another capitalised word this often is no head

# --------------------------------------------------------------------------- words

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
_BARE_PREPOSITION = {"vom": "von", "zum": "zu", "zur": "zu", "im": "in", "beim": "bei",
                     "am": "an", "ins": "in"}
# short lower-case words inside a name ("von der Leyen", "ter Stegen"), as they may stand
_PARTICLE_CHAINS = ("von der", "van der", "van den", "de la", "von", "van", "de", "da", "di",
                    "del", "ter", "bin", "al", "dos", "du", "le", "la")
_WEEKDAYS_MONTHS = (
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "sonnabend",
    "januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
    "oktober", "november", "dezember",
)
_TIME_PARTS = ("morgen", "abend", "nachmittag", "vormittag", "mittag", "nacht", "früh")
_NOUN_SUFFIXES = ("ung", "heit", "keit", "schaft", "tion", "tät", "ismus", "nis", "tum",
                  "ungen", "heiten", "keiten", "schaften", "tionen", "täten", "nisse")
# "nach dem Anschlag", "seit der Pleite": a noun after these and an article names an event
_TEMPORAL = frozenset({"nach", "vor", "seit", "während", "trotz", "wegen", "infolge", "angesichts"})
_CASE_ARTICLES = frozenset({"dem", "der", "des", "den", "einem", "einer", "eines"})
_CONTRACTIONS = frozenset({"im", "am", "zum", "zur", "vom", "beim", "ins"})
# people with no feminine form of their own ("Mann", "Frau", "Kind")
_PEOPLE = ("mann", "männer", "frau", "frauen", "kind", "kinder", "mensch", "menschen", "leute",
           "person", "personen", "mädchen", "junge", "jungen", "opfer", "familie", "eltern")
# fmt: on


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_CAP = r"[A-ZÄÖÜ](?:\.(?!\w)|\w*(?:[-'’.]\w+)*[’']?)"
# (patterns start with a character class, and look behind it, for speed: "[A-Z](?<!x[A-Z])")
_CAP_FIRST = r"[A-ZÄÖÜ](?<![\w'’.-][A-ZÄÖÜ])(?:\.(?!\w)|\w*(?:[-'’.]\w+)*[’']?)"
_PARTICLE = rf"(?:{_alternation(_PARTICLE_CHAINS)})"
_CAP_RUN = rf"{_CAP}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_CAP}){{0,3}}"
_BEFORE = r"(?<![\w'’.-])"
# "Landtagswahl in Thüringen", "Pleite des Reiseveranstalters Thomas Cook", "Massaker von El
# Paso und Dayton": a capitalised word, a preposition or genitive article, an article, up to
# two adjectives or a number, the capitalised words after them, and the next word
_PHRASE = re.compile(
    rf"({_CAP_FIRST})[ \t]+({_alternation(set(_PREPOSITIONS) | _GENITIVE)})[ \t]+"
    rf"(?:({_alternation(_ARTICLES)})[ \t]+)?"
    rf"((?:[a-zäöüß]\w*(?:e|en|er|es|em)[ \t]+|\d+[ \t]+){{0,2}})"
    rf"(?=({_CAP_RUN}(?:[ \t]+und[ \t]+{_CAP_RUN})?)([ \t]+[\w„\"]+)?)"
)
_CAPS = re.compile(_CAP_FIRST)
# a capitalised word that opens a sentence, a clause after a colon or dash, or a quotation
_STARTS = re.compile(rf"(?:^|[.!?:;–]\s+|[„\"»«(]\s*)({_CAP})", re.MULTILINE)
_DETERMINERS = _ARTICLES | _CONTRACTIONS
_AFTER_ARTICLE = re.compile(  # "der Anschlag", "Der Anschlag", "im Landtag", "2000 Soldaten"
    rf"{_BEFORE}(?<!von )(?<!van )(?:{_alternation(_DETERMINERS | {w.capitalize() for w in _DETERMINERS})}|\d+)"
    rf"[ \t]+({_CAP})"
)
_AFTER_ADJECTIVE = re.compile(
    rf"[a-zäöüß](?<![\w'’.-][a-zäöüß])\w{{2,}}(?:e|en|er|es|em)[ \t]+({_CAP})"
)
_RUNS = re.compile(rf"{_CAP_FIRST}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_CAP})+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'„“»«(]?[A-ZÄÖÜ0-9])")
_TIME = re.compile(
    f"(?:{_alternation(_WEEKDAYS_MONTHS)})(?:{_alternation(_TIME_PARTS)})?", re.IGNORECASE
)
_SPLIT = re.compile(r"[-'’.]")


def _is_cap(token: str) -> bool:
    return token[:1].isupper()


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
    return _TIME.fullmatch(word) is not None


_STEMS: dict[str, tuple[str, ...]] = {}


def _stems(word: str) -> tuple[str, ...]:
    """The stems of a word's parts: "Nordkorea-Besuch" -> (nordkorea, besuch)."""
    found = _STEMS.get(word)
    if found is None:
        found = tuple(T.stem(p.casefold()) for p in _SPLIT.split(word) if p)
        if len(_STEMS) < 500_000:
            _STEMS[word] = found
    return found


def _last(word: str) -> str:
    return _SPLIT.split(word)[-1].casefold()


# --------------------------------------------------------------------------- lexicon


@lru_cache(maxsize=1)
def noun_tables() -> tuple[dict[str, float], frozenset[str]]:
    """Event nouns (stem -> share of uses after "nach dem" and the like) and person nouns."""
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


@lru_cache(maxsize=1)
def prior_rates() -> dict[str, float]:
    """The common stems of German news with their document rates (stories_df_prior.tsv)."""
    rates = {}
    if PRIOR_FILE.exists():
        for line in PRIOR_FILE.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                stem, rate = line.split("\t")
                rates[stem] = float(rate)
    return rates


def _suffix_lookup(word: str, table, first: int = 4) -> str | None:
    """The word itself if ``table`` holds it, else the longest entry of at least four letters
    it ends with after a first part of at least ``first`` ("Bürgermeister|wahl", not
    "Aus|stand")."""
    if word in table:
        return word
    for start in range(first, max(first, len(word) - 3)):
        if word[start:] in table:
            return word[start:]
    return None


@lru_cache(maxsize=100_000)
def event_rate(head: str) -> float:
    events = noun_tables()[0]
    found = _suffix_lookup(T.stem(_last(head)), events)
    return events[found] if found else 0.0


@lru_cache(maxsize=100_000)
def is_person(head: str) -> bool:
    """A noun that names a person: "Präsident", "Regierungschefin", "Verdächtigen", "Männer"."""
    persons = noun_tables()[1]
    last = _last(head)
    forms = [last]
    for ending in ("innen", "in", "en", "n", "s"):
        if last.endswith(ending):
            forms.append(last[: -len(ending)])
    return any(form and _suffix_lookup(form, persons, 3) for form in forms)


def _noun_shape(token: str) -> bool:
    """A noun by its ending ("Regierungsbildung") or a known person noun."""
    last = _last(token)
    return last.endswith(_NOUN_SUFFIXES) or last in noun_tables()[1]


# --------------------------------------------------------------------------- scanning


@dataclass(slots=True)
class ArticleScan:
    """What one article's title, lead and first sentences hold for a heading."""

    caps: Counter  # capitalised words and how often
    title: frozenset  # those in the title
    lead: frozenset  # those in the lead
    starts: Counter  # at the start of a sentence or clause
    common: Counter  # after an article, contraction or number ("der Anschlag")
    adjective: Counter  # after a lower-case adjective ("der ermordete Lübcke")
    pairs: Counter  # (word, particles, word) of two capitalised words in a row
    phrases: list  # (key, head, kind, weight, words) of "<noun> <preposition> <what>"


def _region(article: Article) -> tuple[str, int, int]:
    """The text a heading is read from: the title (unless it is the first sentence), the lead
    and the first sentences after it; and where the title and the lead end."""
    paragraphs = article.paragraphs
    first = paragraphs[0] if paragraphs else ""
    title = article.title if article.title and not first.startswith(article.title[:60]) else ""
    sentences: list[str] = []
    for paragraph in paragraphs:
        sentences += _SENTENCE_END.split(paragraph)
        if len(sentences) >= MAX_SENTENCES:
            break
    lead = " ".join(sentences[:LEAD_SENTENCES])
    body = " ".join(sentences[LEAD_SENTENCES:MAX_SENTENCES])
    return f"{title}\n{lead}\n{body}", len(title), len(title) + 1 + len(lead)


def scan_article(article: Article) -> ArticleScan:
    text, title_end, lead_end = _region(article)

    def weight(at: int) -> int:
        return TITLE if at < title_end else LEAD if at < lead_end else BODY

    stop = german_stop_words()
    phrases = []
    # the complement (a lookahead) may head the next phrase: "Anschlag auf die Synagoge in
    # Halle" gives "Synagoge in Halle" too
    for match in _PHRASE.finditer(text):
        found = _of_phrase(match, stop)
        if found:
            phrases.append((*found, weight(match.start())))
    title = frozenset(_CAPS.findall(text, 0, title_end)) if title_end else frozenset()
    lead = frozenset(_CAPS.findall(text, title_end, lead_end))
    pairs: Counter = Counter()
    for run in _RUNS.findall(text):
        _note_pairs(run.split(), pairs)
    # "Trumps Grönland-Idee": a name in the genitive right before a noun
    for (owner, chain, head), count in pairs.items():
        if (
            not chain
            and owner.endswith(("s", "'", "’"))
            and len(owner) > 3
            and owner.casefold() not in stop
            and not _is_time(head)
        ):
            base = owner.rstrip("'’")
            base = base[:-1] if owner.endswith("s") else base
            key = ("owner", _stems(base), _stems(head))
            place = TITLE if head in title else LEAD if head in lead else BODY
            phrases.append((key, head, "owner", (owner, head), place))
    return ArticleScan(
        caps=Counter(_CAPS.findall(text)),
        title=title,
        lead=lead,
        starts=Counter(_STARTS.findall(text)),
        common=Counter(_AFTER_ARTICLE.findall(text)),
        adjective=Counter(_AFTER_ADJECTIVE.findall(text)),
        pairs=pairs,
        phrases=phrases,
    )


def _note_pairs(tokens: list[str], pairs: Counter) -> None:
    """(word, particles, word) of each two capitalised words in a row: ("Evo", "", "Morales"),
    ("Ursula", "von der", "Leyen")."""
    previous = tokens[0]
    chain: list[str] = []
    for token in tokens[1:]:
        if _is_cap(token):
            pairs[(previous, " ".join(chain), token)] += 1
            previous = token
            chain = []
        else:
            chain.append(token)


def _of_phrase(match: re.Match, stop) -> tuple | None:
    """(key, head, kind, words) of a "<noun> <preposition> <what>" match, or None."""
    head, preposition, article, adjectives, complement, following = match.groups()
    if head.casefold() in stop or len(head) < 3 or _is_time(head):
        return None
    comp_words = complement.split()
    if any(_is_time(t) for t in comp_words):
        return None
    # "von Horst Seehofers sogenanntem Masterplan": a genitive that owns what follows
    following = (following or "").strip()
    if comp_words[-1].endswith(("s", "'", "’")) and following and (
        _is_adjective(following) or _is_cap(following)
    ):
        return None
    prep = _PREPOSITIONS.get(preposition.casefold())
    if not prep and article:
        return None  # "der die ..." is no genitive
    comp_stems = tuple(  # what it is of: its capitalised words (adjectives say how)
        s
        for t in comp_words
        if _is_cap(t) and t.casefold() not in stop
        for s in _stems(t)
    )
    if not comp_stems:
        return None
    words = (head, preposition, *([article] if article else []), *adjectives.split(), *comp_words)
    return ("of", _stems(head), prep or "gen", comp_stems), head, "prep" if prep else "gen", words


@dataclass(slots=True)
class WordStats:
    count: int  # uses
    mid: int  # inside a sentence
    common: int  # after an article or number
    adjective: int  # after an adjective
    attributive: int  # right before another capitalised word


class Phrase:
    """A candidate: a noun, or a noun and what it is of, with where and how it is written."""

    __slots__ = ("key", "head", "kind", "articles", "surfaces")

    def __init__(self, key: tuple, head: str, kind: str) -> None:
        self.key = key
        self.head = head
        self.kind = kind  # alone, prep, gen, owner
        self.articles: dict[int, int] = {}  # article -> best place weight
        self.surfaces: dict[str, int] = {}  # as written -> uses

    def surface(self) -> str:
        """The way the articles write it most often (on a tie the first seen)."""
        return max(self.surfaces, key=self.surfaces.__getitem__)


class Group:
    """A story's articles as a heading reads them: how each word is used and where."""

    def __init__(self, scans: list[ArticleScan]) -> None:
        self.scans = scans
        self.n = len(scans)
        self.df: Counter = Counter()  # capitalised word -> articles holding it
        for scan in scans:
            self.df.update(scan.caps.keys())
        self._stats: dict[str, WordStats] | None = None
        self._counts: tuple = ()
        self._use: dict[str, dict[int, int]] | None = None
        self._left: dict[str, Counter] | None = None
        self._right: dict[str, Counter] | None = None

    def stems(self) -> set[str]:
        stop = german_stop_words()
        return {
            s for w in self.df if len(w) > 2 and w.casefold() not in stop for s in _stems(w)
        }

    def stats(self, word: str) -> WordStats:
        if self._stats is None:
            count: Counter = Counter()
            starts: Counter = Counter()
            common: Counter = Counter()
            adjective: Counter = Counter()
            attributive: Counter = Counter()
            for scan in self.scans:
                count.update(scan.caps)
                starts.update(scan.starts)
                common.update(scan.common)
                adjective.update(scan.adjective)
                for (first, chain, _), k in scan.pairs.items():
                    if not chain:
                        attributive[first] += k
            self._counts = (count, starts, common, adjective, attributive)
            self._stats = {}
        found = self._stats.get(word)
        if found is None:
            count, starts, common, adjective, attributive = self._counts
            k = count.get(word, 0)
            found = self._stats[word] = WordStats(
                k, max(0, k - starts.get(word, 0)), common.get(word, 0),
                adjective.get(word, 0), attributive.get(word, 0),
            )
        return found

    def weight(self, number: int, word: str) -> int:
        scan = self.scans[number]
        if word not in scan.caps:
            return 0
        return TITLE if word in scan.title else LEAD if word in scan.lead else BODY

    def stem_use(self, stem: str) -> tuple[float, int]:
        """(place-weighted share, number of articles) of the articles that use the stem."""
        if self._use is None:
            self._use = defaultdict(dict)
            for number, scan in enumerate(self.scans):
                for word in scan.caps:
                    place = TITLE if word in scan.title else LEAD if word in scan.lead else BODY
                    for s in _stems(word):
                        where = self._use[s]
                        if where.get(number, 0) < place:
                            where[number] = place
        where = self._use.get(stem)
        if not where:
            return 0.0, 0
        return sum(where.values()) / (TITLE * self.n), len(where)

    def right(self, word: str) -> Counter:
        """(particles, word) right after ``word``: ("", "Morales") of Evo."""
        if self._right is None:
            self._right = defaultdict(Counter)
            for scan in self.scans:
                for (first, chain, second), k in scan.pairs.items():
                    self._right[first][(chain, second)] += k
        return self._right.get(word, Counter())

    def left(self, word: str) -> Counter:
        """The words right before ``word`` that may be part of its name: ("Evo",) of
        Morales, ("von", "der") and ("Ursula", "von", "der") of Leyen."""
        if self._left is None:
            stop = german_stop_words()
            self._left = defaultdict(Counter)
            for scan in self.scans:
                for (first, chain, second), k in scan.pairs.items():
                    if chain:
                        parts = tuple(chain.split())
                        self._left[second][parts] += k
                        if first.casefold() not in stop:
                            self._left[second][(first, *parts)] += k
                    elif first.casefold() not in stop:
                        self._left[second][(first,)] += k
        return self._left.get(word, Counter())

    def phrases(self) -> dict[tuple, Phrase]:
        """Every noun several articles use (by stems) and every noun phrase."""
        found: dict[tuple, Phrase] = {}
        stop = german_stop_words()
        shared = 2 if self.n > 1 else 1
        # nouns by their stems ("Anschlag", "Anschlags"); those whose stems several articles
        # use ("Hochwasser" beside "Donau-Hochwasser")
        by_key: dict[str, tuple] = {}
        stem_df: Counter = Counter()
        for word, df in self.df.items():
            if len(word) > 2 and word.casefold() not in stop and not _is_time(word):
                key = by_key[word] = _stems(word)
                for s in key:
                    stem_df[s] += df
        wanted = {w for w, key in by_key.items() if all(stem_df[s] >= shared for s in key)}
        for number, scan in enumerate(self.scans):
            caps = scan.caps
            for word in caps.keys() & wanted:
                weight = TITLE if word in scan.title else LEAD if word in scan.lead else BODY
                _add(found, ("alone", by_key[word]), word, "alone", number, weight, word,
                     caps[word])
            for key, head, kind, words, weight in scan.phrases:
                _add(found, key, head, kind, number, weight, " ".join(words), 1)
        return found


def _add(found: dict, key: tuple, head: str, kind: str, number: int, weight: int,
         surface: str, count: int) -> None:
    phrase = found.get(key)
    if phrase is None:
        phrase = found[key] = Phrase(key, head, kind)
    if phrase.articles.get(number, 0) < weight:
        phrase.articles[number] = weight
    phrase.surfaces[surface] = phrase.surfaces.get(surface, 0) + count


@dataclass
class Context:
    """The folder's groups: in how many each stem occurs (c-TF-IDF)."""

    groups: int
    group_df: Counter

    def idf(self, s: str) -> float:
        """Class-based IDF over the groups and BACKGROUND groups of common news words."""
        rate = prior_rates().get(s, 0.0)
        return math.log(
            1 + (self.groups + BACKGROUND) / (self.group_df.get(s, 0) + BACKGROUND * rate + 1)
        )


def build_context(groups: Sequence[Sequence[Article]]) -> tuple[Context, list[Group]]:
    df: Counter = Counter()
    views = []
    for group in groups:
        view = Group([scan_article(a) for a in group[:MAX_ARTICLES]])
        views.append(view)
        df.update(view.stems())
    return Context(len(groups), df), views


# --------------------------------------------------------------------------- names and nouns


def _is_common(group: Group, token: str) -> bool:
    """A common noun: used after an article or adjective, or shaped like one."""
    stats = group.stats(token)
    if stats.mid and stats.common + 0.5 * stats.adjective >= COMMON_SHARE * stats.mid:
        return True
    return _noun_shape(token)


def _plain_name(group: Group, token: str) -> bool:
    """A word (nearly) never written after an article, and no common noun: a name."""
    stats = group.stats(token)
    return stats.count > 0 and stats.common <= 0.1 * stats.count and not _is_common(group, token)


def _name_run(group: Group, token: str) -> str:
    """The name as written in full: "Evo Morales" for "Morales", "El Paso" for "Paso",
    "Ursula von der Leyen" for "Leyen" or "Ursula": words next to it that (nearly) always
    come with it, or that (nearly) never come without it (a first name)."""
    stop = german_stop_words()
    name = [_base_name(group, token)]
    current = token
    for _ in range(3):
        count = group.stats(current).count
        extended = None
        left = group.left(current)
        for prefix, k in sorted(left.items(), key=lambda pk: (-len(pk[0]), pk)):
            first = prefix[0]
            if _is_cap(first) and len(prefix) > 1 and k >= NAME_WITH * count:
                extended = prefix  # "Tour de" France, "Ursula von der" Leyen
                break
            if _is_cap(first):
                stats = group.stats(first)
                if first.casefold() in stop or not stats.mid or _is_common(group, first):
                    continue
                if k >= NAME_WITH * count or (k >= 2 and k >= FIRST_NAME * stats.count):
                    extended = prefix
                    break
            elif k >= NAME_WITH * count:
                extended = prefix
                break
        if not extended:
            break
        name = [*extended, *name]
        current = extended[0]
        if not _is_cap(current):
            break
    # "Ursula" is (nearly) always followed by "von der Leyen"
    current = token
    for _ in range(3):
        count = group.stats(current).count
        after = group.right(current)
        if not after:
            break
        (chain, following), k = max(after.items(), key=lambda ck: (ck[1], ck[0]))
        if k < NAME_WITH * count or _is_common(group, following):
            break
        name += [*chain.split(), _base_name(group, following)]
        current = following
    return " ".join(name)


def _base_name(group: Group, word: str) -> str:
    """A name without its genitive s when the articles write it without ("Kaschmirs")."""
    if word.endswith("s") and group.df.get(word[:-1]):
        return word[:-1]
    return word


def _base_form(form: str, group: Group) -> str:
    """A noun without its genitive or dative-plural ending when the articles also write the
    shorter form: "Absturzes" -> "Absturz", "Massakern" -> "Massaker"."""
    for ending in ("es", "s", "n"):
        shorter = form[: -len(ending)]
        if form.endswith(ending) and group.df.get(shorter) and _stems(shorter) == _stems(form):
            return shorter
    # a genitive the articles write only so ("des Paris-Anschlages")
    if form.endswith("es") and len(form) > 5 and form[-3] not in "aeiouäöüs":
        if _stems(form[:-2]) == _stems(form):
            return form[:-2]
    # a dative plural of a noun in -er/-el ("nach den Massakern"): the plural without the n
    if form.endswith(("ern", "eln")) and _stems(form[:-1]) == _stems(form):
        return form[:-1]
    return form


def _without_apposition(group: Group, words: list[str]) -> list[str]:
    """ "Rücktritt von Regierungschefin Carrie Lam" -> "Rücktritt von Carrie Lam": a person's
    title before the name goes (with its article and adjectives); the name stays as written."""
    first_cap = next((k for k in range(2, len(words)) if _is_cap(words[k])), None)
    if first_cap is None:
        return words
    caps = words[first_cap:]
    # the title ends with a person noun: "Regierungschefin", "Kasseler Regierungspräsidenten"
    title_end = max((k + 1 for k, t in enumerate(caps[:-1]) if is_person(t)), default=0)
    name = caps[title_end:]
    if not title_end or not all(_plain_name(group, t) for t in name if _is_cap(t)):
        return words
    preposition = _BARE_PREPOSITION.get(words[1].casefold(), words[1])
    return [words[0], preposition, *name]


def _joined_as_written(group: Group, words: list[str]) -> bool:
    """A noun right before a name belongs to it ("des Reiseveranstalters Thomas Cook",
    "Trainer Niko Kovac") when it names a person or the articles write the two together
    more than once; else the name starts the next clause ("im Amazonas-Gebiet Bolsonaro")."""
    for a, b in zip(words[1:], words[2:]):
        if _is_cap(a) and _is_cap(b) and _is_common(group, a) and _plain_name(group, b):
            if not is_person(a) and group.left(b).get((a,), 0) < 2:
                return False
    return True


def display(group: Group, phrase: Phrase) -> list[str]:
    """The phrase as a heading writes it (the noun in its base form, no person's title)."""
    words = phrase.surface().split(" ")
    if phrase.kind in ("prep", "gen"):
        words[0] = _base_form(words[0], group)
    if phrase.kind == "prep":
        words = _without_apposition(group, words)
    return words


# --------------------------------------------------------------------------- scoring


@dataclass
class Candidate:
    score: float
    text: str
    kind: str  # noun, name, phrase
    articles: int


def candidates(group: Group, ctx: Context) -> list[Candidate]:
    """Every candidate heading of the group, best first."""
    n = group.n
    shared = 2 if n > 1 else 1

    def cw(s: str) -> float:
        return group.stem_use(s)[0] * ctx.idf(s)

    def att(articles: dict[int, int]) -> float:
        return min(1.0, sum(articles.values()) / (LEAD * max(2.0, n / 3))) ** ATTEST

    def spread(stems) -> bool:
        return all(group.stem_use(s)[1] >= shared for s in stems)

    def ranked_sum(stems) -> float:
        """The best word's weight and REST of the others' ("Landtagswahl in Thüringen",
        "Champions-League-Spiel": one thing, not three); no letters or numbers alone."""
        ranked = sorted((cw(s) for s in set(stems) if len(s) > 2 and not s.isdigit()),
                        reverse=True)
        return sum(ranked[:1]) + REST * sum(ranked[1:])

    def named(words) -> bool:
        return any(_plain_name(group, part) for w in words for part in _SPLIT.split(w) if part)

    phrases = group.phrases()
    out: list[Candidate] = []
    heads: dict[tuple, tuple[float, float]] = {}
    names = []
    for phrase in phrases.values():
        if phrase.kind != "alone" or not spread(phrase.key[1]):
            continue
        stats = group.stats(phrase.head)
        if not stats.mid or stats.attributive > ATTRIBUTIVE * stats.count:
            continue  # "Andererseits" (a sentence start), "Kasseler" (before a noun)
        stems = phrase.key[1]
        if not _is_common(group, phrase.head):
            # the parts of one name ("Kramp-Karrenbauer") say one thing
            score = NAME * max((cw(s) for s in stems), default=0.0) * att(phrase.articles)
            names.append((score, phrase))
            continue
        if is_person(phrase.head):
            continue  # a role is no heading ("CDU-Politiker")
        rate = event_rate(phrase.head)
        weight = EVENT_FLOOR + (1 - EVENT_FLOOR) * min(1.0, rate / EVENT_FULL)
        head_cw = ranked_sum(stems)
        heads[stems] = (head_cw, weight)
        text = _base_form(phrase.surface(), group)
        score = head_cw * weight * att(phrase.articles) * (1.0 if named([text]) else BARE)
        out.append(Candidate(score, text, "noun", len(phrase.articles)))


    # the event and what it is of: "Landtagswahl in Thüringen", "Pleite von Thomas Cook"
    members = []
    for phrase in phrases.values():
        if phrase.kind == "alone":
            continue
        head_key = phrase.key[2] if phrase.kind == "owner" else phrase.key[1]
        comp_stems = phrase.key[1] if phrase.kind == "owner" else phrase.key[3]
        if head_key not in heads or not spread(comp_stems):
            continue
        words = display(group, phrase)
        if phrase.kind == "owner":
            owner = words[0].rstrip("'’")
            base = owner[:-1] if owner.endswith("s") else owner
            if not group.df.get(base) or _is_common(group, base):
                continue  # "Thomas Cook" is no genitive of "Thoma"
        elif is_person(words[0]):
            continue  # "Verdächtigen" shares its stem with "Verdacht"
        if not _joined_as_written(group, words):
            continue
        head_cw, weight = heads[head_key]
        raw = (head_cw + ranked_sum(comp_stems)) * weight * _long(words)
        raw *= 1.0 if named(words) else BARE
        anchor = max(comp_stems, key=lambda s: (cw(s), s))
        members.append((raw, " ".join(words), phrase, head_key[-1], anchor))
    # one event phrase written in several ways ("Brände im Amazonas-Gebiet", "Waldbrände im
    # Amazonasgebiet") counts the articles of all of them
    heads_last = {key[-1] for key in heads}
    anchors = {m[4] for m in members}
    families: dict[tuple[str, str], list] = defaultdict(list)
    for member in members:
        last, anchor = member[3], member[4]
        head_family = min((h for h in heads_last if last.endswith(h) and len(h) >= 4),
                          key=lambda h: (len(h), h), default=last)
        anchor_family = min((a for a in anchors if anchor.startswith(a) and len(a) >= 4),
                            key=lambda a: (len(a), a), default=anchor)
        families[(head_family, anchor_family)].append(member)
    for family in families.values():
        articles: dict[int, int] = {}
        for _, _, phrase, _, _ in family:
            for number, weight in phrase.articles.items():
                articles[number] = max(weight, articles.get(number, 0))
        _, text, _, _, _ = max(family, key=lambda m: (m[0] * att(m[2].articles), m[1]))
        best_raw = max(m[0] for m in family)
        out.append(Candidate(best_raw * att(articles), text, "phrase", len(articles)))
    # names last: their full form is looked up only for the best
    names.sort(key=lambda sp: -sp[0])
    for score, phrase in names[:3]:
        out.append(Candidate(score, _name_run(group, phrase.head), "name", len(phrase.articles)))
    out.sort(key=lambda c: (-c.score, c.text))
    seen: set[str] = set()
    return [c for c in out if not (c.text in seen or seen.add(c.text))]


def _long(words: list[str]) -> float:
    return 0.8 ** max(0, len(words) - LONG)


def heading(group: Group, ctx: Context, articles: Sequence[Article]) -> str:
    found = candidates(group, ctx)
    return found[0].text if found else articles[0].title


def compose_headings(groups: Sequence[Sequence[Article]]) -> list[str]:
    """A heading for each group of articles, the groups' words weighed against each other."""
    ctx, views = build_context(groups)
    debug = int(_ENV.get("DEBUG", 0))
    if debug:
        for group, view in zip(groups, views):
            print(f"   [{len(group)}] " + " || ".join(a.title[:40] for a in group[:3]))
            for c in candidates(view, ctx)[:debug]:
                print(f"      {c.score:6.2f} {c.articles:2} {c.kind:6} {c.text!r}")
    return [heading(v, ctx, g) for v, g in zip(views, groups)]


# --------------------------------------------------------------------------- lexicon data

EVENT_MIN_COUNT = 8
PERSON_MIN_COUNT = 10
FEMININE_MIN_COUNT = 3
_TOKEN = re.compile(r"[A-ZÄÖÜ]\.(?!\w)|\w+(?:[-'’.]\w+)*[’']?|[^\w\s]")
_OPENERS = frozenset({".", "!", "?", ":", "–", "-", "„", '"', "«", "»", "“", "(", ";"})


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
        and sum(lower[word[:-1] + e] >= 1 for e in ("e", "en", "er", "es", "em")) >= 3
        and surfaces[word + "r"] >= 2  # "ein Verdächtiger" (no "Finaler")
        and surfaces[word[:-1]] < 2  # no plural of a noun ("Besuche")
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
    # people with no feminine form of their own ("Mann", "Frau", "Kind")
    rows += [f"{word}\tperson\t0\t{surfaces[word]}" for word in _PEOPLE]
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
    ctx, views = build_context(multi)
    for s in scores.per_story:
        print(f"  {'ok ' if s.heading_hit else 'MISS'} {s.id:40} {s.heading!r}")
        if show:
            story = next(x for x in labels["stories"] if x["id"] == s.id)
            members = [str(m) for m in story["members"]]
            main = Counter(topic_of[m] for m in members).most_common(1)[0][0]
            for c in candidates(views[main], ctx)[:show]:
                print(f"        {c.score:6.2f} {c.articles:2} {c.kind:6} {c.text!r}")


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
