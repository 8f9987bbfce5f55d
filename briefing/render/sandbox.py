"""The templates' sandbox: what a template may reach is plain data, nothing else.

A user template (``--template``, ``--template-dir``) is code from outside. Jinja2's sandbox
refuses private attributes; this one also refuses every attribute of anything that is not
plain data (strings, numbers, lists, dicts, dates, Jinja's own loop and macro objects), and
calls of methods bound to anything else, so a value handed to a template can never lead to
a file, a folder or the process.
"""

from __future__ import annotations

import datetime as dt
import types
from typing import Any

from jinja2.environment import TemplateModule
from jinja2.runtime import LoopContext, Macro, Undefined
from jinja2.sandbox import SandboxedEnvironment
from jinja2.utils import Cycler, Joiner, Namespace
from markupsafe import Markup

PLAIN = (str, int, float, bool, type(None), list, tuple, dict, set, frozenset)
# Jinja's own runtime objects: a loop's `loop`, macros, `namespace()`, `cycler()`, an imported
# template's macros (`{% import ... as parts %}`), undefined values, escaped text.
RUNTIME = (LoopContext, Macro, Namespace, Cycler, Joiner, Undefined, Markup, TemplateModule)
_REACHABLE = PLAIN + RUNTIME
# what a date offers a template (no replace(), no fromtimestamp(), ...)
DATE_ATTRIBUTES = frozenset({"year", "month", "day", "isoformat", "strftime", "weekday",
                             "isoweekday"})


class PlainDataSandbox(SandboxedEnvironment):
    """Jinja2's sandbox, refusing what is not plain data."""

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
