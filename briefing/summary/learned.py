"""Learned sentence scores: a small tree model over cheap sentence features, read with numpy.

Takes an article's sentences; gives each its learned score (``score_sentences``, the prior of
``article_priors`` for a story's articles), the picks for one article's summary
(``select_sentences``, ``summarize_sentences``). The model is trained by
``benchmarks/train_scorer.py`` on MLSUM articles and their teasers and shipped beside this
module as JSON (``sentence_scorer.json``, no pickle); the features are
``briefing.summary.features``, the very function the training script fits on.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing.cues.standalone import asks_reader
from briefing.models import Article
from briefing.summary.features import (
    FEATURES,
    content_terms,
    cosine,
    sentence_features,
    tf_idf_vectors,
)
from briefing.summary.groups import is_candidate
from briefing.summary.overlap import Forest, select_by_overlap
from briefing.text.sentences import article_sentences
from briefing.text.words import words

if TYPE_CHECKING:
    import numpy as np

MODEL_PATH = Path(__file__).resolve().parent / "sentence_scorer.json"
MODEL_FORMAT = 1


class SentenceScorer:
    """A fitted model over ``FEATURES``: a sum of regression trees or a linear function."""

    def __init__(self, spec: dict[str, Any]) -> None:
        import numpy as np

        if spec.get("format") != MODEL_FORMAT:
            raise ValueError(f"sentence scorer: unknown model format {spec.get('format')!r}")
        if tuple(spec["features"]) != FEATURES:
            raise ValueError("sentence scorer: the model was fit on other features")
        self.spec = spec
        self.kind: str = spec["kind"]
        # cosine above which a sentence repeats a chosen one (chosen with the model)
        self.redundancy = float(spec["selection"]["redundancy"])
        if self.kind == "linear":
            linear = spec["linear"]
            self._mean = np.asarray(linear["mean"], dtype=float)
            self._scale = np.asarray(linear["scale"], dtype=float)
            self._coef = np.asarray(linear["coef"], dtype=float)
            self._intercept = float(linear["intercept"])
        elif self.kind == "trees":
            self._forest = Forest(spec["trees"])
        else:
            raise ValueError(f"sentence scorer: unknown model kind {self.kind!r}")

    def predict(self, table: np.ndarray) -> np.ndarray:
        """The model's raw score of each row (higher: more likely in the summary)."""
        import numpy as np

        table = np.asarray(table, dtype=float)
        if self.kind == "linear":
            return (table - self._mean) / self._scale @ self._coef + self._intercept
        return self._forest.predict(table)


@lru_cache(maxsize=4)
def load_scorer(path: Path | None = None) -> SentenceScorer:
    """The model shipped with the package (or the one at ``path``)."""
    with (path or MODEL_PATH).open(encoding="utf-8") as handle:
        return SentenceScorer(json.load(handle))


def score_sentences(
    sentences: Sequence[str],
    centrality: Sequence[float] | None = None,
    scorer: SentenceScorer | None = None,
) -> np.ndarray:
    """The learned score of each sentence of one article (in article order)."""
    import numpy as np

    if not sentences:
        return np.zeros(0)
    scorer = scorer or load_scorer()
    return scorer.predict(sentence_features(sentences, centrality))


def select_sentences(
    sentences: Sequence[str],
    scores: Sequence[float],
    count: int,
    redundancy: float,
    eligible: Sequence[bool] | None = None,
) -> list[int]:
    """Indices of the ``count`` best-scoring sentences, in article order.

    A sentence whose tf-idf cosine to a chosen one reaches ``redundancy`` is passed over;
    only ``eligible`` sentences are chosen while enough of them are left.
    """
    vectors, _ = tf_idf_vectors(content_terms([words(s) for s in sentences]))
    order = sorted(range(len(sentences)), key=lambda i: (-scores[i], i))
    if eligible is not None and sum(map(bool, eligible)) >= count:
        order = [i for i in order if eligible[i]]
    chosen: list[int] = []
    for i in order:
        if len(chosen) >= count:
            break
        if redundancy < 1.0 and any(cosine(vectors[i], vectors[j]) >= redundancy for j in chosen):
            continue
        chosen.append(i)
    if len(chosen) < count:  # everything left repeats the picks: fill up by score
        chosen += [i for i in order if i not in chosen][: count - len(chosen)]
    return sorted(chosen)


def summary_eligible(sentence: str) -> bool:
    """A sentence a summary may show while there are enough: a candidate (``is_candidate``)
    that asks the reader nothing.

    MLSUM's teasers ask questions ("Was heißt das für Hausbesitzer?"), so ROUGE against them
    rewards picking one (passed over: R2 -0.06 on the training part); a briefing states facts.
    """
    return is_candidate(sentence) and not asks_reader(sentence)


def summarize_sentences(
    sentences: Sequence[str],
    count: int = 3,
    scorer: SentenceScorer | None = None,
    centrality: Sequence[float] | None = None,
    eligible: Sequence[bool] | None = None,
    partners: Sequence[int | None] | None = None,
) -> list[str]:
    """The ``count`` sentences picked from one article, in article order.

    Picked by the teaser-overlap model (``overlap.select_by_overlap``: the set of sentences
    whose words a teaser most likely repeats, per word shown); with ``scorer``, by that
    sentence scorer's scores instead, passing over a sentence that repeats a pick (how it was
    picked before; ``centrality`` feeds its features). Eligible sentences (``eligible``, by
    default ``summary_eligible``) go first while there are enough; a sentence that is not may
    still be picked with its partner (``partners``, see ``select_by_overlap``).
    """
    if eligible is None:
        eligible = [summary_eligible(s) for s in sentences]
    if scorer is None:
        chosen = select_by_overlap(sentences, count, eligible, partners=partners)
        return [sentences[i] for i in chosen]
    scores = score_sentences(sentences, centrality, scorer)
    chosen = select_sentences(sentences, list(scores), count, scorer.redundancy, eligible)
    return [sentences[i] for i in chosen]


def article_scores(article: Article, scorer: SentenceScorer | None = None) -> list[float]:
    """The learned score of each of the article's sentences (``article_sentences`` order)."""
    return [
        float(v)
        for v in score_sentences([s.text for s in article_sentences(article)], scorer=scorer)
    ]


def article_priors(
    articles: Sequence[Article], scorer: SentenceScorer | None = None
) -> dict[tuple[str, int], float]:
    """Each sentence's learned score by (article id, sentence index), over several articles,
    as a share of its article's best (0.0 for a score at or below zero)."""
    import numpy as np

    scorer = scorer or load_scorer()
    tables = [
        sentence_features([s.text for s in article_sentences(article)]) for article in articles
    ]
    # one walk down the trees for all the articles' rows: the same sums, fewer numpy calls
    scores = scorer.predict(np.vstack(tables)) if tables else np.zeros(0)
    priors: dict[tuple[str, int], float] = {}
    start = 0
    for article, table in zip(articles, tables, strict=True):
        values = [float(v) for v in scores[start : start + len(table)]]
        start += len(table)
        top = max(values, default=0.0)
        for index, value in enumerate(values):
            priors[article.id, index] = max(value, 0.0) / top if top > 0 else 0.0
    return priors
