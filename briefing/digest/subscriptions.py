"""What the digest keeps of its feeds between runs: validators for conditional requests, and
the pages that failed, each waiting for its next try (back-off).

Takes the state's connection and the digest's day; gives ``FeedMemory`` (the
``Subscription`` that ``feeds.read_feed`` asks) and, for the day's transaction, the step
that stores what this run learned (``FeedMemory.store``).
"""

from __future__ import annotations

import datetime as dt
import sqlite3

from briefing.digest.feeds import FeedEntry
from briefing.digest.fetch import NotModified, Validators, fetch_conditional

# After its n-th failure a page waits 2**(n-1) days (1, 2, 4, 8, 16); after the last it is
# given up on (its row stays for the state's horizon, so it is not tried anew meanwhile).
MAX_FAILURES = 6
GIVEN_UP = "9999-12-31"


class FeedMemory:
    """The feeds' validators and waiting pages as the state holds them, for one day's run."""

    def __init__(self, connection: sqlite3.Connection, day: str) -> None:
        self.connection = connection
        self.day = day
        self._validators: dict[str, Validators] = {}  # learned this run, stored with the day
        self._failed: dict[str, tuple[str, FeedEntry, int, str, str]] = {}
        self._fetched: set[str] = set()

    # -- the feed document ------------------------------------------------------------------

    def fetch_feed(self, url: str, timeout: float) -> bytes | None:
        """The feed, asked for conditionally with the validators of a run of an earlier day
        (a rerun of the same day asks anew: it must see the entries that day saw)."""
        row = self.connection.execute(
            "SELECT etag, last_modified, day FROM feeds WHERE url = ?", (url,)
        ).fetchone()
        validators = Validators(row[0], row[1]) if row and row[2] < self.day else Validators()
        try:
            data, answer = fetch_conditional(url, timeout, validators)
        except NotModified:
            return None
        self._validators[url] = answer
        return data

    # -- pages: retries with back-off --------------------------------------------------------

    def entries(self, url: str, entries: list[FeedEntry]) -> list[FeedEntry]:
        """``entries`` without the pages that wait for a later day, plus the failed pages of
        this feed whose day has come (the feed may list them no more, or not have changed)."""
        rows = self.connection.execute(
            "SELECT link, title, outlet, date, next_day FROM feed_retries WHERE feed = ?",
            (url,),
        ).fetchall()
        waiting = {link for link, *_, next_day in rows if next_day > self.day}
        due = [FeedEntry(link, title, outlet, date)
               for link, title, outlet, date, next_day in rows if next_day <= self.day]
        listed = [e for e in entries if e.link not in waiting]
        links = {e.link for e in listed}
        return listed + [e for e in due if e.link not in links]

    def failed(self, url: str, entry: FeedEntry, reason: str) -> None:
        row = self.connection.execute(
            "SELECT failures FROM feed_retries WHERE link = ?", (entry.link,)
        ).fetchone()
        failures = (row[0] if row else 0) + 1
        if failures >= MAX_FAILURES:
            next_day = GIVEN_UP
        else:
            wait = dt.timedelta(days=2 ** (failures - 1))
            next_day = (dt.date.fromisoformat(self.day) + wait).isoformat()
        self._failed[entry.link] = (url, entry, failures, next_day, reason)

    def fetched(self, entry: FeedEntry) -> None:
        self._fetched.add(entry.link)

    # -- the day's transaction ---------------------------------------------------------------

    def store(self, connection: sqlite3.Connection) -> None:
        """Keep what this run learned (a ``DayRecord.extras`` step)."""
        connection.executemany(
            "INSERT OR REPLACE INTO feeds(url, etag, last_modified, day) VALUES (?, ?, ?, ?)",
            [(url, v.etag, v.last_modified, self.day) for url, v in self._validators.items()],
        )
        connection.executemany(
            "DELETE FROM feed_retries WHERE link = ?", [(link,) for link in self._fetched]
        )
        connection.executemany(
            "INSERT OR REPLACE INTO feed_retries(link, feed, title, outlet, date, failures, "
            "next_day, reason, tried) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(link, url, e.title, e.outlet, e.date, failures, next_day, reason, self.day)
             for link, (url, e, failures, next_day, reason) in self._failed.items()],
        )
