"""Tell German articles from others by their function words (sumy's stop word lists).

Function words make up a third to a half of any running text, and each language has its
own. Counting them per language (a word on several lists counts a share for each) is fast,
needs no model, and is robust to a few foreign lines: a German article with English
captions or an English quote still has far more German than English function words.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from briefing.lexicon import ALL_FUNCTION_WORDS, LANGUAGE_FUNCTION_WORDS
from briefing.text.words import fresh_words

GERMAN = "german"
# sumy ships these lists (sumy/data/stopwords/<language>.txt).
SUMY_LANGUAGES = (
    "german", "english", "french", "spanish", "italian", "portuguese", "polish", "czech",
    "slovak", "swedish", "ukrainian",
)
# Frequent function words sumy's short German list (129 words) lacks, and lists for languages
# sumy has none for, which would otherwise fall to a neighbour (Dutch to German).
EXTRA_WORDS = {
    "german": " ".join(LANGUAGE_FUNCTION_WORDS),  # briefing/lexicon/function_words.txt
    "dutch": "de het een en van ik te dat die in een zijn niet is op aan met als voor er maar "
             "om hem dan zou of wat mijn men dit zo door over ze zich bij ook tot je mij uit "
             "der daar haar naar heb hoe heeft hebben deze u want nog zal me zij nu ge geen "
             "omdat iets worden toch al waren veel meer doen toen moet ben zonder kan hun dus "
             "alles onder ja eens hier wie werd altijd doch wordt wezen kunnen ons zelf tegen "
             "na reeds wil kon niets uw iemand geweest andere",
    "russian": "и в во не что он на я с со как а то все она так его но да ты к у же вы за бы "
               "по только ее мне было вот от меня еще нет о из ему теперь когда даже ну вдруг "
               "ли если уже или ни быть был него до вас нибудь опять уж вам ведь там потом "
               "себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам",
    "danish": "og i jeg det at en den til er som på de med han af for ikke der var mig sig "
              "men et har om vi min havde ham hun nu over da fra du ud sin dem os op man "
              "hans hvor eller hvad skal selv her alle vil blev kunne ind når være dog noget",
}
MIN_EVIDENCE = 8  # function-word hits below this: too little text to judge
GERMAN_MARGIN = 0.6  # German is kept unless another language has clearly more hits

_SCRIPTS = ("CYRILLIC", "GREEK", "ARABIC", "HEBREW", "CJK", "HIRAGANA", "KATAKANA", "HANGUL",
            "THAI", "DEVANAGARI", "ARMENIAN", "GEORGIAN")


@dataclass(frozen=True)
class LanguageGuess:
    """The language a text is most likely in (None when there is too little to tell)."""

    language: str | None
    scores: dict[str, float]

    @property
    def is_german(self) -> bool:
        return self.language in (None, GERMAN)


@lru_cache(maxsize=1)
def stop_word_languages() -> dict[str, tuple[str, ...]]:
    """Every stop word and the languages whose list has it."""
    import os

    import sumy

    folder = os.path.join(os.path.dirname(sumy.__file__), "data", "stopwords")
    lists: dict[str, set[str]] = {}
    for language in SUMY_LANGUAGES:
        try:
            with open(os.path.join(folder, f"{language}.txt"), encoding="utf-8") as handle:
                raw = handle.read()
        except OSError:
            continue
        # portuguese.txt spells some letters as "\xe3" escapes.
        raw = re.sub(r"\\x([0-9a-fA-F]{2})", lambda m: chr(int(m.group(1), 16)), raw)
        lists[language] = {w.strip(",.").casefold() for w in raw.split() if w.strip(",.")}
    for language, text in EXTRA_WORDS.items():
        lists.setdefault(language, set()).update(text.split())
    owners: dict[str, list[str]] = {}
    for language, listed in lists.items():
        for word in listed:
            owners.setdefault(word, []).append(language)
    return {word: tuple(langs) for word, langs in owners.items()}


def detect_language(text: str, limit: int = 20_000) -> LanguageGuess:
    """The language of ``text`` by its function words (the first ``limit`` characters)."""
    sample = text[:limit]
    owners = stop_word_languages()
    scores: dict[str, float] = {}
    for word in fresh_words(sample.casefold()):
        langs = owners.get(word)
        if langs:
            for lang in langs:
                scores[lang] = scores.get(lang, 0.0) + 1.0 / len(langs)
    best = max(scores, key=lambda lang: scores[lang], default=None)
    evidence = scores[best] if best else 0.0
    if best is None or evidence < MIN_EVIDENCE:
        # Few function words: another script, or too little text to tell.
        script = _foreign_script(sample)
        return LanguageGuess(f"{script.lower()} script" if script else None, scores)
    if best != GERMAN and scores.get(GERMAN, 0.0) >= GERMAN_MARGIN * evidence:
        best = GERMAN  # a mixed text with a good share of German: keep it
    return LanguageGuess(best, scores)


def _foreign_script(text: str) -> str | None:
    """The non-Latin script most letters are in, if most are not Latin."""
    latin = 0
    others: dict[str, int] = {}
    for char in text:
        if char < "\u0250":  # ASCII and the Latin supplements: no name lookup needed
            latin += char.isalpha()
            continue
        if not char.isalpha():
            continue
        name = unicodedata.name(char, "")
        if name.startswith("LATIN"):
            latin += 1
            continue
        for script in _SCRIPTS:
            if name.startswith(script):
                others[script] = others.get(script, 0) + 1
                break
    if not others:
        return None
    script = max(others, key=lambda s: others[s])
    return script if others[script] > latin else None


_QUOTED = re.compile(r"[\"„“”«»][^\"„“”«»]*[\"„“”«»]")
MIN_FOREIGN_HITS = 3  # function-word hits of another language that make a sentence foreign


@lru_cache(maxsize=1)
def _german_words() -> frozenset[str]:
    """German function words: sumy's list, ours (function_words.txt) and finite verbs."""
    listed = {word for word, langs in stop_word_languages().items() if GERMAN in langs}
    return frozenset(listed | ALL_FUNCTION_WORDS)


def foreign_sentence(text: str) -> str | None:
    """The language of one sentence whose function words are another's than German, or None.

    A German article may quote a tweet or a statement in English ("I have decided to decline
    this prize."): such a sentence is no line of a German briefing. A word that is German too
    ("die", "so", "will") counts as German only; names and loan words ("Fridays for Future")
    give another language a hit or two, not the majority.
    """
    owners = stop_word_languages()
    german_words = _german_words()
    scores: dict[str, int] = {}
    german = 0
    # a title or quote in another language inside a German sentence ('spielte "Let It Be"')
    # does not make it foreign: the words outside quotation marks decide, if there are some
    outside = fresh_words(_QUOTED.sub(" ", text).casefold())
    for word in outside if len(outside) >= 4 else fresh_words(text.casefold()):
        if word in german_words:
            german += 1
            continue
        for lang in owners.get(word, ()):
            scores[lang] = scores.get(lang, 0) + 1
    best = max(scores, key=lambda lang: scores[lang], default=None)
    if best is None:
        return None
    if scores[best] >= MIN_FOREIGN_HITS and scores[best] > german or (
        scores[best] >= 2 and german == 0
    ):
        return best
    return None
