"""The sections of a topic beside its summary: quotes, open claims, a timeline and where the
outlets disagree.

Takes a topic and its summary (``briefing.summary.TopicSummary``); gives the topic's quotes,
claims, timeline and discrepancies, each short and each sentence printed once.
"""

from __future__ import annotations

from briefing.models import (
    Discrepancy,
    Quote,
    Ref,
    SentenceGroup,
    SummaryItem,
    TimelineEntry,
    Topic,
)
from briefing.sections.claims import pick_claims
from briefing.sections.discrepancies import find_discrepancies
from briefing.sections.quotes import pick_quotes
from briefing.sections.refs import resolve_refs
from briefing.sections.timeline import build_timeline
from briefing.summary import TopicSummary
from briefing.text.verbatim import fold


def topic_sections(
    topic: Topic, summary: TopicSummary
) -> tuple[list[Quote], list[SummaryItem], list[TimelineEntry], list[Discrepancy]]:
    """Quotes, open claims, timeline and discrepancies of a topic; no sentence printed twice.

    A sentence of "Das Wichtigste" is not repeated under "Zitate" or "Unbestätigt und
    umstritten" (and "Das Wichtigste" leaves quotes to "Zitate"); a denial whose claim another
    section prints points to it. The timeline is an index by date: an event another section
    prints is listed with its date and a pointer to it, so that a gap there does not suggest
    nothing happened on that date. A discrepancy lists every version; the Markdown prints a
    version that is an item above as a pointer (``resolve_refs``). A topic without candidate
    sentences has none.
    """
    if not summary.groups or summary.similarity is None:
        return [], [], [], []
    groups, similarity, weights = summary.groups, summary.similarity, summary.weights
    citations = summary.citations
    used: list[SentenceGroup] = list(summary.chosen)
    quotes = pick_quotes(topic, groups, used, similarity, weights, citations=citations)
    shown = _where_shown(used, [("summary", summary.items), ("quotes", quotes)])
    claims = pick_claims(groups, used, similarity, weights, citations=citations, shown=shown)
    timeline = build_timeline(topic, groups, weights, citations=citations)
    discrepancies = find_discrepancies(groups, citations, {id(g) for g in used})
    filled = Topic(topic.title, topic.articles, summary.items, quotes, claims, timeline,
                   discrepancies)
    resolve_refs(filled)
    return quotes, claims, timeline, discrepancies


def _where_shown(
    groups: list[SentenceGroup], sections: list[tuple[str, list]]
) -> dict[int, Ref]:
    """id(group) -> the printed item that says it (a quote of several sentences holds each)."""
    printed = [(section, i, item.text, fold(item.text))
               for section, items in sections for i, item in enumerate(items)]
    shown: dict[int, Ref] = {}
    for group in groups:
        text = fold(group.text)
        found = next((p for p in printed if text in p[3]), None)
        if found is not None:
            shown[id(group)] = Ref(*found[:3])
    return shown
