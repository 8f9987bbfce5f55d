"""Tell article text from page furniture in scraped plain text, by generic line signals.

Each non-empty line of a page is a unit. Signals per unit give it a class and a weight:
length, stopword density (sumy's German list plus common function words), sentence-likeness
(final punctuation), link-list shape (runs of short lines, patterns that recur on the page
such as "4 hrs ago" or "Antworten"), datelines, a curated list of German/English page
phrases (one signal among several), and language (an English caption in a German page).

The body is the contiguous run of units with the largest total weight; navigation, link
lists and footers weigh against it. Section openers ("Kommentare", "Mehr zum Thema"),
article ends (agency tags, bylines, copyright) and datelines split that run into parts; the
part that tells the headline's story is the article, and the parts after it are cut whole
(with everything after them) where they are about something else - too few words in common
with the article - or are a list of teasers. Inside the body single junk lines are dropped
(captions, credits, UI strings, timestamps, counts); short lines before a paragraph stay as
subheadings.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from briefing.core.metadata import has_date, is_stamp_line
from briefing.core.models import Block

GOOD, NEAR, SHORT, BAD, MARKER, END = "good", "near", "short", "bad", "marker", "end"

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_FINAL = re.compile(r"[.!?…][\"'»«“”‘’)\]]*$")
_COLON_END = re.compile(r":[\"'»«“”‘’)\]]*$")
_DIGITS = re.compile(r"\d+")
LIST_ITEM = re.compile(r"^(?:\d{1,2}[.)]|[•·▪◦●■*–-])\s+\S+\s+\S")

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


# Curated page phrases in German and English: UI strings, legal links, sharing, log-in,
# consent banners, donation and newsletter prompts. One signal among several: a short line
# with one of them weighs as furniture, a long one needs two (a cookie banner, a prompt).
PAGE_WORD_PREFIXES = (
    "impressum", "datenschutz", "cookie", "newsletter", "anmeld", "abmeld", "registrier",
    "einloggen", "login", "button", "passwort", "nutzungsbedingungen", "agb", "copyright",
    "teile", "drucken", "weiterlesen", "startseite", "navigation", "menü", "suche", "melden",
    "antworten", "abonnier", "abo", "merkliste", "sitemap", "mediadaten", "warenkorb",
    "versandkosten", "zustimm", "akzeptier", "einwilligung", "javascript", "textgröße",
    "schriftgröße", "vorlesen", "kommentar", "leserbrief", "facebook", "twitter", "instagram",
    "whatsapp", "linkedin", "xing", "pinterest", "youtube", "telegram", "rss", "spende",
    "spenden", "unterstütze", "share", "tweet", "subscribe", "privacy", "advertisement",
    "reply", "geräteinformation", "nutzerprofil", "endgerät", "tracking", "präferenzen",
    "datenschutzerklärung", "widerruf", "einverständnis", "feedback",
)
PAGE_PHRASES = (
    "©", "alle rechte", "rechte vorbehalten", "per e-mail", "per mail", "mehr erfahren",
    "mehr lesen", "mehr anzeigen", "zur startseite", "zum inhalt", "nach oben", "gefällt mir",
    "zum kommentar", "sign in", "log in", "terms of", "all rights reserved", "read more",
    "follow us", "posted by", "posted on", "powered by", "jetzt bestellen", "jetzt kaufen",
    "in den warenkorb", "klicken sie", "hier klicken", "unterstützen sie uns",
    "unterstütze uns", "jetzt spenden", "jetzt abonnieren", "jetzt anmelden",
    "dieser beitrag wurde", "gekennzeichnet mit", "creative commons", "lizenz cc",
    "links auf dieser seite", "provision vom", "affiliate",
)


# A longer line is furniture when page phrases make up this share of its words (a cookie
# banner, a newsletter form), not when an article mentions Instagram and YouTube once each.
PHRASE_DENSITY = 0.07

_PREFIXES_BY_HEAD: dict[str, tuple[str, ...]] = {}
for _prefix in PAGE_WORD_PREFIXES:
    _PREFIXES_BY_HEAD[_prefix[:3]] = (*_PREFIXES_BY_HEAD.get(_prefix[:3], ()), _prefix)


def phrase_hits(u: Unit) -> int:
    """How many curated page phrases a unit contains."""
    hits = 0
    for w in u.lowered:
        candidates = _PREFIXES_BY_HEAD.get(w[:3])
        if candidates and w.startswith(candidates):
            hits += 1
    low = u.text.lower()
    return hits + sum(1 for phrase in PAGE_PHRASES if phrase in low)


# Lines that are never article text, wherever they stand. Three kinds, so that long lines
# only pay for the checks that can match them: how a line starts, how it ends, what it is.
_JUNK_START = re.compile(
    r"(?:bild|bilder|foto|fotos|video|videos|grafik|illustration|quelle|credit|karte|audio|"
    r"symbolbild|archivbild|titelbild|beitragsbild|image|photo|picture|source)\s*:|"
    r"(?:file|archivo|archiv)\s+-\s|(?:epa|ap|afp|dpa)\d{3,}\b|vergrößern\b|"
    r"(?:lesen sie|siehe|mehr dazu|mehr zum thema)(?: hier| auch| mehr)?\s*:|"
    r"(?:abbildung|abb\.|grafik|tabelle|bild|foto)\s*\d+\s*:",
    re.IGNORECASE,
)
# A credit at the end marks a caption ("... schwarz-weiss.Bild: keystone"); only short
# lines are captions: a long paragraph with "(Foto: dpa)" inside is article text.
_CREDIT_END = re.compile(
    r"(?:(?:\bbild|\bfoto|\bfotos|\bquelle|\bgrafik)\s*:\s*(?:©\s*)?[\w .,/&|()©+-]{1,60}|"
    r"\((?:bild|foto|fotos|quelle|grafik)\s*:[^)]{1,60}\)|"
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
    r"\((?:dpa|afp|ap|sda|apa|kna|epd|reuters|rtr|ots|red|ddp)\)",
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


@dataclass
class Unit:
    """One non-empty line of the page and its signals."""

    text: str
    words: int
    chars: int
    german: float  # share of words in the German stopword list
    english: float  # share of words in the English-only stopword list
    sentence: bool  # ends in sentence-final punctuation
    lowered: tuple[str, ...] = ()
    kind: str = SHORT
    weight: float = 0.0
    junk: bool = False
    dated: bool = False
    repeated: bool = False  # a short line whose pattern recurs on the page (a list's label)
    content: set[str] | None = None  # crude stems of its content words, once needed


# Frequent German function words that sumy's short list lacks (auxiliaries, prepositions):
# without them a plain sentence like "Verletzt wurde niemand." reads as stopword-free.
COMMON_GERMAN = frozenset(
    {
        "wurde", "wurden", "worden", "war", "waren", "hat", "haben", "habe", "hast", "hätte",
        "hätten", "wäre", "wären", "würde", "würden", "gibt", "gab", "man", "noch", "nur",
        "schon", "sehr", "mehr", "um", "ob", "ab", "seit", "gegen", "ohne", "zwischen",
        "während", "denn", "weil", "also", "dann", "immer", "alle", "alles", "viele", "einige",
        "mehrere", "beim", "ins", "dabei", "damit", "dazu", "sei", "seien", "so", "es", "ihm",
        "ihn", "ihnen", "uns", "euch", "mich", "dich", "mir", "dir", "keine", "kein", "keinen",
        "einer", "diese", "diesen",
    }
)


@lru_cache(maxsize=1)
def stop_words() -> tuple[frozenset[str], frozenset[str]]:
    """sumy's German stop words, and its English ones that are not German too."""
    from briefing.core.lexrank import german_stop_words, sumy_stop_words

    german = frozenset(german_stop_words()) | COMMON_GERMAN
    english = sumy_stop_words("english") - german
    return german, english


def make_units(lines: list[str]) -> list[Unit]:
    """Units from stripped page lines ("" for blank lines), soft-wrapped lines joined."""
    german, english = stop_words()
    units: list[Unit] = []
    pending: str | None = None
    for line in [*lines, ""]:
        if pending is not None and line and _continues(pending, line):
            pending = f"{pending[:-1]}{line}" if pending.endswith("\u00ad") else f"{pending} {line}"
            continue
        if pending is not None:
            units.append(_unit(pending, german, english))
        pending = line or None
    return units


def _continues(previous: str, line: str) -> bool:
    """A soft-wrapped paragraph: the line goes on in lower case after unfinished prose."""
    return (
        len(previous) >= 40
        and line[:1].islower()
        and not _FINAL.search(previous)
        and not _COLON_END.search(previous)
    )


def _unit(text: str, german: frozenset[str], english: frozenset[str]) -> Unit:
    words = _WORD.findall(text)
    count = max(len(words), 1)
    lowered = [w.lower() for w in words]
    de = sum(1 for w in lowered if w in german) / count
    en = sum(1 for w in lowered if w in english) / count
    return Unit(
        text, len(text.split()), len(text), de, en, bool(_FINAL.search(text)),
        tuple(lowered),
    )


def classify(units: list[Unit]) -> None:
    """Give every unit a class and a weight for the body search."""
    shapes = Counter(_shape(u.text) for u in units if u.words <= 8)
    exact = Counter(u.text for u in units)
    german_page = _german_page(units)
    if not german_page:
        for u in units:  # an English page: its own stop words measure its prose
            u.german = max(u.german, u.english)
    for u in units:
        u.junk = (
            is_junk_line(u.text)
            or is_stamp_line(u.text)
            or (german_page and _english_line(u))
        )
        phrases = phrase_hits(u) if u.chars < 1000 else 0
        u.dated = u.words <= 15 and not u.sentence and has_date(u.text)
        if u.words <= 12 and MARKER_LINE.match(u.text):
            u.kind = MARKER
        elif u.words <= 12 and _is_end_line(u.text):
            u.kind = END
        elif u.junk or (phrases and u.words <= 10) or (
            phrases >= 2 and phrases >= PHRASE_DENSITY * u.words
        ):
            u.kind = BAD
        elif u.dated:
            u.kind = BAD  # a dateline or byline with a date: metadata, a comment's head
        elif u.words <= 8 and shapes[_shape(u.text)] >= 3:
            u.kind = BAD  # a repeated pattern: "4 hrs ago", "Antworten", dates of comments
            u.repeated = True
        elif _glued_list(u):
            u.kind = BAD  # link texts run together: "Alles was lebtAlpha CepheiAnd ..."
        elif u.chars >= 70 and u.german >= 0.2 or u.chars >= 150 and u.german >= 0.12:
            u.kind = GOOD
        elif u.chars >= 30 and u.sentence and u.german >= 0.15:
            u.kind = NEAR
        else:
            u.kind = SHORT
        if u.kind in (GOOD, NEAR) and exact[u.text] > 1 and u.chars < 200:
            u.kind = SHORT  # the same line twice: a teaser or a repeated headline
    _weigh(units)


# The weight of a short line inside a link list (a run of three or more non-prose lines).
LIST_WEIGHT = -30.0


def _weigh(units: list[Unit]) -> None:
    # Runs of three or more lines that are not prose have the shape of a link list.
    run_start = 0
    for i in range(len(units) + 1):
        if i < len(units) and units[i].kind not in (GOOD, NEAR):
            continue
        in_list = i - run_start >= 3
        for u in units[run_start:i]:
            if u.kind == SHORT and (_prose_fragment(u) or LIST_ITEM.match(u.text)):
                u.weight = -5.0  # a subheading, a list item, a short line of prose
                continue
            u.weight = {
                SHORT: LIST_WEIGHT if in_list else -10.0,
                BAD: -60.0 if in_list else -40.0,
                END: -60.0,
                MARKER: -300.0,
            }[u.kind]
        if i < len(units):
            u = units[i]
            u.weight = (1.0 if u.kind == GOOD else 0.5) * u.chars
            if not u.sentence:
                u.weight *= 0.7  # prose ends its paragraphs; teaser titles and lists do not
        run_start = i + 1
    # Text below the page's copyright footer is an overlay copied along (a cookie or consent
    # dialog), rarely the article: it weighs less.
    footer = max((i for i, u in enumerate(units) if _FOOTER.match(u.text)), default=-1)
    if footer >= len(units) // 2:
        for u in units[footer + 1 :]:
            if u.weight > 0:
                u.weight *= 0.25


_FOOTER = re.compile(r"^(?:©|\(c\)|copyright).{0,80}(?:\d{4}|rechte|rights)", re.IGNORECASE)


def _prose_fragment(u: Unit) -> bool:
    return u.words >= 3 and u.german >= 0.2


def body_region(units: list[Unit]) -> tuple[int, int]:
    """The contiguous run of units with the largest total weight, as [start, end)."""
    best, best_range = 0.0, (0, 0)
    total, start = 0.0, 0
    for i, u in enumerate(units):
        if total <= 0:
            total, start = 0.0, i
        total += u.weight
        if total > best:
            best, best_range = total, (start, i + 1)
    return best_range


_GLUED = re.compile(r"[a-zäöüß][A-ZÄÖÜ][a-zäöüß]")
_SENTENCE_END = re.compile(r"[.!?…][\"'»«“”‘’)\]]*(?:\s|$)")


def _glued_list(u: Unit) -> bool:
    """A long line that is not prose: items glued together, or hardly a sentence end."""
    if u.chars < 150:
        return False
    if len(_GLUED.findall(u.text)) * 8 > u.words:
        return True
    return u.chars >= 400 and len(_SENTENCE_END.findall(u.text)) * 500 < u.chars


def _shape(text: str) -> str:
    return _DIGITS.sub("0", text.lower())


def _german_page(units: list[Unit]) -> bool:
    de = sum(u.german * u.words for u in units)
    en = sum(u.english * u.words for u in units)
    return de >= en


def _english_line(u: Unit) -> bool:
    """An English line in a German page: an agency caption, a credit, a UI string."""
    return u.words >= 5 and u.english >= 0.12 and u.english > 1.5 * u.german


_END_LINE = re.compile(
    r"^(?:\(?(?:[a-z]{2,5}|[A-Z]{2,5})(?:\s*/\s*(?:[a-z]{2,6}|[A-Z]{2,6}))+\)?\.?|"
    r"\((?:dpa|afp|ap|sda|apa|kna|epd|reuters|rtr|ots|red|ddp)\)|"
    r"[A-Z]\.\s?[A-Z][\w'-]+\s?--\s?[A-Z]{2,5}|"
    r"(?:©|\(c\)|copyright)(?=.{0,80}$).*(?:\d{4}|rechte|rights|verlag|gmbh|\bag\b).*)$",
    re.IGNORECASE,
)


def _is_end_line(text: str) -> bool:
    """Lines that close an article: agency tags, "A.Parker--TNT" bylines, a copyright notice
    (with a year or "Alle Rechte"; "© Bild: X" is a photo credit inside the article)."""
    return bool(_END_LINE.match(text))


def unit_words(u: Unit) -> set[str]:
    """content_words of a unit, computed once."""
    if u.content is None:
        u.content = content_words(u.text)
    return u.content


def content_words(text: str) -> set[str]:
    """Crude stems of the content words of a text, for topical overlap."""
    german, english = stop_words()
    stems = set()
    for word in _WORD.findall(text):
        w = word.lower()
        if len(w) >= 4 and w not in german and w not in english:
            stems.add(_stem(w))
    return stems


_ENDINGS = ("ern", "en", "er", "es", "e", "n", "s")


def _stem(word: str) -> str:
    """Drop one inflection ending, then keep six letters: "Jahren" and "Jahr" meet."""
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            word = word[: -len(ending)]
            break
    return word[:6]


# Share of a part's content words that the article already uses, for the part to belong to
# it. Text before the article's main part is more often its lead than text after it is.
LEAD_OVERLAP = 0.2
TRAIL_OVERLAP = 0.3
# How many lines above the body a lead paragraph may stand.
LEAD_REACH = 12


def _boundary(u: Unit) -> bool:
    return u.kind in (MARKER, END) or u.dated


def _teaser_list(units: list[Unit], segments: list[tuple[int, int]], least: int = 2) -> bool:
    """Parts that each hold at most one short paragraph, ``least`` or more of them: teasers
    under datelines or section labels, not the article going on."""
    if len(segments) < least:
        return False
    for a, b in segments:
        paragraphs = [u for u in units[a:b] if u.kind in (GOOD, NEAR)]
        if len(paragraphs) > 1 or any(u.chars >= 300 for u in paragraphs):
            return False
    return True


def _text_mass(units: list[Unit]) -> int:
    return sum(u.chars for u in units if u.kind in (GOOD, NEAR))


def trim_region(units: list[Unit], start: int, end: int, title: str | None) -> tuple[int, int]:
    """Narrow the body region to the article: the part with the most text, plus the parts
    around it that are about the same thing. Section openers, article ends and datelines
    split the region; a trailing part is cut whole (with all after it) when it is about
    something else or is a list of teasers; a leading part when it is about something else.
    """
    cuts = [i for i in range(start, end) if _boundary(units[i])]
    edges = [start - 1, *cuts, end]
    segments = [(edges[k] + 1, edges[k + 1]) for k in range(len(edges) - 1)]
    headline = content_words(title or "")

    def strength(k: int) -> float:
        # The part that tells the headline's story is the article, even when a block of
        # other texts (a forum, teasers) after it is longer.
        part = units[slice(*segments[k])]
        weight = sum(u.weight for u in part)
        if not headline or weight <= 0:
            return weight
        words: set[str] = set()
        for u in part:
            if u.kind in (GOOD, NEAR):
                words |= unit_words(u)
        return weight * (1 + 2 * len(headline & words) / len(headline))

    main = max(range(len(segments)), key=strength) if len(segments) > 1 else 0
    if len(segments) == 1 and not _lead_candidates(units, start):
        # One part and nothing above it to take back: no overlap to measure.
        return start, _cut_teaser_tail(units, start, end)
    vocabulary = set(headline)
    for u in units[slice(*segments[main])]:
        if u.kind in (GOOD, NEAR):
            vocabulary |= unit_words(u)
    new_start = segments[main][0]
    for k in range(main - 1, -1, -1):  # leading parts, nearest first
        paragraphs = [u for u in units[slice(*segments[k])] if u.kind in (GOOD, NEAR)]
        if paragraphs and not _coherent(paragraphs, vocabulary, LEAD_OVERLAP):
            break
        new_start = segments[k][0]
    new_end = segments[main][1]
    for k in range(main + 1, len(segments)):  # trailing parts, in order
        boundary = units[segments[k][0] - 1]
        rest = [u for u in units[segments[k][0] : end] if u.kind in (GOOD, NEAR)]
        teasers = boundary.dated and _teaser_list(units, segments[k:])
        if not rest or not _coherent(rest, vocabulary, TRAIL_OVERLAP) or teasers:
            break
        new_end = segments[k][1]
        for u in units[slice(*segments[k])]:
            if u.kind in (GOOD, NEAR):
                vocabulary |= unit_words(u)
    new_end = _cut_teaser_tail(units, new_start, new_end)
    return _recover_lead(units, new_start, vocabulary), new_end


def _cut_teaser_tail(units: list[Unit], start: int, end: int) -> int:
    """Cut the teasers at the end of the body that recurring section labels introduce
    ("Digital Life", headline, one-line teaser; "Digital Life", ...)."""
    # Ad labels ("Anzeige") recur too, but they are junk lines, not section labels.
    cuts = [i for i in range(start, end) if units[i].repeated and not units[i].junk]
    for n, cut in enumerate(cuts):
        if _text_mass(units[start:cut]) < 300:
            continue
        edges = [*cuts[n:], end]
        parts = [(edges[k] + 1, edges[k + 1]) for k in range(len(edges) - 1)]
        if _teaser_list(units, parts, least=1):
            return cut
    return end


def _lead_candidates(units: list[Unit], start: int) -> bool:
    return any(u.kind == GOOD for u in units[max(0, start - LEAD_REACH) : start])


def _recover_lead(units: list[Unit], start: int, vocabulary: set[str]) -> int:
    """Take back the lead paragraph that stands above a dateline, share buttons or a photo
    credit, when it is about the article's subject."""
    earliest = start
    for i in range(start - 1, max(-1, start - LEAD_REACH - 1), -1):
        u = units[i]
        if u.kind == MARKER or (u.kind == SHORT and u.words >= 4 and _heading_like(u)):
            break  # a section opener, or the headline: the lead stands below it
        if u.kind == GOOD and u.sentence:
            if not _coherent([u], vocabulary, TRAIL_OVERLAP):
                break
            earliest = i
    return earliest


def _coherent(rest: list[Unit], vocabulary: set[str], threshold: float) -> bool:
    """True when the paragraphs after a boundary share enough words with the article so far."""
    shared = total = 0
    for u in rest:
        words = unit_words(u)
        shared += len(words & vocabulary)
        total += len(words)
    return total > 0 and shared / total >= threshold


def body_blocks(units: list[Unit], title: str | None) -> list[Block]:
    """Paragraphs and subheadings of the body units, single junk lines dropped."""
    folded_title = title.casefold() if title else None
    kept: list[tuple[str, Unit]] = []
    # A title right above a teaser ("... Von Markus Balser") goes with the teaser.
    teaser_titles = [
        u for u, after in pairwise(units) if after.junk and is_teaser_line(after.text)
    ]
    for i, u in enumerate(units):
        if u.kind in (MARKER, END, BAD) or u.junk:
            continue
        following = units[i + 1] if i + 1 < len(units) else None
        if (
            _COLON_END.search(u.text)
            and u.words <= 10
            and (following is None or _dropped(following))
        ):
            continue  # "Hier siehst du das Video:" before a video that is gone
        if folded_title and (u.text.casefold() == folded_title or _is_lowercase_copy(u)):
            continue
        if u.kind in (GOOD, NEAR):
            label = LEADING_LABEL.match(u.text)
            if label:  # "Das Wichtigste in Kürze Nordkoreas Machthaber ...": a box label
                u = Unit(**{**vars(u), "text": u.text[label.end() :]})
            kept.append(("paragraph", u))
        elif u.sentence and u.words >= 3 and u.german >= 0.15:
            kept.append(("paragraph", u))  # a short sentence of its own
        elif LIST_ITEM.match(u.text):
            kept.append(("paragraph", u))  # an item of a list in the text
        else:
            kept.append(("candidate", u))
    blocks: list[Block] = []
    for i, (role, u) in enumerate(kept):
        if role == "paragraph":
            blocks.append(Block("paragraph", u.text))
            continue
        following = kept[i + 1][0] if i + 1 < len(kept) else None
        if (
            following == "paragraph"
            and _heading_like(u)
            and u.weight > LIST_WEIGHT
            and not any(u is title for title in teaser_titles)
        ):
            blocks.append(Block("heading", u.text))
    _drop_author_box(blocks)
    while blocks and blocks[-1].is_heading:
        blocks.pop()
    return blocks


# The box about the author after an article: "Moritz Gathmann leitet das Ressort ...",
# "Als Content-Managerin betreue ich ...": a person and a job, told in one short paragraph.
_BIO_START = re.compile(
    r"^(?:(?!(?:Die|Der|Das|Dem|Den|Des|Ein|Eine|Einen|Einer|Dies\w*|Im|In|Am|Auf|Bei|Mit|Nach|"
    r"Für|Von|Zu|Es|Er|Sie|Man|Wer|Was)\s)"
    r"(?:[A-ZÄÖÜ][\w.'-]+\s){1,3}(?:ist|leitet|arbeitet|schreibt|studierte|lebt|war)\s|"
    r"ist\s|Als\s.{3,60}\s(?:betreue|schreibe|arbeite|bin)\s+ich\b|Ich bin [A-ZÄÖÜ]\w+,)",
)
_BIO_JOB = re.compile(
    r"redakteur|journalist|autor|ressort|studierte|head of|manager|gründer|korrespondent|"
    r"volontär|\bblog|schreibt (?:seit|für|über)|schreibe hier|kanzlei|moderator|betreiber|"
    r"journalistenschule|absolvent",
    re.IGNORECASE,
)


def _drop_author_box(blocks: list[Block]) -> None:
    # Anywhere: the author's name as a heading, then a paragraph that starts with the name.
    for i in range(len(blocks) - 2, -1, -1):
        if i + 1 >= len(blocks):
            continue
        name, text = blocks[i].text, blocks[i + 1].text
        if (
            blocks[i].is_heading
            and 2 <= len(name.split()) <= 4
            and text.startswith(name)
            and _BIO_JOB.search(text)
        ):
            del blocks[i : i + 2]
    paragraphs = [i for i, b in enumerate(blocks) if not b.is_heading]
    if len(paragraphs) < 3:
        return
    for i in paragraphs[-2:]:
        text = blocks[i].text
        if len(text) < 500 and _BIO_START.match(text) and _BIO_JOB.search(text):
            del blocks[i:]
            return


# Labels of summary boxes that a copied page glues before the box's first sentence.
LEADING_LABEL = re.compile(
    r"^(?i:das wichtigste (?:in kürze|im überblick|zusammengefasst)|auf einen blick|"
    r"in kürze|zusammenfassung|kurz und knapp|key points)[:\s]+(?=[A-ZÄÖÜ„\"«])"
)


def _dropped(u: Unit) -> bool:
    return u.kind in (MARKER, END, BAD) or u.junk


def _heading_like(u: Unit) -> bool:
    opening = u.text[:1]
    if u.words > 15 or not (opening.isupper() or opening.isdigit() or opening in "»„\"«"):
        return False
    return not u.text.endswith((".", ",", ";"))


def _is_lowercase_copy(u: Unit) -> bool:
    """A headline-like line written all in lower case: a slug or a repeated headline."""
    return u.words >= 4 and u.text == u.text.lower() and not u.sentence
