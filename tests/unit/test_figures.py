"""Verbatim as the contract folds it, and where two versions of a statement differ."""

from __future__ import annotations

import pytest

from briefing.cues.figures import differences, frame, recounted
from briefing.text.verbatim import fold, repeats, verbatim_in

# ------------------------------------------------------------------ folding and verbatim


def test_fold_is_the_contracts_verbatim() -> None:
    assert fold("„Wir  schaffen\n das“ – sagte   sie’s") == '"Wir schaffen das" - sagte sie\'s'
    assert fold("«Nein», sagte er — ‚leise‘.") == '"Nein", sagte er - \'leise\'.'
    assert fold("  \tEin Satz.\n") == "Ein Satz."


@pytest.mark.parametrize(
    ("text", "article", "expected"),
    [
        ("Der Kurs fiel um 3,7 Prozent.", "Vorher. Der Kurs fiel um 3,7 Prozent. Danach.", True),
        ('Er sagte: „Nein.“', 'Dann. Er sagte: "Nein." Danach.', True),  # quotes fold
        ("Der Kurs fiel um 3,7\nProzent.", "Der  Kurs fiel um 3,7 Prozent.", True),  # spaces
        ("Berlin – Hamburg.", "Berlin - Hamburg.", True),  # dashes fold
        ("Der Kurs fiel um 3,7 Prozent.", "Der Kurs fiel mit kräftigen Abschlägen.", False),
        ("Der Kurs fiel um 3,7 Prozent.", "Der Kurs fiel um 3,7 Punkte.", False),
        ("Der Kurs fiel, um 3,7 Prozent.", "Der Kurs fiel um 3,7 Prozent.", False),  # a comma
        ("der kurs fiel um 3,7 prozent.", "Der Kurs fiel um 3,7 Prozent.", False),  # case
        ("", "Ein Text.", False),
    ],
)
def test_verbatim_folds_only_whitespace_quotes_and_dashes(
    text: str, article: str, expected: bool
) -> None:
    assert verbatim_in(text, fold(article)) is expected


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("Ein Satz mit vielen Worten.", "Ein Satz mit vielen Worten.", True),
        ("Ein Satz mit vielen Worten.", "Davor. Ein Satz mit vielen Worten. Danach.", True),
        ("Satz mit vielen Worten.", "Ein Satz mit vielen Worten.", True),  # whole words
        ("atz mit vielen Worten.", "Ein Satz mit vielen Worten.", False),  # not whole words
        ("Ein kurzer Satz.", "Davor. Ein kurzer Satz. Danach.", False),  # under four words
        ("Ein Satz mit vielen Worten.", "Ein Satz mit anderen Worten.", False),
    ],
)
def test_repeats_is_the_same_sentence_or_one_held_whole_in_the_other(
    first: str, second: str, expected: bool
) -> None:
    assert repeats(fold(first), fold(second)) is expected


# ------------------------------------------------------------------ discrepancies


def _name(word: str) -> bool:
    return word in {"Johnson", "Corbyn", "Kim", "Jong", "Jong-un", "Un", "Merkel", "Seehofer"}


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # a figure against another figure
        ("Bei dem Unglück wurden mindestens 112 Menschen verletzt.",
         "Bei dem Unglück wurden mindestens 145 Menschen verletzt.", [("112", "145")]),
        # a figure against words
        ("Der Aktienkurs reagierte am Dienstag mit einem Verlust von 3,7 Prozent.",
         "Der Aktienkurs reagierte am Dienstag mit kräftigen Abschlägen.",
         [("einem Verlust von 3,7 Prozent", "kräftigen Abschlägen")]),
        # a figure glued to a word
        ("Das Gericht verurteilte ihn zu einer 12-jährigen Haftstrafe.",
         "Das Gericht verurteilte ihn zu einer mehrjährigen Haftstrafe.",
         [("12-jährigen", "mehrjährigen")]),
        # a date against none
        ("Johnson will am 15. Oktober wählen lassen, sagte er.",
         "Johnson will wählen lassen, sagte er.", [("am 15. Oktober", "")]),
        # another month, another weekday
        ("Die Wahl findet am 15. Oktober statt, teilte die Regierung mit.",
         "Die Wahl findet am 15. November statt, teilte die Regierung mit.",
         [("Oktober", "November")]),
        ("Die Minister einigten sich am Dienstag auf einen Kompromiss.",
         "Die Minister einigten sich am Mittwoch auf einen Kompromiss.",
         [("Dienstag", "Mittwoch")]),
        # figures of one thing, in the corpus
        ("Die britische Währung verteuerte sich um 0,3 Prozent auf 1,2898 Dollar.",
         "Die britische Währung verteuerte sich um 0,3 Prozent auf 1,2912 Dollar.",
         [("1,2898", "1,2912")]),
        # another year; another magnitude
        ("Das Unternehmen wurde im Jahr 2018 in Berlin gegründet.",
         "Das Unternehmen wurde im Jahr 2019 in Berlin gegründet.", [("2018", "2019")]),
        ("Der Umsatz stieg im vergangenen Jahr auf 3,5 Millionen Euro.",
         "Der Umsatz stieg im vergangenen Jahr auf 3,5 Milliarden Euro.",
         [("Millionen", "Milliarden")]),
        # another name
        ("Die Rede hielt Johnson am Abend vor dem Parlament.",
         "Die Rede hielt Corbyn am Abend vor dem Parlament.", [("Johnson", "Corbyn")]),
        # other word order: the figures that count the same thing
        ("Bei dem Unglück wurden mindestens 112 Menschen verletzt.",
         "Mindestens 145 Menschen wurden bei dem Unglück verletzt.", [("112", "145")]),
        # how often is a count two reports may give differently
        ("Bayern hat zum dritten Mal in Folge die Meisterschaft gewonnen.",
         "Bayern hat zum vierten Mal in Folge die Meisterschaft gewonnen.",
         [("dritten", "vierten")]),
    ],
)
def test_versions_that_differ_in_a_number_date_or_name(a: str, b: str, expected: list) -> None:
    assert differences(a, b, _name) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # the same figure written another way
        ("Zwölf Menschen starben bei dem Unglück in der Nacht.",
         "12 Menschen starben bei dem Unglück in der Nacht."),
        ("Der Konzern beschäftigt weltweit 2.000 Menschen.",
         "Der Konzern beschäftigt weltweit 2000 Menschen."),
        ("Der Umsatz stieg im vergangenen Jahr auf 3,5 Millionen Euro.",
         "Der Umsatz stieg im vergangenen Jahr auf 3,5 Mio. Euro."),
        ("Am fünften Mai beginnt die Saison in der Stadt.",
         "Am 5. Mai beginnt die Saison in der Stadt."),
        ("Der Leitzins bleibe bei null Prozent, teilten die Währungshüter mit.",
         "Der Leitzins bleibe bei 0,0 Prozent, teilten die Währungshüter mit."),
        # which one of a series: two items, not two counts (found in the corpus' briefing)
        ("Der Radprofi Caleb Ewan hat die elfte Etappe der Tour de France gewonnen.",
         "Der Radprofi Caleb Ewan hat die 16. Etappe der Tour de France gewonnen."),
        ("Die Deutsche Bank hat den ersten Teil des US-Stresstests bestanden.",
         "Die Deutsche Bank hat den zweiten Teil des US-Stresstests bestanden."),
        # one version adds a detail: a figure beside the same words, a date beside a weekday
        ("Die 27 EU-Staaten einigten sich auf einen Kompromiss.",
         "Die EU-Staaten einigten sich auf einen Kompromiss."),
        ('"Wir wissen es", schrieb Putin am Dienstag (18. Juni) in einem Artikel.',
         '"Wir wissen es", schrieb Putin am Dienstag in einem Artikel.'),
        # the same day told another way
        ("Am Dienstag einigten sich die Minister auf einen Kompromiss.",
         "Am 18. Juni einigten sich die Minister auf einen Kompromiss."),
        ("Gestern einigten sich die Minister auf einen Kompromiss.",
         "Am 18. Juni einigten sich die Minister auf einen Kompromiss."),
        # spellings of one name; a name against a role; other nouns
        ("Kim Jong-un empfing den Gast am Flughafen.", "Kim Jong Un empfing den Gast am Flughafen."),
        ("Die Rede hielt Merkel am Abend im Bundestag.",
         "Die Rede hielt die Kanzlerin am Abend im Bundestag."),
        ("Die Rede hielt Merkel am Abend im Bundestag.",
         "Die Rede hielt Merkel am Abend im Parlament."),
        # other wording without figures
        ("Der Aktienkurs reagierte mit kräftigen Abschlägen auf die Nachricht.",
         "Der Aktienkurs reagierte mit deutlichen Verlusten auf die Nachricht."),
        # read in the corpus: the same figure or date written otherwise
        ("Zwölf Mal hat Roger Federer am letzten Turniertag auf dem Rasen gestanden.",
         "Zwölfmal hat Roger Federer am letzten Turniertag auf dem Rasen gestanden."),
        ("Das 2:0 im Duell um die Stadtmeisterschaft 2019/20 war Werbung für Hamburg.",
         "Das 2:0 im Duell um die Stadtmeisterschaft 2019/2020 war Werbung für Hamburg."),
        ("Dieser Betrag soll auf 3,35 Milliarden Euro 2020 und 3,15 Milliarden Euro 2021 sinken.",
         ("Dieser Betrag soll auf 3,35 Milliarden Euro im kommenden und 3,15 Milliarden Euro im "
         "Jahr 2021 sinken.")),
        ("Es sank gegenüber 2017 in der Summe um fast drei Prozent auf 68,1 Billionen Dollar.",
         ("Es sank gegenüber dem vergangenen Jahr in der Summe um fast drei Prozent auf 68,1 "
         "Billionen Dollar.")),
        (("Der Elsässer soll nach 18 Monaten Pause sogar bereit sein, bis zum Saisonende "
         "einzuspringen."),
         ("Der Elsässer soll nach eineinhalb Jahren Pause sogar bereit sein, bis zum Saisonende "
         "einzuspringen.")),
        # an ordinal against words, a time of day against words: not another figure
        ("In Hessen hat es nach dem Mord eine weitere rechtsextrem motivierte Gewalttat gegeben.",
         ("In Hessen hat es nach dem Mord nun eine zweite rechtsextrem motivierte Gewalttat "
         "gegeben.")),
        ("Um 7:33 Uhr erinnert die CDU-Politikerin an die Französin Simone Veil.",
         "Zu Beginn dieser Rede erinnert die CDU-Politikerin an die Französin Simone Veil."),
        # one version says more: a figure the other gives elsewhere, a clause with a date
        (("Es sind die zweiten Parlamentswahlen in diesem Jahr und die vierten innerhalb der "
         "letzten vier Jahre."),
         "Es sind die vierten Parlamentswahlen innerhalb von vier Jahren."),
        (("Auf Anfrage gab das BfR die Stellungnahme heraus, die das Portal dann Mitte Februar "
         "2019 auf seiner Internetseite veröffentlichte."),
         "Auf Anfrage gab das BfR die Stellungnahme heraus."),
        # a version cut short, or broken inside a date
        ("Die neue Regel geht auf eine Warnung der Agentur vom 1. August zurück.",
         "Die neue Regel geht auf eine Warnung der Agentur vom 1."),
        ("Hintergrund ist, dass der Senat am 18. Juni über ein Eckpunktepapier entscheidet.",
         "Juni, über ein Eckpunktepapier entscheidet und das dann Grundlage wird."),
        ("Oktober 2019 Der Staatssender begründete die Entscheidung damit.",
         "Der Staatssender begründete die Entscheidung damit."),
        ("Die Grenzregion umfasst nur 77000 Deutsch sprechende Belgier.",
         "Die Grenzregion umfasst nur 77 000 Deutsch sprechende Belgier."),
        ("Für Firmen klingt das Angebot des Start-ups verlockend.",
         "Für Firmen klingt das Angebot von Hyp3r verlockend."),
        ("Das Video soll den Rapper zeigen, wie er einen Mann zu Boden wirft.",
         "Das Video soll den 30-Jährigen zeigen, wie er einen Mann zu Boden wirft."),
        ("Das 2:0 im ersten Zweitliga-Saisonduell war Werbung für die Stadt.",
         "Das 2:0 im ersten von zwei Spielen war Werbung für die Stadt."),
        ("In Hongkong gehen Millionen Menschen schon seit Wochen auf die Straße.",
         "In Hongkong gehen die Menschen schon seit Wochen auf die Straße."),
        ("Was sind für den Pharmakonzern schon 572 Millionen Dollar im Vergleich dazu?",
         "Was sind für den Pharmakonzern schon 515 Millionen Euro im Vergleich dazu?"),
        ("Die Parteien fuhren ein deutlich höheres Ergebnis als im April ein.",
         "Die Parteien fuhren ein deutlich höheres Ergebnis ein."),
        (("Frodeno schaffte die 3,8 Kilometer Schwimmen und 42,195 Kilometer Laufen in 7:51 "
         "Stunden."),
         ("Frodeno schaffte die 3,86 Kilometer Schwimmen und 42,2 Kilometer Laufen in 7:51 "
         "Stunden.")),
        ("Skeptischer als andere zeigt sich der Sachverständigenrat für 2020.",
         "Skeptischer als andere zeigt sich der Sachverständigenrat für das kommende Jahr."),
        ("2014 waren es erst 31,44 Milliarden Euro, 2005 erst 15,55 Milliarden Euro.",
         "Im Jahr zuvor waren es erst 31,44 Milliarden Euro, 2005 erst 15,55 Milliarden Euro."),
        ("Der IQB-Bildungstrend 2018 bestätigt das Bild, das viele Tests ergeben haben.",
         "Er bestätigt das Bild, das viele Tests ergeben haben."),
        ("Schon beim 29:29 am vorigen Sonntag in Erlangen hatten die Mannheimer verspielt.",
         "Schon beim Unentschieden in Erlangen hatten die Mannheimer verspielt."),
        ('"Combat 18" hat nach Schätzung von Verfassungsschützern wenige Dutzend Mitglieder.',
         ("Die Organisation hat nach Schätzung von Verfassungsschützern wenige Dutzend "
         "Mitglieder.")),
        ("Der Boxer Day starb im Krankenhaus in Chicago, er wurde 27 Jahre alt.",
         "Oktober 2019 Der Boxer Day starb im Krankenhaus in Chicago."),
        ("Als Schlussmann der 4 x 1,25 km-Mixed-Staffel war Muffels zu Gold geschwommen.",
         "Als Schlussmann der 4x1,25km-Mixed-Staffel schwamm Muffels zu Gold."),
        ("Zuvor hatte das Kraftfahrtbundesamt angeordnet, dass 60 000 Diesel zurück müssen.",
         "Am Freitag hat das Kraftfahrtbundesamt angeordnet, dass 60 000 Diesel zurück müssen."),
        ("Schon am Sonntag hatten bis zu einer Million Hongkonger protestiert.",
         "Bereits am Wochenende hatten bis zu einer Million Hongkonger protestiert."),
        ("Sie gedenken der Massaker, die Soldaten vor 75 Jahren, im August 1944, verübt haben.",
         "Sie gedenken der Massaker, die Soldaten hier im August 1944 verübt haben."),
        (("Der Anteil der Frauen in den Aufsichtsräten der 185 Unternehmen ist seit 2015 um elf "
         "Prozentpunkte gestiegen."),
         "In den 185 Unternehmen beträgt der Anteil der Aufseherinnen nun 30,9 Prozent."),
        # a rate in two currencies: two statements, not two versions (the corpus' build
        # printed them as "Abweichende Angaben" of a currency topic)
        ("Der Dollar verteuerte sich im Gegenzug um mehr als zwei Prozent auf 796 Peso.",
         "Im Gegenzug verbilligte sich der Dollar um 0,8 Prozent auf 0,9823 Franken."),
    ],
)
def test_near_misses_are_no_discrepancy(a: str, b: str) -> None:
    assert differences(a, b, _name) == []


def test_names_count_only_with_a_name_cue() -> None:
    a = "Die Rede hielt Johnson am Abend vor dem Parlament."
    b = "Die Rede hielt Corbyn am Abend vor dem Parlament."
    assert differences(a, b) == []  # without is_name no word is a name


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Bei dem Unglück wurden mindestens 112 Menschen verletzt.",
         "Mindestens 145 Menschen wurden bei dem Unglück verletzt.", [("112", "145")]),
        ("Bei dem Unglück starben 3 Menschen, 112 wurden verletzt.",
         "Bei dem Unglück starben 5 Menschen, 112 wurden verletzt.", [("3", "5")]),
        # different figures that count different things
        ("Bei dem Unglück gab es nach Polizeiangaben 3 Tote.",
         "Bei dem Unglück gab es nach Polizeiangaben 112 Verletzte.", []),
        ("Allen voran verlor das Papier von Daimler 2,9 Prozent, VW gab nach.",
         "Im Dax verloren die Papiere von BMW 4,2 Prozent, VW gab nach.", []),
        # the same figures in other words
        ("Bei dem Unglück wurden mindestens 112 Menschen verletzt.",
         "Mindestens 112 Menschen wurden bei dem Unglück verletzt.", []),
    ],
)
def test_recounted_pairs_figures_that_count_the_same_thing(
    a: str, b: str, expected: list
) -> None:
    assert recounted(a, b) == expected


def test_frame_leaves_out_figures_and_dates() -> None:
    first = frame("Bei dem Unglück am 3. Mai wurden 112 Menschen verletzt.")
    second = frame("Bei dem Unglück am 4. Juni wurden 145 Menschen verletzt.")
    assert first == second
    assert not any(word[:1].isdigit() for word in first)
