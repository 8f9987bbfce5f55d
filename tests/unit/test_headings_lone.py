"""Headings of lone articles (a topic of one plain text with no title line): issue 16."""

from __future__ import annotations

from pathlib import Path

from briefing.models import Article, Block
from briefing.stories.headings.compose import lone_headings
from briefing.stories.headings.group import Group
from briefing.stories.headings.scan import LONE_SENTENCES, scan_article
from briefing.stories.headings.words import (
    FIRST_NAMES,
    TITLES,
    base_form,
    is_person,
    name_in_full,
)


def test_a_role_of_a_noun_in_e_is_a_person() -> None:
    """The person nouns are learned from a feminine form: "Experte" has "Expertin" (the -e
    drops), so "IT-Experten" name people, no event; "Schwere" (Schwerin is a town) does not."""
    assert is_person("IT-Experten") and is_person("Experte") and is_person("Zeugen")
    assert is_person("Torschütze") and is_person("Briten")
    assert not is_person("Schwere")


def _plain(text: str, number: int = 0) -> Article:
    """A plain text as the loader reads one: its first sentence stands in for a title."""
    paragraphs = [p for p in text.split("\n") if p]
    title = paragraphs[0].split(". ")[0] + "."
    return Article(Path(f"{number}.txt"), title, [Block("paragraph", p) for p in paragraphs])


VAN_DER = (
    "Bundespräsident Alexander Van der Bellen hat am Montag die neue Regierung angelobt. "
    "Van der Bellen mahnte die Minister zur Zusammenarbeit. Die Rede von Van der Bellen dauerte "
    "zehn Minuten. Im ORF sagte Van der Bellen, er sei zuversichtlich.\n"
)


def test_van_der_is_part_of_a_name_not_a_genitive() -> None:
    """Austrian texts write "Van der Bellen" with a capital V: no "Van" of "Bellen" (it made
    "ORF der Bellen"), and the name is written with its particles, not cut to "Bellen"."""
    article = _plain(VAN_DER)
    assert not [p for p in scan_article(article, LONE_SENTENCES).phrases if p[1] == "Van"]
    heading = lone_headings([article])[0]
    assert heading.endswith("Van der Bellen"), heading


def test_a_lone_article_writes_a_name_in_full_with_the_first_name_it_uses_once() -> None:
    """One article names a person in full once, then by the surname: "Fritz Kellbinger",
    not the cut "Kellbinger"; a title before the first name stays out of it."""
    article = _plain(
        "Der Freiburger Fritz Kellbinger ist neuer Präsident des Verbands. Kellbinger setzte "
        "sich mit großer Mehrheit durch. Kellbinger will den Verband neu aufstellen.\n"
        "Die Delegierten stimmten für Kellbinger. Kellbinger dankte ihnen.\n"
    )
    lone = Group([scan_article(article, LONE_SENTENCES)], lone=True)
    assert name_in_full(lone, "Kellbinger") == "Fritz Kellbinger"
    # a story's articles keep their rule: a first name written once of five mentions stays out
    story = Group([scan_article(article, LONE_SENTENCES)])
    assert name_in_full(story, "Kellbinger") == "Kellbinger"
    titled = _plain(
        "Brüche am Becken, trotzdem hat der Fußballprofi Jochen Wendrath Glück gehabt. "
        "Wendrath stürzte auf einer Abfahrt. Wendrath wird operiert. Wendrath fällt aus.\n"
    )
    assert "Fußballprofi" in TITLES
    group = Group([scan_article(titled, LONE_SENTENCES)], lone=True)
    assert name_in_full(group, "Wendrath") == "Jochen Wendrath"
    assert lone_headings([titled])[0] == "Jochen Wendrath"


def test_the_name_words_are_learned_first_names_and_titles() -> None:
    assert {"Fritz", "Ursula", "Christian", "Jochen"} <= FIRST_NAMES
    assert {"Bundestrainer", "Trainer", "Schauspielerin"} <= TITLES
    # no title, quantifier, adjective or number is a first name
    assert not FIRST_NAMES & {"Trainer", "Herr", "Präsident", "Bundeskanzlerin", "Alle"}
    assert not FIRST_NAMES & {"Mehrere", "Politische", "Millionen", "The", "Fußball-Erstligisten"}


def test_a_word_cut_off_at_the_text_s_end_is_not_read() -> None:
    """MLSUM texts end mid-word ("... hätte Evo Morale"; issue 16 saw "Uni-Hauptgebäud"): in
    a short text the cut word was read with the rest ("Morales" a genitive of "Morale"); and
    a first name the text writes once before the surname takes it ("Jens Spahn", not "Jens")."""
    text = (
        "In Bolivien regierte Evo Morales fast 14 Jahre. Seine Gegner wollten ihn los werden. "
        "Viele Bolivianer hätten gern weiter Evo Morale"
    )
    heading = lone_headings([_plain(text)])[0]
    assert "Morale" not in heading.split(), heading
    text = (
        "Im Ministerium regierte Jens Spahn fast zwei Jahre. Seine Gegner wollten ihn los "
        "werden. Viele Beamte hätten gern weiter Jens Spah"
    )
    assert lone_headings([_plain(text)])[0] == "Jens Spahn"


def _phrases(text: str) -> set[str]:
    """The "<noun> <preposition> <what>" phrases the heading reads in a plain text."""
    return {" ".join(p[3]) for p in scan_article(_plain(text), 10).phrases}


def test_a_preposition_the_verb_at_the_clause_end_takes_is_no_phrase_of_the_noun() -> None:
    """ "macht das Bildungsministerium auf unzulässige Praktiken aufmerksam": the preposition
    belongs to "aufmerksam machen", and "Bildungsministerium auf unzulässige Praktiken" is a
    cut verb frame; so are a passive's agent and a particle's phrase. A name after it stays
    ("in Thüringen gewonnen"), so does a phrase after a preposition or at the sentence start."""
    found = _phrases(
        "In einem Schreiben macht das Bildungsministerium auf unzulässige Praktiken aufmerksam. "
        "Nun wurde auch die Werbebranche von der Konjunkturflaute erfasst. Rundum schirmen "
        "Mauern die Bäume gegen Wind ab. Zwei Wanderer sind von einem Bach mitgerissen "
        "worden. Die CDU hat die Landtagswahl in Thüringen gewonnen. Sie waren nicht zur Wahl "
        "für das Stadtparlament zugelassen. Die Zahl der Opfer in Syrien stieg.\n"
    )
    cut = ("Bildungsministerium", "Werbebranche", "Bäume", "Wanderer")
    assert not {p for p in found if p.startswith(cut)}, found
    assert {"Landtagswahl in Thüringen", "Wahl für das Stadtparlament"} <= found
    assert "Opfer in Syrien" in found


def test_a_set_phrase_a_verb_takes_heads_nothing() -> None:
    """ "Rückschläge auf Eis" (legen), "Strafermittlern zu Protokoll" (geben): the lexicon's
    verb idioms are no phrase, and their noun alone ("Eis") names nothing."""
    text = (
        "Das Ministerium legt das Programm wegen Rückschlägen auf Eis. Wegen der Rückschläge "
        "liegt die Ausbildung der Rebellen auf Eis. Er gab bei den Strafermittlern zu "
        "Protokoll, er sei überrascht gewesen. Die Ausbildung der Rebellen ruht.\n"
    )
    assert not {p for p in _phrases(text) if " auf Eis" in p or " zu Protokoll" in p}
    heading = lone_headings([_plain(text)])[0]
    assert "Eis" not in heading.split() and "Protokoll" not in heading.split(), heading


def test_two_common_nouns_in_a_row_are_two_phrases() -> None:
    """ "der Sprung von einem Abstiegsplatz Werbung für die Dokureihe": "Werbung" starts the
    next phrase; a heading "Sprung von einem Abstiegsplatz Werbung" glues two."""
    text = (
        "Der Sonntag war ein Erfolg: ein Sieg im Kampf und der Sprung von einem Abstiegsplatz "
        "Werbung für die Dokureihe. Der Sprung von einem Abstiegsplatz freute alle. Die "
        "Dokureihe läuft im Netz.\n"
    )
    assert "Abstiegsplatz Werbung" not in lone_headings([_plain(text)])[0]


def test_a_duration_is_no_part_of_a_name() -> None:
    """ "zu fünf Jahren Haft verurteilt": "Jahren" says how long, and "Jahren Haft" is no name
    (Haft, which one article never writes after an article, looks like one)."""
    text = (
        "Ein zu fünf Jahren Haft verurteilter Mann bleibt in Freiheit. Der Mann wurde zu fünf "
        "Jahren Haft verurteilt. Der Richter ordnete keine Haft an.\n"
    )
    lone = Group([scan_article(_plain(text), LONE_SENTENCES)], lone=True)
    assert name_in_full(lone, "Haft") == "Haft"


def test_von_der_before_a_common_noun_is_no_particle_of_a_name() -> None:
    """ "von der Konjunkturflaute" is no "von der Leyen": a compound that ends in a common
    noun ("-flaute") takes no particles."""
    text = (
        "Die Werbebranche wurde von der Konjunkturflaute getroffen. Die Branche leidet.\n"
    )
    lone = Group([scan_article(_plain(text), LONE_SENTENCES)], lone=True)
    assert name_in_full(lone, "Konjunkturflaute") == "Konjunkturflaute"
    leyen = Group([scan_article(_plain("Sie traf von der Leyen in Brüssel.\n"), 4)], lone=True)
    assert name_in_full(leyen, "Leyen") == "von der Leyen"


def test_jews_and_refugees_are_people() -> None:
    """ "Zentralrat der Juden in Deutschland" is no "Juden in Deutschland" event: a people
    noun (heading_words.txt), as "Flüchtling" is."""
    assert is_person("Juden") and is_person("Flüchtling") and is_person("Flüchtlinge")


def test_a_nominalised_adjective_or_a_decade_heads_nothing() -> None:
    """ "etwas Festes, Greifbares": a quality, no thing; "in den Neunzigerjahren": when."""
    quality = (
        "Ich will etwas Festes, Greifbares in der Hand, sagt der Regisseur. Greifbares ist ihm "
        "wichtig. Er mag Greifbares.\n"
    )
    decade = (
        "In den Neunzigerjahren sammelte er Kassetten. Die Neunzigerjahre prägten ihn. In den "
        "Neunzigerjahren war alles anders.\n"
    )
    for text, word in ((quality, "Greifbares"), (decade, "Neunzigerjahre")):
        heading = lone_headings([_plain(text)])[0]
        assert word not in heading, heading


def test_a_dative_plural_is_headed_in_its_base_form() -> None:
    """ "nach den Anschlägen in Paris": a heading writes "Anschläge in Paris" (the lexicon's
    plurals in -e); "Wahlen" and "Wochen" are no datives of "Wahle", "Woche"."""
    text = (
        "Nach den Anschlägen in Paris verschärft Frankreich die Kontrollen. Den Anschlägen in "
        "Paris fielen viele Menschen zum Opfer. Seit den Anschlägen in Paris gilt der "
        "Ausnahmezustand.\n"
    )
    assert lone_headings([_plain(text)])[0] == "Anschläge in Paris"
    lone = Group([scan_article(_plain("Die Wahlen dauern Wochen.\n"), 4)], lone=True)
    assert base_form(lone, "Wahlen") == "Wahlen" and base_form(lone, "Wochen") == "Wochen"


def test_der_before_a_masculine_singular_is_no_genitive() -> None:
    """ "hat die Anleger am Aktienmarkt der Mut verlassen": "der Mut" is the subject (a
    masculine singular takes no genitive "der"; common_nouns.txt not-feminine), no
    "Aktienmarkt der Mut"; "Lage der Wirtschaft" is a genitive."""
    found = _phrases(
        "Nach einem Start hat die Anleger am europäischen Aktienmarkt der Mut verlassen. Die "
        "Lage der Wirtschaft bleibt schwierig.\n"
    )
    assert "Aktienmarkt der Mut" not in found and "Lage der Wirtschaft" in found, found
