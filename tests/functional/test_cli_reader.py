"""The command line as a new user meets it (issue 18): options without a command, stdin,
the same error for a missing path everywhere, help with examples, documented JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
MISSING = "/nonexistent/briefing-test/artikel"


def briefing(*args: str, stdin: bytes | None = None, timeout: float = 120):
    return subprocess.run([sys.executable, "-m", "briefing", *args], input=stdin,
                          capture_output=True, timeout=timeout, cwd=REPO, check=False)


@pytest.fixture
def seed_text(seeds_dir: Path) -> bytes:
    return min(seeds_dir.glob("001_*.txt")).read_bytes()


# -- options without a command --------------------------------------------------------------


def test_options_without_a_command_apply_to_the_default_build(cli, tmp_path: Path) -> None:
    target = tmp_path / "x.html"
    result = cli("-f", "html", "-o", str(target), "-q")
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    data = json.loads(cli("-n", "2", "-f", "json", "-q").stdout)
    assert data["title"].endswith(": Was bekannt ist")
    assert all(len(t["summary"]) <= 2 for t in data["topics"])


def test_the_commands_own_options_still_work_without_a_command(cli) -> None:
    assert cli("--version").exit_code == 0
    assert "Commands:" in cli("--help").output
    assert cli("-f", "pdf").exit_code == 2  # a wrong value is still wrong usage


def test_help_shows_examples(cli) -> None:
    shown = cli("--help").output
    assert "Examples:" in shown
    examples = shown.split("Examples:", 1)[1]
    assert "briefing build" in examples and "briefing -f html -o" in examples
    assert "briefing digest" in examples


# -- standard input --------------------------------------------------------------------------


@pytest.mark.slow
def test_dash_reads_one_article_from_stdin(seed_text: bytes) -> None:
    built = briefing("build", "-", "-f", "json", "-q", stdin=seed_text)
    assert built.returncode == 0, built.stderr
    topic = json.loads(built.stdout)["topics"][0]
    assert topic["articles"][0]["title"].startswith("Putin vereinbart in Nordkorea")
    summarized = briefing("summarize", "-", "-n", "2", stdin=seed_text)
    assert summarized.returncode == 0 and len(summarized.stdout.splitlines()) == 2
    cleaned = briefing("clean", "-", "-f", "json", stdin=seed_text)
    assert cleaned.returncode == 0
    assert "Beistandsabkommen" in json.loads(cleaned.stdout)[0]["body"]


def test_dev_stdin_is_read_like_a_file(seed_text: bytes) -> None:
    built = briefing("build", "/dev/stdin", "-q", stdin=seed_text)
    assert built.returncode == 0, built.stderr
    assert b"Beistandsabkommen" in built.stdout


# -- a missing path --------------------------------------------------------------------------


def test_a_missing_path_is_the_same_error_for_every_command() -> None:
    # the interface must fail before it starts: 20 s is plenty for that
    results = {command: briefing(command, MISSING, timeout=20)
               for command in ("build", "summarize", "clean", "tui")}
    for command, result in results.items():
        assert result.returncode == 1, command
        assert result.stdout == b"", command
        lines = result.stderr.decode().splitlines()
        assert len(lines) == 1 and MISSING in lines[0], (command, lines)
    assert len({r.stderr for r in results.values()}) == 1


# -- documentation ---------------------------------------------------------------------------


def _keys(value, prefix: str = "") -> set[str]:
    """Every field name in a JSON value (nested names as they are, without the path)."""
    found: set[str] = set()
    if isinstance(value, dict):
        for key, inner in value.items():
            found.add(key)
            found |= _keys(inner)
    elif isinstance(value, list):
        for inner in value:
            found |= _keys(inner)
    return found


def test_readme_documents_every_json_field(seeds_json: dict) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Output", 1)[1].split("\n## ", 1)[0]
    missing = sorted(k for k in _keys(seeds_json) if f"`{k}`" not in section)
    assert not missing, missing


def test_readme_documents_shell_completion() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "_BRIEFING_COMPLETE=bash_source" in readme
    assert "_BRIEFING_COMPLETE=zsh_source" in readme


def test_shell_completion_script_is_printed() -> None:
    import os
    import shutil

    # click's completion answers under the name the program was installed as
    program = shutil.which("briefing", path=str(Path(sys.executable).parent))
    if program is None:
        pytest.skip("the console script is not installed beside this Python")
    env = {**os.environ, "_BRIEFING_COMPLETE": "bash_source"}
    done = subprocess.run([program], env=env, capture_output=True, text=True, timeout=60,
                          check=False)
    assert done.returncode == 0
    assert "_briefing_completion()" in done.stdout
