"""Articles from RSS/Atom feeds: feed and pages fetched with a timeout, text by trafilatura."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Protocol

from briefing.clean import cut_long_article
from briefing.digest.fetch import FeedError, fetch, why
from briefing.ingest import decode
from briefing.models import Article, Block
from briefing.runtime.display import clean_line

DEFAULT_TIMEOUT = 20.0
MAX_ENTRIES = 100  # per feed and run: bounds the time a run can take (entries x timeout)


@dataclass
class FeedResult:
    """What one feed gave: its articles and, if anything went wrong, one line saying what."""

    url: str
    articles: list[Article] = field(default_factory=list)
    entries: int = 0
    known: int = 0  # entries whose page an earlier digest already holds (not fetched again)
    failures: list[str] = field(default_factory=list)  # one reason per page that failed
    error: str | None = None  # the feed itself failed

    @property
    def problem(self) -> str | None:
        """One line for stderr, or None when everything worked."""
        if self.error:
            return f"feed {self.url}: {self.error}"
        if self.failures:
            reasons = sorted(set(self.failures))
            shown = "; ".join(reasons[:2]) + ("; ..." if len(reasons) > 2 else "")
            return (f"feed {self.url}: {len(self.failures)} of {self.entries} pages failed "
                    f"({shown})")
        return None


@dataclass(frozen=True)
class FeedEntry:
    """An item of a feed: where its page is, and what the feed says of it."""

    link: str
    title: str | None = None
    outlet: str | None = None  # the feed's title
    date: str | None = None


class Subscription(Protocol):
    """What a feed's earlier runs left (``briefing/digest/subscriptions.py``): validators for
    a conditional request, and pages that failed and wait for their next try."""

    def fetch_feed(self, url: str, timeout: float) -> bytes | None:
        """The feed document, or None when it is as it was (HTTP 304)."""

    def entries(self, url: str, entries: list[FeedEntry]) -> list[FeedEntry]:
        """The entries to fetch now: failed ones due for a retry added, waiting ones left out."""

    def failed(self, url: str, entry: FeedEntry, reason: str) -> None: ...

    def fetched(self, entry: FeedEntry) -> None: ...


def read_feed(
    url: str,
    timeout: float = DEFAULT_TIMEOUT,
    fetcher: Callable[[str, float], bytes] = fetch,
    known_links: frozenset[str] | set[str] = frozenset(),
    subscription: Subscription | None = None,
) -> FeedResult:
    """The articles of one feed; never raises for network or parsing trouble.

    Pages in ``known_links`` (already in an earlier digest) are not fetched again. With a
    ``subscription`` the feed is fetched conditionally and a page that failed waits for its
    retry (back-off) instead of being fetched on every run.
    """
    result = FeedResult(url)
    try:
        data = subscription.fetch_feed(url, timeout) if subscription else fetcher(url, timeout)
    except FeedError as error:
        result.error = str(error)
        return result
    entries: list[FeedEntry] = []
    if data is not None:  # (None: not modified, so no entry is new)
        entries = _feed_entries(data, result)
        if result.error:
            return result
    if subscription is not None:
        entries = subscription.entries(url, entries)
    result.entries += len(entries)
    for entry in entries:
        if entry.link in known_links:
            result.known += 1
            continue
        try:
            html = fetcher(entry.link, timeout)
            article = page_article(entry.link, html, entry.title, entry.outlet, entry.date)
        except Exception as error:  # noqa: BLE001 - one odd page must not end the feed
            reason = str(error) if isinstance(error, FeedError) else (
                f"page could not be read ({why(error)})")
            result.failures.append(reason)
            if subscription is not None:
                subscription.failed(url, entry, reason)
            continue
        if subscription is not None:
            subscription.fetched(entry)
        result.articles.append(article)
    return result


def _feed_entries(data: bytes, result: FeedResult) -> list[FeedEntry]:
    """The entries of a feed document (at most MAX_ENTRIES); ``result`` notes what is wrong."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries and (parsed.bozo or not parsed.get("version")):
        # no entries and not a known format (an HTML page, an error page): say so
        problem = getattr(parsed, "bozo_exception", None)
        result.error = f"not a feed ({problem})" if problem else "not a feed"
        return []
    outlet = clean_line(str(parsed.feed.get("title") or "")) or None  # the server's text
    entries: list[FeedEntry] = []
    for entry in parsed.entries[:MAX_ENTRIES]:
        link = entry.get("link")
        if not link:
            result.entries += 1
            result.failures.append("entry without link")
            continue
        entries.append(FeedEntry(link, entry.get("title"), outlet, _entry_date(entry)))
    return entries


def page_article(
    url: str, html: bytes, title: str | None, outlet: str | None, date: str | None
) -> Article:
    """The article text of a fetched page (trafilatura), as an Article."""
    import trafilatura


    text = decode(html)
    if text is None:
        raise FeedError("page is not text")
    body = trafilatura.extract(text, include_comments=False, include_tables=False,
                               favor_precision=True)
    if not body or not body.strip():
        raise FeedError("no article text on the page")
    if not title:
        metadata = trafilatura.extract_metadata(text)
        title = metadata.title if metadata and metadata.title else None
    # feed and page titles are the server's text: no control or bidi characters
    title = clean_line(str(title)) if title else None
    paragraphs = [p for p in (clean_line(line) for line in body.split("\n")) if p]
    if not paragraphs:
        raise FeedError("no article text on the page")
    blocks = [Block("paragraph", p) for p in paragraphs]
    name = PurePosixPath(url.split("?")[0].rstrip("/")).name or "page"
    article = Article(
        path=Path("/feeds") / name,  # not a file: Article.url says where it came from
        title=" ".join((title or paragraphs[0][:80]).split()),
        blocks=blocks,
        outlet=outlet,
        date=date,
        url=url,
        content_hash=hashlib.sha256(html).hexdigest(),
    )
    cut_long_article(article)  # as a file's: a page of 5 MB of text is cut to its start
    return article


def _entry_date(entry) -> str | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if not stamp:
        return None
    try:
        return dt.date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday).isoformat()
    except (ValueError, AttributeError):
        return None
