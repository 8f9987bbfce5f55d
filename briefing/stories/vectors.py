"""Article vectors: each article as TF-IDF weights of the Snowball stems of its content words.

Takes articles; gives their weighted stem counts (``term_counts``: title x3, lead x2, page
furniture shared by unrelated articles left out) and L2-normalised TF-IDF rows over them
(``tfidf_vectors``, ``count_vectors``; the IDF knows the common words of German news), the
vectors grouping, syndication and the digest's continuation use.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from briefing.cues.furniture import furniture_sentence_keys
from briefing.cues.quotes import QUOTE_MARKS
from briefing.cues.standalone import addresses_reader, holds_address
from briefing.lexicon import german_stop_words, news_stem_rates
from briefing.models import Article
from briefing.text.sentences import quick_sentences
from briefing.text.stems import german_stem
from briefing.text.words import letter_runs, letters_key

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

TITLE_WEIGHT = 3

LEAD_WEIGHT = 2

LEAD_SENTENCES = 2

# Pseudo-articles added to every folder's IDF (see tfidf_vectors); chosen with the threshold.
BACKGROUND_DOCS = 1000

# A body sentence found word for word in this many articles is page furniture, not news.
BOILERPLATE_ARTICLES = 3

# lower-case word -> its stem, or "" for a stop word or a word of one or two letters
_TERMS: dict[str, str] = {}


def _term(word: str) -> str:
    term = _TERMS.get(word)
    if term is None:
        term = "" if len(word) < 3 or word in german_stop_words() else german_stem(word)
        if len(_TERMS) < 500_000:
            _TERMS[word] = term
    return term


def content_stems(text: str) -> list[str]:
    """Stems of the content words of ``text``: no stop words, no one- or two-letter words.

    Hyphenated compounds give their parts ("Nordkorea-Besuch" -> nordkorea, besuch).
    """
    # the dictionary lookup inline: this runs for every word of every article
    known = _TERMS.get
    found = []
    for word in letter_runs(text.casefold()):
        term = known(word)
        if term is None:
            term = _term(word)
        if term:
            found.append(term)
    return found


def lead_text(article: Article, sentences: int = LEAD_SENTENCES) -> str:
    """The first sentences of the article's first paragraph (a cheap split; no Punkt needed)."""
    paragraphs = article.paragraphs
    if not paragraphs:
        return ""
    return " ".join(quick_sentences(paragraphs[0], sentences)[:sentences])


def article_terms(
    article: Article,
    boilerplate: frozenset[str] = frozenset(),
    keyed: list[tuple[str, str]] | None = None,
) -> list[str]:
    """The article's stems with title and lead repeated by their weight.

    Sentences in ``boilerplate`` (see ``boilerplate_sentences``) are left out of the lead and
    the body alike: the lead is the first LEAD_SENTENCES of the sentences that are news
    (a 10kGNAD stub's "Der Volltext dieses Artikels steht nicht mehr zur Verfügung" weighed
    twice made a dozen unrelated stubs one topic). ``keyed`` is the article's
    ``keyed_sentences`` when the caller has them already.
    """
    sentences = news_sentences(article, boilerplate, keyed)
    title = content_stems(article.title)
    lead = content_stems(" ".join(sentences[:LEAD_SENTENCES]))
    return title * TITLE_WEIGHT + lead * (LEAD_WEIGHT - 1) + content_stems(" ".join(sentences))


def news_sentences(
    article: Article,
    boilerplate: frozenset[str] = frozenset(),
    keyed: list[tuple[str, str]] | None = None,
) -> list[str]:
    """The article's sentences (a cheap split) without the boilerplate ones."""
    if keyed is None:
        keyed = keyed_sentences(article)
    return [sentence for sentence, key in keyed if key not in boilerplate]


def news_text(
    article: Article,
    boilerplate: frozenset[str] = frozenset(),
    keyed: list[tuple[str, str]] | None = None,
) -> str:
    """The article's paragraphs without the boilerplate sentences.

    ``keyed`` is the article's ``keyed_sentences`` when the caller has them already.
    """
    if not boilerplate:
        return " ".join(article.paragraphs)
    return " ".join(news_sentences(article, boilerplate, keyed))


def keyed_sentences(article: Article) -> list[tuple[str, str]]:
    """Each sentence of the article's paragraphs (a cheap split) with its ``letters_key``."""
    return [
        (sentence, letters_key(sentence))
        for paragraph in article.paragraphs
        for sentence in quick_sentences(paragraph)
    ]


def prepare_vectors(article: Article) -> None:
    """Stem the article's words now (into the stem cache the vectors, headings and summaries
    share), for a build that groups the articles next: called for each article while the
    worker processes read the next files, this work leaves grouping's serial part. (Its
    sentences' keys are not kept: held from the first file to grouping they cost more
    memory than their time.)"""
    known = _TERMS.get
    for paragraph in article.paragraphs:
        for word in letter_runs(paragraph.casefold()):
            if known(word) is None:
                _term(word)


def boilerplate_sentences(
    articles: Sequence[Article], keyed: Sequence[list[tuple[str, str]]] | None = None
) -> frozenset[str]:
    """Sentences that stand word for word in BOILERPLATE_ARTICLES or more unrelated articles,
    the lexicon's furniture sentences, and a page's notices to its reader about its channels.

    Page furniture that survived cleaning ("Der Volltext dieses Artikels steht nicht mehr
    zur Verfügung.", a podcast notice) must not pull unrelated articles together. A sentence
    whose articles share a title word is agency copy of one story and stays.
    """
    holders: dict[str, list[int]] = defaultdict(list)
    if keyed is None:
        keyed = [keyed_sentences(article) for article in articles]
    for number, pairs in enumerate(keyed):
        keys = {key for _, key in pairs}
        for key in keys:
            if key.count(" ") >= 3:
                holders[key].append(number)
    titles: dict[int, set[str]] = {}
    boilerplate = []
    for key, numbers in holders.items():
        if len(numbers) < BOILERPLATE_ARTICLES:
            continue
        words: Counter[str] = Counter()
        for number in numbers:
            if number not in titles:
                titles[number] = set(content_stems(articles[number].title))
            words.update(titles[number])
        if not words or max(words.values()) * 3 < 2 * len(numbers):
            boilerplate.append(key)
    # ... and a page's notices to its reader about itself, however few articles repeat them
    # ("Verpassen Sie keine Folge und abonnieren Sie unser Audio-Angebot ...", "Dann schreiben
    # Sie uns: podcast@sz.de."): each outlet words its podcast notice a little differently, and
    # their shared words made unrelated podcast notes one topic. Not a podcast's own summary
    # ("Im Podcast erklärt er, was hinter Trumps Kaufangebot steckt"), which holds its story,
    # nor an interview's "Sie" or a quote (a quote's words are someone's).
    # The lexicon's furniture sentences count however few articles hold them (two 10kGNAD
    # stubs' "Der Volltext dieses auf Agenturmeldungen basierenden Artikels steht ... nicht
    # mehr zur Verfügung." made a topic "Agenturmeldungen" of an attack and Guantanamo).
    furniture = furniture_sentence_keys()
    for pairs in keyed:
        boilerplate += [
            key for sentence, key in pairs if key in furniture or _notice_to_reader(sentence, key)
        ]
    return frozenset(boilerplate)


def _notice_to_reader(sentence: str, key: str) -> bool:
    # a channel word of the sentence stands in its letter key, case-folded: most sentences
    # are answered there, without the case-blind pattern (a fifth of grouping's serial time)
    if not any(word in key for word in _CHANNEL_WORDS):
        return False
    return (
        _CHANNEL.search(sentence) is not None
        and not QUOTE_MARKS.intersection(sentence)
        and (addresses_reader(sentence) or holds_address(sentence))
    )


# a medium's own channels ("Podcast", "Folge", "Newsletter", "abonnieren"; not any web
# address: a service piece's "finden Sie unter www..." holds its story's words)
_CHANNEL = re.compile(r"(?i)podcast|\bfolgen?\b|newsletter|abonnier")
_CHANNEL_WORDS = ("podcast", "folge", "newsletter", "abonnier")



def _merge_genitive_s(docs: list[dict[str, float]]) -> list[dict[str, float]]:
    # Snowball keeps "nordkoreas" apart from "nordkorea"; fold a trailing s when the folder
    # also has the bare form (names in the genitive: Putins, Nordkoreas).
    vocabulary = set().union(*docs)
    fold = {t: t[:-1] for t in vocabulary if t.endswith("s") and t[:-1] in vocabulary}
    if not fold:
        return docs
    merged: list[dict[str, float]] = []
    for doc in docs:
        folded = fold.keys() & doc.keys()
        if not folded:
            merged.append(doc)
            continue
        # each folded term's count moves to its bare form (one step: "xss" to "xs", whose
        # own count moves on to "x"); every folded term leaves before any count arrives
        counts = dict(doc)
        moved = [(fold[term], counts.pop(term)) for term in folded]
        for bare, count in moved:
            counts[bare] = counts.get(bare, 0) + count
        merged.append(counts)
    return merged


def term_counts(
    articles: Sequence[Article],
    boilerplate: frozenset[str] | None = None,
    keyed: Sequence[list[tuple[str, str]]] | None = None,
) -> list[dict[str, int]]:
    """Each article's weighted stems as counts (title x3, lead x2, boilerplate sentences out).

    What ``tfidf_vectors`` weighs, in a form that can be stored and weighed again later
    beside other articles (the digest keeps them to recognise a story's continuation).
    ``keyed`` holds the articles' ``keyed_sentences`` when the caller has them already.
    """
    if keyed is None:
        keyed = [keyed_sentences(a) for a in articles]
    if boilerplate is None:
        boilerplate = boilerplate_sentences(articles, keyed)
    return [_weighted_counts(a, boilerplate, k) for a, k in zip(articles, keyed)]


def _weighted_counts(
    article: Article, boilerplate: frozenset[str], keyed: list[tuple[str, str]]
) -> dict[str, int]:
    """``dict(Counter(article_terms(article, boilerplate, keyed)))``, stems in the same order
    (of their first word), each distinct word of a part looked up once.

    A sentence's key (``letters_key``) is its case-folded letter runs joined by spaces, the
    words ``content_stems`` finds in it; the lead and the body are the news sentences joined
    by spaces, so their words are their keys' words (no letter run crosses a space).
    """
    keys = [key for _, key in keyed if key not in boilerplate]
    parts = (
        (letter_runs(article.title.casefold()), TITLE_WEIGHT),
        (" ".join(keys[:LEAD_SENTENCES]).split(), LEAD_WEIGHT - 1),
        (" ".join(keys).split(), 1),
    )
    known = _TERMS.get
    counts: dict[str, int] = {}
    for found, weight in parts:
        if weight <= 0:
            continue
        for word, count in Counter(found).items():
            term = known(word)
            if term is None:
                term = _term(word)
            if term:
                counts[term] = counts.get(term, 0) + count * weight
    return counts


def tfidf_vectors(
    articles: Sequence[Article],
    background: int | None = None,
    boilerplate: frozenset[str] | None = None,
    keyed: Sequence[list[tuple[str, str]]] | None = None,
) -> csr_matrix:
    """L2-normalised TF-IDF rows (sublinear tf) of the articles' weighted stems.

    The IDF counts ``background`` pseudo-articles, as if the folder were part of a larger
    stream of news: in a folder of five articles on one story, the story's own words
    ("Nordkorea" in all five) must not sink to the weight of nothing, and the common words
    of German news ("Jahr", "sagt") must not weigh like a name (see ``count_vectors``).
    """
    return count_vectors(term_counts(articles, boilerplate, keyed), background)


def count_vectors(
    counts: Sequence[Mapping[str, float]], background: int | None = None
) -> csr_matrix:
    """``tfidf_vectors`` of articles given by their ``term_counts`` (rows in the same order).

    Genitive s folded over all the rows' words; IDF over the rows plus ``background``
    (default BACKGROUND_DOCS) pseudo-articles. The pseudo-articles hold the common words of
    German news at their usual document rates (``news_stem_rates``: stems in at least 0.5 %
    of both the MLSUM 2019 and the 10kGNAD 2015-16 articles, the lower rate) and nothing else.
    Without them, in a folder of 13 articles "Jahr" or "sagt" weighed like a name: 1.27
    unrelated pairs merged per small 10kGNAD folder, 0.05 with them (stories_proto.py).
    """
    import numpy as np
    import scipy.sparse as sp

    background = BACKGROUND_DOCS if background is None else background
    docs = _merge_genitive_s([dict(c) for c in counts])
    # columns in alphabetical order, counts as float32: the same matrix scikit-learn's
    # TfidfVectorizer gave, down to the last bit
    vocabulary = {t: i for i, t in enumerate(sorted(set().union(*docs)))}
    if not vocabulary:  # nothing but stop words: no article resembles another
        return sp.csr_matrix((len(docs), 1), dtype=np.float32)
    # every (row, column, count) at once; each row's columns then sorted by one stable sort
    column_list: list[int] = []
    count_list: list[float] = []
    for doc in docs:
        column_list.extend(map(vocabulary.__getitem__, doc))
        count_list.extend(doc.values())
    columns = np.array(column_list, dtype=np.int64)
    counts = np.array(count_list, dtype=np.float64)
    rows = np.repeat(np.arange(len(docs), dtype=np.int64), [len(doc) for doc in docs])
    positive = counts > 0
    columns, counts, rows = columns[positive], counts[positive], rows[positive]
    order = np.lexsort((columns, rows))
    data = counts[order].astype(np.float32)
    np.log(data, data)  # sublinear tf: 1 + log(count)
    data += 1.0
    indptr = np.zeros(len(docs) + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=len(docs)), out=indptr[1:])
    tf = sp.csr_matrix(
        (data, columns[order].astype(np.int32), indptr),
        shape=(len(docs), len(vocabulary)),
    )
    df = np.bincount(tf.indices, minlength=tf.shape[1])
    common = news_stem_rates()
    rate = np.array([common.get(t, 0.0) for t in vocabulary], dtype=np.float64)
    idf = np.log((len(docs) + background + 1) / (df + background * rate + 1)) + 1
    return normalize_rows_l2((tf @ sp.diags(idf.astype(np.float32))).tocsr())


def normalize_rows_l2(matrix: Any) -> Any:
    """Rows scaled to unit length, bit for bit as scikit-learn's ``normalize(norm="l2")``.

    scikit-learn sums each row's float32 squares in a double, in order, and divides in
    double; the same steps here spare a cold start the 0.6 s of importing scikit-learn.
    """
    import operator
    from functools import reduce

    import numpy as np

    data = matrix.data
    squares = (data * data).astype(np.float64).tolist()  # float32 products, exact in double
    indptr = matrix.indptr.tolist()
    norms = np.ones(len(data), dtype=np.float64)
    for start, end in zip(indptr, indptr[1:]):
        total = reduce(operator.add, squares[start:end], 0.0)
        if total != 0.0:
            norms[start:end] = np.sqrt(total)
    matrix.data = (data.astype(np.float64) / norms).astype(data.dtype)
    return matrix
