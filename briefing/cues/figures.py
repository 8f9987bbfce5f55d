"""Figures, dates and names in two versions of one statement: where the versions differ.

Takes two sentences; gives their aligned spans that differ in a number, a date or a name
(``differences``: "mindestens 112" / "mindestens 145", "einem Verlust von 3,7 Prozent" /
"kräftigen Abschlägen", "12-jährigen" / "mehrjährigen", "am 15. Oktober" / nothing), and for
two differently worded sentences the words they share without their figures (``frame``) and the
figures that count the same thing differently (``recounted``: "112 Menschen" / "145 Menschen",
not "3 Tote" / "112 Verletzte").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from briefing.lexicon import (
    CLOCK_WORDS,
    CURRENCIES,
    DURATIONS,
    FRACTIONS,
    GERMAN_MONTHS,
    MAGNITUDES,
    NUMBER_WORDS,
    ORDINAL_STEMS,
    RELATIVE_DAYS,
    WEEKDAY_NUMBERS,
    german_stop_words,
)
from briefing.text.stems import german_stem
from briefing.text.verbatim import fold

# the word lists case-folded as the words are ("dreißig": "dreissig")
_NUMBERS = {w.casefold(): str(v) for w, v in NUMBER_WORDS.items()} | {
    w.casefold(): f"{v:g}" for w, v in FRACTIONS.items()
}
_ORDINALS = {stem.casefold(): value for stem, value in ORDINAL_STEMS.items()}
_MAGNITUDES = {word.casefold(): value for word, value in MAGNITUDES.items()}
_MONTHS = {word.casefold() for word in GERMAN_MONTHS}
_WEEKDAYS = {word.casefold() for word in WEEKDAY_NUMBERS}
_RELATIVE = {word.casefold() for word in RELATIVE_DAYS}
_UNITS = {word.casefold() for word in DURATIONS | CURRENCIES}
_TIME_UNITS = {word.casefold() for word in DURATIONS}
_CLOCK = {word.casefold() for word in CLOCK_WORDS}

# a figure written in digits, with what is glued to it ("12-jährigen", "3,7", "2.000", "77 000"),
# or a word (with digits in it: "Hyp3r", "G20")
_FIGURE = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d+(?:[.,:]\d+)*"
_TOKEN = re.compile(
    rf"(?:{_FIGURE})(?:-[^\W\d_]+)*(?![^\W_])|[^\W_]+(?:[-'’][^\W_]+)*"
)
_THOUSANDS = re.compile(r"\d{1,3}(?:[. \u00a0\u202f]\d{3})+")
_DIGITS = re.compile(_FIGURE)
_ORDINAL = re.compile(r"(" + "|".join(_ORDINALS) + r")(?:e|en|er|es|em)")
_SEASON = re.compile(r"((?:19|20)\d\d)/$")  # "2019/20": the 20 is 2020

# spelling variants of one name ("Kim Jong-un" / "Kim Jong Un", "Selenskij" / "Selenskyj")
SAME_NAME = 0.75

# A figure against other words, or a date one version adds, counts only in spans this short
# ("einem Verlust von 3,7 Prozent" / "kräftigen Abschlägen"; "am 15. Oktober"): a longer one is
# another part of the sentence, not another figure.
MAX_WORDED = 5

# A version cut inside a date ("... am 18.", "Juni, abstimmen will ...") is a broken sentence.
_CUT_DATE = re.compile(r"\b\d{1,2}\.$")

# The kinds of token that say what a figure counts ("Tote", "Franken").
_COUNTED = ("word", "unit")

# The kinds of token that name a date (a year is a number of four digits).
_DATE_KINDS = ("day", "month", "weekday", "relative")


class Token(NamedTuple):
    """A word of a sentence as the comparison sees it (a named tuple: a sentence makes dozens,
    and a frozen dataclass is slow to make)."""

    text: str  # as written
    start: int
    end: int
    # "number" | "ordinal" | "day" (of a month) | "time" (of day) | "month" | "weekday" |
    # "relative" ("gestern") | "unit" (of time or money: "Monaten", "Dollar") | "word"
    kind: str
    norm: str  # what aligns with the other version: the word case-folded, a figure's value
    value: str = ""  # a figure's value ("3.7", "12", "e6" for "Millionen")
    initial: bool = False  # it opens the sentence, a quote or what follows a colon


def _number_value(digits: str, before: str) -> str:
    """``2.000`` -> ``2000``, ``3,7`` -> ``3.7``: one figure however it is written."""
    if _THOUSANDS.fullmatch(digits):
        return re.sub(r"\D", "", digits)
    season = _SEASON.search(before)
    if season and len(digits) == 2:
        return season.group(1)[:2] + digits
    return digits.replace(",", ".")


# case-folded word -> its (kind, value): every word of every sentence a story's sections
# compare is read this way, most of them many times
_KINDS: dict[str, tuple[str, str]] = {}


def _word_kind(folded: str) -> tuple[str, str]:
    """(kind, value) of a word that is not written in digits."""
    found = _KINDS.get(folded)
    if found is None:
        found = _read_word(folded)
        if len(_KINDS) >= 200_000:
            _KINDS.clear()
        _KINDS[folded] = found
    return found


def _read_word(folded: str) -> tuple[str, str]:
    if folded in _NUMBERS:
        return "number", _NUMBERS[folded]
    if (ordinal := _ORDINAL.fullmatch(folded)) is not None:
        return "ordinal", str(_ORDINALS[ordinal.group(1)])
    if folded in _MAGNITUDES:
        return "number", f"e{_MAGNITUDES[folded]}"
    for kind, words in (("month", _MONTHS), ("weekday", _WEEKDAYS), ("relative", _RELATIVE),
                        ("unit", _UNITS)):
        if folded in words:
            return kind, ""
    return "word", ""


def _reading(word: str, text: str, start: int) -> tuple[str, str, str]:
    """(kind, value, norm) of a token of ``text`` as written, standing at ``start``."""
    folded = word.casefold()
    if word[:1].isdigit() and not any(c.isalpha() for c in word.split("-")[0]):
        digits = _DIGITS.match(word).group(0)  # type: ignore[union-attr]
        value = _number_value(digits, text[:start])
        return "number", value, value + folded[len(digits) :]
    kind, value = _word_kind(folded)
    return kind, value, value or folded


def _part_of_date(value: str, following: tuple[str, str, str]) -> str | None:
    """"day" or "time" for a number that is part of a date ("am 18. Juni") or a time of day
    ("um 7:33 Uhr"), given the (kind, value, norm) of the token after it; else None."""
    if re.sub(r"[.:]", "", value).isdigit():
        if following[0] == "month" and value.isdigit():
            return "day"
        if following[2] in _CLOCK:
            return "time"
    return None


@lru_cache(maxsize=1 << 14)
def tokens(text: str) -> tuple[Token, ...]:
    """The words and figures of a sentence, each with its kind and the form it aligns by."""
    found = []
    readings = []
    for match in _TOKEN.finditer(text):
        word = match.group(0)
        start = match.start()
        reading = _reading(word, text, start)
        kind, value, norm = reading
        # the last character before the token that is no space (the text before it, stripped)
        last = start - 1
        while last >= 0 and text[last].isspace():
            last -= 1
        initial = last < 0 or text[last] in ':"„“«»(' or (
            text[last] in ".!?" and not (last and text[last - 1].isdigit())
        )
        found.append(Token(word, start, match.end(), kind, norm, value, initial))
        readings.append(reading)
    for i, token in enumerate(found[:-1]):
        if token.kind == "number":
            part = _part_of_date(token.value, readings[i + 1])
            if part is not None:
                found[i] = _as(token, part)
    return tuple(found)


# a quick test before tokenizing: a digit or a number word (apart: a digit is found by a
# jump from character to character, and the number words are tried only at the start of a
# word with one of their first letters; in one pattern both were tried at every position,
# twice as slow)
_A_DIGIT = re.compile(r"\d")
_A_NUMBER_WORD = re.compile(
    rf"\b(?=[{''.join(sorted({w[0] for w in _NUMBERS}))}])"
    r"(?:" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)


def has_figure(text: str) -> bool:
    """Whether the sentence gives a figure (in digits or as a number word).

    The number tokens of ``tokens(text)`` that are no part of a date or a time of day, found
    without making the tokens (asked of every sentence group of a story).
    """
    if _A_DIGIT.search(text) is None and _A_NUMBER_WORD.search(text) is None:
        return False
    matches = list(_TOKEN.finditer(text))
    for i, match in enumerate(matches):
        word = match.group(0)
        if not word[:1].isdigit():
            folded = word.casefold()
            if folded not in _NUMBERS and folded not in _MAGNITUDES:
                continue  # (cheaply: no other word is a number)
        kind, value, _ = _reading(word, text, match.start())
        if kind != "number":
            continue
        if i + 1 == len(matches):
            return True
        following = matches[i + 1]
        if _part_of_date(value, _reading(following.group(0), text, following.start())) is None:
            return True
    return False


def _as(token: Token, kind: str) -> Token:
    return Token(token.text, token.start, token.end, kind, token.norm, token.value, token.initial)


def _figures(found: tuple[Token, ...] | list[Token]) -> set[str]:
    return {t.value for t in found if t.kind in ("number", "ordinal")}


def _dated(found: tuple[Token, ...] | list[Token]) -> bool:
    """Names a day or month some way: a month, a weekday, "gestern", a year."""
    return any(
        t.kind in _DATE_KINDS
        or (t.kind == "number" and _is_year(t.value))
        for t in found
    )


def _converted(ta: tuple[Token, ...], tb: tuple[Token, ...]) -> bool:
    """Each version counts in a unit of time or money the other does not use."""
    units_a = {german_stem(t.norm) for t in ta if t.kind == "unit"}
    units_b = {german_stem(t.norm) for t in tb if t.kind == "unit"}
    return bool(units_a - units_b and units_b - units_a)


def _explicit_date(found: list[Token]) -> bool:
    """A day of a month ("am 15. Oktober"), or a month with its year ("im Juli 2016")."""
    return any(t.kind == "day" for t in found) or any(
        t.kind == "month" and nxt.kind == "number" and len(nxt.value) == 4
        for t, nxt in pairwise(found)
    )


def _measured(token: Token, span: list[Token]) -> bool:
    """A figure in digits that measures ("3,7", "12-jährigen"); not a word for a number
    ("zwei", "Millionen": "im ersten von zwei Spielen" / "im ersten Zweitliga-Duell"), a
    figure made a noun ("den 30-Jährigen" / "den Rapper"), a year ("Der IQB-Bildungstrend
    2018" / "Er"), a time ago ("vor 75 Jahren" / "hier") or a score ("beim 29:29" / "beim
    Unentschieden") or a part of a name ("Combat 18")."""
    if token.kind != "number" or not token.text[:1].isdigit() or ":" in token.value:
        return False
    if _is_year(token.value):
        return False
    at = span.index(token)
    following = span[at + 1] if at + 1 < len(span) else None
    if following is not None and following.kind == "unit" and following.norm in _TIME_UNITS:
        return False
    if at and span[at - 1].kind == "word" and span[at - 1].text[:1].isupper() and (
        following is None or not following.text[:1].isupper()
    ):
        return False  # part of a name: "Combat 18", "Windows 10"
    suffix = token.text.split("-", 1)[1] if "-" in token.text else ""
    return not suffix[:1].isupper()


def _is_year(value: str) -> bool:
    return len(value) == 4 and value[:2] in ("19", "20") and value.isdigit()


def _rounded(first: str, second: str) -> bool:
    """One figure is the other rounded ("3,8" / "3,86", "42,2" / "42,195", "4" / "3,7"): they
    differ by less than a unit of the last digit the coarser one gives."""
    try:
        a, b = float(first), float(second)
    except ValueError:
        return False
    decimals = min(len(v.split(".")[1]) if "." in v else 0 for v in (first, second))
    return abs(a - b) < 10.0 ** -decimals


def _span_text(found: list[Token]) -> str:
    return "".join(t.text for t in found)


def _span(text: str, found: list[Token]) -> str:
    return text[found[0].start : found[-1].end] if found else ""


def _joined(found: list[Token]) -> str:
    """The span's letters and digits as written, without spaces or hyphens ("Zwölf Mal")."""
    return "".join(t.text.casefold() for t in found).replace("-", "")


def _cut(text: str) -> bool:
    """A version that is a broken sentence: cut inside a date, opening with a date's end
    ("Juni, ..."), a dateline glued to it ("Oktober 2019 Der Boxer ..."), or lower case."""
    found = tokens(text)
    if _CUT_DATE.search(text.rstrip(" \"')")):
        return True
    if found and found[0].kind == "month":
        if text[found[0].end : found[0].end + 1] == ",":
            return True
        if len(found) > 2 and _is_year(found[1].value) and found[2].text[:1].isupper():
            return True
    return text.lstrip(" \"'(").startswith(tuple("abcdefghijklmnopqrstuvwxyzäöü"))


def differences(
    a: str, b: str, is_name: Callable[[str], bool] | None = None
) -> list[tuple[str, str]]:
    """The spans where two versions of one statement differ in a number, a date or a name.

    Versions are aligned word by word; a differing span counts when
    - in a span of a few words, it gives figures the other version lacks anywhere (one rounded
      is the same: "3,8" / "3,86"), against other figures ("112" / "145"; not of other things:
      "3 Tote" / "112 Verletzte"), or against words without any figure ("3,7 Prozent" / "kräftigen
      Abschlägen"); a figure one version adds to the same words is a detail, as is an ordinal
      against words ("eine zweite" / "eine weitere") and a quantity in other units of time
      ("18 Monaten" / "eineinhalb Jahren");
    - it names another month, day, weekday or time of day, or one version adds an explicit
      date where the other gives none at all ("am 15. Oktober" / -); a weekday, "gestern" or
      "im vergangenen Jahr" against a date is the same date told another way;
    - both hold names (``is_name``; none without it) that are not spellings of one name;
    - in other word order, the versions give different figures of one thing (``recounted``).
    A version that is the other cut short (or with more said around it), or a sentence broken
    inside a date, differs in nothing. Each difference is (span of ``a``, span of ``b``),
    either empty where a version says nothing.
    """
    first, second = fold(a), fold(b)
    if first in second or second in first or _cut(first) or _cut(second):
        return []
    ta, tb = tokens(a), tokens(b)
    figures_a, figures_b = _figures(ta), _figures(tb)
    if _converted(ta, tb):
        # "572 Millionen Dollar" / "515 Millionen Euro", "18 Monaten" / "eineinhalb Jahren":
        # the same quantity in other units
        figures_a = figures_b = set()
    matcher = SequenceMatcher(None, [t.norm for t in ta], [t.norm for t in tb], autojunk=False)
    found: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        sa, sb = list(ta[i1:i2]), list(tb[j1:j2])
        if _which_of_a_series(a, sa, ta) and _which_of_a_series(b, sb, tb):
            continue  # "die elfte Etappe" / "die 16. Etappe": two stages, not two counts
        if _other_things(sa, sb):
            return []  # "auf 796 Peso" / "auf 0,9823 Franken": two statements, not versions
        if _differ(sa, sb, ta, tb, figures_a, figures_b, is_name):
            found.append((_span(a, sa), _span(b, sb)))
    # words in another order ("mindestens 112 Menschen wurden" / "wurden mindestens 145
    # Menschen") align as additions on both sides: figures that count the same thing
    return found or ([] if _converted(ta, tb) else recounted(a, b))


def _which_of_a_series(text: str, span: list[Token], found: tuple[Token, ...]) -> bool:
    """The span's figures are all ordinals that say which one of a series ("den ersten Teil des
    Stresstests", "die 16. Etappe"), not how often ("zum dritten Mal", a count two reports may
    give differently): versions that differ there tell of different items. (A day of a month,
    "am 16. Juli", is a date: its tokens are of kind "day".)"""
    figures = [t for t in span if t.kind in ("number", "ordinal")]
    if not figures:
        return False
    for token in figures:
        digit_ordinal = token.kind == "number" and token.value.isdigit() and (
            text[token.end : token.end + 1] == "."
        )
        if token.kind != "ordinal" and not digit_ordinal:
            return False
    last = found.index(figures[-1])
    following = found[last + 1].norm if last + 1 < len(found) else ""
    return following not in ("mal", "male")


def _other_things(sa: list[Token], sb: list[Token]) -> bool:
    """Two spans with figures that count different things: "3 Tote" / "112 Verletzte", "796
    Peso" / "0,9823 Franken" (the dollar's rate in two currencies, two reports of markets
    that a topic's grouping took for one statement)."""
    if not _figures(sa) or not _figures(sb):
        return False
    stop = german_stop_words()
    counted_a = {german_stem(t.norm) for t in sa if t.kind in _COUNTED and t.norm not in stop}
    counted_b = {german_stem(t.norm) for t in sb if t.kind in _COUNTED and t.norm not in stop}
    return bool(counted_a and counted_b and not counted_a & counted_b)


def _differ(
    sa: list[Token],
    sb: list[Token],
    ta: tuple[Token, ...],
    tb: tuple[Token, ...],
    figures_a: set[str],
    figures_b: set[str],
    is_name: Callable[[str], bool] | None,
) -> bool:
    """Whether one aligned pair of spans differs in a figure, a date or a name."""
    if not sa or not sb:
        # a version adds words: a date where the other names none is a difference
        added, other = (sa, tb) if sa else (sb, ta)
        return len(added) <= MAX_WORDED and _explicit_date(added) and not _dated(other)
    if _joined(sa) == _joined(sb):
        return False  # "Zwölf Mal" / "Zwölfmal"
    digits_a, digits_b = (re.sub(r"\D", "", _span_text(span)) for span in (sa, sb))
    same_digits = bool(digits_a) and digits_a == digits_b  # "4 x 1,25 km" / "4x1,25km"
    for kind in ("month", "day", "weekday", "time"):
        # another month, another day of it, another weekday, another time of day ("am
        # Wochenende", "zuvor" against a weekday are vaguer, not another date)
        named_a = {t.norm for t in sa if t.kind == kind}
        named_b = {t.norm for t in sb if t.kind == kind}
        if named_a and named_b and named_a != named_b:
            return True
    # (figures in other units count as none: ``figures_a`` and ``figures_b`` are then empty)
    only_a = _figures(sa) - figures_b if figures_a else set()
    only_b = _figures(sb) - figures_a if figures_b else set()
    # a figure rounded is the same figure
    only_a, only_b = (
        {x for x in only_a if not any(_rounded(x, y) for y in only_b)},
        {y for y in only_b if not any(_rounded(x, y) for x in only_a)},
    )
    if (only_a or only_b) and (max(len(sa), len(sb)) > MAX_WORDED or same_digits):
        return False  # another part of the sentence, or the same figures written otherwise
    if only_a and only_b:
        # (spans that count different things, "3 Tote" / "112 Verletzte", never come here:
        # ``differences`` asks ``_other_things`` of each pair before this)
        return True
    if only_a or only_b:
        # a figure against a few words without any; a date told another way ("am Dienstag" /
        # "am 18. Juni") is the same day, "die zweite" / "eine weitere" the same count
        counted, other = (sa, sb) if only_a else (sb, sa)
        return (
            not _figures(other)
            and any(_measured(t, counted) for t in counted)
            and not (_dated(sa) and _dated(sb))
        )
    if is_name is None or len(sa) > 3 or len(sb) > 3:
        return False
    if not all(
        t.kind == "word" and t.text[:1].isupper() and not t.initial and is_name(t.text)
        for t in sa + sb
    ):
        return False
    key_a, key_b = _joined(sa), _joined(sb)
    if german_stem(key_a) == german_stem(key_b):
        return False  # one name inflected ("Arena" / "Arenen")
    return SequenceMatcher(None, key_a, key_b).ratio() < SAME_NAME


@lru_cache(maxsize=1 << 14)
def frame(text: str) -> frozenset[str]:
    """The stems of a sentence's content words, without its figures and dates: what two
    versions that count differently still share."""
    stop = german_stop_words()
    return frozenset(
        german_stem(t.norm)
        for t in tokens(text)
        if t.kind == "word" and t.norm not in stop and len(t.norm) > 1
    )


def _counted(text: str) -> dict[tuple[str, str], set[str]]:
    """What each figure counts -> the values the sentence gives it: (the stem of the word
    before the figure if that is a content word, else "", and of the first content word after
    it; the word before it at the end of the sentence)."""
    found = tokens(text)
    stop = german_stop_words()
    counted: dict[tuple[str, str], set[str]] = {}
    for i, token in enumerate(found):
        if token.kind != "number":
            continue
        after = next(
            (t for t in found[i + 1 :] if t.kind != "number" and t.norm not in stop), None
        )
        previous = found[i - 1] if i else None
        before = (
            german_stem(previous.norm)
            if previous is not None and previous.kind == "word" and previous.norm not in stop
            else ""
        )
        if after is None:
            after, before = previous, ""
        if after is not None:
            counted.setdefault((before, german_stem(after.norm)), set()).add(token.value)
    return counted


def recounted(a: str, b: str) -> list[tuple[str, str]]:
    """Figures of two differently worded sentences that count the same thing differently:
    the one value only ``a`` gives a thing and the one only ``b`` gives it, the thing named by
    the word after the figure and the content word right before it, if any ("112 Menschen" /
    "145 Menschen"; "3 Tote" / "112 Verletzte" count different things, "Daimler 2,9 Prozent" /
    "BMW 4,2 Prozent" different shares). A figure rounded is the same figure; where several
    figures count one thing, which is which is not known, and none is paired."""
    counted_b = _counted(b)
    all_a = {v for values in _counted(a).values() for v in values}
    all_b = {v for values in counted_b.values() for v in values}
    found = []
    for thing, values_a in _counted(a).items():
        only_a = {x for x in values_a - all_b if not any(_rounded(x, y) for y in all_b)}
        only_b = {
            y for y in counted_b.get(thing, set()) - all_a
            if not any(_rounded(x, y) for x in all_a)
        }
        if len(only_a) == 1 and len(only_b) == 1:
            found.append((_figure_text(a, only_a.pop()), _figure_text(b, only_b.pop())))
    return found


def _figure_text(text: str, value: str) -> str:
    return next(t.text for t in tokens(text) if t.kind == "number" and t.value == value)
