"""Syndicated copies: pairs of articles that carry the same agency text.

Takes articles (their news text and vectors); gives the index pairs that share runs of
sentences word for word, so grouping keeps them in one story.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from briefing.models import Article
from briefing.stories.vectors import boilerplate_sentences, news_text, tfidf_vectors
from briefing.text.words import letter_runs

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

# Syndication: word 8-grams, of which those starting at a word whose length is a multiple of
# SHINGLE_SAMPLE are kept (a deterministic sample); two articles sharing at least
# SYNDICATED_SHINGLES sampled shingles carry the same agency sentences (a shared 20-word
# sentence yields 13 shingles, about 3 sampled).
SHINGLE_SIZE = 8

SHINGLE_SAMPLE = 4

SYNDICATED_SHINGLES = 6

# Measured on 10,679 MLSUM articles: shingle-sharing pairs below this cosine shared a series
# notice or a quote, not agency copy; true copies start around 0.3.
SYNDICATED_MIN_SIMILARITY = 0.2

# A shingle in more articles than this is boilerplate of a site, not shared copy.
SHINGLE_MAX_ARTICLES = 12


def _word_shingles(words: list[str]) -> set[str]:
    """The sampled shingles of a text's case-folded letter runs: the SHINGLE_SIZE words that
    start at a word whose length is a multiple of SHINGLE_SAMPLE (the same text always gives
    the same sample, in any outlet)."""
    return {
        " ".join(words[i : i + SHINGLE_SIZE])
        for i in range(len(words) - SHINGLE_SIZE + 1)
        if len(words[i]) % SHINGLE_SAMPLE == 0
    }


def syndicated_pairs(
    articles: Sequence[Article],
    boilerplate: frozenset[str] | None = None,
    vectors: csr_matrix | None = None,
    news: Sequence[str] | None = None,
    news_words: Iterable[list[str]] | None = None,
) -> list[tuple[int, int]]:
    """Index pairs of articles that carry the same agency text (shared runs of sentences).

    Sampled word 8-gram shingles of the bodies (boilerplate sentences left out), compared
    through an inverted index, so the cost grows with the text, not with the number of pairs.
    A pair must also be about the same things (cosine >= SYNDICATED_MIN_SIMILARITY): two
    articles of one series share its notice ("Alle Folgen finden Sie hier ...") and no more.
    ``news_words``: each news text's case-folded letter runs in turn, when the caller has them.
    """
    if boilerplate is None:
        boilerplate = boilerplate_sentences(articles)
    if news is None:
        news = [news_text(a, boilerplate) for a in articles]
    if vectors is None:
        vectors = tfidf_vectors(articles, boilerplate=boilerplate)
    if news_words is None:
        news_words = (letter_runs(text.casefold()) for text in news)
    index: dict[str, list[int]] = defaultdict(list)
    for number, words in enumerate(news_words):
        for key in _word_shingles(words):
            index[key].append(number)
    shared: Counter[tuple[int, int]] = Counter()
    for holders in index.values():
        if 1 < len(holders) <= SHINGLE_MAX_ARTICLES:
            for i, a in enumerate(holders):
                for b in holders[i + 1 :]:
                    shared[(a, b)] += 1
    return sorted(
        (a, b)
        for (a, b), count in shared.items()
        if count >= SYNDICATED_SHINGLES
        and vectors[a].multiply(vectors[b]).sum() >= SYNDICATED_MIN_SIMILARITY
    )
