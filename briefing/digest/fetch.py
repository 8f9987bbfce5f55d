"""One HTTP GET for the digest's feeds and pages: whole within its timeout, redirects checked.

Takes a URL and a timeout; gives the body (at most MAX_BYTES) or a FeedError whose message
says what failed, in one line, never empty. The timeout holds for the whole request, its
redirects included, however slowly a server sends (a timer shuts the request's sockets);
redirects go only to http(s), and into a loopback or private network only from there.
"""

from __future__ import annotations

import http.client
import threading
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any, Self

MAX_BYTES = 5 * 1024 * 1024
MAX_REDIRECTS = 5
USER_AGENT = "briefing-digest/0.1 (+https://example.invalid/briefing)"


class FeedError(Exception):
    """A feed or page could not be fetched or read; the message is one short line."""


class NotModified(FeedError):
    """HTTP 304: the feed is as it was when its validators were stored."""


@dataclass(frozen=True)
class Validators:
    """What a server said identifies its answer, for a conditional request next time."""

    etag: str | None = None
    last_modified: str | None = None


def fetch(url: str, timeout: float) -> bytes:
    """GET ``url``, all of it (redirects included) within ``timeout``; at most MAX_BYTES."""
    return fetch_conditional(url, timeout)[0]


def fetch_conditional(
    url: str, timeout: float, validators: Validators = Validators()
) -> tuple[bytes, Validators]:
    """``fetch`` with If-None-Match / If-Modified-Since from ``validators``: the answer and its
    own validators, or NotModified when the server says nothing changed (HTTP 304)."""
    if not url.lower().startswith(("http://", "https://")):
        raise FeedError("not an http(s) URL")
    headers = {"User-Agent": USER_AGENT}
    if validators.etag:
        headers["If-None-Match"] = validators.etag
    if validators.last_modified:
        headers["If-Modified-Since"] = validators.last_modified
    deadline = _Deadline(timeout)
    opener = urllib.request.build_opener(
        _TrackedHTTP(deadline), _TrackedHTTPS(deadline), _CheckedRedirects()
    )
    request = urllib.request.Request(url, headers=headers)
    try:
        with deadline, opener.open(request, timeout=timeout) as response:
            data = response.read(MAX_BYTES + 1)
            answer = Validators(response.headers.get("ETag"),
                                response.headers.get("Last-Modified"))
            deadline.check()
    except FeedError:
        raise
    except urllib.error.HTTPError as error:
        if error.code == 304:
            raise NotModified("not modified") from None
        raise FeedError(f"HTTP {error.code}") from None
    except Exception as error:  # noqa: BLE001 - whatever the server caused is one line
        raise FeedError(_failure(error, deadline)) from None
    if len(data) > MAX_BYTES:
        raise FeedError(f"larger than {MAX_BYTES:,} bytes")
    return data, answer


def _failure(error: Exception, deadline: _Deadline) -> str:
    """What failed, in words: a time-out, a malformed answer, the connection, or else."""
    reason = getattr(error, "reason", None)
    if deadline.expired or isinstance(error, TimeoutError) or isinstance(reason, TimeoutError) \
            or "timed out" in str(reason or error):
        return f"timed out after {deadline.seconds:g} s"
    if isinstance(error, http.client.HTTPException):  # bad status line, headers, chunks
        return f"bad HTTP response ({why(error)})"
    if isinstance(error, urllib.error.URLError):
        return why(reason) if isinstance(reason, BaseException) else str(reason) or "no answer"
    if isinstance(error, OSError | ValueError):
        return why(error)
    return f"failed ({why(error)})"


def why(error: BaseException) -> str:
    """An error's message, never empty: the kind of error when it has no message."""
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    text = " ".join(str(error).split())[:200]
    name = type(error).__name__
    if not text:
        return name
    return text if name in text else f"{name}: {text}"


class _Deadline:
    """Ends one request when its time is up: the sockets it opened are shut down, so any
    read waiting on them returns at once."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expired = False
        self._sockets: list[Any] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> Self:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()

    def track(self, sock: Any) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                _shut(sock)

    def check(self) -> None:
        if self.expired:
            raise FeedError(f"timed out after {self.seconds:g} s")

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                _shut(sock)


def _shut(sock: Any) -> None:
    import socket

    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


def _tracked(base: type[http.client.HTTPConnection], deadline: _Deadline) -> type:
    """``base`` (an HTTP or HTTPS connection) whose socket the deadline can shut down."""

    class Tracked(base):  # type: ignore[misc, valid-type]
        def connect(self) -> None:
            deadline.check()
            super().connect()
            deadline.track(self.sock)

    return Tracked


class _TrackedHTTP(urllib.request.HTTPHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self.deadline = deadline

    def http_open(self, req: urllib.request.Request) -> Any:
        return self.do_open(_tracked(http.client.HTTPConnection, self.deadline), req)


class _TrackedHTTPS(urllib.request.HTTPSHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self.deadline = deadline

    def https_open(self, req: urllib.request.Request) -> Any:
        return self.do_open(_tracked(http.client.HTTPSConnection, self.deadline), req,
                            context=self._context)


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """Redirects only to http(s), and into a loopback or private network only from there."""

    max_redirections = MAX_REDIRECTS

    def http_error_302(self, req, fp, code, msg, headers):  # (urllib's handler protocol)
        from urllib.parse import urljoin

        location = headers.get("location") or headers.get("uri")
        if location:
            check_redirect(req.full_url, urljoin(req.full_url, location.strip()))
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def check_redirect(source: str, target: str) -> None:
    """FeedError unless a redirect from ``source`` to ``target`` may be followed."""
    from urllib.parse import urlsplit

    parts = urlsplit(target)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise FeedError(f"redirect to {scheme or 'a non-http'} URL refused (only http and https "
                        f"are followed)")
    if _local(parts.hostname, parts.port or (443 if scheme == "https" else 80)):
        before = urlsplit(source)
        if (before.hostname, before.port) != (parts.hostname, parts.port):
            where = f"{parts.hostname}:{parts.port}" if parts.port else parts.hostname
            raise FeedError(f"redirect to {where} refused (a local address)")


def _local(host: str | None, port: int) -> bool:
    """The host is, or resolves to, a loopback, private, link-local or reserved address."""
    import ipaddress
    import socket

    if not host:
        return True
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        return False  # the request itself will fail, and say so
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if (address.is_loopback or address.is_private or address.is_link_local
                or address.is_unspecified or address.is_multicast or address.is_reserved):
            return True
    return False
