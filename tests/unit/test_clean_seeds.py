"""The five bundled seeds, cleaned: their furniture goes, their article paragraphs stay."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.clean import clean_document
from briefing.ingest import RawDocument, read_document
from briefing.models import Article

SEEDS = Path(__file__).resolve().parent.parent.parent / "seeds"

# Per seed: (start of the file name, article text that must stay, furniture that must go,
# title, outlet, date).
CASES = [
    # trailing "OTHER NEWS" list with "N hrs ago" lines; the headline again in lower case
    (
        "000_",
        ["Am Dienstagabend soll der russische Präsident", "Das sagt Putin vor dem Treffen",
         "So reagiert die USA", "Im Anschluss an seinen Aufenthalt in Nordkorea"],
        ["OTHER NEWS", "hrs ago", "VW wagt bei Auto-Software", "Neues Wettermodell",
         "seltene reise nach pjöngjang", "Kaja Kallas"],
        "Seltene Reise nach Pjöngjang: Das wollen Putin und Kim voneinander", None, None,
    ),
    # outlet prefix, repeated headline with a photo credit, UI strings, byline, "Empfohlen"
    (
        "001_",
        ["Bei seinem ersten Staatsbesuch in Nordkorea", "Kim sprach von einem Abkommen",
         "Zum offiziellen Start ihres Treffens"],
        ["The National Times", "Foto: © POOL/AFP", "Textgröße ändern", "A.Parker--TNT",
         "Empfohlen", "Biden", "Lemke", "Halevi", "Baerbock"],
        "Putin vereinbart in Nordkorea enge Zusammenarbeit und dankt für Ukraine-Hilfe",
        "The National Times", None,
    ),
    # section labels, video credits, glued timestamps, captions in English and German,
    # agency tag, donation prompt, comments with votes, a trailing teaser
    (
        "002_",
        ["Russlands Präsident Wladimir Putin ist derzeit auf Staatsbesuch",
         "Kim und Putin, Putin und Kim", "Darum geht es jetzt",
         "Im vergangenen September dann trafen sich Putin und Kim",
         "Der 71-Jährige sagte mit Blick auf seinen Besuch von 2000"],
        ["International", "Video: watson", "in Bildern", "12:28", "Mehr «International»",
         "Der Überblick", "North Korea", "FILE - In this", "epa10857899", "Bild: keystone",
         "Bild: AP", "Prost!", "Hier siehst du den Empfang im Video", "(yam/sda/dpa)",
         "DANKE", "5 CHF", "Banküberweisung", "Kommentare", "Celtic Swiss", "registriert",
         "Melden", "Zum Kommentar", "1517", "Gaspipeline", "Zur Story"],
        # the outlet from its own video credit, named twice ("Video: watson/Michael Shepherd")
        "Putin besucht Kim – und will von diesem mehr Waffen für die Ukraine", "watson",
        "2024-06-19",
    ),
    # no headline line: starts with a scraped "date 2024-06" field before the lead
    (
        "003_",
        ["Wladimir Putin wird zum Staatsbesuch in Nordkorea erwartet.",
         "Nordkoreas Machthaber Kim Jong-un hat Russlands Präsident",
         "USA besorgt über vertiefte Beziehungen",
         "Wegen mutmaßlicher russischer Kriegsverbrechen"],
        ["date 2024-06", "Das Wichtigste in Kürze"],
        None, None, None,
    ),
    # the headline in lower case, "News Related"/"OTHER NEWS" teasers with "Read more »"
    (
        "004_",
        ["Der russische Präsident Wladimir Putin will nach Nordkorea reisen.",
         "Nordkorea gilt seit langem als einer der größten illegalen Waffenlieferanten"],
        ["verhältnis immer enger: wladimir", "(m.l.)", "News Related", "OTHER NEWS", "Read more",
         "Subventionen schaden", "John Mayall", "Deutschlandticket", "Novartis",
         "Top List in the World"],
        "Verhältnis immer enger: Wladimir Putin will nach Nordkorea reisen", None, None,
    ),
]


def clean_seed(prefix: str) -> Article:
    (path,) = SEEDS.glob(f"{prefix}*.txt")
    document = read_document(path)
    assert isinstance(document, RawDocument)
    return clean_document(document)


@pytest.mark.parametrize(
    "prefix, kept, dropped, title, outlet, date", CASES, ids=[case[0] for case in CASES]
)
def test_seed_is_cleaned_to_its_article(prefix, kept, dropped, title, outlet, date):
    article = clean_seed(prefix)
    body = article.body
    for text in kept:
        assert text in body, f"article text lost: {text!r}"
    for text in dropped:
        assert text not in body, f"page furniture kept: {text!r}"
    if title is not None:
        assert article.title == title
    assert article.outlet == outlet
    assert article.date == date


def test_seed_without_headline_takes_its_first_sentence_as_title():
    assert clean_seed("003_").title == "Wladimir Putin wird zum Staatsbesuch in Nordkorea erwartet."


def test_seed_subheadings_are_headings_not_paragraphs():
    article = clean_seed("000_")
    headings = [b.text for b in article.blocks if b.is_heading]
    assert headings == [
        "Das sagt Putin vor dem Treffen",
        "So spielt Nordkorea im Ukraine-Krieg mit",
        "So reagiert die USA",
        "Das sagt die Ukraine zu Putins Besuch",
    ]


def test_a_kicker_before_the_first_sentence_is_no_title(tmp_path: Path) -> None:
    """A text that opens with a news page's kicker ("Golf, Woods: Tiger Woods hat ...") was
    titled "Golf, Woods:" once the kicker became a piece of its own (the corpus' headings
    printed "Tennis" for an Alexander Zverev topic): the first sentence after it is the title."""
    path = tmp_path / "woods.txt"
    path.write_text(
        "Golf, Woods: Tiger Woods hat mit seinem 82. Turniersieg Geschichte geschrieben. Der "
        "Kalifornier gewann in Japan.\n",
        encoding="utf-8",
    )
    document = read_document(path)
    assert isinstance(document, RawDocument)
    article = clean_document(document)
    assert article.title == "Tiger Woods hat mit seinem 82. Turniersieg Geschichte geschrieben."
