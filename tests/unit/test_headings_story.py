"""Story headings that missed their story in folders of 300 random articles (issue 16): a
plural or a count of people taken for a name, a place where the story names more, a role."""

from __future__ import annotations

from pathlib import Path

from briefing.models import Article, Block
from briefing.stories import topic_headings
from briefing.stories.headings import compose
from briefing.stories.headings.group import Group
from briefing.stories.headings.scan import dative_plural_base, lexicon_noun, scan_article
from briefing.stories.headings.words import base_form, is_common, is_person, name_in_full


def _story(*texts: tuple[str, str]) -> list[Article]:
    return [
        Article(Path(f"{i}.txt"), title, [Block("paragraph", p) for p in body.split("\n")])
        for i, (title, body) in enumerate(texts)
    ]


def _budget() -> list[Article]:
    """A second story of the folder, so that a story's words weigh against another's."""
    return _story(("", "Der Haushalt für das nächste Jahr steht. Der Haushalt wächst."),
                  ("", "Im Bundestag wird der Haushalt beraten. Der Haushalt sei solide."))


def test_a_plural_the_corpora_know_is_no_name() -> None:
    """ "Papierkugeln" headed the Lucke lecture, "Anschläge" the Paris attacks' inquiry: the
    plurals stood after no article, so they were taken for names. Names ending alike stay."""
    for noun in ("Papierkugeln", "Anschläge", "Terroranschläge"):
        assert lexicon_noun(noun), noun
    for name in ("Polen", "Halle", "Niedersachsen", "Bremen", "Sachsen", "Porsche", "Allianz"):
        assert not lexicon_noun(name), name


def test_the_event_of_a_plural_heads_with_its_place() -> None:
    """Two articles on the Paris attacks' inquiry: "Anschläge" alone, taken for a name, beat
    "Anschläge in Paris"."""
    story = _story(
        ("", ("Nach den Festnahmen suchen die Ermittler weiter. Bei Anschlägen in Paris waren im "
         "November 130 Menschen getötet worden. Für Anschläge in Paris soll die Zelle aus "
         "Brüssel gekommen sein.")),
        ("", ("Mehrere Attentäter sind identifiziert. Wer Anschläge in Paris plante, ist noch "
         "offen. Die Ermittler suchen, wer Anschläge in Paris und Saint-Denis bezahlte.")),
    )
    assert topic_headings([story, _budget()])[0] == "Anschläge in Paris"


def test_a_place_heads_a_story_only_when_nothing_says_more() -> None:
    """ "Genf" headed the founding of Facebook's Libra association in Geneva (val folder):
    where, not what. (A place the articles keep returning to is what they are about.)"""
    story = _story(
        ("", ("Eine Vereinigung wurde am Montag in Genf gegründet. Es heißt, 21 Mitglieder "
         "seien dabei. Sie soll Libra steuern.")),
        ("", ("Es ist wie bei einer Vereinsgründung: Die Mitglieder unterschreiben in Genf die "
         "Satzung. Libra soll 2020 starten. Die Aufsicht folgt.")),
    )
    assert topic_headings([story, _budget()])[0] == "Libra"
    calm = Block("paragraph", "Die Lage in Genf ist ruhig.")
    again = [Article(a.path, a.title, [*a.blocks, calm]) for a in story]
    assert topic_headings([again, _budget()])[0] == "Genf"


def test_people_counted_in_words_are_no_name() -> None:
    """ "Israelis" (after "vier", "zwei", "neun") were taken for a name in a story of attacks
    near Hebron: a number word counts people as "24 Israelis" does."""
    story = _story(
        ("", ("Bei Angriffen im Westjordanland wurden vier Israelis verletzt. Zuvor hatten zwei "
         "Israelis einen Angriff überlebt. Israelis und Palästinenser streiten weiter.")),
        ("", ("Nach den Angriffen im Westjordanland sind neun Israelis in Haft. Sechs Israelis "
         "wurden befragt. Israelis protestieren in Jerusalem.")),
    )
    group = Group([scan_article(a) for a in story])
    assert is_common(group, "Israelis")


def test_doctors_leaders_and_teams_are_people() -> None:
    """ "Assistenzarzt" headed a clinic's abuse case, "Separatistenführer" a Kashmir story,
    "Expertenteams aus Brüssel und London" the Brexit deal: roles and groups of people (the
    corpora write "Ärztin" with an umlaut their learning missed, "Führerin" seldom)."""
    for noun in ("Assistenzarzt", "Ärzte", "Separatistenführer", "Oppositionsführer",
                 "Expertenteams", "Verhandlungsteam"):
        assert is_person(noun), noun
    for noun in ("Führerschein", "Arztpraxis"):
        assert not is_person(noun), noun


def test_a_compounds_genitive_heads_as_its_last_part_is_written() -> None:
    """ "Uni-Hauptgebäudes" (a genitive) where the articles also write "Hauptgebäude": the
    heading writes "Uni-Hauptgebäude"."""
    story = _story(
        ("", ("Aktivisten riefen in einem Hörsaal des Uni-Hauptgebäudes. Vor dem Hauptgebäude "
         "stand die Polizei.")),
        ("", "Im Hauptgebäude der Uni war es laut. Das Hauptgebäude wurde geräumt."),
    )
    group = Group([scan_article(a) for a in story])
    assert base_form(group, "Uni-Hauptgebäudes") == "Uni-Hauptgebäude"
    assert base_form(group, "Gebäudes") == "Gebäudes"  # (no "Gebäude" written: it stays)


def test_a_known_first_name_before_the_name_in_most_of_its_uses_is_part_of_it() -> None:
    """ "Johnson" headed two Brexit stories: "Boris" stood before "Johnson" in 7 of its 9 uses
    (short of 80 %), "Johnson" alone as often ("Premierminister Johnson")."""
    story = _story(
        ("", ("Premierminister Johnson will das Parlament umgehen. Doch hält Boris Johnson an "
              "seinem Plan fest. Johnson sagte, er werde nicht nachgeben. Kritiker werfen "
              "Johnson Wortbruch vor. Anhänger nennen ihn Boris.")),
        ("", ("Wie lange hält Johnson durch? Nun steht Boris Johnson unter Druck. Die "
              "Opposition will Johnson stoppen. Auch Boris Johnsons Berater schweigen. "
              "Premierminister Johnson reist nach Brüssel.")),
    )
    assert topic_headings([story, _budget()])[0] == "Boris Johnson"


def test_a_plural_in_e_of_a_noun_written_in_both_forms_is_no_name() -> None:
    """ "Signale" headed two DER STANDARD articles on the lander Philae (seed 120835): the
    plural stood after no article ("sendete wieder Signale"), so it was taken for a name,
    though the corpora write "ein Signal" and "neue Signale"."""
    for noun in ("Signale", "Skandale", "Zitate"):
        assert lexicon_noun(noun), noun
    for name in ("Halle", "Porsche", "Sachsen"):
        assert not lexicon_noun(name), name


def test_a_matchs_schedule_in_brackets_is_no_heading() -> None:
    """ "Liveticker SZ.de" headed two previews of Germany's qualifiers (seed 120906): the words
    of "(20.45 Uhr/Liveticker SZ.de)" say where to watch, not what happened."""
    story = _story(
        ("", ("Die Nationalmannschaft muss im Spiel am Montag (20.45 Uhr/Liveticker SZ.de) in "
              "Nordirland auf Ilkay Gündogan verzichten. Gündogan hat einen Infekt.")),
        ("", ("Kai Havertz fällt gegen Nordirland (21.00 Uhr/Liveticker SZ.de) aus. Havertz "
              "hat einen Muskelfaserriss. Auch Gündogan fehlt.")),
    )
    headings = topic_headings([story, _budget()])
    assert "Liveticker" not in headings[0] and "SZ.de" not in headings[0], headings


def test_a_noun_written_only_in_the_genitive_heads_without_its_ending() -> None:
    """ "Telefonats" headed the Trump-Selenskij call (seed 120906): the articles wrote it only
    after "des" ("die Mitschrift des Telefonats"). A noun also written otherwise stays."""
    story = _story(
        ("", ("Das Weiße Haus hat die Mitschrift des Telefonats veröffentlicht. Der Inhalt "
              "des Telefonats ist brisant.")),
        ("", ("Trump wollte mit der Abschrift des Telefonats die Vorwürfe widerlegen. Teile "
              "des umstrittenen Telefonats sind bekannt. Auch die Hauptstadt des Hauses prüft.")),
    )
    group = Group([scan_article(a) for a in story])
    assert base_form(group, "Telefonats") == "Telefonat"
    assert base_form(group, "Hauses") == "Haus"
    church = _story(("", ("Zum Abschluss des Kirchentages kamen viele. Die Bilanz des "
                          "Kirchentages.")),
                    ("", "Der Präsident des großen Kirchentages sprach."))
    assert base_form(Group([scan_article(a) for a in church]), "Kirchentages") == "Kirchentag"
    stadium = _story(("", ("Im Stade des Alpes in Grenoble siegte Deutschland. Das Stade des "
                           "Alpes war voll.")),
                     ("", "Vor dem Stade des Alpes jubelten die Fans."))
    assert base_form(Group([scan_article(a) for a in stadium]), "Alpes") == "Alpes"
    plural = _story(("", "Die Autos des Herstellers sind teuer. Der Preis eines der Autos sinkt."),
                    ("", "Viele Autos stehen still. Die Autos fahren nicht."))
    assert base_form(Group([scan_article(a) for a in plural]), "Autos") == "Autos"


def test_a_storys_dateline_is_no_heading(monkeypatch) -> None:
    """ "Seoul" headed two DER STANDARD reports on North Korea (seed 120836) and "Diyarbakir"
    three on the curfews in the Kurdish south-east (seed 120835): the places the agencies
    filed from, at the start of the text or after its teaser, read as words of the lead. A
    story's articles are read without them; a lone article keeps its."""
    report = _story(("", ("21-Jähriger soll Propagandamaterial gestohlen haben. Seoul – Ein in "
                          "Nordkorea festgenommener US-Student ist verurteilt worden.")))[0]
    assert "Seoul" in scan_article(report).lead
    assert "Seoul" not in scan_article(report, dateline=False).caps
    assert "Nordkorea" in scan_article(report, dateline=False).lead
    result = _story(("", "SC Freiburg - RB Leipzig 2:1 (1:0) Tore: 1:0 Höfler (45.). Es war ..."))
    assert "Freiburg" in scan_article(result[0], dateline=False).caps  # a result, no dateline
    read: list[bool] = []
    original = compose.scan_article

    def spy(article, read_sentences=compose.MAX_SENTENCES, dateline=True):
        read.append(dateline)
        return original(article, read_sentences, dateline)

    monkeypatch.setattr(compose, "scan_article", spy)
    topic_headings([[report, report], [report]])
    assert read[:2] == [False, False]  # the story of two articles
    assert read[2:] == [True]  # the lone article (no title line of its own)


def test_an_arabic_names_article_is_part_of_the_name() -> None:
    """ "Abdel Fattah" headed three SZ reports on protests against al-Sisi, "Omar" and
    "Machthaber Baschar" others: the name stopped before its lower-case article ("al-Sisi",
    "al-Baschir", "al-Assad")."""
    story = _story(
        ("", ("Hunderte forderten den Sturz des Präsidenten Abdel Fattah al-Sisi. Die Polizei "
              "griff ein.")),
        ("", ("Der Verband sprang dem Staatspräsidenten Abdel Fattah al-Sisi zur Seite. Doch "
              "es nutzte nichts.")),
    )
    group = Group([scan_article(a) for a in story])
    assert name_in_full(group, "Fattah") == "Abdel Fattah al-Sisi"


def test_a_dative_plural_of_a_noun_written_in_both_forms_heads_as_its_plural() -> None:
    """ "Geldwäsche-Skandalen" headed the Danske Bank topic (300 random articles, seed
    120908): "Skandale" is no plural-e row of the lexicon, but the corpora write "Skandal"
    and "Skandale" both."""
    assert dative_plural_base("Geldwäsche-Skandalen") == "Geldwäsche-Skandale"
    assert dative_plural_base("Signalen") == "Signale"
    for word in ("Wahlen", "Wochen"):
        assert dative_plural_base(word) is None, word


def test_a_name_written_with_und_and_another_keeps_it() -> None:
    """ "Jammu" headed the topic on India's move in Jammu und Kaschmir (300 random articles,
    seed 120908): the name is written with "und" and its other part every time."""
    story = _story(
        ("", ("Indien entzieht Jammu und Kaschmir den Sonderstatus. Das Netz in Jammu und "
              "Kaschmir ist gesperrt.")),
        ("", ("Modi verteidigt die Entscheidung zu Jammu und Kaschmir. Pakistan protestiert.")),
    )
    group = Group([scan_article(a) for a in story])
    assert name_in_full(group, "Jammu") == "Jammu und Kaschmir"
    alone = _story(("", "Sachsen und Bayern streiten. In Sachsen wird gewählt. Sachsen wählt."),
                   ("", "Sachsen und Bayern einigen sich. Sachsen ist zufrieden."))
    assert name_in_full(Group([scan_article(a) for a in alone]), "Sachsen") == "Sachsen"


def test_a_first_name_before_a_name_in_half_its_uses_is_written_in_full() -> None:
    """ "Hunter" headed the Ukraine affair of 300 random articles (seed 120911): one article
    wrote "Hunter Biden" twice, the other "dessen Sohn Hunter"; the whole corpus' topics gave
    "Werder" and "Franck" so ("Werder Bremen", "Franck Ribéry")."""
    story = _story(
        ("", ("In Kiew fragte niemand nach Hunter Biden. Hunter Biden war Aufsichtsrat bei "
              "Burisma. Kolomojskij ist bekannter.")),
        ("", ("Trump wollte Ermittlungen gegen Joe Biden und dessen Sohn Hunter. Taylor sagte "
              "aus. Hunter arbeitete in der Ukraine.")),
    )
    group = Group([scan_article(a, compose.MAX_SENTENCES) for a in story], lone=False)
    assert compose._with_surname(group, "Hunter") == "Hunter Biden"
    assert compose._with_surname(group, "Kiew") == "Kiew"
    # one article's pairs are too few to tell ("Madrid Sorgen" of "... in Madrid Sorgen ...")
    lone = Group([scan_article(story[0], compose.MAX_SENTENCES)], lone=True)
    assert compose._with_surname(lone, "Hunter") == "Hunter"


def test_an_owners_noun_heads_in_its_base_form() -> None:
    """ "Amazons Echo-Geräten" headed two articles on smart speakers (seed 120911): the owner's
    noun kept its dative plural; the whole corpus had "Googles Servern" so."""
    story = _story(
        ("", ("Alexa aktiviert das Mikrofon in Amazons Echo-Geräten. Forscher hörten mit. "
              "Die Lautsprecher von Amazon hören zu.")),
        ("", ("Eine Studentin hackte Amazons Echo-Geräten und Google Home. Amazon reagierte. "
              "Alexa hört manchmal zu viel.")),
    )
    assert topic_headings([story, _budget()])[0] == "Amazons Echo-Geräte"


def test_initials_in_a_heading_keep_their_last_period() -> None:
    """ "T.J" headed two articles on the basketball player T.J. Bray (300 random articles, seed
    120912), a cut word; the whole corpus had "H.E.R" and "B.Z" so."""
    assert compose._closed_initials("T.J") == "T.J."
    assert compose._closed_initials("Anschlag auf U.S.A") == "Anschlag auf U.S.A."
    assert compose._closed_initials("A.S. Rom") == "A.S. Rom"
    assert compose._closed_initials("USA") == "USA"


def test_what_happened_at_a_place_heads_before_the_place_alone() -> None:
    """ "Island" headed the funeral of the Okjökull glacier (300 random articles, seed 120916)
    while "Gletscher in Island" scored 0.97 of it; the whole corpus' topics had "Hongkong" and
    "Idlib" so. A phrase with another preposition says less than the name ("Glück für
    Italien", "Lufthansa mit UFO"), and one that scores far less stays behind."""
    Candidate = compose.Candidate

    def first(*ranked: tuple[float, str, str]) -> str:
        out = [Candidate(score, text, kind, 2) for score, text, kind in ranked]
        compose._what_happened_there(out)
        return out[0].text

    assert first((2.63, "Island", "name"), (2.56, "Gletscher in Island", "phrase")) == (
        "Gletscher in Island"
    )
    assert first((1.0, "Idlib", "name"), (0.5, "Katrín", "name"),
                 (0.95, "Offensive auf die Region Idlib", "phrase")) == (
        "Offensive auf die Region Idlib"
    )
    assert first((2.0, "Italien", "name"), (1.9, "Glück für Italien", "phrase")) == "Italien"
    assert first((2.0, "Island", "name"), (1.0, "Gletscher in Island", "phrase")) == "Island"
    assert first((2.0, "Island", "name"), (1.9, "Vulkan in Chile", "phrase")) == "Island"
    assert first((2.0, "Gletscher", "noun"), (1.9, "Gletscher in Island", "phrase")) == (
        "Gletscher"
    )


def test_a_noun_in_a_set_phrase_of_a_verb_ends_no_heading() -> None:
    """ "Stadion-Umbau im Raum" headed two articles on Preußen Münster's stadium (a week of
    SZ news, rows 7000-7299): "im Raum stehen" is how the rebuild stands, not where."""
    story = _story(
        ("", ("Jetzt steht ein Stadion-Umbau im Raum, die Stadt könnte sich beteiligen. Der "
              "Verein ist alt. Der Stadion-Umbau im Raum kostet viel.")),
        ("", ("Ein Stadion-Umbau steht im Raum. Der Stadion-Umbau im Raum wäre teuer. Die "
              "Fans hoffen.")),
    )
    assert topic_headings([story, _budget()])[0] == "Stadion-Umbau"
    # "an Wert gewinnen" (a week of SZ news, rows 10300-10599: "Konjunkturdaten an Wert")
    story = _story(
        ("", ("Der Euro hat nach starken Konjunkturdaten an Wert gewonnen. Die Konjunkturdaten "
              "an Wert zu messen, fällt schwer. Der Dollar fiel.")),
        ("", ("Nach den Konjunkturdaten an Wert gewonnen hat auch das Pfund. Die "
              "Konjunkturdaten überraschten. Der Dax stieg.")),
    )
    assert topic_headings([story, _budget()])[0] == "Konjunkturdaten"


def test_a_compound_name_in_the_dative_plural_heads_in_its_plural() -> None:
    """ "E-Scootern" headed two articles on the rental scooters' new rules (the whole corpus),
    "Online-Versandhändlern" a week's story on returned goods (SZ rows 10300-10599), and a
    lone article "Hai-Kiefern": compounds the corpora do not know, taken for names, kept
    their dative plural."""
    lone = _story(("", (
        "In dem Onlinevideo singen zwei Kinder über eine Hai-Familie und ahmen mit ihren Armen "
        "das Zuschnappen von Hai-Kiefern nach. Ein Zuschauer würde kaum ahnen, dass es eines "
        "der erfolgreichsten Videos ist.")))
    assert topic_headings([_budget(), lone])[1] == "Hai-Kiefer"
