"""The briefing as Markdown or HTML (through the templates) and as JSON data.

Takes a ``Briefing``; gives its text in the chosen format (``render_briefing``) and its title
when the user gave none (``render_title``).
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterable
from typing import Any

from briefing.models import Article, Briefing, Topic
from briefing.render.plain import Plain, field
from briefing.render.templates import render_template

FORMATS = {"markdown": "briefing.md.j2", "html": "briefing.html.j2"}
# Lone articles ("Weitere Meldungen") the Markdown and HTML show, most covered first; the rest
# are counted ("… und 40 weitere Meldungen") and all of them are in the JSON.
MINOR_SHOWN = 12


def render_title(topics: list[Topic], today: dt.date) -> str:
    """The briefing's title from ``title.txt.j2`` (single story vs. several).

    Its date is the articles' latest (``latest``, None when no article has one): a briefing of
    2019's articles built today is no "Briefing vom" today.
    """
    plain = Plain()
    data = [plain.topic(t) for t in topics]
    major = [t for t in data if not t["minor"]] or data
    context = {"topics": data, "major": major, "today": today,
               "latest": latest_date(a for t in topics for a in t.articles)}
    return " ".join(render_template("title.txt.j2", context).split())


def latest_date(articles: Iterable[Article]) -> dt.date | None:
    """The newest date among the articles, or None."""
    dates = []
    for article in articles:
        try:
            dates.append(dt.date.fromisoformat(article.date or ""))
        except ValueError:
            continue
    return max(dates, default=None)


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


def template_context(briefing: Briefing, plain: Plain | None = None) -> dict[str, Any]:
    """What the briefing templates get: plain data only (see plain.py), no model objects."""
    data = (plain or Plain()).briefing(briefing)
    outlets = sorted({a.outlet for a in briefing.articles if a.outlet})
    return {
        "briefing": data,
        "title": data["title"],
        "topics": [t for t in data["topics"] if not t["minor"]],
        "minor": [t for t in data["topics"] if t["minor"]],
        "articles": data["articles"],
        "outlets": outlets,
        "skipped": data["skipped"],
        "generated": data["generated"],
        "sentences_used": sentences_used,
        "minor_shown": MINOR_SHOWN,
    }


def sentences_used(topic: Any, article: Any) -> int:
    """How many distinct sentences of the briefing's sections rest on this article (a topic
    and an article as models, or as the plain data templates get)."""
    cited = [*field(topic, "summary"), *field(topic, "quotes"), *field(topic, "claims"),
             *field(topic, "timeline")]
    article_id = field(article, "id")
    return len({field(i, "text") for i in cited if article_id in field(i, "sources")})


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
                "score": round(i.score, 6),
            }
            for i in topic.summary
        ],
        "quotes": [
            {"text": q.text, "speaker": q.speaker, "sources": list(q.sources)} for q in topic.quotes
        ],
        "claims": [
            {"text": c.text, "speaker": c.speaker, "sources": list(c.sources)} for c in topic.claims
        ],
        "timeline": [
            {"when": e.when, "date": e.sort_key, "text": e.text, "sources": list(e.sources)}
            for e in topic.timeline
        ],
    }


def briefing_to_dict(briefing: Briefing) -> dict[str, Any]:
    """The JSON shape of ``../shared/CONTRACT.md`` (plus extra fields)."""
    return {
        "title": briefing.title,
        "generated": briefing.generated.isoformat(),
        "topics": [topic_to_dict(t) for t in briefing.topics],
        "skipped": [{"path": str(s.path), "reason": s.reason} for s in briefing.skipped],
    }
