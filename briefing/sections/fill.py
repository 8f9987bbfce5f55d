"""The sections of a topic beside its summary: quotes, open claims and a timeline.

Takes a topic and its summary (``briefing.summary.TopicSummary``); gives the topic's quotes,
claims and timeline, each short and each sentence used once.
"""

from __future__ import annotations

from briefing.models import Quote, SentenceGroup, SummaryItem, TimelineEntry, Topic
from briefing.sections.claims import pick_claims
from briefing.sections.quotes import pick_quotes
from briefing.sections.timeline import build_timeline
from briefing.summary import TopicSummary


def topic_sections(
    topic: Topic, summary: TopicSummary
) -> tuple[list[Quote], list[SummaryItem], list[TimelineEntry]]:
    """Quotes, open claims and timeline of a topic, each short and each sentence used once.

    A sentence of "Das Wichtigste" is not repeated under "Zitate" or "Unbestätigt und
    umstritten": the reader has just read it (and "Das Wichtigste" leaves quotes to "Zitate"),
    except a claim that a denial answers, which stands again right before it (pick_claims).
    The timeline may repeat one, because it is an index by date and a gap there would
    suggest nothing happened on that date. A topic without candidate sentences has none.
    """
    if not summary.groups or summary.similarity is None:
        return [], [], []
    groups, similarity, weights = summary.groups, summary.similarity, summary.weights
    used: list[SentenceGroup] = list(summary.chosen)
    quotes = pick_quotes(topic, groups, used, similarity, weights)
    claims = pick_claims(groups, used, similarity, weights)
    timeline = build_timeline(topic, groups, weights)
    return quotes, claims, timeline
