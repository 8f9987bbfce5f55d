"""The daily digest costs what is new (issue 20): files the state knows are not read again,
yet nothing new is missed and the digest is the one a full re-read would write."""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from test_digest import arrive, private_dirs  # noqa: F401 (an autouse fixture)

DATA = Path(__file__).resolve().parent.parent / "data" / "digest"
DAY1, DAY2 = "2024-06-03", "2024-06-04"


@pytest.fixture
def paths(tmp_path: Path) -> dict[str, Path]:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    return {"inbox": inbox, "out": tmp_path / "out", "state": tmp_path / "state.sqlite3",
            "tmp": tmp_path}


def digest(cli, paths: dict[str, Path], day: str, *extra: str, state: Path | None = None,
           out: Path | None = None):
    return cli("digest", "--inbox", str(paths["inbox"]), "--out", str(out or paths["out"]),
               "--state", str(state or paths["state"]), "--date", day, "--jobs", "1", *extra)


# Files this process opens, while a test listens (audit hooks cannot be removed again).
_opened: list[str] | None = None


def _audit(event: str, args: tuple) -> None:
    if _opened is not None and event == "open" and isinstance(args[0], str | bytes):
        _opened.append(os.fsdecode(args[0]))


sys.addaudithook(_audit)


@contextmanager
def files_opened() -> Iterator[list[str]]:
    global _opened
    _opened = []
    try:
        yield _opened
    finally:
        _opened = None


def test_files_the_state_knows_are_not_read_again(cli, paths) -> None:
    arrive(paths["inbox"], "day1")
    assert digest(cli, paths, DAY1).exit_code == 0
    arrive(paths["inbox"], "day2")
    with files_opened() as opened:
        result = digest(cli, paths, DAY2)
    assert result.exit_code == 0, result.output
    read = sorted({Path(p).name for p in opened if Path(p).parent == paths["inbox"]})
    assert read == ["ezb_zinsen.txt", "hochwasser_bayern_entwarnung.txt"]
    assert "read 5 files, 2 new, 3 in earlier digests" in result.stderr


def test_a_file_replaced_in_place_counts_as_new(cli, paths) -> None:
    arrive(paths["inbox"], "day1")
    assert digest(cli, paths, DAY1).exit_code == 0
    old = paths["inbox"] / "hochwasser_bayern_regensburg.txt"
    stat = old.stat()
    # other news under the old name, with the old size and modification time (rsync -t,
    # cp -p): padded with blank lines, which cleaning drops
    news = (DATA / "day2" / "ezb_zinsen.txt").read_bytes()
    assert len(news) < stat.st_size
    old.write_bytes(news + b"\n" * (stat.st_size - len(news)))
    os.utime(old, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert old.stat().st_size == stat.st_size and old.stat().st_mtime_ns == stat.st_mtime_ns
    result = digest(cli, paths, DAY2)
    assert result.exit_code == 0, result.output
    text = (paths["out"] / f"{DAY2}.md").read_text(encoding="utf-8")
    assert "Die Europäische Zentralbank hat den Leitzins" in text
    assert "1 new" in result.stderr


def test_a_file_that_went_and_came_back_is_not_new(cli, paths) -> None:
    arrive(paths["inbox"], "day1")
    assert digest(cli, paths, DAY1).exit_code == 0
    moved = paths["tmp"] / "bahnstreik_gdl.txt"
    shutil.move(paths["inbox"] / "bahnstreik_gdl.txt", moved)
    assert digest(cli, paths, DAY2).exit_code == 0
    shutil.copy(moved, paths["inbox"] / "bahnstreik_neu.txt")  # back, under another name
    result = digest(cli, paths, "2024-06-05")
    assert result.exit_code == 0
    assert "Keine neuen Artikel" in (paths["out"] / "2024-06-05.md").read_text("utf-8")


def test_day_two_is_the_same_bytes_as_a_full_reread(cli, paths) -> None:
    arrive(paths["inbox"], "day1")
    (paths["inbox"] / "scan.txt").write_bytes(b"\x00\x01binary\x00")
    shutil.copy(DATA / "day1" / "bahnstreik_gdl.txt", paths["inbox"] / "bahnstreik_kopie.txt")
    assert digest(cli, paths, DAY1).exit_code == 0
    reference_state = paths["tmp"] / "state-copy.sqlite3"
    shutil.copyfile(paths["state"], reference_state)
    arrive(paths["inbox"], "day2")
    shutil.copy(DATA / "follow_up" / "soforthilfe_antraege.txt", paths["inbox"])
    quick = digest(cli, paths, DAY2)
    assert quick.exit_code == 0, quick.output
    full = digest(cli, paths, DAY2, "--reread", state=reference_state,
                  out=paths["tmp"] / "out-reread")
    assert full.exit_code == 0, full.output
    assert (paths["out"] / f"{DAY2}.md").read_bytes() == (
        paths["tmp"] / "out-reread" / f"{DAY2}.md").read_bytes()
    assert quick.stderr.splitlines()[0] == full.stderr.splitlines()[0]


def test_a_state_of_schema_1_is_migrated_not_dropped(cli, paths) -> None:
    script = (DATA / "state_v1.sql").read_text(encoding="utf-8")
    with sqlite3.connect(paths["state"]) as db:
        db.executescript(script)
    arrive(paths["inbox"], "day1")  # day 1's files are known to the old state
    arrive(paths["inbox"], "day2")
    result = digest(cli, paths, DAY2)
    assert result.exit_code == 0, result.output
    assert "read 5 files, 2 new, 3 in earlier digests" in result.stderr
    assert "(Fortsetzung)" in (paths["out"] / f"{DAY2}.md").read_text(encoding="utf-8")
    with sqlite3.connect(paths["state"]) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] > 1
        assert dict(db.execute("SELECT day, articles FROM digests")) == {DAY1: 3, DAY2: 2}


def test_the_state_forgets_what_lies_beyond_its_horizon(cli, paths) -> None:
    arrive(paths["inbox"], "day1")
    assert digest(cli, paths, "2024-01-10").exit_code == 0
    arrive(paths["inbox"], "day2")
    result = digest(cli, paths, "2025-01-10")  # a year later, the old files still there
    assert result.exit_code == 0, result.output
    assert "2 new, 3 in earlier digests" in result.stderr  # still old news
    with sqlite3.connect(paths["state"]) as db:
        for table in ("articles", "seen_sentences", "reported"):
            old = db.execute(f"SELECT count(*) FROM {table} WHERE day < '2024-06-01'")
            assert old.fetchone()[0] == 0, table
    # the next day the old files are still old news, though their articles are forgotten
    result = digest(cli, paths, "2025-01-11")
    assert "read 5 files, 0 new, 5 in earlier digests" in result.stderr


def test_what_a_full_reread_finds_the_kept_state_finds_too(cli, paths) -> None:
    """Renamed and re-saved copies, a shortened copy, an English file, a file changed in
    place and one gone: day 3 from the kept state and from a full re-read agree."""
    arrive(paths["inbox"], "day1")
    english = DATA.parent / "language" / "english_article.txt"
    shutil.copy(english, paths["inbox"] / "english.txt")
    assert digest(cli, paths, DAY1).exit_code == 0
    arrive(paths["inbox"], "day2")
    passau = (paths["inbox"] / "hochwasser_bayern_passau.txt").read_text(encoding="utf-8")
    head, body = passau.split("---\n", 2)[1:]
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    # the same article with its last paragraph cut: a duplicate of the old one, not news
    (paths["inbox"] / "passau_kurz.txt").write_text(
        f"---\n{head}---\n" + "\n\n".join(paragraphs[:-1]) + "\n", encoding="utf-8")
    shutil.copy(paths["inbox"] / "bahnstreik_gdl.txt", paths["inbox"] / "a_kopie.txt")
    assert digest(cli, paths, DAY2).exit_code == 0
    (paths["inbox"] / "ezb_zinsen.txt").write_text(
        (DATA / "follow_up" / "soforthilfe_antraege.txt").read_text(encoding="utf-8"),
        encoding="utf-8")  # changed in place
    (paths["inbox"] / "hochwasser_bayern_regensburg.txt").unlink()
    shutil.copy(english, paths["inbox"] / "english_kopie.txt")
    reference = paths["tmp"] / "state-copy.sqlite3"
    shutil.copyfile(paths["state"], reference)
    quick = digest(cli, paths, "2024-06-05")
    full = digest(cli, paths, "2024-06-05", "--reread", state=reference,
                  out=paths["tmp"] / "out-reread")
    assert quick.exit_code == 0 and full.exit_code == 0, full.output
    assert (paths["out"] / "2024-06-05.md").read_bytes() == (
        paths["tmp"] / "out-reread" / "2024-06-05.md").read_bytes()
    assert quick.stderr.splitlines()[0] == full.stderr.splitlines()[0]
    assert "1 new" in quick.stderr  # the changed file, nothing else
