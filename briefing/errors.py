"""The small tree of errors a user can act on; the CLI prints them in one line."""

from __future__ import annotations


class BriefingError(Exception):
    """An error the user can fix; its message is one line, shown without a traceback."""

    exit_code = 1


class NoUsableArticleError(BriefingError):
    """None of the input files gave an article that could be summarized."""


class TemplateError(BriefingError):
    """A template could not be loaded or rendered (message is ``file:line: message``)."""


class OutputError(BriefingError):
    """The output could not be written."""


class DigestLockedError(BriefingError):
    """Another digest run holds the lock."""

    exit_code = 75
