"""The command line per ../shared/CONTRACT.md: commands, help, exit codes, JSON shapes."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

COMMANDS = ["build", "summarize", "clean", "tui", "digest"]


@pytest.mark.parametrize("command", [[], *[[c] for c in COMMANDS]])
@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_every_command_has_help(cli, command: list[str], flag: str) -> None:
    result = cli(*command, flag)
    assert result.exit_code == 0
    assert "Usage: " in result.output
    # the help explains the command in a sentence, not only its options
    assert len(result.output.split("\n\n")[1].strip()) > 20


def test_python_dash_m_is_the_same_program() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "briefing", "--help"], capture_output=True, text=True, check=True
    )
    assert "build" in out.stdout and "summarize" in out.stdout


def test_wrong_usage_exits_2(cli) -> None:
    assert cli("build", "--format", "pdf").exit_code == 2
    assert cli("summarize").exit_code == 2  # PATH is required
    assert cli("no-such-command").exit_code == 2


def test_no_usable_article_is_one_line_and_exit_1(cli, tmp_path: Path) -> None:
    (tmp_path / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    result = cli("build", str(tmp_path))
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("briefing: ")
    assert "Traceback" not in result.output


def test_build_json_shape(seeds_json: dict, seeds_dir: Path) -> None:
    data = seeds_json
    assert set(data) >= {"title", "topics", "skipped"}
    assert data["title"].endswith(": Was bekannt ist")
    ids: list[str] = []
    for topic in data["topics"]:
        assert topic["title"]
        for article in topic["articles"]:
            assert set(article) >= {"id", "path", "title", "outlet", "date"}
            assert Path(article["path"]).is_absolute()
            assert article["date"] is None or len(article["date"]) == 10
            ids.append(article["id"])
        for item in topic["summary"]:
            assert isinstance(item["text"], str) and item["text"]
            assert item["sources"] and set(item["sources"]) <= {a["id"] for a in topic["articles"]}
    # every seed file appears exactly once
    paths = [a["path"] for t in data["topics"] for a in t["articles"]]
    paths += [s["path"] for s in data["skipped"]]
    assert sorted(paths) == sorted(str(p) for p in seeds_dir.glob("*.txt"))
    assert len(ids) == len(set(ids))


def test_json_counts_the_sentences_used_of_each_article_as_the_markdown_does(
    cli, seeds_json: dict
) -> None:
    markdown = cli("build").output
    shown = [int(n) for n in re.findall(r"· (\d+) (?:Satz|Sätze) verwendet", markdown)]
    counted = [a["sentences_used"] for t in seeds_json["topics"] for a in t["articles"]]
    assert counted == shown and len(shown) == 5 and all(n > 0 for n in shown)


def test_build_writes_output_file(cli, tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    result = cli("build", "-o", str(target))
    assert result.exit_code == 0
    assert result.output == ""
    assert target.read_text(encoding="utf-8").startswith("# ")
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"]  # no temporary file left


def test_unwritable_output_is_one_line_error(cli, tmp_path: Path) -> None:
    result = cli("build", "-o", str(tmp_path / "missing" / "out.md"))
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "cannot write" in result.stderr


def test_title_option_overrides(cli) -> None:
    result = cli("build", "--title", "Mein Titel")
    assert result.output.startswith("# Mein Titel\n")


def test_sentences_option_limits_summary(cli) -> None:
    data = json.loads(cli("build", "-f", "json", "-n", "3").output)
    assert sum(len(t["summary"]) for t in data["topics"] if not t["minor"]) <= 3


def test_summarize_jsonl_one_line_per_file_in_input_order(cli, seeds_dir: Path) -> None:
    files = sorted(seeds_dir.glob("*.txt"))
    result = cli("summarize", "-f", "jsonl", "-n", "2", *map(str, reversed(files)))
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [entry["path"] for entry in lines] == [str(f) for f in reversed(files)]
    for entry in lines:
        assert entry["title"] and 1 <= len(entry["summary"]) <= 2


def test_summarize_text_sentences_are_from_the_article(cli, seeds_dir: Path) -> None:
    from briefing.text.sentences import split_sentences

    path = sorted(seeds_dir.glob("*.txt"))[1]
    result = cli("summarize", str(path))
    assert result.exit_code == 0
    text = " ".join(path.read_text(encoding="utf-8").split())
    summary = result.output.strip().splitlines()
    assert len(summary) == 3
    for sentence in summary:
        assert sentence in text
        assert split_sentences(sentence) == [sentence]


def test_clean_json_shape(cli, seeds_dir: Path, tmp_path: Path) -> None:
    bad = tmp_path / "notes.pdf"
    bad.write_bytes(b"%PDF-1.4")
    seed = sorted(seeds_dir.glob("*.txt"))[0]
    data = json.loads(cli("clean", "-f", "json", str(seed), str(bad)).output)
    assert [entry["path"] for entry in data] == [str(seed), str(bad)]
    assert set(data[0]) >= {"path", "title", "outlet", "date", "body"}
    assert "\n\n" in data[0]["body"]
    assert set(data[1]) == {"path", "skipped"}


def test_engines_are_selectable(cli, seeds_dir: Path) -> None:
    seed = str(sorted(seeds_dir.glob("*.txt"))[1])
    fast = cli("summarize", "--engine", "fast", seed).output
    reference = cli("summarize", "--engine", "sumy", seed).output
    assert fast == reference


@pytest.mark.parametrize("command", [["summarize", "-f", "jsonl"], ["clean", "-f", "json"]])
def test_summarize_and_clean_walk_the_inputs_once_and_keep_their_order(
    cli, seeds_dir: Path, tmp_path: Path, monkeypatch, command: list[str]
) -> None:
    from briefing import pipeline
    from briefing.ingest import files as ingest

    walks: list[tuple] = []
    real = ingest.discover

    def counted(paths):
        paths = list(paths)
        walks.append(tuple(paths))
        return real(paths)

    monkeypatch.setattr(ingest, "discover", counted)
    monkeypatch.setattr(pipeline, "discover", counted)
    folder = tmp_path / "folder"
    folder.mkdir()
    seed = min(seeds_dir.glob("*.txt"))
    (folder / "b.txt").write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "a.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    missing = tmp_path / "missing.txt"
    later = sorted(seeds_dir.glob("*.txt"))[1]
    result = cli(*command, "-q", str(later), str(missing), str(folder))
    assert result.exit_code == 0, result.output
    assert len(walks) == 1
    output = result.output
    paths = ([json.loads(line)["path"] for line in output.splitlines()] if "jsonl" in command
             else [entry["path"] for entry in json.loads(output)])
    # files in the order found (named file, then the folder's files sorted), missing paths last
    assert paths == [str(later), str(folder / "a.png"), str(folder / "b.txt"), str(missing)]


@pytest.mark.parametrize(
    "args, hint",
    [
        # a folder where the command belongs
        (["{seeds}"], "To build a briefing from it: briefing build {seeds}"),
        # a shell glob: every path goes into the hint
        (["{one}", "{two}"], "To build a briefing from them: briefing build {one} {two}"),
        # a name with a space is quoted so the hint can be pasted
        (["{spaced}"], "To build a briefing from it: briefing build '{spaced}'"),
        # an existing path followed by an option: only the path is known to be one
        (["{one}", "-n"], "To build a briefing from it: briefing build {one}"),
    ],
)
def test_a_path_instead_of_a_command_gets_a_build_hint(
    cli, seeds_dir: Path, tmp_path: Path, args: list[str], hint: str
) -> None:
    one, two = sorted(seeds_dir.glob("*.txt"))[:2]
    spaced = tmp_path / "meine artikel"
    spaced.mkdir()
    names = {"seeds": seeds_dir, "one": one, "two": two, "spaced": spaced}
    result = cli(*[a.format(**names) for a in args])
    assert result.exit_code == 2
    error = result.output.splitlines()[-1]
    name = args[0].format(**names)
    assert error == f"Error: No such command {name!r}. {hint.format(**names)}"


def test_an_unknown_command_that_is_no_path_gets_no_hint(cli) -> None:
    result = cli("no-such-command")
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == "Error: No such command 'no-such-command'."
