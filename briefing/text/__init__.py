"""Text: German sentences, words, stems and the language of a text.

Takes text; gives its sentences (``split_sentences``: NLTK's Punkt with the German model,
headings and link lists kept apart), its words (``words``), the key under which two copies of
a sentence are equal (``sentence_key``), Snowball stems (``german_stem``), its language
(``detect_language``) and the contract's verbatim (``fold``, ``verbatim_in``, ``repeats``).
"""

from briefing.text.language import LanguageGuess, detect_language
from briefing.text.sentences import article_sentences, ends_sentence, split_sentences
from briefing.text.stems import german_stem
from briefing.text.verbatim import fold, repeats, verbatim_in
from briefing.text.words import letter_runs, sentence_key, tokens, words

__all__ = [
    "LanguageGuess",
    "article_sentences",
    "detect_language",
    "ends_sentence",
    "fold",
    "german_stem",
    "letter_runs",
    "repeats",
    "sentence_key",
    "split_sentences",
    "tokens",
    "verbatim_in",
    "words",
]
