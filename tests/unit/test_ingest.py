"""Finding, reading and decoding input files: binary formats, encodings, folders, reasons."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefing.ingest import (
    DuplicateIndex,
    RawDocument,
    binary_kind,
    decode_text,
    discover,
    display_name,
    parse_size,
    read_document,
)
from briefing.models import Article, Block, Skipped

GERMAN = "„Größe“ – Müller sagt: Äpfel, Öl und Übermut kosten 5 €…\n"
WESTERN = "Café Crème à la Señor Niño, Hélène und François – „genau“.\n"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (GERMAN.encode("utf-8"), GERMAN),  # plain UTF-8
        (b"\xef\xbb\xbf" + GERMAN.encode("utf-8"), GERMAN),  # UTF-8 with BOM, BOM dropped
        (b"\xff\xfe" + GERMAN.encode("utf-16-le"), GERMAN),  # UTF-16 LE with BOM
        (b"\xfe\xff" + GERMAN.encode("utf-16-be"), GERMAN),  # UTF-16 BE with BOM
        (b"\xff\xfe\x00\x00" + GERMAN.encode("utf-32-le"), GERMAN),  # UTF-32 LE with BOM
        (GERMAN.encode("cp1252"), GERMAN),  # cp1252: „ is 0x84, “ is 0x93, € is 0x80
        (GERMAN.replace("„", '"').replace("“", '"').replace("–", "-").replace("€", "EUR")
         .replace("…", "...").encode("latin-1"),
         GERMAN.replace("„", '"').replace("“", '"').replace("–", "-").replace("€", "EUR")
         .replace("…", "...")),  # latin-1
        (WESTERN.encode("cp1252"), WESTERN),  # cp1252, not cp1250 (which gives "č", "ŕ", "ń")
        ((GERMAN * 3).encode("utf-8").decode("cp1252").encode("utf-8"), GERMAN * 3),  # mojibake
        ((GERMAN * 5).encode("mac_roman"), GERMAN * 5),  # Mac Roman: not cp1252, detected
    ],
)
def test_decode_text(data: bytes, expected: str) -> None:
    decoded = decode_text(data)
    assert isinstance(decoded, tuple), decoded
    assert decoded[0] == expected


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\xef\xbb\xbfGr\xfc\xdfe", "cannot decode text (invalid UTF-8 after byte-order mark)"),
        (b"\xff\xfe\x00\xd8", "cannot decode text (invalid UTF-16-LE after byte-order mark)"),
        (b"\xff\xfe" + "\x01\x02\x03 Text".encode("utf-16-le"), "cannot decode text (not text)"),
    ],
)
def test_undecodable_text_has_a_reason(data: bytes, reason: str) -> None:
    assert decode_text(data) == reason


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"%PDF-1.7\n", "PDF document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG image"),
        (b"\xff\xd8\xff\xe1", "JPEG image"),
        (b"GIF89a\x01\x00", "GIF image"),
        (b"PK\x03\x04\x14\x00", "ZIP archive"),  # also .docx, .epub, .odt
        (b"\x1f\x8b\x08\x00", "gzip archive"),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "WebP image"),
        (b"\x00\x00\x00\x18ftypmp42", "MP4 media file"),
        (b"\x7fELF\x02\x01", "executable"),
        (b"text\x00with a NUL", ""),  # unnamed binary
        (bytes(range(1, 32)) * 4, ""),  # mostly control bytes
        (b"Ein ganz normaler Text.\n", None),
        (b"\xff\xfeE\x00i\x00n\x00", None),  # UTF-16 with BOM has NULs and is text
        (b"", None),
    ],
)
def test_binary_kind(head: bytes, kind: str | None) -> None:
    assert binary_kind(head) == kind


def _write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.md", b" \n\t\r\n", "empty file"),
        ("bom_only.txt", b"\xef\xbb\xbf", "empty file"),
        ("photo.jpg", b"\xff\xd8\xff\xe0" + bytes(64), "binary file (JPEG image)"),
        ("report.pdf.txt", b"%PDF-1.4\n%\xe2\xe3", "binary file (PDF document)"),
        ("data.txt", b"abc\x00def", "binary file"),
        ("notes.csv", b"a;b\n1;2\n", "unsupported file type '.csv'"),
        ("README", b"Nur Text.", "unsupported file type (no file name extension)"),
        ("big.txt", b"Wort " * 300, "file too large (1.5 KB, limit 1.0 KB)"),
    ],
)
def test_read_document_reasons(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    result = read_document(_write(tmp_path, name, data), max_bytes=1024)
    assert result == Skipped(tmp_path / name, reason)


def _laughs(levels: int = 9) -> str:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels):
        name, previous = chr(ord("a") + level), chr(ord("a") + level - 1)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    return "---\n" + "\n".join(lines) + "\ntitle: Test\n---\nDer Rat tagte am Montag.\n"


def test_front_matter_bomb_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "laughs.txt", _laughs())
    assert read_document(path) == Skipped(
        path, "front matter with YAML aliases (refused: could expand without end)"
    )


def test_front_matter_with_ampersand_and_asterisk_is_fine(tmp_path: Path) -> None:
    text = '---\ntitle: "Müller & Söhne: *Update* zur Lage"\noutlet: A&B *\n---\nText.\n'
    doc = read_document(_write(tmp_path, "ok.txt", text))
    assert isinstance(doc, RawDocument) and doc.text == text


def test_read_document_text_and_html(tmp_path: Path) -> None:
    text = read_document(_write(tmp_path, "a.TXT", GERMAN.encode("cp1252")))
    page = read_document(_write(tmp_path, "b.htm", "<p>Grüße</p>"))
    assert isinstance(text, RawDocument) and isinstance(page, RawDocument)
    assert (text.text, text.kind, text.encoding) == (GERMAN, "text", "cp1252")
    assert (page.text, page.kind) == ("<p>Grüße</p>", "html")


def test_control_characters_never_reach_the_text(tmp_path: Path) -> None:
    doc = read_document(_write(tmp_path, "a.txt", "Text\x1b[2J mit\u202e Steuerzeichen.\n"))
    assert isinstance(doc, RawDocument)
    assert doc.text == "Text[2J mit Steuerzeichen.\n"


def test_permission_denied_is_a_reason(tmp_path: Path, monkeypatch) -> None:
    path = _write(tmp_path, "locked.txt", "Geheim.")

    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)
    assert read_document(path) == Skipped(path, "unreadable file (Permission denied)")


def test_discover_recursive_sorted_hidden_skipped(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", "sub/c.md", "sub/deeper/d.txt", ".hidden.txt",
                 ".git/e.txt", "sub/.cache/f.txt"):
        _write(tmp_path, name, "x")
    files, problems = discover([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in files] == [
        "a.txt", "b.txt", "sub/c.md", "sub/deeper/d.txt"
    ]
    assert problems == []


def test_discover_named_hidden_file_is_read(tmp_path: Path) -> None:
    hidden = _write(tmp_path, ".named.txt", "x")
    assert discover([hidden]) == ([hidden], [])


def test_discover_follows_a_symlink_loop_once(tmp_path: Path) -> None:
    _write(tmp_path, "root/a.txt", "x")
    _write(tmp_path, "root/sub/b.txt", "x")
    (tmp_path / "root" / "sub" / "back").symlink_to(tmp_path / "root", target_is_directory=True)
    (tmp_path / "root" / "self").symlink_to(tmp_path / "root", target_is_directory=True)
    files, problems = discover([tmp_path / "root"])
    assert [p.name for p in files] == ["a.txt", "b.txt"]
    assert problems == []


def test_discover_same_file_twice_and_missing(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.txt", "x")
    files, problems = discover([tmp_path, path, tmp_path / "nope"])
    assert files == [path]
    assert problems == [Skipped(tmp_path / "nope", "no such file or directory")]


def test_discover_reports_unlistable_folder(tmp_path: Path, monkeypatch) -> None:
    _write(tmp_path, "ok/a.txt", "x")
    _write(tmp_path, "closed/b.txt", "x")
    real_scandir = os.scandir

    def scandir(path):
        if str(path).endswith("closed"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    files, problems = discover([tmp_path])
    assert [p.name for p in files] == ["a.txt"]
    assert problems == [Skipped(tmp_path / "closed", "unreadable folder (Permission denied)")]


@pytest.mark.parametrize(
    ("text", "size"),
    [("5MB", 5 * 1024 * 1024), ("500kb", 500 * 1024), ("1.5 MiB", 1572864), ("2048", 2048),
     ("1g", 1024**3), ("10 bytes", 10)],
)
def test_parse_size(text: str, size: int) -> None:
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "lots", "-5MB", "0", "5 TB"])
def test_parse_size_refuses(text: str) -> None:
    with pytest.raises(ValueError):
        parse_size(text)


def _article(name: str, paragraphs: list[str], content_hash: str = "") -> Article:
    return Article(Path(f"/in/{name}"), name, [Block("paragraph", p) for p in paragraphs],
                   content_hash=content_hash)


P1 = "Der Stadtrat hat am Dienstag den Neubau der Brücke über die Donau beschlossen."
P2 = "Die Kosten liegen nach Angaben der Verwaltung bei rund zwölf Millionen Euro insgesamt."
P3 = "Kritiker halten den Bau für zu teuer und fordern eine neue Prüfung der Pläne."


@pytest.mark.parametrize(
    ("earlier", "later", "duplicate"),
    [
        ([P1, P2, P3], [P1, P2, P3], True),  # same text
        ([P1, P2, P3], [P1, "  " + P2.upper(), P3], True),  # case and spacing differ
        ([P1, P2, P3], [P1, P3], True),  # fewer paragraphs, all known (furniture cut differently)
        ([P1, P2], [P1, P2, P3], False),  # the later one adds a paragraph: it says more
        ([P1, P2, P3], [P1], False),  # one shared paragraph is not enough to tell
        ([P1, P2, P3], ["Foto: dpa", "Foto: dpa"], False),  # short lines never count
    ],
)
def test_duplicate_index(earlier: list[str], later: list[str], duplicate: bool) -> None:
    index = DuplicateIndex()
    first = _article("first.txt", earlier)
    index.add(first)
    assert (index.twin_of(_article("second.txt", later)) is first) is duplicate


def test_duplicate_by_bytes_and_display_name() -> None:
    index = DuplicateIndex()
    first = _article("a/same.txt", [P1], content_hash="abc")
    index.add(first)
    assert index.twin_of(_article("b/same.txt", ["anders"], content_hash="abc")) is first
    assert display_name(Path("/in/a/same.txt"), Path("/in/b/same.txt")) == "a/same.txt"
    assert display_name(Path("/in/a/one.txt"), Path("/in/b/two.txt")) == "one.txt"
