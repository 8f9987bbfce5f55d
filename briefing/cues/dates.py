"""Dates in a sentence: explicit days, months and years, with the year a bare date means.

Takes one sentence (and its article's date); gives the dates it names as written with a
sortable key (``find_dates``), those that can place it on a timeline (``event_dates``), and a
date's normalised label ("18.06.2024", "Juni 2024", "Anfang 2022", ``date_label``).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from briefing.lexicon import COUNT_NOUNS, GERMAN_MONTHS, MONTH_NAMES, WEEKDAY_NUMBERS, alternation

MONTHS = GERMAN_MONTHS  # name: number, "jänner" included

WEEKDAYS = WEEKDAY_NUMBERS  # name: number, Monday 0

_MONTH_IN = re.compile(r"\b(?:" + "|".join(m.capitalize() for m in MONTHS) + r")\b")

_MONTH = r"(?P<month>" + "|".join(m.capitalize() for m in MONTHS) + r")"

_YEAR = r"(?P<year>(?:19|20)\d\d)"

_WEEKDAY = r"(?P<weekday>" + "|".join(d.capitalize() for d in WEEKDAYS) + r")"

_PERIOD_MONTH = {"anfang": 1, "frühjahr": 4, "mitte": 6, "sommer": 7, "herbst": 10, "ende": 12}

# Measures that make a four-digit number a count, not a year ("2000 Soldaten").
_UNITS = alternation(COUNT_NOUNS)

DATE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "weekday",
        re.compile(
            rf"\b(?i:am |vom |seit |bis )?{_WEEKDAY}(?:abend|morgen|nachmittag|mittag)?,? "
            rf"\((?P<day>\d{{1,2}})\.\s?{_MONTH}(?: {_YEAR})?\)"
        ),
    ),
    (
        "day",
        re.compile(
            rf"\b(?i:am |vom |seit dem |bis zum |ab dem )?(?P<day>\d{{1,2}})\.\s?{_MONTH}(?:\s+{_YEAR})?\b"
        ),
    ),
    (
        "numeric",
        re.compile(
            r"\b(?i:am |vom |seit dem |bis zum )?(?P<day>\d{1,2})\.(?P<mnum>\d{1,2})\.(?P<year>(?:19|20)\d\d)\b"
        ),
    ),
    ("month", re.compile(rf"\b(?i:im |seit |bis |ab |Anfang |Mitte |Ende )?{_MONTH}\s+{_YEAR}\b")),
    (
        "period",
        re.compile(
            rf"\b(?P<period>Anfang|Mitte|Ende|Frühjahr|Sommer|Herbst) (?:des Jahres )?{_YEAR}\b"
        ),
    ),
    (
        "year",
        re.compile(
            rf"(?<![\d.,])\b(?i:(?:im Jahre?|seit|von|bis|ab|vor|nach|Jahr) )?{_YEAR}\b"
            rf"(?![.,]?\d)(?!\s*(?:{_UNITS})\b)(?!\s*%)"
        ),
    ),
    ("month_only", re.compile(rf"\b(?i:im|seit|bis|ab|Anfang|Mitte|Ende) {_MONTH}\b")),
    # a year before 1900 only with words that make it one ("von 1753 bis 1927")
    (
        "year",
        re.compile(
            r"\b(?i:im Jahre?|seit|von|bis|ab|um) (?P<year>1[5-8]\d\d)\b(?![.,]?\d)"
            rf"(?!\s*(?:{_UNITS})\b)(?!\s*%)"  # "von 1505 Dollar auf 1494 Dollar": a price
        ),
    ),
]

# Words that put a date without a year ahead of the article rather than behind it.
_FUTURE = re.compile(
    r"\b(?:wird|werden|soll|sollen|will|wollen|plant|planen|geplant|bis|ab|kommende[nmrs]?|"
    r"nächste[nmrs]?|künftig|voraussichtlich|beginnt|startet|"
    # a deadline: "eine Verlängerung der Frist über den 31. Oktober hinaus", "spätestens"
    r"hinaus|[\w-]*[Ff]rist|spätestens)\b",
    re.IGNORECASE,
)

_DIGIT = re.compile(r"\d")
_MONTH_WORDS = tuple(m.capitalize() for m in MONTHS)
_YEAR_DIGITS = re.compile(r"(?:19|20|1[5-8])\d\d")  # (both "year" patterns' years)
_DOTTED = re.compile(r"\d\.\d")
# the part each kind of DATE_PATTERNS cannot match without
_NEEDS = {"weekday": "month", "day": "month", "month": "month", "month_only": "month",
          "period": "year", "year": "year", "numeric": "numeric"}

_COUNT_BEFORE = re.compile(
    r"(?:mehr als|rund|etwa|über|knapp|fast|bis zu|insgesamt|zirka|ca\.|davon|darunter|jeweils)"
    r"\s*$"
)


def find_dates(text: str, reference: dt.date | None = None) -> list[tuple[str, str]]:
    """Explicit dates in a sentence as ``(as written, sortable key)``, in text order.

    Keys are ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``. A date without a year takes it from
    its weekday ("Dienstag (18. Juni)" near 2024 is 2024) or from ``reference`` (the article's
    date); a weekday alone ("am Dienstag") or a month without any year is left out.
    """
    return list(_find_dates(text, reference))


@lru_cache(maxsize=1 << 16)
def _find_dates(text: str, reference: dt.date | None) -> tuple[tuple[str, str], ...]:
    found: list[tuple[int, str, str]] = []
    taken: list[range] = []
    # every pattern but "month_only" needs a digit: in a sentence without one, searching them
    # (from every position) finds nothing, and most of the timeline's time went to that
    digits = _DIGIT.search(text) is not None
    # ... and each needs a part that a quick look finds (each pattern's search tries every
    # position): a month's name (case-sensitive in them), a year's digits, "1.2." digits
    found_part = {
        "month": any(month in text for month in _MONTH_WORDS),
        "year": digits and _YEAR_DIGITS.search(text) is not None,
        "numeric": digits and _DOTTED.search(text) is not None,
    }
    for kind, pattern in DATE_PATTERNS:
        if not digits and kind != "month_only" or not found_part[_NEEDS[kind]]:
            continue
        for match in pattern.finditer(text):
            span = range(match.start(), match.end())
            if any(span.start < t.stop and t.start < span.stop for t in taken):
                continue
            key = _date_key(kind, match, text, reference)
            if key is None:
                continue
            taken.append(span)
            found.append((match.start(), match.group(0).strip(), key))
    return tuple((when, key) for _, when, key in sorted(found))


def _date_key(kind: str, match: re.Match[str], text: str, reference: dt.date | None) -> str | None:
    groups = match.groupdict()
    year = int(groups["year"]) if groups.get("year") else None
    if kind == "year":
        if _COUNT_BEFORE.search(text[: match.start()]):
            return None
        return f"{year:04d}"
    if kind == "period":
        return f"{year:04d}-{_PERIOD_MONTH[groups['period'].casefold()]:02d}"
    month = int(groups["mnum"]) if groups.get("mnum") else MONTHS[groups["month"].casefold()]
    if not 1 <= month <= 12:
        return None
    future = _FUTURE.search(text) is not None
    if kind in ("month", "month_only"):
        if year is None and reference is not None:
            year = _nearest_year(dt.date(reference.year, month, 1), reference, future, month=True)
        return f"{year:04d}-{month:02d}" if year else None
    day = int(groups["day"])
    if year is None:
        year = _resolve_year(day, month, groups.get("weekday"), reference, future)
        if year is None:
            return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _nearest_year(when: dt.date, reference: dt.date, future: bool, month: bool = False) -> int:
    """The year of a day or month without one: the last one up to the article's date for what
    is told as past ("im Dezember" in a January article is last December), the next one from
    it for what is told as ahead ("im März soll gewählt werden") or lies a few weeks ahead
    (``NEAR_AHEAD_DAYS``)."""
    point = reference.replace(day=1) if month else reference
    if future:
        return when.year if when >= point else when.year + 1
    if point < when <= point + dt.timedelta(days=NEAR_AHEAD_DAYS):
        return when.year  # "einen geregelten EU-Austritt am 31. Oktober" twelve days ahead
    return when.year if when <= point else when.year - 1


# A day or month without a year this many days after the article's date is the coming one,
# however it is told: a report names the date a year back with its year ("am 31. Oktober
# 2018"), not one a fortnight ahead.
NEAR_AHEAD_DAYS = 45


def _resolve_year(
    day: int,
    month: int,
    weekday: str | None,
    reference: dt.date | None,
    future: bool = False,
) -> int | None:
    """The year of a day and month written without one, from its weekday or the article date."""
    if weekday:
        wanted = WEEKDAYS[weekday.casefold()]
        around = reference.year if reference else dt.date.today().year
        for year in sorted(range(around - 6, around + 2), key=lambda y: (abs(y - around), -y)):
            try:
                if dt.date(year, month, day).weekday() == wanted:
                    return year
            except ValueError:
                continue
        return None
    if reference is None:
        return None
    try:
        return _nearest_year(dt.date(reference.year, month, day), reference, future)
    except ValueError:
        return None  # 29 February in a year without one


# A date that does not say when something in the story happened: a span up to now ("der erste
# Sieg seit 2010"), a birth year or a life span ("Jahrgang 1984", "der 1981 geborene",
# "(1909–1959)", "den 1. Jänner 1998 als Geburtsdatum"), a thing's year ("das Galaxy S2 aus
# 2011", "ein Film aus dem Jahr 1999", "Nexus 7 (2013, WLAN-Variante)", "Titanic (1997)"), a
# list of years ("der vierte Titel der USA nach 1991, 1999 und 2015").
_NOT_AN_EVENT = re.compile(r"^(?i:seit)\b")

_NOT_WHEN = re.compile(
    r"\bJahrgang\s+(?:19|20)\d\d\b"
    r"|\b(?:19|20)\d\d\s+(?:\w+\s+){0,3}(?:geboren\w*|zur Welt\b|als Geburtsdatum\b)"
    r"|\bgeboren\w*[\s,]+(?:\w+[\s,]+){0,4}(?:19|20)\d\d\b"
    r"|\((?:\*\s*)?1[5-9]\d\d\s*[–-]\s*(?:19|20)?\d\d\)"
    # a list of three years or more: a record, not the sentence's event ("nach 1991, 1999 und
    # 2015")
    r"|\b(?:19|20)\d\d(?:\s*,\s*(?:19|20)\d\d)+,?\s+(?:und|sowie|oder)\s+(?:19|20)\d\d\b"
    r"|\b(?:19|20)\d\d(?:\s*,\s*(?:19|20)\d\d){2,}\b"  # ("in die Jahre 2008, 2007, 2006")
    # a club's year of founding in its name ("TSV 1860", "der TSV München von 1860")
    r"|\b(?:TSV|TSG|SV|FC|VfL|VfB|VfR|SC|FSV|SpVgg|TuS|SSV|MSV|BSC|ASV|ESV|PSV|Borussia|"
    r"Eintracht|Fortuna|Viktoria|Alemannia)(?:\s+[A-ZÄÖÜ][\w-]+)?\s+(?:von\s+)?(?:18|19)\d\d\b"
    r"|(?<!dort )(?<!hier )(?<!da )\baus\s+(?:dem\s+Jahre?\s+)?(?:19|20)\d\d\b"
    r"|\((?:19|20)\d\d(?:,[^()]*)?\)"
    # a count that looks like a year ("Etwa 2000 seien auf dem Weg zur irakischen Grenze"),
    # and a year inside a name's compound ("der Agenda-2010-Partei")
    r"|\b(?:[Ee]twa|[Rr]und|[Mm]ehr als|[Kk]napp|[Ff]ast|[Üü]ber|[Uu]ngefähr|[Cc]irca|ca\.|"
    r"bis zu|[Ii]nsgesamt|[Gg]ut|[Ww]eitere)\s+(?:19|20)\d\d\b"
    r"|(?<=[A-Za-zÄÖÜäöüß]-)(?:19|20)\d\d\b"
)


def event_dates(text: str, reference: dt.date | None = None) -> list[tuple[str, str]]:
    """The dates of a sentence that can place it on a timeline (``find_dates`` less spans,
    birth years, life spans, a thing's year and lists of years, ``_NOT_WHEN``); none for a
    question, which tells no event."""
    if text.rstrip(")»\"“”' ").endswith("?"):
        return []
    dates = find_dates(text, reference)
    if not dates:
        return []  # (most sentences: no need to look for a birth year)
    not_when = [m.span() for m in _NOT_WHEN.finditer(text)]
    found = []
    for when, key in dates:
        if _NOT_AN_EVENT.match(when):
            continue
        at = text.find(when)
        if any(start <= at < end or at <= start < at + len(when) for start, end in not_when):
            continue
        found.append((when, key))
    return found


_PERIOD_WORD = re.compile(r"\b(Anfang|Mitte|Ende|Frühjahr|Sommer|Herbst)\b", re.IGNORECASE)


def date_label(when: str, key: str) -> str:
    """A date as the timeline labels it, whatever its wording: ``2024-06-18`` -> "18.06.2024",
    ``2023-09`` -> "September 2023" ("Anfang 2022" for a part of a year), ``2000`` -> "2000"."""
    parts = key.split("-")
    if len(parts) == 3:
        return f"{parts[2]}.{parts[1]}.{parts[0]}"
    if len(parts) == 2:
        period = _PERIOD_WORD.search(when)
        month = MONTH_NAMES[int(parts[1]) - 1].capitalize()
        if period is None:
            return f"{month} {parts[0]}"
        word = period.group(1).capitalize()
        # "Anfang Juni" keeps its month; "Anfang 2022" names no month
        return f"{word} {month} {parts[0]}" if _MONTH_IN.search(when) else f"{word} {parts[0]}"
    return key
