"""Quotation marks and direct quotes: what a sentence quotes, and whether a quote stays open.

Takes one sentence; gives the words it quotes directly (``direct_quote``), how its quotation
marks open and close (``quote_marks``, ``quote_state``, ``unbalanced_quote``) and how much of it
is quoted (``quoted_share``, ``is_quote``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from briefing.lexicon import SAY_VERBS, alternation
from briefing.text.words import words

OPENING_QUOTES = '«„“"‚‹'
CLOSING_QUOTES = '»“”"‘›'
# the double quotation marks, either way round: a sentence holding one quotes someone
QUOTE_MARKS = frozenset('"„“”»«')

# A quoted span (the quote marks that delimit direct quotes, not apostrophes).
QUOTE_SPAN = re.compile(r"[«„“\"‹]([^«»„“”\"‹›]+)[»“”\"›]")
# Any quoted span, single quotes included (for what a sentence says in its own words).
QUOTED = re.compile(r"[«\"„“”»‚‘’‹›]([^«\"„“”»‚‘’‹›]+)[«\"„“”»‚‘’‹›]")


@lru_cache(maxsize=1 << 16)  # the furniture and first-person checks ask it of each sentence
def outside_quotes(text: str) -> str:
    """The text with each quotation (``QUOTED``, marks and words) put as one space."""
    return QUOTED.sub(" ", text)


# a title, not words someone said: in der Sendung "Hart aber fair"
_TITLE_BEFORE = re.compile(
    r"\b(?:Sendung|Film|Filme?s|Buch|Buches|Serie|Titel|Album|Lied|Song|Stück|Roman|Kampagne|"
    r"Motto|Slogan|Aktion|Initiative|Programm|Magazin|Zeitung|Zeitschrift|Show|Talkshow|"
    r"Podcast|Ausstellung|Oper|Bewegung|Gedicht|Artikel|Bericht|Studie|Gesetz|Projekt)s?\s*$"
)

# every quotation mark of OPENING_QUOTES, CLOSING_QUOTES, QUOTE_SPAN and QUOTED
_ANY_QUOTE = re.compile(r"[«„“\"‚‹»”‘›’]")

_SAYS = re.compile(rf"\b(?:{alternation(SAY_VERBS)})\b|[,»“”\"]\s*so\s+[A-ZÄÖÜ]")


@lru_cache(maxsize=1 << 16)  # (asked of each sentence by scoring, selection and the sections)
def direct_quote(text: str) -> str | None:
    """The words a sentence quotes directly, or None for no quote or only scare quotes.

    A quote counts when one quoted span has five words or more; or three or more that
    someone says (a speech verb, a colon before it, or the sentence opening with it) and that
    are no title ("in der Sendung "Hart aber fair""); or when the sentence opens a quote that
    goes on past its end (a quote of several sentences).
    """
    if _ANY_QUOTE.search(text) is None and text.strip().rstrip(".!?"):
        # each way to a quote below needs a quotation mark, and most sentences have none (a
        # text of only ".!?" or spaces takes the long way: it counts as a quote's end there)
        return None
    spans = [m.group(1) for m in QUOTE_SPAN.finditer(text)]
    # (a long title is no quote either: 'vor einer Lesung ihres Buches "Integriert doch erst
    # mal uns! Eine Streitschrift für den Osten"' stood under Zitate with no speaker)
    longest = max(
        (m.group(1) for m in QUOTE_SPAN.finditer(text)
         if not _TITLE_BEFORE.search(text, 0, m.start())),
        key=lambda s: len(words(s)),
        default="",
    )
    if len(words(longest)) >= 5:
        return " … ".join(s.strip() for s in spans if len(words(s)) >= 2)
    said = [
        m.group(1)
        for m in QUOTE_SPAN.finditer(text)
        if len(words(m.group(1))) >= 3 and text[: m.start()].rstrip().endswith(":")
    ]
    named = [
        m.group(1)
        for m in QUOTE_SPAN.finditer(text)
        if len(words(m.group(1))) >= 3
        and not _TITLE_BEFORE.search(text[: m.start()])
        and text[m.end() : m.end() + 1] != "-"  # a name in a compound: "Super Kanada Plus"-Vertrag
    ]
    if said or (named and _SAYS.search(QUOTE_SPAN.sub(' " ', text)) is not None):
        # a short quote said by someone: "Er trage "eine grüne Handschrift", sagte Schaefer"
        return " … ".join(s.strip() for s in spans if len(words(s)) >= 2)
    opening = QUOTE_SPAN.match(text.strip())
    if opening and len(words(opening.group(1))) >= 3:
        # a short quote the sentence opens with is said, not named: "Die Kuh ist vom Eis", sagte er
        return opening.group(1).strip()
    stripped = text.strip()
    if stripped[:1] in OPENING_QUOTES and not any(c in CLOSING_QUOTES for c in stripped[1:]):
        return stripped[1:]
    closes = stripped.rstrip(".!?")[-1:] in CLOSING_QUOTES
    if stripped[:1] not in OPENING_QUOTES and closes and not spans:
        # the closing part of a quote that began in the sentence before
        return stripped
    return None


def quote_marks(text: str) -> list[bool]:
    """Each quotation mark of a sentence as True (opens) or False (closes), in order.

    „ « ‹ open and » › ” close by shape; a straight " or an English “ opens before a word
    ("…) and closes after one (…" or …",), and toggles when its sides do not tell.
    """
    return list(_quote_marks(text))


@lru_cache(maxsize=1 << 16)
def _quote_marks(text: str) -> tuple[bool, ...]:
    marks: list[bool] = []
    inside = False
    for index, char in enumerate(text):
        if char in "„«‹":
            opens = True
        elif char in "»›”":
            opens = False
        elif char in '"“':
            before = text[index - 1] if index else " "
            after = text[index + 1] if index + 1 < len(text) else " "
            if (
                not before.isspace()
                and before not in "(:["
                and (after.isspace() or after in ",.;:!?)")
            ):
                opens = False
            elif (before.isspace() or before in "(:[") and not after.isspace():
                opens = True
            else:
                opens = not inside
        else:
            continue
        marks.append(opens)
        inside = opens
    return tuple(marks)


def quote_state(text: str, inside: bool = False) -> bool:
    """Whether a quote is still open after ``text``, given whether it was open before it."""
    for opens in quote_marks(text):
        inside = opens
    return inside


def unbalanced_quote(text: str) -> bool:
    """True for one part of a quote that runs over several sentences."""
    guillemets = text.count("«") + text.count("»")
    if guillemets:
        return text.count("«") != text.count("»")
    straight = text.count('"')
    if straight % 2:
        return True
    german_open, german_close = text.count("„"), text.count("“") + text.count("”")
    return german_open != german_close and not straight


def quoted_share(text: str) -> float:
    """The share of a sentence's words that stand inside quotation marks."""
    spans = QUOTED.findall(text)
    if not spans:
        return 0.0  # (without cutting the sentence into words)
    total = len(words(text))
    inside = sum(len(words(m)) for m in spans)
    return inside / total if total else 0.0


def quote_alone(text: str) -> bool:
    """A sentence that is nothing but a quote: no word outside its quotation marks could say
    who speaks (in the whole corpus' briefing 369 of 3,360 quotes were such, with no speaker
    found before them)."""
    return QUOTED.search(text) is not None and len(words(outside_quotes(text))) <= 1


# a quote attributed by a possessive after the verb: "lautet seine Botschaft", "sei seine
# Antwort gewesen", "twitterte sein Ministerium"
_POSSESSIVE_SAID = re.compile(
    rf"\b(?:{alternation(SAY_VERBS)}|lautete?n?|war|waren|sei|ist|heißt|hieß)\s+"
    r"(?:sein|ihr)(?:e|en|em|er|es)?\s+[A-ZÄÖÜ]"
)


def possessive_attribution(text: str) -> bool:
    """A quote whose words outside the quotation marks say whose it is by a possessive after
    the verb ('"Macht die Grenzen dicht!", lautet seine Botschaft.', '"…", twitterte sein
    Ministerium.'): whose, the sentence before said."""
    return QUOTED.search(text) is not None and (
        _POSSESSIVE_SAID.search(outside_quotes(text)) is not None
    )


@lru_cache(maxsize=1 << 16)
def is_quote(text: str) -> bool:
    """A sentence that is mostly a direct quote (summaries state facts in reporters' words)."""
    return direct_quote(text) is not None or quoted_share(text) > 0.5
