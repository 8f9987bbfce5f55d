"""A heading's building blocks: capitalised words and compounds, and what their forms show.

Takes words as the articles write them; gives their stem keys (``candidate_key``) and the
record a scan fills for each (``Candidate``: where it stands, how it is inflected, which
words come before it), from which ``compose`` tells names from common nouns.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import lru_cache

from briefing.lexicon import (
    DETERMINERS,
    LOCATIVE_PREPOSITIONS,
    german_stop_words,
)
from briefing.text.stems import german_stem

# The words around a candidate that tell a name from a common noun (briefing/lexicon/
# function_words.txt): before a common noun, seldom before a name, come articles and
# determiners ("der", "im", "keine"); spelled-out quantities ("mehrere Stunden"); a word after
# a preposition is no subject ("in Passau"), and a noun between one and a genitive article is a
# common noun ("nach Angaben der Polizei"); prepositions of place say where ("im
# Westjordanland"); possessives ("für ihr Schutzgesuch") own.
WHERE = LOCATIVE_PREPOSITIONS
BEFORE_A_TITLE = DETERMINERS | WHERE  # "der Provinz Sirnak", "in Provinz Sirnak"
GENITIVE_ARTICLES = frozenset({"des", "der", "eines", "einer"})
# A place is named with these in a heading: "Waldbrand bei Jüterbog" (nahe reads as bei).
PLACE_PREPOSITIONS = {"in": "in", "bei": "bei", "nahe": "bei"}

# Words before a name taken into its full form at most ("Luiz Inácio" stays out of "Lula da").
NAME_CHAIN = 2

ADJECTIVE_ENDINGS = ("e", "en", "es", "em")

# Endings of adjectives written with a capital inside a name ("Statistische", "Deutschen")
CAPITAL_ADJECTIVES = tuple(
    stem + ending
    for stem in ("isch", "sch", "lich", "ig", "al", "en", "er")
    for ending in ADJECTIVE_ENDINGS
)
# Endings of German common nouns, never of a name that could lead a heading in the genitive
NOUN_SUFFIXES = (
    "ung",
    "heit",
    "keit",
    "schaft",
    "tion",
    "tät",
    "ismus",
    "nis",
    "tum",
    "ling",
    "ist",
    "ment",
)


class Tally(dict):
    """Counts by key, as a Counter counts (a missing key counts 0 and is not stored).

    A Counter is slow to create (its ``__init__`` runs in Python), and a run makes six for
    each of some 175,000 candidates: a quarter of the headings' time on 11,700 articles.
    """

    __slots__ = ()

    def __missing__(self, key: str) -> int:
        return 0


class Candidate:
    """A capitalised word or compound as written in the articles, with where it occurs."""

    __slots__ = (
        "after_article",
        "after_des",
        "after_preposition",
        "apposition",
        "article_words",
        "articles",
        "before_name",
        "count",
        "forms",
        "inflected",
        "leads",
        "mid",
        "mid_articles",
        "org_heads",
        "owned",
        "particle",
        "placed",
        "places",
        "plain_apposition",
        "prefix_chains",
        "prefixes",
        "s_form_articles",
        "sentences",
        "subject_articles",
        "titles",
    )

    def __init__(self) -> None:
        self.forms: Tally = Tally()
        self.inflected: set[str] = set()  # forms with a genitive s ("Putins")
        self.articles: set[int] = set()
        self.titles: set[int] = set()
        self.leads: set[int] = set()
        self.after_article = 0  # occurrences as a common noun: "der", "betroffene", "nach ... der"
        self.article_words: Tally = Tally()  # "die" GDL, "der" DGB
        self.prefixes: Tally = Tally()  # right before: "New" Horizons, "ter" Stegen
        # (plain dicts, not Counters: tens of thousands of candidates are made per run)
        # the words right before it that may belong to the name: ("Lula", "da") of Silva
        self.prefix_chains: dict[tuple[str, ...], int] = {}
        # nouns the text says it owns, by the form that says so: ("Putins", "besuch") from
        # "Putins erster Besuch" or "Besuch Putins", ("", "knieverletzung") from "die
        # Knieverletzung von ter Stegen"
        self.owned: set[tuple[str, str]] = set()
        self.org_heads: set[str] = set()  # nouns right before "der"/"des" it: "streik"
        self.after_des: Tally = Tally()  # forms after "des": "Rechtsausschusses"
        self.after_preposition = 0  # after WHERE: "im Westjordanland" names where, not what
        self.apposition: Tally = Tally()  # "Landeroboter Philae": Philae
        self.plain_apposition: set[str] = set()  # the same, not after "Chef der"
        self.count = 0
        self.mid = 0  # occurrences inside a sentence (a capital there is not just position)
        self.mid_articles: set[int] = set()  # articles with such an occurrence
        self.before_name = 0  # occurrences right before another capitalised word (Angela Merkel)
        self.particle = 0  # occurrences after a name particle ("ter Stegen", "van der Bellen")
        self.subject_articles: set[int] = set()  # articles where it stands bare, as a subject
        self.s_form_articles: dict[str, set[int]] = defaultdict(set)  # "Putins": articles
        self.placed: set[tuple[str, ...]] = set()  # keys of nouns said to be "in"/"bei" it
        self.places: Tally = Tally()  # "in", "bei" right before it ("bei Jüterbog")
        self.sentences: set[tuple[int, str, int]] = set()  # (article, part, sentence)

    @property
    def genitive_articles(self) -> set[int]:
        """Articles that write the name with a genitive s beside its bare form ("Putins")."""
        return {
            number
            for form, numbers in self.s_form_articles.items()
            if form[:-1] in self.forms
            for number in numbers
        }

    @property
    def name_form(self) -> str:
        """The name as written in full: "New Horizons", "ter Stegen", "Lula da Silva" when
        (nearly) always written so."""
        return " ".join((*self.name_prefix, self.form))

    @property
    def name_prefix(self) -> tuple[str, ...]:
        """The words before the name that (nearly) always come with it, word by word back."""
        prefix: tuple[str, ...] = ()
        while len(prefix) < NAME_CHAIN:
            longer: Counter[tuple[str, ...]] = Counter()
            for chain, count in self.prefix_chains.items():
                if len(chain) > len(prefix) and chain[len(chain) - len(prefix):] == prefix:
                    longer[chain[len(chain) - len(prefix) - 1 :]] += count
            if not longer:
                break
            best, count = min(longer.items(), key=lambda pc: (-pc[1], pc[0]))
            # the word right before: nearly always; one more ("Lula" da Silva): mostly
            if count < 2 or count < (0.75 if prefix else 0.8) * self.count:
                break
            prefix = best
        return prefix

    @property
    def form(self) -> str:
        # the most frequent base spelling; on a tie the hyphenated one (easier to read), then A-Z
        forms = [f for f in self.forms if f not in self.inflected] or list(self.forms)
        # a genitive ("Nordkorea-Besuchs", "Fußball-Bundes") gives way to its base form
        base = [f for f in forms if not genitive_of(f, self.forms)] or forms
        form = min(base, key=lambda f: (-self.forms[f], -f.count("-"), f))
        if self.after_des[form] == self.forms[form]:  # only "des Bundestags-Rechtsausschusses"
            return nominative(form)
        return form


def nominative(form: str) -> str:
    """The base of a noun seen only in the genitive: "Rechtsausschusses" -> "Rechtsausschuss"."""
    if form.endswith("es") and len(form) > 5 and form[-3] not in "aeiouäöü":
        return form[:-2]  # des Ausschusses, des Verbandes, des Hauses
    if form.endswith("s") and form[-2:-1] not in ("s", "ß", "x", "z"):
        return form[:-1]  # des Bundestags, des Gazastreifens
    return form


def genitive_of(form: str, forms: Counter[str]) -> bool:
    return (form.endswith("s") and form[:-1] in forms) or (
        form.endswith("es") and form[:-2] in forms
    )


def part_stems(word: str) -> tuple[str, ...]:
    return tuple(german_stem(p.casefold()) for p in word.split("-") if p)


@lru_cache(maxsize=100_000)
def candidate_key(word: str) -> tuple[tuple[str, ...], bool] | None:
    """The stems key of a capitalised word and whether it was inflected; None for others."""
    capital = (word[0].isupper() and not word.isupper()) or (word.isupper() and len(word) <= 5)
    if not capital or len(word) < 3 or word.casefold() in german_stop_words():
        return None
    stems = part_stems(word)
    key = fold_key(stems)
    return key, key != stems


def is_adjective(word: str) -> bool:
    """An inflected adjective before a noun ("betroffene Haushalte", "neue Aufnahmen").

    Lower case, or capitalised at a sentence start; a past-tense verb ("sagte Putin") ends in
    -te/-ten like few adjectives, so those are left out.
    """
    folded = word.casefold()
    return (
        len(folded) > 3
        and folded.endswith(ADJECTIVE_ENDINGS)
        and not folded.endswith(("te", "ten"))
        and folded not in german_stop_words()
    )


@lru_cache(maxsize=100_000)
def head_stem(word: str) -> str:
    """The folded stem of a word's last part: "besuch" of "Nordkorea-Besuch"."""
    stems = fold_key(part_stems(word))
    return stems[-1] if stems else ""


def fold_key(parts: tuple[str, ...]) -> tuple[str, ...]:
    # genitive s of names: "Putins" and "Putin" are one candidate
    return tuple(p[:-1] if p.endswith("s") and len(p) > 4 else p for p in parts)
