"""How alike two sentences are: stems, word overlap, near-duplicates and tf-idf similarity.

Takes sentences; gives their content stems, whether two are copies of one (``is_near_duplicate``)
and, over a set of sentences, their tf-idf cosine and redundancy (``Similarity``).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

from briefing.lexicon import NEGATIONS, german_stop_words
from briefing.summary.weights import DEFAULT_WEIGHTS
from briefing.text.stems import german_stem
from briefing.text.words import sentence_key, words

_NEGATIONS = NEGATIONS

_NUMBER = re.compile(r"\b\d+(?:[.,]\d+)?\b")

_YEAR_LIKE = re.compile(r"(?:19|20)\d\d")


@lru_cache(maxsize=20000)
def content_stems(text: str) -> tuple[str, ...]:
    """Stemmed content words of a sentence (sumy's German stop words removed)."""
    stop = german_stop_words()
    found = [german_stem(w) for w in (w.casefold() for w in words(text)) if w not in stop]
    # numbers carry facts too ("seit 24 Jahren", "700 Kilometer")
    return tuple(found + _NUMBER.findall(text))


@lru_cache(maxsize=50000)
def word_set(text: str) -> frozenset[str]:
    """The case-folded words of a sentence."""
    return frozenset(w.casefold() for w in words(text))


def word_overlap(a: str, b: str) -> float:
    """Overlap coefficient of two sentences' word sets (case-folded, unstemmed)."""
    first, second = word_set(a), word_set(b)
    if not first or not second:
        return 0.0
    return len(first & second) / min(len(first), len(second))


def is_near_duplicate(a: str, b: str, threshold: float = DEFAULT_WEIGHTS.duplicate) -> bool:
    """True when two sentences are the same text with small edits (agency copy, quote marks)."""
    if sentence_key(a) == sentence_key(b):
        return True
    first, second = word_set(a), word_set(b)
    if not first or not second:
        return False
    if bool(first & _NEGATIONS) != bool(second & _NEGATIONS):
        return False  # "unterzeichneten ein Abkommen" is not "unterzeichneten kein Abkommen"
    shorter, longer = sorted((len(first), len(second)))
    # the shorter must be most of the longer too, so a short sentence is not swallowed
    if shorter / longer < 0.55:
        return False
    if word_overlap(a, b) >= threshold:
        return True
    # an edited copy: other inflections and a synonym or two, the same content words
    stems_a, stems_b = set(content_stems(a)), set(content_stems(b))
    if min(len(stems_a), len(stems_b)) < 5:
        return False
    overlap = len(stems_a & stems_b) / min(len(stems_a), len(stems_b))
    return overlap >= threshold and len(stems_a & stems_b) / max(len(stems_a), len(stems_b)) >= 0.6


class Similarity:
    """tf-idf cosine of stemmed content words, idf over the sentences being compared."""

    def __init__(self, texts: list[str]) -> None:
        document_frequency: Counter[str] = Counter()
        for text in texts:
            document_frequency.update(set(content_stems(text)))
        count = len(texts) or 1
        self._idf = {
            w: math.log((1 + count) / (1 + df)) + 1 for w, df in document_frequency.items()
        }
        self._vectors: dict[str, tuple[dict[str, float], float]] = {}
        # the selection loop asks for the same pairs again on every pick
        self._pairs: dict[tuple[str, str], float] = {}
        # what each pair's redundancy asks of its two texts again and again
        self._totals: dict[str, float] = {}

    def _vector(self, text: str) -> tuple[dict[str, float], float]:
        if text not in self._vectors:
            counts = Counter(content_stems(text))
            vector = {w: c * self._idf.get(w, 1.0) for w, c in counts.items()}
            norm = math.sqrt(sum(v * v for v in vector.values()))
            self._vectors[text] = (vector, norm)
        return self._vectors[text]

    def idf(self, word: str) -> float:
        return self._idf.get(word, 1.0)

    def cosine(self, a: str, b: str) -> float:
        (va, na), (vb, nb) = self._vector(a), self._vector(b)
        if not na or not nb:
            return 0.0
        return sum(v * vb[w] for w, v in va.items() if w in vb) / (na * nb)

    def containment(self, a: str, b: str) -> float:
        """How much of the shorter sentence's (idf-weighted) content the other one says."""
        (va, _), (vb, _) = self._vector(a), self._vector(b)
        total_a, total_b = self._total(a), self._total(b)
        small, large = (va, vb) if total_a <= total_b else (vb, va)
        total = min(total_a, total_b)
        return sum(v for w, v in small.items() if w in large) / total if total else 0.0

    def _total(self, text: str) -> float:
        """The sum of the text's vector (the same sum each time: asked on every pair)."""
        total = self._totals.get(text)
        if total is None:
            total = self._totals[text] = sum(self._vector(text)[0].values())
        return total

    def matrix(self, texts: list[str]):
        """Cosine of every pair of ``texts`` as a dense numpy array."""
        import numpy as np
        from scipy.sparse import csr_matrix

        columns: dict[str, int] = {}
        rows, cols, values = [], [], []
        for row, text in enumerate(texts):
            vector, norm = self._vector(text)
            for word, value in vector.items():
                rows.append(row)
                cols.append(columns.setdefault(word, len(columns)))
                values.append(value / norm)
        sparse = csr_matrix((values, (rows, cols)), shape=(len(texts), max(len(columns), 1)))
        result = (sparse @ sparse.T).toarray()
        np.fill_diagonal(result, 1.0)
        return result

    def __call__(self, a: str, b: str) -> float:
        """Redundancy of two sentences: cosine, or containment when one mostly repeats the other."""
        known = self._pairs.get((a, b))
        if known is None:
            known = self._pairs[(a, b)] = self._redundancy(a, b)
        return known

    def _redundancy(self, a: str, b: str) -> float:
        # max(cosine, 0.75 x containment) from one look for the shared stems (the selection
        # asks it of hundreds of thousands of pairs); each sum runs over the same values in
        # the same order as ``cosine`` and ``containment``, so the value has the same bits
        (va, na), (vb, nb) = self._vector(a), self._vector(b)
        shared = [w for w in va if w in vb]  # (a vector's words: the text's stem set)
        cosine = sum(va[w] * vb[w] for w in shared) / (na * nb) if na and nb else 0.0
        total_a, total_b = self._total(a), self._total(b)
        if total_a <= total_b:
            contained = sum(va[w] for w in shared) / total_a if total_a else 0.0
        else:
            contained = sum(v for w, v in vb.items() if w in va) / total_b if total_b else 0.0
        value = max(cosine, 0.75 * contained)
        if value < 0.5 and shared:
            numbers = [w for w in shared if w[:1].isdigit() and not _YEAR_LIKE.fullmatch(w)]
            if numbers and len(shared) > len(numbers):
                # the same count with the same word ("seit 24 Jahren") is the same fact
                value = 0.5
        return value
