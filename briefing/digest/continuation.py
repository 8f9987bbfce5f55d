"""Continued stories: which of today's articles carry on a story of an earlier day's digest.

Takes today's articles and the earlier days' (as stored term counts); gives, per today's
article, the earlier articles it continues (``split_continued``), compared with the very
vectors and threshold grouping uses.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from briefing.digest.state import KnownArticle
from briefing.models import Article
from briefing.stories import THRESHOLD, count_vectors, term_counts

# An article continues an earlier story when its vector (story grouping's: stories.term_counts
# and count_vectors) has this cosine with an earlier day's article. Chosen on data with
# `python benchmarks/digest.py --sweep --no-runs` (table there), again when grouping's vectors
# learnt the common words of German news: all ten seed pairs reach it (lowest 0.288), 1.00 %
# of random MLSUM articles do against 30 others (most of those are the same story told
# twice), none against 10kGNAD articles of other years.
CONTINUATION_THRESHOLD = 0.28


@dataclass
class Continuation:
    """Where a continued topic was reported before."""
    day: str  # the latest earlier digest the story appeared in
    topics: list[str]  # the headings it had there


def article_terms(article: Article) -> dict[str, float]:
    """What an article is about: its weighted stem counts, as topic grouping counts them."""
    return articles_terms([article])[0]


def articles_terms(articles: Sequence[Article]) -> list[dict[str, float]]:
    """``article_terms`` of a day's articles; sentences they share as page furniture left out."""
    return [{t: float(n) for t, n in counts.items()} for counts in term_counts(articles)]


def similarities(
    new: list[dict[str, float]],
    earlier: list[dict[str, float]],
    others: Sequence[dict[str, float]] = (),
) -> list[list[float]]:
    """Cosine similarity, every new article against every earlier one.

    The vectors are story grouping's (``stories.count_vectors``: sublinear tf, IDF with
    background pseudo-articles that hold the common words of news, genitive folding); the IDF counts the new, the earlier and
    the ``others`` articles, so words every article uses weigh little and names weigh much.
    """
    return _similarities(new, earlier, others)[0]


def _similarities(
    new: Sequence[dict[str, float]],
    earlier: Sequence[dict[str, float]],
    others: Sequence[dict[str, float]] = (),
) -> tuple[list[list[float]], list[list[float]]]:
    """(new x earlier, new x new) cosine similarities from one vectorisation of them all."""
    # sparse rows and products: a day's articles against two months of them stays quick
    vectors = count_vectors([*new, *earlier, *others])
    left = vectors[: len(new)]
    right = vectors[len(new) : len(new) + len(earlier)]
    return (left @ right.T).toarray().tolist(), (left @ left.T).toarray().tolist()


def split_continued(
    terms: list[dict[str, float]],
    earlier: list[KnownArticle],
    threshold: float = CONTINUATION_THRESHOLD,
    same_story: float | None = None,
) -> dict[int, list[KnownArticle]]:
    """Which of today's articles (by index) continue an earlier story, and the earlier
    articles they resemble most (most similar first).

    A today's article that topic grouping would put beside a continuing one of today
    (cosine ``same_story``, default stories.THRESHOLD, where two articles start a story) joins it, so one story is not torn
    into a continued and a new half.
    """
    spread = THRESHOLD if same_story is None else same_story
    matches: dict[int, list[KnownArticle]] = {}
    if not earlier or not terms:
        return matches
    to_earlier, today = _similarities(terms, [e.terms for e in earlier])
    for index, row in enumerate(to_earlier):
        # (filtered before the stable sort: the same list, without sorting two months)
        above = [(e, s) for e, s in zip(earlier, row) if s >= threshold]
        close = [e for e, s in sorted(above, key=lambda p: -p[1])]
        if close:
            matches[index] = close
    if matches and len(terms) > 1:
        changed = True
        while changed:  # spread along today's similar articles until nothing changes
            changed = False
            for i in range(len(terms)):
                if i in matches:
                    continue
                for j in list(matches):
                    if i != j and today[i][j] >= spread:
                        matches[i] = matches[j]
                        changed = True
                        break
    return matches
