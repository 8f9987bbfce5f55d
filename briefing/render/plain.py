"""What templates get: the briefing as plain data (dicts, lists, strings, numbers, dates).

A template may be the user's (``--template``); it must not reach anything with methods that
touch files or the process, so no model object and no ``Path`` is handed to one. A file's
path is a ``ShownPath``: a string (shown escaped: no control characters, names that are not
UTF-8 as ``\\xe4``) whose ``name``, ``stem``, ``suffix`` and ``parent`` are strings too.
"""

from __future__ import annotations

import os
from typing import Any

from briefing.models import (
    Article,
    Briefing,
    Discrepancy,
    Quote,
    Ref,
    Skipped,
    SummaryItem,
    TimelineEntry,
    Topic,
    Variant,
)
from briefing.runtime.display import shown


class ShownPath(str):
    """A path as text for reading, with the parts templates use (``path.name``) as text."""

    __slots__ = ()

    @classmethod
    def of(cls, path: str | os.PathLike[str]) -> ShownPath:
        return cls(shown(os.fspath(path)))

    @property
    def name(self) -> str:
        return str(self).rsplit("/", 1)[-1]

    @property
    def stem(self) -> str:
        name = self.name
        return name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name

    @property
    def suffix(self) -> str:
        name = self.name
        return "." + name.rsplit(".", 1)[1] if "." in name.lstrip(".") else ""

    @property
    def parent(self) -> ShownPath:
        head = str(self).rsplit("/", 1)[0]
        return ShownPath(head or "/")


class Plain:
    """Turns models into plain data once each: an article cited in several places is one dict."""

    def __init__(self) -> None:
        self._articles: dict[int, dict[str, Any]] = {}

    def article(self, article: Article) -> dict[str, Any]:
        data = self._articles.get(id(article))
        if data is None:
            data = self._articles[id(article)] = {
                "id": article.id,
                "number": article.number,
                "path": ShownPath.of(article.path),
                "title": article.title,
                "outlet": article.outlet,
                "date": article.date,
                "url": article.url,
                "language": article.language,
                "blocks": [{"kind": b.kind, "text": b.text, "is_heading": b.is_heading}
                           for b in article.blocks],
                "paragraphs": article.paragraphs,
                "body": article.body,
            }
        return data

    def topic(self, topic: Topic, summary: list[SummaryItem] | None = None) -> dict[str, Any]:
        return {
            "title": topic.title,
            "articles": [self.article(a) for a in topic.articles],
            "summary": [item_data(i) for i in (topic.summary if summary is None else summary)],
            "quotes": [quote_data(q) for q in topic.quotes],
            "claims": [item_data(c) for c in topic.claims],
            "timeline": [timeline_data(e) for e in topic.timeline],
            "discrepancies": [discrepancy_data(d) for d in topic.discrepancies],
            "minor": topic.minor,
            "continued": topic.continued,
            "outlets": topic.outlets,
            "date_range": list(topic.date_range) if topic.date_range else None,
        }

    def briefing(self, briefing: Briefing) -> dict[str, Any]:
        return {
            "title": briefing.title,
            "topics": [self.topic(t) for t in briefing.topics],
            "skipped": [skipped_data(s) for s in briefing.skipped],
            "generated": briefing.generated,
            "articles": [self.article(a) for a in briefing.articles],
            "date_range": list(briefing.date_range) if briefing.date_range else None,
        }


def item_data(item: SummaryItem) -> dict[str, Any]:
    return {"text": item.text, "sources": list(item.sources), "score": item.score,
            "speaker": item.speaker, "first_seen": list(item.first_seen),
            "variants": [variant_data(v) for v in item.variants],
            "answers": ref_data(item.answers), "reporters": item.reporters}


def quote_data(quote: Quote) -> dict[str, Any]:
    return {"text": quote.text, "speaker": quote.speaker, "sources": list(quote.sources),
            "variants": [variant_data(v) for v in quote.variants],
            "reporters": quote.reporters}


def timeline_data(entry: TimelineEntry) -> dict[str, Any]:
    return {"when": entry.when, "sort_key": entry.sort_key, "text": entry.text,
            "sources": list(entry.sources), "variants": [variant_data(v) for v in entry.variants],
            "label": entry.label, "statement": entry.statement, "ref": ref_data(entry.ref),
            "reporters": entry.reporters}


def variant_data(variant: Variant) -> dict[str, Any]:
    return {"text": variant.text, "sources": list(variant.sources), "ref": ref_data(variant.ref)}


def discrepancy_data(discrepancy: Discrepancy) -> dict[str, Any]:
    return {"variants": [variant_data(v) for v in discrepancy.variants],
            "differs": list(discrepancy.differs)}


def ref_data(ref: Ref | None) -> dict[str, Any] | None:
    if ref is None:
        return None
    return {"section": ref.section, "index": ref.index, "text": ref.text}


def skipped_data(skipped: Skipped) -> dict[str, Any]:
    return {"path": ShownPath.of(skipped.path), "reason": skipped.reason}


def field(obj: Any, name: str) -> Any:
    """``obj.name`` of a model or ``obj[name]`` of its plain data."""
    return obj[name] if isinstance(obj, dict) else getattr(obj, name)
