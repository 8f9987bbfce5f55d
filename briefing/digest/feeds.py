"""Articles from RSS/Atom feeds: feed and pages fetched with a timeout, text by trafilatura."""

from __future__ import annotations

import datetime as dt
import hashlib
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from briefing.ingest import decode
from briefing.models import Article, Block
from briefing.runtime.display import clean_line

DEFAULT_TIMEOUT = 20.0
MAX_ENTRIES = 100  # per feed and run: bounds the time a run can take (entries x timeout)
MAX_BYTES = 5 * 1024 * 1024
USER_AGENT = "briefing-digest/0.1 (+https://example.invalid/briefing)"


class FeedError(Exception):
    """A feed or page could not be fetched or read; the message is one short line."""


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


def fetch(url: str, timeout: float) -> bytes:
    """GET ``url`` with a timeout for connecting and for each read; at most MAX_BYTES."""
    if not url.lower().startswith(("http://", "https://")):
        raise FeedError("not an http(s) URL")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as error:
        raise FeedError(f"HTTP {error.code}") from None
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, TimeoutError) or "timed out" in str(reason):
            raise FeedError(f"timed out after {timeout:g} s") from None
        raise FeedError(str(getattr(reason, "strerror", None) or reason)) from None
    except TimeoutError:
        raise FeedError(f"timed out after {timeout:g} s") from None
    except (OSError, ValueError) as error:
        raise FeedError(str(error) or type(error).__name__) from None
    if len(data) > MAX_BYTES:
        raise FeedError(f"larger than {MAX_BYTES:,} bytes")
    return data


def read_feed(
    url: str,
    timeout: float = DEFAULT_TIMEOUT,
    fetcher: Callable[[str, float], bytes] = fetch,
    known_links: frozenset[str] | set[str] = frozenset(),
) -> FeedResult:
    """The articles of one feed; never raises for network or parsing trouble.

    Pages in ``known_links`` (already in an earlier digest) are not fetched again.
    """
    import feedparser

    result = FeedResult(url)
    try:
        data = fetcher(url, timeout)
    except FeedError as error:
        result.error = str(error)
        return result
    parsed = feedparser.parse(data)
    if not parsed.entries and (parsed.bozo or not parsed.get("version")):
        # no entries and not a known format (an HTML page, an error page): say so
        problem = getattr(parsed, "bozo_exception", None)
        result.error = f"not a feed ({problem})" if problem else "not a feed"
        return result
    outlet = clean_line(str(parsed.feed.get("title") or "")) or None  # the server's text
    entries = parsed.entries[:MAX_ENTRIES]
    result.entries = len(entries)
    for entry in entries:
        link = entry.get("link")
        if not link:
            result.failures.append("entry without link")
            continue
        if link in known_links:
            result.known += 1
            continue
        try:
            html = fetcher(link, timeout)
            article = page_article(link, html, entry.get("title"), outlet, _entry_date(entry))
        except FeedError as error:
            result.failures.append(str(error))
            continue
        result.articles.append(article)
    return result


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
    return Article(
        path=Path("/feeds") / name,  # not a file: Article.url says where it came from
        title=" ".join((title or paragraphs[0][:80]).split()),
        blocks=blocks,
        outlet=outlet,
        date=date,
        url=url,
        content_hash=hashlib.sha256(html).hexdigest(),
    )


def _entry_date(entry) -> str | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if not stamp:
        return None
    try:
        return dt.date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday).isoformat()
    except (ValueError, AttributeError):
        return None
