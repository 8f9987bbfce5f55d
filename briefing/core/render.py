"""Render a Briefing through Jinja2 templates (Markdown, HTML) and as JSON data.

Article text is data: it reaches templates only as context values, never as template
source, and the Markdown filter escapes what Markdown would interpret.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from pathlib import Path
from typing import Any

from briefing.core.errors import TemplateError
from briefing.core.models import Article, Briefing, Topic
from briefing.resources import templates_dir

FORMATS = {"markdown": "briefing.md.j2", "html": "briefing.html.j2"}
_MD_INLINE = re.compile(r"([\\`*_\[\]<>|{}])")
_MD_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+[.)])", re.M)


def md_escape(text: object) -> str:
    """Escape article text so Markdown shows it literally and cannot take structure from it."""
    value = " ".join(str(text).split())  # a sentence is one line: no headings, lists or tables
    value = _MD_INLINE.sub(r"\\\1", value)
    return _MD_LINE_START.sub(r"\1\\\2", value)


def german_date(value: str | None) -> str:
    """``2024-06-19`` -> ``19.06.2024``; anything else unchanged."""
    if not value:
        return ""
    try:
        return dt.date.fromisoformat(value).strftime("%d.%m.%Y")
    except ValueError:
        return value


def date_span(span: tuple[str, str] | None) -> str:
    """``17.06.2024`` or ``17.–19.06.2024``-style text for a date range."""
    if not span:
        return ""
    first, last = (german_date(d) for d in span)
    return first if first == last else f"{first}–{last}"


def refs(ids: list[str]) -> str:
    """``["a1", "a3"]`` -> ``[1, 3]``: the source references readers see."""
    return "[" + ", ".join(i[1:] for i in ids) + "]"


def make_environment(
    template_dirs: list[str | os.PathLike[str]] | None = None, autoescape: bool = False
) -> Any:
    """A sandboxed Jinja2 environment: user folders first, then the packaged templates.

    Packaged templates are also reachable as ``default:NAME`` for ``{% extends %}``.
    """
    from jinja2 import ChoiceLoader, FileSystemLoader, PrefixLoader, StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    packaged = FileSystemLoader(str(templates_dir()))
    loaders: list[Any] = [FileSystemLoader([str(d) for d in template_dirs or []])]
    loaders += [PrefixLoader({"default": packaged}, delimiter=":"), packaged]
    env = SandboxedEnvironment(
        loader=ChoiceLoader(loaders),
        autoescape=autoescape,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
    )
    env.filters.update(md=md_escape, german_date=german_date, date_span=date_span, refs=refs)
    return env


def _render(template_name: str, context: dict[str, Any], template_dirs=None, template_file=None):
    from jinja2 import TemplateError as JinjaTemplateError
    from jinja2 import TemplateSyntaxError
    from jinja2.exceptions import SecurityError

    dirs = list(template_dirs or [])
    name = template_name
    if template_file is not None:
        path = Path(template_file)
        if not path.is_file():
            raise TemplateError(f"{path}: template not found")
        dirs.insert(0, path.parent)
        name = path.name
    autoescape = name.endswith((".html", ".html.j2", ".htm"))
    env = make_environment(dirs, autoescape=autoescape)
    try:
        return env.get_template(name).render(**context)
    except TemplateSyntaxError as error:
        where = error.filename or name
        raise TemplateError(f"{where}:{error.lineno}: {error.message}") from None
    except SecurityError as error:
        raise TemplateError(f"{name}: refused by the sandbox: {error}") from None
    except JinjaTemplateError as error:
        raise TemplateError(f"{name}:{_template_line(error, name)}: {error}") from None


def _template_line(error: BaseException, name: str) -> int:
    import traceback

    line = 0
    for frame in traceback.extract_tb(error.__traceback__):
        if frame.filename.endswith(name) and frame.lineno:
            line = frame.lineno
    return line


def render_title(topics: list[Topic], today: dt.date) -> str:
    """The briefing's title from ``title.txt.j2`` (single story vs. several)."""
    major = [t for t in topics if not t.minor] or topics
    text = _render("title.txt.j2", {"topics": topics, "major": major, "today": today})
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
    return _render(FORMATS[fmt], template_context(briefing), template_dirs, template_file)


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
    """How many distinct sentences of the briefing's sections rest on this article."""
    cited = [*topic.summary, *topic.quotes, *topic.claims, *topic.timeline]
    return len({item.text for item in cited if article.id in item.sources})


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
        "articles": [article_to_dict(a) for a in topic.articles],
        "summary": [
            {"text": i.text, "sources": list(i.sources), "score": round(i.score, 6)}
            for i in topic.summary
        ],
        "quotes": [
            {"text": q.text, "speaker": q.speaker, "sources": list(q.sources)} for q in topic.quotes
        ],
        "claims": [{"text": c.text, "sources": list(c.sources)} for c in topic.claims],
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
