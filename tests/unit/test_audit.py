"""The line-trust audit's checks (benchmarks/audit.py) on small synthetic cases."""

from __future__ import annotations

import random

import pytest
from benchmark_module import load_benchmark

audit = load_benchmark("audit")

MARKER = [("marker", "Detailansicht öffnen")]


def line(text: str, sources: list[str], section: str = "summary", **extra) -> object:
    fields = {"topic": 0, "topic_title": "Thema", "minor": False, "index": 0}
    fields.update(extra)
    return audit.Line(section=section, text=text, sources=sources, **fields)


# ------------------------------------------------------------------ 1. citations


def test_fold_is_the_contracts_verbatim() -> None:
    folded = audit.fold("„Wir  schaffen\n das“ – sagte   sie’s")
    assert folded == '"Wir schaffen das" - sagte sie\'s'


def test_citation_flags_a_source_with_other_wording_and_passes_exact_ones() -> None:
    texts = {"a1": audit.fold("Vorher. Der Kurs fiel um 3,7 Prozent. Danach."),
             "a2": audit.fold("Der Kurs fiel mit kräftigen Abschlägen."),
             "a3": audit.fold("Am Ende: Der Kurs fiel um 3,7 Prozent."),
             "a4": audit.fold("Der Kurs fiel um 3,7 Punkte.")}
    exact = line("Der Kurs fiel um 3,7 Prozent.", ["a1", "a3"])
    audit.check_citation(exact, texts)
    assert exact.flaws == {}
    merged = line("Der Kurs fiel um 3,7 Prozent.", ["a1", "a2"])
    audit.check_citation(merged, texts)
    assert "a2" in merged.flaws["inexact citation"]
    assert "fabricated" not in merged.flaws
    ending = line("Der Kurs fiel um 3,7 Prozent.", ["a1", "a4"])  # same start, other ending
    audit.check_citation(ending, texts)
    assert "a4" in ending.flaws["inexact citation"]
    made_up = line("Der Kurs fiel um 5 Prozent.", ["a1", "a2"])
    audit.check_citation(made_up, texts)
    assert "fabricated" in made_up.flaws


def test_citation_checks_variants_against_their_own_sources() -> None:
    texts = {"a1": "Mindestens 112 Menschen wurden verletzt.",
             "a2": "Mindestens 145 Menschen wurden verletzt."}
    good = line("Mindestens 112 Menschen wurden verletzt.", ["a1"],
                variants=[("Mindestens 145 Menschen wurden verletzt.", ["a2"])])
    audit.check_citation(good, texts)
    assert good.flaws == {}
    bad = line("Mindestens 112 Menschen wurden verletzt.", ["a1"],
               variants=[("Mindestens 145 Menschen wurden verletzt.", ["a1"])])
    audit.check_citation(bad, texts)
    assert "inexact citation" in bad.flaws


def test_a_quote_may_join_sentences_of_one_source_but_a_summary_line_may_not() -> None:
    source = audit.fold('"Wir sind bereit." Dann kam lange nichts. "Wir werden siegen."')
    joined = '"Wir sind bereit." "Wir werden siegen."'
    assert audit.verbatim(joined, source, joined=True)
    assert not audit.verbatim(joined, source, joined=False)
    assert not audit.verbatim('"Wir sind bereit." "Wir verlieren."', source, joined=True)


# ------------------------------------------------------------------ 2. said twice


def test_a_line_repeating_or_containing_an_earlier_one_is_said_twice() -> None:
    summary = line("Alles dreht sich um ein Telefonat Trumps mit Selenskij.", ["a1"])
    timeline = line("Alles dreht sich um ein Telefonat Trumps mit Selenskij.", ["a1"],
                    section="timeline")
    quote = line('Er sagte: "Nein." Alles dreht sich um ein Telefonat Trumps mit Selenskij.',
                 ["a1"], section="quotes")
    other = line("Die Demokraten leiten eine Untersuchung ein.", ["a1"], section="claims")
    audit.check_repeats([summary, timeline, quote, other])
    assert "said twice" not in summary.flaws
    assert audit.category(timeline.flaws["said twice"]) == "timeline repeats summary"
    assert "said twice" in quote.flaws
    assert "said twice" not in other.flaws


def test_near_duplicates_are_counted_apart() -> None:
    first = line("Die Regierung hat am Dienstag das neue Klimapaket beschlossen.", ["a1"])
    second = line("Die Regierung hat am Dienstag das Klimapaket beschlossen.", ["a2"],
                  section="timeline")
    audit.check_repeats([first, second])
    assert "said twice" not in second.flaws
    assert "near-duplicate" in second.flaws


def test_a_lone_article_printed_as_title_and_line_is_said_twice() -> None:
    lone = line("Die Schweizer Sozialdemokratie steht vor einem Umbruch.", ["a1"],
                topic_title="Die Schweizer Sozialdemokratie steht vor einem Umbruch.", minor=True)
    audit.check_repeats([lone])
    assert "said twice" in lone.flaws
    fixed = line("Die Schweizer Sozialdemokratie steht vor einem Umbruch.", ["a1"],
                 topic_title="Die Schweizer Sozialdemokratie steht vor einem Umbruch.", minor=True)
    audit.check_repeats([fixed], title_printed_twice=False)  # the Markdown no longer repeats it
    assert fixed.flaws == {}


def test_title_repeats_reads_the_markdown() -> None:
    markdown = (
        "## Thema\n- Ein Satz. [1]\n## Weitere Meldungen\n\n"
        "- **Die SPD steht vor einem Umbruch.**: Die SPD steht vor einem Umbruch. [2]\n"
        "- **Die SPD steht vor einem Umbruch.** [3]\n"
        "- **Neuer Trainer in Köln**: Der Verein hat einen neuen Trainer verpflichtet. [4]\n"
    )
    assert audit.title_repeats(markdown) == (1, 3)


# ------------------------------------------------------------------ 3. furniture


@pytest.mark.parametrize("text", [
    "(Foto: Nathan Denette/dpa) Ohne Durant spielten die Raptors stark.",
    'Hier können Sie "Prantls Blick" auch als wöchentlichen Newsletter bestellen.',
    "Dann schreiben Sie uns an leserbriefe@example.de.",
    "Alle Nachrichten und Entwicklungen im Überblick: Johnson verliert die Abstimmung.",
    "Mehr Informationen gibt es unter https://example.org/seite.",
    "Bild vergrößern Die Kanzlerin besucht das Werk in Zwickau.",
])
def test_hand_patterns_flag_web_furniture(text: str) -> None:
    assert audit.furniture(text, []) is not None


@pytest.mark.parametrize("text", [
    "Die ersten Meldungen tauchten am Morgen auf, im Laufe des Vormittags kamen immer mehr dazu.",
    "Die Polizei sucht nach Zeugen, die am Samstag in der Innenstadt waren.",
    "Der Verlag will im kommenden Jahr sein Abo-Modell für die Zeitung ändern.",
    "Das Gericht prüfte, ob die EU-Cookie-Richtlinie auch für kleine Händler gilt.",
])
def test_news_text_is_not_furniture(text: str) -> None:
    assert audit.furniture(text, MARKER) is None


def test_mined_strings_and_captions_by_their_source_context() -> None:
    assert audit.furniture("Detailansicht öffnen Die Kanzlerin in Berlin.", MARKER)
    caption = "Die Kanzlerin bei einer Pressekonferenz in Berlin."
    assert audit.furniture(caption, MARKER, before="Er sprach lange.",
                           after=" (Foto: Kay Nietfeld/dpa) Am Dienstag")
    assert audit.furniture(caption, MARKER, before="Ende. Detailansicht öffnen",
                           after=" Am Dienstag begann die Sitzung.")
    assert audit.furniture(caption, MARKER, before="Detailansicht öffnen Merkel lacht.",
                           after=" Sie trägt Blau. (Foto: dpa) Am Dienstag")
    assert audit.furniture(caption, MARKER, before="Detailansicht öffnen (Foto: dpa) Ende.",
                           after=" Am Dienstag. (Foto: AP)") is None
    assert audit.furniture(caption, MARKER, before="Er sprach lange.",
                           after=" Am Dienstag begann die Sitzung.") is None


def test_mining_finds_boilerplate_in_unrelated_articles_not_a_repeated_story(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # 40 made-up articles relate more (pairs share their words) than 11,707 real ones
    monkeypatch.setitem(audit.MINE_PARAMS, "unrelated_max", 0.1)
    rng = random.Random(3)

    def vocabulary(n: int) -> list[str]:
        return ["".join(rng.choice("bcdfghklmnprstvw") + rng.choice("aeiou") for _ in range(4))
                for _ in range(n)]

    boilerplate = "Alle unsere Podcasts finden Sie auf der Seite des Verlags."
    story = "Der Bürgermeister von Kleinstadt eröffnete am Montag die neue Brücke."
    rare = "Am Ende zählt eben doch nur das Ergebnis auf dem Platz."
    # articles 0-19 and 20-39 pair up on their words (so that words weigh), pairs are unrelated
    words = [vocabulary(40) for _ in range(20)]
    documents = []
    for number in range(40):
        own = words[number % 20][::1 if number < 20 else -1]  # same words, other sentences
        sentences = [" ".join(own[i:i + 8]).capitalize() + "." for i in range(0, 40, 8)]
        if number < 6:
            sentences.append(boilerplate)
        if 20 <= number < 23:  # a saying in three unrelated articles: too few to be furniture
            sentences.append(rare)
        if 6 <= number < 12:  # one story told by six outlets in their words, and three copies
            sentences = [story, "Die Brücke über den Fluss kostete acht Millionen Euro.",
                         f"Der Bürgermeister lobte die {number} Bauarbeiter am Fluss."] + [
                " ".join(["Brücke", "Fluss", "Bürgermeister", "Kleinstadt", "Bauarbeiter",
                          "Millionen", "Verkehr", "Ufer"][i:] + own[:i]) + "." for i in range(5)]
        if 12 <= number < 15:
            sentences = [story, "Die Brücke über den Fluss kostete acht Millionen Euro."]
        # a marker glued before a sentence of its own, as image buttons are
        sentences.insert(1, "Bildansicht vergrößern " + " ".join(own[:5]).capitalize() + ".")
        documents.append(("SZ", " ".join(sentences)))
    mined = {(kind, text) for kind, _, text in audit.mine(documents)}
    assert ("sentence", boilerplate) in mined
    assert ("sentence", story) not in mined
    assert ("sentence", rare) not in mined
    assert ("marker", "Bildansicht vergrößern") in mined


# ------------------------------------------------------------------ 4. language


def test_english_lines_are_not_german_but_a_quoted_title_is_fine() -> None:
    assert audit.not_german("This Trump alliance is Thatcherism on steroids.")
    assert audit.not_german("I have decided to decline this prize.")
    assert audit.not_german('Gerade spielen Hanfmann und Bachinger das "Match of the day".') is None
    assert audit.not_german("Die Regierung hat das Gesetz am Dienstag beschlossen.") is None


# ------------------------------------------------------------------ 5. fragments


@pytest.mark.parametrize(("text", "why"), [
    ("und dann kam der Regen über die Stadt.", "starts lower-case"),
    ("Die Partei will am Sonntag über den Vorschlag", "no final punctuation"),
    ('Laschet sagte: "Das ist eine Binsenweisheit.', "unbalanced quotation marks"),
    ("Die Regie- rung will das Gesetz ändern.", "cut word"),
    ("Der Hoffenheimer Amiri traf nach feiner Einzelleistung zur Führung (21.",
     "unbalanced parentheses"),
    ("Beim Stand von 1:2 flankte Kingsley Schindler in der 63.", "cut at an ordinal"),
    ("Der Inhaber sagt, er könne sich das nicht erklären Ein Arzt hatte beide Fälle gemeldet.",
     "glued subheading"),
    ("Ja, genau.", "fewer than 4 words"),
])
def test_fragments_are_flagged(text: str, why: str) -> None:
    assert audit.category(audit.fragment(text) or "") == why


@pytest.mark.parametrize("text", [
    "Die Ein- und Ausfuhr von Waffen wurde im Mai verboten.",
    '"Vergessen Sie die Mutmaßungen", hieß es in Ermittlerkreisen.',
    "ter Stegen hat am Dienstag erneut im Tor gestanden.",
    "Der Strafgerichtshof in Den Haag erließ einen Haftbefehl.",
    'Kim bezeichnete Putin als "besten Freund des koreanischen Volks".',
    "Die Fraktion der Partei Die Linke stimmte dagegen.",
    "Sein politischer Kurs lässt sich an Zahlen ablesen, sie lauten 14 und 21.",
    "Trainer ist nun Oliver Glasner, 44.",
    "Der Treffer fiel kurz vor der Pause (44.).",
    "Eine Gruppe namens Die Enkel der Gefährten bekannte sich zu dem Angriff.",
    "Die Fachzeitschrift Der Feinschmecker vergibt wieder ihre Preise.",
    "Es gibt eine Anekdote, die wunderbar ins Hier und Jetzt passt.",
])
def test_whole_sentences_are_not_fragments(text: str) -> None:
    assert audit.fragment(text) is None


# ------------------------------------------------------------------ 6. speakers


def test_speakers_cut_from_their_names_or_missing_from_the_source_are_flagged() -> None:
    source = audit.fold('"Das ist ein Signal", erklärte der rechtspolitische Sprecher '
                        "Jan-Marco Luczak. Der Sprecher Jan-Marco Luczak ging dann.")
    assert audit.speaker_flaw("rechtspolitische Sprecher", [source]) == "starts lower-case"
    assert audit.category(audit.speaker_flaw("Sprecher", [source])) == "role cut from its name"
    assert audit.speaker_flaw("Carrie Lam", [source]) == "not in the cited source"
    assert audit.speaker_flaw("Jan-Marco Luczak", [source]) is None
    assert audit.speaker_flaw("ter Stegen", ["Das sagte ter Stegen."]) is None
    assert audit.speaker_flaw(None, [source]) is None


def test_a_quote_without_speaker_after_a_sentence_naming_one_is_reported() -> None:
    texts = {"a1": audit.fold('Dann trat Angela Merkel vor die Presse. "Wir schaffen das", '
                              "sagte sie.")}
    quote = line('"Wir schaffen das", sagte sie.', ["a1"], section="quotes")
    assert "Angela Merkel" in audit.missing_speaker(quote, texts)
    named = line('"Wir schaffen das", sagte sie.', ["a1"], section="quotes",
                 speaker="Angela Merkel")
    assert audit.missing_speaker(named, texts) is None


# ------------------------------------------------------------------ 7. dangling references


@pytest.mark.parametrize("text", [
    "Dessen Sohn Hunter war für den Gaskonzern Burisma tätig.",
    "Dem widersprachen die Demokraten am Abend.",
    "Er war der einzige Angeklagte in dem Prozess.",
    "Er war zufrieden, so zufrieden wie seit Langem nicht.",
    "Das sagte Bundeskanzlerin Angela Merkel am Donnerstag in Berlin.",
    "Diese Entscheidung stieß auf scharfe Kritik.",
    "Damit steigt die Zahl der Toten auf 50.",
    '"Das wird großartig für beide Länder", erklärte er.',
    # a pronoun among the first words, a possessive opener
    "2013 war er laut seiner Familie nach Syrien gegangen.",
    "Glück für ihn, blöd allerdings für die Kunden.",
    "Sein Vertrag in München läuft noch bis 2021.",
    # a pronominal adverb after the first word
    "Grund dafür sei eine Erhöhung der Rückstellungen.",
    "Parallel dazu kündigte der Konzern Abschreibungen an.",
    "Dort wird ihnen vorgeworfen, zu Protesten angestiftet zu haben.",
])
def test_dangling_references_are_flagged(text: str) -> None:
    assert audit.dangling(text) is not None


@pytest.mark.parametrize("text", [
    "Das ist die Botschaft: Die Regierung bleibt im Amt.",
    "Dafür, dass sie sich anfangs nicht interessierte, hat sie es weit gebracht.",
    "Diese Woche entscheidet der Bundestag über das Gesetz.",
    "Er könne keinen Brexit ohne Abkommen stützen, sagte Hammond am Sonntag.",
    "Er habe um ein Entgegenkommen gebeten, berichtete der Anwalt Jürgen Bogner.",
    "Sie habe Merkel stark erlebt, betonte die dänische Regierungschefin Frederiksen.",
    "Darüber hinaus soll die Steuer sinken.",
    "Es ist erst Putins zweiter Besuch in Nordkorea.",
    "Damit die Kinder lernen können, braucht es mehr Lehrer.",
    "Auch das Betriebssystem Android basiert auf quelloffener Software.",
    "Drinnen erklärte Zuma, er habe mit Korruption nichts zu tun.",
    "Ihm sei der Kreislauf abgesackt, sagte Torsten Lönnfors im ZDF.",
    '"Mit ihm haben wir einen Anführer", sagte der Trainer.',
    "Unabhängig davon, wer gewinnt, rückt die SPD nach links.",
    "Doch damit ist nun Schluss: Die Verwaltung hat die Besteigung des Uluru verboten.",
    "Doch darüber hinaus war die Startelf noch offen.",
    "Dort, wo sonst Mao Zedong auf sein Volk blickt, jubelte die Menge.",
    "Hier im Essener Norden wurde 1898 erstmals Strom erzeugt.",
])
def test_lines_that_name_their_subject_are_not_dangling(text: str) -> None:
    assert audit.dangling(text) is None


def test_a_pronoun_attribution_is_fine_when_the_speaker_is_printed() -> None:
    assert audit.dangling('"Das wird großartig", erklärte er.', speaker="Trump") is None


# ------------------------------------------------------------------ the whole audit


def test_audit_counts_each_flaw_per_thousand_lines() -> None:
    briefing = {"topics": [{
        "title": "Thema", "minor": False,
        "articles": [{"id": "a1", "path": "/nonexistent/a1.txt"},
                     {"id": "a2", "path": "/nonexistent/a2.txt"}],
        "summary": [{"text": "Der Kurs fiel um 3,7 Prozent.", "sources": ["a1", "a2"]},
                    {"text": "Die Firma legte am Dienstag ihre Zahlen vor.", "sources": ["a1"]}],
        "quotes": [], "claims": [],
        "timeline": [{"text": "Die Firma legte am Dienstag ihre Zahlen vor.",
                      "sources": ["a1"]}],
    }]}
    texts = {"a1": "Die Firma legte am Dienstag ihre Zahlen vor. Der Kurs fiel um 3,7 Prozent.",
             "a2": "Der Kurs fiel kräftig."}
    lines = audit.audit(briefing, texts=texts, mined=[])
    result = audit.counts(lines)
    assert result["lines"] == 3
    assert result["flaws"]["inexact citation"]["count"] == 1
    assert result["flaws"]["said twice"]["count"] == 1
    assert result["flaws"]["page furniture"]["count"] == 0
    assert result["flawed"] == {"count": 2, "per_1000": 666.7}


def test_a_back_reference_is_fine_when_its_antecedent_is_printed_right_before() -> None:
    texts = {"a1": "Liebe kennt keine Grenzen. Diese Lektion lernten nun auch die Beamten.",
             "a2": "Sie ist der Inbegriff der Einfallslosigkeit: die Raufasertapete."}

    def briefing(title: str) -> dict:
        return {"topics": [
            {"title": title, "minor": True, "articles": [{"id": "a1", "path": "/x/a1.txt"}],
             "summary": [{"text": "Diese Lektion lernten nun auch die Beamten.",
                          "sources": ["a1"]}]},
            {"title": "Tapete", "minor": True, "articles": [{"id": "a2", "path": "/x/a2.txt"}],
             "summary": [{"text": texts["a2"], "sources": ["a2"]}]},
        ]}

    shown, opening = audit.audit(briefing("Liebe kennt keine Grenzen."), texts=texts, mined=[])
    assert "dangling reference" not in shown.flaws
    assert "dangling reference" not in opening.flaws  # it opens its article: points forward
    hidden, _ = audit.audit(briefing("Gefängnis Vechta"), texts=texts, mined=[])
    assert "dangling reference" in hidden.flaws


def test_variants_and_discrepancies_are_audited_as_printed() -> None:
    briefing = {"topics": [{
        "title": "Unglück", "minor": False,
        "articles": [{"id": "a1", "path": "/x/a.txt"}, {"id": "a2", "path": "/x/b.txt"}],
        "summary": [{"text": "Mindestens 112 Menschen wurden verletzt.", "sources": ["a1"],
                     "variants": [{"text": "Mindestens 145 Menschen wurden verletzt.",
                                   "sources": ["a2"]}]}],
        "quotes": [], "claims": [], "timeline": [],
        "discrepancies": [{"differs": ["112", "145"], "variants": [
            {"text": "Mindestens 112 Menschen wurden verletzt.", "sources": ["a1"]},
            {"text": "Mindestens 145 Menschen wurden verletzt.", "sources": ["a1"]}]}],
    }]}
    texts = {"a1": "Mindestens 112 Menschen wurden verletzt.",
             "a2": "Mindestens 145 Menschen wurden verletzt."}
    summary, first, second = audit.audit(briefing, texts=texts, mined=[])
    assert (summary.section, first.section) == ("summary", "discrepancies")
    assert summary.flaws == {}
    # the version that is the summary item is printed as a pointer to it: no repeat
    assert "said twice" not in first.flaws
    assert "fabricated" in second.flaws


def test_a_discrepancy_version_repeating_anything_but_its_item_is_said_twice() -> None:
    item = "Bei dem Unglück wurden mindestens 112 Menschen verletzt."
    other = "Mindestens 145 Menschen wurden bei dem Unglück verletzt."
    briefing = {"topics": [{
        "title": "Unglück", "minor": False,
        "articles": [{"id": "a1", "path": "/x/a.txt"}, {"id": "a2", "path": "/x/b.txt"}],
        "summary": [{"text": item, "sources": ["a1"]}],
        "quotes": [], "claims": [],
        "timeline": [{"when": "am Montag", "date": "2024-06-17", "label": "17.06.2024",
                      "text": "→ Das Wichtigste, Punkt 1", "sources": [],
                      "ref": {"section": "summary", "index": 0}}],
        "discrepancies": [
            {"differs": ["112", "145"], "variants": [{"text": item, "sources": ["a1"]},
                                                     {"text": other, "sources": ["a2"]}]},
            # the same version again in a second discrepancy: printed twice
            {"differs": ["145", "150"], "variants": [{"text": other, "sources": ["a2"]}]},
            # a version that holds the item and more: the item's sentence printed twice
            {"differs": ["3"], "variants": [{"text": item + " Drei starben.",
                                             "sources": ["a1"]}]},
        ],
    }]}
    texts = {"a1": item + " Drei starben.", "a2": other}
    lines = audit.audit(briefing, texts=texts, mined=[])
    # the pointer entry of the timeline prints no sentence: it is no line
    assert [line.section for line in lines] == ["summary"] + ["discrepancies"] * 4
    _, pointed, printed, again, longer = lines
    assert "said twice" not in pointed.flaws and "said twice" not in printed.flaws
    assert audit.category(again.flaws["said twice"]) == "discrepancies repeats discrepancies"
    assert audit.category(longer.flaws["said twice"]) == "discrepancies repeats summary"


def test_an_antecedent_with_a_quote_or_an_initial_in_it_is_found() -> None:
    """The printed line before a back-reference is matched against the source's text before
    it, not against a split at '" ' or "V. " that cuts such an antecedent in two."""
    before = 'Es gab "erste konkrete Hinweise" auf Andreas V. schon 1998.'
    texts = {"a1": f"Vorher. {before} Sie wurden aber nicht verfolgt."}
    briefing = {"topics": [{"title": "Fall", "articles": [{"id": "a1", "path": "/x/a1.txt"}],
                            "summary": [{"text": before, "sources": ["a1"]},
                                        {"text": "Sie wurden aber nicht verfolgt.",
                                         "sources": ["a1"]}]}]}
    first, second = audit.audit(briefing, texts=texts, mined=[])
    assert "dangling reference" not in second.flaws
    alone = {"topics": [{**briefing["topics"][0], "summary": briefing["topics"][0]["summary"][1:]}]}
    [line] = audit.audit(alone, texts=texts, mined=[])
    assert "dangling reference" in line.flaws
