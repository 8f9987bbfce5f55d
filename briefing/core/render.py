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
# Characters Markdown may read as markup anywhere in a line.
_MD_INLINE = re.compile(r"([\\`*_\[\]<>|{}~])")
# "&amp;" would be shown as "&": escape the ampersand of anything that looks like an entity.
_MD_ENTITY = re.compile(r"&(?=#?\w+;)")
# Markdown that only counts at the start of a line: headings, quotes, list items, rules.
_MD_LINE_START = re.compile(r"^([#>+=-])")
_MD_ORDERED_ITEM = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")
# A closing "##" sequence would be cut off a heading.
_MD_TRAILING_HASHES = re.compile(r"(^|\s)(#+)$")
# Control characters (C0 and C1, keeping none: everything is one line) that would reach a
# terminal as escape sequences.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def md_escape(text: object) -> str:
    """Escape article text so Markdown shows it literally and cannot take structure from it.

    The result is one line (no headings, lists, tables or code blocks can start in it) in
    which every character Markdown could read as markup is backslash-escaped.
    """
    value = " ".join(_CONTROL.sub(" ", str(text)).split())
    value = _MD_INLINE.sub(r"\\\1", value)
    value = _MD_ENTITY.sub(r"\\&", value)
    value = _MD_TRAILING_HASHES.sub(lambda m: m.group(1) + "\\#" * len(m.group(2)), value)
    value = _MD_ORDERED_ITEM.sub(r"\1\\\2", value)
    return _MD_LINE_START.sub(r"\\\1", value)


def md_code(text: object) -> str:
    """Text as a complete Markdown code span (backticks included) that it cannot break out of."""
    value = " ".join(_CONTROL.sub(" ", str(text)).split())
    longest = max((len(run) for run in re.findall(r"`+", value)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if value.startswith("`") or value.endswith("`") else ""
    return f"{fence}{pad}{value}{pad}{fence}"


def safe_url(value: object) -> str:
    """A link target only when it is http(s) or mailto; anything else (javascript:, data:) -> "#"."""
    url = "".join(str(value or "").split())
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    return url if scheme in ("http", "https", "mailto") else "#"


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


def based_on(articles: list[Article]) -> str:
    """What a briefing rests on, claiming only what is known.

    Outlets and dates are often missing from copied pages: "5 Quellen aus 1 Medium" would
    read as if all five came from one outlet, so outlets are counted only when every article
    names one, and dates say how many articles have one.
    """
    count = len(articles)
    text = f"Grundlage: {count} {'Quelle' if count == 1 else 'Quellen'}"
    outlets: list[str] = []
    for article in articles:
        if article.outlet and article.outlet not in outlets:
            outlets.append(article.outlet)
    if outlets and all(a.outlet for a in articles):
        text += f" aus {len(outlets)} {'Medium' if len(outlets) == 1 else 'Medien'}"
    elif outlets:
        text += f", darunter {', '.join(outlets)}"
    dates = sorted(a.date for a in articles if a.date)
    if dates and len(dates) == count:
        text += f", {date_span((dates[0], dates[-1]))}"
    elif dates:
        text += f"; Datum bekannt bei {len(dates)}: {date_span((dates[0], dates[-1]))}"
    return text


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
    from jinja2.exceptions import SecurityError
    from jinja2.sandbox import SandboxedEnvironment

    class BriefingSandbox(SandboxedEnvironment):
        """The sandbox, also refusing arithmetic that would eat all memory or time."""

        intercepted_binops = frozenset({"*", "**", "%"})

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            if operator == "**" and _too_big_power(left, right):
                raise SecurityError(f"{left!r} ** {right!r} is too large")
            if operator == "*" and _too_long_repeat(left, right):
                raise SecurityError("repeating a sequence that often makes it too large")
            if operator == "%" and isinstance(left, str) and _too_wide_percent(left):
                raise SecurityError("format width too large")
            return super().call_binop(context, operator, left, right)

        def call(self, context: Any, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
            # str.format reaches here wrapped by the sandbox; its widths are checked first.
            wrapped = getattr(obj, "__wrapped__", None)
            if getattr(wrapped, "__name__", "") in ("format", "format_map") and isinstance(
                getattr(wrapped, "__self__", None), str
            ) and _too_wide_braces(wrapped.__self__):
                raise SecurityError("format width too large")
            return super().call(context, obj, *args, **kwargs)

    packaged = FileSystemLoader(str(templates_dir()))
    loaders: list[Any] = [FileSystemLoader([str(d) for d in template_dirs or []])]
    loaders += [PrefixLoader({"default": packaged}, delimiter=":"), packaged]
    env = BriefingSandbox(
        loader=ChoiceLoader(loaders),
        autoescape=autoescape,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
    )
    env.globals.pop("lipsum", None)  # lipsum(10**9) would build gigabytes of text
    for name in ("center", "indent", "wordwrap", "truncate", "format"):
        env.filters[name] = _width_checked(env.filters[name], name)
    env.filters.update(md=md_escape, md_code=md_code, safe_url=safe_url,
                       german_date=german_date, date_span=date_span, refs=refs)
    env.globals["based_on_text"] = based_on
    return env


_MAX_REPEAT = 1_000_000


def _too_big_power(base: Any, exponent: Any) -> bool:
    if isinstance(base, bool) or not isinstance(base, int | float):
        return False
    if isinstance(exponent, bool) or not isinstance(exponent, int | float):
        return False
    return abs(base) > 1 and exponent > 1000


def _too_long_repeat(left: Any, right: Any) -> bool:
    for seq, times in ((left, right), (right, left)):
        if isinstance(seq, str | list | tuple) and isinstance(times, int):
            return len(seq) * times > _MAX_REPEAT
    return False


_MAX_WIDTH = 10_000
_PERCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[-+ #0]*(\*|\d+)?(?:\.(\*|\d+))?")
_BRACE_SPEC = re.compile(r"\{[^{}]*:([^{}]*)(\{)?")


def _too_wide(number: str | None) -> bool:
    return number == "*" or (number is not None and number.isdigit() and int(number) > _MAX_WIDTH)


def _too_wide_percent(fmt: str) -> bool:
    return any(_too_wide(w) or _too_wide(p) for w, p in _PERCENT_SPEC.findall(fmt))


def _too_wide_braces(fmt: str) -> bool:
    for spec, nested in _BRACE_SPEC.findall(fmt):
        if nested or any(int(n) > _MAX_WIDTH for n in re.findall(r"\d+", spec)):
            return True
    return False


def _width_checked(original: Any, name: str) -> Any:
    """A Jinja filter that refuses widths (and %-format widths) that would fill memory."""
    import functools

    @functools.wraps(original)
    def checked(*args: Any, **kwargs: Any) -> Any:
        from jinja2.exceptions import SecurityError

        values = list(args) + list(kwargs.values())
        if any(isinstance(v, int) and not isinstance(v, bool) and v > _MAX_WIDTH for v in values):
            raise SecurityError(f"{name}: width too large")
        if name == "format" and any(isinstance(v, str) and _too_wide_percent(v) for v in values):
            raise SecurityError("format width too large")
        return original(*args, **kwargs)

    return checked


def _shown_path(filename: str | None, fallback: str) -> str:
    """A template's file name for a message: relative to the working folder when inside it."""
    if not filename:
        return fallback
    try:
        relative = os.path.relpath(filename)
    except ValueError:  # another drive on Windows
        return filename
    return filename if relative.startswith("..") else relative


def render_template(
    template_name: str,
    context: dict[str, Any],
    template_dirs: list[str | os.PathLike[str]] | None = None,
    template_file: str | os.PathLike[str] | None = None,
    autoescape: bool | None = None,
) -> str:
    """Render a template by name (or the user's ``template_file``) in the sandbox; any error
    in it becomes TemplateError("file:line: message")."""
    from jinja2 import TemplateNotFound, TemplateSyntaxError
    from jinja2.exceptions import SecurityError

    dirs = [Path(d) for d in template_dirs or []]
    for folder in dirs:
        if not folder.is_dir():
            raise TemplateError(f"{folder}: no such template folder")
    name = template_name
    if template_file is not None:
        path = Path(template_file)
        if not path.is_file():
            raise TemplateError(f"{path}: no such template file")
        dirs.insert(0, path.parent)
        name = path.name
    if autoescape is None:
        autoescape = name.endswith((".html", ".html.j2", ".htm"))
    env = make_environment(dirs, autoescape=autoescape)
    try:
        return env.get_template(name).render(**context)
    except TemplateSyntaxError as error:
        where = _shown_path(error.filename, error.name or name)
        raise TemplateError(f"{where}:{error.lineno}: {error.message}") from None
    except TemplateNotFound as error:
        where, line = _template_frame(error, env, name)
        missing = ", ".join(error.templates) if hasattr(error, "templates") else error.name
        raise TemplateError(f"{where}:{line}: template not found: {missing}") from None
    except SecurityError as error:
        where, line = _template_frame(error, env, name)
        raise TemplateError(f"{where}:{line}: refused by the sandbox: {error}") from None
    except RecursionError as error:
        where, line = _template_frame(error, env, name)
        raise TemplateError(f"{where}:{line}: template recursion too deep") from None
    except Exception as error:  # noqa: BLE001 - any failure inside a template is the template's
        where, line = _template_frame(error, env, name)
        message = " ".join(str(error).split()) or type(error).__name__
        if not isinstance(error, _jinja_errors()):
            message = f"{type(error).__name__}: {message}"
        raise TemplateError(f"{where}:{line}: {message}") from None


def _jinja_errors() -> tuple[type[BaseException], ...]:
    from jinja2 import TemplateError as JinjaTemplateError

    return (JinjaTemplateError,)


def _template_frame(error: BaseException, env: Any, name: str) -> tuple[str, int]:
    """Where in which template the error happened: the innermost template frame.

    Jinja rewrites tracebacks so that template code shows with the template's file name and
    line; the innermost such frame is the one that failed (an include, a macro, a block).
    """
    import traceback

    files = {t.filename for t in env.cache.values() if getattr(t, "filename", None)}
    where, line = name, 0
    for frame in traceback.extract_tb(error.__traceback__):
        if frame.filename in files or frame.filename == "<template>":
            where, line = _shown_path(frame.filename, name), frame.lineno or 0
    return where, line


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
