"""Atomic output: whole file or nothing, modes kept, links written through, one-line errors."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from briefing.errors import OutputError
from briefing.runtime.output import path_inside, safe_file_name, write_atomic


def test_writes_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    write_atomic(target, "eins")
    write_atomic(target, "zwei – Größe")
    assert target.read_text("utf-8") == "zwei – Größe"
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"]  # no temporary file left


def test_keeps_the_mode_of_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "private.md"
    target.write_text("alt", "utf-8")
    target.chmod(0o600)
    write_atomic(target, "neu")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_new_file_gets_the_umask_mode_not_mkstemps(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        write_atomic(tmp_path / "new.md", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.md").stat().st_mode) == 0o640


def test_writes_through_a_symbolic_link(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("alt", "utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    write_atomic(link, "neu")
    assert link.is_symlink() and real.read_text("utf-8") == "neu"


def test_lone_surrogates_do_not_abort(tmp_path: Path) -> None:
    write_atomic(tmp_path / "o.json", '{"path": "bad\udcffname"}')
    assert (tmp_path / "o.json").read_bytes() == b'{"path": "bad\\udcffname"}'


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda d: d / "file" / "out.md", "Not a directory"),  # a path through a file
        (lambda d: d / "missing" / "out.md", "No such file or directory"),
        (lambda d: d, "is a folder"),
    ],
)
def test_unwritable_output_is_one_line(tmp_path: Path, make, reason: str) -> None:
    (tmp_path / "file").write_text("x", "utf-8")
    target = make(tmp_path)
    with pytest.raises(OutputError) as caught:
        write_atomic(target, "x")
    assert str(caught.value) == f"cannot write {target}: {reason}"


def test_failed_write_leaves_old_file_and_no_temporary(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "out.md"
    target.write_text("alt", "utf-8")

    def full(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OutputError, match="No space left on device"):
        write_atomic(target, "neu")
    assert target.read_text("utf-8") == "alt"
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Putins Nordkorea-Besuch: Was bekannt ist", "Putins-Nordkorea-Besuch-Was-bekannt-ist.md"),
        ("../../etc/passwd", "etc-passwd.md"),
        ("..", "briefing.md"),
        ("a\x00b\nc", "a-b-c.md"),
        ("Größe „Öl“", "Größe-Öl.md"),
        ("x" * 200, "x" * 80 + ".md"),
    ],
)
def test_safe_file_name(text: str, name: str) -> None:
    assert safe_file_name(text, ".md") == name


@pytest.mark.parametrize("name", ["../x.md", "/etc/x.md", "a/b.md", "..", ".", "", "a\x00b"])
def test_path_inside_refuses_other_folders(tmp_path: Path, name: str) -> None:
    with pytest.raises(OutputError, match="refusing to write outside"):
        path_inside(tmp_path, name)


def test_path_inside(tmp_path: Path) -> None:
    assert path_inside(tmp_path, "2024-06-19.md") == tmp_path / "2024-06-19.md"
