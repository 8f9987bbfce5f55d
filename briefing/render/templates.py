"""Templates in a sandbox: the user's folders first, then the packaged ones, errors in one line.

Takes a template name (or the user's file) and a context; gives the rendered text, or
``TemplateError("file:line: message")``. The sandbox (sandbox.py) gives templates plain data
only and bounds their steps, time, values, output and memory.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from briefing.errors import TemplateError
from briefing.render.filters import (
    after_title,
    based_on,
    date_span,
    differing,
    german_date,
    md_code,
    md_escape,
    md_url,
    pointer,
    refs,
    repeats,
    reporters,
    safe_url,
)
from briefing.runtime.resources import templates_dir


def make_environment(
    template_dirs: list[str | os.PathLike[str]] | None = None, autoescape: bool = False
) -> Any:
    """A sandboxed Jinja2 environment: user folders first, then the packaged templates.

    Packaged templates are also reachable as ``default:NAME`` for ``{% extends %}``.
    """
    from jinja2 import ChoiceLoader, FileSystemLoader, PrefixLoader, StrictUndefined

    from briefing.render.sandbox import PlainDataSandbox, guard_filters  # (jinja2, deferred)

    packaged = FileSystemLoader(str(templates_dir()))
    loaders: list[Any] = [FileSystemLoader([str(d) for d in template_dirs or []])]
    loaders += [PrefixLoader({"default": packaged}, delimiter=":"), packaged]
    env = PlainDataSandbox(
        loader=ChoiceLoader(loaders),
        autoescape=autoescape,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
    )
    env.globals.pop("lipsum", None)  # lipsum(10**9) would build gigabytes of text
    own = {"md": md_escape, "md_code": md_code, "safe_url": safe_url, "md_url": md_url,
           "german_date": german_date, "date_span": date_span, "refs": refs,
           "repeats": repeats, "reporters": reporters, "pointer": pointer,
           "differing": differing, "after_title": after_title}
    env.filters.update(own)
    guard_filters(env, own)  # steps, widths and result sizes (sandbox.py)
    env.globals["based_on_text"] = based_on
    return env


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

    from briefing.render.sandbox import render_bounded  # (imports jinja2: deferred, as above)

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
    shown = context.get("articles")
    articles = len(shown) if isinstance(shown, list) else 0
    try:
        return render_bounded(env, env.get_template(name), context, articles)
    except MemoryError:
        raise TemplateError(f"{name}: the template needs too much memory") from None
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
