"""A messy folder end to end: every file accounted for, encodings right, exact skip reasons."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "data" / "bad_input"

# Distinct German articles, each written to disk in another encoding by the test.
ENCODED_ARTICLES = {
    "article_utf8_bom.txt": ("utf-8-sig", """Schüler gewinnen Preis für Brückenmodell

Drei Schülerinnen aus Göttingen haben am Freitag den Landespreis für Technik gewonnen. Ihr Modell einer Fußgängerbrücke trägt das Fünfzigfache seines eigenen Gewichts.

„Wir haben monatelang gebaut und getestet“, sagte eine der Schülerinnen bei der Preisverleihung. Die Jury lobte die saubere Dokumentation der Versuche.
"""),
    "article_utf16le.txt": ("utf-16-le", """Bäckerei in Fürth schließt nach hundert Jahren

Die älteste Bäckerei in Fürth schließt Ende des Monats für immer. Der Inhaber findet keinen Nachfolger, der den Betrieb übernehmen möchte.

„Es fällt mir schwer, aber ich bin jetzt über siebzig“, sagte der Bäckermeister. Viele Stammkunden kamen am Samstag noch einmal vorbei, um sich zu verabschieden.
"""),
    "article_utf16be.txt": ("utf-16-be", """Straßenbahn in Würzburg fährt wieder durch die Innenstadt

Nach drei Monaten Bauzeit fährt die Straßenbahn in Würzburg seit Montag wieder durch die Innenstadt. Die Gleise in der Domstraße wurden vollständig erneuert.

Die Stadtwerke baten die Fahrgäste um Geduld, weil es in den ersten Tagen noch zu Verspätungen kommen könne. Der Umleitungsverkehr mit Bussen endet am Dienstag.
"""),
    "article_cp1252.txt": ("cp1252", """Ölpreis lässt Heizkosten in Österreich steigen

Der gestiegene Ölpreis macht das Heizen in Österreich deutlich teurer. Viele Haushalte müssen in diesem Winter mit Mehrkosten von mehreren hundert Euro rechnen.

„Das trifft vor allem ältere Menschen auf dem Land“, sagte eine Sprecherin der Arbeiterkammer. Die Regierung prüft einen Zuschuss für Haushalte mit geringem Einkommen.
"""),
    "article_latin1.txt": ("latin-1", """Gemüsebauern im Spreewald klagen über Trockenheit

Die Gemüsebauern im Spreewald klagen über die anhaltende Trockenheit. Seit Wochen hat es kaum geregnet, die Gurken wachsen deutlich langsamer als üblich.

Ein Landwirt sagte, er müsse seine Felder jeden Tag bewässern. Das koste viel Geld und Zeit, und der Wasserverband habe die Entnahme aus den Flüssen schon begrenzt.
"""),
}

GOOD_TITLES = {
    "good_article.txt": "Hochwasser in Passau: Altstadt unter Wasser",
    "nested_article.md": None,  # title spelled as a Markdown heading; the cleaner decides
    "hostile_article.txt": "Gemeinderat streitet über # Überschrift und {{ 7*7 }}",
    **{name: text.split("\n", 1)[0] for name, (_, text) in ENCODED_ARTICLES.items()},
}

EXPECTED_SKIPPED = {
    "empty.txt": "empty file",
    "only_whitespace.txt": "empty file",
    "only_boilerplate.txt": "no article text found: only navigation, lists or short lines",
    "same_article_again.txt": "duplicate of good_article.txt",
    "reposted_article.txt": "duplicate of good_article.txt",  # other title and furniture
    "english_article.txt": "not German (english)",
    "table.csv": "unsupported file type '.csv'",
    "photo.jpg": "binary file (JPEG image)",
    "scan.pdf": "binary file (PDF document)",
    "pdf_saved_as.txt": "binary file (PDF document)",
    "archive.zip": "binary file (ZIP archive)",
    "nul_bytes.txt": "binary file",
    "huge.txt": "file too large (5.2 MB, limit 5.0 MB)",
    "invalid_after_bom.txt": "cannot decode text (invalid UTF-8 after byte-order mark)",
    "link_to_good.txt": "duplicate of good_article.txt",
    "broken_link.txt": "broken symbolic link",
    "cp1252_copy.txt": "duplicate of article_cp1252.txt",
    "yaml_bomb.txt": "front matter with YAML aliases (refused: could expand without end)",
}


def _pdf() -> bytes:
    return b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture
def messy_folder(tmp_path: Path) -> Path:
    """The committed fixtures plus the files that are awkward to commit, made here."""
    folder = tmp_path / "messy"
    shutil.copytree(FIXTURES, folder, symlinks=True)
    for name, (encoding, text) in ENCODED_ARTICLES.items():
        data = text.encode(encoding)
        if encoding.startswith("utf-16"):
            data = ("\ufeff".encode(encoding)) + data
        (folder / name).write_bytes(data)
    # The same article in UTF-8 after its cp1252 original: same text, different bytes.
    (folder / "cp1252_copy.txt").write_text(ENCODED_ARTICLES["article_cp1252.txt"][1], "utf-8")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)))
    (folder / "scan.pdf").write_bytes(_pdf())
    (folder / "pdf_saved_as.txt").write_bytes(_pdf())
    with zipfile.ZipFile(folder / "archive.zip", "w") as archive:
        archive.writestr("inside.txt", "Ein Artikel im Archiv wird nicht gelesen.")
    (folder / "nul_bytes.txt").write_bytes(b"Text\x00mit\x00Nullbytes\x00" * 20)
    (folder / "huge.txt").write_bytes(b"Ein sehr langer Artikel. " * 220_000)  # 5.2 MB
    (folder / "invalid_after_bom.txt").write_bytes(b"\xef\xbb\xbfGr\xfc\xdfe aus M\xfcnchen\n")
    bomb = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    bomb += [f"{c}: &{c} [" + ", ".join([f"*{p}"] * 9) + "]" for p, c in zip("abcdefgh", "bcdefghi")]
    (folder / "yaml_bomb.txt").write_text("---\n" + "\n".join(bomb) + "\n---\nDer Rat tagte.\n")
    (folder / "link_to_good.txt").symlink_to(folder / "good_article.txt")
    (folder / "broken_link.txt").symlink_to(folder / "does_not_exist.txt")
    (folder / "subfolder" / "loop").symlink_to(folder, target_is_directory=True)
    return folder


def _build_json(cli, *args: str) -> dict:
    result = cli("build", *args, "-f", "json", "-q")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_every_file_accounted_for_with_exact_reasons(cli, messy_folder: Path) -> None:
    data = _build_json(cli, str(messy_folder), "--sentences", "40")
    used = {Path(a["path"]).name: a for t in data["topics"] for a in t["articles"]}
    skipped = {Path(s["path"]).name: s["reason"] for s in data["skipped"]}

    assert skipped == EXPECTED_SKIPPED
    assert set(used) == set(GOOD_TITLES)
    # Exactly once: no path in two places, none twice; hidden files and the loop add nothing.
    every_path = [a["path"] for t in data["topics"] for a in t["articles"]]
    every_path += [s["path"] for s in data["skipped"]]
    assert len(every_path) == len(set(every_path)) == len(GOOD_TITLES) + len(EXPECTED_SKIPPED)
    assert not any("hidden" in p or "/loop/" in p for p in every_path)


def test_umlauts_and_quotes_survive_every_encoding(cli, messy_folder: Path) -> None:
    data = _build_json(cli, str(messy_folder), "--sentences", "40")
    used = {Path(a["path"]).name: a for t in data["topics"] for a in t["articles"]}
    for name, title in GOOD_TITLES.items():
        if title is not None:
            assert used[name]["title"] == title, name
    summary = " ".join(i["text"] for t in data["topics"] for i in t["summary"])
    for expected in ("„Das trifft vor allem ältere Menschen auf dem Land“",  # cp1252 „“
                     "Gurken wachsen deutlich langsamer",  # latin-1
                     "Es fällt mir schwer",  # UTF-16 LE
                     "Gleise in der Domstraße",  # UTF-16 BE
                     "Fünfzigfache"):  # UTF-8 with BOM
        assert expected in summary
    text = json.dumps(data, ensure_ascii=False)
    assert "\ufffd" not in text and "Ã" not in text and "\ufeff" not in text


def test_markdown_ends_with_the_unused_files(cli, messy_folder: Path) -> None:
    result = cli("build", str(messy_folder), "-q")
    assert result.exit_code == 0
    tail = result.stdout.split("## Nicht verwendet", 1)[1]
    listed = [line for line in tail.strip().splitlines() if line.startswith("- ")]
    assert len(listed) == len(EXPECTED_SKIPPED)
    assert "- `english_article.txt`: not German (english)" in listed
    assert "- `same_article_again.txt`: duplicate of good\\_article.txt" in listed


def test_max_size_option(cli, messy_folder: Path) -> None:
    data = _build_json(cli, str(messy_folder / "good_article.txt"),
                       str(messy_folder / "article_cp1252.txt"), "--max-size", "500")
    reasons = {Path(s["path"]).name: s["reason"] for s in data["skipped"]}
    size = (messy_folder / "good_article.txt").stat().st_size
    assert size > 500
    assert reasons == {"good_article.txt": f"file too large ({size} bytes, limit 500 bytes)"}
    result = cli("build", str(messy_folder), "--max-size", "lots")
    assert result.exit_code == 2


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_is_not_read(cli, tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "good_article.txt", tmp_path)
    os.mkfifo(tmp_path / "pipe.txt")
    data = _build_json(cli, str(tmp_path))
    assert [(Path(s["path"]).name, s["reason"]) for s in data["skipped"]] == [
        ("pipe.txt", "not a regular file")
    ]


def _run(*args: str, cwd: Path = ROOT, prefix: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([*prefix, sys.executable, "-m", "briefing", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120, check=False)


def _unprivileged() -> tuple[str, ...]:
    """A command prefix under which file permissions hold (root ignores them)."""
    if os.name != "posix":
        pytest.skip("POSIX permissions only")
    if os.geteuid() != 0:
        return ()
    capsh = shutil.which("capsh")
    if capsh is None:
        pytest.skip("running as root without capsh: permissions cannot be tested")
    # capsh runs its argument through bash; drop the capabilities that bypass permissions.
    return (capsh, "--drop=cap_dac_override,cap_dac_read_search", "--", "-c",
            'exec "$0" "$@"')


def test_unreadable_file_and_folder(tmp_path: Path) -> None:
    prefix = _unprivileged()
    shutil.copy(FIXTURES / "good_article.txt", tmp_path)
    locked = tmp_path / "locked.txt"
    locked.write_text("Geheim.", "utf-8")
    locked.chmod(0)
    closed = tmp_path / "closed"
    (closed / "inner").mkdir(parents=True)
    (closed / "inner" / "a.txt").write_text("Versteckt.", "utf-8")
    closed.chmod(0)
    try:
        result = _run("build", str(tmp_path), "-f", "json", "-q", prefix=prefix)
    finally:
        locked.chmod(0o644)
        closed.chmod(0o755)
    assert result.returncode == 0, result.stderr
    reasons = {Path(s["path"]).name: s["reason"] for s in json.loads(result.stdout)["skipped"]}
    assert reasons == {"locked.txt": "unreadable file (Permission denied)",
                       "closed": "unreadable folder (Permission denied)"}


def test_no_usable_article_is_one_line_exit_1(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)
    shutil.copy(FIXTURES / "english_article.txt", tmp_path)
    result = _run("build", str(tmp_path))
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == ("briefing: no usable article: 3 file(s) skipped "
                             "(binary file; empty file; not German)\n")


def test_unwritable_output_is_one_line_exit_1(tmp_path: Path) -> None:
    blocker = tmp_path / "a_file"
    blocker.write_text("x", "utf-8")
    result = _run("build", str(FIXTURES / "good_article.txt"), "-o", str(blocker / "out.md"))
    assert result.returncode == 1
    assert result.stderr == f"briefing: cannot write {blocker / 'out.md'}: Not a directory\n"
    assert "Traceback" not in result.stderr
