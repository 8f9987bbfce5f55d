"""Teaser-overlap selection: which words a teaser repeats, and the sentences that say most of them.

Takes an article's sentences; gives the ``count`` sentences whose words and word pairs a
teaser would most likely share, per word shown (``select_by_overlap``). Two small tree models
(``overlap_model.json``, trained by ``benchmarks/train_overlap.py`` on MLSUM articles and their
teasers) give each distinct word and word pair of the article its chance to be in the teaser,
from the article itself (how often and how early it comes, capitals) and from how often the
teasers of the training articles repeated the word (a shipped word list). A set of sentences
is worth the chances of the distinct words and pairs it holds over its length, an F1 of the
expected overlap: a word said twice counts once, so the picks do not repeat one another, and a
short sentence that says the same is worth more than a long one. A sentence that cannot
stand alone may come with the sentence it leans on (``partners``).
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations, pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

OVERLAP_PATH = Path(__file__).resolve().parent / "overlap_model.json"
OVERLAP_FORMAT = 1

WORD_FEATURES: tuple[str, ...] = (
    "rate",  # share of training articles with the word whose teaser has it too (shipped list)
    "log_df",  # log(1 + training articles with the word); 0 for a word not in the list
    "count",  # times in the article
    "share",  # times in the article / the article's words
    "sentence_share",  # share of the article's sentences that have it
    "first",  # index of the first sentence that has it
    "first_relative",  # that index / (sentences - 1)
    "capital",  # written with a capital inside a sentence somewhere (a noun or a name)
    "length",  # letters
    "digits",  # a number
)
PAIR_FEATURES: tuple[str, ...] = (
    "rate",  # share of training articles with the pair whose teaser has it (shipped list)
    "log_df",  # log(1 + training articles with the pair); 0 for a pair not in the list
    "rate_1", "rate_2",  # the two words' rates
    "log_df_1", "log_df_2",
    "count",  # times the pair is in the article
    "count_1", "count_2",  # times each word is
    "first", "first_relative",
    "capital_1", "capital_2",
    "length",  # letters of the shorter word
)

_TOKEN = re.compile(r"[^\W_]+")  # the words ROUGE counts: letters and digits, umlauts kept


def overlap_tokens(text: str) -> list[str]:
    """Lower-cased word tokens (letter and digit runs), the units a teaser's overlap counts."""
    return _TOKEN.findall(text.lower())  # not casefold(): that turns ß into ss


class Forest:
    """A sum of regression trees in flat arrays (scikit-learn's gradient boosting, exported)."""

    def __init__(self, trees: dict[str, Any]) -> None:
        import numpy as np

        self.feature = np.asarray(trees["feature"], dtype=np.intp)
        self.threshold = np.asarray(trees["threshold"], dtype=float)
        self.left = np.asarray(trees["left"], dtype=np.intp)
        self.right = np.asarray(trees["right"], dtype=np.intp)
        self.value = np.asarray(trees["value"], dtype=float)
        self.roots = np.asarray(trees["roots"], dtype=np.intp)
        self.depth = int(trees["depth"])
        self.baseline = float(trees["baseline"])

    def predict(self, table: np.ndarray) -> np.ndarray:
        """The raw sum of each row.

        Every row walks down every tree at once, one numpy step per level. The nodes of all
        trees share flat arrays and a leaf points to itself, so walking on stays on it; a row
        goes left when its feature is at most the node's threshold.
        """
        import numpy as np

        table = np.asarray(table, dtype=float)
        if not len(table):
            return np.zeros(0)
        # (a row's feature read from the flat table by one offset, every array read by take:
        # a quarter faster than indexing by rows and columns, the same nodes)
        rows, columns = table.shape
        flat = np.ascontiguousarray(table).ravel()
        offsets = (np.arange(rows) * columns)[:, None]
        node = np.broadcast_to(self.roots, (rows, len(self.roots)))
        for _ in range(self.depth):
            left = flat.take(offsets + self.feature.take(node)) <= self.threshold.take(node)
            node = np.where(left, self.left.take(node), self.right.take(node))
        return self.baseline + self.value.take(node).sum(axis=1)


class OverlapModel:
    """The two forests (words, word pairs), the word list and the selection's settings."""

    def __init__(self, spec: dict[str, Any]) -> None:
        if spec.get("format") != OVERLAP_FORMAT:
            raise ValueError(f"overlap model: unknown format {spec.get('format')!r}")
        if tuple(spec["word_features"]) != WORD_FEATURES or tuple(
            spec["pair_features"]
        ) != PAIR_FEATURES:
            raise ValueError("overlap model: the model was fit on other features")
        self.spec = spec
        self.words = Forest(spec["words"])
        self.pairs = Forest(spec["pairs"])
        self.lexicon = Lexicon.from_spec(spec["lexicon"])
        selection = spec["selection"]
        self.teaser_words = float(selection["teaser_words"])  # the length the F1 assumes
        self.pair_weight = float(selection["pair_weight"])
        self.candidates = int(selection["candidates"])


@dataclass(frozen=True)
class Lexicon:
    """How often the training teasers repeated a word (pair) of their article: [rate, articles]
    for the words and pairs ("word word") in enough articles; the priors stand for the rest.
    Kept as the file has them (read in a few milliseconds)."""

    words: dict[str, list[float]]
    pairs: dict[str, list[float]]
    word_prior: float
    pair_prior: float

    @classmethod
    def from_spec(cls, spec: dict[str, Any]) -> Lexicon:
        return cls(
            spec["words"], spec["pairs"], float(spec["word_prior"]), float(spec["pair_prior"])
        )


@lru_cache(maxsize=4)
def load_overlap_model(path: Path | None = None) -> OverlapModel:
    """The model shipped with the package (or the one at ``path``)."""
    with (path or OVERLAP_PATH).open(encoding="utf-8") as handle:
        return OverlapModel(json.load(handle))


def type_tables(
    sentences: Sequence[str],
    lexicon: Lexicon,
) -> tuple[list[list[str]], list[str], np.ndarray, list[tuple[str, str]], np.ndarray]:
    """The article's tokens per sentence, its distinct words and pairs, and their feature rows
    (``WORD_FEATURES``, ``PAIR_FEATURES``)."""
    import numpy as np

    tokens = [overlap_tokens(s) for s in sentences]
    n = len(sentences)
    capitals = {
        w.lower() for s in sentences for w in _TOKEN.findall(s)[1:] if w[:1].isupper()
    }
    count: Counter[str] = Counter(w for ts in tokens for w in ts)
    pair_count: Counter[tuple[str, str]] = Counter(p for ts in tokens for p in pairwise(ts))
    first: dict[str, int] = {}
    pair_first: dict[tuple[str, str], int] = {}
    in_sentences: Counter[str] = Counter()
    for i, ts in enumerate(tokens):
        for w in set(ts):
            in_sentences[w] += 1
            first.setdefault(w, i)
        for p in pairwise(ts):
            pair_first.setdefault(p, i)
    total = max(sum(count.values()), 1)
    last = max(n - 1, 1)

    def known(w: str) -> tuple[float, float]:
        rate, df = lexicon.words.get(w, (lexicon.word_prior, 0))
        return rate, math.log1p(df)

    word_list = list(count)
    word_rows = []
    for w in word_list:
        rate, log_df = known(w)
        word_rows.append([
            rate, log_df, count[w], count[w] / total, in_sentences[w] / n, first[w],
            first[w] / last, w in capitals, len(w), w.isdigit(),
        ])
    pair_list = list(pair_count)
    pair_rows = []
    for a, b in pair_list:
        (rate_a, df_a), (rate_b, df_b) = known(a), known(b)
        start = pair_first[a, b]
        rate, df = lexicon.pairs.get(f"{a} {b}", (lexicon.pair_prior, 0))
        pair_rows.append([
            rate, math.log1p(df), rate_a, rate_b, df_a, df_b, pair_count[a, b], count[a],
            count[b], start, start / last, a in capitals, b in capitals, min(len(a), len(b)),
        ])
    return (
        tokens,
        word_list,
        np.asarray(word_rows, dtype=float).reshape(len(word_list), len(WORD_FEATURES)),
        pair_list,
        np.asarray(pair_rows, dtype=float).reshape(len(pair_list), len(PAIR_FEATURES)),
    )


def _sigmoid(x: np.ndarray) -> np.ndarray:
    import numpy as np

    return 1.0 / (1.0 + np.exp(-np.clip(x, -50.0, 50.0)))


def overlap_values(
    sentences: Sequence[str], model: OverlapModel | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Per sentence: which distinct words and pairs it holds (0/1 matrices), their chances to
    be in the teaser, and the sentence's length in tokens."""
    import numpy as np

    model = model or load_overlap_model()
    tokens, word_list, word_rows, pair_list, pair_rows = type_tables(
        sentences, model.lexicon
    )
    word_index = {w: k for k, w in enumerate(word_list)}
    pair_index = {p: k for k, p in enumerate(pair_list)}
    has_word = np.zeros((len(sentences), len(word_list)))
    has_pair = np.zeros((len(sentences), len(pair_list)))
    for i, ts in enumerate(tokens):
        has_word[i, [word_index[w] for w in ts]] = 1.0
        has_pair[i, [pair_index[p] for p in pairwise(ts)]] = 1.0
    word_chance = _sigmoid(model.words.predict(word_rows))
    pair_chance = _sigmoid(model.pairs.predict(pair_rows))
    lengths = np.array([len(ts) for ts in tokens], dtype=float)
    return has_word, word_chance, has_pair, pair_chance, lengths


def sentence_values(sentences: Sequence[str], model: OverlapModel | None = None) -> np.ndarray:
    """Each sentence's expected overlap F1 with the teaser if it were shown alone."""
    model = model or load_overlap_model()
    has_word, word_chance, has_pair, pair_chance, lengths = overlap_values(sentences, model)
    expected = 2 * (has_word @ word_chance) + model.pair_weight * 2 * (has_pair @ pair_chance)
    return expected / (lengths + model.teaser_words)


def select_by_overlap(
    sentences: Sequence[str],
    count: int,
    eligible: Sequence[bool] | None = None,
    model: OverlapModel | None = None,
    partners: Sequence[int | None] | None = None,
) -> list[int]:
    """Indices (in article order) of the ``count`` sentences with the best expected overlap F1.

    The best-valued sentences alone (``candidates`` of them, ``eligible`` ones while there are
    enough) are combined every way; a set's words and pairs count once however many of its
    sentences hold them. For a long summary (too many combinations) the set grows greedily.
    ``partners``: for a sentence that is not eligible alone, the index of the sentence it may
    be shown with (the one before, which its "Er" or "Das" means; the answer after a
    question), None for the others: such a sentence may be picked when its partner is too.
    """
    import numpy as np

    n = len(sentences)
    if n <= count:
        return list(range(n))
    model = model or load_overlap_model()
    has_word, word_chance, has_pair, pair_chance, lengths = overlap_values(sentences, model)
    weight, teaser = model.pair_weight, model.teaser_words
    alone = (2 * (has_word @ word_chance) + weight * 2 * (has_pair @ pair_chance)) / (
        lengths + teaser
    )
    pool = list(range(n))
    partner: dict[int, int] = {}
    alone_ok = set(pool)  # the sentences that may be shown without a partner
    if eligible is not None and sum(map(bool, eligible)) >= count:
        alone_ok = {i for i in pool if eligible[i]}
        partner = {
            i: p
            for i, p in enumerate(partners or ())
            if p is not None and 0 <= p < n and p != i and i not in alone_ok
        }
        pool = [i for i in pool if i in alone_ok or i in partner]
    ranked = sorted(pool, key=lambda i: (-alone[i], i))
    best = ranked[: max(model.candidates, count)]
    # a paired sentence among the best brings its partner; enough eligible ones are always in
    best += [partner[i] for i in best if i in partner]
    best += [i for i in ranked if i in alone_ok][:count]
    order = sorted(set(best))

    def value(sets: np.ndarray) -> np.ndarray:
        words = has_word[sets].max(axis=1) @ word_chance
        pairs = has_pair[sets].max(axis=1) @ pair_chance
        return (2 * words + weight * 2 * pairs) / (lengths[sets].sum(axis=1) + teaser)

    def shown_alone(chosen: Sequence[int]) -> bool:
        """Every sentence is eligible, or shown with a partner that is (in turn)."""
        inside, good = set(chosen), {i for i in chosen if i in alone_ok}
        while True:
            more = {i for i in inside - good if partner.get(i) in good}
            if not more:
                return good == inside
            good |= more

    if math.comb(len(order), count) <= 5000:
        combos = [c for c in combinations(order, count) if shown_alone(c)]
        sets = np.array(combos, dtype=np.intp)
        return sorted(sets[int(np.argmax(value(sets)))].tolist())
    chosen: list[int] = []
    while len(chosen) < count:
        rest = [i for i in order if i not in chosen and shown_alone([*chosen, i])]
        if not rest:  # only paired sentences are left: take the best of them with its partner
            rest = [i for i in order if i not in chosen]
        sets = np.array([[*chosen, i] for i in rest], dtype=np.intp)
        chosen.append(rest[int(np.argmax(value(sets)))])
    return sorted(chosen)
