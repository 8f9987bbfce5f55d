"""Lines that are never article text, and lines that mark where an article's text ends.

Takes one line of a page; gives whether it is a caption, credit, UI string, agency tag,
timestamp, count or teaser (``is_junk_line``, ``is_teaser_line``), how many curated page
phrases it holds (``phrase_hits``), whether it opens the furniture after an article ("Mehr zum
Thema": ``MARKER_LINE``) or closes an article (an agency tag, a copyright: ``is_end_line``).
"""

from __future__ import annotations

import re

from briefing.lexicon import (
    AGENCY_TAGS,
    CAPTION_LABELS,
    CREDIT_LABELS,
    PAGE_PHRASES,
    PAGE_WORD_PREFIXES,
    PHOTO_AGENCIES,
    alternation,
)

# Section openers of the furniture after an article (one signal: they weigh against the body
# and mark where a trailing block may be cut, if what follows is about something else).
# The first kind may go on for a few words ("Die meistgelesenen Artikel bei SWR.de/Sport").
_OPENERS = (
    r"(?:\d+\s+)?(?:leser)?kommentare|(?:schreibe|schreiben sie|hinterlasse|hinterlassen sie) "
    r"(?:einen kommentar|eine antwort)|(?:die )?(?:beliebtesten|neuesten|neueste|meistgelesenen|"
    r"meistgelesene|meist gelesenen|meistkommentierten|meistgeteilten) "
    r"(?:kommentare|beiträge|artikel|nachrichten|news|themen|videos)|"
    r"(?:das )?(?:könnte|dürfte) (?:dich|sie|euch) (?:auch )?(?:noch )?interessieren|"
    r"(?:auch|ebenfalls) interessant|interessant für (?:dich|sie)|"
    r"(?:ähnliche|verwandte|weitere|passende|neueste|beliebte|meistgelesene) "
    r"(?:artikel|beiträge|themen|nachrichten|meldungen|news|inhalte|geschichten|stories|videos)|"
    r"mehr (?:zum thema|zu diesem thema|zum autor|aus dem ressort|aus der rubrik)|"
    r"(?:lesen|sehen) sie (?:auch|mehr|dazu)|meistgelesen|meist gelesen|"
    r"empfehlungen? der redaktion|unsere empfehlung(?:en)?|"
    r"other news|news related|related (?:articles|posts|news|stories)|more (?:news|stories)|"
    r"you (?:may|might) also like|top list in the world"
)

_EXACT_OPENERS = (
    r"kommentare?|kommentar(?:e)? (?:schreiben|verfassen|anzeigen|lesen)|diskussion|"
    r"diskutieren sie mit|zum thema|weiterlesen|aktuelle (?:artikel|beiträge|nachrichten|news)|"
    r"mehr (?:news|nachrichten|artikel)|top[ -]?(?:\d+|artikel|themen|news)|"
    r"(?:am meisten|meist) (?:gelesen|kommentiert|geteilt)|empfohlen|empfehlungen?|"
    r"empfehlungen? für (?:dich|sie)|related|recommended(?: for you)?|tags?|schlagwörter|"
    r"schlagworte|themen|kategorien|archiv|danke für die ♥"
)

MARKER_LINE = re.compile(
    rf"^(?:(?:{_OPENERS})(?:\W+[^\s.!?]+){{0,4}}|(?:{_EXACT_OPENERS}))\W*$", re.IGNORECASE
)

# Curated page phrases (briefing/lexicon/page_phrases.txt): one signal among several: a short
# line with one of them weighs as furniture, a long one needs a share of them.
# A longer line is furniture when page phrases make up this share of its words (a cookie
# banner, a newsletter form), not when an article mentions Instagram and YouTube once each.
PHRASE_DENSITY = 0.07

_PREFIXES_BY_HEAD: dict[str, tuple[str, ...]] = {}
for _prefix in PAGE_WORD_PREFIXES:
    _PREFIXES_BY_HEAD[_prefix[:3]] = (*_PREFIXES_BY_HEAD.get(_prefix[:3], ()), _prefix)


def phrase_hits(lowered: tuple[str, ...], text: str) -> int:
    """How many curated page phrases a line (its lower-case words, and itself) contains."""
    hits = 0
    for w in lowered:
        candidates = _PREFIXES_BY_HEAD.get(w[:3])
        if candidates and w.startswith(candidates):
            hits += 1
    low = text.lower()
    return hits + sum(1 for phrase in PAGE_PHRASES if phrase in low)


# Lines that are never article text, wherever they stand. Three kinds, so that long lines
# only pay for the checks that can match them: how a line starts, how it ends, what it is.
_JUNK_START = re.compile(
    rf"(?:{alternation(CAPTION_LABELS)})\s*:|"
    rf"(?:file|archivo|archiv)\s+-\s|(?:{alternation(PHOTO_AGENCIES)})\d{{3,}}\b|vergrößern\b|"
    r"(?:lesen sie|siehe|mehr dazu|mehr zum thema)(?: hier| auch| mehr)?\s*:|"
    r"(?:abbildung|abb\.|grafik|tabelle|bild|foto)\s*\d+\s*:",
    re.IGNORECASE,
)

_CREDIT_WORDS = "|".join(rf"\b{re.escape(label)}" for label in CREDIT_LABELS)
# A credit at the end marks a caption ("... schwarz-weiss.Bild: keystone"); only short
# lines are captions: a long paragraph with "(Foto: dpa)" inside is article text.
_CREDIT_END = re.compile(
    rf"(?:(?:{_CREDIT_WORDS})\s*:\s*(?:©\s*)?"
    r"[\w .,/&|()©+-]{1,60}|"
    rf"\((?:{alternation(CREDIT_LABELS)})\s*:[^)]{{1,60}}\)|"
    r"registriert\s+(?:seit\s+)?\w+\s+\d{4}|©\s*[\w .,/&|+-]{1,50})$",
    re.IGNORECASE,
)

# A cut teaser: "... and comm ...", "... Read more »".
_CUT_END = re.compile(
    r"(?:\s(?:\.\.\.|…)\s*»?|(?:\.\.\.|…)\s*(?:read more|weiterlesen|mehr)\s*»?)$",
    re.IGNORECASE,
)

_JUNK_WHOLE = [
    r"(?:©|\(c\)|copyright)\s*.{0,80}",
    r"\(?(?:[a-z]{2,5}|[A-Z]{2,5})(?:\s*/\s*(?:[a-z]{2,6}|[A-Z]{2,6}))+\)?\.?",  # (yam/sda/dpa)
    rf"\((?:{alternation(AGENCY_TAGS)})\)",
    r"[A-Z]\.\s?[A-Z][\w'-]+\s?--\s?[A-Z]{2,5}",  # A.Parker--TNT
    r"(?:text|textgröße|schriftgröße)\s+(?:ändern|anpassen)\s*:?",
    r"mehr\s+[«»\"„“].{1,40}[«»\"“”]",
    r"(?:\d{1,2}\.\d{1,2}\.\d{2,4},?\s*(?:\d{1,2}[:.]\d{2}(?:\s*uhr)?)?\s*)+",
    (
        r"(?:\d+\s+)?(?:hrs?|hours?|mins?|minutes?|days?|weeks?|std\.?|stunden?|min\.?|minuten"
        r"|tagen?)\s+ago"
    ),
    r"vor\s+\d+\s+(?:stunden?|minuten?|tagen?|wochen?|monaten?|std\.?|min\.?)",
    r"[\d.,]+\s*(?:chf|eur|euro|€|\$|usd|fr\.)|(?:chf|eur|€|\$|fr\.)\s*[\d.,]+",
    r"\d+(?:[.,]\d+)?\s*[km]?",  # a bare count: votes, likes, replies
    (
        r"(?:melden|antworten|zum kommentar|zur story|zum artikel|zurück|weiter|mehr|"
        r"alle anzeigen|avatar|reply|report|like|anderer|anderer betrag|zur übersicht|anzeige|"
        r"werbung|sponsored|gesponsert|advertisement|ad)\W*"
    ),
]

_JUNK_WHOLE_LINE = re.compile("^(?:" + "|".join(_JUNK_WHOLE) + r")$", re.IGNORECASE)

# Captions are short; longer lines are not dropped for a credit or a "(l.)" in them.
CAPTION_CHARS = 300

# Teasers are short too: a few sentences of another article.
TEASER_CHARS = 600

# Who stands where in a photo: "(l.)", "(M.)", "(v.l.n.r.)" mark a caption.
_PHOTO_POSITION = re.compile(
    r"\((?:[lmr]\.|m\.\s?[lr]\.|v\.\s?[lr]\.(?:\s?n\.\s?[lr]\.)?)\)", re.IGNORECASE
)

# A teaser of another article ends with its authors: "... fordert er. Von Markus Balser".
_TEASER_BYLINE = re.compile(
    r"[.!?\"“”»«]\s+Von [A-ZÄÖÜ][\w-]+ [A-ZÄÖÜ][\w-]+"
    r"(?:(?:,| und|, und) [A-ZÄÖÜ][\w-]+(?: [A-ZÄÖÜ][\w-]+)?){0,4}$"
)


def is_junk_line(text: str) -> bool:
    """A caption, credit, UI string, agency tag, timestamp, count or truncated teaser."""
    return bool(
        (len(text) <= CAPTION_CHARS and _PHOTO_POSITION.search(text))
        or (len(text) <= CAPTION_CHARS and _JUNK_START.match(text))
        or (len(text) <= CAPTION_CHARS and _CREDIT_END.search(text, max(0, len(text) - 100)))
        or is_teaser_line(text)
        or (len(text) <= 120 and _JUNK_WHOLE_LINE.match(text))
    )


def is_teaser_line(text: str) -> bool:
    """A teaser of another text: cut off ("... comm ...") or signed ("... Von A. Autor")."""
    if len(text) > TEASER_CHARS:
        return False  # a long paragraph may end in "..." for effect
    return bool(_CUT_END.search(text, max(0, len(text) - 30)) or _TEASER_BYLINE.search(text))


_END_LINE = re.compile(
    r"^(?:\(?(?:[a-z]{2,5}|[A-Z]{2,5})(?:\s*/\s*(?:[a-z]{2,6}|[A-Z]{2,6}))+\)?\.?|"
    rf"\((?:{alternation(AGENCY_TAGS)})\)|"
    r"[A-Z]\.\s?[A-Z][\w'-]+\s?--\s?[A-Z]{2,5}|"
    r"(?:©|\(c\)|copyright)(?=.{0,80}$).*(?:\d{4}|rechte|rights|verlag|gmbh|\bag\b).*)$",
    re.IGNORECASE,
)


def is_end_line(text: str) -> bool:
    """Lines that close an article: agency tags, "A.Parker--TNT" bylines, a copyright notice
    (with a year or "Alle Rechte"; "© Bild: X" is a photo credit inside the article)."""
    return bool(_END_LINE.match(text))
