"""Zeitleiste: the story's most important explicit dates, the best sentence on each.

Takes a topic, its sentence groups and citations; gives timeline entries in time order, each
with its date normalised ("18.06.2024") and the statement it belongs to, so that an event
another section prints is referred to there, not repeated (``briefing.sections.refs``).
"""

from __future__ import annotations

import datetime as dt

from briefing.cues.dates import date_label, event_dates
from briefing.models import SentenceGroup, TimelineEntry, Topic, id_number
from briefing.summary import DEFAULT_WEIGHTS, Citations, Weights, standalone_factor
from briefing.summary.groups import stands_alone

MAX_TIMELINE = 5


def build_timeline(
    topic: Topic,
    groups: list[SentenceGroup],
    weights: Weights | None = None,
    limit: int = MAX_TIMELINE,
    citations: Citations | None = None,
) -> list[TimelineEntry]:
    """For the most important explicit dates, the best sentence on each, in time order.

    Every copy of a merged sentence is searched, since one outlet may add the date
    ("am Dienstag (18. Juni)") that another leaves out; the entry shows that copy, citing
    the articles that carry it verbatim, the other copies as its variants.
    """
    weights = weights or DEFAULT_WEIGHTS
    citations = citations or Citations(topic.articles)
    dates = {a.id: _parse_date(a.date) for a in topic.articles}
    fallback = max((d for d in dates.values() if d), default=None)
    best: dict[str, tuple[float, TimelineEntry, SentenceGroup]] = {}
    for group in groups:
        if not group.alone:
            continue
        seen: set[str] = set()
        for occurrence in sorted(
            group.occurrences, key=lambda s: (id_number(s.article_id), s.index)
        ):
            if occurrence.text in seen or not stands_alone(occurrence.text):
                continue  # (a copy that points back to its article's sentence before: no entry)
            seen.add(occurrence.text)
            found = event_dates(occurrence.text, dates.get(occurrence.article_id) or fallback)
            if not found:
                continue
            when, key = found[0]
            entry = TimelineEntry(when, key, occurrence.text, [], label=date_label(when, key),
                                  statement=group.text)
            # worth as a sentence, without the quote penalty of "Das Wichtigste"
            worth = group.centrality * standalone_factor(occurrence.text, weights)
            if key not in best or worth > best[key][0]:
                best[key] = (worth, entry, group)
            break
    ranked = sorted(best.values(), key=lambda b: -b[0])
    top = ranked[:limit]
    latest = max(best.values(), key=lambda b: b[1].sort_key, default=None)
    if latest is not None and latest not in top:
        # the timeline reaches the story's present, not only its background
        top = [*ranked[: limit - 1], latest]
    for _, entry, group in top:
        # cited once chosen: most dated sentences never make the timeline
        entry.sources, entry.variants = citations.cite(entry.text, group.occurrences)
    return sorted((entry for _, entry, _ in top), key=lambda e: (e.sort_key, e.text))


def _parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
