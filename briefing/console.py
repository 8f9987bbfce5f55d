"""Terminal side of the CLI: UTF-8 output, one-line errors, progress only on a terminal."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

from briefing.models import Progress
from briefing.runtime.display import shown, terminal_safe


def write_stdout(text: str) -> None:
    """Write UTF-8 whatever the locale says (cron runs without LANG)."""
    sys.stdout.flush()
    # A file name that is not valid UTF-8 reaches us with lone surrogates: write them as
    # "\udcff" (in JSON a valid escape that gives the name back) rather than fail; control
    # and bidi characters left in the text become escapes too (in JSON: the same text).
    sys.stdout.buffer.write(terminal_safe(text).encode("utf-8", "backslashreplace"))
    sys.stdout.buffer.flush()


def error_line(message: str) -> None:
    _stderr_line(message)


def info_line(message: str, quiet: bool = False) -> None:
    if not quiet:
        _stderr_line(message)


def _stderr_line(message: str) -> None:
    """``briefing: message`` as one line: a name in it (a file's, a feed's title) can neither
    end it early nor act on the terminal."""
    sys.stderr.buffer.write(f"briefing: {shown(message)}\n".encode("utf-8", "replace"))
    sys.stderr.buffer.flush()


@contextmanager
def progress_display(quiet: bool = False) -> Iterator[Progress | None]:
    """A rich progress bar on stderr when it is a terminal; nothing otherwise."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
    from rich.progress import Progress as RichProgress

    bar = RichProgress(
        TextColumn("{task.description:<12}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    tasks: dict[str, int] = {}

    def report(stage: str, done: int, total: int) -> None:
        if stage not in tasks:
            tasks[stage] = bar.add_task(stage, total=total)
        bar.update(tasks[stage], completed=done, total=total)

    with bar:
        yield report
