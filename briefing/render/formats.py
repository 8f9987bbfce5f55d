"""The briefing as Markdown or HTML (through the templates) and as JSON data.

Takes a ``Briefing``; gives its text in the chosen format (``render_briefing``) and its title
when the user gave none (``render_title``).
"""

from __future__ import annotations

import datetime as dt
import json
import os
from typing import Any

from briefing.models import Article, Briefing, Ref, TimelineEntry, Topic, Variant
from briefing.render.filters import pointer
from briefing.render.templates import render_template

FORMATS = {"markdown": "briefing.md.j2", "html": "briefing.html.j2"}


def render_title(topics: list[Topic], today: dt.date) -> str:
    """The briefing's title from ``title.txt.j2`` (single story vs. several)."""
    major = [t for t in topics if not t.minor] or topics
    text = render_template("title.txt.j2", {"topics": topics, "major": major, "today": today})
    return " ".join(text.split())


def render_briefing(
    briefing: Briefing,
    fmt: str = "markdown",
    template_file: str | os.PathLike[str] | None = None,
    template_dirs: list[str | os.PathLike[str]] | None = None,
) -> str:
    """The briefing as Markdown or HTML through the templates, or as JSON."""
    if fmt == "json":
        return json.dumps(briefing_to_dict(briefing), ensure_ascii=False, indent=2) + "\n"
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    # HTML output is autoescaped whatever the user's template is called.
    autoescape = True if fmt == "html" else None
    return render_template(
        FORMATS[fmt], template_context(briefing), template_dirs, template_file, autoescape
    )


def template_context(briefing: Briefing) -> dict[str, Any]:
    major = [t for t in briefing.topics if not t.minor]
    minor = [t for t in briefing.topics if t.minor]
    outlets = sorted({a.outlet for a in briefing.articles if a.outlet})
    return {
        "briefing": briefing,
        "title": briefing.title,
        "topics": major,
        "minor": minor,
        "articles": briefing.articles,
        "outlets": outlets,
        "skipped": briefing.skipped,
        "generated": briefing.generated,
        "sentences_used": sentences_used,
    }


def sentences_used(topic: Topic, article: Article) -> int:
    """How many distinct statements of the briefing's sections rest on this article (in its
    own words or as another wording of a line)."""
    cited = [*topic.summary, *topic.quotes, *topic.claims, *topic.timeline]
    return len({item.text for item in cited if article.id in item.reporters})


def article_to_dict(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "path": str(article.path),
        "title": article.title,
        "outlet": article.outlet,
        "date": article.date,
        "url": article.url,
    }


def topic_to_dict(topic: Topic) -> dict[str, Any]:
    return {
        "title": topic.title,
        "minor": topic.minor,
        "continued": topic.continued,
        # as "Quellen" shows it: how many of the briefing's sentences rest on each article
        "articles": [
            {**article_to_dict(a), "sentences_used": sentences_used(topic, a)}
            for a in topic.articles
        ],
        "summary": [
            {
                "text": i.text,
                "speaker": i.speaker,
                "sources": list(i.sources),
                "variants": variants_to_list(i.variants),
                "score": round(i.score, 6),
            }
            for i in topic.summary
        ],
        "quotes": [
            {
                "text": q.text,
                "speaker": q.speaker,
                "sources": list(q.sources),
                "variants": variants_to_list(q.variants),
            }
            for q in topic.quotes
        ],
        "claims": [
            {
                "text": c.text,
                "speaker": c.speaker,
                "sources": list(c.sources),
                "variants": variants_to_list(c.variants),
                **({"answers": ref_to_dict(c.answers)} if c.answers else {}),
            }
            for c in topic.claims
        ],
        "timeline": [timeline_entry_to_dict(e) for e in topic.timeline],
        "discrepancies": [
            {"variants": variants_to_list(d.variants), "differs": list(d.differs)}
            for d in topic.discrepancies
        ],
    }


def variants_to_list(variants: list[Variant]) -> list[dict[str, Any]]:
    """Other wordings as ``{"text", "sources"}`` (with ``ref`` when one is printed as an item)."""
    return [
        {"text": v.text, "sources": list(v.sources),
         **({"ref": ref_to_dict(v.ref)} if v.ref else {})}
        for v in variants
    ]


def ref_to_dict(ref: Ref) -> dict[str, Any]:
    return {"section": ref.section, "index": ref.index}


def timeline_entry_to_dict(entry: TimelineEntry) -> dict[str, Any]:
    """A dated event; one that another section prints is a pointer: its ``text`` is the pointer
    ("→ Das Wichtigste, Punkt 3"), no sentence, no sources, and ``ref`` names the item."""
    dated = {"when": entry.when, "date": entry.sort_key, "label": entry.label}
    if entry.ref is not None:
        return {**dated, "text": f"→ {pointer(entry.ref)}", "sources": [], "variants": [],
                "ref": ref_to_dict(entry.ref)}
    return {**dated, "text": entry.text, "sources": list(entry.sources),
            "variants": variants_to_list(entry.variants)}


def briefing_to_dict(briefing: Briefing) -> dict[str, Any]:
    """The JSON shape of ``../shared/CONTRACT.md`` (plus extra fields)."""
    return {
        "title": briefing.title,
        "generated": briefing.generated.isoformat(),
        "topics": [topic_to_dict(t) for t in briefing.topics],
        "skipped": [{"path": str(s.path), "reason": s.reason} for s in briefing.skipped],
    }
