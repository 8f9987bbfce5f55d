"""The fast engine's stand-ins for sumy's helpers (stop words, document, counts) match sumy."""

from __future__ import annotations

import pytest

from briefing import lexicon
from briefing.summary import lexrank

PARAGRAPHS = [
    ["Der Rat tagte am Montag in Berlin.", "Er beschloss neue Regeln für Berlin.",
     "Die Regeln gelten ab Montag."],
    ["Kritiker nannten die Regeln zu streng.", "Der Rat tagte am Montag in Berlin.",
     "Am Dienstag folgt die nächste Sitzung in Berlin."],
]


@pytest.mark.parametrize("language", ["german", "english"])
def test_stop_words_are_sumys(language: str) -> None:
    from sumy.utils import get_stop_words

    assert lexicon.sumy_stop_words(language) == get_stop_words(language)


def test_unknown_stop_word_language_is_a_lookup_error() -> None:
    with pytest.raises(LookupError):
        lexicon.sumy_stop_words("klingonisch")


@pytest.mark.parametrize("count", [1, 2, 4, 2.0, "50%", "3"])
def test_rank_sentences_fast_document_picks_as_sumys(count) -> None:
    expected = [str(s) for s in lexrank.make_summarizer("fast")(
        lexrank.build_document(PARAGRAPHS), count)]
    assert lexrank.rank_sentences(PARAGRAPHS, count, "fast") == expected
    assert lexrank.rank_sentences(PARAGRAPHS, count, "sumy") == expected


def test_plain_document_scores_as_sumys_document() -> None:
    fast = lexrank.make_summarizer("fast")
    on_sumy = fast.rate_sentences(lexrank.build_document(PARAGRAPHS))
    assert lexrank.lexrank_scores(PARAGRAPHS, "fast") == on_sumy
    # the repeated sentence shares one score, as in sumy
    assert on_sumy[0] == on_sumy[4]
