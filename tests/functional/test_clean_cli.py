"""`briefing clean` and `briefing build` on pages full of furniture, through the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
DATA = ROOT / "tests" / "data" / "clean"
SEEDS = ROOT / "seeds"

# Furniture of the seeds that no briefing may show.
SEED_FURNITURE = [
    "OTHER NEWS", "hrs ago", "News Related", "Read more", "Top List in the World", "Empfohlen",
    "A.Parker--TNT", "Textgröße ändern", "Foto: ©", "Bild: keystone", "FILE - In this",
    "epa1", "(yam/sda/dpa)", "Mehr «International»", "12:2819.06.2024", "DANKE FÜR",
    "5 CHF", "Kommentare", "Melden", "Zum Kommentar", "registriert", "Celtic Swiss",
    "Video: watson", "Hier siehst du", "Das Wichtigste in Kürze", "Gaspipeline",
    "Baerbock", "Lemke", "Subventionen schaden", "Kaja Kallas",
]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "briefing", *args], cwd=ROOT, capture_output=True, text=True,
        check=False,
    )


def test_clean_json_has_one_entry_per_input_in_order():
    pages = [DATA / "subheadings.txt", DATA / "only_navigation.txt", DATA / "front_matter.txt"]
    result = run("clean", "--format", "json", "-q", *map(str, pages))
    assert result.returncode == 0, result.stderr
    entries = json.loads(result.stdout)
    assert [e["path"] for e in entries] == [str(p) for p in pages]
    article, skipped, with_meta = entries
    assert set(article) >= {"path", "title", "outlet", "date", "body"}
    assert article["title"] == "Wie der Borkenkäfer die Wälder verändert"
    assert article["outlet"] is None and article["date"] is None
    assert "\n\nFichten sind besonders betroffen\n\n" in article["body"]
    assert skipped == {"path": str(pages[1]), "skipped": skipped["skipped"]}
    assert "no article text" in skipped["skipped"]
    assert with_meta["date"] == "2024-11-27" and with_meta["outlet"] == "Limmattaler Anzeiger"


def test_clean_text_shows_metadata_then_the_body():
    result = run("clean", str(DATA / "ui_strings.txt"))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[1] == "title:  Macron löst die Nationalversammlung auf"
    assert lines[3] == "date:   2024-06-10"
    assert "Nach der Niederlage seines Lagers" in result.stdout
    assert "Textgröße" not in result.stdout


def test_clean_of_a_page_with_no_article_fails_with_one_line():
    result = run("clean", str(DATA / "only_navigation.txt"))
    assert result.returncode == 1
    assert "no article text" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_the_seed_briefing_shows_none_of_their_furniture():
    result = run("build", str(SEEDS), "--format", "json")
    assert result.returncode == 0, result.stderr
    briefing = json.loads(result.stdout)
    assert briefing["skipped"] == []
    text = json.dumps(briefing, ensure_ascii=False)
    for furniture in SEED_FURNITURE:
        assert furniture not in text, f"seed furniture in the briefing: {furniture!r}"
    markdown = run("build", str(SEEDS)).stdout
    for furniture in SEED_FURNITURE:
        assert furniture not in markdown
