"""`briefing digest`: new articles only, dated files, reruns, continued topics, nothing new."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "data" / "digest"
DAY1, DAY2, DAY3 = "2024-06-03", "2024-06-04", "2024-06-05"


@pytest.fixture(autouse=True)
def private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads the user's real config or writes to the real data directory."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))


@pytest.fixture
def paths(tmp_path: Path) -> dict[str, Path]:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    return {"inbox": inbox, "out": tmp_path / "out", "state": tmp_path / "state.sqlite3"}


def arrive(inbox: Path, day_folder: str) -> None:
    """The day's articles land in the inbox (earlier days' files stay, as in real inboxes)."""
    for source in sorted((DATA / day_folder).iterdir()):
        shutil.copy(source, inbox / source.name)


def digest(cli, paths: dict[str, Path], day: str, *extra: str):
    return cli("digest", "--inbox", str(paths["inbox"]), "--out", str(paths["out"]),
               "--state", str(paths["state"]), "--date", day, *extra)


def stored_days(state: Path) -> dict[str, int]:
    with sqlite3.connect(state) as db:
        return dict(db.execute("SELECT day, articles FROM digests"))


def test_first_day_writes_the_dated_file_and_logs_each_stage(cli, paths) -> None:
    arrive(paths["inbox"], "day1")
    result = digest(cli, paths, DAY1)
    assert result.exit_code == 0, result.output
    text = (paths["out"] / f"{DAY1}.md").read_text(encoding="utf-8")
    assert text.startswith("# Digest vom 03.06.2024\n")
    for name in ("hochwasser_bayern_regensburg.txt", "hochwasser_bayern_passau.txt",
                 "bahnstreik_gdl.txt"):
        assert f"`{name}`" in text
    assert "Fortsetzung" not in text and "Neu seit" not in text  # nothing came before
    assert result.stdout == ""  # the digest goes to the file, the log to stderr
    lines = result.stderr.splitlines()
    assert lines[0] == f"briefing: digest {DAY1}: read 3 files, 3 new, 0 in earlier digests"
    # the two flood reports are one story, the rail strike a lone report
    assert "## Weitere Meldungen" in text
    assert text.index("`bahnstreik_gdl.txt`") > text.index("## Weitere Meldungen")
    assert lines[-1] == (f"briefing: digest {DAY1}: read 3 files, 3 new, 2 topics, "
                         f"wrote {(paths['out'] / f'{DAY1}.md').absolute()}")
    assert stored_days(paths["state"]) == {DAY1: 3}


def test_quiet_prints_nothing_when_all_is_well(cli, paths) -> None:
    arrive(paths["inbox"], "day1")
    result = digest(cli, paths, DAY1, "-q")
    assert result.exit_code == 0
    assert result.stderr == "" and result.stdout == ""
    assert (paths["out"] / f"{DAY1}.md").is_file()


def test_rerunning_the_same_day_rebuilds_the_same_file(cli, paths) -> None:
    arrive(paths["inbox"], "day1")
    assert digest(cli, paths, DAY1).exit_code == 0
    first = (paths["out"] / f"{DAY1}.md").read_bytes()
    assert digest(cli, paths, DAY1).exit_code == 0
    assert (paths["out"] / f"{DAY1}.md").read_bytes() == first
    assert stored_days(paths["state"]) == {DAY1: 3}
    assert sorted(p.name for p in paths["out"].iterdir()) == [f"{DAY1}.md"]


def test_second_day_has_only_new_articles_with_a_continued_and_a_new_topic(cli, paths) -> None:
    arrive(paths["inbox"], "day1")
    assert digest(cli, paths, DAY1).exit_code == 0
    day1_file = (paths["out"] / f"{DAY1}.md").read_bytes()
    arrive(paths["inbox"], "day2")
    result = digest(cli, paths, DAY2)
    assert result.exit_code == 0, result.output
    text = (paths["out"] / f"{DAY2}.md").read_text(encoding="utf-8")
    # day 1's files are still in the inbox but not in day 2's digest
    assert "hochwasser_bayern_passau.txt" not in text and "bahnstreik_gdl.txt" not in text
    assert "`hochwasser_bayern_entwarnung.txt`" in text and "`ezb_zinsen.txt`" in text
    assert "read 5 files, 2 new, 3 in earlier digests" in result.stderr
    assert "2 topics, 1 continued" in result.stderr
    # the flood story continues and leads with what is new since yesterday
    continued, fresh = _topics(text)
    assert "(Fortsetzung)" in continued and "(Fortsetzung)" not in fresh
    assert "### Neu seit gestern" in continued
    assert "Fortgesetzt aus dem Digest vom 03.06.2024" in continued
    assert "Das Hochwasser an der Donau geht in Bayern langsam zurück." in continued
    # said word for word on day 1 (in the Passau article): not new, so not reported again
    assert "Ministerpräsident Markus Söder sagte den betroffenen Gemeinden" not in text
    assert "Europäische Zentralbank" in fresh and "### Das Wichtigste" in fresh
    assert text.index("### Neu seit gestern") < text.index("### Quellen")
    # day 1's file is never touched by a later day's run
    assert (paths["out"] / f"{DAY1}.md").read_bytes() == day1_file


def _topics(text: str) -> tuple[str, str]:
    sections = [s for s in text.split("\n## ") if not s.startswith("# ")]
    continued = [s for s in sections if "(Fortsetzung)" in s.splitlines()[0]]
    fresh = [s for s in sections if "(Fortsetzung)" not in s.splitlines()[0]]
    assert len(continued) == 1 and len(fresh) == 1, sections
    return continued[0], fresh[0]


def test_renamed_or_resaved_copy_of_an_old_article_is_not_new(cli, paths) -> None:
    arrive(paths["inbox"], "day1")
    assert digest(cli, paths, DAY1).exit_code == 0
    original = paths["inbox"] / "bahnstreik_gdl.txt"
    # the same article under another name, and re-saved as cp1252 with Windows line ends
    shutil.copy(original, paths["inbox"] / "kopie_bahnstreik.txt")
    resaved = original.read_text(encoding="utf-8").replace("\n", "\r\n").encode("cp1252")
    (paths["inbox"] / "bahnstreik_windows.txt").write_bytes(resaved)
    result = digest(cli, paths, DAY2)
    assert result.exit_code == 0
    text = (paths["out"] / f"{DAY2}.md").read_text(encoding="utf-8")
    assert "Keine neuen Artikel seit dem 03.06.2024." in text
    assert "kopie_bahnstreik" not in text and "bahnstreik_windows" not in text
    assert "read 5 files, 0 new, 5 in earlier digests" in result.stderr


def test_nothing_new_writes_a_short_digest_and_exits_0(cli, paths) -> None:
    arrive(paths["inbox"], "day1")
    assert digest(cli, paths, DAY1).exit_code == 0
    result = digest(cli, paths, DAY3)
    assert result.exit_code == 0
    assert (paths["out"] / f"{DAY3}.md").read_text(encoding="utf-8") == (
        "# Digest vom 05.06.2024\n\nKeine neuen Artikel seit dem 03.06.2024.\n"
    )


def test_an_empty_inbox_on_the_first_day_says_so(cli, paths) -> None:
    result = digest(cli, paths, DAY1)
    assert result.exit_code == 0
    assert (paths["out"] / f"{DAY1}.md").read_text(encoding="utf-8").endswith(
        "\n\nKeine neuen Artikel.\n"
    )


def test_unusable_files_are_listed_once_not_every_day(cli, paths) -> None:
    arrive(paths["inbox"], "day1")
    (paths["inbox"] / "scan.txt").write_bytes(b"\x00\x01binary\x00")
    assert digest(cli, paths, DAY1).exit_code == 0
    assert "- `scan.txt`: binary file" in (paths["out"] / f"{DAY1}.md").read_text("utf-8")
    arrive(paths["inbox"], "day2")
    result = digest(cli, paths, DAY2)
    assert "1 skipped" in result.stderr  # the log still counts it
    assert "scan.txt" not in (paths["out"] / f"{DAY2}.md").read_text("utf-8")


def test_a_later_day_never_changes_an_earlier_days_digest_on_rerun(cli, paths) -> None:
    arrive(paths["inbox"], "day1")
    assert digest(cli, paths, DAY1).exit_code == 0
    arrive(paths["inbox"], "day2")
    assert digest(cli, paths, DAY2).exit_code == 0
    before = {p.name: p.read_bytes() for p in paths["out"].iterdir()}
    assert digest(cli, paths, DAY2).exit_code == 0  # idempotent rerun of day 2
    after = {p.name: p.read_bytes() for p in paths["out"].iterdir()}
    assert after == before
    assert stored_days(paths["state"]) == {DAY1: 3, DAY2: 2}


def test_default_state_lives_in_the_user_data_directory(cli, tmp_path, paths) -> None:
    arrive(paths["inbox"], "day1")
    result = cli("digest", "--inbox", str(paths["inbox"]), "--out", str(paths["out"]),
                 "--date", DAY1)
    assert result.exit_code == 0
    assert (tmp_path / "xdg-data" / "briefing" / "digest.sqlite3").is_file()


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--date", "2024-13-01"], 2, "YYYY-MM-DD"),  # not a date: wrong usage
        (["--date", "gestern"], 2, "YYYY-MM-DD"),  # not ISO: wrong usage
        (["--inbox", "/nonexistent/inbox"], 1, "is not a folder"),  # a fixable error
        (["--out", "INBOX/digests"], 1, "must not be inside the inbox"),  # would read itself
    ],
)
def test_bad_input_exits_with_one_line(cli, paths, args, code, message) -> None:
    base = {"--inbox": str(paths["inbox"]), "--out": str(paths["out"]),
            "--state": str(paths["state"])}
    for flag, value in zip(args[::2], args[1::2]):
        base[flag] = value.replace("INBOX", str(paths["inbox"]))
    result = cli("digest", *[x for pair in base.items() for x in pair])
    assert result.exit_code == code
    assert message in result.stderr
    if code == 1:
        assert len(result.stderr.strip().splitlines()) == 1
        assert "Traceback" not in result.stderr


def test_unwritable_out_folder_is_exit_1(cli, paths, tmp_path) -> None:
    arrive(paths["inbox"], "day1")
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    result = cli("digest", "--inbox", str(paths["inbox"]), "--out", str(blocker / "out"),
                 "--state", str(paths["state"]), "--date", DAY1)
    assert result.exit_code == 1
    assert result.stderr.startswith("briefing: cannot create ")


def test_stale_temporary_files_of_a_killed_run_are_removed(cli, paths) -> None:
    arrive(paths["inbox"], "day1")
    paths["out"].mkdir()
    stale = paths["out"] / f".{DAY1}.md.k1ll3d.tmp"
    stale.write_text("half a dig")
    keep = paths["out"] / ".notes.tmp"  # not ours: left alone
    keep.write_text("mine")
    result = digest(cli, paths, DAY1)
    assert result.exit_code == 0
    assert not stale.exists() and keep.exists()
    assert f"removed stale temporary file {stale}" in result.stderr


def test_a_continued_topic_reports_every_new_sentence_and_no_old_one(cli, paths) -> None:
    arrive(paths["inbox"], "day1")
    assert digest(cli, paths, DAY1).exit_code == 0
    arrive(paths["inbox"], "day2")
    assert digest(cli, paths, DAY2, "--sentences", "20").exit_code == 0
    continued, _ = _topics((paths["out"] / f"{DAY2}.md").read_text(encoding="utf-8"))
    news = continued.split("### Neu seit gestern\n\n")[1].split("\n\n")[0].splitlines()
    # 9 sentences in the update; one of them stood word for word in day 1's Passau article
    assert len(news) == 8
    assert not any("Markus Söder sagte den betroffenen Gemeinden" in line for line in news)
    # almost the same words as day 1's forecast, but the news changed: rain -> dry weather
    assert any("trockeneres Wetter" in line for line in news)
