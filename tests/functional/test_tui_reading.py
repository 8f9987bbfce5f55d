"""The TUI's plain helpers: where a sentence stands, search hits, the export's numbering."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.models import Article, Block, Quote, SummaryItem, TimelineEntry, Topic
from briefing.text.sentences import article_sentences
from briefing.tui.reading import (
    export_name,
    find_passage,
    search_hits,
    slugify,
    standalone_topic,
    text_span,
)


def article(id_: str, *paragraphs: str) -> Article:
    return Article(Path(f"/tmp/{id_}.txt"), f"Titel {id_}",
                   [Block("paragraph", p) for p in paragraphs], id=id_)


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Putins Nordkorea-Besuch", "putins-nordkorea-besuch"),  # the usual heading
        ("Über Straßen und Flüsse", "ueber-strassen-und-fluesse"),  # umlauts and ß spelled out
        ("Ausstand: 35 Stunden!", "ausstand-35-stunden"),  # punctuation becomes one dash
        ("«»…", "briefing"),  # nothing usable left: a fallback name
        ("a" * 80, "a" * 60),  # long headings are cut
    ],
)
def test_slugify(title, slug):
    assert slugify(title) == slug


def test_export_name_is_the_slug_of_the_topic_heading():
    assert export_name(Topic("Donau-Hochwasser in Passau", [])) == "donau-hochwasser-in-passau.md"


@pytest.mark.parametrize(
    ("haystack", "needle", "span"),
    [
        ("Eins. Zwei drei. Vier.", "Zwei drei.", (6, 16)),  # plain
        ("Eins. Zwei\ndrei. Vier.", "Zwei drei.", (6, 16)),  # a hard line break inside
        ("Eins.  Zwei   drei.", "Zwei drei.", (7, 19)),  # runs of spaces
        ("Eins. Zwei drei.", "Fünf.", None),  # not there
        ("Eins.", "", None),  # nothing sought
    ],
)
def test_text_span(haystack, needle, span):
    assert text_span(haystack, needle) == span


def test_find_passage_matches_the_same_sentence_with_other_quote_marks():
    source = article("a2", "Erster Satz steht hier. Er sagte: «Wir bleiben hart im Streik.» Ende.")
    passage = find_passage(source, 'Er sagte: "Wir bleiben hart im Streik."')
    block = source.blocks[passage.block].text
    assert block[passage.start:passage.end] == "Er sagte: «Wir bleiben hart im Streik.»"


def test_find_passage_finds_a_quote_inside_a_sentence():
    source = article("a1", "Vorher.", "Weselsky sagte, man lasse sich nicht hinhalten, und ging.")
    passage = find_passage(source, "man lasse sich nicht hinhalten")
    assert passage.block == 1
    assert source.blocks[1].text[passage.start:passage.end] == "man lasse sich nicht hinhalten"


def test_find_passage_without_the_text_marks_nothing():
    passage = find_passage(article("a1", "Ganz etwas anderes steht hier."), "Fehlt völlig hier.")
    assert passage.block is None and passage.text


def test_search_hits_merge_a_sentence_that_several_articles_carry():
    shared = "Der Ausstand soll am Donnerstag um zwei Uhr beginnen."
    one = article("a1", f"{shared} Die Bahn plant einen Notfahrplan.")
    two = article("a2", f"Pendler suchen Wege. {shared}")
    topic = Topic("Bahnstreik", [one, two])
    sentences = {a.id: article_sentences(a) for a in topic.articles}
    hits = search_hits(topic, "donnerstag", sentences)
    assert [(h.text, h.sources) for h in hits] == [(shared, ["a1", "a2"])]
    assert search_hits(topic, "  ", sentences) == []


def test_a_search_hit_in_reported_speech_names_its_speaker():
    said = "Koh Yu Hwan erklärte, Moskau und Pjöngjang seien aufeinander angewiesen."
    report = "Russland brauche Nordkoreas Waffenlieferungen für den Krieg."
    one = article("a1", f"{said} {report}")
    two = article("a2", report)  # the same report without its speaker
    topic = Topic("Besuch", [two, one])
    sentences = {a.id: article_sentences(a) for a in topic.articles}
    [hit] = search_hits(topic, "waffenlieferungen", sentences)
    assert (hit.text, hit.sources, hit.speaker) == (report, ["a2", "a1"], "Koh Yu Hwan")
    [hit] = search_hits(topic, "angewiesen", sentences)  # names its speaker itself
    assert hit.speaker is None


def test_standalone_topic_numbers_from_one_and_leaves_the_loaded_topic_alone():
    three, four = article("a3", "Drei."), article("a4", "Vier.")
    topic = Topic(
        "Thema", [three, four],
        summary=[SummaryItem("Vier.", ["a4"]), SummaryItem("Drei.", ["a3", "a4"])],
        quotes=[Quote("Zitat", "Jemand", ["a4"])],
        claims=[SummaryItem("Behauptung", ["a3"])],
        timeline=[TimelineEntry("Montag", "2024-06-03", "Drei.", ["a3"])],
    )
    alone = standalone_topic(topic)
    assert [a.id for a in alone.articles] == ["a1", "a2"]
    assert [i.sources for i in alone.summary] == [["a2"], ["a1", "a2"]]
    assert alone.quotes[0].sources == ["a2"]
    assert alone.claims[0].sources == ["a1"]
    assert alone.timeline[0].sources == ["a1"]
    assert [a.id for a in topic.articles] == ["a3", "a4"]  # the app's own ids stay
    assert topic.summary[1].sources == ["a3", "a4"]
