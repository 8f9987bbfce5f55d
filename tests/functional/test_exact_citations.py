"""Exact citations, other outlets' wordings and their differences, through the command line."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

ARTICLES = {
    "a.txt": (
        "Zugunglück bei Hamburg",
        ("Bei einem Zugunglück nahe Hamburg ist am Montagabend ein Regionalzug mit einem "
        "Güterzug zusammengestoßen.\n\nBei dem Unglück wurden mindestens 112 Menschen verletzt. "
        "Drei Menschen kamen ums Leben.\n\nDie Ursache des Zusammenstoßes ist noch unklar, die "
        "Bahn hat eine Untersuchung eingeleitet."),
    ),
    "b.txt": (
        "Schweres Zugunglück in Norddeutschland",
        ("Nahe Hamburg ist am Montagabend ein Regionalzug mit einem Güterzug zusammengestoßen."
        "\n\nMindestens 145 Menschen wurden bei dem Unglück verletzt. Drei Menschen kamen ums "
        "Leben.\n\nDie Bahn hat eine Untersuchung eingeleitet, die Ursache des Zusammenstoßes ist "
        "noch unklar."),
    ),
}
INJURED_112 = "Bei dem Unglück wurden mindestens 112 Menschen verletzt."
INJURED_145 = "Mindestens 145 Menschen wurden bei dem Unglück verletzt."


@pytest.fixture
def crash(tmp_path: Path) -> Path:
    """Two outlets on one train crash: 112 injured in one, 145 in the other."""
    for name, (title, body) in ARTICLES.items():
        (tmp_path / name).write_text(
            f"---\ntitle: {title}\noutlet: {name[0].upper()}-Zeitung\ndate: 2024-03-05\n---\n"
            f"{body}\n", encoding="utf-8")
    return tmp_path


def _folded(text: str) -> str:
    return " ".join(text.split())


def test_json_cites_exactly_and_lists_both_figures_with_their_own_sources(crash, cli) -> None:
    result = cli("build", str(crash), "-f", "json")
    assert result.exit_code == 0
    topic = json.loads(result.output)["topics"][0]
    bodies = {a["id"]: _folded(Path(a["path"]).read_text(encoding="utf-8"))
              for a in topic["articles"]}
    # every line and every variant cites exactly the articles in which it stands verbatim
    for section in ("summary", "quotes", "claims", "timeline"):
        for item in topic[section]:
            if "ref" in item:
                continue
            for text, sources in [(item["text"], item["sources"]),
                                  *((v["text"], v["sources"]) for v in item["variants"])]:
                assert sources == [i for i, body in bodies.items() if _folded(text) in body]
    injured = next(i for i in topic["summary"] if "verletzt" in i["text"])
    assert (injured["text"], injured["sources"]) == (INJURED_112, ["a1"])
    assert injured["variants"] == [{"text": INJURED_145, "sources": ["a2"]}]
    # both figures, each with its own source
    [discrepancy] = topic["discrepancies"]
    assert discrepancy["differs"] == ["112", "145"]
    versions = [(v["text"], v["sources"]) for v in discrepancy["variants"]]
    assert versions == [(INJURED_112, ["a1"]), (INJURED_145, ["a2"])]
    # the version printed as a summary line is marked as such
    assert discrepancy["variants"][0]["ref"] == {
        "section": "summary", "index": topic["summary"].index(injured)}
    assert "ref" not in discrepancy["variants"][1]


def test_markdown_shows_both_figures_each_sentence_once(crash, cli) -> None:
    result = cli("build", str(crash))
    assert result.exit_code == 0
    text = result.output
    assert f"- {INJURED_112} [1; ähnlich 2]" in text
    section = text.split("## Abweichende Angaben\n", 1)[1].split("\n## ", 1)[0]
    # right after Das Wichtigste
    assert text.index("## Das Wichtigste") < text.index("## Abweichende Angaben")
    assert re.search(r"## Abweichende Angaben\n\n- \*\*112 / 145\*\*\n", text)
    number = re.findall(r"^- (.*)$", text.split("## Das Wichtigste\n", 1)[1].split("\n## ")[0],
                        re.MULTILINE).index(f"{INJURED_112} [1; ähnlich 2]") + 1
    assert f"  - → Das Wichtigste, Punkt {number} [1]: „112“\n" in section
    assert f"  - {INJURED_145} [2]\n" in section
    # no sentence printed twice
    for sentence in (INJURED_112, INJURED_145):
        assert text.count(sentence) == 1


def test_html_links_the_version_printed_above(crash, cli) -> None:
    result = cli("build", str(crash), "-f", "html")
    assert result.exit_code == 0
    page = result.output
    assert "<h3>Abweichende Angaben</h3>" in page
    assert page.index("<h3>Das Wichtigste</h3>") < page.index("<h3>Abweichende Angaben</h3>")
    anchors = re.findall(r'<a href="#(t1-summary-\d+)">', page)
    assert anchors and all(f'id="{anchor}"' in page for anchor in anchors)
    # the other version verbatim, its reference a link to its source
    assert f'<li>{INJURED_145} <span class="refs">[<a href="#q2">2</a>]</span></li>' in page

    class Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.parts: list[str] = []

        def handle_data(self, data: str) -> None:
            self.parts.append(data)

    parsed = Text()
    parsed.feed(page)
    shown = "".join(parsed.parts)
    assert shown.count(INJURED_112) == 1 and shown.count(INJURED_145) == 1


def test_the_seeds_cite_each_wording_exactly(cli) -> None:
    """The Putin quotes and the "wird vorgeworfen" claim stand in other words in article 4
    (and 2): they cite the article that carries them, the other as "ähnlich"."""
    text = cli("build").output
    assert re.search(r"schrieb Putin laut KCNA\. — Putin \[1; ähnlich 4\]", text)
    assert re.search(r"Pjöngjang wird vorgeworfen, Russland in dessen Militäroffensive .* "
                     r"\[1; ähnlich 2\]", text)
    # the timeline points to what other sections print, under normalised dates
    timeline = text.split("## Zeitleiste\n", 1)[1].split("\n## ", 1)[0]
    labels = re.findall(r"^- \*\*(.+?)\*\*:", timeline, re.MULTILINE)
    assert labels and all(re.fullmatch(r"\d\d\.\d\d\.\d{4}|(?:[A-ZÄÖÜ]\w+ )?\d{4}", label)
                          for label in labels)
    assert re.search(r"^- \*\*18\.06\.2024\*\*: ", timeline, re.MULTILINE)
    # events other sections print are pointers (2000, 2023: Das Wichtigste) ...
    assert re.search(r"^- \*\*2000\*\*: → Das Wichtigste, Punkt \d+$", timeline, re.MULTILINE)
    # ... and a sentence the timeline prints (or another wording of it) stands nowhere else
    def words(text: str) -> str:  # (quote marks and commas aside: another outlet's wording)
        return " ".join(re.findall(r"\w+", text))

    above = words(text.split("## Zeitleiste\n", 1)[0])
    for line in re.findall(r"^- \*\*.+?\*\*: (?!→)(.+?) \[[^\]]+\]$", timeline, re.MULTILINE):
        assert " ".join(words(line).split()[:8]) not in above, line
