"""Article text is data: escaping, autoescaping, sandboxed user templates, one-line template errors."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from briefing.errors import TemplateError
from briefing.models import Article, Block, Briefing, Quote, Skipped, SummaryItem, Topic
from briefing.render import md_code, md_escape, render_briefing, safe_url

HOSTILE = [
    "# Überschrift",
    "## Zweite Ebene ##",
    "[Klick](javascript:alert(document.cookie))",
    "![Bild](javascript:alert(1))",
    "<script>alert('x')</script>",
    "<img src=x onerror=alert(1)>",
    "Bund | Land | Gemeinde",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "{{ 7*7 }} und {% for x in range(3) %}x{% endfor %}",
    "Zeile eins\n\n# Überschrift nach Leerzeile\n- Listenpunkt\n> Zitat",
    "1. Aufzählung",
    "```\nCodeblock\n```",
    "    eingerückter Code",
    "**fett** und _kursiv_ und ~~durch~~",
    "&lt;script&gt; als Entität",
    "<https://example.org/autolink>",
    "Text\x1b[31m mit Escape-Sequenz",
    "Ende mit Backslash \\",
    "---",
    "===",
]


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("# Überschrift", "\\# Überschrift"),  # heading at line start
        ("Titel ##", "Titel \\#\\#"),  # closing hashes would be cut from a heading
        ("1. Punkt", "1\\. Punkt"),  # ordered list item
        ("19.06.2024 in Berlin", "19.06.2024 in Berlin"),  # a date is not a list item
        ("- Punkt", "\\- Punkt"),  # bullet
        ("> Zitat", "\\> Zitat"),  # block quote
        ("[a](javascript:x)", "\\[a\\](javascript:x)"),  # link
        ("<script>", "\\<script\\>"),  # raw HTML
        ("a | b", "a \\| b"),  # table cell
        ("{{ 7*7 }}", "\\{\\{ 7\\*7 \\}\\}"),  # template syntax (Jekyll, Hugo, mkdocs macros)
        ("~~x~~", "\\~\\~x\\~\\~"),  # strikethrough
        ("&amp; & mehr", "\\&amp; & mehr"),  # entity shown as written; a lone & is fine
        ("a\nb\r\nc\u2028d", "a b c d"),  # always one line
        ("Bell\x07 und \x1b[2J", "Bell und \\[2J"),  # control characters
        ("Müller „zitiert“ – 5 €", "Müller „zitiert“ – 5 €"),  # plain German text unchanged
    ],
)
def test_md_escape(text: str, escaped: str) -> None:
    assert md_escape(text) == escaped


@pytest.mark.parametrize(
    ("name", "span"),
    [
        ("artikel.txt", "`artikel.txt`"),
        ("a`b.txt", "``a`b.txt``"),  # a backtick cannot close the span
        ("`x`.txt", "`` `x`.txt ``"),
        ("zwei\nZeilen.txt", "`zwei Zeilen.txt`"),  # a newline cannot start a heading
    ],
)
def test_md_code(name: str, span: str) -> None:
    assert md_code(name) == span


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://example.org/a?b=1", "https://example.org/a?b=1"),
        ("javascript:alert(1)", "#"),
        (" JaVa\nScRipt:alert(1)", "#"),
        ("data:text/html,<script>", "#"),
        ("mailto:a@example.org", "mailto:a@example.org"),
        (None, "#"),
    ],
)
def test_safe_url(url: str | None, safe: str) -> None:
    assert safe_url(url) == safe


def hostile_briefing(tmp_path: Path) -> Briefing:
    """A briefing whose every text field is hostile; two topics and one skipped file."""
    topics = []
    for number, text in enumerate(HOSTILE[:2], 1):
        article = Article(
            path=tmp_path / f"evil`{number}\n# name.txt",
            title=HOSTILE[number + 1],
            blocks=[Block("paragraph", t) for t in HOSTILE],
            outlet="<b>Bote</b> | [x](javascript:1)",
            date="2024-06-19",
            id=f"a{number}",
        )
        topic = Topic(
            title=text,
            articles=[article],
            summary=[SummaryItem(t, [article.id]) for t in HOSTILE],
            quotes=[Quote("„{{ 7*7 }}“ <script>", "# Sprecher", [article.id])],
        )
        topics.append(topic)
    topics[0].articles.append(
        Article(path=tmp_path / "b.txt", title="Zweite Quelle", blocks=[], id="a3")
    )
    skipped = [Skipped(tmp_path / "x`y\n# z.pdf", "binary file (<PDF> | # doc)")]
    return Briefing("# Titel {{ 7*7 }} <script>", topics, skipped, dt.date(2024, 6, 20))


def _markdown_html(text: str) -> str:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(text)


def test_markdown_structure_is_the_templates_own(tmp_path: Path) -> None:
    text = render_briefing(hostile_briefing(tmp_path), "markdown")
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings == [
        "# \\# Titel \\{\\{ 7\\*7 \\}\\} \\<script\\>",
        "## \\# Überschrift", "### Das Wichtigste", "### Zitate", "### Quellen",
        "## \\## Zweite Ebene \\#\\#", "### Das Wichtigste", "### Zitate", "### Quellen",
        "## Nicht verwendet",
    ]
    html = _markdown_html(text)
    assert (html.count("<h1>"), html.count("<h2>"), html.count("<h3>")) == (1, 3, 6)
    for forbidden in ("<script", "<img", "<table", "<pre", "<code>Codeblock", "<blockquote",
                      "<a href", "<strong>fett", "<em>kursiv", "<s>", "49"):
        assert forbidden not in html, forbidden
    # Every summary item is one list item, with its text shown as written.
    assert html.count("<li>") == 2 * (len(HOSTILE) + 1) + 3 + 1
    assert "{{ 7*7 }} und {% for x in range(3) %}x{% endfor %}" in html
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in html


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)

    def handle_data(self, data):
        self.text.append(data)


def test_html_is_autoescaped(tmp_path: Path) -> None:
    page = render_briefing(hostile_briefing(tmp_path), "html")
    parsed = _Elements()
    parsed.feed(page)
    assert "script" not in parsed.tags and "img" not in parsed.tags and "b" not in parsed.tags
    names = {"lang", "charset", "class", "value", "id", "href", "name", "content", "aria-label",
             "title"}
    assert {name for name, _ in parsed.attrs} <= names
    # anchors and in-page links are the template's own: stories, sources and items (the
    # pointers' targets) by number, no text
    ids = {value for name, value in parsed.attrs if name == "id"}
    assert all(re.fullmatch(r"top|inhalt|weitere|nicht-verwendet|thema-\d+|q\d+"
                            r"|t\d+-(?:summary|quotes|claims|timeline)-\d+", i) for i in ids)
    assert {value for name, value in parsed.attrs if name == "href"} <= {f"#{i}" for i in ids}
    text = "".join(parsed.text)
    assert "<script>alert('x')</script>" in text  # shown, not run
    assert "{{ 7*7 }}" in text and "49" not in text


def test_user_template_for_html_is_autoescaped_whatever_its_name(tmp_path: Path) -> None:
    template = tmp_path / "mine.j2"
    template.write_text("{% for t in topics %}<p>{{ t.title }}</p>{% endfor %}", "utf-8")
    page = render_briefing(hostile_briefing(tmp_path), "html", template_file=template)
    assert "<p>&lt;img src=x onerror=alert(1)&gt;</p>" not in page  # HOSTILE[5] is no title
    assert "<p># Überschrift</p>" in page
    assert "<script" not in page.replace("&lt;script", "")


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("ok\n{{ title }}\n{% for x in %}\n",
         "{file}:3: Expected an expression, got 'end of statement block'"),
        ("a\nb\n{{ nope }}\n", "{file}:3: 'nope' is undefined"),
        ("a\n{{ ''.__class__.__mro__ }}\n",
         ("{file}:2: refused by the sandbox: access to attribute '__class__' of 'str' object "
         "is unsafe.")),
        ("{{ cycler.__init__.__globals__ }}",
         ("{file}:1: refused by the sandbox: access to attribute '__init__' of 'type' object "
         "is unsafe.")),
        ("{{ title.__len__() }}",
         ("{file}:1: refused by the sandbox: access to attribute '__len__' of 'str' object "
         "is unsafe.")),
        ("x\n{% include 'missing.j2' %}\n", "{file}:2: template not found: missing.j2"),
        ("x\n{% extends 'missing.j2' %}\n", "{file}:2: template not found: missing.j2"),
        ("\n\n{% import 'gone.j2' as g %}", "{file}:3: template not found: gone.j2"),
        ("{% include ['a.j2', 'b.j2'] %}", "{file}:1: template not found: a.j2, b.j2"),
        ("{{ title }}\n{{ 1/0 }}\n", "{file}:2: ZeroDivisionError: division by zero"),
        ("{{ 'x' * 100000 * 100000 }}",
         "{file}:1: refused by the sandbox: repeating a sequence that often makes it too large"),
        ("\n{{ 2 ** 10000000 }}", "{file}:2: refused by the sandbox: 2 ** 10000000 is too large"),
        ("{{ lipsum(10**9) }}", "{file}:1: 'lipsum' is undefined"),
        ("{{ 'x'|center(10**9) }}", "{file}:1: refused by the sandbox: center: width too large"),
        ("{{ '%999999999s'|format('x') }}", "{file}:1: refused by the sandbox: format width too large"),
        ("{{ '%999999999s' % 'x' }}", "{file}:1: refused by the sandbox: format width too large"),
        ("{{ '{:>{w}}'.format('x', w=10**9) }}",
         "{file}:1: refused by the sandbox: format width too large"),
        ("{% macro r() %}{{ r() }}{% endmacro %}\n{{ r() }}",
         "{file}:1: template recursion too deep"),
    ],
)
def test_template_errors_are_one_line_with_file_and_line(
    tmp_path: Path, source: str, message: str
) -> None:
    template = tmp_path / "user.md.j2"
    template.write_text(source, "utf-8")
    with pytest.raises(TemplateError) as caught:
        render_briefing(hostile_briefing(tmp_path), "markdown", template_file=template)
    assert str(caught.value) == message.format(file=template)
    assert "\n" not in str(caught.value)


def test_error_in_an_included_template_names_that_template(tmp_path: Path) -> None:
    (tmp_path / "part.j2").write_text("eins\nzwei\n{{ nope.x }}\n", "utf-8")
    (tmp_path / "briefing.md.j2").write_text("oben\n{% include 'part.j2' %}\n", "utf-8")
    with pytest.raises(TemplateError, match=re.escape(f"{tmp_path / 'part.j2'}:3: 'nope'")):
        render_briefing(hostile_briefing(tmp_path), "markdown", template_dirs=[tmp_path])


def test_missing_template_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match=r"^.*nope\.j2: no such template file$"):
        render_briefing(hostile_briefing(tmp_path), "markdown", template_file=tmp_path / "nope.j2")
    with pytest.raises(TemplateError, match=r"^.*gone: no such template folder$"):
        render_briefing(hostile_briefing(tmp_path), "markdown", template_dirs=[tmp_path / "gone"])


def test_ordinary_formatting_still_works(tmp_path: Path) -> None:
    template = tmp_path / "fmt.j2"
    template.write_text(
        "{{ '%s/%d'|format('a', 3) }} {{ '%05.1f' % 2.5 }} {{ '{}-{:>4}'.format(1, 2) }} "
        "{{ 7 % 3 }} {{ 'ab' * 2 }} {{ 2 ** 10 }} {{ 'x'|center(5) }}|",
        "utf-8",
    )
    text = render_briefing(hostile_briefing(tmp_path), "markdown", template_file=template)
    assert text == "a/3 002.5 1-   2 1 abab 1024   x  |"


def test_template_dir_overrides_and_extends_the_default(tmp_path: Path) -> None:
    (tmp_path / "briefing.md.j2").write_text(
        "EIGENE VORLAGE\n{% include 'default:briefing.md.j2' %}", "utf-8"
    )
    text = render_briefing(hostile_briefing(tmp_path), "markdown", template_dirs=[tmp_path])
    assert text.startswith("EIGENE VORLAGE\n# \\# Titel")


def test_cli_hostile_template_refused_in_one_line(cli, tmp_path: Path) -> None:
    template = tmp_path / "hostile.j2"
    template.write_text("{{ ''.__class__.__mro__[1].__subclasses__() }}", "utf-8")
    result = cli("build", "--template", str(template), "-q")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"briefing: {template}:1: refused by the sandbox: access to attribute '__class__' "
        "of 'str' object is unsafe.\n"
    )


def test_a_lone_articles_line_that_says_its_title_again_in_other_words_is_left_out() -> None:
    """300 random articles (seed 120727) printed '**Deutscher Finanzminister Schäuble schließt
    Ausscheiden Griechenlands aus Eurozone nicht aus.** Der deutsche Finanzminister Wolfgang
    Schäuble schließt unterdessen ein Ausscheiden Griechenlands aus der Eurozone nicht aus.'"""
    from briefing.render.filters import repeats

    title = ("Deutscher Finanzminister Schäuble schließt Ausscheiden Griechenlands aus Eurozone "
             "nicht aus.")
    assert repeats(
        "Der deutsche Finanzminister Wolfgang Schäuble schließt unterdessen ein Ausscheiden "
        "Griechenlands aus der Eurozone nicht aus.", title)
    # a line that adds what the title leaves out stays
    assert not repeats(
        "Der deutsche Finanzminister Wolfgang Schäuble schließt ein Ausscheiden Griechenlands aus "
        "der Eurozone nicht aus, sollte Athen die Reformliste bis Montag nicht vorlegen.", title)
    assert not repeats("Der Verein hat einen neuen Trainer verpflichtet.", "Neuer Trainer in Köln")
    assert repeats("Die SPD steht vor einem Umbruch.", "Die SPD steht vor einem Umbruch.")
