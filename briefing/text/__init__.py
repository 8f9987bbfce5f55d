"""Text: German sentences, words, stems and the language of a text.

Takes text; gives its sentences (``split_sentences``: NLTK's Punkt with the German model,
headings and link lists kept apart), its words (``words``), the key under which two copies of
a sentence are equal (``sentence_key``), Snowball stems (``german_stem``) and its language
(``detect_language``).
"""

from briefing.text.language import LanguageGuess, detect_language
from briefing.text.sentences import article_sentences, ends_sentence, split_sentences
from briefing.text.stems import german_stem
from briefing.text.words import letter_runs, sentence_key, tokens, words

__all__ = [
    "LanguageGuess",
    "article_sentences",
    "detect_language",
    "ends_sentence",
    "german_stem",
    "letter_runs",
    "sentence_key",
    "split_sentences",
    "tokens",
    "words",
]
