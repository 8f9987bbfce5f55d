"""News tickers: articles that string short items of different stories together, each opened by
a label ("FC Bayern, Niklas Süle: Joachim Löw muss ...", "Handball, Bundesliga: Die TSV ...") or,
in a newsletter, by its writers' byline ("Von Mike Szymanski Deutsche Bank plant ...").

Takes an article's sentences; gives which item each sentence belongs to (``ticker_items``), or
None for an ordinary article. The summary keeps a ticker's lines to the item its story is about
(``briefing.summary.groups``): a story about Niklas Süle prints no line of the handball item.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefing.cues.standalone import opens_with_byline
from briefing.lexicon import ALL_FUNCTION_WORDS, ROUNDUP_LABELS
from briefing.models import Sentence

# An item's label: one to four words, a comma, one to four words, a colon, then the item's
# first sentence ("Formel 1, Qualifying: ...", "Transfers, FC Bayern: ...").
_LABEL_PART = r"[A-ZÄÖÜ0-9][\w.'’-]*(?: [\w.'’-]+){0,3}"
_ITEM_LABEL = re.compile(rf"^{_LABEL_PART}, {_LABEL_PART}: (?=[\"„«A-ZÄÖÜ0-9])")

# an article with fewer labelled items is an ordinary one whose sentence opens with a list
MIN_ITEMS = 2

# Inside a ticker that opens with a full label, a shorter one opens an item too: one or two
# capitalised words (a name's particle between them: "Tour de France") and a colon
# ("Eisschnelllauf: Claudia Pechstein ...", "Serie A: ..."), a league's number before it ("2.
# Bundesliga: Holger Badstuber ... Judo: Der Judo-Weltverband ..." made one topic of a ban of
# Badstuber's and one of Iran's judo federation, 300 random articles), not a sentence opener
# ("Aber: ...", "Trotzdem: ...", "Der Grund: ...", "Siehe: ...").
_PARTICLES = r"(?:de|du|la|le|of|di|del|da)"
_SHORT_LABEL = re.compile(
    rf"^((?:\d{{1,2}}\. )?[A-ZÄÖÜ][\w-]+)(?: (?:{_PARTICLES} )?[A-ZÄÖÜ0-9][\w.-]*)?: "
    rf"(?=[\"„«A-ZÄÖÜ0-9])"
)
_NOT_A_LABEL = ALL_FUNCTION_WORDS | {"siehe", "fazit", "achtung"}
# An interview's question or statement, labelled with the paper's name: "SZ: Herr Kille, ...",
# "STANDARD: Österreich will ab nächster Woche nur noch Tageskontingente ...", "Standard: Vor
# zwei Jahren haben Sie im STANDARD-Interview gesagt, ...", or an answer
# labelled so ("Antwort: Daimler ist eine großartige Marke ..."), whose speaker it does not say.
# Its other labels are its speakers' names ("Mathias Albert: ..."): an interview is no ticker.
INTERVIEWER = re.compile(r"^(?:SZ|STANDARD|Standard|SPIEGEL|ZEIT|FAZ|taz|profil|Frage|Antwort):\s")


# A full label at the start of a text, a paragraph or a sentence: the cheap look before a text's
# sentences are asked (every ticker has one, or opens with a short label).
_LABEL_IN_TEXT = re.compile(
    rf"(?:^|(?<=[.!?\"“] )){_LABEL_PART}, {_LABEL_PART}: (?=[\"„«A-ZÄÖÜ0-9])", re.MULTILINE
)


def may_be_ticker(text: str) -> bool:
    """False for a text in which no label opens a sentence and none opens the text: it holds
    no labelled ticker (a newsletter's bylines are ``is_roundup``'s). True: ask its sentences."""
    return _SHORT_LABEL.match(text) is not None or _LABEL_IN_TEXT.search(text) is not None


def first_item(sentences: Sequence[Sentence]) -> list[Sentence] | None:
    """The sentences of a ticker's first item (with what stands before its label), or None
    when the article is no ticker."""
    items = ticker_items(sentences)
    if items is None:
        return None
    return [s for s, item in zip(sentences, items) if item == 0]


def opens_item(text: str) -> bool:
    """Whether the sentence opens a ticker item with its label ("DFB, Länderspiele: ...") or
    its byline (a newsletter's "Von Mike Szymanski Deutsche Bank plant ...")."""
    return _ITEM_LABEL.match(text) is not None or opens_with_byline(text)


def ticker_items(sentences: Sequence[Sentence]) -> list[int] | None:
    """The item of each sentence (0 for those before the first label: the first item has none
    when the title stands before it), or None when the article is no ticker."""
    opened = [opens_item(s.text) for s in sentences]
    first = sentences[0].text if sentences else ""
    if _names_only(first) and (
        opened[:1] == [True] or _short_label(first) and (any(opened) or _short_items(sentences))
    ):
        # a ticker from its first sentence ("Tennis, ATP: ..."; not a saying, "Vertrauen ist
        # gut, Kontrolle ist besser: ..."), or one whose first item has a short label and a
        # later one a label too ("Formel 1: ... Fußball, 2. Bundesliga: ...", "Tour de France:
        # ... FC Bayern: ..."): shorter labels open items too
        opened = [o or _short_label(s.text) for o, s in zip(opened, sentences)]
    elif any(opened):
        # after a teaser that opens the text, a short label that names a full label's section
        # opens an item too: "Marco Reus hat ... erhalten. ... Fußball: Marco Reus von Borussia
        # Dortmund ist ... Fußball, 2. Liga: Der 1. FC Nürnberg ..." (a week of SZ sport, rows
        # 7000-7299, printed the Reus item's lines in a Nürnberg topic). Any short label would
        # make tickers of an interview ("David Nosé: ...") or a review ("Titel: ...").
        sections = {s.text.split(",", 1)[0] for o, s in zip(opened, sentences) if o}
        opened = [o or _short_label(s.text) and s.text.split(": ", 1)[0] in sections
                  for o, s in zip(opened, sentences)]
    if sum(opened) < MIN_ITEMS:
        return None
    items, current = [], 0
    for i, opens in enumerate(opened):
        current += opens and i > 0
        items.append(current)
    return items


def _short_label(text: str) -> bool:
    match = _SHORT_LABEL.match(text)
    return match is not None and match.group(1).casefold() not in _NOT_A_LABEL


def _short_items(sentences: Sequence[Sentence]) -> bool:
    """A later sentence opens with a short label of names too, and none with an interviewer's
    label (an interview's answers are labelled by their speaker's name)."""
    if any(INTERVIEWER.match(s.text) for s in sentences):
        return False
    return any(_short_label(s.text) and _names_only(s.text) for s in sentences[1:])


def _names_only(text: str) -> bool:
    """The label that opens ``text`` holds capitalised words, numbers and names' particles only
    ("Tennis, ATP", "2. Bundesliga, Nürnberg", "Tour de France"), as a ticker's do."""
    label = text.split(": ", 1)[0]
    return all(
        word[:1].isupper() or word[:1].isdigit() or re.fullmatch(_PARTICLES, word)
        for word in label.replace(",", " ").split()
    )


# where a newsletter's label stands: at the top, after a caption or the title
ROUNDUP_HEAD = 600


def is_roundup(text: str) -> bool:
    """An article that strings the day's stories together: a newsletter's label near its top
    ("Der Tag kompakt", "Was heute wichtig war"), or two of its items' bylines ("Von Mike
    Szymanski Deutsche Bank plant ..."). No story is told by it alone."""
    head = text[:ROUNDUP_HEAD]
    if any(label in head for label in ROUNDUP_LABELS):
        return True
    bylines = 0
    at = text.find("Von ")
    while at >= 0:
        # (opening a sentence: at the text's start or after a sentence's end and a space)
        if (at == 0 or at >= 2 and text[at - 1] == " " and text[at - 2] in '.!?"“”') and (
            opens_with_byline(text, at)
        ):
            bylines += 1
            if bylines >= MIN_ITEMS:
                return True
        at = text.find("Von ", at + 4)
    return False
