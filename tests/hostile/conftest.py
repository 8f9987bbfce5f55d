"""Helpers for the hostile-input and faults suites: the CLI run as a user or cron runs it.

Everything here goes through the public surface (the `briefing` command, in a subprocess or
through click's runner on `briefing.cli.main`), so the suites do not depend on module paths.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "hostile"
DIGEST_DATA = ROOT / "tests" / "data" / "digest"
STORIES = ROOT / "tests" / "data" / "tui"  # two stories of two short articles each
DAY = "2024-06-04"
NEXT_DAY = "2024-06-05"
# A run that should take a few seconds gets this long before it counts as hung (not a speed
# goal: the fixed code is ten times faster; it turns a hang into a failure).
GUARD_SECONDS = 60.0
# Address space a child may take (a blow-up becomes a MemoryError, not a swapping machine).
MEMORY_GUARD = 3 * 1024**3

# What must never reach a terminal or an output file from file names, front matter or feeds:
# C0 controls other than tab and newline (ESC, CR, BEL, ...), DEL, C1 controls (0x9b is CSI)
# and the bidi overrides and isolates that reorder what a reader sees.
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

# Launches `python -m briefing ...` under an address-space limit (and a file-size limit when
# asked: a full disk), and writes the process's
# peak resident size (KiB) to $HOSTILE_RSS_FILE when it ends (memory is a bound here). The
# peak is VmHWM, the high-water mark of this process's own address space: getrusage's
# ru_maxrss survives exec on Linux and so starts at the resident size of the process that
# forked it (a pytest worker that had loaded the corpus made a 1 MB build "433 MB").
_LAUNCH = """
import os, resource, runpy, sys
limit = int(os.environ.get("HOSTILE_MEMORY_LIMIT", "0"))
if limit:
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
file_limit = int(os.environ.get("HOSTILE_FILE_LIMIT", "0"))
if file_limit:  # a full disk, as far as this process can tell: writes past it fail (EFBIG)
    import signal
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (file_limit, file_limit))
sys.argv = ["briefing", *sys.argv[1:]]
try:
    runpy.run_module("briefing", run_name="__main__", alter_sys=True)
finally:
    target = os.environ.get("HOSTILE_RSS_FILE")
    if target:
        with open(target, "w") as handle:
            with open("/proc/self/status") as status:
                peak = [line.split()[1] for line in status if line.startswith("VmHWM:")]
            handle.write(peak[0])
"""


@dataclass
class Run:
    """What a `briefing` run gave."""

    code: int
    stdout: bytes
    stderr: bytes
    seconds: float
    peak_kib: int | None = None

    @property
    def out(self) -> str:
        return self.stdout.decode("utf-8", "replace")

    @property
    def err(self) -> str:
        return self.stderr.decode("utf-8", "replace")


def clean_env(tmp: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of a run: no proxies, config and data folders inside ``tmp``."""
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env.update(no_proxy="*", XDG_CONFIG_HOME=str(tmp / "xdg-config"),
               XDG_DATA_HOME=str(tmp / "xdg-data"), PYTHONPATH=str(ROOT),
               PYTHONDONTWRITEBYTECODE="1")
    env.pop("COLUMNS", None)
    env.update(extra or {})
    return env


def run_briefing(
    *args: str | bytes | os.PathLike,
    cwd: Path,
    timeout: float = GUARD_SECONDS,
    memory: int | None = MEMORY_GUARD,
    env: dict[str, str] | None = None,
    stdin: bytes | None = None,
    measure: bool = False,
) -> Run:
    """`briefing ARGS` in a new process; a hang past ``timeout`` fails the test."""
    extra = dict(env or {})
    if memory:
        extra["HOSTILE_MEMORY_LIMIT"] = str(memory)
    rss_file = cwd / f".rss-{time.monotonic_ns()}"
    if measure:
        extra["HOSTILE_RSS_FILE"] = str(rss_file)
    command = [sys.executable, "-c", _LAUNCH, *[os.fsencode(a) if not isinstance(a, bytes)
                                                 else a for a in args]]
    start = time.monotonic()
    process = subprocess.Popen(command, cwd=cwd, env=clean_env(cwd, extra),
                               stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               start_new_session=True)
    try:
        stdout, stderr = process.communicate(stdin, timeout=timeout)
    except subprocess.TimeoutExpired:
        kill_group(process.pid)
        stdout, stderr = process.communicate()
        pytest.fail(f"briefing {_shown(args)} did not end within {timeout:g} s "
                    f"(stderr: {stderr.decode('utf-8', 'replace')[-300:]!r})")
    peak = None
    if measure and rss_file.exists():
        peak = int(rss_file.read_text() or 0)
        rss_file.unlink()
    return Run(process.returncode, stdout, stderr, time.monotonic() - start, peak)


def kill_group(pid: int) -> None:
    """SIGKILL a process group the test started (its session), ignoring one already gone."""
    import signal

    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _shown(args) -> str:
    return " ".join(os.fsdecode(a) if isinstance(a, bytes) else str(a) for a in args)[:200]


def invoke(*args: str | os.PathLike) -> Run:
    """`briefing ARGS` in this process (click's runner): quick, for runs that cannot hang."""
    from click.testing import CliRunner

    from briefing.cli import main

    start = time.monotonic()
    result = CliRunner().invoke(main, [os.fspath(a) for a in args], catch_exceptions=True)
    error = result.exception
    stderr = result.stderr_bytes or b""
    if error is not None and not isinstance(error, SystemExit):
        import traceback

        # what a user would see: the traceback
        stderr += "".join(traceback.format_exception(error)).encode("utf-8", "replace")
    return Run(result.exit_code, result.stdout_bytes, stderr, time.monotonic() - start)


def assert_clean(run: Run, codes: tuple[int, ...] = (0, 1)) -> None:
    """Exit 0 or 1, no traceback; every stderr line is the program's own; a failure is one line."""
    text = run.err
    assert "Traceback" not in text, text[-2000:]
    assert run.code in codes, f"exit {run.code}, stderr: {text[-1000:]}"
    lines = [line for line in text.splitlines() if line.strip()]
    strays = [line for line in lines if not line.startswith("briefing: ")]
    assert not strays, f"lines on stderr that are not the program's: {strays[:5]}"
    if run.code == 1:
        assert len(lines) == 1, f"a failure must be one line, got: {lines}"


def assert_one_line_failure(run: Run) -> str:
    """Exit 1 with one line on stderr, no traceback; the line."""
    assert_clean(run, (1,))
    return run.err.strip()


def forbidden_in(data: bytes | str) -> list[str]:
    """The control and bidi characters in an output (as escapes, for a readable message)."""
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    return sorted({repr(m.group()) for m in FORBIDDEN.finditer(text)})


def build_json(run: Run) -> dict:
    assert run.code == 0, run.err
    return json.loads(run.stdout)


def accounted(briefing: dict) -> list[str]:
    """Every path the JSON briefing names: its articles and its skipped files."""
    paths = [a["path"] for t in briefing["topics"] for a in t["articles"]]
    return paths + [s["path"] for s in briefing["skipped"]]


def copy_tree(source: Path, target: Path) -> Path:
    import shutil

    shutil.copytree(source, target, symlinks=True)
    return target


@pytest.fixture
def stories(tmp_path: Path) -> Path:
    """A writable copy of the two fixture stories (four articles)."""
    return copy_tree(STORIES, tmp_path / "stories")


@pytest.fixture
def digest_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """Inbox with the first day's three articles, output folder, state file."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    for name in [k for k in os.environ if "proxy" in k.lower()]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("no_proxy", "*")
    inbox = copy_tree(DIGEST_DATA / "day1", tmp_path / "inbox")
    return {"inbox": inbox, "out": tmp_path / "out", "state": tmp_path / "state.sqlite3",
            "home": tmp_path}


def digest_args(dirs: dict[str, Path], day: str = DAY, *extra: str) -> list[str]:
    return ["digest", "--inbox", str(dirs["inbox"]), "--out", str(dirs["out"]),
            "--state", str(dirs["state"]), "--date", day, *extra]


# -- a local HTTP server that misbehaves on purpose --------------------------------------------

Responder = Callable[[socket.socket, threading.Event], None]


class HostileServer:
    """A TCP server on 127.0.0.1 that answers each path with raw bytes or a responder.

    Bounded: at most ``max_connections`` connections, each handled in a daemon thread, and
    everything stops at ``close()`` or after ``lifetime`` seconds, whichever comes first.
    """

    def __init__(self, lifetime: float = 90.0, max_connections: int = 200) -> None:
        self.routes: dict[str, bytes | Responder] = {}
        self.hits: list[str] = []
        self.connections = 0
        self.stop = threading.Event()
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.1)
        self.port = self.sock.getsockname()[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self._deadline = time.monotonic() + lifetime
        self._max = max_connections
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def url(self, path: str) -> str:
        return self.base + path

    def _serve(self) -> None:
        while not self.stop.is_set() and time.monotonic() < self._deadline:
            try:
                conn, _ = self.sock.accept()
            except (TimeoutError, OSError):
                continue
            self.connections += 1
            if self.connections > self._max:
                conn.close()
                continue
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()
        self.stop.set()

    def _handle(self, conn: socket.socket) -> None:
        try:
            conn.settimeout(5)
            request = b""
            while b"\r\n\r\n" not in request and len(request) < 65536:
                chunk = conn.recv(4096)
                if not chunk:
                    return
                request += chunk
            path = request.split(b" ", 2)[1].decode("latin-1") if b" " in request else "/"
            self.hits.append(path)
            answer = self.routes.get(path, b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n"
                                           b"Connection: close\r\n\r\n")
            if callable(answer):
                answer(conn, self.stop)
            else:
                conn.sendall(answer)
        except OSError:
            pass
        finally:
            try:
                conn.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            conn.close()

    def close(self) -> None:
        self.stop.set()
        self._thread.join(timeout=5)
        self.sock.close()


@pytest.fixture
def http_server() -> Iterator[Callable[[], HostileServer]]:
    """Make hostile servers (closed after the test)."""
    servers: list[HostileServer] = []

    def make() -> HostileServer:
        server = HostileServer()
        servers.append(server)
        return server

    yield make
    for server in servers:
        server.close()


def ok(body: bytes, kind: str = "text/html; charset=utf-8") -> bytes:
    """A well-formed HTTP/1.1 response."""
    return (f"HTTP/1.1 200 OK\r\nContent-Type: {kind}\r\nContent-Length: {len(body)}\r\n"
            f"Connection: close\r\n\r\n").encode() + body


def redirect(location: str, status: int = 302) -> bytes:
    return (f"HTTP/1.1 {status} Found\r\nLocation: {location}\r\nContent-Length: 0\r\n"
            f"Connection: close\r\n\r\n").encode()


def rss(title: str, items: list[tuple[str, str]]) -> bytes:
    """An RSS feed; titles are inserted as given (escape them yourself)."""
    entries = "".join(
        f"<item><title>{t}</title><link>{link}</link>"
        f"<pubDate>Tue, 04 Jun 2024 06:00:00 +0200</pubDate></item>" for t, link in items
    )
    return (f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
            f"<title>{title}</title><link>http://127.0.0.1/</link>{entries}</channel></rss>"
            ).encode()


def article_page(title: str, paragraphs: list[str]) -> bytes:
    """An article page with some site furniture, as trafilatura expects pages to look."""
    import html

    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in paragraphs)
    return (f"<!DOCTYPE html><html lang='de'><head><meta charset='utf-8'>"
            f"<title>{html.escape(title)}</title></head><body><nav><a href='/'>Start</a></nav>"
            f"<article><h1>{html.escape(title)}</h1>\n{body}</article>"
            f"<footer>Impressum</footer></body></html>").encode()


FOLLOW_UP = [
    ("Nach dem Hochwasser an der Donau können Betroffene in Bayern ab Donnerstag Soforthilfe "
     "beantragen. Das Kabinett in München beschloss am Mittwoch ein Hilfspaket von 100 "
     "Millionen Euro für Privathaushalte und Betriebe."),
    ("Die Anträge nehmen die Landratsämter in Passau und Regensburg entgegen. Pro Haushalt gibt "
     "es bis zu 5000 Euro, für Betriebe bis zu 50.000 Euro, teilte die Staatskanzlei mit."),
    ("Der Pegel der Donau sinkt inzwischen wieder. Die Aufräumarbeiten in der Altstadt von "
     "Passau werden nach Angaben der Stadt noch mehrere Wochen dauern."),
]


def cases(mapping: dict, fast: set[str]) -> list:
    """pytest params from ``{id: value}``; those not in ``fast`` are marked ``slow``
    (`pytest -m 'not slow'` leaves them out)."""
    return [pytest.param(value, id=key, marks=() if key in fast else pytest.mark.slow)
            for key, value in mapping.items()]
