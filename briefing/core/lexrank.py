"""LexRank summarizers with sumy's interface: ``summarizer(document, sentences_count)``.

``make_summarizer("sumy")`` is sumy's own ``LexRankSummarizer`` (the reference);
``make_summarizer("fast")`` is the default engine.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

ENGINES = ("fast", "sumy")


@lru_cache(maxsize=1)
def german_stop_words() -> frozenset[str]:
    from sumy.utils import get_stop_words

    return frozenset(get_stop_words("german"))


def make_summarizer(engine: str = "fast") -> Any:
    """A LexRank summarizer with German stemming and sumy's German stop words."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer

    # Until the numpy engine lands, "fast" is sumy's own summarizer too.
    summarizer = LexRankSummarizer(Stemmer("german"))
    summarizer.stop_words = german_stop_words()
    return summarizer


def build_document(paragraphs: list[list[str]]) -> Any:
    """A sumy document from paragraphs of already split sentences (no re-splitting)."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence

    from briefing.core.sentences import GermanTokenizer

    tokenizer = GermanTokenizer()
    return ObjectDocumentModel(
        [Paragraph([SumySentence(text, tokenizer) for text in sentences]) for sentences in paragraphs]
    )


def rank_sentences(
    paragraphs: list[list[str]], count: int, engine: str = "fast"
) -> list[str]:
    """The ``count`` best sentences of a document given as paragraphs of sentences."""
    document = build_document(paragraphs)
    summarizer = make_summarizer(engine)
    return [str(s) for s in summarizer(document, count)]


def lexrank_scores(paragraphs: list[list[str]], engine: str = "fast") -> list[float]:
    """LexRank centrality of every sentence (flattened paragraph order), same model as sumy.

    Sentences with identical text get the same score.
    """
    summarizer = make_summarizer(engine)
    document = build_document(paragraphs)
    sentences = document.sentences
    if not sentences:
        return []
    # sumy's own steps, in sumy's order (its __call__ only returns the top sentences)
    words = [summarizer._to_words_set(s) for s in sentences]
    tf = summarizer._compute_tf(words)
    idf = summarizer._compute_idf(words)
    matrix = summarizer._create_matrix(words, summarizer.threshold, tf, idf)
    return [float(x) for x in summarizer.power_method(matrix, summarizer.epsilon)]
