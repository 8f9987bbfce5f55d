"""A story's summary, an article's, and a lone article's lead line.

Takes a topic (or one article); gives "Das Wichtigste": sentences verbatim from the articles,
near-identical copies merged with all their sources, scored by LexRank with a lead prior and
picked without repetition (``topic_summary``, ``lead_summary``); one article's own summary is
the learned scorer's (``summarize_article``, ``learned.py``).
``topic_summary`` also hands on what it found, so the sections do not use a sentence twice.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.cues.standalone import asks_reader, is_question
from briefing.models import Article, Sentence, SentenceGroup, SummaryItem, Topic
from briefing.summary.citations import Citations
from briefing.summary.groups import (
    candidate_sentences,
    first_group,
    group_sentences,
    is_article_text,
)
from briefing.summary.learned import article_priors, summarize_sentences, summary_eligible
from briefing.summary.scoring import score_groups
from briefing.summary.selection import reading_order, select_by_subtopic, select_groups
from briefing.summary.similarity import Similarity
from briefing.summary.weights import Weights, topic_weights
from briefing.text.sentences import article_sentences

DEFAULT_SENTENCES = 10


@dataclass
class TopicSummary:
    """A topic's summary and what it was chosen from: the sections pick from the same groups,
    leave out what the summary says (``chosen``), compare with the same ``similarity`` and
    cite as the summary cites (``citations``)."""

    items: list[SummaryItem]
    groups: list[SentenceGroup]
    chosen: list[SentenceGroup]
    similarity: Similarity | None
    weights: Weights
    citations: Citations


def topic_summary(
    topic: Topic,
    sentences: int = DEFAULT_SENTENCES,
    engine: str = "fast",
    weights: Weights | None = None,
) -> TopicSummary:
    """The summary of all the topic's articles: ``sentences`` items in reading order."""
    weights = weights or topic_weights(len(topic.articles))
    groups = group_sentences(topic.articles, weights)
    citations = Citations(topic.articles)
    if not groups:
        # no full sentence anywhere (a notice, a one-liner): show what the articles open with
        items: list[SummaryItem] = []
        for article in topic.articles:
            opening = _opening(article)[:1]
            items += [
                SummaryItem(s.text, citations.sources(s.text) or [article.id], 0.0,
                            (article.number, 0))
                for s in opening
            ]
        return TopicSummary(items[:sentences], [], [], None, weights, citations)
    learned = article_priors(topic.articles) if weights.learned > 0 else None
    score_groups(groups, engine, weights, len(topic.articles) > 1, learned)
    similarity = Similarity([g.text for g in groups])
    if len(topic.articles) > 1:
        chosen = select_by_subtopic(groups, sentences, weights, similarity)
    else:
        # one article: its lead and LexRank decide (subtopics scored lower on ROUGE here)
        chosen = select_groups(groups, sentences, weights, similarity)
    # the score counts every outlet that reports a statement; a line cites the ones that
    # carry its very words, the others as its variants
    items = [citations.item(g) for g in reading_order(chosen, similarity)]
    return TopicSummary(items, groups, chosen, similarity, weights, citations)


def summarize_article(
    article: Article,
    sentences: int = 3,
    engine: str = "fast",
    weights: Weights | None = None,
) -> list[str]:
    """The best ``sentences`` sentences of one article, in article order.

    Picked from the article's text (``_opening``: no caption, credit or furniture) by the
    teaser-overlap model (``overlap.py``: the sentences whose words a teaser most likely
    repeats, per word shown, no word counted twice) among the candidates that may stand alone
    and ask the reader nothing while there are enough; one that leans on the sentence before
    it comes only with that one, a question only with its answer (``_partners``). With
    ``weights``, scored by the hand-weighted LexRank (``engine``) and lead prior instead (what
    it was before; benchmarks compare).
    """
    if weights is not None:
        return _hand_weighted_summary(article, sentences, engine, weights)
    texts, eligible, partners = article_choices(article)
    return summarize_sentences(texts, sentences, eligible=eligible, partners=partners)


def article_choices(article: Article) -> tuple[list[str], list[bool], list[int | None]]:
    """What one article's summary picks from: its text's sentences (``_opening``), whether
    each may stand alone, and the partner each other one may be shown with (``_partners``)."""
    opening = _opening(article)
    candidates = {s.index: stands for s, stands in candidate_sentences(article)}
    eligible = [candidates.get(s.index, False) and summary_eligible(s.text) for s in opening]
    return [s.text for s in opening], eligible, _partners(opening, candidates)


def _partners(opening: list[Sentence], candidates: dict[int, bool]) -> list[int | None]:
    """For each sentence, the one it may be shown with when it cannot stand alone: a candidate
    that leans on the sentence directly before it ("Er ...", "Das sagte ...") goes with that
    one, a question with its answer directly after it; None for the others. Both read as the
    article has them, the summary showing its lines in article order."""
    found: list[int | None] = []
    for k, s in enumerate(opening):
        before = k > 0 and opening[k - 1].index == s.index - 1
        after = k + 1 < len(opening) and opening[k + 1].index == s.index + 1
        if s.index not in candidates:
            found.append(None)
        elif is_question(s.text):
            found.append(k + 1 if after else None)
        elif not candidates[s.index] and not asks_reader(s.text):
            found.append(k - 1 if before else None)
        else:
            found.append(None)
    return found


def _hand_weighted_summary(
    article: Article, sentences: int, engine: str, weights: Weights
) -> list[str]:
    groups = group_sentences([article], weights)
    if not groups:
        # nothing passes as a full sentence: fall back to the article's first sentences
        return [s.text for s in _opening(article)[:sentences]]
    for group in groups:
        group.speaker = None  # plain sentences are printed: a report's speaker would not show
    score_groups(groups, engine, weights, multi_source=False)
    chosen = select_groups(groups, sentences, weights)
    return [g.text for g in sorted(chosen, key=lambda g: g.first_seen)]


def _opening(article: Article) -> list[Sentence]:
    """The article's sentences that are article text, of any length (no caption, credit,
    fragment or sentence in another language): what a summary falls back to."""
    return [s for s in article_sentences(article) if is_article_text(s.text, article.boilerplate)]


def lead_summary(topic: Topic) -> list[SummaryItem]:
    """The first sentence of a lone article that can stand alone (for "Weitere Meldungen")."""
    for article in topic.articles:
        first = first_group(article)  # group_sentences([article])[0], cheaper
        if first is not None and first.alone:
            return [first.to_item()]  # (with who says it, when it reports speech)
    return []
