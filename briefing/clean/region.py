"""The rules' article region of a page, and the blocks of the lines the cleaner keeps.

The rules' body is the contiguous run of units with the largest total weight; navigation,
link lists and footers weigh against it. Section openers ("Kommentare", "Mehr zum Thema"),
article ends (agency tags, bylines, copyright) and datelines split that run into parts; the
part that tells the headline's story is the article, and the parts after it are cut whole
(with everything after them) where they are about something else - too few words in common
with the article - or are a list of teasers. The line model reads this region as evidence
and its kept lines are cut the same way. The kept lines become paragraphs and subheadings:
short lines before a paragraph stay as subheadings; the headline, box labels and author
boxes go.

Takes a page's classified units; gives the region's extent (``body_region``, ``trim_region``)
and the paragraphs and subheadings of the lines kept (``kept_blocks``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefing.clean.junk import is_teaser_line
from briefing.clean.lines import (
    COLON_END,
    END,
    GOOD,
    MARKER,
    NEAR,
    SHORT,
    Unit,
    content_words,
    unit_words,
)
from briefing.models import Block


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
        if u.kind == MARKER or (u.kind == SHORT and u.words >= 4 and heading_like(u)):
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


def heading_like(u: Unit) -> bool:
    """Short, capitalised, without final punctuation: a subheading if a paragraph follows."""
    opening = u.text[:1]
    if u.words > 15 or not (opening.isupper() or opening.isdigit() or opening in "»„\"«"):
        return False
    return not u.text.endswith((".", ",", ";"))


def _is_lowercase_copy(u: Unit) -> bool:
    """A headline-like line written all in lower case: a slug or a repeated headline."""
    return u.words >= 4 and u.text == u.text.lower() and not u.sentence


def kept_blocks(units: list[Unit], kept: Sequence[bool], title: str | None) -> list[Block]:
    """The kept units as paragraphs and subheadings: a short headline-like line before a
    paragraph is a subheading, unless it is the title of a teaser that is gone; the headline
    itself goes, a summary box's label ("Das Wichtigste in Kürze") goes, and so does a short
    line that announces with a colon what is gone ("Hier siehst du den Empfang im Video:");
    so do a short headline-like line at the end (a text cut off mid-sentence) and an author
    box after the article."""
    folded_title = title.casefold() if title else None
    # A title right above a teaser ("... Von Markus Balser") goes with the teaser.
    teaser_titles = {
        i for i in range(len(units) - 1) if units[i + 1].junk and is_teaser_line(units[i + 1].text)
    }
    chosen: list[tuple[int, Unit, str]] = []
    for i, u in enumerate(units):
        if not kept[i] or folded_title and (
            u.text.casefold() == folded_title or _is_lowercase_copy(u)
        ):
            continue
        announces = COLON_END.search(u.text) and u.words <= 10
        if announces and (i + 1 == len(units) or not kept[i + 1]):
            continue
        label = LEADING_LABEL.match(u.text)
        chosen.append((i, u, u.text[label.end() :] if label else u.text))
    blocks: list[Block] = []
    for k, (index, u, text) in enumerate(chosen):
        following = chosen[k + 1][1] if k + 1 < len(chosen) else None
        if _paragraph(u) or not heading_like(u):
            blocks.append(Block("paragraph", text))
        elif (
            following is not None
            and not (text.endswith(":") and not _paragraph(following))
            and index not in teaser_titles
        ):
            blocks.append(Block("heading", text))
        # else: the last line, short and without a sentence's end (a text cut off mid-sentence:
        # "Das urbane, oft"), or a label ("Der Überblick:") over a box or list that is gone
    _drop_author_box(blocks)
    while blocks and blocks[-1].is_heading:
        blocks.pop()
    return blocks


def _paragraph(u: Unit) -> bool:
    return u.kind in (GOOD, NEAR) or u.sentence or u.words > 15
