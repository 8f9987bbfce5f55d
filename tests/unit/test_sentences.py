"""German sentence splitting: Punkt's German model, offline, with the page's line structure kept."""

from __future__ import annotations

import pytest

from briefing.text.sentences import GermanTokenizer, logical_lines, split_sentences
from briefing.text.words import words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an ordinal date is not a sentence end
        ("Er kam am 19. Juni nach Berlin. Dann ging er.",
         ["Er kam am 19. Juni nach Berlin.", "Dann ging er."]),
        # a year at the end of a sentence is one
        ("Das war im Jahr 2000. Danach kam er wieder.",
         ["Das war im Jahr 2000.", "Danach kam er wieder."]),
        # "z.B.", "u.a." and "bzw." are abbreviations
        ("Es gibt z.B. Äpfel, u.a. Birnen bzw. Pflaumen. Das ist gut.",
         ["Es gibt z.B. Äpfel, u.a. Birnen bzw. Pflaumen.", "Das ist gut."]),
        # "Dr." and "ca." and "Min." are abbreviations
        ("Dr. Müller kam ca. 5 Min. später. Er ging.",
         ["Dr. Müller kam ca. 5 Min. später.", "Er ging."]),
        # a weekday with a date in brackets
        ("Putin war am Dienstag (18. Juni) in Pjöngjang. Er traf Kim.",
         ["Putin war am Dienstag (18. Juni) in Pjöngjang.", "Er traf Kim."]),
        # «» quote ending in «.» before the next sentence
        ("«Wir wissen es sehr zu schätzen.» Dann sprach er weiter.",
         ["«Wir wissen es sehr zu schätzen.»", "Dann sprach er weiter."]),
        # „“ quote after a colon stays in its sentence
        ("Er sagte: „Das ist gut.“ Dann ging er.",
         ["Er sagte: „Das ist gut.“", "Dann ging er."]),
        # a quote inside the sentence with a speaker after it
        ("«Wir sind bereit», sagte Kim. Putin nickte.",
         ["«Wir sind bereit», sagte Kim.", "Putin nickte."]),
        # a heading without final period is never glued onto the next sentence
        ("Das sagt Putin vor dem Treffen\nDie Reise werde gut. So ist es.",
         ["Das sagt Putin vor dem Treffen", "Die Reise werde gut.", "So ist es."]),
        # link-list lines stay separate lines, not one long sentence
        ("4 hrs ago\nVW wagt den Befreiungsschlag\n5 hrs ago\nBundesrat sagt Nein",
         ["4 hrs ago", "VW wagt den Befreiungsschlag", "5 hrs ago", "Bundesrat sagt Nein"]),
        # soft-wrapped prose is joined again
        ("Der russische Präsident will nach\nNordkorea reisen. Das ist neu.",
         ["Der russische Präsident will nach Nordkorea reisen.", "Das ist neu."]),
        # a question and an exclamation end sentences
        ("Was will Putin? Waffen! Und Geld.", ["Was will Putin?", "Waffen!", "Und Geld."]),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_logical_lines_keeps_headings_apart() -> None:
    assert logical_lines("Überschrift\nErster Satz.\n\nZweiter Absatz.") == [
        "Überschrift",
        "Erster Satz.",
        "Zweiter Absatz.",
    ]


def test_words_keep_umlauts_and_compounds_without_numbers() -> None:
    assert words("Putins Nordkorea-Besuch am 19. Juni: «Grüße»!") == [
        "Putins", "Nordkorea-Besuch", "am", "Juni", "Grüße",
    ]


def test_sumy_tokenizer_interface() -> None:
    tokenizer = GermanTokenizer()
    assert tokenizer.to_sentences("Erster Satz. Zweiter Satz.") == ("Erster Satz.", "Zweiter Satz.")
    assert tokenizer.to_words("Kim traf Putin.") == ("Kim", "traf", "Putin")


def test_no_download_needed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Sentence splitting works with nltk's data search path emptied (nothing downloaded)."""
    import nltk

    from briefing.text import sentences

    monkeypatch.setattr(nltk.data, "path", [])
    sentences.punkt_tokenizer.cache_clear()
    assert split_sentences("Am 19. Juni kam er. Er blieb.") == ["Am 19. Juni kam er.", "Er blieb."]
