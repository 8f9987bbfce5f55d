"""Build the briefing in a forked process while the main process loads Textual and paints.

The cold start of ``briefing tui`` is two long jobs that need nothing of each other: the
interface (importing Textual, composing and painting the screens) and the briefing (importing
numpy, scipy and Punkt, reading, grouping, summarizing). In one process they take turns on
one core; here the briefing starts first, in a child forked before Textual is imported, and
the two run side by side on two cores. The child sends its progress and then the finished
briefing (pickled) through a pipe; the app's load worker reads them where it would otherwise
have built the briefing itself (briefing/tui/app.py). Reloads (``r``) build in the app's own
process as before. No fork where there is none (Windows) or where threads already run: then
the app builds in its worker thread.

This module imports no Textual: it runs before Textual is loaded.
"""

from __future__ import annotations

import datetime as dt
import os
import pickle
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from briefing.errors import BriefingError, NoUsableArticleError

if TYPE_CHECKING:
    from briefing.models import Briefing, Sentence, Settings

# (stage, done, total); may raise to stop the load
Progress = Callable[[str, int, int], None]
Loaded = tuple["Briefing", "dict[str, list[Sentence]]"]


def build(paths: list[str], settings: Settings, today: dt.date | None,
          progress: Progress) -> Loaded:
    """The briefing of ``paths`` and every article's sentences, as the app shows them.

    Raises BriefingError (NoUsableArticleError when no file gave an article).
    """
    # (deferred: in the forked child the stages load while the parent loads Textual)
    from briefing import pipeline
    from briefing.text.sentences import article_sentences

    articles, skipped = pipeline.load_articles(paths, settings, progress=progress)
    if not articles:
        raise NoUsableArticleError(pipeline.no_article_message(skipped))
    briefing = pipeline.briefing_from_articles(articles, skipped, settings, progress=progress,
                                               today=today)
    return briefing, {a.id: article_sentences(a) for a in articles}


class Preload:
    """A build running in a forked child; read its outcome once with :meth:`receive`."""

    def __init__(self, pid: int, reader: Any) -> None:
        self.pid = pid
        self._reader = reader
        self._done = False
        self._cancelled = False  # stopped by cancel(): no answer is coming, none is wanted
        # the app's quit (main thread) and its load worker may both end the child: whoever
        # comes second waits until it is reaped
        self._lock = threading.Lock()

    def receive(self, progress: Progress) -> tuple[str, Any]:
        """Wait for the child: ("loaded", (briefing, sentences)) or ("failed", reason).

        ``progress`` is called for each stage the child reports; if it raises, the child is
        stopped and the exception goes on. ("broken", reason) when the child died without an
        answer: the caller builds in its own process then; ("cancelled", reason) when
        :meth:`cancel` stopped it (the app is quitting): nothing is to be built.
        """
        try:
            while True:
                try:
                    message = pickle.load(self._reader)
                except (EOFError, OSError, ValueError, pickle.UnpicklingError) as error:
                    # (a pipe closed by cancel() in another thread reads as EOF or ValueError)
                    return ("cancelled" if self._cancelled else "broken"), repr(error)
                kind = message[0]
                if kind == "progress":
                    progress(*message[1:])
                elif kind == "loaded":
                    briefing, sentences, splits = message[1:]
                    _remember_splits(briefing, splits)
                    return "loaded", (briefing, sentences)
                else:
                    return kind, message[1]
        except BaseException:
            self.cancel()
            raise
        finally:
            self._finish()

    def cancel(self) -> None:
        """Stop the child (a reload or quit before it is done)."""
        import signal

        self._cancelled = True
        if not self._done:
            try:
                os.kill(self.pid, signal.SIGKILL)  # (a child that has exited is not killed)
            except OSError:
                pass
        self._finish()

    def _finish(self) -> None:
        """Close the pipe and reap the child; returns once it is reaped, from any thread."""
        with self._lock:
            if self._done:
                return
            try:
                self._reader.close()
            except OSError:
                pass
            try:
                os.waitpid(self.pid, 0)
            except OSError:
                pass
            self._done = True


def start(paths: list[str], settings: Settings, today: dt.date | None) -> Preload | None:
    """Fork a child that builds the briefing of ``paths``; None where that cannot be done."""
    if not hasattr(os, "fork") or threading.active_count() > 1:
        return None  # forking a process with threads may copy a held lock
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return None
    if pid == 0:  # the child: build, send, leave without running the parent's exit handlers
        try:
            os.close(read_end)
            _child(write_end, paths, settings, today)
        finally:
            os._exit(0)
    os.close(write_end)
    return Preload(pid, os.fdopen(read_end, "rb"))


def _child(write_end: int, paths: list[str], settings: Settings,
           today: dt.date | None) -> None:
    # The terminal belongs to the interface: nothing of the child may reach it.
    quiet = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(quiet, fd)
    # numpy is first imported here: one BLAS thread spares the start of a thread pool that
    # would compete with the interface for the other core (the products are the same bits:
    # results do not depend on BLAS threads, tests/functional/test_tui_preload.py)
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "1")
    out = os.fdopen(write_end, "wb")

    def send(*message: Any) -> None:
        pickle.dump(message, out, protocol=pickle.HIGHEST_PROTOCOL)
        out.flush()

    try:
        briefing, sentences = build(paths, settings, today, lambda *stage: send("progress", *stage))
        send("loaded", briefing, sentences, _splits(briefing))
    except BriefingError as error:
        send("failed", str(error))
    except BrokenPipeError:
        pass  # nobody waits any more
    except Exception as error:  # noqa: BLE001 - reported as the in-process load reports it
        send("failed", f"Fehler beim Laden: {error!r}")
    finally:
        out.close()


def _splits(briefing: Briefing) -> dict[str, list]:
    """Each article's split sentences, so the app's process need not run Punkt again (+/-)."""
    from briefing.text.sentences import block_splits  # (deferred, as in build)

    return {a.id: block_splits(a) for topic in briefing.topics for a in topic.articles}


def _remember_splits(briefing: Briefing, splits: dict[str, list]) -> None:
    from briefing.text.sentences import remember_blocks  # (deferred, as in build)

    for topic in briefing.topics:
        for article in topic.articles:
            if article.id in splits:
                remember_blocks(article, splits[article.id])
