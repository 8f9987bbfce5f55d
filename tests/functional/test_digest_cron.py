"""`briefing digest` the way cron runs it: bare environment, no terminal, overlaps and kills."""

from __future__ import annotations

import fcntl
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from briefing.digest.state import digest_lock, lock_path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "digest"


@pytest.fixture
def paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    inbox = tmp_path / "Eingänge"  # a non-ASCII path must survive a locale-less run
    inbox.mkdir()
    for source in (DATA / "day1").iterdir():
        shutil.copy(source, inbox / source.name)
    return {"inbox": inbox, "out": tmp_path / "Übersicht", "state": tmp_path / "state.sqlite3",
            "home": tmp_path}


def cron_command(paths: dict[str, Path], day: str, *extra: str) -> list[str]:
    return [sys.executable, "-m", "briefing", "digest", "--inbox", str(paths["inbox"]),
            "--out", str(paths["out"]), "--state", str(paths["state"]), "--date", day, *extra]


def cron_env(paths: dict[str, Path]) -> dict[str, str]:
    """What cron gives a job (env -i PATH=/usr/bin:/bin, plus HOME); no LANG, no TERM."""
    return {"PATH": "/usr/bin:/bin", "HOME": str(paths["home"]), "PYTHONPATH": str(ROOT)}


def start(paths: dict[str, Path], day: str, *extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        cron_command(paths, day, *extra), env=cron_env(paths), cwd=paths["home"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        # cron jobs may run with stdin closed (the test runs no threads that fork could upset)
        preexec_fn=lambda: os.close(0),  # noqa: PLW1509
    )


def earlier_run(paths: dict[str, Path], day: str) -> bytes:
    """A finished run before the one under test (in-process: the subprocesses are slow)."""
    from briefing.digest import run_digest

    result = run_digest(inbox=paths["inbox"], out_dir=paths["out"], day=day,
                        state=paths["state"], quiet=True)
    return result.path.read_bytes()


def run(paths: dict[str, Path], day: str, *extra: str) -> tuple[int, str, str]:
    process = start(paths, day, *extra)
    out, err = process.communicate(timeout=120)
    return process.returncode, out.decode("utf-8"), err.decode("utf-8")


@pytest.mark.slow
@pytest.mark.parametrize("quiet", [(), ("-q",)])
def test_runs_under_cron_with_utf8_and_no_terminal_decorations(paths, quiet) -> None:
    code, out, err = run(paths, "2024-06-03", *quiet)
    assert code == 0, err
    assert out == ""
    if quiet:
        assert err == ""
        return
    assert "\x1b" not in err  # no colours, no progress bar
    lines = err.splitlines()
    assert len(lines) == 3
    assert all(line.startswith("briefing: digest 2024-06-03: ") for line in lines)
    written = paths["out"] / "2024-06-03.md"
    assert lines[-1].endswith(f"wrote {written}")  # the umlaut path, in UTF-8
    text = written.read_bytes().decode("utf-8")
    assert "GDL legt den Fernverkehr für zwei Tage lahm" in text  # a title: always listed


def test_a_run_while_another_holds_the_lock_exits_75_and_leaves_the_output_alone(paths) -> None:
    before = earlier_run(paths, "2024-06-03")
    with digest_lock(paths["state"], wait=0):  # "another digest" is working
        code, _, err = run(paths, "2024-06-04", "--wait", "0.5")
    assert code == 75
    assert err == (f"briefing: another digest is running (lock {lock_path(paths['state'])} "
                   "held); nothing done\n")
    assert (paths["out"] / "2024-06-03.md").read_bytes() == before
    assert sorted(p.name for p in paths["out"].iterdir()) == ["2024-06-03.md"]


@pytest.mark.slow
def test_a_second_run_waits_for_the_first_to_finish(paths) -> None:
    fd = os.open(lock_path(paths["state"]), os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        process = start(paths, "2024-06-03", "--wait", "60")
        time.sleep(0.5)
        assert process.poll() is None  # still waiting for the lock
    finally:
        os.close(fd)  # the "first run" ends
    _, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    assert (paths["out"] / "2024-06-03.md").is_file()


@contextmanager
def stalled_feed():
    """A feed server that accepts the request and never answers.

    A run reads its feeds while it holds the lock, after the inbox: once the server has the
    connection, the run is in the middle of its work and cannot finish before the test acts.
    (Waiting for the lock alone raced: a small run could finish between the check and the
    signal on a busy machine.)
    """
    with socket.create_server(("127.0.0.1", 0)) as server:
        server.settimeout(60)
        connections = []

        def wait_for_request() -> None:
            connection, _ = server.accept()
            connections.append(connection)

        try:
            yield f"http://127.0.0.1:{server.getsockname()[1]}/feed.xml", wait_for_request
        finally:
            for connection in connections:
                connection.close()


def stopped_in_the_middle(paths: dict[str, Path], day: str, stop: signal.Signals) -> int:
    """Start a run, send it ``stop`` while it holds the lock mid-work; its exit status."""
    with stalled_feed() as (url, wait_for_request):
        process = start(paths, day, "--feed", url, "--timeout", "120")
        wait_for_request()
        assert process.poll() is None
        assert _held_by_someone_else(lock_path(paths["state"]))
        process.send_signal(stop)
        process.communicate(timeout=60)
    return process.returncode


def _held_by_someone_else(path: Path) -> bool:
    if not path.exists():
        return False
    fd = os.open(path, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return False
    except BlockingIOError:
        return True
    finally:
        os.close(fd)


@pytest.mark.slow
def test_a_run_killed_in_the_middle_leaves_the_old_file_and_the_next_run_recovers(paths) -> None:
    old = earlier_run(paths, "2024-06-03")
    for source in (DATA / "day2").iterdir():  # more articles: a rerun would write another file
        shutil.copy(source, paths["inbox"] / source.name)
    # in the middle: it holds the lock and has read the inbox, it has not finished
    assert stopped_in_the_middle(paths, "2024-06-03", signal.SIGKILL) == -signal.SIGKILL
    assert (paths["out"] / "2024-06-03.md").read_bytes() == old  # the old file, whole
    leftovers = {p.name for p in paths["out"].iterdir()} - {"2024-06-03.md"}
    assert all(n.startswith(".2024-06-03.md.") and n.endswith(".tmp") for n in leftovers)
    # the next run works: new file whole, no temporary files, state not corrupted
    code, _, err = run(paths, "2024-06-03")
    assert code == 0, err
    assert sorted(p.name for p in paths["out"].iterdir()) == ["2024-06-03.md"]
    new = (paths["out"] / "2024-06-03.md").read_text(encoding="utf-8")
    assert "`ezb_zinsen.txt`" in new and new.endswith("\n")


def test_a_terminated_run_cleans_up_after_itself(paths) -> None:
    old = earlier_run(paths, "2024-06-03")
    for source in (DATA / "day2").iterdir():
        shutil.copy(source, paths["inbox"] / source.name)
    assert stopped_in_the_middle(paths, "2024-06-03", signal.SIGTERM) == 128 + signal.SIGTERM
    assert sorted(p.name for p in paths["out"].iterdir()) == ["2024-06-03.md"]  # no temp file
    assert (paths["out"] / "2024-06-03.md").read_bytes() == old
