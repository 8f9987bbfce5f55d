"""`briefing digest --feed`: feeds and pages from a local server on 127.0.0.1, one that hangs."""

from __future__ import annotations

import html
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from types import SimpleNamespace

import pytest
from http_server import local_server

DATA = Path(__file__).resolve().parent.parent / "data" / "digest"
SLOW_SECONDS = 3.0  # the hanging feed answers after this; the client gives up long before
SERVER_LIFETIME = 60.0  # the server stops by itself even if a test forgets it


def page(source: Path) -> bytes:
    """An article page with site furniture around it, from a fixture text."""
    from briefing.clean import parse_front_matter

    meta, body = parse_front_matter(source.read_text(encoding="utf-8"))
    paragraphs = "".join(f"<p>{html.escape(p.strip())}</p>\n" for p in body.split("\n\n")
                         if p.strip())
    return (f"<!DOCTYPE html><html lang='de'><head><meta charset='utf-8'>"
            f"<title>{html.escape(meta['title'])} | Testportal</title></head><body>"
            f"<nav><a href='/'>Startseite</a> <a href='/politik'>Politik</a></nav>"
            f"<article><h1>{html.escape(meta['title'])}</h1>\n{paragraphs}</article>"
            f"<footer>Impressum · Datenschutz · Kontakt</footer></body></html>").encode()


def rss(base: str, items: list[tuple[str, str]]) -> bytes:
    entries = "".join(
        f"<item><title>{html.escape(title)}</title><link>{base}{link}</link>"
        f"<pubDate>Tue, 04 Jun 2024 06:00:00 +0200</pubDate></item>" for title, link in items
    )
    return (f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
            f"<title>Testportal</title><link>{base}/</link>{entries}</channel></rss>"
            ).encode()


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[SimpleNamespace]:
    """A local HTTP server serving two feeds (one hangs) and their pages.

    Yields ``.base`` (its URL) and ``.hits`` (the paths asked for, in order).
    """
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy",
                 "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("no_proxy", "127.0.0.1")
    routes: dict[str, tuple[str, bytes]] = {}
    hits: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            if self.path == "/slow.xml":
                time.sleep(SLOW_SECONDS)
            if self.path not in routes:
                self.send_error(404)
                return
            kind, body = routes[self.path]
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                self.wfile.write(body)
            except OSError:  # the client gave up (the slow feed)
                pass

        def log_message(self, *args) -> None:
            return None

    with local_server(Handler, SERVER_LIFETIME) as base:
        flood = DATA / "day2" / "hochwasser_bayern_entwarnung.txt"
        rates = DATA / "day2" / "ezb_zinsen.txt"
        routes["/artikel/hochwasser.html"] = ("text/html; charset=utf-8", page(flood))
        routes["/artikel/zinsen.html"] = ("text/html; charset=utf-8", page(rates))
        routes["/feed.xml"] = ("application/rss+xml", rss(base, [
            ("Donau-Pegel sinkt", "/artikel/hochwasser.html"),
            ("EZB senkt den Leitzins", "/artikel/zinsen.html"),
            ("Gelöschter Artikel", "/artikel/weg.html"),  # 404: one failed page
        ]))
        routes["/slow.xml"] = ("application/rss+xml", rss(base, []))
        yield SimpleNamespace(base=base, hits=hits)


def digest(cli, paths, day: str, *extra: str):
    return cli("digest", "--inbox", str(paths["inbox"]), "--out", str(paths["out"]),
               "--state", str(paths["state"]), "--date", day, *extra)


def test_feed_articles_join_the_digest_and_failures_are_one_line_per_feed(
    cli, server, paths
) -> None:
    config = paths["tmp"] / "config.toml"
    config.write_text(f'feeds = ["{server.base}/feed.xml"]\n', encoding="utf-8")
    result = digest(cli, paths, "2024-06-04", "--config", str(config),
                    "--feed", f"{server.base}/slow.xml", "--timeout", "0.5", "--sentences", "20")
    assert result.exit_code == 0, result.output
    text = (paths["out"] / "2024-06-04.md").read_text(encoding="utf-8")
    assert "Die Europäische Zentralbank hat den Leitzins" in text
    assert "Das Hochwasser an der Donau geht in Bayern langsam zurück." in text
    assert "Impressum" not in text and "Startseite" not in text  # trafilatura kept the article
    assert "`hochwasser.html`" in text and "Testportal" in text  # page name and the feed's outlet
    problems = [line for line in result.stderr.splitlines() if " feed " in f" {line}"]
    assert problems == [
        f"briefing: digest 2024-06-04: feed {server.base}/feed.xml: 1 of 3 pages failed (HTTP 404)",
        f"briefing: digest 2024-06-04: feed {server.base}/slow.xml: timed out after 0.5 s",
    ]
    assert "read 0 files and 2 feeds, 2 new" in result.stderr


def test_a_failing_feed_is_reported_even_with_quiet(cli, server, paths) -> None:
    result = digest(cli, paths, "2024-06-04", "-q", "--feed", f"{server.base}/nothing.xml")
    assert result.exit_code == 0
    assert result.stderr == (
        f"briefing: digest 2024-06-04: feed {server.base}/nothing.xml: HTTP 404\n"
    )
    assert "Keine neuen Artikel" in (paths["out"] / "2024-06-04.md").read_text("utf-8")


def test_a_feed_article_is_not_new_the_next_day(cli, server, paths) -> None:
    assert digest(cli, paths, "2024-06-04", "--feed", f"{server.base}/feed.xml").exit_code == 0
    assert "/artikel/zinsen.html" in server.hits
    server.hits.clear()
    result = digest(cli, paths, "2024-06-05", "--feed", f"{server.base}/feed.xml")
    assert result.exit_code == 0
    assert "2 in earlier digests" in result.stderr
    # pages of earlier digests are not fetched again (the deleted one is tried again)
    assert server.hits == ["/feed.xml", "/artikel/weg.html"]
    assert "Keine neuen Artikel seit dem 04.06.2024." in (
        paths["out"] / "2024-06-05.md").read_text("utf-8")


def test_the_same_article_in_the_inbox_and_a_feed_counts_once(cli, server, paths) -> None:
    import shutil

    shutil.copy(DATA / "day2" / "ezb_zinsen.txt", paths["inbox"])
    result = digest(cli, paths, "2024-06-04", "--feed", f"{server.base}/feed.xml")
    assert result.exit_code == 0
    text = (paths["out"] / "2024-06-04.md").read_text(encoding="utf-8")
    assert text.count("Die Europäische Zentralbank hat den Leitzins") == 1
