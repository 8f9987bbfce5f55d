"""The digest's SQLite state and its lock."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefing.digest.state import DayRecord, KnownArticle, digest_lock, lock_path, open_state
from briefing.errors import BriefingError, DigestLockedError


def _record(day: str, *names: str) -> DayRecord:
    record = DayRecord(day=day, path=f"/out/{day}.md")
    for name in names:
        article = KnownArticle(f"key-{name}", f"raw-{name}", day, f"/in/{name}.txt", name.title(),
                               "Topic", {"term": 1.0})
        record.articles.append((article, None))
        record.sentence_keys.add(f"sentence of {name}")
    record.reported.append(("Topic", f"Reported {names[0] if names else ''}.", "reported"))
    return record


def test_articles_of_other_days_are_known_by_text_and_by_bytes(tmp_path: Path) -> None:
    with open_state(tmp_path / "s.db") as state:
        state.record_day(_record("2024-06-03", "a", "b"))
        known = state.known_elsewhere("2024-06-04")
        assert {"key-a", "raw-a", "key-b", "raw-b"} <= known.keys()
        assert known["raw-a"].day == "2024-06-03"
        # the same day's own articles are not "elsewhere": a rerun rebuilds from them
        assert state.known_elsewhere("2024-06-03") == {}


def test_recording_a_day_again_replaces_it(tmp_path: Path) -> None:
    with open_state(tmp_path / "s.db") as state:
        state.record_day(_record("2024-06-03", "a", "b"))
        state.record_day(_record("2024-06-03", "a"))
        assert [a.content_key for a in state.articles_of("2024-06-03")] == ["key-a"]
        assert state.earlier_sentence_keys("2024-06-04") == {"sentence of a"}
        assert state.days() == ["2024-06-03"]


def test_earlier_means_before_the_day_and_within_the_window(tmp_path: Path) -> None:
    with open_state(tmp_path / "s.db") as state:
        state.record_day(_record("2024-04-01", "old"))
        state.record_day(_record("2024-06-03", "a"))
        state.record_day(_record("2024-06-05", "later"))
        assert state.earlier_sentence_keys("2024-06-04", since="2024-05-01") == {"sentence of a"}
        assert [a.title for a in state.earlier_articles("2024-06-04")] == ["Old", "A"]
        assert [a.title for a in state.earlier_articles("2024-06-04", "2024-05-01")] == ["A"]
        assert state.last_digest_before("2024-06-05") == "2024-06-03"
        assert [r[2] for r in state.reported_before("2024-06-04")] == ["Reported old.",
                                                                        "Reported a."]


def test_old_sentences_are_forgotten_but_old_articles_are_not(tmp_path: Path) -> None:
    with open_state(tmp_path / "s.db") as state:
        state.record_day(_record("2024-01-01", "old"))
        state.record_day(_record("2024-06-03", "a"), forget_sentences_before="2024-04-01")
        assert state.earlier_sentence_keys("2024-06-04") == {"sentence of a"}
        assert "key-old" in state.known_elsewhere("2024-06-04")


def test_state_survives_reopening(tmp_path: Path) -> None:
    with open_state(tmp_path / "deep" / "er" / "s.db") as state:
        state.record_day(_record("2024-06-03", "a"))
    with open_state(tmp_path / "deep" / "er" / "s.db") as state:
        assert state.days() == ["2024-06-03"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"this is not a database at all" * 100, "file is not a database"),  # junk
        (None, "unknown schema version 99"),  # a newer program's state
    ],
)
def test_unusable_state_is_a_one_line_error(tmp_path: Path, content, message) -> None:
    path = tmp_path / "s.db"
    if content is None:
        with sqlite3.connect(path) as db:
            db.execute("PRAGMA user_version = 99")
    else:
        path.write_bytes(content)
    with pytest.raises(BriefingError, match=message) as raised:
        open_state(path).__enter__()
    assert "\n" not in str(raised.value)


def test_lock_is_exclusive_and_says_so_with_75(tmp_path: Path) -> None:
    state = tmp_path / "s.db"
    with digest_lock(state, wait=0) as held:
        assert held == lock_path(state) == tmp_path / "s.db.lock"
        started = time.monotonic()
        with (
            pytest.raises(DigestLockedError, match="another digest is running") as raised,
            digest_lock(state, wait=0.3),
        ):
            pass
        assert time.monotonic() - started >= 0.3  # it waited before giving up
        assert raised.value.exit_code == 75
    with digest_lock(state, wait=0):  # released on leaving
        pass


def test_a_killed_holder_leaves_no_stale_lock(tmp_path: Path) -> None:
    state = tmp_path / "s.db"
    holder = subprocess.Popen(
        [sys.executable, "-c", (
            "import sys, time\nfrom briefing.digest.state import digest_lock\n"
            f"with digest_lock({str(state)!r}, wait=0):\n"
            "    print('locked', flush=True)\n    time.sleep(60)\n"
        )],
        stdout=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parents[2],
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(DigestLockedError), digest_lock(state, wait=0):
            pass
    finally:
        holder.kill()
        holder.wait()
    with digest_lock(state, wait=2):
        pass
