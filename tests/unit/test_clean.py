"""Cleaning scraped pages: page furniture goes, article text and subheadings stay."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.clean import EmptyArticleError, clean_document, clean_text
from briefing.ingest import RawDocument, read_document
from briefing.models import Article

DATA = Path(__file__).resolve().parent.parent / "data" / "clean"


def clean_file(name: str) -> Article:
    document = read_document(DATA / name)
    assert isinstance(document, RawDocument)
    return clean_document(document)


def raw(text: str, name: str = "page.txt") -> RawDocument:
    return RawDocument(Path(name), text, "text", "hash")


FURNITURE = [
    # reader comments: names, dates, vote counts, "Melden", the "42 Kommentare" opener
    (
        "comments_with_votes.txt",
        ["Nach tagelangem Starkregen ist die Rhone", "Die Pegelstände sinken nur langsam",
         "Staatsrat Franz Ruppen sagte vor den Medien"],
        ["Kommentare", "Walliser Bergler", "registriert", "412", "Melden", "Zum Kommentar",
         "Feuerwehrleute", "Jedes Jahr das gleiche Theater", "(kat/sda)", "Mehr «Schweiz»",
         "Video: leserreporter", "07:41"],
    ),
    # a trailing link list of headlines under "N hrs ago" lines
    (
        "link_list_hrs_ago.txt",
        ["Die Gewerkschaft Deutscher Lokomotivführer", "Fachkräftemangel."],
        ["WEITERE NEWS", "hrs ago", "Lufthansa streicht", "Autobahn A7", "Sturmböen"],
    ),
    # a donation prompt with prices after the agency tag
    (
        "donation_prompt.txt",
        ["Der Gemeinderat hat am Mittwochabend", "mit einem Drittel an den Kosten."],
        ["DANKE", "unterstützen?", "5 CHF", "25 CHF", "Anderer Betrag", "Banküberweisung",
         "umgeleitet", "(sda)"],
    ),
    # English agency captions and credits inside a German article
    (
        "english_captions.txt",
        ["Bei einer Privataudienz im Vatikan", "rund vierzig Minuten",
         "verschleppter ukrainischer Kinder."],
        ["FILE - In this photo", "epa11234567", "Pope Francis", "Bild: keystone",
         "Ein Händedruck zum Abschied", "Foto: © Vatican Media/AFP"],
    ),
    # an "Empfohlen" block of whole paragraphs about other news after the byline
    (
        "recommended_block.txt",
        ["Rund 50 Kilometer vor der Insel Borkum", "Schweinswale und Zugvögel"],
        ["M.Weber--NSK", "Empfohlen", "Schuldenbremse", "Tennisstar", "Inflation in der Eurozone",
         "Textgröße ändern", "/ Foto: © dpa", "Nordsee Kurier"],
    ),
    # a cookie/consent dialog copied along below the copyright footer
    (
        "consent_overlay.txt",
        ["In der Nacht auf Dienstag sind Unbekannte",
         "unter der Telefonnummer 0123 4567 zu melden."],
        ["Cookie", "Speicherung", "Nutzerprofile", "Alle akzeptieren", "Copyright", "Impressum",
         "Startseite"],
    ),
    # the box about the author after the last paragraph
    (
        "author_box.txt",
        ["Nicht nur in den Grossstädten", "sagt ein Sprecher des Hauseigentümerverbands."],
        ["Lena Vogt", "Redakteurin", "schreibt seit 2019"],
    ),
    # teasers under a recurring section label after the article
    (
        "teaser_tail.txt",
        ["Der Autozulieferer will bis Ende 2026", "sagte ein Sprecher."],
        ["Chiphersteller", "zwei Milliarden Euro", "Bahn bestellt", "Inflation sinkt",
         "Wirtschaft"],
    ),
    # photo captions: who stands where, numbered figures
    (
        "photo_caption.txt",
        ["Der FC Thun hat am Montag", "Ziel sei der Aufstieg in die Super League",
         "trifft Thun auswärts auf den FC Aarau."],
        ["(l.)", "bei der Vorstellung im Stadion", "Abbildung 1", "Tabelle der Challenge League"],
    ),
    # an English page: measured with English stop words, not skipped as "no German prose"
    (
        "english_page.txt",
        ["High winds and heavy rain", "Ferry services to the islands have been cancelled."],
        ["Share this article", "Related", "Floods close roads", "Business"],
    ),
    # UI strings, a glued timestamp pair, the headline again in lower case, a video intro
    (
        "ui_strings.txt",
        ["Nach der Niederlage seines Lagers", "Beobachter in Paris zeigten sich überrascht."],
        ["Textgröße ändern", "10.06.2024, 06:12", "Mehr «International»",
         "macron löst die nationalversammlung auf", "Hier siehst du die Ansprache im Video:",
         "Video: srf", "(dab/sda/afp)", "International\n", "Frankreich"],
    ),
]


@pytest.mark.parametrize(
    "name, kept, dropped", FURNITURE, ids=[row[0].removesuffix(".txt") for row in FURNITURE]
)
def test_furniture_goes_and_the_article_stays(name: str, kept: list[str], dropped: list[str]):
    body = clean_file(name).body
    for text in kept:
        assert text in body, f"article text lost: {text!r}"
    for text in dropped:
        assert text not in body, f"page furniture kept: {text!r}"


def test_a_block_about_other_news_is_cut_because_of_its_topic_not_its_label():
    page = (DATA / "recommended_block.txt").read_text(encoding="utf-8")
    relabelled = page.replace("Empfohlen", "Lesestoff")
    body = clean_document(raw(relabelled)).body
    assert "Schuldenbremse" not in body and "Tennisstar" not in body
    assert "Schweinswale und Zugvögel" in body


def test_paragraphs_after_the_byline_that_stay_on_topic_are_kept():
    page = (DATA / "recommended_block.txt").read_text(encoding="utf-8")
    head, _, _ = page.partition("Empfohlen")
    on_topic = (
        head
        + "Windpark vor Borkum: Netzbetreiber baut Leitungen aus\n\n"
        + "Damit der Strom aus dem Windpark vor Borkum ins Netz fliessen kann, baut der "
        + "Netzbetreiber in Niedersachsen neue Leitungen. Die Windräder auf See liefern bereits "
        + "Strom für eine Million Haushalte, sagte ein Sprecher des Betreibers.\n"
    )
    body = clean_document(raw(on_topic)).body
    assert "baut der Netzbetreiber in Niedersachsen neue Leitungen" in body


def test_subheadings_stay_as_heading_blocks():
    article = clean_file("subheadings.txt")
    headings = [b.text for b in article.blocks if b.is_heading]
    assert headings == ["Fichten sind besonders betroffen", "Was die Förster jetzt tun"]
    assert article.blocks[0].kind == "paragraph"
    assert all(h not in article.paragraphs for h in headings)


def test_an_article_of_short_paragraphs_is_left_alone():
    article = clean_file("short_paragraphs.txt")
    assert article.title == "Liveticker: Gewitter ziehen über die Region"
    assert article.paragraphs == [
        "Ein Gewitter hat am Abend den Flughafen erreicht.",
        "Mehrere Flüge wurden umgeleitet.",
        "Die Feuerwehr rückte zu 40 Einsätzen aus.",
        "In Winterthur fielen Bäume auf die Strasse.",
        "Verletzt wurde niemand.",
        "Die Bahnstrecke nach Schaffhausen ist unterbrochen.",
        "Am Freitag wird es wieder sonnig.",
    ]


def test_an_interview_keeps_its_questions_and_answers():
    article = clean_file("interview.txt")
    assert article.title == "«Die Gletscher verlieren jedes Jahr mehr Eis»"
    body = article.body
    for text in (
        "Frage: Frau Brunner, wie geht es den Schweizer Gletschern?",
        "Antwort: Schlecht. Allein im letzten Jahr",
        "Frage: Kann man den Rückgang noch aufhalten?",
        "Antwort: Aufhalten nicht mehr, aber bremsen.",
        "Was raten Sie Wanderern?",
        "denn der auftauende Boden macht manche Routen gefährlich.",
    ):
        assert text in body


def test_a_page_of_navigation_only_is_empty_with_a_reason():
    with pytest.raises(EmptyArticleError, match="no article text"):
        clean_file("only_navigation.txt")


def test_an_empty_page_is_empty_with_a_reason():
    with pytest.raises(EmptyArticleError, match=r"\w"):
        clean_document(raw("\n\n   \n"))


def test_soft_wrapped_prose_is_joined_into_one_paragraph():
    page = clean_text(
        "Ein Titel über die Stadtbibliothek\n\n"
        "Die Stadtbibliothek bleibt wegen Bauarbeiten bis Ende März geschlossen, wie\n"
        "die Stadtverwaltung am Montag mitteilte. Ausleihen sind in der Filiale möglich.\n"
    )
    assert [b.text for b in page.blocks] == [
        (
            "Die Stadtbibliothek bleibt wegen Bauarbeiten bis Ende März geschlossen, wie die "
            "Stadtverwaltung am Montag mitteilte. Ausleihen sind in der Filiale möglich."
        )
    ]


def test_columns_copied_side_by_side_become_separate_lines():
    page = clean_text(
        "Politik          Wirtschaft          Sport          Kultur\n\n"
        "Ein langer Titel über den Haushalt der Stadt\n\n"
        "Der Stadtrat hat den Haushalt für das kommende Jahr mit grosser Mehrheit verabschiedet. "
        "Die Schulden sollen sinken, die Investitionen in Schulen steigen.\n"
    )
    assert "Wirtschaft" not in " ".join(b.text for b in page.blocks)
    assert page.title == "Ein langer Titel über den Haushalt der Stadt"


def test_markdown_headings_give_the_title_and_subheadings():
    article = clean_file("markdown_headings.md")
    assert article.title == "Neue Velobrücke über die Limmat"
    assert [b.text for b in article.blocks if b.is_heading] == ["Kosten höher als geplant"]
    assert "#" not in article.body


def test_a_whole_article_on_one_line_with_credits_inside_is_kept():
    sentence = (
        "Der Stadtrat hat am Dienstag über den neuen Busbahnhof beraten, der bis 2028 am "
        "Bahnhofplatz entstehen soll. "
    )
    one_line = (
        "Bild: Stadtverwaltung " + sentence * 3 + "(Foto: dpa) Die Kosten liegen bei "
        "zwölf Millionen Franken, wie die Verwaltung mitteilte. (Foto: privat) Die"
    )
    article = clean_document(raw(one_line + "\n"))
    assert "die Verwaltung mitteilte" in article.body


def test_an_author_box_under_the_lead_goes_with_its_name_header():
    page = (
        "Neue Tramlinie durch die Altstadt geplant\n\n"
        "Die Verkehrsbetriebe wollen bis 2030 eine neue Tramlinie durch die Altstadt bauen. "
        "Die Pläne stossen bei Anwohnern auf Widerstand.\n\n"
        "Jonas Keller\n\n"
        "Jonas Keller kam 2015 zur Zeitung. Er ist Absolvent der Journalistenschule und "
        "schreibt über Verkehr und Stadtentwicklung.\n\n"
        "Die neue Linie soll den Bahnhof mit dem Spital verbinden. Die Stadt rechnet mit Kosten "
        "von rund 200 Millionen Franken, der Bund soll einen Teil davon übernehmen.\n\n"
        "Gegen die Pläne haben sich bereits mehrere Quartiervereine ausgesprochen. Sie fürchten "
        "Lärm und den Verlust von Parkplätzen in den engen Gassen der Altstadt.\n"
    )
    body = clean_document(raw(page)).body
    assert "Jonas Keller" not in body and "Journalistenschule" not in body
    assert "Die neue Linie soll den Bahnhof mit dem Spital verbinden." in body


def test_a_signed_teaser_of_another_article_goes_with_its_title():
    page = (
        "Stadt baut neues Hallenbad\n\n"
        "Die Stadt will bis 2027 ein neues Hallenbad mit einem 50-Meter-Becken bauen. Der "
        "Gemeinderat hat den Kredit über 40 Millionen Franken am Montag bewilligt.\n\n"
        "Neue Eishalle eröffnet\n\n"
        "Nach zwei Jahren Bauzeit ist die Eishalle im Norden der Stadt fertig. Sie bietet Platz "
        "für 3000 Zuschauer. Von Anna Meier und Peter Huber\n\n"
        "Das alte Hallenbad aus den Sechzigerjahren soll nach der Eröffnung des Neubaus "
        "abgerissen werden. Auf dem Gelände sind Wohnungen geplant.\n"
    )
    body = clean_document(raw(page)).body
    assert "Eishalle" not in body and "Anna Meier" not in body
    assert "Das alte Hallenbad aus den Sechzigerjahren" in body


def test_a_last_paragraph_that_only_sounds_like_an_author_box_stays():
    page = (
        "Fernbusse fordern tiefere Mehrwertsteuer\n\n"
        "Die Fernbusbranche verlangt denselben Steuersatz wie die Bahn. Für Tickets im "
        "Fernverkehr der Bahn gilt seit Januar der reduzierte Satz von sieben Prozent.\n\n"
        "Die Branche ist aus mehreren Gründen verärgert: Auch der Bus sei ein "
        "klimafreundliches Verkehrsmittel, sagte ein Sprecher des Verbands am Montag.\n\n"
        "Die Bahn-Konkurrenz ist derzeit auch aus anderen Gründen nicht gut auf den "
        "Verkehrsminister zu sprechen, wie ein Manager eines Anbieters sagte.\n"
    )
    body = clean_document(raw(page)).body
    assert "Die Bahn-Konkurrenz ist derzeit" in body
    assert "Die Branche ist aus mehreren Gründen verärgert" in body


def test_a_long_paragraph_ending_in_an_ellipsis_is_prose_not_a_cut_teaser():
    paragraph = (
        "Der Musiker spielt seit zwanzig Jahren in Wien und hat mit vielen Bands Platten "
        "aufgenommen, zuletzt mit einem Klarinettisten aus New York. "
    ) * 5 + "Wann er wieder mit dem Zug von Prag nach Wien fährt, ist noch offen ..."
    article = clean_document(raw(paragraph + "\n"))
    assert article.body.endswith("ist noch offen ...")


@pytest.mark.parametrize(
    "menu",
    ["Fitness Food Abnehmen Love Beauty Fashion Health Life Deals",
     "Abnehmen , Fitness , Ernährungstipps , Weihnachten"],
)
def test_a_menu_or_a_tag_list_is_no_headline(menu: str) -> None:
    """Found as titles of the cleaning dev pages under "Weitere Meldungen"."""
    body = ("Die Weihnachtszeit steht für Genuss und Besinnlichkeit, doch beim Abnehmen hilft sie "
            "nicht. Unsere Ernährungstipps zum Abnehmen: kleine Portionen, viel Gemüse und "
            "Bewegung an der frischen Luft. Wer auf Fitness und gesundes Food achtet, kommt gut "
            "durch die Feiertage.")
    assert clean_text(f"{menu}\n\n{body}\n").title is None


def test_a_headline_of_capitalised_nouns_with_its_punctuation_stays_the_headline() -> None:
    """German nouns are capitalised: six capitalised words with a colon are a headline (a page
    of the cleaning dev set), not a menu."""
    title = "Mein Motto Konsumsparen: Fazit, Erkenntnisse, Pläne"
    body = ("Ein Jahr lang habe ich versucht, weniger zu kaufen und mehr zu sparen. Das Motto "
            "Konsumsparen hat mein Leben verändert, und ich ziehe heute mein Fazit mit allen "
            "Erkenntnissen und den Plänen für das kommende Jahr.")
    assert clean_text(f"{title}\n\n{body}\n").title == title


def test_a_text_without_a_headline_is_not_titled_by_a_furniture_sentence() -> None:
    """Eleven podcast notes of the corpus were titled 'Falls der Podcast nicht korrekt
    abgespielt wird, ...' in the Quellen list and under Weitere Meldungen."""
    text = ("Falls der Podcast nicht korrekt abgespielt wird, kann er unter diesem Link aufgerufen "
            "werden. Katharina Marisa Katz hat ein Buch übers Gründen geschrieben. Darin erzählt "
            "sie von ihrem Weg in die Selbstständigkeit.\n")
    title = clean_document(raw(text)).title
    assert title == "Katharina Marisa Katz hat ein Buch übers Gründen geschrieben."
