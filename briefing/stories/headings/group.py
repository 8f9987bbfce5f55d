"""A story's articles as a heading reads them, and the folder's weights of words (c-TF-IDF).

``Group`` adds up the articles' scans lazily: how each capitalised word is used (after an
article, inside a sentence, before another capitalised word), where each stem stands (title,
lead, body) and in how many articles, which words stand next to a name. ``Context`` holds in
how many of the folder's groups each stem occurs, so that a word every story uses
("Regierung") weighs less than one only this story uses ("Thüringen").
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass

from briefing import lexicon
from briefing.stories.headings.scan import TITLE, ArticleScan, is_time, stems

# The common words of German news count as if they stood in this many groups of one
# article each, at their usual rates: in a small folder "Training" or "Stand" must not look
# as rare as "Thüringen" (lexicon.news_stem_rates).
BACKGROUND = 5000
# A lone article's word weighs fully when the article uses it this often.
LONE_REPEATS = 3


@dataclass(slots=True)
class WordStats:
    count: int  # uses
    mid: int  # inside a sentence (not capitalised for its place alone)
    common: int  # after an article or a number
    adjective: int  # after an adjective
    attributive: int  # right before another capitalised word


class Phrase:
    """A noun of the group, or a noun and what it is of, with where and how it is written."""

    __slots__ = ("articles", "head", "key", "kind", "surfaces")

    def __init__(self, key: tuple, head: str, kind: str) -> None:
        self.key = key
        self.head = head
        self.kind = kind  # alone, prep, gen, owner
        self.articles: dict[int, int] = {}  # article -> best place weight
        self.surfaces: dict[str, int] = {}  # as written -> uses

    def surface(self) -> str:
        """The way the articles write it most often (on a tie the first in German order)."""
        return min(self.surfaces, key=lambda s: (-self.surfaces[s], s))

    def noun(self) -> str:
        """The noun it is or is of, as most often written ("Anschlag", not "Anschlags")."""
        return self.surface().split(" ")[0] if self.kind != "owner" else self.head

    def add(self, number: int, weight: int, surface: str, count: int = 1) -> None:
        if self.articles.get(number, 0) < weight:
            self.articles[number] = weight
        self.surfaces[surface] = self.surfaces.get(surface, 0) + count


class Group:
    """The scanned articles of one story."""

    def __init__(self, scans: list[ArticleScan], lone: bool = False) -> None:
        self.scans = scans
        self.n = len(scans)
        self.lone = lone  # a lone article's topic (not a story's first article read alone)
        self.df: Counter[str] = Counter()  # capitalised word -> articles that use it
        for scan in scans:
            self.df.update(scan.caps.keys())
        self._counts: tuple[Counter[str], ...] | None = None
        self._stats: dict[str, WordStats] = {}
        self._use: dict[str, dict[int, int]] | None = None
        self._uses: Counter[str] | None = None
        self._left: dict[str, Counter[tuple[str, ...]]] | None = None
        self._right: dict[str, Counter[tuple[str, str]]] | None = None

    def stats(self, word: str) -> WordStats:
        if self._counts is None:
            count: Counter[str] = Counter()
            starts: Counter[str] = Counter()
            common: Counter[str] = Counter()
            adjective: Counter[str] = Counter()
            attributive: Counter[str] = Counter()
            for scan in self.scans:
                count.update(scan.caps)
                starts.update(scan.starts)
                common.update(scan.common)
                if self.n > 1:  # (a lone article's headings were chosen without: headings_lone)
                    common.update(scan.counted)
                adjective.update(scan.adjective)
                for (first, chain, _), k in scan.pairs.items():
                    if first and not chain:
                        attributive[first] += k
            self._counts = (count, starts, common, adjective, attributive)
        found = self._stats.get(word)
        if found is None:
            count, starts, common, adjective, attributive = self._counts
            k = count.get(word, 0)
            found = self._stats[word] = WordStats(
                k,
                max(0, k - starts.get(word, 0)),
                common.get(word, 0),
                adjective.get(word, 0),
                attributive.get(word, 0),
            )
        return found

    def genitive_share(self, word: str) -> float:
        """The share of the word's uses after an article of the genitive ("des Telefonats")."""
        uses = sum(scan.genitive.get(word, 0) for scan in self.scans)
        return uses / max(1, self.stats(word).count)

    def joined(self, word: str) -> Counter[str]:
        """The words written after ``word`` and "und" ("Kaschmir" of "Jammu"), and how often."""
        found: Counter[str] = Counter()
        for scan in self.scans:
            for (first, second), k in scan.joined.items():
                if first == word:
                    found[second] += k
        return found

    def idiomatic(self, word: str) -> bool:
        """The articles write the noun only in set phrases a verb takes ("auf Eis legen")."""
        uses = sum(scan.idioms.get(word, 0) for scan in self.scans)
        return uses > 0 and uses >= self.stats(word).count

    def place_share(self, word: str) -> float:
        """The share of the word's uses right after "in", "aus" or "nach" ("in Genf")."""
        uses = sum(scan.placed.get(word, 0) for scan in self.scans)
        return uses / max(1, self.stats(word).count)

    def stem_use(self, stem: str) -> tuple[float, int]:
        """(share, articles): the place-weighted share of the articles that use the stem
        (1.0: in every title) and how many use it."""
        if self._use is None:
            self._use = defaultdict(dict)
            for number, scan in enumerate(self.scans):
                for word in scan.caps:
                    place = scan.place(word)
                    for s in stems(word):
                        where = self._use[s]
                        if where.get(number, 0) < place:
                            where[number] = place
        where = self._use.get(stem)
        if not where:
            return 0.0, 0
        if self.n == 1:  # one article: what it says again and again is what it is about
            uses = self._lone_uses().get(stem, 0)
            return sum(where.values()) / TITLE * min(1.0, uses / LONE_REPEATS), 1
        return sum(where.values()) / (TITLE * self.n), len(where)

    def _lone_uses(self) -> Counter[str]:
        """Stem -> uses of the capitalised words that have it, in a group of one article (each
        word counted once, however often its parts have the stem), counted once for all the
        stems asked instead of going over all the words for each."""
        if self._uses is None:
            self._uses = Counter()
            for word, k in self.scans[0].caps.items():
                for s in set(stems(word)):
                    self._uses[s] += k
        return self._uses

    def left(self, word: str) -> Counter[tuple[str, ...]]:
        """The words right before ``word`` that may belong to its name: ("Evo",) of
        Morales, ("von", "der") and ("Ursula", "von", "der") of Leyen."""
        if self._left is None:
            stop = lexicon.german_stop_words()
            self._left = defaultdict(Counter)
            for scan in self.scans:
                for (first, chain, second), k in scan.pairs.items():
                    if chain:
                        parts = tuple(chain.split())
                        if not first:  # every "von der Leyen", first name or not
                            self._left[second][parts] += k
                        elif first.casefold() not in stop:
                            self._left[second][(first, *parts)] += k
                    elif first.casefold() not in stop:
                        self._left[second][(first,)] += k
        return self._left.get(word, Counter())

    def right(self, word: str) -> Counter[tuple[str, str]]:
        """(particles, word) right after ``word``: ("", "Morales") of Evo."""
        if self._right is None:
            self._right = defaultdict(Counter)
            for scan in self.scans:
                for (first, chain, second), k in scan.pairs.items():
                    if first:
                        self._right[first][(chain, second)] += k
        return self._right.get(word, Counter())

    def phrases(self) -> dict[tuple, Phrase]:
        """Every noun whose stems several articles use (keyed by stems: "Anschlag" and
        "Anschlags" are one), and every noun phrase of the articles."""
        found: dict[tuple, Phrase] = {}
        stop = lexicon.german_stop_words()
        shared = 2 if self.n > 1 else 1
        by_key: dict[str, tuple[str, ...]] = {}
        stem_df: Counter[str] = Counter()
        for word, df in self.df.items():
            if len(word) > 2 and word.casefold() not in stop and not is_time(word):
                key = by_key[word] = stems(word)
                for s in key:
                    stem_df[s] += df
        # (the stems, not the word: "Hochwasser" beside "Donau-Hochwasser")
        wanted = {w for w, key in by_key.items() if all(stem_df[s] >= shared for s in key)}
        for number, scan in enumerate(self.scans):
            for word in [w for w in scan.caps if w in wanted]:  # (in the text's order)
                phrase = _phrase(found, ("alone", by_key[word]), word, "alone")
                phrase.add(number, scan.place(word), word, scan.caps[word])
            for key, head, kind, words, weight in scan.phrases:
                _phrase(found, key, head, kind).add(number, weight, " ".join(words))
        return found

    def group_stems(self) -> set[str]:
        stop = lexicon.german_stop_words()
        return {s for w in self.df if len(w) > 2 and w.casefold() not in stop for s in stems(w)}


def _phrase(found: dict[tuple, Phrase], key: tuple, head: str, kind: str) -> Phrase:
    phrase = found.get(key)
    if phrase is None:
        phrase = found[key] = Phrase(key, head, kind)
    return phrase


@dataclass
class Context:
    """The folder's groups: in how many of them each stem occurs."""

    groups: int
    group_df: Counter[str]

    def idf(self, stem: str) -> float:
        """Class-based IDF over the groups and BACKGROUND groups of common news words."""
        rate = lexicon.news_stem_rates().get(stem, 0.0)
        seen = self.group_df.get(stem, 0) + BACKGROUND * rate + 1
        return math.log(1 + (self.groups + BACKGROUND) / seen)

    def weight(self, group: Group, stem: str) -> float:
        """c-TF-IDF: the stem's place-weighted share of the group's articles times its IDF."""
        return group.stem_use(stem)[0] * self.idf(stem)


def context(stem_sets: list[set[str]]) -> Context:
    df: Counter[str] = Counter()
    for found in stem_sets:
        df.update(found)
    return Context(len(stem_sets), df)

