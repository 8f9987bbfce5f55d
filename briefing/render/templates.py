"""Templates in a sandbox: the user's folders first, then the packaged ones, errors in one line.

Takes a template name (or the user's file) and a context; gives the rendered text, or
``TemplateError("file:line: message")``. The sandbox also refuses arithmetic and format widths
that would fill memory.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from briefing.errors import TemplateError
from briefing.render.filters import (
    based_on,
    date_span,
    differing,
    german_date,
    md_code,
    md_escape,
    pointer,
    refs,
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
                       german_date=german_date, date_span=date_span, refs=refs,
                       reporters=reporters, pointer=pointer, differing=differing)
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
