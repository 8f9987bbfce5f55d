"""`briefing digest --feed` against servers on 127.0.0.1 that answer wrongly, slowly or away."""

from __future__ import annotations

import socket
import threading
import time

import pytest
from conftest import (
    DAY,
    FOLLOW_UP,
    article_page,
    assert_clean,
    cases,
    digest_args,
    forbidden_in,
    invoke,
    ok,
    redirect,
    rss,
    run_briefing,
)

INBOX_FILES = ("bahnstreik_gdl.txt", "hochwasser_bayern_passau.txt",
               "hochwasser_bayern_regensburg.txt")

MALFORMED = {
    "bad status line": b"HTTP/1.1 abc OK\r\n\r\n",
    "no status line": b"garbage\r\n\r\n",
    "status without version": b"200 OK\r\nContent-Length: 2\r\n\r\nhi",
    "too many headers": b"HTTP/1.1 200 OK\r\n" + b"".join(b"X-%d: y\r\n" % i for i in range(150))
                        + b"\r\n",
    "header line too long": b"HTTP/1.1 200 OK\r\nX-Long: " + b"a" * 70_000 + b"\r\n\r\n",
    "broken chunked encoding": b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nab\r\n",
    "chunked body cut off": b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n400\r\nab",
    "body shorter than its length": b"HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n<rss>",
    "closed without answer": b"",
    "interim answer only": b"HTTP/1.1 100 Continue\r\n\r\n",
}
# (before the fix the last three already gave one line: siblings that must keep holding)


def _problem_lines(run) -> list[str]:
    return [line for line in run.err.splitlines() if " feed " in line]


def _check_digest_written(dirs, run, url: str) -> None:
    """Exit 0, the inbox articles in the day's file, one line naming the failing feed."""
    assert_clean(run, (0,))
    text = (dirs["out"] / f"{DAY}.md").read_text(encoding="utf-8")
    assert all(name in text for name in INBOX_FILES), text
    lines = _problem_lines(run)
    assert len(lines) == 1 and url in lines[0], run.err
    reason = lines[0].split(url, 1)[1].lstrip(": ").strip()
    assert reason, f"the failure does not say what failed: {lines[0]!r}"


@pytest.mark.parametrize("answer", MALFORMED.values(), ids=MALFORMED.keys())
def test_malformed_feed_response_is_one_line(digest_dirs, http_server, answer):
    server = http_server()
    server.routes["/feed.xml"] = answer
    url = server.url("/feed.xml")
    run = invoke(*digest_args(digest_dirs), "--feed", url, "--timeout", "5", "-q")
    _check_digest_written(digest_dirs, run, url)


PAGE_CASES = ("bad status line", "too many headers", "broken chunked encoding")


@pytest.mark.parametrize("kind", PAGE_CASES)
def test_malformed_page_response_is_one_line(digest_dirs, http_server, kind):
    server = http_server()
    server.routes["/feed.xml"] = ok(rss("Testportal", [("Soforthilfe", server.url("/a"))]),
                                    "application/rss+xml")
    server.routes["/a"] = MALFORMED[kind]
    url = server.url("/feed.xml")
    run = invoke(*digest_args(digest_dirs), "--feed", url, "--timeout", "5", "-q")
    _check_digest_written(digest_dirs, run, url)


@pytest.mark.parametrize("kind", PAGE_CASES)
def test_malformed_redirect_target_is_one_line(digest_dirs, http_server, kind):
    server = http_server()
    server.routes["/feed.xml"] = redirect(server.url("/moved.xml"), 301)
    server.routes["/moved.xml"] = MALFORMED[kind]
    url = server.url("/feed.xml")
    run = invoke(*digest_args(digest_dirs), "--feed", url, "--timeout", "5", "-q")
    _check_digest_written(digest_dirs, run, url)


def test_good_feed_still_read_beside_a_malformed_one(digest_dirs, http_server):
    """The sound feed's article is in the digest although the other feed fails."""
    good, bad = http_server(), http_server()
    good.routes["/feed.xml"] = ok(rss("Testportal", [("Soforthilfe nach dem Hochwasser",
                                                      good.url("/a"))]), "application/rss+xml")
    good.routes["/a"] = ok(article_page("Soforthilfe nach dem Hochwasser", FOLLOW_UP))
    bad.routes["/feed.xml"] = ok(b"")  # an empty answer: not a feed, one line
    run = invoke(*digest_args(digest_dirs), "--feed", bad.url("/feed.xml"),
                 "--feed", good.url("/feed.xml"), "-q")
    assert_clean(run, (0,))
    text = (digest_dirs["out"] / f"{DAY}.md").read_text(encoding="utf-8")
    assert "Soforthilfe" in text


# -- slow servers (defect 8): the timeout holds for the whole request -------------------------


def _drip(head: bytes, body: bytes, interval: float = 0.4):
    """A responder sending the head at once (or slowly when empty body) and then a byte at a time."""

    def respond(conn: socket.socket, stop: threading.Event) -> None:
        data = head + body
        sent = 0 if not body else len(head)
        if sent:
            conn.sendall(head)
        while sent < len(data) and not stop.is_set():
            conn.sendall(data[sent : sent + 1])
            sent += 1
            time.sleep(interval)

    return respond


DRIP_SECONDS = 2
DRIP_GUARD = 30.0  # the fixed code ends after about DRIP_SECONDS per request plus start-up


@pytest.mark.parametrize("where", cases(
    {w: w for w in ("status line", "feed body", "page body")}, {"page body"}))
def test_dripping_server_is_cut_off_at_the_timeout(digest_dirs, http_server, where):
    server = http_server()
    feed = rss("Testportal", [("Soforthilfe nach dem Hochwasser", server.url("/a"))])
    page = article_page("Soforthilfe nach dem Hochwasser", FOLLOW_UP)
    head = (f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {len(page)}\r\n"
            f"\r\n").encode()
    if where == "status line":
        server.routes["/feed.xml"] = _drip(b"", ok(feed))
    elif where == "feed body":
        server.routes["/feed.xml"] = _drip(ok(feed)[: -len(feed)], feed)
    else:
        server.routes["/feed.xml"] = ok(feed, "application/rss+xml")
        server.routes["/a"] = _drip(head, page)
    url = server.url("/feed.xml")
    run = run_briefing(*digest_args(digest_dirs), "--feed", url, "--timeout",
                       str(DRIP_SECONDS), "-q", cwd=digest_dirs["home"], timeout=DRIP_GUARD)
    _check_digest_written(digest_dirs, run, url)
    assert "timed out" in _problem_lines(run)[0]


# -- redirects (defect 9): only http(s), and the failure says so --------------------------------


def _listener() -> tuple[socket.socket, list[int]]:
    """A TCP port that counts connections and closes each at once (an FTP server, say)."""
    sock = socket.create_server(("127.0.0.1", 0))
    sock.settimeout(0.1)
    count = [0]

    def accept() -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                conn, _ = sock.accept()
            except (TimeoutError, OSError):
                if sock.fileno() < 0:
                    return
                continue
            count[0] += 1
            conn.close()

    threading.Thread(target=accept, daemon=True).start()
    return sock, count


@pytest.mark.parametrize("scheme", ["ftp", "other local port"])
@pytest.mark.parametrize("where", ["feed", "page"])
def test_redirect_away_from_http_is_refused(digest_dirs, http_server, scheme, where):
    server = http_server()
    sock, connections = _listener()
    try:
        port = sock.getsockname()[1]
        target = (f"ftp://127.0.0.1:{port}/feed.xml" if scheme == "ftp"
                  else f"http://127.0.0.1:{port}/feed.xml")
        if where == "feed":
            server.routes["/feed.xml"] = redirect(target)
        else:
            server.routes["/feed.xml"] = ok(rss("Testportal", [("Hilfe", server.url("/a"))]),
                                            "application/rss+xml")
            server.routes["/a"] = redirect(target)
        url = server.url("/feed.xml")
        run = invoke(*digest_args(digest_dirs), "--feed", url, "--timeout", "3", "-q")
        _check_digest_written(digest_dirs, run, url)
        assert "redirect" in _problem_lines(run)[0]
        assert connections[0] == 0, "the redirect was followed"
    finally:
        sock.close()


@pytest.mark.parametrize("target", ["file:///etc/passwd", "data:text/plain,x",
                                    "javascript:alert(1)", "gopher://127.0.0.1/x"])
def test_redirect_to_other_schemes_says_what_failed(digest_dirs, http_server, target):
    server = http_server()
    server.routes["/feed.xml"] = redirect(target)
    url = server.url("/feed.xml")
    run = invoke(*digest_args(digest_dirs), "--feed", url, "--timeout", "3", "-q")
    _check_digest_written(digest_dirs, run, url)
    assert "redirect" in _problem_lines(run)[0]


# -- feed titles (defect 11): no control or bidi characters get through ------------------------


def test_feed_titles_bring_no_control_characters(digest_dirs, http_server):
    server = http_server()
    channel = "Test\u202eportal\x1b[31m"
    item = "Soforthilfe\x1b]0;pwned\x07 nach dem\u2066 Hochwasser\x9b2J"
    server.routes["/feed.xml"] = ok(rss(channel, [(item, server.url("/a"))]),
                                    "application/rss+xml")
    server.routes["/a"] = ok(article_page("Soforthilfe\u202e nach dem Hochwasser", FOLLOW_UP))
    run = invoke(*digest_args(digest_dirs), "--feed", server.url("/feed.xml"))
    assert_clean(run, (0,))
    text = (digest_dirs["out"] / f"{DAY}.md").read_text(encoding="utf-8")
    assert "Soforthilfe" in text
    assert not forbidden_in(text) and not forbidden_in(run.stderr)
