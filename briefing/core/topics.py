"""Topics (stories): TF-IDF vectors, average-linkage clustering, headings in the articles' words.

How grouping works
    Each article becomes a TF-IDF vector of Snowball German stems of its content words (sumy's
    German stop words out; title counted three times, lead twice; sentences that stand word
    for word in three or more unrelated articles left out as page furniture). Articles whose
    cosine similarity reaches ``THRESHOLD`` form the edges of a sparse graph; inside each
    connected component of that graph the articles are clustered by average linkage (scipy)
    and cut at the same similarity. That is exact average linkage: two clusters whose mean
    similarity reaches the threshold have at least one pair that does, so they share a
    component. Syndicated copies (the same agency text in several outlets) always share a
    topic. Same articles in the same order give the same topics (no hashing of strings, no
    randomness).

How the threshold was chosen (``python benchmarks/topics.py --sweep --small``)
    On the 1,028 10kGNAD test articles (9 sections) with the five seeds mixed in, and on 200
    random small folders (8 10kGNAD articles + the seeds), with BACKGROUND_DOCS = 1000:

    threshold  topics  multi  purity  purity(multi)  seeds one topic  small: seeds / false pairs
    0.200      918     70     0.9893  0.9389         yes              0.995 / 0.090
    0.225      953     54     0.9932  0.9457         yes              1.000 / 0.045
    0.250      975     42     0.9961  0.9579         yes              1.000 / 0.020
    0.275      993     30     0.9981  0.9692         yes              1.000 / 0.015
    0.300      1000    24     0.9981  0.9615         yes              1.000 / 0.015
    0.325      1012    15     0.9990  0.9677         yes              1.000 / 0.015
    0.350      1016    11     1.0000  1.0000         no (2 topics)    0.000 / 0.015

    The seeds stay one topic of their own from 0.225 to 0.325; 0.275 is the middle of that
    range and the knee of purity over multi-article topics (0.97); small folders of unrelated
    articles get one merged pair in about 70 folders. Without the background pseudo-articles
    (IDF from the folder alone) a small folder's own story fell apart: at 0.25 the seeds were
    one topic in 16 % of the small folders only.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from briefing.core.lexrank import german_stem, german_stop_words
from briefing.core.models import Article, SummaryItem, Topic

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

# Cosine similarity at which two articles tell the same story (average linkage cut).
THRESHOLD = 0.275
TITLE_WEIGHT = 3
LEAD_WEIGHT = 2
LEAD_SENTENCES = 2
# Pseudo-articles added to every folder's IDF (see tfidf_vectors); chosen with the threshold.
BACKGROUND_DOCS = 1000

# A body sentence found word for word in this many articles is page furniture, not news.
BOILERPLATE_ARTICLES = 3

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

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_PLAIN_WORD = re.compile(r"[^\W\d_]+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'„“»«(]?[A-ZÄÖÜ0-9])")
# Words before a common noun, seldom before a name: articles, determiners, contractions.
# fmt: off
_ARTICLES = frozenset({
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem",
    "einen", "im", "am", "zum", "zur", "vom", "beim", "ins", "dieser", "diese", "dieses",
    "diesem", "diesen", "kein", "keine", "keinen", "keinem", "keiner", "seine", "seiner",
    "seinen", "seinem", "seines", "ihre", "ihrer", "ihren", "ihrem", "ihres", "unsere",
    "jeder", "jede", "jedes",
})
# Spelled-out numbers and quantities: "zwei Uhr", "mehrere Stunden" count a common noun.
_QUANTITIES = frozenset({
    "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf",
    "zwanzig", "dreißig", "vierzig", "fünfzig", "hundert", "tausend", "halb", "viertel",
    "mehrere", "einige", "viele", "wenige", "beiden", "beide", "alle", "etliche", "zahlreiche",
})
# fmt: on


def stem(word: str) -> str:
    """Snowball German stem of a (lower-case) word: LexRank's cached stemmer, one cache for
    grouping, headings and summaries (sumy's Stemmer("german") is NLTK's GermanStemmer)."""
    return german_stem(word)


# lower-case word -> its stem, or "" for a stop word or a word of one or two letters
_TERMS: dict[str, str] = {}


def _term(word: str) -> str:
    term = _TERMS.get(word)
    if term is None:
        term = "" if len(word) < 3 or word in german_stop_words() else stem(word)
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
    for word in _PLAIN_WORD.findall(text.casefold()):
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
    return " ".join(_SENTENCE_END.split(paragraphs[0], maxsplit=sentences)[:sentences])


def article_terms(
    article: Article, boilerplate: frozenset[str] = frozenset(), news: str | None = None
) -> list[str]:
    """The article's stems with title and lead repeated by their weight.

    Body sentences in ``boilerplate`` (see ``boilerplate_sentences``) are left out; ``news``
    is the article's ``news_text`` when the caller has it already.
    """
    title = content_stems(article.title)
    lead = content_stems(lead_text(article))
    if news is None:
        news = news_text(article, boilerplate)
    return title * TITLE_WEIGHT + lead * (LEAD_WEIGHT - 1) + content_stems(news)


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
    if keyed is None:
        keyed = keyed_sentences(article)
    return " ".join(sentence for sentence, key in keyed if key not in boilerplate)


def keyed_sentences(article: Article) -> list[tuple[str, str]]:
    """Each sentence of the article's paragraphs (a cheap split) with its ``_sentence_key``."""
    return [
        (sentence, _sentence_key(sentence))
        for paragraph in article.paragraphs
        for sentence in _SENTENCE_END.split(paragraph)
    ]


def _sentence_key(sentence: str) -> str:
    return " ".join(_PLAIN_WORD.findall(sentence.casefold()))


def boilerplate_sentences(
    articles: Sequence[Article], keyed: Sequence[list[tuple[str, str]]] | None = None
) -> frozenset[str]:
    """Sentences that stand word for word in BOILERPLATE_ARTICLES or more unrelated articles.

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
    return frozenset(boilerplate)


def _merge_genitive_s(docs: list[dict[str, float]]) -> list[dict[str, float]]:
    # Snowball keeps "nordkoreas" apart from "nordkorea"; fold a trailing s when the folder
    # also has the bare form (names in the genitive: Putins, Nordkoreas).
    vocabulary = {t for doc in docs for t in doc}
    fold = {t: t[:-1] for t in vocabulary if t.endswith("s") and t[:-1] in vocabulary}
    if not fold:
        return docs
    merged: list[dict[str, float]] = []
    for doc in docs:
        counts: dict[str, float] = defaultdict(float)
        for term, count in doc.items():
            counts[fold.get(term, term)] += count
        merged.append(counts)
    return merged


def term_counts(
    articles: Sequence[Article],
    boilerplate: frozenset[str] | None = None,
    news: Sequence[str] | None = None,
) -> list[dict[str, int]]:
    """Each article's weighted stems as counts (title x3, lead x2, boilerplate sentences out).

    What ``tfidf_vectors`` weighs, in a form that can be stored and weighed again later
    beside other articles (the digest keeps them to recognise a story's continuation).
    """
    if boilerplate is None:
        boilerplate = boilerplate_sentences(articles)
    if news is None:
        news = [news_text(a, boilerplate) for a in articles]
    return [dict(Counter(article_terms(a, news=t))) for a, t in zip(articles, news)]


def tfidf_vectors(
    articles: Sequence[Article],
    background: int | None = None,
    boilerplate: frozenset[str] | None = None,
    news: Sequence[str] | None = None,
) -> csr_matrix:
    """L2-normalised TF-IDF rows (sublinear tf) of the articles' weighted stems.

    The IDF counts ``background`` pseudo-articles that contain none of the words, as if the
    folder were part of a larger stream of news: in a folder of five articles on one story,
    the story's own words ("Nordkorea" in all five) must not sink to the weight of nothing.
    """
    return count_vectors(term_counts(articles, boilerplate, news), background)


def count_vectors(
    counts: Sequence[Mapping[str, float]], background: int | None = None
) -> csr_matrix:
    """``tfidf_vectors`` of articles given by their ``term_counts`` (rows in the same order).

    Genitive s folded over all the rows' words; IDF over the rows plus ``background``
    (default BACKGROUND_DOCS) pseudo-articles.
    """
    import numpy as np
    import scipy.sparse as sp

    background = BACKGROUND_DOCS if background is None else background
    docs = _merge_genitive_s([dict(c) for c in counts])
    # columns in alphabetical order, counts as float32: the same matrix scikit-learn's
    # TfidfVectorizer gave, down to the last bit
    vocabulary = {t: i for i, t in enumerate(sorted({t for doc in docs for t in doc}))}
    if not vocabulary:  # nothing but stop words: no article resembles another
        return sp.csr_matrix((len(docs), 1), dtype=np.float32)
    indptr = [0]
    indices: list[int] = []
    values: list[float] = []
    for doc in docs:
        for column, count in sorted((vocabulary[t], c) for t, c in doc.items() if c > 0):
            indices.append(column)
            values.append(count)
        indptr.append(len(indices))
    data = np.asarray(values, dtype=np.float32)
    np.log(data, data)  # sublinear tf: 1 + log(count)
    data += 1.0
    tf = sp.csr_matrix(
        (data, np.asarray(indices, dtype=np.int32), np.asarray(indptr, dtype=np.int64)),
        shape=(len(docs), len(vocabulary)),
    )
    df = np.bincount(tf.indices, minlength=tf.shape[1])
    idf = np.log((len(docs) + background + 1) / (df + 1)) + 1
    return _normalize_rows_l2((tf @ sp.diags(idf.astype(np.float32))).tocsr())


def _normalize_rows_l2(matrix: Any) -> Any:
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


def similarity_graph(
    vectors: csr_matrix, threshold: float, chunk: int = 1000, jobs: int = 1
) -> csr_matrix:
    """Sparse symmetric matrix of the cosine similarities >= ``threshold`` (no diagonal).

    Row blocks keep memory flat: a block's products are thresholded before the next. The
    blocks are independent, so ``jobs`` worker processes share them out (the same result).
    """
    import scipy.sparse as sp

    from briefing.core.parallel import map_shared

    n = vectors.shape[0]
    transposed = vectors.T.tocsc()
    starts = list(range(0, n, chunk))
    # a pool pays from about four blocks on (4,000 articles)
    blocks = map_shared(_graph_block, (vectors, transposed, threshold, chunk), starts, jobs, 4)
    graph = sp.vstack(blocks).tocsr() if blocks else sp.csr_matrix((n, n))
    graph.setdiag(0)
    graph.eliminate_zeros()
    return graph


def _graph_block(shared: tuple[Any, Any, float, int], start: int) -> csr_matrix:
    vectors, transposed, threshold, chunk = shared
    block = (vectors[start : start + chunk] @ transposed).tocsr()
    block.data[block.data < threshold] = 0
    block.eliminate_zeros()
    return block


def cluster_labels(
    vectors: csr_matrix,
    threshold: float = THRESHOLD,
    must_link: Iterable[tuple[int, int]] = (),
    jobs: int = 1,
) -> list[int]:
    """A cluster number per row: average linkage cut at ``threshold`` cosine similarity.

    Rows in ``must_link`` pairs end up in the same cluster (their clusters are joined).
    Numbers follow the first row of each cluster, so the result does not depend on anything
    but the rows and their order.
    """
    import numpy as np

    from briefing.core.scipy_light import average_linkage_labels, connected_components

    n = vectors.shape[0]
    if n == 0:
        return []
    graph = similarity_graph(vectors, threshold, jobs=jobs)
    _, component = connected_components(graph, directed=False)
    labels = np.arange(n)
    next_label = n  # labels of merged clusters start after the singleton labels
    members: dict[int, list[int]] = defaultdict(list)
    for row, comp in enumerate(component):
        members[int(comp)].append(row)
    for rows in members.values():
        if len(rows) == 1:
            continue
        block = vectors[rows]
        similarity = (block @ block.T).toarray().astype(np.float64)
        distance = np.clip(1.0 - similarity, 0.0, 2.0)
        np.fill_diagonal(distance, 0.0)
        # scipy's linkage + fcluster, without importing scipy.cluster; fcluster merges at
        # distance <= t, and a hair of slack keeps ties at the threshold in.
        cut = average_linkage_labels(distance, 1.0 - threshold + 1e-9)
        for row, local in zip(rows, cut):
            labels[row] = next_label + int(local)
        next_label += int(cut.max()) + 1
    labels = _join(labels, must_link)
    first: dict[int, int] = {}
    return [first.setdefault(int(label), len(first)) for label in labels]


def _join(labels: Any, pairs: Iterable[tuple[int, int]]) -> Any:
    import numpy as np
    import scipy.sparse as sp

    from briefing.core.scipy_light import connected_components

    pairs = list(pairs)
    if not pairs:
        return labels
    # clusters are nodes; a must-link pair is an edge between the clusters of its rows
    _, dense = np.unique(labels, return_inverse=True)
    rows = [dense[a] for a, _ in pairs]
    cols = [dense[b] for _, b in pairs]
    size = int(dense.max()) + 1
    graph = sp.coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(size, size))
    _, joined = connected_components(graph, directed=False)
    return joined[dense]


def _shingles(text: str) -> set[str]:
    words = _PLAIN_WORD.findall(text.casefold())
    # a deterministic sample: shingles that start at a word whose length is a multiple of
    # SHINGLE_SAMPLE (the same text always gives the same sample, in any outlet)
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
) -> list[tuple[int, int]]:
    """Index pairs of articles that carry the same agency text (shared runs of sentences).

    Sampled word 8-gram shingles of the bodies (boilerplate sentences left out), compared
    through an inverted index, so the cost grows with the text, not with the number of pairs.
    A pair must also be about the same things (cosine >= SYNDICATED_MIN_SIMILARITY): two
    articles of one series share its notice ("Alle Folgen finden Sie hier ...") and no more.
    """
    if boilerplate is None:
        boilerplate = boilerplate_sentences(articles)
    if news is None:
        news = [news_text(a, boilerplate) for a in articles]
    if vectors is None:
        vectors = tfidf_vectors(articles, boilerplate=boilerplate, news=news)
    index: dict[str, list[int]] = defaultdict(list)
    for number, text in enumerate(news):
        for key in _shingles(text):
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


def group_topics(
    articles: list[Article], threshold: float = THRESHOLD, jobs: int = 1
) -> list[Topic]:
    """The stories in ``articles``, largest and most-covered first.

    A story told by one article only becomes a minor topic ("Weitere Meldungen") when the
    folder has at least one story with several articles; when no two articles share a story,
    every article gets its own full section (there is nothing to list them beside).
    """
    if not articles:
        return []
    if len(articles) == 1:
        return [Topic(title=topic_heading(articles), articles=list(articles))]
    keyed = [keyed_sentences(a) for a in articles]  # split and keyed once, used twice
    boilerplate = boilerplate_sentences(articles, keyed)
    news = [news_text(a, boilerplate, k) for a, k in zip(articles, keyed)]
    del keyed
    vectors = tfidf_vectors(articles, boilerplate=boilerplate, news=news)
    pairs = syndicated_pairs(articles, boilerplate, vectors, news)
    labels = cluster_labels(vectors, threshold, pairs, jobs)
    clusters: dict[int, list[Article]] = defaultdict(list)
    for article, label in zip(articles, labels):
        clusters[label].append(article)
    groups = list(clusters.values())
    has_story = any(len(g) > 1 for g in groups)
    major = sorted(
        (g for g in groups if len(g) > 1 or not has_story),
        key=lambda g: (-len(g), -_outlet_count(g), _order(g[0])),
    )
    minor = [g for g in groups if len(g) == 1 and has_story]
    headings = topic_headings(major, vectors, articles, jobs) if major else []
    topics = [Topic(title=h, articles=g) for h, g in zip(headings, major)]
    topics += [Topic(title=g[0].title, articles=g, minor=True) for g in minor]
    return topics


def _outlet_count(group: list[Article]) -> int:
    return len({a.outlet for a in group if a.outlet})


def _order(article: Article) -> tuple[int, str]:
    return (article.number, str(article.path))


# --------------------------------------------------------------------------- headings

# A name leads a heading ("Putins ...") when it scores at least this share of the best word.
LEAD_NAME_SHARE = 0.6

_NAME_PARTS = re.compile(r"[A-ZÄÖÜ][\wäöüß]*")
# fmt: off
# Prepositions: a word after one is no subject ("in Passau"), and a noun between one and a
# genitive article is a common noun ("nach Angaben der Polizei", "wegen Streiks der GDL").
_PREPOSITIONS = frozenset({
    "in", "an", "auf", "aus", "bei", "nach", "von", "vor", "zu", "mit", "gegen", "für", "über",
    "unter", "durch", "laut", "wegen", "trotz", "seit", "nahe", "ohne", "um", "bis", "zwischen",
    "neben", "hinter", "gemäß", "infolge", "angesichts", "statt", "während", "ab",
})
# fmt: on
# Prepositions of place (with their contractions): "im Westjordanland", "an der Donau"
_WHERE = frozenset({"in", "im", "ins", "an", "am", "auf", "bei", "beim", "nahe", "aus"})
# Articles and the possessives _ARTICLES lacks: "für ihr Schutzgesuch" is no subject
_DETERMINERS = _ARTICLES | frozenset(
    {"ihr", "sein", "mein", "dein", "unser", "euer", "meine", "deine", "unseren", "unserem"}
)
_BEFORE_A_TITLE = _DETERMINERS | _WHERE  # "der Provinz Sirnak", "in Provinz Sirnak"
_GENITIVE_ARTICLES = frozenset({"des", "der", "eines", "einer"})
# A place is named with these in a heading: "Waldbrand bei Jüterbog" (nahe reads as bei).
_PLACE_PREPOSITIONS = {"in": "in", "bei": "bei", "nahe": "bei"}


class _Tally(dict):
    """Counts by key, as a Counter counts (a missing key counts 0 and is not stored).

    A Counter is slow to create (its ``__init__`` runs in Python), and a run makes six for
    each of some 175,000 candidates: a quarter of the headings' time on 11,700 articles.
    """

    __slots__ = ()

    def __missing__(self, key: str) -> int:
        return 0


class _Candidate:
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
        self.forms: _Tally = _Tally()
        self.inflected: set[str] = set()  # forms with a genitive s ("Putins")
        self.articles: set[int] = set()
        self.titles: set[int] = set()
        self.leads: set[int] = set()
        self.after_article = 0  # occurrences as a common noun: "der", "betroffene", "nach ... der"
        self.article_words: _Tally = _Tally()  # "die" GDL, "der" DGB
        self.prefixes: _Tally = _Tally()  # right before: "New" Horizons, "ter" Stegen
        # (plain dicts, not Counters: tens of thousands of candidates are made per run)
        # the words right before it that may belong to the name: ("Lula", "da") of Silva
        self.prefix_chains: dict[tuple[str, ...], int] = {}
        # nouns the text says it owns, by the form that says so: ("Putins", "besuch") from
        # "Putins erster Besuch" or "Besuch Putins", ("", "knieverletzung") from "die
        # Knieverletzung von ter Stegen"
        self.owned: set[tuple[str, str]] = set()
        self.org_heads: set[str] = set()  # nouns right before "der"/"des" it: "streik"
        self.after_des: _Tally = _Tally()  # forms after "des": "Rechtsausschusses"
        self.after_preposition = 0  # after _WHERE: "im Westjordanland" names where, not what
        self.apposition: _Tally = _Tally()  # "Landeroboter Philae": Philae
        self.plain_apposition: set[str] = set()  # the same, not after "Chef der"
        self.count = 0
        self.mid = 0  # occurrences inside a sentence (a capital there is not just position)
        self.mid_articles: set[int] = set()  # articles with such an occurrence
        self.before_name = 0  # occurrences right before another capitalised word (Angela Merkel)
        self.particle = 0  # occurrences after a name particle ("ter Stegen", "van der Bellen")
        self.subject_articles: set[int] = set()  # articles where it stands bare, as a subject
        self.s_form_articles: dict[str, set[int]] = defaultdict(set)  # "Putins": articles
        self.placed: set[tuple[str, ...]] = set()  # keys of nouns said to be "in"/"bei" it
        self.places: _Tally = _Tally()  # "in", "bei" right before it ("bei Jüterbog")
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
        base = [f for f in forms if not _genitive_of(f, self.forms)] or forms
        form = min(base, key=lambda f: (-self.forms[f], -f.count("-"), f))
        if self.after_des[form] == self.forms[form]:  # only "des Bundestags-Rechtsausschusses"
            return _nominative(form)
        return form


def _nominative(form: str) -> str:
    """The base of a noun seen only in the genitive: "Rechtsausschusses" -> "Rechtsausschuss"."""
    if form.endswith("es") and len(form) > 5 and form[-3] not in "aeiouäöü":
        return form[:-2]  # des Ausschusses, des Verbandes, des Hauses
    if form.endswith("s") and form[-2:-1] not in ("s", "ß", "x", "z"):
        return form[:-1]  # des Bundestags, des Gazastreifens
    return form


def _genitive_of(form: str, forms: Counter[str]) -> bool:
    return (form.endswith("s") and form[:-1] in forms) or (
        form.endswith("es") and form[:-2] in forms
    )


def _part_stems(word: str) -> tuple[str, ...]:
    return tuple(stem(p.casefold()) for p in word.split("-") if p)


_ADJECTIVE_ENDINGS = ("e", "en", "es", "em")
# Endings of adjectives written with a capital inside a name ("Statistische", "Deutschen")
# fmt: off
_CAPITAL_ADJECTIVES = tuple(
    stem + ending
    for stem in ("isch", "sch", "lich", "ig", "al", "en", "er")
    for ending in _ADJECTIVE_ENDINGS
)
# fmt: on
# Endings of German common nouns, never of a name that could lead a heading in the genitive
_NOUN_SUFFIXES = (
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
_SENTENCE_OPENERS = frozenset({".", "!", "?", ":", "–", "-", "„", '"', "«", "»"})
# Words before a name taken into its full form at most ("Luiz Inácio" stays out of "Lula da").
NAME_CHAIN = 2
# Short lower-case words that join two names, never part of one.
_CONJUNCTIONS = frozenset({"und", "oder", "bzw", "wie", "als", "vs"})


@lru_cache(maxsize=100_000)
def _candidate_key(word: str) -> tuple[tuple[str, ...], bool] | None:
    """The stems key of a capitalised word and whether it was inflected; None for others."""
    capital = (word[0].isupper() and not word.isupper()) or (word.isupper() and len(word) <= 5)
    if not capital or len(word) < 3 or word.casefold() in german_stop_words():
        return None
    stems = _part_stems(word)
    key = _fold_key(stems)
    return key, key != stems


def _is_adjective(word: str) -> bool:
    """An inflected adjective before a noun ("betroffene Haushalte", "neue Aufnahmen").

    Lower case, or capitalised at a sentence start; a past-tense verb ("sagte Putin") ends in
    -te/-ten like few adjectives, so those are left out.
    """
    folded = word.casefold()
    return (
        len(folded) > 3
        and folded.endswith(_ADJECTIVE_ENDINGS)
        and not folded.endswith(("te", "ten"))
        and folded not in german_stop_words()
    )


def _candidates(articles: Sequence[Article]) -> dict[tuple[str, ...], _Candidate]:
    """Capitalised words and hyphenated compounds (a heading's building blocks) by stems.

    Includes words seen only at the start of sentences (see ``_building_blocks``).
    """
    found: dict[tuple[str, ...], _Candidate] = {}
    for number, article in enumerate(articles):
        lead_words = {m.group() for m in _WORD.finditer(lead_text(article))}
        for where, sentence_number, sentence in _scanned_sentences(article):
            _scan_sentence(found, number, where, sentence_number, sentence, lead_words)
    return found


def _scanned_sentences(article: Article) -> Iterator[tuple[str, int, str]]:
    """(part, number, sentence) of the title and body, cheaply split, as headings read them."""
    for where, text in (("title", article.title), ("body", article.body)):
        for sentence_number, sentence in enumerate(_SENTENCE_END.split(text)):
            yield where, sentence_number, sentence


def _capitalised(
    matches: list[re.Match[str]],
) -> Iterator[tuple[int, str, tuple[tuple[str, ...], bool]]]:
    """(position, word, (stems key, inflected)) of each word that may be a heading's part."""
    for position, match in enumerate(matches):
        word = match.group()
        if not word[0].isupper():
            continue
        found_key = _candidate_key(word)
        if found_key is not None:
            yield position, word, found_key


def _building_blocks(
    found: dict[tuple[str, ...], _Candidate],
) -> dict[tuple[str, ...], _Candidate]:
    # a word seen only at the start of sentences may be capitalised for that reason alone
    return {key: c for key, c in found.items() if c.mid or len(key) > 1}


def _group_block_stems(groups: list[list[Article]], index: int) -> frozenset[str]:
    """The stems of ``_building_blocks(_candidates(groups[index]))``, found more cheaply."""
    stems: set[str] = set()
    for article in groups[index]:
        for _, _, sentence in _scanned_sentences(article):
            matches = list(_WORD.finditer(sentence))
            for position, _, (key, _) in _capitalised(matches):
                if len(key) > 1 or not _clause_start(sentence, matches, position)[1]:
                    stems.update(key)
    return frozenset(stems)


def _clause_start(text: str, matches: list[re.Match[str]], position: int) -> tuple[str, bool]:
    """The text between the word at ``position`` and the one before, and whether the word
    opens a clause (the sentence's first word, or after a colon, dash or quotation mark)."""
    if not position:
        return "", True
    gap = text[matches[position - 1].end() : matches[position].start()]
    return gap, any(ch in _SENTENCE_OPENERS for ch in gap.strip())


def _scan_sentence(
    found: dict[tuple[str, ...], _Candidate],
    number: int,
    where: str,
    sentence_number: int,
    text: str,
    lead_words: set[str],
) -> None:
    matches = list(_WORD.finditer(text))
    # "Scheuer ... sein Prestigeprojekt": (where, noun) after each possessive of the sentence
    possessed = _possessed_nouns(matches) if _POSSESSIVE.search(text) else []
    for position, word, (key, inflected) in _capitalised(matches):
        match = matches[position]
        candidate = found.get(key)
        if candidate is None:
            candidate = found[key] = _Candidate()
        candidate.forms[word] += 1
        if inflected:
            candidate.inflected.add(word)
        before = matches[position - 1].group().casefold() if position else ""
        # a genitive s with no article ("Putins Besuch"), not "des Schutzgesuchs"
        if len(key) == 1 and word.endswith("s") and before not in _DETERMINERS:
            candidate.s_form_articles[word] |= {number}
        if before in ("des", "eines"):
            candidate.after_des[word] += 1
        candidate.articles.add(number)
        candidate.sentences.add((number, where, sentence_number))
        candidate.count += 1
        start = match.start()
        # the words around it, within its clause (a colon or dash starts a new one)
        gap, clause_start = _clause_start(text, matches, position)
        if not clause_start:
            candidate.mid += 1
            candidate.mid_articles.add(number)
        if where == "title":
            candidate.titles.add(number)
        elif word in lead_words:
            candidate.leads.add(number)
        previous = "" if clause_start else matches[position - 1].group()
        earlier = matches[position - 2].group() if position > 1 and previous else ""
        following = matches[position + 1] if position + 1 < len(matches) else None
        after = text[match.end() : following.start()] if following else text[match.end() :]
        next_word = following.group() if following and not after.strip() else ""
        lower_previous = previous.casefold()
        # "der Präsident", "der russische Präsident", "betroffene Haushalte": a common noun
        if (
            lower_previous in _DETERMINERS
            or lower_previous in _QUANTITIES
            or (
                earlier.casefold() in _DETERMINERS  # "der russische Präsident"
                and (previous[:1].islower() or previous.endswith(_CAPITAL_ADJECTIVES))
            )  # "das Statistische Bundesamt", not "im Landkreis Teltow-Fläming" or
            # "die Raumsonde Kelvara"
            or (previous[:1].islower() and _is_adjective(previous))
            or (  # "Betroffene Haushalte" at a sentence start, not "Raumsonde Kelvara"
                position == 1
                and matches[0].group().endswith(_CAPITAL_ADJECTIVES)
                and _is_adjective(matches[0].group())
                and not gap.strip()
            )
            or text[max(0, start - 3) : start][-2:-1].isdigit()  # "2,0 Prozent", "128 Monde"
            # "nach Angaben der Polizei": a noun with a genitive attribute after a preposition
            or (lower_previous in _PREPOSITIONS and next_word.casefold() in _GENITIVE_ARTICLES)
            or next_word.casefold() in ("des", "eines")
        ):
            candidate.after_article += 1
        # "ter Stegen", "de Gaulle": a short lower-case particle that is no German word
        if (
            previous[:1].islower()
            and len(previous) <= 3
            and lower_previous not in _PREPOSITIONS
            and lower_previous not in german_stop_words()
        ):
            candidate.particle += 1
            candidate.prefixes[previous] += 1
        if previous[:1].isupper() and gap == " ":
            candidate.prefixes[previous] += 1
        chain = _name_chain(text, matches, position) if gap == " " else ()
        if chain:
            chains = candidate.prefix_chains
            chains[chain] = chains.get(chain, 0) + 1
        if len(key) == 1:
            at = position - len(chain) - 1  # where "von" would stand: "Besuch von ter Stegen"
            if word.endswith("s") or (at >= 1 and matches[at].group() == "von"):
                _note_owned(candidate, text, matches, position, chain, clause_start)
            for where_said, noun in possessed:
                if where_said > position:
                    candidate.owned.add(("", noun))
        # "Streik der GDL": the noun an organisation's name follows in the genitive
        if lower_previous in ("der", "des") and earlier[:1].isupper():
            candidate.org_heads.add(_head_stem(earlier))
        if lower_previous in _DETERMINERS:
            candidate.article_words[lower_previous] += 1
        if lower_previous in _PLACE_PREPOSITIONS:
            candidate.places[_PLACE_PREPOSITIONS[lower_previous]] += 1
            # the nouns just before "in"/"bei" it: "Waldbrand bei Jüterbog", "nach der
            # Quarzwerk-Explosion in Falkenrode"
            for before in matches[max(0, position - 5) : position - 1]:
                before_key = (
                    _candidate_key(before.group()) if before.group()[:1].isupper() else None
                )
                if before_key is not None:
                    candidate.placed.add(before_key[0])
        # bare, as a subject: "Putin reist", "schrieb Putin", a headline's "Falkenrode: ..."
        bare = (
            lower_previous not in _PREPOSITIONS
            and lower_previous not in _DETERMINERS
            # "in der Provinz Sirnak", "der Costa Concordia": the article is the title's
            and not (previous[:1].isupper() and earlier.casefold() in _BEFORE_A_TITLE)
        )
        if bare and (
            (next_word[:1].islower() and next_word.casefold() not in _PREPOSITIONS)
            or (previous[:1].islower() and not _is_adjective(previous))
            or (where == "title" and not position and after.lstrip().startswith(":"))
        ):
            candidate.subject_articles.add(number)
        # "der Chef der Brexit-Partei Nigel Farage": the name may belong to "Chef", not the party
        # (or be the noun's, as in "Sieg des Mercedes-Piloten Lewis Hamilton")
        genitive_attribute = lower_previous in ("der", "des") and earlier[:1].isupper()
        if next_word[:1].isupper() and after == " ":
            candidate.before_name += 1
            # "Landeroboter Philae", "Hauptdarsteller Leonardo DiCaprio" (not "Besuch Putins")
            for other in matches[position + 1 : position + 3]:
                if not other.group()[:1].isupper():
                    break
                candidate.apposition[other.group()] += 1
                if not genitive_attribute:
                    candidate.plain_apposition.add(other.group())
        if lower_previous in _WHERE or (
            earlier.casefold() in _WHERE and lower_previous in _DETERMINERS
        ):
            candidate.after_preposition += 1


def _name_chain(text: str, matches: list[re.Match[str]], position: int) -> tuple[str, ...]:
    """Up to NAME_CHAIN words right before a word that may be part of its name.

    Capitalised words ("Boris" Johnson) and short particles ("ter" Stegen, "Lula da" Silva),
    joined by single spaces; an article, preposition or conjunction ends the chain. Other
    words come in too ("saß da" Silva): name_prefix keeps only what nearly always comes.
    """
    chain: list[str] = []
    for j in range(position - 1, max(-1, position - 1 - NAME_CHAIN), -1):
        word = matches[j].group()
        if text[matches[j].end() : matches[j + 1].start()] != " ":
            break
        folded = word.casefold()
        if folded in _DETERMINERS or folded in _PREPOSITIONS or folded in _CONJUNCTIONS:
            break
        if not word[:1].isupper() and len(word) > 3:
            break  # a particle is short: "ter" Stegen, "da" Silva, "van" Gogh
        chain.insert(0, word)
    return tuple(chain)


# Possessive determiners: "sein Besuch", "ihren privaten E-Mail-Server"
_POSSESSIVES = frozenset(
    prefix + ending for prefix in ("sein", "ihr") for ending in ("", "e", "en", "em", "er", "es")
)
_POSSESSIVE = re.compile(r"\b(?:[sS]ein|[iI]hr)(?:e[nmrs]?)?\b")


def _possessed_nouns(matches: list[re.Match[str]]) -> list[tuple[int, str]]:
    """(position, noun stem) of the first noun within three words after each possessive."""
    found = []
    for position, match in enumerate(matches):
        if match.group().casefold() in _POSSESSIVES:
            for other in matches[position + 1 : position + 4]:
                if other.group()[:1].isupper():
                    found.append((position, _head_stem(other.group())))
                    break
    return found


@lru_cache(maxsize=100_000)
def _head_stem(word: str) -> str:
    """The folded stem of a word's last part: "besuch" of "Nordkorea-Besuch"."""
    stems = _fold_key(_part_stems(word))
    return stems[-1] if stems else ""


def _note_owned(
    candidate: _Candidate,
    text: str,
    matches: list[re.Match[str]],
    position: int,
    chain: tuple[str, ...],
    clause_start: bool,
) -> None:
    """Record the nouns the text says a name owns (see _Candidate.owned)."""
    word = matches[position].group()
    if word.endswith("s"):
        # "Putins (zweiter) Nordkorea-Besuch": the next nouns of the clause
        for j in range(position + 1, min(len(matches), position + 4)):
            gap = text[matches[j - 1].end() : matches[j].start()]
            if gap.strip():
                break
            if matches[j].group()[:1].isupper():
                candidate.owned.add((word, _head_stem(matches[j].group())))
        # "Nordkorea-Besuch Putins"
        if position and not clause_start:
            previous = matches[position - 1]
            if previous.group()[:1].isupper() and text[previous.end() : matches[position].start()] == " ":
                candidate.owned.add((word, _head_stem(previous.group())))
    # "die Knieverletzung von (Marc-André) ter Stegen"
    at = position - len(chain) - 1
    if at >= 1 and matches[at].group() == "von":
        noun = matches[at - 1]
        if noun.group()[:1].isupper() and text[noun.end() : matches[at].start()] == " ":
            candidate.owned.add(("", _head_stem(noun.group())))


def _fold_key(parts: tuple[str, ...]) -> tuple[str, ...]:
    # genitive s of names: "Putins" and "Putin" are one candidate
    return tuple(p[:-1] if p.endswith("s") and len(p) > 4 else p for p in parts)


def _is_name(candidate: _Candidate, key: tuple[str, ...]) -> bool:
    """A proper name (Putin, Nordkorea), not a common noun: seldom after an article.

    It must stand capitalised inside sentences of two articles (a capital at a sentence start
    proves nothing), not be the second half of a name ("ter Stegen" is no "Stegen"), and not
    be the first name of another ("Wladimir" of Wladimir Putin).
    """
    if len(key) != 1 or candidate.count < 2 or candidate.form.endswith(_NOUN_SUFFIXES):
        return False
    if len(candidate.articles) > 1 and len(candidate.mid_articles) < 2:
        return False
    first_name = candidate.before_name > 0.5 * candidate.count  # "Wladimir" of Wladimir Putin
    # "Stegen" of ter Stegen, unless always written with it (then "ter Stegen" is the name)
    cut_name = candidate.particle > 0.3 * candidate.count and (
        candidate.name_form == candidate.form
    )
    # an organisation's short name takes an article like a noun: "die GDL", "der DGB"
    return (
        not first_name
        and not cut_name
        and (candidate.after_article <= 0.1 * candidate.count or _acronym(candidate.form))
    )


def _acronym(word: str) -> bool:
    return word.isupper() and 2 < len(word) <= 5


def _genitive_article(name: _Candidate) -> str:
    """ "der" or "des" for a name used with an article ("die GDL": "Streik der GDL"), or ""."""
    if name.after_article <= 0.1 * name.count or not name.article_words:
        return ""
    said = name.article_words
    if said["das"] + said["dem"] + said["des"] > said["die"]:
        return "des"  # "das IOC", "dem DGB"
    return "der" if said["die"] + said["der"] else ""


def topic_heading(articles: list[Article]) -> str:
    """A short heading from the words the articles share, e.g. "Putins Nordkorea-Besuch"."""
    if not articles:
        return ""
    return topic_headings([articles], None, None)[0]


def topic_headings(
    groups: list[list[Article]], vectors: Any = None, everything: Any = None, jobs: int = 1
) -> list[str]:
    """A heading for each group, from words distinctive of it among all the groups.

    Terms are scored per group by where they occur (title 3, lead 2, body 1, averaged over the
    group's articles) times a class-based IDF over the groups (c-TF-IDF): a word every story
    uses ("Regierung") weighs less than one only this story uses. The heading is the best
    compound of key terms that several articles use, joined to the leading name when some
    sentence speaks of both:

    - "Putins Nordkorea-Besuch": the name acts as a subject ("Putin reist", "schrieb Putin")
      in several articles, or they write it in the genitive themselves, and some article says
      the thing is the name's ("Putins erster Besuch", "Besuch Putins", "die Verletzung von
      ter Stegen", "Clinton ... ihren E-Mail-Server"): no "Johnsons Labour-Partei";
    - "Streik der GDL": an organisation used with an article ("die GDL"), when some article
      writes the noun with it ("Streiks der GDL", "GDL-Streik");
    - "Landeroboter Philae": the compound stands right before the name (one thing);
    - "Waldbrand bei Jüterbog": a place, when the articles say the thing is in/at it;
    - else the compound alone ("Donau-Hochwasser"), the name alone, or the two best names.

    A name is a capitalised word that stands inside sentences of two articles, seldom after
    an article, an adjective ("betroffene Haushalte"), a number, or between a preposition
    and a genitive ("nach Angaben der"), and is not the tail of a longer name ("ter Stegen",
    "Lula da Silva" are kept whole). A group of one article keeps its headline.
    """
    from briefing.core.parallel import map_shared

    # Both steps run where the groups are (forked workers): only stems and headings travel
    # back. (Shipping each group's candidates back cost more than finding them: 39 MB of
    # pickles, 7 s at 11,700 articles.)
    stems = map_shared(_group_block_stems, groups, range(len(groups)), jobs)
    # class-based document frequency: in how many groups a stem occurs
    group_df: Counter[str] = Counter()
    for group_stems in stems:
        group_df.update(group_stems)
    return map_shared(_group_heading, (groups, group_df), range(len(groups)), jobs)


def _group_heading(shared: tuple[list[list[Article]], Counter[str]], index: int) -> str:
    """The heading of ``groups[index]``, its terms weighed by ``group_df`` over all groups."""
    import math

    groups, group_df = shared
    group = groups[index]
    n = len(group)
    if n == 1:  # one article: its own headline says it best
        return group[0].title
    found = _candidates(group)
    candidates = _building_blocks(found)

    def coverage(c: _Candidate) -> float:
        title = len(c.titles)
        lead = len(c.leads - c.titles)
        body = len(c.articles) - len(c.titles | c.leads)
        return (TITLE_WEIGHT * title + LEAD_WEIGHT * lead + body) / n

    def idf(s: str) -> float:
        return math.log(1 + len(groups) / group_df[s])

    # score of a single stem: its best coverage as a word of its own or as a compound part
    stem_score: dict[str, float] = defaultdict(float)
    for key, c in candidates.items():
        for s in key:
            stem_score[s] = max(stem_score[s], coverage(c) * (1.0 if len(key) == 1 else 0.5))
    for s in stem_score:
        stem_score[s] *= idf(s)
    return _compose(group, candidates, stem_score, found)


def _compose(
    group: list[Article],
    candidates: dict[tuple[str, ...], _Candidate],
    stem_score: dict[str, float],
    found: dict[tuple[str, ...], _Candidate],
) -> str:
    n = len(group)
    shared = min(2, n)  # a heading word must occur in two articles (one for a lone article)
    names = [
        (key, c)
        for key, c in candidates.items()
        if _is_name(c, key) and len(c.articles) >= shared and len(key[0]) > 2
    ]
    names.sort(key=lambda kc: (-stem_score[kc[0][0]], -len(kc[1].articles), kc[1].form))
    # the name leads only when it is among the story's key words, not a side figure
    top = max(
        (
            stem_score[key[0]]
            for key, c in candidates.items()
            if len(key) == 1 and len(c.articles) >= shared
        ),
        default=0.0,
    )
    # ... and when it stands in the title or lead of half the articles (the protagonist),
    # and is written as one: bare as a subject ("Putin reist"), in the genitive ("Putins"), or
    # as a place ("bei Jüterbog")
    lead = next(
        (
            (key, c)
            for key, c in names
            if stem_score[key[0]] >= LEAD_NAME_SHARE * top
            and 2 * len(c.titles | c.leads) >= n
            and (
                # an organisation after the noun ("Streik der GDL") must be a protagonist
                (_genitive_article(c) and len(c.titles | c.leads) >= shared)
                or (not _genitive_article(c) and (_possessor(c, shared) or _place(c, shared)))
            )
        ),
        None,
    )
    lead_stem = lead[0][0] if lead else ""

    def compound_score(key: tuple[str, ...], c: _Candidate) -> float:
        parts = [s for s in key if s != lead_stem]
        # a closed compound ("Staatsbesuch") counts the key stems it ends with ("besuch")
        if len(key) == 1:
            heads = [s for s in stem_score if len(s) >= 4 and s != key[0] and key[0].endswith(s)]
            parts += heads[:1]
        score = sum(stem_score.get(s, 0.0) for s in parts)
        if _title_of_another(c, lead[1] if lead else None):
            score *= 0.5
        return score * (len(c.articles) / n) ** (0.5 if len(c.articles) >= shared else 0.75)

    # a noun compound, not a double name (Ferrero-Waldner): its head noun is used with an
    # article somewhere in the group ("der Besuch" beside "Nordkorea-Besuch")
    common = {key[0] for key, c in candidates.items() if len(key) == 1 and c.after_article}
    # in how many articles each stem occurs, alone or inside a compound (at the start of a
    # title too: "Hochwasser an der Donau: ..." and "das Donau-Hochwasser": "Donau-Hochwasser")
    spread: dict[str, set[int]] = defaultdict(set)
    for key, c in found.items():
        if key not in candidates and not c.titles:
            continue
        for s in key:
            spread[s] |= c.articles
    # a compound several articles use, or one whose parts all are (GDL + Streik: "GDL-Streik")
    compounds = [
        (key, c)
        for key, c in candidates.items()
        if len(key) >= 2
        and lead_stem not in key
        and (key[-1] in common or c.after_article)
        and (len(c.articles) >= shared or all(len(spread[s]) >= shared for s in key))
    ]
    if not compounds:
        # closed compounds of a key stem ("Staatsbesuch") when nobody hyphenates
        compounds = [
            (key, c)
            for key, c in candidates.items()
            if len(key) == 1
            and key[0] != lead_stem
            and len(c.articles) >= shared
            and c.after_article
            and not _is_name(c, key)
            and len(key[0]) > 3  # "The" of "The Revenant" is no noun to head a heading
        ]
    best = max(compounds, key=lambda kc: (compound_score(*kc), kc[1].form), default=None)
    if best and compound_score(*best) > 0:
        # the name joins the compound only when some sentence speaks of both: "Zeidlers
        # Red-Bull-Arena" put a coach and a stadium of different sentences together
        if lead and _title_of_another(best[1], lead[1]):
            return lead[1].name_form  # "Hofer", not "Hofers ÖVP-Kandidat" (that is Khol)
        if lead and lead[1].sentences & best[1].sentences:
            name = lead[1]
            if _apposition(best[1], name):  # "der Landeroboter Philae": one thing
                return f"{best[1].form} {name.name_form}"
            article = _genitive_article(name)
            if article:  # "Streik der GDL", not "GDLs Streik"
                if _of_organisation(best[0], name, candidates):
                    return f"{best[1].form} {article} {name.name_form}"
                return best[1].form  # not "Welt-Anti-Doping-Agentur der IAAF"
            # no genitive before a place either: "Israels Gazastreifen"
            locative = 2 * best[1].after_preposition >= best[1].count
            # ... and only when the articles say the thing is the name's ("Putins erster
            # Besuch"): not "Johnsons Labour-Partei", "Geywitz' SPD-Vorsitz"
            if _possessor(name, shared) and not locative and _owns(name, best[0]):
                return f"{genitive(name.name_form)} {best[1].form}"
            # a place only beside what the articles say happened there ("Waldbrand bei
            # Jüterbog"), not beside another place ("Westjordanland in Hebron")
            if not locative and best[0] in name.placed:
                return f"{best[1].form} {_place(name, shared)} {name.name_form}"
        return best[1].form
    if len(names) >= 2:
        return f"{names[0][1].name_form} und {names[1][1].name_form}"
    if lead:
        return lead[1].name_form
    return group[0].title


def _title_of_another(noun: _Candidate, name: _Candidate | None) -> bool:
    """The noun is mostly the title of a person other than ``name`` ("ÖVP-Kandidat Khol").

    Such a noun names a side figure, not what happened.
    """
    others = sum(
        count
        for word, count in noun.apposition.items()
        if not (name and (word in name.forms or word in name.prefixes)) and word[:1].isupper()
    )
    return 2 * others >= noun.count


def _apposition(noun: _Candidate, name: _Candidate) -> bool:
    """The noun stands right before the name ("Nasa-Sonde New Horizons"), not its genitive,
    and not only as a genitive attribute ("der Chef der Brexit-Partei Nigel Farage")."""
    return any(
        word in name.forms and not (word.endswith("s") and word[:-1] in name.forms)
        for word in noun.plain_apposition
    )


def _same_head(said: str, head: str) -> bool:
    """A noun the text uses for the heading's noun: "besuch" for "Nordkorea-Besuch", and
    "besuch" or "staatsbesuch" for "Staatsbesuch"."""
    return bool(said) and (said.endswith(head) or (len(said) >= 4 and head.endswith(said)))


def _owns(name: _Candidate, noun: tuple[str, ...]) -> bool:
    """Some article writes the noun as the name's: "Putins Besuch", "Besuch von ter Stegen"."""
    return any(
        _same_head(said, noun[-1])
        for form, said in name.owned
        if not form or form[:-1] in name.forms  # "Putins" beside "Putin", not "AMS"
    )


def _of_organisation(
    noun: tuple[str, ...], name: _Candidate, candidates: dict[tuple[str, ...], _Candidate]
) -> bool:
    """Some article writes "<noun> der <name>" ("Warnstreiks der VKT") or the compound of both
    ("GDL-Streik")."""
    if any(_same_head(said, noun[-1]) for said in name.org_heads):
        return True
    stems = {key[0] for key, c in candidates.items() if c is name}
    return any(
        len(key) >= 2 and key[0] in stems and _same_head(key[-1], noun[-1]) for key in candidates
    )


def _possessor(name: _Candidate, shared: int) -> bool:
    """A name that may stand in the genitive before a noun ("Putins Nordkorea-Besuch").

    The articles write it so ("Putins erster Besuch"), or it acts as a subject in several of
    them ("Putin reist", "schrieb Putin"); a place named only after "in" does neither.
    """
    return bool(name.genitive_articles) or len(name.subject_articles) >= shared


def _place(name: _Candidate, shared: int) -> str:
    """The preposition a place takes in a heading ("bei" Jüterbog), or "" for no place."""
    if not name.places:
        return ""
    preposition, count = min(name.places.items(), key=lambda pc: (-pc[1], pc[0]))
    return preposition if count >= shared else ""


def genitive(name: str) -> str:
    """German genitive of a proper name: "Putins", "Macrons", "Strauss'"."""
    return f"{name}'" if name[-1:] and name[-1] in "sßxzSXZ" else f"{name}s"


def lead_summary(topic: Topic) -> list[SummaryItem]:
    """The first sentence of a lone article that can stand alone (for "Weitere Meldungen")."""
    from briefing.core.summarize import first_group, to_item

    for article in topic.articles:
        first = first_group(article)  # group_sentences([article])[0], cheaper
        if first is not None:
            return [to_item(first)]  # (with who says it, when it reports speech)
    return []
