"""A sentence without a main clause verb leans on the sentence before (briefing.cues.clauses)."""

from __future__ import annotations

import pytest

from briefing.cues.clauses import lacks_main_verb
from briefing.summary.groups import _leans_on_someone


@pytest.mark.parametrize(
    "text",
    [
        # printed as lines of the whole corpus' briefing, or of a reading folder's
        "Im chinesischen Geschäftsdickicht, in dem es oft um die richtigen Kontakte, Präsente "
        "und rote Umschläge voller Geld geht, genauso wie in den Strukturen eines westlichen "
        "Unternehmens, das sich an strenge Regeln halten muss.",
        "Ein Mann, der sich in beiden Welten auskannte.",
        "Zwölf Sekunden bis zur schwarzen Null.",
        "Ein Gespräch mit dem Biografen Martin Sabrow.",
        "Weil die Spieler des TSV 1860 München am Samstag nicht mit der Presse reden durften.",
        "Kein Zuhause, kein Bett, kein Schreibtisch.",
        "Dessen Landsmann Julian Alaphilippe, Träger des Gelben Trikots.",
        "Die Kölner Apotheke, aus der die ums Leben gekommene Mutter das Glukosegemisch "
        "erhalten hat.",
        "Uraufführung des österreichischen Dramatikers Ferdinand Schmalz.",
        # adjectives inside a phrase an article opened a few words before (a week of SZ sport
        # printed it under "Unbestätigt und umstritten")
        "Im Beisein seiner offenbar aufgebrachten Mutter sowie eines schon einmal wegen "
        "Dopings gesperrten Arztes.",
        # a short word that ends as no verb does (300 DER STANDARD articles, seed 120832)
        "Vor allem für einen Politiker, der fast 30 Jahre lang in der Wirtschaftskammer tätig war.",
        # a hyphen of an elliptic compound is no dash, and a relative pronoun before an article
        # opens a clause (300 random articles, seed 120905: a line of the EU summit topic)
        "Weder im Europäischen Rat, dem Gremium der Staats- und Regierungschefs, das den "
        "Kandidaten offiziell vorschlägt noch im Europäischen Parlament, das den "
        "Kommissionspräsidenten gemäß EU-Vertrag wählt.",
        "Der Patient, der der Krankenschwester auf den Po klopft.",
        # an infinitive clause alone (a week of SZ news, rows 9000-9299: the Karliczek topic)
        "Um erstens der Amtseinführung der neuen Verteidigungsministerin beizuwohnen, ihrer "
        "CDU-Parteichefin Annegret Kramp-Karrenbauer.",
        "Um den Titel in diesem Jahr noch zu verteidigen.",
        "Um die Kosten zu senken.",
        # a quoted word or title changes nothing (300 DER STANDARD articles, seed 120834)
        'Bundeskanzler "nur zuversichtlich" bei wesentlich mehr Mittel und Personal.',
        # a particle takes the conjunction with it, no comma between (a week of SZ news, rows
        # 1000-1299: the opening line of a topic), and "zumal" opens a clause
        "Zumindest wenn Schwangere oder Minderjährige mit im Fahrzeug sitzen.",
        "Auch wenn es bis zum Bebauungsplan noch ein weiter Weg ist.",
        "Vor allem weil Illertissen wenig hinbekam.",
        "Zumal Schäuble derlei auch in der Vergangenheit immer mal wieder gemacht hatte.",
        # "genau" is no verb the corpora know (it was mined after "Was genau er ...")
        "Genau wie im EU-Parlament: Letzte Bank, bei den Lümmeln.",
        # a participle the corpora do not know as a finite form
        "Kurz gesagt also durch Versuch und Irrtum.",
        # an adverb is no strong past, nor is an adjective in -er (300 random articles, seed
        # 120907: both printed as lines, the first after a line of another source)
        "Neue Generation gegen ganz neue Generation.",
        "Kind türkischer Zuwanderer, geboren 1981 in Goslar.",
        "Oder eben nicht.",
        # a verb after "zu" is an infinitive, never the main clause's (300 random articles, seed
        # 120911: the opening line of a topic)
        "Acht Wochen, in denen sie sich bei der Linken fest vorgenommen haben, keine "
        "öffentlichen Personaldebatten zu führen.",
        "Zu viel für den A 320 Neo von Airbus, der ohnehin Schwierigkeiten hat, sein Hinterteil "
        "in die Höhe zu bekommen.",
        # ... and so is one with "zu" inside (300 random articles, seed 120912: a line of the
        # Kramp-Karrenbauer topic)
        "Mit dem Ziel, den Kampf gegen den Terror der Terrormiliz Islamischer Staat (IS) "
        "fortzusetzen.",
        # a short adjective the corpora decline is no strong past (a week of SZ news, rows
        # 9500-9799: the first line of the climate lawsuit's topic)
        "So groß, dass der Plenarsaal erstmals nicht ausreichte, um alle interessierten "
        "Besucher zu fassen.",
        "120 Jahre alt, ein Koloss von 23 Metern Höhe, vor allem aber 700 Tonnen schwer.",
        # a short word the corpora do not know as a verb between two capitalised words is a
        # name's particle (seed 120912: a picture's caption printed in the Trump topic)
        "Bundeskanzlerin Angela Merkel und Präsident Donald Trump bei einer Gedenkfeier zum "
        "Waffenstillstand, 100 Jahre nach dem Ende des Ersten Weltkriegs am Arc de Triomphe in "
        "Paris.",
        # a relative clause alone, its pronoun before a possessive (a week of SZ business
        # news, rows 8000-8299: a line of the Audi topic)
        "Die ihre Unschuld beteuern, die aber im nächsten Jahr wohl vor Gericht stehen werden.",
        "Die den Mineralien besondere Kräfte zusprechen.",
        # a list whose next noun has its adjective (300 random articles, seed 120919: an
        # interview's teaser printed in the Tölzer Löwen topic)
        "Ein Gespräch mit Löwen-Geschäftsführer Christian Donbeck über Ambitionen, realistische "
        "Ziele und das Ende der Heuchelei.",
        "Mehr Schutz für Synagogen, strengere Waffengesetze und eine strikte Bekämpfung von Hass.",
        # a preposition is no verb, though the mined verb list held "außer" (300 DER STANDARD
        # articles, seed 120843: a line of the Japan-South Korea topic); and "innerhalb",
        # "dank", "binnen" ... are prepositions the lexicon lacked
        "Niemand außer Chinas Außenminister, der mit seinem Schlichtungsversuch abgeblitzt ist.",
        "Zweiter Vorfall innerhalb weniger Tage.",
        "Auch dank der Nationalmannschaft, die kürzlich in der EM-Qualifikation siegte.",
        # an infinitive with "zu" is no finite verb (a week of SZ news, rows 2500-2799: a
        # questionnaire's answer among an orchestra's lines; 38 corpus sentences)
        "Beeindruckt wieder nach Hause zu gehen.",
        "Kaum zu glauben.",
    ],
)
def test_a_sentence_without_a_main_verb_is_found(text: str) -> None:
    assert lacks_main_verb(text)
    assert _leans_on_someone(text)  # no line of a story of several articles


@pytest.mark.parametrize(
    "text",
    [
        "Die Deutsche Bank hat in China jahrelang auf Geschenke gesetzt.",
        # a strong past the corpora know, or one with a prefix ("unter|brach"), or a verb
        # right after its subject
        "Eine Viertelstunde später unterbrach der Referee die Partie erneut.",
        "Vier Tore von Ferriero – Linz unterlag Turku nach Verlängerung.",
        "Nils Petersen mag Bremen noch immer.",
        # the main clause after a subordinate one, and after an apposition
        "Nachdem die Ermittler einen toxischen Stoff fanden, übernahm die Mordkommission den Fall.",
        "Frank Strauss, der Leiter des Bereichs, verließ die Bank im Sommer.",
        "Der Australier Peter Greste, der Kanadier Mohammed Fahmi und der Ägypter Baher Mohammed "
        "waren im vergangenen Jahr verurteilt worden.",
        "Keine Übertreibung, in den ersten 30 Minuten lieferten sich beide Teams einen "
        "beeindruckenden Schlagabtausch.",
        # a verb first, a demonstrative clause after a comma, a comparison with "als"
        "Ist es tatsächlich denkbar, dass die Regierung ein neues Gesetz plant?",
        "Gut, das ging jetzt doch zackig.",
        "Der Routinier André Greipel, 36, als Zwölfter war noch der Beste.",
        "Das teilten die Veranstalter am Dienstagabend auf ihrer Internetseite mit.",
        # a verb after its subject or after a genitive phrase, however it ends
        "Die Firma verbuchte Gewinne.",
        # "um" as a preposition, and an infinitive clause before its main clause
        "Um 12 Uhr steht die Eidesleistung auf der Tagesordnung.",
        "Um die Kosten zu senken, will die Bank Stellen streichen.",
        "Mit dem Gelöbnis im Ehrenhof des Bendlerblocks begehen Bundesregierung und Bundeswehr "
        "den Jahrestag.",
        # a quote's verb is a verb, and a result line is not asked
        '"Wir haben geliefert", sagte Stamm.',
        '"Wir haben geliefert."',
        "FC Bayern München - 1. FC Köln 4:0 (1:0), Tore: 1:0 Lewandowski (3.).",
        # the particle's clause before the main clause or after its comma
        "Auch wenn es regnet, kommt er.",
        "Er kommt, auch wenn es regnet.",
        # a verb like a participle after its subject, also after an aside in brackets
        "Sie gewähren Zutritt zu Diensten.",
        "Das gefährdet viele Tausend Arbeitsplätze.",
        "Bayerns Ministerpräsident Markus Söder (CSU) gewährt am Montag einen Einblick.",
        "Die Regierung gewährt Hilfe.",
        # a set phrase before the verb, a short strong past in -es, an adverb after the verb
        "Unter anderem erhielten Verwaltungen mehr Geld.",
        "Für gewöhnlich deuten Menschen mit dem Finger auf ein Krankenhaus.",
        "Im vergangenen Jahr blies Deutschland noch immer Treibhausgase in die Atmosphäre.",
        "Und das funktioniere eben nur mit Batterie-Antrieb.",
        # a question's verb first, after a colon too ("früher" was taken for the verb before)
        "Streit unter Schlafforschern: Reichten früher 6,5 Stunden am Stück?",
        # the main clause after the relative one; an article before "am" is an article
        "Die ihre Unschuld beteuern, stehen bald vor Gericht.",
        "Die am Montag veröffentlichten Zahlen zeigen ein Plus.",
        # a verb and an infinitive with "zu"
        "Die Bank versucht, die Kosten zu senken.",
        "Sie hat nichts zu verbergen.",
        "Ab und zu lohnt sich ein Blick über den Tellerrand.",
        "Die Regierung versucht, die Steuern abzuschaffen.",
        "Bayern hat Dortmund geschlagen.",
        "Der Plenarsaal war groß.",
        "Die Lage bleibt ernst, sagte er.",
        # a speaker's verb after the comma, in a plural the corpora know in the singular
        "Ein Missverständnis, beteuerten Universität und Stiftungsrat.",
    ],
)
def test_a_sentence_with_a_main_verb_is_not_found(text: str) -> None:
    assert not lacks_main_verb(text)


def test_a_clause_cut_off_after_its_comma_is_answered() -> None:
    """A piece that ends on a comma after a capitalised word, inside a subordinate clause, had
    raised IndexError (a list's comma was looked for past the last word)."""
    assert lacks_main_verb("Weil er damals bei den Bayern,")
    assert lacks_main_verb(", Da sich die Weißrussen früh zwei Strafzeiten leisteten")


def test_tables_read_case_folded_find_words_with_eszett() -> None:
    """The cues read a word case-folded ("Schließlich" is "schliesslich"), so a table of words
    with ß holds their folded spelling too (a Swiss text writes it so): "anschließend" had
    never matched as an opener that leans, "groß" as a short adjective."""
    from briefing import lexicon

    assert "schliesslich" in lexicon.SENTENCE_OPENERS
    assert "gemäss" in lexicon.PREPOSITIONS
    assert "dreissig" in lexicon.QUANTITIES
    assert "gross" in lexicon.NEVER_VERBS
    # (not every function word: "weiß" folded is the surname "Weiss", "Ingo Weiss" speaks)
    assert "weiss" not in lexicon.ALL_FUNCTION_WORDS
