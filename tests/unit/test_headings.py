"""Topic headings: the causes of wrong headings found by reading benchmarks/headings.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.models import Article, Block
from briefing.stories import topic_heading
from briefing.stories.headings.scan import find_candidates


def _story(*texts: tuple[str, str]) -> list[Article]:
    return [
        Article(Path(f"{i}.txt"), title, [Block("paragraph", p) for p in body.split("\n")])
        for i, (title, body) in enumerate(texts)
    ]


# A genitive heading ("Putins Nordkorea-Besuch") only when the articles say the thing is the
# name's: "Johnsons Labour-Partei" joined a premier and the opposition party of one sentence.
POSSESSION = [
    # the thing is another's (the opposition party): the compound alone
    (
        [
            ("Premier Halvorsen will Neuwahlen im Dezember",
             ("Premier Halvorsen will im Dezember wählen lassen. Die Moorland-Partei lehnte den "
             "Antrag von Halvorsen am Montag ab. Halvorsen kündigte einen neuen Anlauf an.")),
            ("Moorland-Partei blockiert Halvorsen",
             ("Die Moorland-Partei hat den Plan von Premier Halvorsen gestoppt. Halvorsen "
             "erreichte nicht die nötige Mehrheit. Die Moorland-Partei will erst im Januar "
             "wählen.")),
            ("Halvorsen scheitert mit Neuwahl-Plan",
             ("Halvorsen scheiterte im Parlament. Die Moorland-Partei stimmte geschlossen dagegen, "
             "sagte ein Sprecher der Moorland-Partei.")),
        ],
        "Moorland-Partei",
    ),
    # the articles write it as the name's: "Halvorsens Neuwahl-Antrag"
    (
        [
            ("Halvorsens Neuwahl-Antrag scheitert",
             ("Im Parlament ist Premier Halvorsen mit dem Neuwahl-Antrag gescheitert. Nun will "
             "Halvorsen es erneut versuchen.")),
            ("Parlament stoppt Neuwahl-Antrag",
             ("Das Parlament hat Halvorsens Neuwahl-Antrag abgelehnt. Danach zeigte sich "
             "Halvorsen enttäuscht.")),
        ],
        "Halvorsens Neuwahl-Antrag",
    ),
    # a possessive after the name in the same sentence: "Kessler ... ihren E-Mail-Server"
    (
        [
            ("Kessler nutzte privaten E-Mail-Server",
             ("Als Ministerin hat Kessler für Dienstmails ihren privaten E-Mail-Server genutzt. "
             "Einen Verstoß bestreitet Kessler.")),
            ("Ermittler prüfen E-Mail-Server",
             ("Die Ermittler prüfen den E-Mail-Server. Am Montag sagte Kessler, sie habe ihren "
             "E-Mail-Server korrekt genutzt.")),
        ],
        "Kesslers E-Mail-Server",
    ),
]


@pytest.mark.parametrize("texts, heading", POSSESSION, ids=["another_s", "said_so", "possessive"])
def test_a_genitive_only_for_what_the_articles_say_is_the_names(texts, heading) -> None:
    assert topic_heading(_story(*texts)) == heading


# "<noun> der <organisation>" only when the articles write the two so ("Warnstreik der VKT"):
# "Welt-Anti-Doping-Agentur der IAAF" put an agency under a federation it is not part of.
ORGANISATION = [
    (
        [
            ("Die IWA sperrt Russland erneut",
             ("Die IWA hat Russland am Montag erneut gesperrt. Die Welt-Anti-Doping-Agentur "
             "leitete ein Verfahren ein, sagte der Präsident der IWA.")),
            ("IWA bleibt hart",
             ("Die IWA bleibt bei ihrer Haltung. Die Welt-Anti-Doping-Agentur prüft Daten aus "
             "Moskau, die IWA wartet ab.")),
            ("Welt-Anti-Doping-Agentur droht mit Strafen",
             "Die Welt-Anti-Doping-Agentur droht mit Sanktionen. Die IWA begrüßte das Verfahren."),
        ],
        "Welt-Anti-Doping-Agentur",
    ),
]


@pytest.mark.parametrize("texts, heading", ORGANISATION, ids=["not_said"])
def test_an_organisation_follows_only_a_noun_the_articles_give_it(texts, heading) -> None:
    assert topic_heading(_story(*texts)) == heading


# The words a name is (nearly) always written with belong to it, though one is a German word:
# "Silva" cut "Lula da Silva".
FULL_NAMES = [
    # "da" is a German word, "Lula" comes before it in most mentions
    (
        ("Der frühere Präsident Tavo da Ramos ist frei. Tavo da Ramos verließ das Gefängnis. "
        "Anhänger jubelten, als Tavo da Ramos sprach. Er saß lange in Haft, und da Ramos "
        "will wieder antreten. Tavo da Ramos dankte seinen Anhängern."),
        "Ramos",
        "Tavo da Ramos",
    ),
    # a particle that is no German word: "ter Stegen" (as before)
    (
        ("Torhüter Marc ter Stegen ist verletzt. Der Verein bangt um ter Stegen. Auch ter "
        "Stegen selbst ist enttäuscht."),
        "Stegen",
        "ter Stegen",
    ),
    # a first name used only now and then stays out
    (
        ("Premier Boris Halvorsen reist ab. Halvorsen sagte, er komme zurück. Halvorsen "
        "lächelte. Dann sprach Halvorsen vor der Presse."),
        "Halvorsen",
        "Halvorsen",
    ),
]


@pytest.mark.parametrize("body, form, name", FULL_NAMES, ids=["da", "ter", "first_name"])
def test_a_name_keeps_the_words_it_is_nearly_always_written_with(body, form, name) -> None:
    found = find_candidates(_story(("Meldung", body)))
    candidate = next(c for c in found.values() if c.form == form)
    assert candidate.name_form == name


# "<noun> <name>" is one thing ("Raumsonde Kelvara") when the noun stands right before the
# name as such, not when it only stands there as a genitive attribute of another noun: "der
# Chef der Brexit-Partei Nigel Farage" made "Brexit-Partei Farage".
APPOSITION = [
    (
        [
            ("Farrow will nicht gegen Tories antreten",
             ("Der Chef der Heimat-Partei Nils Farrow will keine Kandidaten aufstellen. Farrow "
             "sagte, die Heimat-Partei wolle den Tories nicht schaden.")),
            ("Farrow macht Rückzieher",
             ("Der Chef der Heimat-Partei Nils Farrow hat seine Pläne geändert. Farrow erklärte, "
             "die Heimat-Partei konzentriere sich auf wenige Wahlkreise.")),
        ],
        ("Heimat-Partei Farrow", "Heimat-Partei Nils Farrow"),
    ),
]


@pytest.mark.parametrize("texts, not_heading", APPOSITION, ids=["chef_der"])
def test_a_genitive_attribute_is_no_apposition(texts, not_heading) -> None:
    heading = topic_heading(_story(*texts))
    assert heading not in not_heading
    assert "Heimat-Partei" in heading  # still the story's compound


def test_cheap_stems_pass_finds_exactly_the_building_blocks_stems() -> None:
    """topic_headings weighs terms by group_df from group_block_stems, a cheaper walk than
    find_candidates: both must see the same building blocks, or headings change with the jobs."""
    from briefing.stories.headings.scan import building_blocks, group_block_stems

    seeds = Path(__file__).resolve().parents[2] / "seeds"
    from briefing.pipeline import Settings, load_articles

    articles, _ = load_articles([seeds], Settings())
    groups = [_story(*story) for story, _ in POSSESSION] + [articles, articles[:1]]
    groups.append(_story(("Ein Titel", '„Wer?“ – Nordkorea: Moskau-Reise. Der Kreml: „Ja.“ Kim')))
    for index, group in enumerate(groups):
        expected = {s for key in building_blocks(find_candidates(group)) for s in key}
        assert expected, "every group has building blocks"
        assert group_block_stems(groups, index) == expected
