"""The digest's memory in SQLite: which article went into which day's digest, and what was said."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import sqlite3
import stat
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from briefing.errors import BriefingError, DigestLockedError
from briefing.runtime.parallel import parent_only

T = TypeVar("T")
SCHEMA_VERSION = 2
SCHEMA = """
CREATE TABLE IF NOT EXISTS digests (
    day TEXT PRIMARY KEY,          -- YYYY-MM-DD
    path TEXT NOT NULL,            -- the file written for that day
    written TEXT NOT NULL,         -- when (UTC, ISO)
    articles INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS articles (
    content_key TEXT PRIMARY KEY,  -- hash of the cleaned text: renamed or re-saved copies match
    content_hash TEXT NOT NULL,    -- hash of the file's bytes (Article.content_hash)
    day TEXT NOT NULL REFERENCES digests(day),
    path TEXT NOT NULL,
    title TEXT NOT NULL,
    url TEXT,
    topic TEXT NOT NULL,           -- the heading of the topic it was reported under
    terms TEXT NOT NULL            -- JSON {term: count}: what the article is about
);
CREATE INDEX IF NOT EXISTS articles_hash ON articles(content_hash);
CREATE INDEX IF NOT EXISTS articles_day ON articles(day);
CREATE TABLE IF NOT EXISTS seen_sentences (
    day TEXT NOT NULL,
    sentence_key TEXT NOT NULL,    -- summarize.sentence_key of every sentence of the day's articles
    PRIMARY KEY (day, sentence_key)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS seen_sentences_key ON seen_sentences(sentence_key);
CREATE TABLE IF NOT EXISTS reported (
    day TEXT NOT NULL,
    topic TEXT NOT NULL,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,            -- a summary sentence as the digest printed it
    sentence_key TEXT NOT NULL,
    PRIMARY KEY (day, topic, position)
);
CREATE TABLE IF NOT EXISTS skipped (
    day TEXT NOT NULL,
    path TEXT NOT NULL,            -- an inbox file left out, so the next days do not repeat it
    reason TEXT NOT NULL,
    PRIMARY KEY (day, path)
);
-- version 2 -----------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS inbox_files (
    path BLOB PRIMARY KEY,         -- os.fsencode(absolute path): any file name, losslessly
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    ctime_ns INTEGER NOT NULL,     -- set by the kernel on each write or rename (unlike mtime)
    inode INTEGER NOT NULL,
    content_hash TEXT NOT NULL,    -- hash of the bytes (Article.content_hash)
    reader TEXT NOT NULL,          -- the version of reading and cleaning that gave the outcome
    skipped TEXT,                  -- why the file is no article by itself, or NULL
    content_key TEXT,              -- the article's content key (NULL when skipped)
    text_key TEXT,                 -- the duplicate finder's keys of the article: its text,
    paragraphs BLOB,               --   and its paragraphs (16 bytes each)
    day TEXT NOT NULL              -- the digest day that read it: old news for every other day
);
CREATE TABLE IF NOT EXISTS feeds (
    url TEXT PRIMARY KEY,
    etag TEXT,                     -- validators of the feed's last answer (conditional GET)
    last_modified TEXT,
    day TEXT NOT NULL              -- the digest day they were stored for
);
CREATE TABLE IF NOT EXISTS feed_retries (
    link TEXT PRIMARY KEY,         -- a feed item whose page could not be fetched
    feed TEXT NOT NULL,
    title TEXT,
    outlet TEXT,
    date TEXT,
    failures INTEGER NOT NULL,
    next_day TEXT NOT NULL,        -- not tried again before this day (back-off)
    reason TEXT NOT NULL,
    tried TEXT NOT NULL            -- the digest day of the last try
);
CREATE TABLE IF NOT EXISTS atom_entries (
    day TEXT PRIMARY KEY,          -- one entry of OUT/feed.atom per digest day
    updated TEXT NOT NULL,
    title TEXT NOT NULL,
    link TEXT,
    content TEXT NOT NULL          -- the day's digest as HTML
);
"""
# What each schema version changes in the one before. SCHEMA (CREATE ... IF NOT EXISTS)
# already made any new table, so a step holds only what changes existing ones; steps run in
# order from the file's version, and nothing is dropped.
MIGRATIONS: dict[int, str] = {
    2: "",  # the inbox file cache, feed validators, feed retries and Atom entries: new tables
}


def migrate(connection: sqlite3.Connection, version: int) -> None:
    """Bring a state file of an older schema ``version`` to SCHEMA_VERSION, keeping its data."""
    for step in range(version + 1, SCHEMA_VERSION + 1):
        if MIGRATIONS[step]:
            connection.executescript(MIGRATIONS[step])
        connection.execute(f"PRAGMA user_version = {step}")


@dataclass
class KnownArticle:
    """An article that went into an earlier digest."""

    content_key: str
    content_hash: str
    day: str
    path: str
    title: str
    topic: str
    terms: dict[str, float] = field(default_factory=dict)


@dataclass
class DayRecord:
    """What one digest run adds to the state (replacing that day's earlier record)."""

    day: str
    path: str
    articles: list[tuple[KnownArticle, str | None]] = field(default_factory=list)  # (article, url)
    sentence_keys: set[str] = field(default_factory=set)
    reported: list[tuple[str, str, str]] = field(default_factory=list)  # (topic, text, key)
    # more to store in the day's transaction (inbox files, feeds, the Atom entry)
    extras: list[Callable[[sqlite3.Connection], None]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)


def _path_value(path: str) -> str | bytes:
    """A path as stored: text, or its bytes when the name is not UTF-8 (lossless; SQLite keeps
    them as a BLOB, read back by ``_path_of``)."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(path)
    return path


def _path_of(value: str | bytes) -> str:
    return os.fsdecode(value) if isinstance(value, bytes) else value


def _text_value(text: str) -> str:
    """Text as stored: bytes of a name that is not UTF-8 as ``\\xNN`` (a title made from it)."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def default_state_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("briefing")) / "digest.sqlite3"


DAMAGED = "restore a backup, or remove it to start a new state"


def _reads(method: Callable[..., T]) -> Callable[..., T]:
    """A query whose failure on a damaged file (malformed pages, rows of bad data) is one
    line naming the state file, not a traceback."""
    import functools

    @functools.wraps(method)
    def guarded(self: DigestState, *args: Any, **kwargs: Any) -> T:
        try:
            return method(self, *args, **kwargs)
        except (sqlite3.Error, ValueError, TypeError, AttributeError, KeyError) as error:
            detail = " ".join(str(error).split())[:120] or type(error).__name__
            raise BriefingError(f"state file {self.path} is damaged ({detail}); {DAMAGED}"
                                ) from None

    return guarded


def _terms(raw: str) -> dict[str, float]:
    """An article's stored terms: a JSON object of numbers (else ValueError)."""
    terms = json.loads(raw)
    if not isinstance(terms, dict) or not all(
            isinstance(v, int | float) and not isinstance(v, bool) for v in terms.values()):
        raise ValueError("an article's terms are not a JSON object of numbers")
    return terms


def _create(target: Path) -> None:
    """A new, empty state at ``target``, made beside it and linked into place: a run killed
    meanwhile leaves no file or a whole one, never an empty file."""
    import tempfile

    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".new", dir=target.parent)
    os.close(fd)
    try:
        connection = sqlite3.connect(name)
        try:
            connection.executescript(SCHEMA)
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            connection.commit()
        finally:
            connection.close()
        with contextlib.suppress(FileExistsError):  # made meanwhile: that one is used
            os.link(name, target)
    finally:
        os.unlink(name)


class DigestState:
    """The state file; open with ``DigestState.open(path)`` and close when done."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self.connection = connection
        self.path = path

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> DigestState:
        target = Path(path)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                info = os.stat(target)
            except FileNotFoundError:
                _create(target)
            else:
                if not stat.S_ISREG(info.st_mode):
                    raise BriefingError(f"state file {target}: not a regular file")
                if info.st_size == 0:
                    # not a new state: it was one, or something else wrote it
                    raise BriefingError(f"state file {target} is empty (0 bytes), not a digest "
                                        f"state; {DAMAGED}")
            connection = sqlite3.connect(target, timeout=30)
            connection.executescript(SCHEMA)
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            if version == 0:
                connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            elif version < SCHEMA_VERSION:
                migrate(connection, version)
            elif version != SCHEMA_VERSION:
                raise BriefingError(f"state file {target}: unknown schema version {version}")
            connection.commit()
        except sqlite3.DatabaseError as error:
            raise BriefingError(f"state file {target}: {error}") from None
        except OSError as error:
            raise BriefingError(f"state file {target}: {error.strerror or error}") from None
        return cls(connection, target)

    def close(self) -> None:
        self.connection.close()

    @_reads
    def known_elsewhere(self, day: str) -> dict[str, KnownArticle]:
        """Articles of every other day's digest, by content key and by file hash."""
        rows = self.connection.execute(
            "SELECT content_key, content_hash, day, path, title, topic, terms FROM articles "
            "WHERE day != ?", (day,),
        )
        known: dict[str, KnownArticle] = {}
        for key, raw, when, path, title, topic, terms in rows:
            article = KnownArticle(key, raw, when, _path_of(path), title, topic, _terms(terms))
            known[key] = article
            known.setdefault(raw, article)
        return known

    @_reads
    def known_keys_elsewhere(self, day: str) -> dict[str, str]:
        """``known_elsewhere`` without the articles: content key and file hash -> their day."""
        known: dict[str, str] = {}
        for key, raw, when in self.connection.execute(
            "SELECT content_key, content_hash, day FROM articles WHERE day != ?", (day,)
        ):
            known[key] = when
            known.setdefault(raw, when)
        return known

    @_reads
    def links_elsewhere(self, day: str) -> set[str]:
        """URLs of feed articles in other days' digests."""
        rows = self.connection.execute(
            "SELECT url FROM articles WHERE day != ? AND url IS NOT NULL", (day,)
        )
        return {url for (url,) in rows}

    @_reads
    def earlier_articles(self, day: str, since: str = "") -> list[KnownArticle]:
        """Articles of the digests before ``day`` (from ``since`` on), oldest first."""
        rows = self.connection.execute(
            "SELECT content_key, content_hash, day, path, title, topic, terms FROM articles "
            "WHERE day < ? AND day >= ? ORDER BY day, rowid", (day, since),
        )
        return [KnownArticle(k, h, d, _path_of(p), t, tp, _terms(tr))
                for k, h, d, p, t, tp, tr in rows]

    @_reads
    def earlier_sentence_keys(self, day: str, since: str = "") -> set[str]:
        """Every sentence (key) of the articles in digests before ``day`` (from ``since``)."""
        rows = self.connection.execute(
            "SELECT DISTINCT sentence_key FROM seen_sentences WHERE day < ? AND day >= ?",
            (day, since),
        )
        return {key for (key,) in rows}

    @_reads
    def reported_before(self, day: str) -> list[tuple[str, str, str, str]]:
        """(day, topic, text, key) of every summary sentence printed before ``day``."""
        return list(self.connection.execute(
            "SELECT day, topic, text, sentence_key FROM reported WHERE day < ? "
            "ORDER BY day, topic, position", (day,),
        ))

    @_reads
    def skipped_before(self, day: str) -> set[tuple[str, str]]:
        """(path, reason) of the files earlier digests already listed as not used."""
        rows = self.connection.execute("SELECT path, reason FROM skipped WHERE day < ?", (day,))
        return {(_path_of(path), reason) for path, reason in rows}

    @_reads
    def last_digest_before(self, day: str) -> str | None:
        row = self.connection.execute(
            "SELECT max(day) FROM digests WHERE day < ? AND articles > 0", (day,)
        ).fetchone()
        return row[0] if row else None

    @_reads
    def days(self) -> list[str]:
        return [d for (d,) in self.connection.execute("SELECT day FROM digests ORDER BY day")]

    @_reads
    def articles_of(self, day: str) -> list[KnownArticle]:
        rows = self.connection.execute(
            "SELECT content_key, content_hash, day, path, title, topic, terms FROM articles "
            "WHERE day = ? ORDER BY rowid", (day,),
        )
        return [KnownArticle(k, h, d, _path_of(p), t, tp, _terms(tr))
                for k, h, d, p, t, tp, tr in rows]

    def record_day(
        self,
        record: DayRecord,
        forget_sentences_before: str | None = None,
        then: Callable[[], object] | None = None,
    ) -> None:
        """Replace everything stored for ``record.day`` in one transaction.

        Sentences of days before ``forget_sentences_before`` are dropped: they are the bulk
        of the file and only recent days are compared (articles and reports stay). ``then``
        (writing the day's file) runs once the record is written and before it is committed:
        a full disk or a read-only state fails before it, and if ``then`` fails nothing is
        committed.
        """
        import datetime as dt

        written = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self.connection:  # one transaction: a kill leaves the old record or the new one
            for extra in record.extras:
                extra(self.connection)
            for table in ("articles", "seen_sentences", "reported", "skipped", "digests"):
                self.connection.execute(f"DELETE FROM {table} WHERE day = ?", (record.day,))
            if forget_sentences_before:
                self.connection.execute(
                    "DELETE FROM seen_sentences WHERE day < ?", (forget_sentences_before,)
                )
            self.connection.execute(
                "INSERT INTO digests(day, path, written, articles) VALUES (?, ?, ?, ?)",
                (record.day, _path_value(record.path), written, len(record.articles)),
            )
            self.connection.executemany(
                "INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (a.content_key, a.content_hash, record.day, _path_value(a.path),
                     _text_value(a.title), url, _text_value(a.topic),
                     json.dumps(a.terms, ensure_ascii=False, sort_keys=True))
                    for a, url in record.articles
                ],
            )
            self.connection.executemany(
                "INSERT OR IGNORE INTO seen_sentences VALUES (?, ?)",
                [(record.day, key) for key in sorted(record.sentence_keys)],
            )
            self.connection.executemany(
                "INSERT OR REPLACE INTO reported VALUES (?, ?, ?, ?, ?)",
                [(record.day, _text_value(topic), i, _text_value(text), key)
                 for i, (topic, text, key) in enumerate(record.reported)],
            )
            self.connection.executemany(
                "INSERT OR REPLACE INTO skipped VALUES (?, ?, ?)",
                [(record.day, _path_value(path), _text_value(reason))
                 for path, reason in record.skipped],
            )
            if then is not None:
                then()


    def forget_before(self, day: str) -> None:
        """Drop what days before ``day`` left (articles, sentences, reports, skipped files,
        the digests' rows), in one transaction: the state stays as large as its horizon.

        Inbox files that are still there keep their rows (``inbox_files``): they stay old
        news without their articles' terms and sentences.
        """
        with self.connection:
            for table in ("articles", "seen_sentences", "reported", "skipped", "digests"):
                self.connection.execute(f"DELETE FROM {table} WHERE day < ?", (day,))
            self.connection.execute("DELETE FROM feed_retries WHERE tried < ?", (day,))


@contextlib.contextmanager
def open_state(path: str | os.PathLike[str]) -> Iterator[DigestState]:
    state = DigestState.open(path)
    try:
        yield state
    finally:
        state.close()


def lock_path(state_path: str | os.PathLike[str]) -> Path:
    """The lock file beside the state file (``digest.sqlite3.lock``)."""
    path = Path(state_path)
    return path.with_name(path.name + ".lock")


@contextlib.contextmanager
def digest_lock(state_path: str | os.PathLike[str], wait: float = 5.0) -> Iterator[Path]:
    """Hold an exclusive ``flock`` beside the state; raise DigestLockedError after ``wait`` s.

    flock locks die with the process, so a killed run never leaves a stale lock behind.
    """
    path = lock_path(state_path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # never through a symbolic link: it would truncate whatever file it points to
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
    except OSError as error:
        raise BriefingError(f"cannot open lock file {path}: {error.strerror or error}") from None
    try:
        deadline = time.monotonic() + max(wait, 0.0)
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise DigestLockedError(
                        f"another digest is running (lock {path} held); nothing done"
                    ) from None
                time.sleep(0.1)
        # the holder's pid, for whoever wonders which process it is
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        with parent_only(fd):  # workers close their copy: only this process holds the lock
            yield path
    finally:
        os.close(fd)  # closing the descriptor releases the lock

