"""Faults around the digest: kill -9 with workers alive, corrupt or unwritable state."""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import (
    DAY,
    DIGEST_DATA,
    NEXT_DAY,
    assert_clean,
    clean_env,
    digest_args,
    invoke,
    kill_group,
    run_briefing,
)
from texts import short_article

WORKER_FILES = 210  # the digest reads on several processes from 200 files on


def _many_articles(inbox: Path, count: int = WORKER_FILES) -> None:
    inbox.mkdir(exist_ok=True)
    for number in range(count):
        (inbox / f"meldung_{number:03d}.txt").write_text(short_article(number), encoding="utf-8")


def _session(pgid: int) -> list[int]:
    """Live processes of a process group (the killed run's workers keep its group)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[2]) == pgid and fields[0] != "Z":  # (state, ppid, pgrp, ...)
            found.append(int(entry.name))
    return found


def _start(dirs: dict[str, Path], day: str = DAY, *extra: str) -> subprocess.Popen:
    command = [sys.executable, "-m", "briefing", *digest_args(dirs, day, "-j", "2", "-q",
                                                             *extra)]
    return subprocess.Popen(command, cwd=dirs["home"], env=clean_env(dirs["home"]),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)


def _children(pid: int) -> list[int]:
    found: list[int] = []
    with contextlib.suppress(OSError):
        for task in Path(f"/proc/{pid}/task").iterdir():
            found += [int(c) for c in (task / "children").read_text().split()]
    return found


def _gone_within(pgid: int, seconds: float) -> list[int]:
    """The group's processes still alive after waiting up to ``seconds`` for them to end."""
    deadline = time.monotonic() + seconds
    while (alive := _session(pgid)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return alive


@pytest.fixture
def crowded(tmp_path: Path) -> dict[str, Path]:
    dirs = {"inbox": tmp_path / "inbox", "out": tmp_path / "out",
            "state": tmp_path / "state.sqlite3", "home": tmp_path}
    _many_articles(dirs["inbox"])
    return dirs


@pytest.mark.slow
def test_kill9_with_workers_alive_leaves_no_lock_and_no_workers(crowded):
    process = _start(crowded)
    try:
        assert _wait_for_workers(process), "the run ended before its workers were seen"
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        survivors = _gone_within(process.pid, 10)
        # the next cron run must get the lock (75 would mean: another digest is running)
        after = run_briefing(*digest_args(crowded, DAY, "--wait", "2", "-q"),
                             cwd=crowded["home"])
        assert not survivors, f"workers outlived their killed parent: {survivors}"
        assert_clean(after, (0,))
    finally:
        kill_group(process.pid)


def _wait_for_workers(process: subprocess.Popen, seconds: float = 60) -> bool:
    """True once the run has forked its workers; False if it ended first."""
    deadline = time.monotonic() + seconds
    while not _children(process.pid):
        if process.poll() is not None or time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


@pytest.mark.slow
def test_kill9_at_random_points_leaves_state_consistent(crowded):
    """Kill the run at seeded random moments while its workers are alive (and once anywhere);
    each next run completes, and in the end the state holds every article."""
    rng = random.Random(19)
    for attempt in range(4):
        process = _start(crowded)
        try:
            if attempt < 3:
                _wait_for_workers(process)
                time.sleep(rng.uniform(0, 0.5))
            else:
                time.sleep(rng.uniform(0.2, 3.0))
            if process.poll() is None:
                os.kill(process.pid, signal.SIGKILL)
            process.wait()
            assert not _gone_within(process.pid, 10), f"workers outlived kill {attempt}"
        finally:
            kill_group(process.pid)
        again = run_briefing(*digest_args(crowded, DAY, "--wait", "2", "-q", "-j", "2"),
                             cwd=crowded["home"])
        assert_clean(again, (0,))
        assert (crowded["out"] / f"{DAY}.md").is_file()
        assert not list(crowded["out"].glob(".*.tmp"))
    # the state holds every article: the next day finds none of them new
    later = run_briefing(*digest_args(crowded, NEXT_DAY), cwd=crowded["home"])
    assert_clean(later, (0,))
    assert f"0 new, {WORKER_FILES} in earlier digests" in later.err


# -- corrupt and unwritable state (defect 12) --------------------------------------------------


def _first_day(dirs: dict[str, Path]) -> None:
    run = invoke(*digest_args(dirs, DAY, "-q"))
    assert run.code == 0, run.err
    for source in (DIGEST_DATA / "day2").iterdir():
        shutil.copy(source, dirs["inbox"])


def _sql(state: Path, *statements: str) -> None:
    with contextlib.closing(sqlite3.connect(state)) as db, db:
        for statement in statements:
            db.execute(statement)


def _zero_length(state: Path) -> None:
    state.write_bytes(b"")


def _garbage(state: Path) -> None:
    state.write_bytes(random.Random(1).randbytes(16384))


def _malformed_pages(state: Path) -> None:
    data = bytearray(state.read_bytes())
    noise = random.Random(2).randbytes(len(data) - 8192)
    data[8192:] = noise  # page 1 (the schema) stays, the tables' pages are noise
    state.write_bytes(bytes(data))


def _truncated(state: Path) -> None:
    data = state.read_bytes()
    state.write_bytes(data[: len(data) // 2])


CORRUPTIONS = {
    "zero length": _zero_length,
    "garbage": _garbage,
    "malformed pages": _malformed_pages,
    "truncated": _truncated,
    "bad json in a row": lambda s: _sql(s, "UPDATE articles SET terms = '{not json'"),
    "json of the wrong shape": lambda s: _sql(s, "UPDATE articles SET terms = '[1, 2]'"),
    "table of other columns": lambda s: _sql(s, "DROP TABLE articles",
                                             "CREATE TABLE articles (x)"),
    "unknown schema version": lambda s: _sql(s, "PRAGMA user_version = 99"),
}


@pytest.mark.parametrize("corrupt", CORRUPTIONS.values(), ids=CORRUPTIONS.keys())
def test_corrupt_state_is_one_line_or_recovered(digest_dirs, corrupt):
    """One line and exit 1 before the day's file is written, or a full recovery."""
    _first_day(digest_dirs)
    corrupt(digest_dirs["state"])
    run = invoke(*digest_args(digest_dirs, NEXT_DAY, "-q"))
    assert_clean(run)
    day_file = digest_dirs["out"] / f"{NEXT_DAY}.md"
    if run.code == 1:
        assert "state" in run.err
        assert not day_file.exists(), "the day's file was written, the state not"
    else:
        assert day_file.exists()
        _assert_recorded(digest_dirs, NEXT_DAY)


def _assert_recorded(dirs: dict[str, Path], day: str) -> None:
    """The state knows ``day``: a run for the day after finds nothing of it new."""
    later = _day_after(day)
    run = invoke(*digest_args(dirs, later))
    assert run.code == 0, run.err
    assert f"{later}: read" in run.err and " 0 new," in run.err, run.err


def _day_after(day: str) -> str:
    import datetime as dt

    return (dt.date.fromisoformat(day) + dt.timedelta(days=1)).isoformat()


def test_zero_length_state_is_not_a_new_database(digest_dirs):
    _first_day(digest_dirs)
    digest_dirs["state"].write_bytes(b"")
    run = invoke(*digest_args(digest_dirs, NEXT_DAY, "-q"))
    assert run.code == 1 and "empty" in run.err, run.err
    assert not (digest_dirs["out"] / f"{NEXT_DAY}.md").exists()


@contextlib.contextmanager
def _read_only(path: Path):
    """``path`` made unwritable, also for root (immutable flag), and writable again after."""
    if os.geteuid() == 0:
        if shutil.which("chattr") is None or subprocess.run(
                ["chattr", "+i", str(path)], capture_output=True, check=False).returncode != 0:
            pytest.skip("cannot make a file read-only for root here (chattr +i)")
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(path)], capture_output=True, check=False)
    else:
        mode = path.stat().st_mode
        path.chmod(0o555 if path.is_dir() else 0o444)
        try:
            yield
        finally:
            path.chmod(mode)


@pytest.mark.parametrize("what", ["file", "folder"])
def test_read_only_state_is_one_line_before_the_day_is_written(digest_dirs, what):
    state = digest_dirs["home"] / "state" / "digest.sqlite3"
    state.parent.mkdir()
    digest_dirs["state"] = state
    _first_day(digest_dirs)
    with _read_only(state if what == "file" else state.parent):
        run = invoke(*digest_args(digest_dirs, NEXT_DAY, "-q"))
    assert_clean(run, (1,))
    assert not (digest_dirs["out"] / f"{NEXT_DAY}.md").exists()


def test_full_disk_for_the_state_is_one_line_and_loses_nothing(digest_dirs):
    _first_day(digest_dirs)
    size = digest_dirs["state"].stat().st_size
    # the state file cannot grow: a full disk as far as its writes are concerned
    run = run_briefing(*digest_args(digest_dirs, NEXT_DAY, "-q"), cwd=digest_dirs["home"],
                       env={"HOSTILE_FILE_LIMIT": str(size)})
    assert_clean(run, (1,))
    assert not (digest_dirs["out"] / f"{NEXT_DAY}.md").exists()
    # with room again, the day's two new articles are there: nothing was lost
    again = invoke(*digest_args(digest_dirs, NEXT_DAY))
    assert again.code == 0, again.err
    assert "2 new" in again.err
