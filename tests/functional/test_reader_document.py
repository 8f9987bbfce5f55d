"""The briefing as a reader's document (issue 18): links, contents, references, titles.

Everything here goes through the command line, as a reader's tools would.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
STORIES = REPO / "tests" / "data" / "topics" / "two_stories_two_singletons"
URL = "https://news.example/artikel/{stem}"
LATEST = "15.07.2025"  # the newest date in STORIES' front matter


def issue18(reason: str):
    return pytest.mark.xfail(strict=True, reason=f"issue 18: {reason}")


@pytest.fixture
def linked(tmp_path: Path) -> Path:
    """Two stories and two lone articles, each with a ``url`` in its front matter."""
    folder = tmp_path / "artikel"
    shutil.copytree(STORIES, folder)
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        url = URL.format(stem=path.stem)
        path.write_text(text.replace("---\n", f"---\nurl: {url}\n", 1), encoding="utf-8")
    return folder


class Page(HTMLParser):
    """The parts of an HTML page the tests look at: tags with attributes, ids, text by id."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.links: list[tuple[str, str]] = []  # (href, link text)
        self.text_of: dict[str, str] = {}  # id -> text of that element
        self._open: list[tuple[str, str | None, list[str]]] = []  # (tag, id, text parts)
        self._link: tuple[str, list[str]] | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag in ("meta", "link", "br", "img", "hr", "input"):
            return
        self._open.append((tag, attributes.get("id"), []))
        if tag == "a" and attributes.get("href"):
            self._link = (attributes["href"], [])

    def handle_endtag(self, tag):
        if tag == "a" and self._link is not None:
            self.links.append((self._link[0], "".join(self._link[1]).strip()))
            self._link = None
        while self._open:
            name, ident, parts = self._open.pop()
            text = "".join(parts)
            if ident:
                self.text_of[ident] = " ".join(text.split())
            if self._open:
                self._open[-1][2].append(text)
            if name == tag:
                break

    def handle_data(self, data):
        if self._open:
            self._open[-1][2].append(data)
        if self._link is not None:
            self._link[1].append(data)

    @property
    def ids(self) -> set[str]:
        return {a["id"] for _, a in self.tags if a.get("id")}


def build(cli, *args: str) -> str:
    result = cli("build", *args, "-q")
    assert result.exit_code == 0, result.output
    return result.stdout


# -- links to the sources -------------------------------------------------------------------


def test_markdown_quellen_link_each_source_to_its_url(cli, linked: Path) -> None:
    text = build(cli, str(linked))
    data = json.loads(build(cli, str(linked), "-f", "json"))
    quellen = [line for line in text.splitlines() if re.match(r"^\d+\. ", line)]
    minor = _minor_lines(text)
    assert len(quellen) == 6 and len(minor) == 2
    for topic in data["topics"]:
        for article in topic["articles"]:
            url, name = article["url"], Path(article["path"]).name
            if topic["minor"]:  # a lone article: its line under Weitere Meldungen
                entry = next(line for line in minor if article["title"] in line)
            else:
                entry = next(line for line in quellen if f"`{name}`" in line)
            assert f"]({url})" in entry or f"<{url}>" in entry, entry


def test_html_source_titles_link_to_their_pages(cli, linked: Path) -> None:
    page = Page(build(cli, str(linked), "-f", "html"))
    data = json.loads(build(cli, str(linked), "-f", "json"))
    targets = dict(page.links)
    for article in (a for t in data["topics"] for a in t["articles"]):
        assert targets.get(article["url"]) == article["title"]


def test_a_url_that_is_no_web_address_is_not_made_a_link(cli, linked: Path) -> None:
    path = min(linked.glob("*.txt"))
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"url: .*", "url: javascript:alert(1)", text, count=1),
                    encoding="utf-8")
    assert "](javascript:" not in build(cli, str(linked))
    page = Page(build(cli, str(linked), "-f", "html"))
    assert not any(href.lower().startswith("javascript:") for href, _ in page.links)


def test_html_references_link_to_their_source_entry(cli, linked: Path) -> None:
    page = Page(build(cli, str(linked), "-f", "html"))
    data = json.loads(build(cli, str(linked), "-f", "json"))
    titles = {a["id"][1:]: a["title"] for t in data["topics"] for a in t["articles"]}
    references = [(href, label) for href, label in page.links if re.fullmatch(r"\d+", label)]
    cited = {s[1:] for t in data["topics"] if not t["minor"] for i in t["summary"]
             for s in i["sources"]}
    assert {label for _, label in references} >= cited
    for href, label in references:
        assert href.startswith("#") and href[1:] in page.ids, href
        assert titles[label] in page.text_of[href[1:]]  # the entry of that very source


# -- contents, print and phone -------------------------------------------------------------


def test_html_of_several_stories_opens_with_contents_linking_each_story(
    cli, linked: Path
) -> None:
    html = build(cli, str(linked), "-f", "html")
    page = Page(html)
    data = json.loads(build(cli, str(linked), "-f", "json"))
    stories = [t["title"] for t in data["topics"] if not t["minor"]]
    assert len(stories) == 2
    contents = [(href, label) for href, label in page.links if label in stories]
    assert [label for _, label in contents] == stories
    for href, label in contents:
        assert href.startswith("#") and label in page.text_of[href[1:]]
    first_story = html.index(f">{stories[0]}<", html.index("</nav>"))
    assert html.index("<nav") < first_story


def test_html_of_one_story_has_no_contents(cli) -> None:
    assert "<nav" not in build(cli, "-f", "html")  # the seeds: one story


def test_html_reads_on_a_phone_and_prints(cli, linked: Path) -> None:
    html = build(cli, str(linked), "-f", "html")
    page = Page(html)
    viewport = [a for tag, a in page.tags if tag == "meta" and a.get("name") == "viewport"]
    assert viewport and "width=device-width" in (viewport[0].get("content") or "")
    assert "@media print" in html
    assert not any(tag == "script" for tag, _ in page.tags)


# -- the title and the line on what it rests on --------------------------------------------


def test_title_date_is_the_newest_article_date(cli, linked: Path) -> None:
    data = json.loads(build(cli, str(linked), "-f", "json"))
    assert LATEST in data["title"]
    assert dt.date.today().strftime("%d.%m.%Y") not in data["title"]


def test_title_leaves_the_date_out_when_no_article_has_one(cli, linked: Path) -> None:
    for path in linked.glob("*.txt"):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"date: .*\n", "", text, count=1), encoding="utf-8")
    data = json.loads(build(cli, str(linked), "-f", "json"))
    assert data["title"].startswith("Briefing")
    assert not re.search(r"\d\d\.\d\d\.\d{4}", data["title"]), data["title"]


def test_based_on_line_names_the_known_dates_in_plain_german(cli) -> None:
    line = next(x for x in build(cli).splitlines() if x.startswith("*Grundlage"))
    assert "Datum bekannt bei" not in line
    assert "davon vom 19.06.2024" in line, line


# -- Weitere Meldungen -----------------------------------------------------------------------


def _corpus_folder(shared: Path, target: Path, count: int) -> Path:
    """``count`` MLSUM articles written as files the way benchmarks/_corpus.py writes them,
    beside the two stories (lone articles whose first sentence is their title)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("corpus_writer", REPO / "benchmarks" /
                                                  "_corpus.py")
    corpus = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(corpus)
    shutil.copytree(STORIES, target)
    with (shared / "corpus" / "mlsum_de_texts.jsonl").open(encoding="utf-8") as handle:
        for number, line in zip(range(count), handle):
            text = corpus.as_paragraphs(json.loads(line)["text"])
            (target / f"mlsum_{number:03d}.txt").write_text(text + "\n", encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def crowded(tmp_path_factory, request) -> dict:
    """A folder of two stories and about forty lone articles: its Markdown, HTML and JSON."""
    from click.testing import CliRunner

    from briefing.cli import main

    shared = REPO.parent / "shared"
    if not shared.is_dir():
        pytest.skip("../shared is not available")
    folder = _corpus_folder(shared, tmp_path_factory.mktemp("crowded") / "artikel", 40)
    runner = CliRunner()
    out = {}
    for fmt in ("markdown", "html", "json"):
        result = runner.invoke(main, ["build", str(folder), "-f", fmt, "-q", "-j", "1"])
        assert result.exit_code == 0, result.output
        out[fmt] = result.stdout
    out["json"] = json.loads(out["json"])
    cleaned = runner.invoke(main, ["clean", str(folder), "-f", "json", "-q", "-j", "1"])
    out["words"] = {e["path"]: len(e.get("body", "").split()) for e in json.loads(cleaned.stdout)}
    return out


def _minor_lines(markdown: str) -> list[str]:
    section = markdown.split("## Weitere Meldungen\n", 1)[1].split("\n## ", 1)[0]
    return [line for line in section.splitlines() if line.startswith("- ")]


def test_weitere_meldungen_say_each_entry_once(crowded: dict) -> None:
    lines = _minor_lines(crowded["markdown"])
    assert lines
    for line in lines:
        title = re.match(r"- \*\*(.+?)\*\*", line).group(1)
        rest = line[line.index("**", 4) + 2 :]
        assert title.rstrip(".") not in rest, line


def test_a_title_that_ends_a_sentence_is_not_followed_by_a_colon(cli, tmp_path: Path) -> None:
    folder = tmp_path / "artikel"
    shutil.copytree(STORIES, folder)
    (folder / "greifvoegel.txt").write_text(
        "Mehrfach wurden geschützte Greifvögel getötet.\n\n"
        "Alte Feindbilder und ausgesetzte Zuchttiere dürften die Situation verschärfen. Im "
        "Burgenland fanden Spaziergänger vergiftete Seeadler. Die Polizei ermittelt.\n",
        encoding="utf-8")
    markdown, html = build(cli, str(folder)), build(cli, str(folder), "-f", "html")
    assert "- **Mehrfach wurden geschützte Greifvögel getötet.** Alte Feindbilder" in markdown
    assert "getötet.</strong> Alte Feindbilder" in html.replace("</a>", "")
    # a title without its own full stop keeps the colon
    assert "- **Freiburg gewinnt knapp gegen Mainz** (kicker): Der SC Freiburg" in markdown


def test_weitere_meldungen_are_capped_and_json_has_them_all(crowded: dict) -> None:
    minor = [t for t in crowded["json"]["topics"] if t["minor"]]
    assert len(minor) >= 30
    shown = len(_minor_lines(crowded["markdown"]))
    assert 5 <= shown <= 20
    assert f"und {len(minor) - shown} weitere" in crowded["markdown"]
    # the section (the contents before it link to it by the same name)
    html = crowded["html"].rsplit(">Weitere Meldungen<", 1)[1].split("</ul>", 1)[0]
    items = re.findall(r"<li\b[^>]*>(.*?)</li>", html, re.DOTALL)
    assert len([i for i in items if not i.startswith("und ")]) == shown
    assert f"und {len(minor) - shown} weitere" in crowded["html"]


def test_weitere_meldungen_come_most_covered_first(crowded: dict) -> None:
    minor = [t for t in crowded["json"]["topics"] if t["minor"]]

    def coverage(topic: dict) -> tuple[int, int]:
        words = sum(crowded["words"][a["path"]] for a in topic["articles"])
        return (len(topic["articles"]), words)

    assert [coverage(t) for t in minor] == sorted((coverage(t) for t in minor), reverse=True)
    shown = [re.match(r"- \*\*(.+?)\*\*", line).group(1)
             for line in _minor_lines(crowded["markdown"])]
    titles = [t["articles"][0]["title"] for t in minor]
    assert len(shown) < len(titles)
    assert all(title.startswith(shown_title.rstrip("…").replace("\\", "")[:30])
               for shown_title, title in zip(shown, titles))


# -- the outlet ----------------------------------------------------------------------------


def test_outlet_of_a_page_that_credits_its_own_video_and_agencies(cli, seeds_dir: Path) -> None:
    seed = min(seeds_dir.glob("002_*.txt"))
    entry = json.loads(cli("clean", str(seed), "-f", "json").stdout)[0]
    assert entry["outlet"] == "watson"


def test_outlet_of_agency_copy_is_the_agency(cli, tmp_path: Path) -> None:
    article = tmp_path / "meldung.txt"
    article.write_text(
        "Bahn erhöht die Preise im Fernverkehr\n\n"
        "Die Deutsche Bahn erhöht zum Fahrplanwechsel im Dezember die Preise im Fernverkehr "
        "um durchschnittlich 5,9 Prozent. Das teilte das Unternehmen am Mittwoch in Berlin mit.\n\n"
        "Der Flexpreis steigt stärker als die Sparpreise, die Bahncard 100 wird teurer. "
        "Fahrgastverbände kritisierten die Erhöhung als falsches Signal für den Klimaschutz.\n\n"
        "(afp/dpa)\n", encoding="utf-8")
    entry = json.loads(cli("clean", str(article), "-f", "json").stdout)[0]
    assert entry["outlet"] == "AFP/dpa"
