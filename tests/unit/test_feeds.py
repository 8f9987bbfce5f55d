"""Reading feeds without a network: a fake fetcher stands in for urllib."""

from __future__ import annotations

import pytest

from briefing.digest.feeds import FeedError, read_feed

PAGE = (
    "<html><head><title>Seite</title></head><body><nav>Startseite Politik Sport</nav>"
    "<article><h1>EZB senkt den Leitzins</h1>"
    "<p>Die Europäische Zentralbank hat den Leitzins im Euroraum erstmals seit fünf Jahren "
    "gesenkt, teilte die Notenbank am Donnerstag in Frankfurt mit.</p>"
    "<p>EZB-Präsidentin Christine Lagarde begründete den Schritt mit der gesunkenen "
    "Inflation im Euroraum und sprach von einem wichtigen Signal.</p></article>"
    "<footer>Impressum Datenschutz</footer></body></html>"
).encode()


def rss(*links: str) -> bytes:
    items = "".join(f"<item><title>T{i}</title>{link}"
                    "<pubDate>Thu, 06 Jun 2024 09:00:00 GMT</pubDate></item>"
                    for i, link in enumerate(links))
    return (f"<rss version='2.0'><channel><title>Finanzblatt</title>{items}</channel></rss>"
            ).encode()


def fetcher(pages: dict[str, bytes | Exception]):
    def fetch(url: str, timeout: float) -> bytes:
        answer = pages[url]
        if isinstance(answer, Exception):
            raise answer
        return answer

    return fetch


def test_entries_become_articles_with_feed_metadata() -> None:
    link = "http://x/a.html?ref=rss"
    pages = {"http://x/feed": rss(f"<link>{link}</link>"), link: PAGE}
    result = read_feed("http://x/feed", fetcher=fetcher(pages))
    assert result.problem is None
    [article] = result.articles
    assert article.title == "T0"  # the feed's title for the entry
    assert article.outlet == "Finanzblatt" and article.date == "2024-06-06"
    assert article.url == "http://x/a.html?ref=rss" and article.path.name == "a.html"
    assert "Lagarde" in article.body and "Impressum" not in article.body


@pytest.mark.parametrize(
    ("pages", "problem"),
    [
        # the feed itself cannot be fetched
        ({"http://x/feed": FeedError("timed out after 1 s")}, "timed out after 1 s"),
        # an HTML page where a feed should be
        ({"http://x/feed": b"<html><body><p>Hallo</p></body></html>"}, "not a feed"),
        # one page of two fails, an entry has no link
        ({"http://x/feed": rss("<link>http://x/a</link>", "<link>http://x/b</link>", ""),
          "http://x/a": PAGE, "http://x/b": FeedError("HTTP 500")},
         "2 of 3 pages failed (HTTP 500; entry without link)"),
        # a page without article text
        ({"http://x/feed": rss("<link>http://x/a</link>"), "http://x/a": b"<html></html>"},
         "1 of 1 pages failed (no article text on the page)"),
    ],
)
def test_problems_are_one_line_per_feed(pages, problem: str) -> None:
    result = read_feed("http://x/feed", fetcher=fetcher(pages))
    assert result.problem == f"feed http://x/feed: {problem}"


def test_known_links_are_not_fetched() -> None:
    pages = {"http://x/feed": rss("<link>http://x/a</link>")}  # fetching http://x/a would fail
    result = read_feed("http://x/feed", fetcher=fetcher(pages), known_links={"http://x/a"})
    assert result.known == 1 and result.articles == [] and result.problem is None


def test_only_http_urls_are_fetched() -> None:
    result = read_feed("file:///etc/passwd")
    assert result.problem == "feed file:///etc/passwd: not an http(s) URL"
