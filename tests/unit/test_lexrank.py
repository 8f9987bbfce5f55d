"""The fast LexRank engine against sumy's own: same terms, graph, scores and picks."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.summary import lexrank
from briefing.summary.lexrank import (
    FastLexRankSummarizer,
    build_document,
    lexrank_scores,
    make_summarizer,
    similarity_graph,
    sumy_scores,
)
from briefing.text.sentences import split_sentences
from briefing.text.words import words

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
MLSUM = ROOT.parent / "shared" / "corpus" / "mlsum_de_texts.jsonl"
# sumy's engine is O(n^2) pure Python (~1.5 s at 520 sentences): compare at this size once
REAL_SIZE = 520
COUNTS = [1, 3, 8, 20, 100, "5%", 0.5]


def seeds_paragraphs() -> list[list[str]]:
    """The seeds through briefing's own splitting (~370 sentences), plus deterministic variants
    (every third word dropped, a different third each time) to pass 500 sentences with partial
    overlaps. The raw seeds keep their boilerplate, whose repeats ("OTHER NEWS", "4 hrs ago")
    are identical sentences."""
    paragraphs = [
        split_sentences(path.read_text(encoding="utf-8")) for path in sorted(SEEDS.glob("*.txt"))
    ]
    flat = [s for paragraph in paragraphs for s in paragraph]
    variants = []
    for i, sentence in enumerate(flat[: REAL_SIZE - len(flat)]):
        kept = [w for j, w in enumerate(words(sentence)) if (i + j) % 3 != 0]
        variants.append(" ".join(kept) + ".")
    return [*paragraphs, variants]


def mlsum_paragraphs(size: int = REAL_SIZE) -> list[list[str]]:
    """``size`` sentences of the first SZ articles in ../shared, one paragraph per article."""
    if not MLSUM.is_file():
        pytest.skip("../shared/corpus/mlsum_de_texts.jsonl is not available")
    paragraphs: list[list[str]] = []
    total = 0
    with MLSUM.open(encoding="utf-8") as lines:
        for line in lines:
            sentences = split_sentences(json.loads(line)["text"])[: size - total]
            paragraphs.append(sentences)
            total += len(sentences)
            if total >= size:
                break
    return paragraphs


@dataclass
class Reference:
    """A document and everything sumy's own LexRank computes for it."""

    document: Any
    terms: list[list[str]]
    matrix: np.ndarray
    scores: np.ndarray

    def picks(self, count: Any) -> tuple[Any, ...]:
        """What sumy's ``__call__`` returns: its own selection over its own ratings."""
        ratings = dict(zip(self.document.sentences, self.scores))
        return make_summarizer("sumy")._get_best_sentences(self.document.sentences, count, ratings)


def sumy_reference(
    paragraphs: list[list[str]], threshold: float = 0.1, epsilon: float = 0.1
) -> Reference:
    """sumy's ``__call__`` step by step, keeping the matrix and every score."""
    summarizer = make_summarizer("sumy")
    document = build_document(paragraphs)
    terms = [summarizer._to_words_set(s) for s in document.sentences]
    tf = summarizer._compute_tf(terms)
    idf = summarizer._compute_idf(terms)
    matrix = summarizer._create_matrix(terms, threshold, tf, idf)
    scores = summarizer.power_method(matrix, epsilon)
    return Reference(document, terms, matrix, scores)


@pytest.fixture(scope="module", params=["seeds", "mlsum"])
def real(request) -> Reference:
    paragraphs = seeds_paragraphs() if request.param == "seeds" else mlsum_paragraphs()
    return sumy_reference(paragraphs)


def graph_pairs(rows: np.ndarray, cols: np.ndarray) -> set[tuple[int, int]]:
    return set(zip(rows.tolist(), cols.tolist()))


@pytest.mark.slow
def test_real_documents_are_large(real):
    assert len(real.document.sentences) >= 500


def test_same_terms_as_sumy(real):
    fast = make_summarizer("fast")
    assert [fast.sentence_terms(s) for s in real.document.sentences] == real.terms


def test_same_similarity_graph_as_sumy(real):
    assert graph_pairs(*similarity_graph(real.terms)) == graph_pairs(*np.nonzero(real.matrix))


def test_same_scores_as_sumy(real):
    fast = make_summarizer("fast")
    scores = lexrank.lexrank_power_method(real.terms, fast.threshold, fast.epsilon)
    np.testing.assert_allclose(scores, real.scores, rtol=1e-12, atol=0)
    # the dense power method is sumy's very numpy call: bit for bit, so ties stay ties
    assert np.array_equal(scores, real.scores)


def test_same_ratings_as_sumy(real):
    """Ratings as both rank by them: identical sentences share the later copy's score."""
    ratings = dict(zip(real.document.sentences, real.scores))
    expected = [float(ratings[s]) for s in real.document.sentences]
    assert make_summarizer("fast").rate_sentences(real.document) == expected


@pytest.mark.parametrize("count", COUNTS)
def test_same_picks_as_sumy(real, count):
    picked = make_summarizer("fast")(real.document, count)
    assert picked == real.picks(count)
    # the very objects (position), not only equal texts
    assert [id(s) for s in picked] == [id(s) for s in real.picks(count)]


def test_sparse_power_method_same_picks(real, monkeypatch):
    """Beyond DENSE_LIMIT the power method runs on a sparse matrix: same picks, scores to 1e-12."""
    monkeypatch.setattr(lexrank, "DENSE_LIMIT", 0)
    fast = make_summarizer("fast")
    scores = lexrank.lexrank_power_method(real.terms, fast.threshold, fast.epsilon)
    np.testing.assert_allclose(scores, real.scores, rtol=1e-12, atol=0)
    for count in COUNTS:
        assert fast(real.document, count) == real.picks(count)


EDGE_CASES = {
    # nothing at all
    "empty": [],
    # a single sentence links only to itself
    "one_sentence": [["Putin besucht Nordkorea zum ersten Mal seit 24 Jahren."]],
    # only stop words: no terms, no links, sumy's scores are nan and it keeps document order
    "all_stopwords": [["Und er war es.", "Sie hat das nicht.", "Wir sind bei ihm."]],
    # the same sentence twice: dict(zip(...)) gives both the later one's score
    "identical": [
        [
            "Putin besucht Pjöngjang.",
            "Kim empfängt Putin am Flughafen.",
            "Putin besucht Pjöngjang.",
            "Das Wetter in Pjöngjang war gut.",
        ]
    ],
    # identical sentences in two paragraphs among others
    "identical_across_paragraphs": [
        ["Die Regierung berät.", "Russland und Nordkorea unterzeichnen ein Abkommen."],
        ["Russland und Nordkorea unterzeichnen ein Abkommen.", "Die Regierung regiert."],
    ],
    # sentences without any word (numbers, dashes) beside real ones
    "no_words": [["123 456.", "—", "Putin besucht Pjöngjang.", "2024!", "Kim trifft Putin."]],
    # no sentence has a word
    "no_words_at_all": [["1.", "2.", "– 3 –"]],
    # a term in every sentence has a negative idf, in all but one an idf of exactly 0
    "negative_and_zero_idf": [
        ["Putin kommt heute.", "Putin geht heute.", "Putin bleibt heute.", "Putin schweigt."]
    ],
    # stems join inflected forms (Regierung/Regierungen)
    "stemming": [["Die Regierungen streiten.", "Eine Regierung streitet.", "Kim lacht laut."]],
}


@pytest.mark.filterwarnings("ignore::RuntimeWarning")  # sumy's 0/0 on a graph without links
@pytest.mark.parametrize("case", EDGE_CASES)
@pytest.mark.parametrize("count", [0, 1, 2, 10, "50%"])
def test_edge_cases_match_sumy(case, count):
    paragraphs = EDGE_CASES[case]
    document = build_document(paragraphs)
    expected = make_summarizer("sumy")(document, count)
    picked = make_summarizer("fast")(document, count)
    assert [id(s) for s in picked] == [id(s) for s in expected]
    np.testing.assert_array_equal(
        make_summarizer("fast").rate_sentences(document),
        sumy_scores(make_summarizer("sumy"), document),
    )


def test_empty_document():
    document = build_document([])
    assert make_summarizer("fast")(document, 3) == ()
    assert make_summarizer("fast").rate_sentences(document) == []
    assert lexrank_scores([]) == []


@pytest.mark.parametrize("engine", lexrank.ENGINES)
def test_identical_sentences_share_a_score(small, engine):
    """Two copies' raw scores can differ in the last bit (BLAS sums columns differently);
    the ratings are sumy's dict(zip(...)): the later copy's score for both."""
    paragraphs = [small[0], [small[0][7]]]
    raw = lexrank.lexrank_power_method(sumy_reference(paragraphs).terms)
    scores = lexrank_scores(paragraphs, engine)
    assert scores[7] == scores[-1] == raw[-1]
    assert len(set(scores)) > 10


@pytest.fixture(scope="module")
def small() -> list[list[str]]:
    """The first 80 seed sentences: small enough for sumy at many settings."""
    return [[s for paragraph in seeds_paragraphs() for s in paragraph][:80]]


@pytest.mark.parametrize(
    ("threshold", "epsilon"),
    [
        (0.1, 0.1),  # sumy's defaults
        (0.0, 0.1),  # every shared term links
        (0.3, 0.1),  # a sparser graph
        (0.95, 0.1),  # almost only self-links
        (-0.5, 0.1),  # negative: even unrelated pairs link (dense graph)
        (0.1, 1e-6),  # many more power iterations
        (0.1, 2.0),  # no iteration at all: the uniform start vector
    ],
)
def test_tunables_match_sumy(small, threshold, epsilon):
    reference = sumy_reference(small, threshold, epsilon)
    fast = FastLexRankSummarizer()
    fast.stop_words = lexrank.german_stop_words()
    fast.threshold = threshold
    fast.epsilon = epsilon
    assert graph_pairs(*similarity_graph(reference.terms, threshold)) == graph_pairs(
        *np.nonzero(reference.matrix)
    )
    scores = lexrank.lexrank_power_method(reference.terms, threshold, epsilon)
    assert np.array_equal(scores, reference.scores)
    for count in (1, 5, 20):
        assert fast(reference.document, count) == reference.picks(count)


def test_borderline_cosines_fall_on_sumy_side(small):
    """A threshold equal to sumy's own cosine of a pair: sumy does not link it (``>``), one ulp
    lower it does. The vectorised cosine differs from sumy's in the last bits for many pairs,
    so these thresholds are the hardest case; the pairs are chosen among those that differ."""
    reference = sumy_reference(small)
    summarizer = make_summarizer("sumy")
    terms = reference.terms
    tf = summarizer._compute_tf(terms)
    idf = summarizer._compute_idf(terms)
    tfidf, _, _ = lexrank.tf_idf_matrix(terms)
    norms = np.sqrt(np.asarray(tfidf.multiply(tfidf).sum(axis=1)).ravel())
    products = (tfidf @ tfidf.T).toarray()
    differing = []
    for i, j in zip(*np.nonzero(products)):
        ours = products[i, j] / (norms[i] * norms[j])
        theirs = summarizer.cosine_similarity(terms[i], terms[j], tf[i], tf[j], idf)
        if i != j and ours != theirs and 0 < theirs < 1:
            differing.append((int(i), int(j), theirs))
    assert len(differing) >= 5
    for i, j, cosine in differing[:: max(1, len(differing) // 6)][:6]:
        for threshold in (cosine, math.nextafter(cosine, -math.inf)):
            matrix = summarizer._create_matrix(terms, threshold, tf, idf)
            expected = graph_pairs(*np.nonzero(matrix))
            assert ((i, j) in expected) == (threshold < cosine)
            assert graph_pairs(*similarity_graph(terms, threshold)) == expected


def test_custom_stemmer_like_sumy():
    """Any stemmer callable, as in sumy's constructor (here sumy's null stemmer)."""
    from sumy.nlp.stemmers import null_stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer

    document = build_document(EDGE_CASES["stemming"] + EDGE_CASES["identical"])
    fast, reference = FastLexRankSummarizer(null_stemmer), LexRankSummarizer(null_stemmer)
    fast.stop_words = reference.stop_words = ["Die", "eine"]
    assert fast.stop_words == reference.stop_words == frozenset({"die", "eine"})
    for count in (1, 2, 4):
        assert fast(document, count) == reference(document, count)


def test_make_summarizer_engines():
    from sumy.summarizers.lex_rank import LexRankSummarizer

    fast, reference = make_summarizer("fast"), make_summarizer("sumy")
    assert isinstance(fast, FastLexRankSummarizer)
    assert isinstance(reference, LexRankSummarizer)
    assert fast.stop_words == reference.stop_words == lexrank.german_stop_words()
    assert "und" in fast.stop_words
    with pytest.raises(ValueError, match="unknown engine"):
        make_summarizer("turbo")


def test_lexrank_scores_engines_agree(small):
    fast, reference = lexrank_scores(small, "fast"), lexrank_scores(small, "sumy")
    assert len(fast) == len(small[0])
    assert fast == reference


# words that share stems, stop words, umlauts and numbers, so random documents have
# duplicates, empty sentences, negative idf and all kinds of overlap
VOCABULARY = [
    "Putin", "Kim", "Regierung", "Regierungen", "regiert", "Abkommen", "Pjöngjang", "Moskau",
    "Besuch", "besuchte", "Gipfel", "Übereinkunft", "für", "der", "die", "und", "nicht", "ist",
    "2024", "—",
]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(st.lists(st.sampled_from(VOCABULARY), max_size=7), min_size=1, max_size=8),
        min_size=1,
        max_size=4,
    ),
    st.integers(min_value=0, max_value=12),
)
def test_random_documents_match_sumy(paragraphs, count):
    import warnings

    texts = [[" ".join(sentence) + "." for sentence in paragraph] for paragraph in paragraphs]
    document = build_document(texts)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # sumy's 0/0 when nothing links
        expected = make_summarizer("sumy")(document, count)
        reference = sumy_scores(make_summarizer("sumy"), document)
    fast = make_summarizer("fast")
    assert [id(s) for s in fast(document, count)] == [id(s) for s in expected]
    np.testing.assert_array_equal(fast.rate_sentences(document), reference)
