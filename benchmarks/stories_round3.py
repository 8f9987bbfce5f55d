"""Story grouping, round 3 (issue 16): sentence matches, name weights, folder-relative cuts.

    python benchmarks/stories_round3.py                     # dev: every variant's curve
    python benchmarks/stories_round3.py --variant names     # one variant
    python benchmarks/stories_round3.py --labels benchmarks/data/stories_val.json --variant X \
        --scale 1.0                                         # one operating point, another set

Each variant gives a dense similarity matrix of a folder's articles; the two stages of
``briefing.stories.clusters`` (cores, core merges, attachments) run on it with their three
cuts scaled by ``--scale`` (a sweep by default), so every variant is compared along its own
precision/recall curve against the cosine of today's vectors at the same near-miss share.
Also measured: each story's members as a folder of their own (``single``: the topics such a
folder falls into, 1 is right). The results are recorded in stories_proto.py's docstring.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import scipy.sparse as sp

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from briefing.lexicon import news_stem_rates
from briefing.models import Article
from briefing.stories import clusters as C
from briefing.stories import vectors as V
from briefing.stories.syndication import syndicated_pairs

# --------------------------------------------------------------------------- features


class Folder:
    """A folder's articles with everything the variants share: sentences, counts, vectors."""

    def __init__(self, articles: Sequence[Article]) -> None:
        self.articles = list(articles)
        self.keyed = [V.keyed_sentences(a) for a in articles]
        self.boilerplate = V.boilerplate_sentences(articles, self.keyed)
        self.news = [V.news_text(a, self.boilerplate, k) for a, k in zip(articles, self.keyed)]
        self.counts = V.term_counts(articles, self.boilerplate, self.keyed)
        self.vectors = V.count_vectors(self.counts)
        self.copies = syndicated_pairs(self.articles, self.boilerplate, self.vectors, self.news)
        self._sentences: list[list[str]] | None = None

    @property
    def sentences(self) -> list[list[str]]:
        if self._sentences is None:
            self._sentences = [
                V.news_sentences(a, self.boilerplate, k) for a, k in zip(self.articles, self.keyed)
            ]
        return self._sentences

    def cosine(self) -> np.ndarray:
        return (self.vectors @ self.vectors.T).toarray()


def idf_of(docs: list[dict[str, float]], background: int = V.BACKGROUND_DOCS) -> dict[str, float]:
    """The IDF count_vectors gives each term of ``docs`` (the same formula)."""
    df: dict[str, int] = {}
    for doc in docs:
        for term in doc:
            df[term] = df.get(term, 0) + 1
    common = news_stem_rates()
    n = len(docs)
    return {
        t: float(np.log((n + background + 1) / (d + background * common.get(t, 0.0) + 1)) + 1)
        for t, d in df.items()
    }


def weighted_rows(rows: list[dict[str, float]], idf: dict[str, float],
                  vocabulary: dict[str, int]) -> sp.csr_matrix:
    """L2-normalised rows of (1 + log tf) * idf over ``vocabulary`` (unknown terms left out)."""
    indptr, indices, values = [0], [], []
    for row in rows:
        for term, count in row.items():
            column = vocabulary.get(term)
            if column is not None and count > 0:
                indices.append(column)
                values.append((1 + np.log(count)) * idf[term])
        indptr.append(len(indices))
    matrix = sp.csr_matrix((values, indices, indptr), shape=(len(rows), len(vocabulary)))
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1
    return sp.csr_matrix(sp.diags(1 / norms) @ matrix)


def sentence_similarity(folder: Folder, k: int = 3, mode: str = "article") -> np.ndarray:
    """Each article's top-``k`` sentences matched against the other article (``mode``
    "article": cosine of a sentence with the other's whole vector; "sentence": with the
    other's best sentence), the mean of the k best, averaged over both directions."""
    docs = [dict(c) for c in folder.counts]
    idf = idf_of(docs)
    vocabulary = {t: i for i, t in enumerate(sorted(idf))}
    articles = weighted_rows(docs, idf, vocabulary)
    owner, rows = [], []
    for number, sentences in enumerate(folder.sentences):
        for sentence in [folder.articles[number].title] + sentences[1:]:
            stems = V.content_stems(sentence)
            if len(stems) >= 3:
                counts: dict[str, float] = {}
                for stem in stems:
                    counts[stem] = counts.get(stem, 0) + 1
                rows.append(counts)
                owner.append(number)
    owner_arr = np.array(owner)
    sentences = weighted_rows(rows, idf, vocabulary)
    n = len(folder.articles)
    if mode == "article":
        scores = (sentences @ articles.T).toarray()  # sentence x article
    else:
        full = (sentences @ sentences.T).toarray()
        scores = np.zeros((len(rows), n))
        for b in range(n):
            mask = owner_arr == b
            if mask.any():
                scores[:, b] = full[:, mask].max(axis=1)
    directed = np.zeros((n, n))
    for a in range(n):
        block = scores[owner_arr == a]
        if len(block) == 0:
            continue
        top = -np.sort(-block, axis=0)[:k]
        directed[a] = top.mean(axis=0)
    return (directed + directed.T) / 2


_NAME = re.compile(r"(?<![.!?:]\s)(?<!^)\b([A-ZÄÖÜ][\w-]+)")
_NUMBER = re.compile(r"\b\d[\d.,]*\b(?:\s+(?:Prozent|Millionen|Milliarden|Euro|Dollar|Jahre[n]?|"
                     r"Menschen|Tote[n]?|Januar|Februar|März|April|Mai|Juni|Juli|August|"
                     r"September|Oktober|November|Dezember|Uhr|Kilometer|Meter))?")


def name_terms(text: str) -> list[str]:
    """Rare capitalised words not at a sentence start (names, places, rare nouns) as stems."""
    found = []
    common = news_stem_rates()
    for match in _NAME.finditer(text):
        word = match.group(1)
        stems = V.content_stems(word)
        for stem in stems:
            if common.get(stem, 0.0) < 0.005:  # the common words of news are no anchors
                found.append(stem)
    return found


_UNIT_NUMBER = re.compile(
    r"\b\d[\d.,]*\s+(?:Prozent|Millionen|Milliarden|Euro|Dollar|Pfund|Jahre[n]?|Menschen|"
    r"Tote[n]?|Verletzte[n]?|Stimmen|Sitze|Januar|Februar|März|April|Mai|Juni|Juli|August|"
    r"September|Oktober|November|Dezember|Kilometer|Meter|Tonnen|Migranten|Passagiere|"
    r"Mitarbeiter|Stellen|Punkte|Tore)\b")


def unit_terms(text: str) -> list[str]:
    """Numbers with a unit or a month only ("27 oktober", "22,7 prozent")."""
    return ["#" + m.group(0).casefold().replace(" ", "_") for m in _UNIT_NUMBER.finditer(text)]


def number_terms(text: str) -> list[str]:
    """Numbers with their unit or month ("27 oktober", "22,7 prozent") as single terms."""
    out = []
    for match in _NUMBER.finditer(text):
        term = match.group(0).casefold().replace(" ", "_")
        if re.fullmatch(r"(19|20)\d\d", term):  # a bare year is no anchor
            continue
        out.append("#" + term)
    return out


def boosted_vectors(folder: Folder, name_boost: float = 2.0, numbers: float = 0.0,
                    names_only: bool = False, units: bool = False) -> sp.csr_matrix:
    """Today's counts with name stems counted ``name_boost`` times as often and number
    terms added at weight ``numbers`` (0: none)."""
    rows = []
    for article, count, sentences in zip(folder.articles, folder.counts, folder.sentences):
        text = " ".join(sentences)
        names = set(name_terms(article.title + ". " + text))
        row = dict(count) if not names_only else {t: c for t, c in count.items() if t in names}
        for term in names:
            if term in row:
                row[term] = row[term] * name_boost
        if numbers:
            for term in (unit_terms(text) if units else number_terms(text)):
                row[term] = row.get(term, 0) + numbers
        rows.append(row)
    return V.count_vectors(rows)


# --------------------------------------------------------------------------- variants


def v_cosine(folder: Folder) -> np.ndarray:
    return folder.cosine()


def v_sent_article(folder: Folder) -> np.ndarray:
    return sentence_similarity(folder, 3, "article")


def v_sent_sentence(folder: Folder) -> np.ndarray:
    return sentence_similarity(folder, 3, "sentence")


def v_blend_article(folder: Folder) -> np.ndarray:
    return np.sqrt(np.clip(folder.cosine(), 0, None) * sentence_similarity(folder, 3, "article"))


def v_blend_sentence(folder: Folder) -> np.ndarray:
    return np.sqrt(np.clip(folder.cosine(), 0, None) * sentence_similarity(folder, 3, "sentence"))


def v_names(folder: Folder) -> np.ndarray:
    m = boosted_vectors(folder, 2.0)
    return (m @ m.T).toarray()


def v_names4(folder: Folder) -> np.ndarray:
    m = boosted_vectors(folder, 4.0)
    return (m @ m.T).toarray()


def v_numbers(folder: Folder) -> np.ndarray:
    m = boosted_vectors(folder, 1.0, numbers=2.0)
    return (m @ m.T).toarray()


def v_names_numbers(folder: Folder) -> np.ndarray:
    m = boosted_vectors(folder, 2.0, numbers=2.0)
    return (m @ m.T).toarray()


_DATE = re.compile(r"\b(\d{1,2})\.\s*(Januar|Februar|März|April|Mai|Juni|Juli|August|September|"
                   r"Oktober|November|Dezember)")


def date_anchors(folder: Folder) -> list[set[str]]:
    """The calendar dates ("27. Oktober") each article names."""
    return [{f"{m.group(1)}.{m.group(2)}" for m in _DATE.finditer(" ".join(s))}
            for s in folder.sentences]


def dated(similarity: np.ndarray, folder: Folder, bonus: float, penalty: float) -> np.ndarray:
    """Pairs that name a common date weigh (1 + bonus) times, pairs that both name dates but
    no common one (1 - penalty) times."""
    anchors = date_anchors(folder)
    out = similarity.copy()
    have = [i for i, a in enumerate(anchors) if a]
    for i in have:
        for j in have:
            if i != j:
                out[i, j] *= (1 + bonus) if anchors[i] & anchors[j] else (1 - penalty)
    return out


def v_dates(folder: Folder) -> np.ndarray:
    return dated(folder.cosine(), folder, 0.0, 0.5)


def v_dates_both(folder: Folder) -> np.ndarray:
    return dated(folder.cosine(), folder, 0.3, 0.5)


def v_blend_dates(folder: Folder) -> np.ndarray:
    return dated(v_blend_article(folder), folder, 0.0, 0.5)


def v_numbers_dates(folder: Folder) -> np.ndarray:
    return dated(v_numbers(folder), folder, 0.3, 0.5)


def v_numbers1(folder: Folder) -> np.ndarray:
    m = boosted_vectors(folder, 1.0, numbers=1.0)
    return (m @ m.T).toarray()


def v_units(folder: Folder) -> np.ndarray:
    m = boosted_vectors(folder, 1.0, numbers=2.0, units=True)
    return (m @ m.T).toarray()


def v_units_dates(folder: Folder) -> np.ndarray:
    return dated(v_units(folder), folder, 0.3, 0.5)


_NAME_RUN = re.compile(r"(?<=[a-zäöüß,;] )([A-ZÄÖÜ][\w-]+(?: [A-ZÄÖÜ][\w-]+)+)")


def v_name_pairs(folder: Folder) -> np.ndarray:
    """Today's counts plus each multi-word name (two or more capitalised words after a
    lower-case word: "Deutsche Bank", "Carola Rackete") as one term, weight 2."""
    rows = []
    for article, count, sentences in zip(folder.articles, folder.counts, folder.sentences):
        row = dict(count)
        for match in _NAME_RUN.finditer(article.title + " " + " ".join(sentences)):
            term = "@" + match.group(1).casefold()
            row[term] = row.get(term, 0) + 2
        rows.append(row)
    m = V.count_vectors(rows)
    return (m @ m.T).toarray()


def event_boosted(folder: Folder, boost: float, share: float = 0.1) -> np.ndarray:
    """Today's counts with event nouns (lexicon.event_nouns at ``share`` or more: Anschlag,
    Rücktritt, Pleite) counted ``boost`` times: what happened, not the theme."""
    from briefing.lexicon import event_nouns

    events = {t for t, s in event_nouns().items() if s >= share}
    rows = [{t: c * boost if t in events else c for t, c in count.items()}
            for count in folder.counts]
    m = V.count_vectors(rows)
    return (m @ m.T).toarray()


def v_events2(folder: Folder) -> np.ndarray:
    return event_boosted(folder, 2.0)


def v_events4(folder: Folder) -> np.ndarray:
    return event_boosted(folder, 4.0)


VARIANTS: dict[str, Callable[[Folder], np.ndarray]] = {
    "cosine": v_cosine,
    "sent_article": v_sent_article,
    "sent_sentence": v_sent_sentence,
    "blend_article": v_blend_article,
    "blend_sentence": v_blend_sentence,
    "names": v_names,
    "names4": v_names4,
    "numbers": v_numbers,
    "names_numbers": v_names_numbers,
    "dates": v_dates,
    "dates_both": v_dates_both,
    "blend_dates": v_blend_dates,
    "numbers_dates": v_numbers_dates,
    "numbers1": v_numbers1,
    "units": v_units,
    "units_dates": v_units_dates,
    "name_pairs": v_name_pairs,
    "events2": v_events2,
    "events4": v_events4,
}


def quantile_matched(similarity: np.ndarray, reference: np.ndarray) -> np.ndarray:
    """``similarity`` mapped onto the distribution of ``reference`` (upper triangles) by rank,
    so that one cut keeps the same number of pairs in both."""
    n = similarity.shape[0]
    upper = np.triu_indices(n, 1)
    order = np.argsort(similarity[upper], kind="stable")
    values = np.sort(reference[upper])
    mapped = np.empty_like(values)
    mapped[order] = values
    out = np.zeros_like(similarity, dtype=np.float64)
    out[upper] = mapped
    return out + out.T


# --------------------------------------------------------------------------- grouping


# --dense: a folder where this share of pairs reaches the core-merge cut is one theme; its
# topics then merge by plain average linkage (no cohesion test) at DENSE_CUT.
DENSE: tuple[float, ...] | None = None


def group(folder: Folder, similarity: np.ndarray, scale: float = 1.0) -> list[list[int]]:
    """The two stages of clusters.py on a dense similarity, every cut times ``scale``
    (then, with DENSE, the merge of a dense folder's topics)."""
    core, merge, attach = C.THRESHOLD * scale, C.MERGE_THRESHOLD * scale, C.ATTACH * scale
    matrix = np.array(similarity, dtype=np.float64)
    np.fill_diagonal(matrix, 0)
    matrix[matrix < min(core, merge) / 2] = 0
    graph = sp.csr_matrix(matrix)
    labels = C.average_linkage(graph, core, C.COHESION, C.SHRINK, folder.copies)
    groups = C.two_stages(graph, C.groups_of(labels), merge, C.CORE_COHESION, attach,
                          C.ATTACH_SHARE)
    if DENSE:  # the shipped stage 4 (clusters.one_theme) with its settings open
        matrix[matrix < min(core, merge) / 2] = 0
        cohesion = DENSE[2] if len(DENSE) > 2 else 0.0
        if cohesion:
            n = len(matrix)
            if n > 2 and np.mean(matrix[np.triu_indices(n, 1)] >= merge) >= DENSE[0]:
                labels = C.average_linkage(sp.csr_matrix(matrix), DENSE[1], cohesion, 0.0, (),
                                           groups)
                groups = C.groups_of(labels)
        else:
            groups = C.one_theme(sp.csr_matrix(matrix), groups, DENSE[0], DENSE[1])
    return groups


def single_story_topics(articles: list[Article], ids: list[str], labels: dict,
                        variant: Callable[[Folder], np.ndarray], scale: float,
                        matched: bool) -> tuple[float, float]:
    """Each story's members alone as a folder: mean topics, mean share in the largest, stories
    in one topic; the members with their near misses as a folder: near misses in the main
    topic (a folder of one theme)."""
    index = {ident: i for i, ident in enumerate(ids)}
    topics, shares, near_in, near_all = [], [], 0, 0
    for story in labels["stories"]:
        rows = [index[str(m)] for m in story["members"] if str(m) in index]
        near = [index[str(m)] for m in story["near_misses"] if str(m) in index]
        for with_near in (False, True):
            folder = Folder([articles[i] for i in rows + (near if with_near else [])])
            similarity = variant(folder)
            if matched:
                similarity = quantile_matched(similarity, folder.cosine())
            groups = group(folder, similarity, scale)
            if with_near:
                main = max(groups, key=lambda g: sum(1 for r in g if r < len(rows)))
                near_in += sum(1 for r in main if r >= len(rows))
                near_all += len(near)
            else:
                topics.append(len(groups))
                shares.append(max(len(g) for g in groups) / len(rows))
    return (float(np.mean(topics)), float(np.mean(shares)), sum(t == 1 for t in topics),
            near_in, near_all)


def main(argv: Sequence[str] | None = None) -> int:
    import stories as bench
    import stories_proto as proto

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", type=Path, default=bench.DEV)
    parser.add_argument("--variant", action="append", help="variants (default: all)")
    parser.add_argument("--scale", help="comma-separated scales of the three cuts")
    parser.add_argument("--raw", action="store_true", help="no quantile matching to the cosine")
    parser.add_argument("--single", action="store_true", help="also one story per folder")
    parser.add_argument("--stories", action="store_true")
    parser.add_argument("--dense", help="SHARE,CUT[,COHESION]: merge a dense folder's topics")
    args = parser.parse_args(argv)
    global DENSE
    if args.dense:
        DENSE = tuple(float(x) for x in args.dense.split(","))
    if not args.labels.exists() or not bench.CORPUS.exists():
        print("skipped: labels or corpus not found")
        return 0
    import tempfile

    name = args.labels.parent.name if args.labels.name == "stories.json" else args.labels.stem
    labels, articles, ids = proto.load_labelled(
        args.labels, Path(tempfile.gettempdir()) / "stories_proto" / name
    )
    folder = Folder(articles)
    scales = [float(s) for s in args.scale.split(",")] if args.scale else [
        0.7, 0.8, 0.9, 1.0, 1.1, 1.25, 1.4]
    reference = folder.cosine()
    for variant_name in args.variant or list(VARIANTS):
        variant = VARIANTS[variant_name]
        similarity = variant(folder)
        if not args.raw:
            similarity = quantile_matched(similarity, reference)
        for scale in scales:
            groups = group(folder, similarity, scale)
            scores = bench.score(labels, proto.grouping_of(groups, ids, labels, articles))
            line = (f"{variant_name:16} x{scale:<5} P {scores.precision:.3f} "
                    f"R {scores.recall:.3f} F1 {scores.f1:.3f} near "
                    f"{100 * scores.near_miss_rate:5.1f} %")
            if args.single:
                topics, share, one, near_in, near_all = single_story_topics(
                    articles, ids, labels, variant, scale, not args.raw)
                line += (f"  single: {topics:.2f} topics, {share:.2f} in the largest, {one} in "
                         f"one; with near misses {near_in}/{near_all} in the main topic")
            print(line, flush=True)
            if args.stories:
                bench.report(scores, True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
