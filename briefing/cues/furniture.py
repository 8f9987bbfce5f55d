"""Whether a sentence is article text: not page furniture, a caption, a fragment or another
language.

Takes one sentence as ``briefing.split_sentences`` gives it; gives why it is no line the
briefing may print (``furniture_reason``, ``fragment_reason``), each None
for article text. The summary's candidate test (``briefing.summary.groups.is_candidate``) asks
them; none of them weighs or picks.
"""

from __future__ import annotations

import re
from functools import lru_cache

from briefing.cues.quotes import QUOTE_MARKS
from briefing.cues.standalone import is_furniture, is_teaser
from briefing.lexicon import (
    ARTICLES,
    CAPTION_MARKERS,
    DETERMINERS,
    EDITORS_NOTES,
    FURNITURE_SENTENCES,
    LOST_UMLAUTS,
    MONTH_NAMES,
    PAGE_POINTERS,
    alternation,
    either_case,
    finite_forms,
)
from briefing.text.captions import holds_credit
from briefing.text.sentences import LINK_ASIDE, quick_sentences
from briefing.text.words import letters_key

# --- furniture -------------------------------------------------------------------------------

_MARKER = re.compile(rf"^(?:{alternation(CAPTION_MARKERS)})(?:\s|$)")
# an agency's or author's initials with the date, closing a report, glued before what follows
# it (a team's line-up, a result table): "(APA, 22.8.2015) Mögliche Aufstellungen: ...",
# "(APA; 14.12.2015) NHL-Ergebnisse von Sonntag: ...", and with the editor's too: "(APA, red,
# 1.4.2016) Bundesliga, 29. Runde, Samstag SV Grödig – SK Sturm Graz ..." (a timeline line of
# 300 DER STANDARD articles, seed 120844)
_DATED_CREDIT = re.compile(
    r"^\((?:[A-Za-z]{2,8}(?:/[A-Za-z]{2,8})*[,;]\s*){1,3}\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}\)"
)
# a sentence that sends the reader to a part of the page the briefing does not show: "(siehe
# Grafik)", "(Siehe Text links)", "siehe oben", "(siehe Seite 3)", the bare word in brackets
# ("(Tabelle)"; not "(Bild-Zeitung)", "(Bild am Sonntag)"), or a link's aside that ends in
# "hier" ("(mehr dazu hier)"; not "(hier mit Ratspräsident Donald Tusk)", a caption's)
_POINTER = re.compile(
    rf"\b[Ss]iehe (?:{either_case(PAGE_POINTERS)})\b|\((?:{either_case(PAGE_POINTERS)})\)"
    rf"|{LINK_ASIDE}"
)
_POINTER_HINT = re.compile(r"\(|[Ss]iehe ")
# a page's label or byline before a bar, glued to what follows: "Notaufnahme | Einige Indizien
# deuten darauf hin ...", "Von Jan Kupitz | Oct 24, 2023 | ..."
_BAR_LABEL = re.compile(r"^[^|.!?]{1,40}? \| ")
# a row of a results table after the report: a name, its country's code, a time, points or a
# gap ("Fabian Rießle (GER) 25:22,4 Min. (5. im Springen/6. im Langlauf) – 2."; 64 corpus
# sentences, all of them rows)
_RESULTS_ROW = re.compile(r"^[A-ZÄÖÜ][\w'.-]*(?: [A-ZÄÖÜ][\w'.-]*){0,3} \([A-Z]{3}\) [+]?\d")
# a match report's line-up ("Salzburg: Walke – Schwegler, Miranda, Caleta-Car, Ulmer – ...",
# "Oberlin (63. Pires), Djuricin (76. Nielsen)") and its fixture box ("(Graz, UPC-Arena, 16.30
# Uhr/live ORF eins, SR Grobelnik)"): 15 corpus sentences, all DER STANDARD's tables
_LINEUP = re.compile(
    r"[A-ZÄÖÜ][\w.-]*:\s+(?:[A-ZÄÖÜ][\w.'-]*\.?\s+){1,2}[–-]\s+[A-ZÄÖÜ][\w'-]*"
    r"(?:\s+\(\d+\.[^)]*\))?,\s+[A-ZÄÖÜ][\w'-]*(?:\s+\(\d+\.[^)]*\))?,"
)
_SUBSTITUTION = re.compile(
    rf"\(\d{{1,3}}\.\s+(?!(?i:{alternation(MONTH_NAMES)})\))[A-ZÄÖÜ][\w.'-]*\)"
)
_FIXTURE = re.compile(r"\([^()]*\b\d{1,2}[.:]\d{2}\s+Uhr\b[^()]*\bSR\s+[A-ZÄÖÜ]")
# what a sentence of social media or a web page holds, not one of an article: a handle, a
# hashtag, a link to a picture
_SOCIAL = re.compile(r"(?:^|\s)[@#][A-Za-z]\w+|pic\.twitter\.com|\bbit\.ly/")
# what every match of _SOCIAL holds: most sentences have none of it, and one look for these
# is cheaper than _SOCIAL's search from every position
_SOCIAL_HINT = re.compile(r"[@#]|pic\.twitter\.com|bit\.ly/")


# A furniture sentence of this many words is furniture inside a longer piece too (a podcast's
# line glued to a heading); a shorter one ("E-Mail-Adresse", "Mehr zum Thema") only alone.
CONTAINED_WORDS = 5


@lru_cache(maxsize=1)
def furniture_sentence_keys() -> frozenset[str]:
    """The letter keys of all the lexicon's furniture sentences: a sentence that is one, word
    for word (a set look-up, where ``is_furniture_key`` also searches inside longer pieces)."""
    return frozenset(k for k in (letters_key(s) for s in FURNITURE_SENTENCES) if k)


@lru_cache(maxsize=1)
def _furniture_keys() -> tuple[frozenset[str], re.Pattern[str] | None]:
    """The letter keys of the lexicon's furniture sentences (furniture.txt): those that count
    only alone, and those that count inside a longer piece too (as one pattern of the padded
    keys " k ": one search of a sentence instead of a substring test for each key)."""
    keys = sorted(furniture_sentence_keys())
    alone = frozenset(k for k in keys if k.count(" ") + 1 < CONTAINED_WORDS)
    contained = [f" {k} " for k in keys if k.count(" ") + 1 >= CONTAINED_WORDS]
    return alone, re.compile("|".join(map(re.escape, contained))) if contained else None


def is_furniture_key(key: str) -> bool:
    """Whether a sentence's letter key (``letters_key``) is one of the lexicon's furniture
    sentences (furniture.txt), alone or, for a long one, inside a longer piece."""
    alone, contained = _furniture_keys()
    return key in alone or contained is not None and contained.search(f" {key} ") is not None


# who stands where in a picture: "(links)", "(re.)", "(von links)", "(im Bild)", "(Mitte)", "(M.)"
_PICTURE_PLACE = re.compile(
    r"\((?:links|rechts|li\.|re\.|l\.|r\.|Mitte|M\.|vorne|hinten|im Bild|Bildmitte|"
    r"von (?:links|rechts)|v\.\s?[lr]\.|2\. v\. [lr]\.)\)"
)


# ... or where and when the picture shows someone, in an aside after the name: "Maike Schaefer,
# die Spitzenkandidatin der Grünen in Bremen, hier zusammen mit Robert Habeck, ...", "Valentin
# Zapf - hier beim Training in Unterföhring - die ..." (not after a verb: "dass die Spenden
# gestückelt wurden, hier in neun Tranchen", nor in a quote)
_HERE_WITH = r"hier (?:zusammen mit|mit|bei|beim|im|in|auf|während|nach|vor|an|am|neben)\b"
_PICTURED_HERE = re.compile(
    rf"[A-ZÄÖÜ][\w.'’-]*\)?(?:,| [-–]) {_HERE_WITH}(?P<aside>[^,.:!?\"„“”»«–-]*)(?:[,:–-]|$)"
)
# (the caption may open with the pictured person's words as its title: '"Ich war auf so etwas
# nicht vorbereitet": Bayerns Linksverteidiger David Alaba, hier bei der US-Reise ..., zum
# angekündigten Rücktritt von Hoeneß.', a quote of a Bayern topic in a week of SZ sport)
_QUOTE_AS_TITLE = re.compile(r"[„\"“»«][^„\"“”»«]+[“\"”«»]:\s[^„\"“”»«]*$")
# ... or in brackets after the name: "Millionenzahlungen von und an Franz Beckenbauer (hier im
# April) stehen im Zentrum ..." (a week of SZ sport, rows 7000-7299, printed it as a topic's
# second line; 4 corpus sentences, all captions: not "(hier als PDF)", a link's)
_PICTURED_HERE_BRACKETED = re.compile(rf"[A-ZÄÖÜ][\w.'’-]* \({_HERE_WITH}[^()]*\)")


# ... or what it looks at, opening without an article: "Blick von einem Schnellboot der
# iranischen Revolutionsgarden auf die Stena Impero: ...", "Blick in eine Sitzung des
# Bundeskabinetts." (6 corpus sentences open so, all a text's first, all captions)
_VIEW = re.compile(r"Blick (?:von|vom|auf|aufs|in|ins|über|aus|durch|zum|zur|hinter)\b")


def picture_caption(text: str) -> bool:
    """Where someone stands in a picture the reader does not see: a caption's sentence ("Trifft
    nicht so häufig, jubeln kann er aber: Toni Kroos (rechts) nach seinem Tor"; 31 printed lines
    of the whole corpus' briefing), or where the picture shows them ("Jelena Grigorjewa, hier bei
    einer Festnahme im April in St. Petersburg, wurde ..."; 7 more), or what it looks at ("Blick
    in eine Sitzung des Bundeskabinetts."). No line; unlike
    ``furniture_reason`` not asked where an article's title is chosen (the caption may title an
    article that has no other line)."""
    if "(" in text and _PICTURE_PLACE.search(text) is not None or _VIEW.match(text):
        return True
    if "hier " not in text:
        return False
    if "(hier " in text and _PICTURED_HERE_BRACKETED.search(text) is not None:
        return True
    match = _PICTURED_HERE.search(text)
    before = text[: match.start()] if match else ""
    return match is not None and (
        not QUOTE_MARKS.intersection(before) or _QUOTE_AS_TITLE.match(before) is not None
    ) and not any(
        word in finite_forms() for word in match["aside"].split()
    )


# an editor's note opens with its label (lexicon: "Anmerkung der Redaktion", "In eigener Sache"),
# in brackets or not, before a colon or a dash
_EDITORS_NOTE = re.compile(
    rf"^\(?\s*(?:{alternation(EDITORS_NOTES)})\s*[:–-]"
)


def furniture_reason(text: str, boilerplate: frozenset[str] = frozenset()) -> str | None:
    """Why ``text`` is page furniture rather than article text, or None.

    ``boilerplate``: letter keys (``letters_key``) of sentences that the folder's unrelated
    articles repeat (``Article.boilerplate``, found by grouping).
    """
    if _MARKER.match(text):
        return "caption"  # "Detailansicht öffnen <caption> (Foto: X)"
    if _EDITORS_NOTE.match(text):
        return "editor's note"  # "Anmerkung der Redaktion: Wir gestalten ..."
    if holds_credit(text) or _DATED_CREDIT.match(text):
        return "credit"
    key = letters_key(text)
    if boilerplate and (key in boilerplate or _part_in(text, boilerplate)):
        return "repeated across unrelated articles"  # (grouping's cheap split finds them)
    if is_furniture_key(key):
        return "furniture sentence"
    if is_furniture(text):
        return "addresses the reader"  # "Dann schreiben Sie uns", a podcast's own lines
    if is_teaser(text):
        return "teaser"  # "Alle Nachrichten im Überblick", "Zum Artikel: ..."
    if _SOCIAL_HINT.search(text) and _SOCIAL.search(text):
        return "social media"
    if _POINTER_HINT.search(text) and _POINTER.search(text):
        return "points to the page"  # a graphic, a table, a box the reader does not see
    if "|" in text and _BAR_LABEL.match(text):
        return "label before a bar"
    if ") " in text and _RESULTS_ROW.match(text):
        return "row of a results table"
    if " – " in text and (
        _LINEUP.search(text) or len(_SUBSTITUTION.findall(text)) >= 2 or _FIXTURE.search(text)
    ):
        return "line-up or fixture of a match"
    return None


def _part_in(text: str, boilerplate: frozenset[str]) -> bool:
    """Whether a sentence of ``text`` by grouping's cheap split is among ``boilerplate``."""
    parts = quick_sentences(text)
    # one part is the text itself, whose key the caller looked up already
    return len(parts) > 1 and any(letters_key(part) in boilerplate for part in parts)


# --- fragments -------------------------------------------------------------------------------

_CLOSERS = "\"'»«“”‘’)]"
# a title or "Sankt" before a name, a "Nr." before its number: a line that ends so was cut
# where a paragraph broke ("... bot Präsident Robert Reisinger Herrn Dr.", "Zenit St.")
_BEFORE_NAME = (" Dr.", " Prof.", " St.", " Hl.", " Nr.", " Dipl.")
# cut inside a date or after an ordinal: "in der 63.", "am 25.", "der 1." (before "FC Köln")
_ORDINAL_END = re.compile(
    rf"(?:^|\s)(?i:{alternation(sorted(ARTICLES | DETERMINERS))})\s+\d{{1,3}}\."
    rf"[{re.escape(_CLOSERS)}]*$"
)

# a word that lost its capital umlaut and cannot be read any more ("die neue ra", "weniger l
# als"): after a space, before a space or punctuation (not "(l)", "2.v.l"). Longer ones still
# read as their word ("auf Basis der ußerungen", "in sterreich"), and leaving their sentences
# out cost a key fact of the multi-document benchmark's Greenland story: they stay.
UNREADABLE_LETTERS = 3
_LOST_UMLAUT = re.compile(
    rf"(?<=\s)(?:{alternation(w for w in LOST_UMLAUTS if len(w) <= UNREADABLE_LETTERS)})"
    r"(?=[\s,.;:!?]|$)"
)


def _in_brackets(text: str) -> bool:
    """Whether the whole sentence stands in one pair of brackets (the closing one last but for
    a full stop): an editor's note, an aside or a byline, not a sentence the story tells."""
    if not text.startswith("("):
        return False
    depth = 0
    body = text.rstrip(".!?")
    for position, char in enumerate(body):
        depth += (char == "(") - (char == ")")
        if depth == 0:
            return position == len(body) - 1
    return False


def fragment_reason(text: str) -> str | None:
    """Why ``text`` is no whole sentence, or None: it starts with what closes a sentence, has
    no final punctuation, unbalanced brackets, ends cut at an ordinal, or holds a short word
    that lost its capital umlaut ("die neue ra"). (A subheading glued
    before a sentence is cut off by ``split_sentences``.)"""
    stripped = text.strip()
    if not stripped:
        return "empty"
    if stripped[0] in ",;:)]}" or stripped[0] in "”»" and stripped[1:2] in ",;:. ":
        return "starts with what closes a sentence"
    if stripped[:2] in ("- ", "– ", "— ") and stripped[2:3].islower():
        return "starts in the middle of a sentence"  # "- ehe Pavel Kaderabek (87.) ..."
    if stripped.rstrip(_CLOSERS + " ")[-1:] not in (".", "!", "?", "…"):
        return "no final punctuation"
    if stripped.count("(") != stripped.count(")"):
        return "unbalanced brackets"
    if stripped.startswith(("...", "…")):
        # it goes on from what is not shown: a survey's prompt ("... allen, die SchülerInnen
        # noch eine dritte und vierte Chance gegeben haben."), a tweet's first part
        return "starts with an ellipsis"
    if " ... ... " in stripped or " … … " in stripped:
        # a questionnaire's prompt and one person's answer ("Noten sind ... ... hilfreich.",
        # "Schule müsste ... ... ein Ort sein, der ..."; 300 random articles, seed 120920)
        return "a questionnaire's prompt and answer"
    if _in_brackets(stripped):
        return "an aside in brackets"  # "(6 ist in der Schweiz die beste ... Anm. d. Red.)"
    # (_ORDINAL_END tried from every position of every sentence took most of this test's
    # time; it can match only where the text ends in a number, a full stop and closers)
    if stripped.rstrip(_CLOSERS)[-2:-1].isdecimal() and _ORDINAL_END.search(stripped):
        return "cut at an ordinal"
    if _LOST_UMLAUT.search(stripped):
        return "a word lost its capital umlaut"  # and cannot be read: "die neue ra"
    if stripped.rstrip(_CLOSERS).endswith(_BEFORE_NAME):
        return "cut after an abbreviation that stands before a name"
    return None
