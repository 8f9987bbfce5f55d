"""The briefing as Markdown or HTML (through the templates) and as JSON data.

Takes a ``Briefing``; gives its text in the chosen format (``render_briefing``) and its title
when the user gave none (``render_title``).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
from collections.abc import Callable, Iterable
from json.encoder import encode_basestring
from typing import Any

from briefing.models import Article, Briefing, Ref, TimelineEntry, Topic, Variant
from briefing.render.filters import pointer
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
        return indented_json(briefing_to_dict(briefing)) + "\n"
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
    """How many distinct statements of the briefing's sections rest on this article, in its
    own words or as another wording of a line (a topic and an article as models, or as the
    plain data templates get)."""
    return len(_texts_by_article(topic).get(field(article, "id"), ()))


def _texts_by_article(topic: Any) -> dict[str, set[str]]:
    """Article id -> the texts of the topic's statements that rest on it (``sentences_used``
    of every article of the topic at once: asked article by article, a topic of a hundred
    articles went through all its items a hundred times)."""
    texts: dict[str, set[str]] = {}
    for section in ("summary", "quotes", "claims", "timeline"):
        for item in field(topic, section):
            text = field(item, "text")
            for article_id in field(item, "reporters"):
                texts.setdefault(article_id, set()).add(text)
    return texts


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
    used = _texts_by_article(topic)
    return {
        "title": topic.title,
        "minor": topic.minor,
        "continued": topic.continued,
        # as "Quellen" shows it: how many of the briefing's sentences rest on each article
        "articles": [
            {**article_to_dict(a), "sentences_used": len(used.get(a.id, ()))}
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


def indented_json(value: Any) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``, the same text, faster.

    With ``indent`` the standard library encodes in Python through nested generators (its C
    encoder knows no indentation): about 0.8 s of CPU for the 15 MB of the 11,700-article
    briefing, at the end of a build when nothing else runs. This writes the same text with
    one list of parts and the C string encoder. Data of other types than JSON's own go to
    ``json.dumps``, which raises for them as it always did.
    """
    parts: list[str] = []
    try:
        _encode(value, 0, parts.append)
    except _NotPlain:
        return json.dumps(value, ensure_ascii=False, indent=2)
    return "".join(parts)


class _NotPlain(Exception):
    """A value that is no str, int, float, bool, None, list, tuple or dict with str keys."""


def _scalar(value: Any) -> str | None:
    """A JSON scalar's text as ``json.dumps`` writes it, or None for a container."""
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        if math.isfinite(value):
            return float.__repr__(value)
        return json.dumps(value)  # NaN, Infinity, -Infinity
    if isinstance(value, (list, tuple, dict)):
        return None
    raise _NotPlain


def _encode(value: Any, level: int, append: Callable[[str], None]) -> None:
    text = _scalar(value)
    if text is not None:
        append(text)
        return
    if not value:
        append("{}" if isinstance(value, dict) else "[]")
        return
    inner = "\n" + "  " * (level + 1)
    between = "," + inner
    if isinstance(value, dict):
        separator = "{" + inner
        for key, item in value.items():
            if type(key) is not str:
                raise _NotPlain  # json.dumps turns numbers and None into keys: left to it
            # (most values are strings: written here without a call for each)
            if type(item) is str:
                append(f"{separator}{encode_basestring(key)}: {encode_basestring(item)}")
            elif (text := _scalar(item)) is not None:
                append(f"{separator}{encode_basestring(key)}: {text}")
            else:
                append(f"{separator}{encode_basestring(key)}: ")
                _encode(item, level + 1, append)
            separator = between
        append("\n" + "  " * level + "}")
        return
    separator = "[" + inner
    for item in value:
        if type(item) is str:
            append(separator + encode_basestring(item))
        elif (text := _scalar(item)) is not None:
            append(separator + text)
        else:
            append(separator)
            _encode(item, level + 1, append)
        separator = between
    append("\n" + "  " * level + "]")
