"""Text from outside (file names, front matter, feed titles) made safe to show in a terminal.

File names are shown, not cleaned: every byte stays visible, escaped where a terminal would act
on it (``\\x1b``, ``\\u202e``) or where it is not UTF-8 (``\\xe4``). Titles, outlets and other
values from front matter or feeds are text: their control and bidi characters are removed.
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, C1 controls (0x9b is CSI on some terminals), and the
# bidi embeddings, overrides and isolates that reorder what a reader sees.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# In a name or a one-line value (a title, an outlet) tab and newline are out of place too.
_UNSAFE_IN_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Whole terminal escape sequences (CSI with ESC [ or 0x9b, OSC up to its end, two-character
# escapes): in a title, "\e[31m" is one thing to drop, not an ESC and some text.
_SEQUENCE = re.compile(r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*"
                       r"(?:\x07|\x1b\\|\x9c)?|\x1b[@-Z\\-_]")


_BREAKS = frozenset("\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def shown(name: str) -> str:
    """A file name or path as it may be printed: bytes that are not UTF-8 as ``\\xNN``,
    control and bidi characters as escapes; everything else unchanged."""
    text = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return _UNSAFE_IN_LINE.sub(_escape, text)


def clean_line(value: str) -> str:
    """A one-line value from outside (a title, an outlet, a URL): without control and bidi
    characters, runs of whitespace as one space."""
    text = _SEQUENCE.sub("", value)
    return " ".join(_UNSAFE_IN_LINE.sub(lambda m: " " if m.group() in _BREAKS else "", text)
                    .split())


def without_unsafe(text: str) -> str:
    """Running text without control and bidi characters (tab and newlines kept)."""
    return UNSAFE.sub("", _SEQUENCE.sub("", text))


def terminal_safe(text: str) -> str:
    """Output as it may reach a terminal: every control or bidi character that is still in it
    (tab and newline kept) as a ``\\uNNNN`` escape, which is also valid inside JSON strings."""
    return UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
