"""The features the learned sentence scorer reads: cheap measures of one article's sentences.

Takes an article's sentences in order; gives one row of ``FEATURES`` per sentence
(``sentence_features``), and the tf-idf vectors and cosine it uses (``tf_idf_vectors``,
``cosine``). ``benchmarks/train_scorer.py`` fits the model on this very function.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from briefing.cues.hedges import speculative
from briefing.cues.quotes import quoted_share, unbalanced_quote
from briefing.cues.speakers import reported_speech
from briefing.lexicon import ANAPHORA, german_stop_words
from briefing.summary.groups import is_candidate
from briefing.summary.lexrank import lexrank_power_method
from briefing.summary.scoring import standalone_factor
from briefing.text.stems import german_stem
from briefing.text.words import words

if TYPE_CHECKING:
    import numpy as np

# The columns of sentence_features, in order. The model file names them too, and loading a
# file whose names differ fails: a model is never applied to features it was not fit on.
FEATURES: tuple[str, ...] = (
    "position",  # index among the article's sentences (0 = first)
    "relative_position",  # index / (sentences - 1)
    "sentences",  # sentences in the article
    "words",  # words in the sentence
    "length_ratio",  # words / the article's mean words per sentence
    "chars_per_word",  # long words: compounds and names rather than function words
    "centrality",  # LexRank centrality (the product's fast LexRank), 1.0 for the most central
    "centroid_cosine",  # tf-idf cosine to the sum of the other sentences
    "first_cosine",  # tf-idf cosine to the article's first sentence (1.0 for the first itself)
    "term_share",  # mean share of the article's sentences that have each of its content words
    "content_share",  # content words (no stop words) / words
    "capitals",  # share of non-initial words in capitals (nouns and names in German)
    "acronyms",  # words in capitals throughout ("SPD", "USA")
    "numbers",  # number tokens
    "quote_share",  # share of the words inside quotation marks
    "quote_open",  # opens with a quotation mark
    "unbalanced_quote",  # one part of a quote that runs over several sentences
    "anaphora",  # first word points back ("Er", "Dies", "Damit", "Aber")
    "reported",  # reported speech that does not name its speaker ("Es gehe um ...")
    "question",  # ends in a question mark
    "exclamation",  # ends in an exclamation mark
    "reader",  # addresses the reader ("du", a formal "Sie" after the first word)
    "first_person",  # "ich", "wir", "uns", "mein" ...
    "speculation",  # a guess or hearsay ("dürfte", "soll ... worden sein")
    "colon",  # contains a colon
    "parenthesis",  # contains a bracket
    "commas",  # commas per word
    "candidate",  # passes the product's filter for a summary sentence (6-60 words, ...)
    "standalone",  # the product's hand-set stand-alone factor (1.0: reads alone)
)

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_ACRONYM = re.compile(r"\b[A-ZÄÖÜ]{2,}\b")
_QUOTE_OPEN = re.compile(r"^[«»\"„“”‚‘'›‹]")
_SECOND_PERSON = re.compile(
    r"\b(?:du|dich|dir|dein|deine|deinen|deinem|deiner|euch|euer|eure)\b", re.IGNORECASE
)
_FORMAL_YOU = re.compile(r"(?<=\w)\W+(?:Sie|Ihnen|Ihr|Ihre|Ihrer|Ihrem|Ihren)\b")
_FIRST_PERSON = re.compile(
    r"\b(?:ich|mich|mir|mein|meine|meinen|meinem|meiner|wir|uns|unser|unsere|unseren|unserem|"
    r"unserer)\b",
    re.IGNORECASE,
)


def sentence_features(
    sentences: Sequence[str], centrality: Sequence[float] | None = None
) -> np.ndarray:
    """One row of ``FEATURES`` per sentence of one article, the sentences in article order.

    ``centrality``: LexRank centrality of the sentences when the caller has it already;
    otherwise it is computed here (the product's fast LexRank over these sentences).
    Cost: linear in the article's words, plus LexRank's sparse similarity graph.
    """
    import numpy as np

    n = len(sentences)
    table = np.zeros((n, len(FEATURES)))
    if not n:
        return table
    tokens = [words(s) for s in sentences]
    terms = content_terms(tokens)
    if centrality is None:
        centrality = lexrank_power_method(terms)
    central = np.nan_to_num(np.asarray(centrality, dtype=float), nan=0.0)
    if central.max() > 0:
        central = central / central.max()
    vectors, frequency = tf_idf_vectors(terms)
    total = _sum_vectors(vectors)
    total_norm2 = sum(v * v for v in total.values())
    first = vectors[0]
    lengths = np.array([len(ws) for ws in tokens], dtype=float)
    mean_length = lengths.mean() or 1.0
    column = {name: k for k, name in enumerate(FEATURES)}
    for i, (text, ws, ts) in enumerate(zip(sentences, tokens, terms, strict=True)):
        vector = vectors[i]
        stripped = text.lstrip("«»\"„“”'‚‘›‹ ")
        tail = text.rstrip(")»\"“”'‹› ")
        first_word = ws[0].casefold() if ws else ""
        distinct = set(ts)
        row = {
            "position": i,
            "relative_position": i / (n - 1) if n > 1 else 0.0,
            "sentences": n,
            "words": len(ws),
            "length_ratio": len(ws) / mean_length,
            "chars_per_word": sum(map(len, ws)) / len(ws) if ws else 0.0,
            "centrality": central[i],
            "centroid_cosine": _centroid_cosine(vector, total, total_norm2),
            "first_cosine": 1.0 if i == 0 else cosine(vector, first),
            "term_share": (
                sum(frequency[t] for t in distinct) / len(distinct) / n if distinct else 0.0
            ),
            "content_share": len(ts) / len(ws) if ws else 0.0,
            "capitals": (sum(w[:1].isupper() for w in ws[1:]) / (len(ws) - 1))
            if len(ws) > 1
            else 0.0,
            "acronyms": len(_ACRONYM.findall(text)),
            "numbers": len(_NUMBER.findall(text)),
            "quote_share": quoted_share(text),
            "quote_open": _QUOTE_OPEN.match(text.lstrip()) is not None,
            "unbalanced_quote": unbalanced_quote(text),
            "anaphora": first_word in ANAPHORA,
            "reported": reported_speech(stripped),
            "question": tail.endswith("?"),
            "exclamation": tail.endswith("!"),
            "reader": bool(_SECOND_PERSON.search(text) or _FORMAL_YOU.search(stripped)),
            "first_person": _FIRST_PERSON.search(text) is not None,
            "speculation": speculative(text),
            "colon": ":" in text,
            "parenthesis": "(" in text or "[" in text,
            "commas": text.count(",") / len(ws) if ws else 0.0,
            "candidate": is_candidate(text),
            "standalone": standalone_factor(text),
        }
        table[i] = [float(row[name]) for name in FEATURES]
        assert len(row) == len(column)  # every feature named once (a typo would go unseen)
    return table


def content_terms(tokens: Sequence[Sequence[str]]) -> list[list[str]]:
    """LexRank's terms of each sentence's words: lower-cased, less stop words, stemmed (sumy's
    German model)."""
    term = _content_term
    return [[t for t in map(term, ws) if t is not None] for ws in tokens]


@lru_cache(maxsize=1 << 17)  # every sentence of a large story's articles: few distinct words
def _content_term(word: str) -> str | None:
    """A word's term for ``content_terms``, or None for a stop word."""
    lower = word.lower()
    return None if lower in german_stop_words() else german_stem(lower)


def tf_idf_vectors(
    terms: list[list[str]],
) -> tuple[list[dict[str, float]], Counter[str]]:
    """Unit tf-idf vectors (idf over the article's sentences) and each term's sentence count."""
    frequency: Counter[str] = Counter()
    for ts in terms:
        frequency.update(set(ts))
    n = len(terms)
    idf = {t: math.log((1 + n) / (1 + df)) + 1.0 for t, df in frequency.items()}
    vectors = []
    for ts in terms:
        vector = {t: c * idf[t] for t, c in Counter(ts).items()}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        vectors.append({t: v / norm for t, v in vector.items()})
    return vectors, frequency


def _sum_vectors(vectors: list[dict[str, float]]) -> dict[str, float]:
    total: dict[str, float] = {}
    for vector in vectors:
        for t, v in vector.items():
            total[t] = total.get(t, 0.0) + v
    return total


def _centroid_cosine(
    vector: dict[str, float], total: dict[str, float], total_norm2: float
) -> float:
    """Cosine of a unit vector to the sum of the other sentences' (total less itself)."""
    if not vector:
        return 0.0
    dot = sum(v * total[t] for t, v in vector.items())  # with itself: |v|^2 = 1 more
    others2 = total_norm2 - 2 * dot + 1.0
    return (dot - 1.0) / math.sqrt(others2) if others2 > 1e-12 else 0.0


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b.get(t, 0.0) for t, v in a.items())
    norm_a = math.sqrt(sum(v * v for v in a.values()))
    norm_b = math.sqrt(sum(v * v for v in b.values()))
    return dot / (norm_a * norm_b) if norm_a and norm_b else 0.0
