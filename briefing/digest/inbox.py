"""The inbox as the digest reads it: only files the state does not know are read and cleaned.

Takes the inbox folder, the state and the day; gives the articles to look at today, the files
left out, how many are old news (``read_inbox``), and the step that keeps what was learned
about each file in the day's transaction (``InboxRead.store``).

A file is known by its path, size, modification and change time and inode (and, when those
moved, by the hash of its bytes): then its outcome is taken from the state (``inbox_files``)
instead of reading it again. A changed file is read again; one renamed is read once and
found by its content. What comes of a file alone is kept (an article's keys for the
duplicate finder, or why it is no article); which file repeats which is worked out anew each
run, old articles first, so the result is the one a full re-read gives (``reread=True``).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from briefing import __version__
from briefing.digest.known import content_key
from briefing.digest.state import DigestState
from briefing.ingest import DuplicateIndex, discover, display_name
from briefing.models import Article, Settings, Skipped
from briefing.pipeline import prepare_files
from briefing.text.sentences import remember_blocks

# Raise when reading, cleaning or language detection change what a file gives: every file is
# then read once more (the kept outcome names the reader that made it).
READER_REVISION = 1


@dataclass(frozen=True)
class _Known:
    """An old article as the duplicate finder needs it (a ``path``), and its day."""

    path: Path
    day: str


@dataclass
class InboxRead:
    """What reading the inbox gave."""

    files: int = 0  # files in the inbox (and named paths missing), as the log counts them
    articles: list[Article] = field(default_factory=list)  # to look at: none is old news
    skipped: list[Skipped] = field(default_factory=list)  # in input order
    already: int = 0  # old news: known articles, and files that repeat them
    read: int = 0  # files read and cleaned this run
    rows: list[tuple] = field(default_factory=list)  # inbox_files rows to write
    gone: list[bytes] = field(default_factory=list)  # paths of rows whose file is gone

    def store(self, connection: sqlite3.Connection) -> None:
        """Keep what was learned of each file (a ``DayRecord.extras`` step)."""
        connection.executemany("DELETE FROM inbox_files WHERE path = ?",
                               [(p,) for p in self.gone])
        connection.executemany(
            "INSERT OR REPLACE INTO inbox_files(path, size, mtime_ns, ctime_ns, inode, "
            "content_hash, reader, skipped, content_key, text_key, paragraphs, day) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", self.rows,
        )


def reader_version(settings: Settings) -> str:
    """What made a kept outcome: the program, this module's revision, the reading settings."""
    return f"{__version__}/{READER_REVISION}/{settings.max_bytes}/{int(settings.german_only)}"


def read_inbox(
    inbox: Path, store: DigestState, day: str, settings: Settings, reread: bool = False
) -> InboxRead:
    """The inbox's files for the digest of ``day``: known ones from the state, the rest read.

    ``articles`` are the files' articles that no other day's digest holds and that repeat no
    such article or another file of today; ``_new_articles`` still tells their content
    apart (a re-saved copy of a file of today is a duplicate there). A file whose row says
    it was read for another day is old news; one read for ``day`` itself is read again (a
    rerun makes the day anew).
    """
    files, problems = discover([inbox], settings.follow_links)
    result = InboxRead(files=len(files) + len(problems), skipped=list(problems))
    reader = reader_version(settings)
    rows = _rows_under(store.connection, inbox)
    known = store.known_keys_elsewhere(day)
    entries = [_Entry(path, os.fsencode(str(path))) for path in files]
    for entry in entries:
        entry.look(rows.get(entry.key), reader, day, reread)
    to_read = [e for e in entries if e.outcome is None]
    for entry, prepared in zip(to_read, prepare_files([e.path for e in to_read], settings)):
        entry.prepared(prepared, rows.get(entry.key), known, day, reader)
    result.read = len(to_read)
    # known articles first, so a new file never makes an old one its duplicate
    duplicates = DuplicateIndex()
    for entry in entries:
        if entry.old_day is not None and entry.keys is not None:
            duplicates.add_keys(_Known(entry.path, entry.old_day), *entry.keys)
    for entry in entries:
        if isinstance(entry.outcome, Skipped):
            result.skipped.append(entry.outcome)
        elif entry.old_day is not None:
            result.already += 1
        else:
            _judge(entry, duplicates, result)
    seen = {e.key for e in entries if e.row is not None}
    result.gone = [key for key in rows if key not in seen]
    result.rows = [e.row for e in entries if e.row is not None]
    return result


def _judge(entry: _Entry, duplicates: DuplicateIndex, result: InboxRead) -> None:
    """A file read today whose article is not old news: a duplicate, not German, or new."""
    article = entry.article
    twin = duplicates.twin_of(article)
    if twin is not None:
        if isinstance(twin, _Known):
            result.already += 1  # the same article as an old one: old news of its day
            entry.set_day(twin.day)
        else:
            result.skipped.append(
                Skipped(entry.path, f"duplicate of {display_name(twin.path, entry.path)}"))
        return
    if entry.language is not None:
        article.language, is_german = entry.language
        if not is_german:
            result.skipped.append(Skipped(entry.path, f"not German ({article.language})"))
            return
    duplicates.add(article)
    result.articles.append(article)
    if entry.splits is not None:
        remember_blocks(article, entry.splits)


class _Entry:
    """One inbox file on its way through ``read_inbox``."""

    def __init__(self, path: Path, key: bytes) -> None:
        self.path, self.key = path, key
        self.outcome: Article | Skipped | str | None = None  # None: still to read
        self.article: Article | None = None
        self.old_day: str | None = None  # the day of the old news it is, if it is
        self.keys: tuple[str, str, list[str]] | None = None  # for DuplicateIndex.add_keys
        self.language: tuple[str | None, bool] | None = None
        self.splits: list | None = None
        self.row: tuple | None = None  # to store
        self.info: os.stat_result | None = None

    def look(self, row: tuple | None, reader: str, day: str, reread: bool) -> None:
        """Take the kept outcome when the file is the one the row describes."""
        try:
            self.info = os.stat(self.path)
        except OSError:
            return  # read_document says why
        if not stat.S_ISREG(self.info.st_mode):
            return
        if reread or row is None or row[_READER] != reader or row[_DAY] == day:
            return
        # times or inode moved: the same bytes (copied, touched) keep the row, with new times
        if _stat_of(self.info) != row[_SIZE:_HASH] and (
            self.info.st_size != row[_SIZE] or _file_hash(self.path) != row[_HASH]
        ):
            return  # changed: read again
        self.row = (self.key, *_stat_of(self.info), *row[_HASH:])
        if row[_SKIPPED] is not None:
            self.outcome = Skipped(self.path, row[_SKIPPED])
        else:
            self.outcome = "known"  # an article of another day: old news, not read
            self.old_day = row[_DAY]
            self.keys = (row[_TEXT_KEY], row[_HASH], _paragraph_keys(row[_PARAGRAPHS]))

    def prepared(self, prepared, row: tuple | None, known: dict[str, str], day: str,
                 reader: str) -> None:
        """The file as read now: its outcome, whether it is old news, the row to keep."""
        outcome, self.language, self.splits = prepared
        self.outcome = outcome
        info = _stat_of(self.info) if self.info is not None else None
        if isinstance(outcome, Skipped):
            if info is not None and _per_file(outcome.reason):
                self.row = (self.key, *info, _file_hash(self.path), reader, outcome.reason,
                            None, None, None, day)
            return
        article = self.article = outcome
        text_key, paragraphs = DuplicateIndex.keys_of(article)
        key = content_key(article)
        # old news: its text or bytes are in another day's digest, or this very file (same
        # bytes) was read for another day, even one beyond the state's horizon
        self.old_day = known.get(key) or known.get(article.content_hash)
        if (self.old_day is None and row is not None and row[_SKIPPED] is None
                and row[_HASH] == article.content_hash and row[_DAY] != day):
            self.old_day = row[_DAY]
        self.keys = (text_key, article.content_hash, paragraphs)
        if info is None:
            return
        if self.language is not None and not self.language[1]:  # kept as its reason
            self.row = (self.key, *info, article.content_hash, reader,
                        f"not German ({self.language[0]})", None, None, None, day)
        else:
            self.row = (self.key, *info, article.content_hash, reader, None, key, text_key,
                        b"".join(bytes.fromhex(p) for p in paragraphs), self.old_day or day)

    def set_day(self, day: str) -> None:
        if self.row is not None:
            self.row = (*self.row[:-1], day)


# inbox_files columns, as _rows_under selects them
(_PATH, _SIZE, _MTIME, _CTIME, _INODE, _HASH, _READER, _SKIPPED, _CONTENT_KEY, _TEXT_KEY,
 _PARAGRAPHS, _DAY) = range(12)


def _rows_under(connection: sqlite3.Connection, inbox: Path) -> dict[bytes, tuple]:
    """The kept rows of the files under ``inbox``, by path."""
    prefix = os.fsencode(str(Path(os.path.abspath(inbox.expanduser())))).rstrip(b"/") + b"/"
    rows = connection.execute(
        "SELECT path, size, mtime_ns, ctime_ns, inode, content_hash, reader, skipped, "
        "content_key, text_key, paragraphs, day FROM inbox_files WHERE substr(path, 1, ?) = ?",
        (len(prefix), prefix),
    )
    return {row[_PATH]: row for row in rows}


def _stat_of(info: os.stat_result) -> tuple[int, int, int, int]:
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)


def _file_hash(path: Path) -> str | None:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def _paragraph_keys(blob: bytes | None) -> Iterator[str]:
    blob = blob or b""
    return (blob[i:i + 32].hex() for i in range(0, len(blob), 32))


# Reasons that depend on the file alone (kept), unlike "duplicate of" (a relation) or an
# unreadable file (it may become readable).
_PER_FILE = ("binary file", "empty file", "file too large", "unsupported file type",
             "cannot decode", "no article text", "the page has no text", "trafilatura found",
             "front matter with YAML", "could not be cleaned", "not German")


def _per_file(reason: str) -> bool:
    return reason.startswith(_PER_FILE)
