"""The digest delivered the way readers get news (issue 18): Markdown, mailable HTML and an
Atom feed; feeds from OPML, fetched with conditional requests; failed items retried with
back-off; every article linked. Feeds come from a local server on 127.0.0.1."""

from __future__ import annotations

import html
import re
import shutil
from collections.abc import Iterator
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from types import SimpleNamespace

import pytest

# an article page and a feed as the feed tests serve them, and their digest run
from http_server import local_server
from test_digest_feeds import digest, page, rss

DATA = Path(__file__).resolve().parent.parent / "data" / "digest"
SERVER_LIFETIME = 60.0  # the server stops by itself even if a test forgets it
ETAG = '"feed-v1"'
MODIFIED = "Tue, 04 Jun 2024 06:00:00 GMT"


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[SimpleNamespace]:
    """Feeds and pages on 127.0.0.1. ``/feed.xml`` answers conditional requests (ETag and
    Last-Modified) with 304; ``/artikel/weg.html`` is gone (404).

    Yields ``.base`` (the URL), ``.hits`` (paths asked for) and ``.headers`` (path ->
    request headers of each request, in order).
    """
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy",
                 "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("no_proxy", "127.0.0.1")
    routes: dict[str, tuple[str, bytes]] = {}
    hits: list[str] = []
    headers: dict[str, list[dict[str, str]]] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            headers.setdefault(self.path, []).append(dict(self.headers.items()))
            if self.path not in routes:
                self.send_error(404)
                return
            kind, body = routes[self.path]
            conditional = self.path == "/feed.xml"
            if conditional and (self.headers.get("If-None-Match") == ETAG
                                or self.headers.get("If-Modified-Since") == MODIFIED):
                self.send_response(304)
                self.send_header("ETag", ETAG)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            if conditional:
                self.send_header("ETag", ETAG)
                self.send_header("Last-Modified", MODIFIED)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            return None

    with local_server(Handler, SERVER_LIFETIME) as base:
        routes["/artikel/hochwasser.html"] = ("text/html; charset=utf-8",
                                              page(DATA / "day2" / "hochwasser_bayern_entwarnung.txt"))
        routes["/artikel/zinsen.html"] = ("text/html; charset=utf-8",
                                          page(DATA / "day2" / "ezb_zinsen.txt"))
        routes["/feed.xml"] = ("application/rss+xml", rss(base, [
            ("Donau-Pegel sinkt", "/artikel/hochwasser.html"),
            ("EZB senkt den Leitzins", "/artikel/zinsen.html"),
            ("Gelöschter Artikel", "/artikel/weg.html"),  # 404
        ]))
        routes["/other.xml"] = ("application/rss+xml", rss(base, [
            ("EZB senkt den Leitzins", "/artikel/zinsen.html"),
        ]))
        yield SimpleNamespace(base=base, hits=hits, headers=headers)




def arrive(inbox: Path, day_folder: str) -> None:
    for source in sorted((DATA / day_folder).iterdir()):
        shutil.copy(source, inbox / source.name)


def with_url(inbox: Path) -> dict[str, str]:
    """Give every inbox article a front-matter url; returns file name -> url."""
    urls = {}
    for path in sorted(inbox.glob("*.txt")):
        urls[path.name] = f"https://news.example/{path.stem}"
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("---\n", f"---\nurl: {urls[path.name]}\n", 1),
                        encoding="utf-8")
    return urls


class Tags(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


# -- formats -----------------------------------------------------------------------------


def test_format_list_writes_markdown_html_and_atom(cli, paths) -> None:
    arrive(paths["inbox"], "day1")
    result = digest(cli, paths, "2024-06-03", "--format", "markdown,html,atom")
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in paths["out"].iterdir())
    assert names == ["2024-06-03.html", "2024-06-03.md", "feed.atom"]
    assert "wrote" in result.stderr and "2024-06-03.html" in result.stderr


def test_format_html_alone_and_a_wrong_format(cli, paths) -> None:
    arrive(paths["inbox"], "day1")
    assert digest(cli, paths, "2024-06-03", "--format", "html").exit_code == 0
    assert sorted(p.name for p in paths["out"].iterdir()) == ["2024-06-03.html"]
    wrong = digest(cli, paths, "2024-06-03", "--format", "markdown,pdf")
    assert wrong.exit_code == 2 and "pdf" in wrong.output


def test_markdown_stays_the_default(cli, paths) -> None:
    arrive(paths["inbox"], "day1")
    assert digest(cli, paths, "2024-06-03").exit_code == 0
    assert sorted(p.name for p in paths["out"].iterdir()) == ["2024-06-03.md"]


def test_html_digest_is_self_contained_and_mail_friendly(cli, paths) -> None:
    arrive(paths["inbox"], "day1")
    urls = with_url(paths["inbox"])
    assert digest(cli, paths, "2024-06-03", "--format", "markdown,html").exit_code == 0
    text = (paths["out"] / "2024-06-03.html").read_text(encoding="utf-8")
    tags = Tags(text).tags
    names = [tag for tag, _ in tags]
    assert "script" not in names and "style" not in names and "link" not in names
    assert "img" not in names and "iframe" not in names
    assert not any(key.startswith("on") for _, a in tags for key in a)
    assert not any("class" in a for _, a in tags)  # mail clients drop style sheets
    assert sum(1 for _, a in tags if a.get("style")) >= 5  # styled inline instead
    assert "<h1" in text and "Digest vom 03.06.2024" in text
    hrefs = [a["href"] for tag, a in tags if tag == "a" and a.get("href")]
    assert set(urls.values()) <= set(hrefs)
    assert all(h.startswith(("https://", "http://", "#")) for h in hrefs), hrefs
    # the same stories as the Markdown digest
    markdown = (paths["out"] / "2024-06-03.md").read_text(encoding="utf-8")
    for heading in re.findall(r"^## (.+)$", markdown, re.MULTILINE):
        assert html.escape(heading.replace("\\", ""), quote=False) in text


# -- the Atom feed -----------------------------------------------------------------------


def _entries(atom: Path) -> list:
    import feedparser

    parsed = feedparser.parse(atom.read_bytes())
    assert parsed.version == "atom10" and not parsed.bozo, parsed.get("bozo_exception")
    return parsed.entries


def test_atom_feed_has_one_entry_per_day_newest_first(cli, paths) -> None:
    atom = paths["out"] / "feed.atom"
    arrive(paths["inbox"], "day1")
    assert digest(cli, paths, "2024-06-03", "--format", "atom").exit_code == 0
    assert len(_entries(atom)) == 1
    arrive(paths["inbox"], "day2")
    assert digest(cli, paths, "2024-06-04", "--format", "atom").exit_code == 0
    assert digest(cli, paths, "2024-06-04", "--format", "atom").exit_code == 0  # a rerun
    entries = _entries(atom)
    assert len(entries) == 2  # the rerun replaced its day's entry
    assert "04.06.2024" in entries[0].title and "03.06.2024" in entries[1].title
    assert entries[0].id != entries[1].id
    content = entries[0].content[0].value
    assert "EZB senkt erstmals seit fünf Jahren den Leitzins" in content
    assert "<script" not in content
    leftovers = [p.name for p in paths["out"].iterdir() if p.name.startswith(".")]
    assert leftovers == []  # written through a temporary file and renamed


@pytest.mark.slow
def test_atom_feed_keeps_the_last_30_days(cli, paths) -> None:
    import datetime as dt

    atom = paths["out"] / "feed.atom"
    first = dt.date(2024, 5, 1)
    for offset in range(32):
        day = (first + dt.timedelta(days=offset)).isoformat()
        assert digest(cli, paths, day, "--format", "atom", "-q").exit_code == 0
    entries = _entries(atom)
    assert len(entries) == 30
    assert "01.06.2024" in entries[0].title and "03.05.2024" in entries[-1].title


def test_stale_temporary_atom_file_is_removed(cli, paths) -> None:
    paths["out"].mkdir()
    stale = paths["out"] / ".feed.atom.k1ll3d.tmp"
    stale.write_text("<feed", encoding="utf-8")
    result = digest(cli, paths, "2024-06-03", "--format", "atom")
    assert result.exit_code == 0
    assert not stale.exists()
    assert f"removed stale temporary file {stale}" in result.stderr


# -- links -------------------------------------------------------------------------------


def test_markdown_digest_links_each_article(cli, server, paths) -> None:
    arrive(paths["inbox"], "day1")
    urls = with_url(paths["inbox"])
    result = digest(cli, paths, "2024-06-04", "--feed", f"{server.base}/feed.xml")
    assert result.exit_code == 0, result.output
    text = (paths["out"] / "2024-06-04.md").read_text(encoding="utf-8")
    for url in [*urls.values(), f"{server.base}/artikel/zinsen.html",
                f"{server.base}/artikel/hochwasser.html"]:
        assert f"]({url})" in text or f"<{url}>" in text, url


# -- OPML ----------------------------------------------------------------------------------


def opml(base: str, *feeds: str) -> str:
    outlines = "".join(f'<outline type="rss" text="Feed {i}" xmlUrl="{base}{f}"/>'
                       for i, f in enumerate(feeds))
    return ('<?xml version="1.0" encoding="utf-8"?><opml version="2.0"><head><title>Abos'
            f'</title></head><body><outline text="Nachrichten">{outlines}</outline>'
            '</body></opml>')


def test_feeds_from_an_opml_file(cli, server, paths) -> None:
    subscriptions = paths["tmp"] / "abos.opml"
    subscriptions.write_text(opml(server.base, "/feed.xml", "/other.xml"), encoding="utf-8")
    result = digest(cli, paths, "2024-06-04", "--opml", str(subscriptions))
    assert result.exit_code == 0, result.output
    assert "/feed.xml" in server.hits and "/other.xml" in server.hits
    assert "and 2 feeds" in result.stderr
    text = (paths["out"] / "2024-06-04.md").read_text(encoding="utf-8")
    assert text.count("Die Europäische Zentralbank hat den Leitzins") == 1


def test_config_names_an_opml_file(cli, server, paths) -> None:
    subscriptions = paths["tmp"] / "abos.opml"
    subscriptions.write_text(opml(server.base, "/other.xml"), encoding="utf-8")
    config = paths["tmp"] / "config.toml"
    config.write_text(f'opml = "{subscriptions}"\n', encoding="utf-8")
    result = digest(cli, paths, "2024-06-04", "--config", str(config))
    assert result.exit_code == 0, result.output
    assert "/other.xml" in server.hits


@pytest.mark.parametrize("content", ["<opml><body><outline", "<html><body>Hallo</body></html>"])
def test_a_broken_opml_file_is_one_line_and_exit_1(cli, paths, content: str) -> None:
    subscriptions = paths["tmp"] / "abos.opml"
    subscriptions.write_text(content, encoding="utf-8")
    result = digest(cli, paths, "2024-06-04", "--opml", str(subscriptions))
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(subscriptions) in lines[0]
    assert not (paths["out"] / "2024-06-04.md").exists()


# -- conditional requests and back-off ----------------------------------------------------


def test_a_feed_is_fetched_with_etag_and_last_modified(cli, server, paths) -> None:
    feed = f"{server.base}/feed.xml"
    assert digest(cli, paths, "2024-06-04", "--feed", feed).exit_code == 0
    first = server.headers["/feed.xml"][0]
    assert "If-None-Match" not in first
    result = digest(cli, paths, "2024-06-05", "--feed", feed)
    assert result.exit_code == 0, result.output
    second = server.headers["/feed.xml"][1]
    assert second.get("If-None-Match") == ETAG
    assert second.get("If-Modified-Since") == MODIFIED
    # 304 Not Modified is no problem of the feed (its dead page, due again, may still fail)
    about_the_feed = [line for line in result.stderr.splitlines()
                      if f"feed {feed}: " in line and "pages failed" not in line]
    assert about_the_feed == []
    assert "Keine neuen Artikel seit dem 04.06.2024." in (
        paths["out"] / "2024-06-05.md").read_text("utf-8")


def test_a_rerun_of_the_same_day_still_has_its_feed_articles(cli, server, paths) -> None:
    feed = f"{server.base}/feed.xml"
    assert digest(cli, paths, "2024-06-04", "--feed", feed).exit_code == 0
    first = (paths["out"] / "2024-06-04.md").read_bytes()
    assert digest(cli, paths, "2024-06-04", "--feed", feed).exit_code == 0
    assert (paths["out"] / "2024-06-04.md").read_bytes() == first  # a 304 loses nothing
    assert digest(cli, paths, "2024-06-05", "--feed", feed).exit_code == 0
    assert server.headers["/feed.xml"][-1].get("If-None-Match") == ETAG


def test_a_failed_item_is_retried_with_back_off(cli, server, paths) -> None:
    feed = f"{server.base}/feed.xml"

    def fetched(day: str) -> int:
        before = server.hits.count("/artikel/weg.html")
        result = digest(cli, paths, day, "--feed", feed)
        assert result.exit_code == 0, result.output
        return server.hits.count("/artikel/weg.html") - before

    assert fetched("2024-06-04") == 1
    assert fetched("2024-06-04") == 0  # the same day again: not yet
    assert fetched("2024-06-05") == 1  # a day later
    assert fetched("2024-06-06") == 0  # then two days later
    assert fetched("2024-06-07") == 1
    assert fetched("2024-06-08") == 0
