"""Exact sources and variants of a line, discrepancies of a story, and said-once pointers."""

from __future__ import annotations

from pathlib import Path

from briefing.models import (
    Article,
    Block,
    Discrepancy,
    Ref,
    SummaryItem,
    TimelineEntry,
    Topic,
    Variant,
)
from briefing.pipeline import summarize_topic
from briefing.sections import find_discrepancies, resolve_refs
from briefing.summary import TOPIC_WEIGHTS, Citations, group_sentences


def _article(ident: str, *paragraphs: str) -> Article:
    return Article(Path(f"/tmp/{ident}.txt"), f"Titel {ident}",
                   [Block("paragraph", p) for p in paragraphs], id=ident)


LEAD = "Der Stadtrat hat am Montag den Bau einer neuen Brücke über den Fluss beschlossen."


# ------------------------------------------------------------------ citations


def test_a_merged_group_cites_its_wording_and_lists_the_others_as_variants() -> None:
    first = "Der Aktienkurs des Konzerns reagierte am Dienstag mit einem Verlust von 3,7 Prozent."
    second = "Der Aktienkurs des Konzerns reagierte am Dienstag mit kräftigen Abschlägen."
    articles = [_article("a1", f"{LEAD} {first}"), _article("a2", LEAD, second),
                _article("a3", f"Davor. {first.replace('Dienstag', 'Dienstag ')}")]
    groups = group_sentences(articles, TOPIC_WEIGHTS)
    [group] = [g for g in groups if "Aktienkurs" in g.text]
    assert group.sources == ["a1", "a2", "a3"]  # the statement is reported by all three
    item = Citations(articles).item(group)
    # whitespace folds: a3 carries the text verbatim, a2 says it in other words
    assert item.sources == ["a1", "a3"]
    assert [(v.text, v.sources) for v in item.variants] == [(second, ["a2"])]
    assert item.reporters == ["a1", "a2", "a3"]


def test_sources_are_every_article_holding_the_text_within_one_paragraph() -> None:
    text = "Die Brücke soll im Jahr 2027 für den Verkehr freigegeben werden."
    articles = [_article("a1", text), _article("a2", "Vorher.", f"Der Rat tagte. {text}"),
                _article("a3", "Die Brücke soll im Jahr 2027", "für den Verkehr freigegeben "
                         "werden.")]
    citations = Citations(articles)
    assert citations.sources(text) == ["a1", "a2"]  # not across a3's paragraphs
    assert citations.sources(text.replace("2027", "2028")) == []


def test_a_summary_of_agency_copies_cites_each_copy_exactly() -> None:
    copy = "Die Regierung hat am Dienstag ein Klimapaket mit 54 Milliarden Euro beschlossen."
    edited = "Die Regierung hat am Dienstag ein Klimapaket über 54 Milliarden Euro beschlossen."
    topic = Topic("Klima", [_article("a1", copy), _article("a2", copy), _article("a3", edited)])
    summarize_topic(topic, 3)
    [item] = [i for i in topic.summary if "Klimapaket" in i.text]
    assert item.sources in (["a1", "a2"], ["a3"])
    other = ["a3"] if item.sources == ["a1", "a2"] else ["a1", "a2"]
    assert [v.sources for v in item.variants] == [other]


# ------------------------------------------------------------------ discrepancies


def _discrepancies(*articles: Article) -> list[Discrepancy]:
    groups = group_sentences(list(articles), TOPIC_WEIGHTS)
    return find_discrepancies(groups, Citations(list(articles)))


def test_versions_of_a_merged_statement_that_differ_in_a_figure() -> None:
    found = _discrepancies(
        _article("a1", LEAD, "Bei dem Unglück wurden nach Angaben der Polizei mindestens 112 "
                 "Menschen verletzt."),
        _article("a2", LEAD, "Bei dem Unglück wurden nach Angaben der Polizei mindestens 145 "
                 "Menschen verletzt."),
    )
    [discrepancy] = found
    assert discrepancy.differs == ["112", "145"]
    assert [v.sources for v in discrepancy.variants] == [["a1"], ["a2"]]


def test_differently_worded_sentences_that_count_the_same_thing_differently() -> None:
    first = "Nach dem Brand im Hafen mussten mindestens 112 Anwohner ihre Wohnungen verlassen."
    second = ("Mindestens 145 Anwohner mussten ihre Wohnungen verlassen, wie die Feuerwehr "
              "nach dem Brand im Hafen mitteilte.")
    [discrepancy] = _discrepancies(_article("a1", LEAD, first), _article("a2", LEAD, second))
    assert discrepancy.differs == ["112", "145"]
    assert [(v.text, v.sources) for v in discrepancy.variants] == [(first, ["a1"]),
                                                                   (second, ["a2"])]


def test_near_misses_are_no_discrepancy() -> None:
    # the same figure in other words; other figures that count other things; one article
    # telling two figures (an update)
    assert _discrepancies(
        _article("a1", LEAD, "Bei dem Unglück im Hafen wurden zwölf Menschen verletzt."),
        _article("a2", LEAD, "Bei dem Unglück im Hafen wurden 12 Menschen verletzt."),
    ) == []
    assert _discrepancies(
        _article("a1", LEAD, "Bei dem Brand im Hafen gab es nach Angaben der Polizei 3 Tote."),
        _article("a2", LEAD, "Bei dem Brand im Hafen gab es nach Angaben der Polizei 112 "
                 "Verletzte."),
    ) == []
    assert _discrepancies(
        _article("a1", LEAD, "Bei dem Brand im Hafen wurden am Morgen 112 Menschen verletzt.",
                 "Bis zum Abend wurden bei dem Brand im Hafen 145 Menschen verletzt."),
    ) == []


def test_each_version_stands_in_one_discrepancy() -> None:
    first = "Nach dem Brand im Hafen mussten mindestens 112 Anwohner ihre Wohnungen verlassen."
    second = ("Mindestens 145 Anwohner mussten ihre Wohnungen verlassen, wie die Feuerwehr "
              "nach dem Brand im Hafen mitteilte.")
    same = "Nach dem Brand im Hafen mussten 112 Anwohner ihre Wohnungen verlassen, so die Stadt."
    found = _discrepancies(_article("a1", LEAD, first), _article("a2", LEAD, second),
                           _article("a3", LEAD, same))
    texts = [v.text for d in found for v in d.variants]
    assert len(found) == 1 and len(texts) == len(set(texts))


def test_a_figure_that_changes_from_report_to_report_is_no_discrepancy() -> None:
    # a daily index: three reports, three figures; and two reports of different days
    base = "Der Dax legte zum Handelsschluss um {} Prozent auf {} Punkte zu."
    daily = [_article(f"a{i}", LEAD, base.format(*figures))
             for i, figures in enumerate((("0,5", "12 387"), ("0,8", "12 381"),
                                          ("1,2", "11 839")), 1)]
    assert _discrepancies(*daily) == []
    daily[0].date, daily[1].date = "2019-06-03", "2019-06-04"
    assert _discrepancies(*daily[:2]) == []
    daily[1].date = "2019-06-03"
    assert len(_discrepancies(*daily[:2])) == 1  # the same day: the outlets differ



def test_versions_that_name_different_weekdays_are_reports_of_different_days() -> None:
    # undated texts (MLSUM): "am Mittwoch" and "am Donnerstag" tell the reports apart
    first = _article("a1", LEAD, "Der Ölpreis ist am Mittwoch gestiegen: Ein Barrel der Sorte "
                     "Brent kostete am Mittwoch 61,38 US-Dollar.")
    second = _article("a2", LEAD, "Der Ölpreis ist am Donnerstag gestiegen: Ein Barrel der Sorte "
                      "Brent kostete am Donnerstag 64,93 US-Dollar.")
    assert _discrepancies(first, second) == []
    same_day = _article("a3", LEAD, "Der Ölpreis ist am Mittwoch gestiegen: Ein Barrel der "
                        "Sorte Brent kostete am Mittwoch 64,93 US-Dollar.")
    assert len(_discrepancies(first, same_day)) == 1  # the same day: the outlets differ


def test_versions_that_move_opposite_ways_are_no_discrepancy() -> None:
    """A topic of market reports (the corpus' build) printed "stieg um 1,1 Prozent auf 58,86"
    beside "fiel um 0,9 Prozent auf 56,14" as one statement told two ways: a figure that went
    up in one version and down in the other is from other days or of other things."""
    up = _article("a1", LEAD, "Im Abendhandel stieg die Notierung für ein Barrel der Sorte "
                  "Brent um 1,1 Prozent auf 58,86 Dollar.")
    down = _article("a2", LEAD, "Im Abendhandel fiel die Notierung für ein Barrel der Sorte "
                    "Brent um 0,9 Prozent auf 56,14 Dollar.")
    assert _discrepancies(up, down) == []
    same_way = _article("a3", LEAD, "Im Abendhandel stieg die Notierung für ein Barrel der "
                        "Sorte Brent um 1,3 Prozent auf 58,96 Dollar.")
    up.date = same_way.date = "2019-06-03"  # (undated quotes may be of other days: below)
    assert len(_discrepancies(up, same_way)) == 1
    # ... and so are two days' rates, each with the day before's ("the corpus' build")
    first = _article("a4", LEAD, "Im Abendhandel kostete die Gemeinschaftswährung 1,1219 "
                     "Dollar, nach 1,1284 Dollar am Vorabend.")
    second = _article("a5", LEAD, "Im Abendhandel kostete die Gemeinschaftswährung 1,1110 "
                      "Dollar, nach 1,1098 Dollar am Vorabend.")
    assert _discrepancies(first, second) == []


def test_undated_quotes_of_a_market_are_no_discrepancy() -> None:
    """The corpus' briefing (undated texts) listed 14 of its 33 discrepancies between market
    quotes: "Die britische Währung verteuerte sich um 0,3 Prozent auf 1,2898 Dollar." / "...
    stieg um 0,3 Prozent auf 1,2912 Dollar." are reports of other hours or days. Dated alike,
    or naming the same weekday, they are one day's reports that differ; a count that went up
    to a different figure is no quote."""
    first = _article("a1", LEAD, "Die britische Währung verteuerte sich um 0,3 Prozent auf "
                     "1,2898 Dollar.")
    second = _article("a2", LEAD, "Die britische Währung stieg um 0,3 Prozent auf 1,2912 Dollar.")
    assert _discrepancies(first, second) == []
    first.date = second.date = "2019-10-30"
    assert len(_discrepancies(first, second)) == 1
    brent = [_article(f"a{i}", LEAD, f"Ein Barrel der Nordseesorte Brent kostete {when} {v} "
                      "US-Dollar.") for i, (when, v) in enumerate(
                          (("am Nachmittag", "61,38"), ("am Abend", "59,74")), 3)]
    assert _discrepancies(*brent) == []
    pound = [_article(f"a{i}", LEAD, f"Gegenüber dem Euro {verb} das Pfund um 0,2 Prozent auf "
                      f"{v} Euro{tail}.") for i, (verb, v, tail) in enumerate(
                          (("zog", "1,1595", " an"), ("verteuerte sich", "1,1597", "")), 7)]
    assert _discrepancies(*pound) == []  # (the particle 45 characters after "zog")
    toll = [_article(f"a{i}", LEAD, f"Die Zahl der Toten stieg nach dem Beben auf {v}.")
            for i, v in ((5, "112"), (6, "145"))]
    assert len(_discrepancies(*toll)) == 1


def test_versions_that_point_back_are_no_discrepancy() -> None:
    """'Sie kommen auf 22,7 Prozent der Stimmen.' beside '... 23,1 Prozent': whose share? Two
    versions side by side cannot lean on the sentence before them (found in the corpus)."""
    before = "Die Grünen haben bei der Landtagswahl in Brandenburg deutlich zugelegt."
    first = _article("a1", LEAD, before + " Sie kommen nach der Auszählung aller Stimmbezirke "
                     "auf 22,7 Prozent der Stimmen.")
    second = _article("a2", LEAD, before + " Sie kommen nach der Auszählung aller Stimmbezirke "
                      "auf 23,1 Prozent der Stimmen.")
    assert _discrepancies(first, second) == []
    named = [_article(a.id, LEAD, before + " Die Grünen kommen nach der Auszählung aller "
                      f"Stimmbezirke auf {v} Prozent der Stimmen.")
             for a, v in ((first, "22,7"), (second, "23,1"))]
    assert len(_discrepancies(*named)) == 1


# ------------------------------------------------------------------ said once


def test_refs_point_to_the_item_that_prints_a_sentence() -> None:
    said = "Der Stadtrat hat am Montag den Bau einer neuen Brücke beschlossen."
    other = "Der Rat hat am Montag den Bau einer neuen Brücke beschlossen."
    topic = Topic(
        "Brücke", [],
        summary=[SummaryItem("Die Brücke kostet 40 Millionen Euro.", ["a1"]),
                 SummaryItem(said, ["a1"], variants=[Variant(other, ["a2"])])],
        timeline=[TimelineEntry("am Montag", "2024-06-17", other, ["a2"], statement=said),
                  TimelineEntry("2027", "2027", "Sie soll 2027 fertig sein.", ["a1"])],
        discrepancies=[Discrepancy([Variant(said, ["a1"]), Variant(other, ["a2"])], ["Stadtrat"])],
        claims=[SummaryItem("Das bestreitet die Opposition.", ["a3"],
                            answers=Ref("summary", 0, said))],
    )
    resolve_refs(topic)
    # the timeline's other copy of a summary line points to it; a new event stays
    assert topic.timeline[0].ref == Ref("summary", 1, said)
    assert topic.timeline[1].ref is None
    # the version printed above is pointed to, the other one is printed
    assert [v.ref for v in topic.discrepancies[0].variants] == [Ref("summary", 1, said), None]
    # a pointer follows its item when the summary changes (the TUI's +/-)
    assert topic.claims[0].answers == Ref("summary", 1, said)
    topic.summary = topic.summary[:1]
    resolve_refs(topic)
    assert topic.timeline[0].ref is None and topic.claims[0].answers is None


def test_a_timeline_entry_in_nearly_the_same_words_points_to_the_item() -> None:
    """The corpus audit found a timeline entry saying a summary line again in a shorter form
    from another source ("Die Verhandlungen liefen bereits seit dem Jahr 2000."): nearly all
    the shorter one's words stand in the item, so the timeline points to it."""
    said = ("Die Verhandlungen zwischen der EU und den Mercosur-Ländern liefen mit "
            "Unterbrechungen bereits seit dem Jahr 2000.")
    short = "Die Verhandlungen liefen bereits seit dem Jahr 2000."
    topic = Topic(
        "Mercosur", [],
        summary=[SummaryItem(said, ["a1"])],
        timeline=[TimelineEntry("seit dem Jahr 2000", "2000", short, ["a2"]),
                  TimelineEntry("2019", "2019", "Die Einigung kam im Juni 2019 zustande.",
                                ["a2"])],
    )
    resolve_refs(topic)
    assert topic.timeline[0].ref == Ref("summary", 0, said)
    assert topic.timeline[1].ref is None


def test_the_name_cue_counts_whole_words_and_the_word_before_each() -> None:
    from briefing.sections.discrepancies import _NameCue

    cue = _NameCue(Citations([
        _article("a1", "Kramp sagte, Kramp-Karrenbauer habe recht. Die U.S. Army kam. "
                 "O'Neill nickte."),
        _article("a2", "Auch Kramp kam. Der Einsatz der U.S. Army endete. O'Neill ging."),
    ]))
    assert cue("Kramp")  # twice as a whole word ("Kramp-Karrenbauer" is another word)
    assert not cue("Kramp-Karrenbauer")  # once
    assert not cue("U.S.")  # after "Die" and "der": a noun
    assert cue("Army")  # after "U.S." both times
    assert cue("O'Neill")  # a mark other than a hyphen in it (looked up by its own pattern)
    assert cue("Neill")  # (an apostrophe ends a word, as for the pattern: "O'" before it)
    assert not cue("Einsatz")  # once, after "Der"
