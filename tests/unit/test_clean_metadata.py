"""Article metadata: front matter first, then trafilatura for HTML, then what the text states."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.clean import clean_document, clean_text, normalize_date, parse_front_matter
from briefing.ingest import RawDocument, read_document

DATA = Path(__file__).resolve().parent.parent / "data" / "clean"


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2024-06-19", "2024-06-19"),  # ISO
        ("2024-06-19T08:30:00+02:00", "2024-06-19"),  # ISO timestamp from HTML metadata
        ("19.06.2024, 12:28", "2024-06-19"),  # Swiss/German stamp
        ("19.06.2024, 12:2819.06.2024, 14:13", "2024-06-19"),  # glued published/updated pair
        ("Mittwoch, 3. Juli 2024", "2024-07-03"),  # written month
        ("June 19, 2024", "2024-06-19"),  # English month
        ("2024/06/19", "2024-06-19"),  # slashes
        ("2024-06", None),  # no day: unknown beats a guess
        ("31.02.2024", None),  # no such day
        ("gestern", None),  # not a date
        ("", None),
        (None, None),
    ],
)
def test_normalize_date(value, expected):
    assert normalize_date(value) == expected


def test_front_matter_is_parsed_and_removed():
    meta, rest = parse_front_matter("---\ntitle: Ein Titel\ndate: 2024-06-19\n---\nText.\n")
    assert meta == {"title": "Ein Titel", "date": "2024-06-19"}
    assert rest == "Text.\n"


@pytest.mark.parametrize(
    "text",
    [
        "Kein Front Matter.\n---\ntitle: x\n---\n",  # not at the start
        "---\n: : not yaml [\n---\nText\n",  # broken YAML
        "---\n- a list\n---\nText\n",  # YAML but not a mapping
    ],
)
def test_text_without_valid_front_matter_is_left_as_it_is(text):
    assert parse_front_matter(text) == ({}, text)


# Front matter that YAML rejects (an unquoted second colon) read line by line: the file's
# case name -> the fields expected; None: the block is no metadata and stays in the text.
@pytest.mark.parametrize(
    "case, expected",
    [
        # the reported case: "title: A: B"; every other field still read
        ("front_matter_colon_in_title", {
            "title": "Putin in Pjöngjang: Was bekannt ist", "outlet": "Tagesschau",
            "date": "2024-06-19", "url": "https://example.org/putin-pjoengjang"}),
        # a comment, a capitalised key, unknown keys with nested lists: known keys only
        ("front_matter_colon_with_other_keys", {
            "title": "Bahnstreik: Was Pendler wissen müssen", "outlet": "Der Kurier",
            "date": "3. Juli 2024"}),
        # quotes around a value are not part of it; a URL keeps its own colon
        ("front_matter_colon_quoted_values", {
            "title": "Hochwasser: Pegel steigen weiter", "outlet": "Radio Süd: Nachrichten",
            "url": "https://example.org/hochwasser?tag=1"}),
        # a rule above a line of prose with colons: no known key, so no front matter
        ("front_matter_rule_above_prose", None),
    ],
)
def test_front_matter_yaml_rejects_is_read_line_by_line(case, expected):
    text = (DATA / f"{case}.txt").read_text(encoding="utf-8")
    meta, rest = parse_front_matter(text)
    if expected is None:
        assert (meta, rest) == ({}, text)
        return
    assert meta == expected
    assert rest == text.split("\n---\n", 1)[1]


def test_front_matter_read_line_by_line_gives_the_article_its_title_and_date():
    document = read_document(DATA / "front_matter_colon_in_title.txt")
    assert isinstance(document, RawDocument)
    article = clean_document(document)
    assert (article.title, article.outlet, article.date) == (
        "Putin in Pjöngjang: Was bekannt ist", "Tagesschau", "2024-06-19")
    assert article.body.startswith("Der russische Präsident") and "---" not in article.body


def test_front_matter_read_line_by_line_with_windows_line_ends():
    text = "---\r\ntitle: A: B\r\ndate: 2024-06-19\r\n---\r\nText.\r\n"
    assert parse_front_matter(text) == ({"title": "A: B", "date": "2024-06-19"}, "Text.\r\n")


def test_front_matter_fields_win_over_what_the_text_says():
    document = read_document(DATA / "front_matter.txt")
    assert isinstance(document, RawDocument)
    article = clean_document(document)
    assert article.title == "Stadt Zürich senkt den Steuerfuss"
    assert article.outlet == "Limmattaler Anzeiger"
    assert article.date == "2024-11-27"
    assert article.url == "https://example.org/zuerich/steuerfuss"
    assert article.body.startswith("Der Gemeinderat der Stadt Zürich")
    assert "---" not in article.body


def test_html_is_read_with_trafilatura_and_its_metadata():
    document = read_document(DATA / "article.html")
    assert isinstance(document, RawDocument) and document.kind == "html"
    article = clean_document(document)
    assert article.title == "Neue Seilbahn auf den Säntis eröffnet"
    assert article.outlet == "Ostschweizer Tagblatt"
    assert article.date == "2024-07-05"
    assert article.url == "https://example.org/ostschweiz/saentis-seilbahn"
    assert [b.text for b in article.blocks if b.is_heading] == ["Mehr Gäste im Winter erwartet"]
    body = article.body
    assert "Nach zwei Jahren Bauzeit" in body and "Alpsteingebirge." in body
    for furniture in ("Startseite", "Meistgelesen", "Unfall auf der A1", "Rechte", "Impressum"):
        assert furniture not in body


def test_a_date_stamp_line_gives_the_date_and_leaves_the_body():
    page = clean_text(
        "Neue Brücke über die Aare eröffnet\n\n19.06.2024, 12:2819.06.2024, 14:13\n\n"
        "Die neue Brücke über die Aare ist am Mittwoch für den Verkehr freigegeben worden. "
        "Sie ersetzt einen Bau aus den Sechzigerjahren.\n"
    )
    assert page.date == "2024-06-19"
    assert page.title == "Neue Brücke über die Aare eröffnet"
    assert all("12:28" not in b.text for b in page.blocks)


@pytest.mark.parametrize(
    "field, date",
    [
        ("date 2024-06", None),  # month only: unknown
        ("date 2024-06-18", "2024-06-18"),
    ],
)
def test_a_scraped_date_field_before_the_lead(field, date):
    page = clean_text(
        f" {field} Der Bundesrat hat am Dienstag neue Regeln für den Bahnverkehr beschlossen. "
        "Sie gelten ab dem kommenden Jahr.\n\n"
        "Die Kantone hatten die Änderungen in der Vernehmlassung mehrheitlich begrüsst, wie es "
        "in einer Mitteilung heisst.\n"
    )
    assert page.date == date
    assert page.blocks[0].text.startswith("Der Bundesrat hat am Dienstag")


def test_an_outlet_prefix_is_split_off_when_the_headline_repeats():
    page = clean_text(
        "Der Landbote - Winterthur baut ein neues Hallenbad\n\n"
        "Winterthur baut ein neues Hallenbad\n\n"
        "Die Stadt Winterthur baut bis 2028 ein neues Hallenbad mit einem 50-Meter-Becken. "
        "Das Parlament hat den Kredit am Montag bewilligt.\n"
    )
    assert page.title == "Winterthur baut ein neues Hallenbad"
    assert page.outlet == "Der Landbote"


def test_a_dash_in_a_headline_is_not_taken_for_an_outlet():
    page = clean_text(
        "Hitze in Südeuropa - Waldbrände in Griechenland\n\n"
        "In Griechenland sind bei grosser Hitze mehrere Waldbrände ausgebrochen. Die Feuerwehr "
        "kämpft auf mehreren Inseln gegen die Flammen.\n"
    )
    assert page.outlet is None
    assert page.title == "Hitze in Südeuropa - Waldbrände in Griechenland"


def test_unknown_metadata_is_none():
    page = clean_text(
        "Der Gemeinderat hat am Montag das Budget beraten. Die Debatte dauerte bis in die Nacht.\n"
    )
    assert (page.title, page.outlet, page.date, page.url) == (None, None, None, None)
