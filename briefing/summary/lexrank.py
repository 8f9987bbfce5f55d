"""LexRank summarizers with sumy's interface: ``summarizer(document, sentences_count)``.

``make_summarizer("sumy")`` is sumy's own ``LexRankSummarizer`` (the reference);
``make_summarizer("fast")`` is :class:`FastLexRankSummarizer`, the same model on numpy/scipy
matrices and the default engine. Both pick the same sentences (tests/unit/test_lexrank.py).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from briefing.lexicon import german_stop_words
from briefing.text.nltk_import import load_nltk
from briefing.text.sentences import GermanTokenizer
from briefing.text.stems import german_stem

if TYPE_CHECKING:
    import numpy as np

ENGINES = ("fast", "sumy")

# Up to this many sentences the power method runs on a dense matrix with the very numpy call
# sumy makes, so the scores are bit for bit sumy's (and so are ties). Beyond it (sumy itself
# needs over a minute and n^2 memory there) a sparse matrix keeps memory to the graph's edges.
DENSE_LIMIT = 3000  # 72 MB

# Cosines this close to the threshold are recomputed with sumy's own formula (its summation
# order), so that a pair on the edge falls on the same side as in sumy.
BORDERLINE = 1e-9


def _normalize_word(word: str) -> str:
    """sumy's ``AbstractSummarizer.normalize_word``."""
    return (word if isinstance(word, str) else word.decode("utf-8")).lower()


@lru_cache(maxsize=1 << 17)
def _german_term(word: str) -> tuple[str, str]:
    """A word's normalised form and its German stem, as sumy's ``_to_words_set`` makes them."""
    normal = _normalize_word(word)
    return normal, german_stem(normal.lower())


class FastLexRankSummarizer:
    """sumy's LexRank model (tf, idf, idf-modified cosine, threshold, power method), vectorised.

    The sentence x term tf*idf matrix is sparse; all cosines come from one sparse product.
    """

    threshold: float = 0.1
    epsilon: float = 0.1

    def __init__(self, stemmer: Callable[[str], str] | None = None) -> None:
        # None: sumy's German stemmer behind a process-wide cache
        if stemmer is None:
            self._term: Callable[[str], tuple[str, str]] = _german_term
        else:

            def term(word: str) -> tuple[str, str]:
                normal = _normalize_word(word)
                return normal, stemmer(normal.lower())

            self._term = lru_cache(maxsize=1 << 17)(term)
        self._stop_words: frozenset[str] = frozenset()

    @property
    def stop_words(self) -> frozenset[str]:
        return self._stop_words

    @stop_words.setter
    def stop_words(self, words: Iterable[str]) -> None:
        self._stop_words = frozenset(map(_normalize_word, words))

    def __call__(self, document: Any, sentences_count: Any) -> tuple[Any, ...]:
        """The best ``sentences_count`` sentences (int, float or "N%") in document order."""
        sentences = document.sentences
        if not sentences:
            return ()
        # dict(zip(...)) as in sumy: identical sentences share the last one's score
        ratings = dict(zip(sentences, self._scores(sentences)))
        return best_sentences(sentences, sentences_count, ratings)

    def rate_sentences(self, document: Any) -> list[float]:
        """Every sentence's rating as ``__call__`` ranks by it, in document order.

        LexRank centrality; identical sentences share the last one's score, as in sumy (the raw
        scores of two copies can differ in the last bit).
        """
        sentences = document.sentences
        if not sentences:
            return []
        ratings = dict(zip(sentences, self._scores(sentences)))
        return [float(ratings[s]) for s in sentences]

    def sentence_terms(self, sentence: Any) -> list[str]:
        """sumy's ``_to_words_set``: normalised words minus stop words, stemmed (a list)."""
        stop_words = self._stop_words
        terms = []
        for normal, stem in map(self._term, sentence.words):
            if normal not in stop_words:
                terms.append(stem)
        return terms

    def _scores(self, sentences: Sequence[Any]) -> np.ndarray:
        return lexrank_power_method(
            [self.sentence_terms(s) for s in sentences], self.threshold, self.epsilon
        )


def tf_idf_matrix(terms: list[list[str]]) -> tuple[Any, dict[str, int], np.ndarray]:
    """Sparse sentence x term matrix of tf*idf (sumy's tf and idf), vocabulary, idf per term."""
    import numpy as np
    from scipy import sparse

    vocabulary: dict[str, int] = {}
    indptr = [0]
    indices: list[int] = []
    counts: list[int] = []
    for words in terms:
        for term, count in Counter(words).items():
            indices.append(vocabulary.setdefault(term, len(vocabulary)))
            counts.append(count)
        indptr.append(len(indices))
    n = len(terms)
    indptr_a = np.asarray(indptr, dtype=np.int64)
    indices_a = np.asarray(indices, dtype=np.int64)
    counts_a = np.asarray(counts, dtype=np.float64)
    lengths = np.diff(indptr_a)
    # tf = count / the sentence's highest count (a true division, as in sumy)
    row_max = np.ones(n)
    filled = lengths > 0
    if filled.any():
        row_max[filled] = np.maximum.reduceat(counts_a, indptr_a[:-1][filled])
    tf = counts_a / np.repeat(row_max, lengths)
    # idf = log(N / (1 + n_j)) with math.log, like sumy: 0 or negative for very common terms
    df = np.bincount(indices_a, minlength=len(vocabulary))
    logs = {int(d): math.log(n / (1 + int(d))) for d in np.unique(df)}
    idf = np.array([logs[int(d)] for d in df], dtype=np.float64)
    shape = (n, len(vocabulary))
    matrix = sparse.csr_matrix((tf * idf[indices_a], indices_a, indptr_a), shape=shape)
    return matrix, vocabulary, idf


def _sumy_cosine(
    terms: list[list[str]], vocabulary: dict[str, int], idf: np.ndarray, i: int, j: int
) -> float:
    """sumy's own ``cosine_similarity`` for one ordered pair (its order of summation)."""
    load_nltk()
    from sumy.summarizers.lex_rank import LexRankSummarizer

    def tf(words: list[str]) -> dict[str, float]:
        counts = Counter(words)
        top = max(counts.values()) if counts else 1
        return {term: count / top for term, count in counts.items()}

    idf_metrics = {t: float(idf[vocabulary[t]]) for t in (*terms[i], *terms[j])}
    return LexRankSummarizer.cosine_similarity(
        terms[i], terms[j], tf(terms[i]), tf(terms[j]), idf_metrics
    )


def similarity_graph(
    terms: list[list[str]], threshold: float = 0.1
) -> tuple[np.ndarray, np.ndarray]:
    """Row and column indices of the pairs whose idf-modified cosine is above the threshold.

    Exactly sumy's 0/1 matrix (self-pairs included); pairs within ``BORDERLINE`` of the
    threshold are decided by sumy's own cosine.
    """
    import numpy as np

    n = len(terms)
    if n <= SMALL_GRAPH and threshold >= 0:
        rows, cols, cosines, vocabulary, idf = _small_graph(terms)
    else:
        tfidf, vocabulary, idf = tf_idf_matrix(terms)
        tfidf.eliminate_zeros()  # idf == 0 terms add nothing to any cosine
        norms = np.sqrt(np.asarray(tfidf.multiply(tfidf).sum(axis=1)).ravel())
        # only pairs sharing a term have a non-zero cosine (all products are positive)
        products = (tfidf @ tfidf.T).tocsr()
        rows = np.repeat(np.arange(n), np.diff(products.indptr))
        cols = products.indices
        with np.errstate(divide="ignore", invalid="ignore"):
            cosines = products.data / (norms[rows] * norms[cols])
    near = np.flatnonzero(np.abs(cosines - threshold) <= BORDERLINE)
    for k in near:
        cosines[k] = _sumy_cosine(terms, vocabulary, idf, int(rows[k]), int(cols[k]))
    linked = cosines > threshold
    rows, cols = rows[linked], cols[linked]
    if threshold < 0:
        # then pairs without a shared term (cosine 0) link too: a dense graph, rare enough
        adjacency = np.ones((n, n), dtype=bool)
        adjacency[products.nonzero()] = False
        adjacency[rows, cols] = True
        rows, cols = np.nonzero(adjacency)
    return rows, cols


# Up to this many sentences (an article's, a small story's) the cosines come from dense
# arrays: scipy's sparse matrices cost more to build than such a graph takes to compute.
SMALL_GRAPH = 40


def _small_graph(
    terms: list[list[str]],
) -> tuple[np.ndarray, np.ndarray, np.ndarray, dict[str, int], np.ndarray]:
    """``similarity_graph``'s pairs with a non-zero product, their cosines, the vocabulary and
    the idf, from dense arrays. The same tf and idf as ``tf_idf_matrix``; a cosine may differ
    from the sparse one in its last bits (other summation orders), which decides nothing: a
    pair is linked when its cosine passes the threshold, and one within BORDERLINE of it is
    decided by sumy's own cosine either way. (Rows come out sorted by column too: for the
    dense power method the order of the pairs does not matter.)"""
    import numpy as np

    n = len(terms)
    vocabulary: dict[str, int] = {}
    for words in terms:
        for term in words:
            vocabulary.setdefault(term, len(vocabulary))
    counts = np.zeros((n, max(len(vocabulary), 1)))
    for row, words in enumerate(terms):
        for term, count in Counter(words).items():
            counts[row, vocabulary[term]] = count
    df = np.count_nonzero(counts, axis=0)[: len(vocabulary)]
    logs = {int(d): math.log(n / (1 + int(d))) for d in np.unique(df)}
    idf = np.array([logs[int(d)] for d in df], dtype=np.float64)
    row_max = counts.max(axis=1)
    row_max[row_max == 0] = 1.0
    tfidf = counts / row_max[:, None]
    tfidf[:, : len(vocabulary)] *= idf
    norms = np.sqrt((tfidf * tfidf).sum(axis=1))
    with _threadpools().limit(limits=1, user_api="blas"):
        products = tfidf @ tfidf.T
    rows, cols = np.nonzero(products)
    with np.errstate(divide="ignore", invalid="ignore"):
        cosines = products[rows, cols] / (norms[rows] * norms[cols])
    return rows, cols, cosines, vocabulary, idf


def lexrank_power_method(
    terms: list[list[str]], threshold: float = 0.1, epsilon: float = 0.1
) -> np.ndarray:
    """LexRank scores of sentences given as lists of terms: sumy's model, on sparse matrices."""
    import numpy as np
    from scipy import sparse

    n = len(terms)
    rows, cols = similarity_graph(terms, threshold)
    degrees = np.bincount(rows, minlength=n).astype(np.float64)
    degrees[degrees == 0] = 1.0
    # sumy divides every cell by its row's degree; 0 / d stays 0, so only the links change
    weights = 1.0 / degrees[rows]
    if n <= DENSE_LIMIT:
        transposed = np.zeros((n, n))
        transposed[rows, cols] = weights
        transposed = transposed.T  # the same strided view that sumy multiplies with
    else:
        transposed = sparse.csr_matrix((weights, (cols, rows)), shape=(n, n))
    return _power_method(transposed, n, epsilon)


@lru_cache(maxsize=1)
def _threadpools() -> Any:
    """The loaded BLAS libraries, found once (a fresh ``threadpool_limits`` costs ~1 ms)."""
    import numpy  # noqa: F401 - its BLAS must be loaded before the search
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def _power_method(transposed: Any, n: int, epsilon: float) -> np.ndarray:
    """sumy's ``power_method`` step for step (same start vector, norms and stopping rule)."""
    import numpy as np

    dot = np.dot if isinstance(transposed, np.ndarray) else type(transposed).dot
    p_vector = np.array([1.0 / n] * n)
    lambda_val = 1.0
    # One BLAS thread: a matrix-vector product of this size gains nothing from threads, and
    # on a busy machine OpenBLAS's waiting threads made it 6x slower (same bits either way).
    # A graph without links gives 0/0 = nan scores, as in sumy; no warning for it.
    one_thread = _threadpools().limit(limits=1, user_api="blas")
    with one_thread, np.errstate(divide="ignore", invalid="ignore"):
        while lambda_val > epsilon:
            next_p = dot(transposed, p_vector)
            next_p /= np.linalg.norm(next_p)
            lambda_val = np.linalg.norm(np.subtract(next_p, p_vector))
            p_vector = next_p
    return p_vector


def best_sentences(
    sentences: Sequence[Any], count: Any, ratings: dict[Any, Any]
) -> tuple[Any, ...]:
    """sumy's ``AbstractSummarizer._get_best_sentences``: top rated (stable), in document order."""
    infos = sorted(
        ((s, order, ratings[s]) for order, s in enumerate(sentences)),
        key=lambda info: info[2],
        reverse=True,
    )
    if isinstance(count, (int, float)):
        chosen = infos[: int(count)]  # what sumy's ItemsCount does with a number
    else:
        if not callable(count):
            from sumy.utils import ItemsCount  # "N%" and other strings

            count = ItemsCount(count)
        chosen = count(infos)
    return tuple(info[0] for info in sorted(chosen, key=lambda info: info[1]))


def make_summarizer(engine: str = "fast") -> Any:
    """A LexRank summarizer with German stemming and sumy's German stop words."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if engine == "fast":
        summarizer: Any = FastLexRankSummarizer()
    else:
        load_nltk()
        from sumy.nlp.stemmers import Stemmer
        from sumy.summarizers.lex_rank import LexRankSummarizer

        summarizer = LexRankSummarizer(Stemmer("german"))
    summarizer.stop_words = german_stop_words()
    return summarizer


def build_document(paragraphs: list[list[str]]) -> Any:
    """A sumy document from paragraphs of already split sentences (no re-splitting)."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence

    tokenizer = GermanTokenizer()
    return ObjectDocumentModel(
        [Paragraph([SumySentence(text, tokenizer) for text in texts]) for texts in paragraphs]
    )


class _PlainSentence:
    """A sentence as the fast engine reads it: sumy's ``Sentence`` without sumy's imports.

    Equal and hashed by its stripped text, as sumy's (which also compares the heading flag,
    always False here); ``words`` from the same tokenizer.
    """

    __slots__ = ("_text", "words")

    def __init__(self, text: str, tokenizer: Any) -> None:
        self._text = text.strip()
        self.words = tokenizer.to_words(self._text)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _PlainSentence) and self._text == other._text

    def __hash__(self) -> int:
        return hash((False, self._text))

    def __str__(self) -> str:
        return self._text


class _PlainDocument:
    """sumy's ``ObjectDocumentModel`` as far as FastLexRankSummarizer uses it (``sentences``)."""

    def __init__(self, paragraphs: list[list[str]]) -> None:
        tokenizer = GermanTokenizer()
        self.sentences = tuple(
            _PlainSentence(text, tokenizer) for texts in paragraphs for text in texts
        )


def _document_for(engine: str, paragraphs: list[list[str]]) -> Any:
    # the fast engine needs no sumy objects: sumy's document model imports sumy.utils, and
    # with it requests and pycountry
    return _PlainDocument(paragraphs) if engine == "fast" else build_document(paragraphs)


def rank_sentences(
    paragraphs: list[list[str]], count: int, engine: str = "fast"
) -> list[str]:
    """The ``count`` best sentences of a document given as paragraphs of sentences."""
    document = _document_for(engine, paragraphs)
    summarizer = make_summarizer(engine)
    return [str(s) for s in summarizer(document, count)]


def sumy_scores(summarizer: Any, document: Any) -> list[float]:
    """Every sentence's rating from sumy's own summarizer (its ``__call__`` keeps only the top)."""
    sentences = document.sentences
    if not sentences:
        return []
    words = [summarizer._to_words_set(s) for s in sentences]
    tf = summarizer._compute_tf(words)
    idf = summarizer._compute_idf(words)
    matrix = summarizer._create_matrix(words, summarizer.threshold, tf, idf)
    ratings = dict(zip(sentences, summarizer.power_method(matrix, summarizer.epsilon)))
    return [float(ratings[s]) for s in sentences]


def lexrank_scores(paragraphs: list[list[str]], engine: str = "fast") -> list[float]:
    """LexRank centrality of every sentence (flattened paragraph order), same model as sumy.

    Sentences with identical text get the same score.
    """
    summarizer = make_summarizer(engine)
    document = _document_for(engine, paragraphs)
    if engine == "fast":
        return summarizer.rate_sentences(document)
    return sumy_scores(summarizer, document)
