"""The templates' sandbox: plain data only, and bounded steps, time, values, output and memory.

A user template (``--template``, ``--template-dir``) is code from outside. Jinja2's sandbox
refuses private attributes; this one also refuses every attribute of anything that is not
plain data (strings, numbers, lists, dicts, dates, Jinja's own loop and macro objects), and
calls of methods bound to anything else, so a value handed to a template can never lead to
a file, a folder or the process.

And a template must end, and fit: every loop iteration, call, attribute lookup, operator and
filter spends from a budget of steps, checked against a deadline as it goes; a string, list
or number that would grow past its limit is refused before it is made where that can be
told (widths, repeats, joins, replaces, powers), right after otherwise; the output is cut
off at a size; and while rendering the process may take only so much more memory (Linux).
Past any limit the render stops with a SecurityError (one line, exit 1).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import re
import time
import types
from collections.abc import Iterable, Iterator
from typing import Any

from jinja2 import nodes
from jinja2.environment import TemplateModule
from jinja2.exceptions import SecurityError
from jinja2.runtime import Context, LoopContext, Macro, Undefined
from jinja2.sandbox import SandboxedEnvironment
from jinja2.utils import Cycler, Joiner, Namespace
from jinja2.visitor import NodeTransformer
from markupsafe import Markup

# Steps: loop iterations, calls, attribute lookups, operators, a filter's input items. The
# packaged templates take about 40 per article (48,383 for 1,171 articles); a render may take
# BASE_STEPS plus STEPS_PER_ARTICLE for each article it shows.
BASE_STEPS = 1_000_000
STEPS_PER_ARTICLE = 1_000
MAX_SECONDS = 10.0  # wall clock for one render, checked as it goes
MAX_ITEMS = 1_000_000  # length of a list, dict or set a template makes
MAX_CHARS = 16_000_000  # length of a string a template makes
MAX_OUTPUT = 64_000_000  # characters of output
MAX_WIDTH = 10_000  # a padding, format or batch width
MAX_INT_BITS = 100_000  # about 30,000 digits
MEMORY_HEADROOM = 512 * 1024 * 1024  # bytes of address space a render may add

PLAIN = (str, int, float, bool, type(None), list, tuple, dict, set, frozenset)
# Jinja's own runtime objects: a loop's `loop`, macros, `namespace()`, `cycler()`, an imported
# template's macros (`{% import ... as parts %}`), undefined values, escaped text.
RUNTIME = (LoopContext, Macro, Namespace, Cycler, Joiner, Undefined, Markup, TemplateModule)
_REACHABLE = PLAIN + RUNTIME
# what a date offers a template (no replace(), no fromtimestamp(), ...)
DATE_ATTRIBUTES = frozenset({"year", "month", "day", "isoformat", "strftime", "weekday",
                             "isoweekday"})
_WIDTH_METHODS = frozenset({"ljust", "rjust", "center", "zfill"})  # str methods
_GROWING_METHODS = frozenset({"append", "extend", "insert", "update", "setdefault", "add"})
# filters with a width or count that makes their result that large
_WIDTH_FILTERS = frozenset({"center", "indent", "wordwrap", "truncate", "format", "batch",
                            "slice", "tojson", "pprint"})


class Budget:
    """Steps and seconds one render may spend."""

    def __init__(self, steps: int = BASE_STEPS, seconds: float = MAX_SECONDS) -> None:
        self.left = self.steps = steps
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds
        self._until_clock = 0

    def spend(self, steps: int = 1) -> None:
        self.left -= steps
        if self.left < 0:
            raise SecurityError(f"the template takes more than {self.steps:,} steps")
        self._until_clock -= steps
        if self._until_clock <= 0:  # the clock every few thousand steps
            self._until_clock = 4096
            if time.monotonic() > self.deadline:
                raise SecurityError(f"the template took longer than {self.seconds:g} s")


_CONTAINERS = (list, tuple, dict, set, frozenset)
_DICT_ATTRIBUTES = frozenset(dir(dict))


def checked_size(value: Any) -> Any:
    """``value``, unless it is a string, container or number too large for a template."""
    if isinstance(value, str):
        if len(value) > MAX_CHARS:
            raise SecurityError(f"a string of more than {MAX_CHARS:,} characters")
    elif isinstance(value, _CONTAINERS):
        if len(value) > MAX_ITEMS:
            raise SecurityError(f"a list of more than {MAX_ITEMS:,} items")
    elif _integer(value) and value.bit_length() > MAX_INT_BITS:
        raise SecurityError("a number too large")
    return value


class _Guarded(NodeTransformer):
    """Rewrites a template so that its loops spend steps and its ``~`` is size-checked (the
    sandbox's hooks see neither)."""

    def visit_For(self, node: nodes.For) -> nodes.Node:
        node = self.generic_visit(node)
        node.iter = nodes.Filter(node.iter, "_steps", [], [], None, None, lineno=node.lineno)
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        node = self.generic_visit(node)
        return nodes.Filter(node, "_sized", [], [], None, None, lineno=node.lineno)


class PlainDataSandbox(SandboxedEnvironment):
    """Jinja2's sandbox, refusing what is not plain data and what would not end or fit."""

    intercepted_binops = frozenset({"*", "**", "%", "+", "-", "/", "//"})
    intercepted_unops = frozenset({"-", "+"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.budget = Budget()
        self.filters["_steps"] = self._steps
        self.filters["_sized"] = checked_size

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        return _Guarded().visit(super()._parse(source, name, filename))

    def _steps(self, iterable: Iterable[Any]) -> Iterator[Any]:
        spend = self.budget.spend
        for item in iterable:
            spend()
            yield item

    # -- what may be reached ------------------------------------------------------------------

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if not super().is_safe_attribute(obj, attr, value):
            return False
        if isinstance(obj, dt.date):
            return attr in DATE_ATTRIBUTES and not isinstance(obj, dt.datetime)
        return isinstance(obj, _REACHABLE)

    def is_safe_callable(self, obj: Any) -> bool:
        if not super().is_safe_callable(obj):
            return False
        owner = getattr(obj, "__self__", None)
        if owner is None or isinstance(owner, type | types.ModuleType):
            return True  # functions the program put there (filters, globals, helpers)
        if isinstance(owner, dt.date):
            return getattr(obj, "__name__", "") in DATE_ATTRIBUTES
        return isinstance(owner, _REACHABLE)

    # -- what it may cost -------------------------------------------------------------------

    def getattr(self, obj: Any, attribute: str) -> Any:
        self.budget.spend()
        # the plain data is dicts: `article.title` is a key (Jinja would try the attribute
        # first and fail; the same answer, without an exception for every lookup)
        if type(obj) is dict and attribute in obj and attribute not in _DICT_ATTRIBUTES:
            return obj[attribute]
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        self.budget.spend()
        return super().getitem(obj, argument)

    def call(self, context: Context, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
        self.budget.spend(10 if isinstance(obj, Macro) else 1)  # a macro call costs more
        _check_call(obj, args, kwargs)
        return checked_size(super().call(context, obj, *args, **kwargs))

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        self.budget.spend()
        _check_binop(operator, left, right)
        return checked_size(super().call_binop(context, operator, left, right))

    def call_unop(self, context: Context, operator: str, arg: Any) -> Any:
        self.budget.spend()
        return super().call_unop(context, operator, arg)


def _integer(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _wide(value: Any) -> bool:
    return _integer(value) and value > MAX_WIDTH


def _check_binop(operator: str, left: Any, right: Any) -> None:
    """Refuse an operation whose result would be too large, before it is made."""
    if operator == "**" and _integer(left) and _integer(right):
        if right > 0 and abs(left) > 1 and left.bit_length() * right > MAX_INT_BITS:
            raise SecurityError(f"{left!r} ** {right!r} is too large")
    elif operator == "**" and isinstance(left, int | float) and isinstance(right, int | float):
        if abs(left) > 1 and right > 1000:
            raise SecurityError(f"{left!r} ** {right!r} is too large")
    elif operator == "*" and _integer(left) and _integer(right):
        if left.bit_length() + right.bit_length() > MAX_INT_BITS:
            raise SecurityError("a product too large")
    elif operator == "*":
        for seq, times in ((left, right), (right, left)):
            limit = MAX_CHARS if isinstance(seq, str) else MAX_ITEMS
            if isinstance(seq, str | list | tuple) and _integer(times) and (
                    len(seq) * times > limit):
                raise SecurityError("repeating a sequence that often makes it too large")
    elif operator == "+" and isinstance(left, str | list | tuple) and isinstance(
            right, str | list | tuple):
        limit = MAX_CHARS if isinstance(left, str) else MAX_ITEMS
        if len(left) + len(right) > limit:
            raise SecurityError("joining these makes a value too large")
    elif operator == "%" and isinstance(left, str) and too_wide_percent(left):
        raise SecurityError("format width too large")


def _check_call(obj: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Refuse a method call that would make a string or container too large."""
    name = getattr(obj, "__name__", "")
    owner = getattr(obj, "__self__", None)
    wrapped = getattr(obj, "__wrapped__", None)  # str.format, wrapped by the sandbox
    if getattr(wrapped, "__name__", "") in ("format", "format_map") and isinstance(
            getattr(wrapped, "__self__", None), str) and too_wide_braces(wrapped.__self__):
        raise SecurityError("format width too large")
    values = [*args, *kwargs.values()]
    if isinstance(owner, str):
        _check_str_method(owner, name, values)
    if isinstance(owner, list | dict | set) and name in _GROWING_METHODS and (
            len(owner) >= MAX_ITEMS):
        raise SecurityError(f"a list of more than {MAX_ITEMS:,} items")


def _check_str_method(text: str, name: str, values: list[Any]) -> None:
    if name in _WIDTH_METHODS and any(_wide(v) for v in values):
        raise SecurityError(f"{name}: width too large")
    if name == "expandtabs" and values and _integer(values[0]) and (
            len(text) + text.count("\t") * max(values[0], 0) > MAX_CHARS):
        raise SecurityError("expandtabs: result too large")
    if name == "replace" and len(values) >= 2 and all(isinstance(v, str) for v in values[:2]):
        old, new = values[0], values[1]
        count = text.count(old) if old else len(text) + 1
        if len(text) + count * max(len(new) - len(old), 0) > MAX_CHARS:
            raise SecurityError("replace: result too large")
    if name == "join" and values:
        too_long_join(text, values[0])


def too_long_join(separator: Any, items: Any) -> None:
    """Refuse ``separator.join(items)`` (or ``items|join(separator)``) past MAX_CHARS."""
    if not isinstance(items, list | tuple):
        return
    total = len(str(separator)) * max(len(items) - 1, 0)
    for item in items:
        total += len(item) if isinstance(item, str) else 16
        if total > MAX_CHARS:
            raise SecurityError(f"join: a string of more than {MAX_CHARS:,} characters")


def guard_filters(env: PlainDataSandbox, own: Iterable[str] = ()) -> None:
    """Every filter spends steps for its input's size, its widths are checked before and the
    size of its result after; except the program's ``own`` filters, whose results grow only
    with their input (md, refs, ...: called for every line, they are left as they are)."""
    for name, original in list(env.filters.items()):
        if not name.startswith("_") and name not in own:
            env.filters[name] = _guarded_filter(env, name, original)


def _guarded_filter(env: PlainDataSandbox, name: str, original: Any) -> Any:
    # Jinja passes the environment or context first to filters marked so (jinja_pass_arg,
    # copied by functools.wraps): the value is the argument after it
    passed = getattr(original, "jinja_pass_arg", None) is not None

    @functools.wraps(original)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        head, values = (args[:1], list(args[1:])) if passed else ((), list(args))
        value = values[0] if values else None
        extra = values[1:] + list(kwargs.values())
        if name in _WIDTH_FILTERS and any(_wide(v) for v in extra):
            raise SecurityError(f"{name}: width too large")
        if name == "format" and any(isinstance(v, str) and too_wide_percent(v) for v in values):
            raise SecurityError("format width too large")
        if isinstance(value, str):
            env.budget.spend(1 + len(value) // 64)
            if name == "indent" and extra and _integer(extra[0]) and (
                    len(value) + value.count("\n") * extra[0] > MAX_CHARS):
                raise SecurityError("indent: result too large")
            if name == "replace":
                _check_str_method(value, "replace", extra[:2])
        else:
            env.budget.spend(1 + len(value) if hasattr(value, "__len__") else 1)
        if name in ("join", "sum") and value is not None and not isinstance(value, str):
            value = list(value)  # (a generator: its items are counted before they are joined)
            args = (*head, value, *values[1:])
            if name == "join":
                too_long_join(extra[0] if extra else "", value)
            elif sum(len(i) if hasattr(i, "__len__") else 1 for i in value) > MAX_ITEMS:
                raise SecurityError("sum: a list too large")
        return checked_size(original(*args, **kwargs))

    return guarded


def render_bounded(env: PlainDataSandbox, template: Any, context: dict[str, Any],
                   articles: int = 0) -> str:
    """``template`` rendered with ``context`` within the limits (SecurityError past one,
    MemoryError past the memory ceiling); ``articles`` shown scale the budget of steps."""
    env.budget = Budget(BASE_STEPS + STEPS_PER_ARTICLE * articles)
    chunks: list[str] = []
    size = 0
    with memory_ceiling():
        for chunk in template.generate(**context):
            size += len(chunk)
            if size > MAX_OUTPUT:
                raise SecurityError(f"output larger than {MAX_OUTPUT:,} characters")
            chunks.append(chunk)
    return "".join(chunks)


@contextlib.contextmanager
def memory_ceiling(headroom: int = MEMORY_HEADROOM) -> Iterator[None]:
    """While rendering, the process may take ``headroom`` more bytes of address space (Linux).

    Whatever trick a template finds past the checks above then ends in a MemoryError, which
    the caller reports in one line, instead of swapping the machine.
    """
    try:
        import resource

        with open("/proc/self/status", encoding="ascii") as status:
            size = next(int(line.split()[1]) * 1024 for line in status
                        if line.startswith("VmSize:"))
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    except (ImportError, OSError, StopIteration, ValueError):
        yield
        return
    ceiling = size + headroom
    if soft != resource.RLIM_INFINITY and soft <= ceiling:
        yield  # a lower limit is set already
        return
    if hard != resource.RLIM_INFINITY:
        ceiling = min(ceiling, hard)
    resource.setrlimit(resource.RLIMIT_AS, (ceiling, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


# -- format widths (str.format, %, the format filter) ---------------------------------------------

_PERCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[-+ #0]*(\*|\d+)?(?:\.(\*|\d+))?")
_BRACE_SPEC = re.compile(r"\{[^{}]*:([^{}]*)(\{)?")


def _too_wide(number: str | None) -> bool:
    return number == "*" or (number is not None and number.isdigit() and int(number) > MAX_WIDTH)


def too_wide_percent(fmt: str) -> bool:
    return any(_too_wide(w) or _too_wide(p) for w, p in _PERCENT_SPEC.findall(fmt))


def too_wide_braces(fmt: str) -> bool:
    for spec, nested in _BRACE_SPEC.findall(fmt):
        if nested or any(int(n) > MAX_WIDTH for n in re.findall(r"\d+", spec)):
            return True
    return False
