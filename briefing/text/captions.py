"""Pictures' captions and credits inside article text: "Detailansicht öffnen <caption> (Foto:
X/dpa)", "Bild: Volkswagen AG".

Takes a paragraph's text and Punkt's sentence spans; gives the spans with each caption and its
credit as one piece apart from the sentences around it (``captions_apart``), and tells a piece
that holds a credit (``holds_credit``) or a block that opens with one (``opens_with_credit``).
The labels and markers are lexicon data (``media_labels.txt``, ``furniture.txt``).
"""

from __future__ import annotations

import re

from briefing.lexicon import CAPTION_LABELS, CAPTION_MARKERS, PICTURE_NOTES, alternation

# Words that start a clause when written with a capital inside a sentence: where a credit
# without brackets ends, and where a glued subheading ends (sentences.glued_heading, which
# explains the exceptions).
CLAUSE_STARTS = (
    "Der", "Die", "Das", "Dem", "Ein", "Eine", "Einen", "Einem", "Er", "Es", "Wir", "Ich",
    "Doch", "Aber", "Dann", "Nun", "Auch", "Zudem", "Außerdem", "Dabei", "Damit", "Deshalb",
    "Daher", "Trotzdem", "Allerdings", "Im", "Am", "Mit", "Nach", "Bei", "Seit", "Für",
    "Während", "Wenn", "Weil", "Obwohl", "Bislang", "Bisher", "Jetzt", "Heute", "Schon",
    "Noch", "Immer", "Laut", "Zwar", "Denn", "Vor", "Als", "Wie", "Was", "Wer", "So", "Diese",
    "Dieser", "Dieses",
    # found glued after a subheading in the MLSUM texts ("... und Fabriken Neben Telekom ...")
    "Neben", "Nachdem", "Dass", "Bereits", "Um", "Erst", "Bis", "Viele", "Nicht", "Ob", "Über",
    "Nur", "Zuvor", "Zur", "Zum", "Einige", "Stattdessen", "Dennoch", "Insgesamt", "Manche",
    "Gerade", "Gleichzeitig", "Mittlerweile", "Inzwischen", "Immerhin", "Hinzu", "Vorher",
    "Danach", "Ebenfalls", "Selbst", "Vielmehr", "Zunächst", "Unter", "Ohne", "Statt", "In",
    # ... and more of them ("... lag Giammattei noch deutlich hinten Seine Herausforderin ...")
    # (not numbers: "die großen Drei", "die Nummer Zwei")
    "Sein", "Seine", "Seinen", "Seinem", "Seiner", "Beide", "Knapp", "Mehr",
    "Kein", "Keine", "Jeder", "Jede", "Dazu", "Dafür", "Darüber", "Deswegen", "Dort", "Hier",
    "Alle",
    # ("... wendet sich die Stimmung gegen Trump Überhaupt scheinen Europa ...", "Verunsicherter
    # Hauptbelastungszeuge Angesichts der hochpolitischen Brisanz ...")
    "Überhaupt", "Angesichts", "Gegen", "Durch", "Zwischen",
    # ('"Müssen Schrittmacher sein" Ungeachtet des internen Unmuts ...', "Gutachten liegen noch
    # nicht vor Beim Asylgipfel am 20. Jänner hatte man ...")
    "Ungeachtet", "Beim",
    # ("Anlaufzeit geben Gleich neun Spieler des Stammes ...": a 10kGNAD subheading; "Im Land
    # des zweimaligen Weltmeisters gibt es keine Geduld Damals aber war Argentinien ...")
    "Gleich", "Damals", "Besonders", "Den",
    # ("Trump legt dar, wie viel die USA für die Ukraine tut Aus der nun vorliegenden Mitschrift
    # lässt sich ...": a preposition; "das Aus", "das endgültige Aus" are nouns, see
    # sentences.glued_heading)
    "Aus", "Auf",
    # ("Auf dem Kumano Kodo in Japan Man kann sich mühen als Gast ...")
    "Man",
    # ("Schon wieder ein Formfehler Offenbar bezog sich die Beschwerde ...")
    "Offenbar", "Tatsächlich", "Vermutlich", "Wahrscheinlich", "Eigentlich", "Natürlich",
    "Welche", "Welcher", "Welches", "Warum", "Wann", "Wo", "Wieso", "Weshalb", "Woher", "Wohin",
    "Wen", "Wem", "Wessen", "Worum", "Wozu", "Womit", "Wofür", "Wovon", "Woran", "Worauf",
    # ("Die weiteren Deutschen Außer Kerber sind ...", "... hingegen kaum Trotz des Rückgangs
    # zählt Deutschland ...")
    "Außer", "Trotz",
)
# where a credit without brackets ends: a clause starts, a gap, a sentence ends
_CREDIT_STOP = re.compile(rf"\s(?=(?:{'|'.join(CLAUSE_STARTS)})\s)|\s{{2,}}|(?<=[.!?])\s")
# a sentence's end inside what would be the heading: then it is no heading
SENTENCE_INSIDE = re.compile(r"[.!?;][\"“”»«']?\s")

# a credit in brackets, the end of a picture's caption: "(Foto: Seilbahn Komperdell)", or a
# note on the picture alone ("(Archivbild)")
CREDIT = re.compile(
    rf"\((?:(?i:{alternation(CAPTION_LABELS)})\s*:[^()]{{0,120}}|(?i:{alternation(PICTURE_NOTES)}))\)"
)
_CREDIT_THEN_SENTENCE = re.compile(rf"{CREDIT.pattern}(?=\s+[\"„»«(\dA-ZÄÖÜ])")
# ... or without brackets, after the caption ("... Fahrverhalten. Bild: Volkswagen AG")
LABEL = re.compile(rf"(?i:{alternation(CAPTION_LABELS)})\s*:\s+(?=\S)")
_LABEL_AFTER_SENTENCE = re.compile(rf"[.!?][\"“”»«]?\s+{LABEL.pattern}")
MAX_CREDIT = 80  # characters of a credit without brackets, up to the next clause or gap
# a gap of three spaces or more: a line break lost in the copy ("Bild: Land Rover   Der VW")
_GAP = re.compile(r"(?<=\S)\s{3,}(?=[\"„»«(A-ZÄÖÜ])")
# a label that opens a picture's caption glued into the text ("Detailansicht öffnen")
MARKER = re.compile(rf"(?:^|(?<=\s))(?:{alternation(CAPTION_MARKERS)})(?=\s|$)")
MAX_CAPTION = 500  # characters from a caption's label to its credit
# the last word of every marker ("öffnen", "starten"; of "x*" its letters before the "*"): a
# text without any has no MARKER match, which is cheaper to tell this way than by MARKER's
# search from every position of a paragraph
_MARKER_WORDS = tuple(sorted({m.rstrip("*").rsplit(None, 1)[-1] for m in CAPTION_MARKERS}))


def has_marker(text: str) -> bool:
    """Whether ``text`` holds a caption's marker (``MARKER``) anywhere."""
    return any(word in text for word in _MARKER_WORDS) and MARKER.search(text) is not None


_LONGEST_LABEL = max(map(len, CAPTION_LABELS))


def has_label(text: str) -> bool:
    """Whether ``text`` holds a caption's label (``LABEL``) anywhere: looked for around each
    colon only (a label ends right before the spaces before it), not from every position of
    the paragraph, where the case-blind alternation took a tenth of the sentence splitting."""
    at = text.find(":")
    while at >= 0:
        start = at
        while start > 0 and text[start - 1].isspace():
            start -= 1
        end = at + 1
        while end < len(text) and text[end].isspace():
            end += 1
        # (up to the first character after the spaces, which LABEL's look-ahead must see)
        if at + 1 < end < len(text) and LABEL.search(text, max(0, start - _LONGEST_LABEL),
                                                     end + 1):
            return True
        at = text.find(":", at + 1)
    return False

# where the people of a picture stand: "(v.l.)", "(von links)", "(li.)", "(Mitte)"
PICTURE_PLACES = re.compile(
    r"\s*\((?:v\.\s?[lr]\.|von (?:links|rechts)|li\.|re\.|links|rechts|Mitte|M\.)\)")
MAX_CAPTION_PIECES = 4



def captions_apart(unit: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A picture's caption and credit as one piece, the sentence after them as another.

    Cut after a credit in brackets that a sentence follows, and before a caption's label
    ("Detailansicht öffnen") inside a sentence; then a label starts a piece that runs up to the
    credit after it (a caption may have several sentences), and a credit alone joins the
    caption before it.
    """
    cut: list[tuple[int, int]] = []
    for start, end in spans:
        points = {m.end() for m in _CREDIT_THEN_SENTENCE.finditer(unit, start, end)}
        points |= {m.start() for m in MARKER.finditer(unit, start, end) if m.start() > start}
        points |= {m.end() for m in _GAP.finditer(unit, start, end)}
        for point in sorted(points):
            if unit[start:point].strip():
                cut.append((start, point))
                start = point
        cut.append((start, end))
    cut = [(s + len(unit[s:e]) - len(unit[s:e].lstrip()), e) for s, e in cut if unit[s:e].strip()]
    cut = [piece for start, end in cut for piece in _credit_cut(unit, start, end)]
    pieces: list[tuple[int, int]] = []
    index = 0
    while index < len(cut):
        start, end = cut[index]
        text = unit[start:end].strip()
        if _is_credit(text) and pieces and not holds_credit(unit[pieces[-1][0] : pieces[-1][1]]):
            pieces[-1] = (pieces[-1][0], end)  # the credit closes the caption before it
            index += 1
            continue
        if MARKER.match(text) and not holds_credit(text):
            for ahead in range(index + 1, min(index + MAX_CAPTION_PIECES, len(cut))):
                if cut[ahead][1] - start > MAX_CAPTION or MARKER.match(
                    unit[cut[ahead][0] : cut[ahead][1]]
                ):
                    break
                if holds_credit(unit[cut[ahead][0] : cut[ahead][1]]):
                    end = cut[ahead][1]
                    index = ahead
                    break
        pieces.append((start, end))
        index += 1
    return pieces


def _credit_cut(unit: str, start: int, end: int) -> list[tuple[int, int]]:
    """The piece ``unit[start:end]``, or when it opens with a credit without brackets
    ("Illustration: Esa Ein eigener ...") that credit and the rest: the credit ends at the
    next clause-starting word, a gap or the piece's end, within MAX_CREDIT characters."""
    label = LABEL.match(unit, start, end)
    if label is None:
        return [(start, end)]
    window = unit[label.end() : min(end, label.end() + MAX_CREDIT)]
    stop = _CREDIT_STOP.search(window)
    if stop is None:
        return [(start, end)]
    point = label.end() + stop.start()
    rest = point + len(unit[point:end]) - len(unit[point:end].lstrip())
    return [(start, point), (rest, end)] if rest < end else [(start, end)]


def _is_credit(text: str) -> bool:
    """A piece that is a credit alone: "(Foto: X)" or "Bild: Volkswagen AG"."""
    return bool(CREDIT.fullmatch(text)) or (
        LABEL.match(text) is not None and len(text) <= MAX_CREDIT + 15
        and not SENTENCE_INSIDE.search(text)
    )


def holds_credit(text: str) -> bool:
    """Whether a piece holds a picture's credit: in brackets anywhere, or a label ("Bild:",
    "Foto:") that opens it or follows a sentence in it."""
    return bool(
        ("(" in text and CREDIT.search(text))
        or LABEL.match(text)
        or (":" in text and _LABEL_AFTER_SENTENCE.search(text))
    )


def opens_with_credit(text: str) -> bool:
    """Whether a block of text opens with a picture's credit ("(Foto: X/dpa) ...", "Bild: X")."""
    stripped = text.lstrip()
    return CREDIT.match(stripped) is not None or LABEL.match(stripped) is not None
