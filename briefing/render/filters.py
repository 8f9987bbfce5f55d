"""What the templates call: Markdown escaping, safe links, German dates, source references
(other outlets' wordings as "ähnlich") and pointers to an item printed elsewhere.

Takes values from a briefing; gives them as text a template can print. Article text is data:
the Markdown filter escapes what Markdown would interpret.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from briefing.models import id_number
from briefing.render.plain import field

# Characters Markdown may read as markup anywhere in a line.
_MD_INLINE = re.compile(r"([\\`*_\[\]<>|{}~])")

# "&amp;" would be shown as "&": escape the ampersand of anything that looks like an entity.
_MD_ENTITY = re.compile(r"&(?=#?\w+;)")

# Markdown that only counts at the start of a line: headings, quotes, list items, rules.
_MD_LINE_START = re.compile(r"^([#>+=-])")

_MD_ORDERED_ITEM = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")

# A closing "##" sequence would be cut off a heading.
_MD_TRAILING_HASHES = re.compile(r"(^|\s)(#+)$")

# Control characters (C0 and C1, keeping none: everything is one line) that would reach a
# terminal as escape sequences.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def md_escape(text: object) -> str:
    """Escape article text so Markdown shows it literally and cannot take structure from it.

    The result is one line (no headings, lists, tables or code blocks can start in it) in
    which every character Markdown could read as markup is backslash-escaped.
    """
    value = " ".join(CONTROL_CHARACTERS.sub(" ", str(text)).split())
    value = _MD_INLINE.sub(r"\\\1", value)
    value = _MD_ENTITY.sub(r"\\&", value)
    value = _MD_TRAILING_HASHES.sub(lambda m: m.group(1) + "\\#" * len(m.group(2)), value)
    value = _MD_ORDERED_ITEM.sub(r"\1\\\2", value)
    return _MD_LINE_START.sub(r"\\\1", value)


def md_code(text: object) -> str:
    """Text as a complete Markdown code span (backticks included) that it cannot break out of."""
    value = " ".join(CONTROL_CHARACTERS.sub(" ", str(text)).split())
    longest = max((len(run) for run in re.findall(r"`+", value)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if value.startswith("`") or value.endswith("`") else ""
    return f"{fence}{pad}{value}{pad}{fence}"


def safe_url(value: object) -> str:
    """A link target only when it is http(s) or mailto; anything else (javascript:, data:) -> "#"."""
    url = "".join(str(value or "").split())
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    return url if scheme in ("http", "https", "mailto") else "#"


def german_date(value: str | None) -> str:
    """``2024-06-19`` -> ``19.06.2024``; anything else unchanged."""
    if not value:
        return ""
    try:
        return dt.date.fromisoformat(value).strftime("%d.%m.%Y")
    except ValueError:
        return value


def date_span(span: tuple[str, str] | None) -> str:
    """``17.06.2024`` or ``17.–19.06.2024``-style text for a date range."""
    if not span:
        return ""
    first, last = (german_date(d) for d in span)
    return first if first == last else f"{first}–{last}"


def based_on(articles: list[Any]) -> str:
    """What a briefing rests on, claiming only what is known.

    Outlets and dates are often missing from copied pages: "5 Quellen aus 1 Medium" would
    read as if all five came from one outlet, so outlets are counted only when every article
    names one, and dates say how many articles have one.
    """
    count = len(articles)
    text = f"Grundlage: {count} {'Quelle' if count == 1 else 'Quellen'}"
    # articles as models, or as the plain data templates get (dicts)
    given = [(field(a, "outlet"), field(a, "date")) for a in articles]
    outlets: list[str] = []
    for outlet, _ in given:
        if outlet and outlet not in outlets:
            outlets.append(outlet)
    if outlets and all(outlet for outlet, _ in given):
        text += f" aus {len(outlets)} {'Medium' if len(outlets) == 1 else 'Medien'}"
    elif outlets:
        text += f", darunter {', '.join(outlets)}"
    dates = sorted(date for _, date in given if date)
    if dates and len(dates) == count:
        text += f", {date_span((dates[0], dates[-1]))}"
    elif dates:  # "…; eine davon vom 19.06.2024", "…; 3 davon vom 17.–19.06.2024"
        dated = "eine" if len(dates) == 1 else str(len(dates))
        text += f"; {dated} davon vom {date_span((dates[0], dates[-1]))}"
    return text


def md_url(value: object) -> str:
    """A web address as a Markdown link target, or "" when it is none (javascript:, data:).

    Characters that would end the target early (spaces, parentheses, angle brackets) are
    percent-encoded, so an article's URL cannot break out of its link.
    """
    url = safe_url(value)
    if not url.lower().startswith(("http://", "https://")):
        return ""
    return re.sub(r"[\s()<>\\`\x00-\x1f\x7f]", lambda m: f"%{ord(m.group()):02X}", url)


def _folded(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def repeats(sentence: object, title: object) -> bool:
    """Whether a lone article's first sentence only says its title again ("**X**: X"): the
    title holds the whole sentence, or nearly all of it (a title cut from the sentence), or the
    sentence says the title in its own words (``_same_words``)."""
    said, named = _folded(str(sentence)), _folded(str(title))
    if not said or not named:
        return False
    return (
        named.startswith(said)
        or (said.startswith(named) and len(named) >= 0.8 * len(said))
        or _same_words(said.split(), named.split())
    )


def _same_words(said: list[str], named: list[str]) -> bool:
    """The title's words of four letters or more (four at least), each found in the sentence
    by its first five letters ("Deutscher" in "deutsche"), and at most two more such words in
    the sentence ("Wolfgang", "unterdessen"): the same sentence, not news of its own."""
    stems = {word[:5] for word in said if len(word) >= 4}
    title = {word[:5] for word in named if len(word) >= 4}
    return len(title) >= 4 and title <= stems and len(stems - title) <= 2


def after_title(title: object) -> str:
    """What joins a lone article's title to its first sentence: ": ", or a space after a title
    that ends a sentence itself ("**Mehrfach wurden Greifvögel getötet.** Alte Feindbilder ...",
    not "getötet.**: Alte")."""
    return " " if str(title).rstrip(" \"'»«“”„)").endswith((".", "!", "?", "…", ":")) else ": "


def refs(ids: list[str], variants: Iterable[Any] | None = None) -> str:
    """``["a1", "a3"]`` -> ``[1, 3]``: the source references readers see.

    With ``variants`` (other outlets' wordings, each with ``sources``), the articles that say
    it only in other words follow: ``[1, 3; ähnlich 4]``.
    """
    shown = ", ".join(i[1:] for i in ids)
    similar = [i for i in reporters(ids, variants) if i not in ids]
    if similar:
        shown += ("; " if shown else "") + "ähnlich " + ", ".join(i[1:] for i in similar)
    return f"[{shown}]"


def reporters(ids: list[str], variants: Iterable[Any] | None = None) -> list[str]:
    """Every article that reports a statement: ``ids`` and the ``sources`` of its variants."""
    found = list(ids)
    for variant in variants or ():
        found += [s for s in field(variant, "sources") if s not in found]
    return sorted(found, key=id_number)


SECTION_NAMES = {
    "summary": "Das Wichtigste",
    "update": "Neu",  # the digest's "Neu seit ..." list of a continued story
    "quotes": "Zitate",
    "claims": "Unbestätigt und umstritten",
    "timeline": "Zeitleiste",
}


def differing(text: str, differs: Iterable[str]) -> str:
    """What a discrepancy's version says where the versions differ ("112"), "ohne Angabe"
    when it says nothing there (the others give a date it lacks)."""
    spans = [d for d in differs if d in text]
    return " … ".join(spans) if spans else "ohne Angabe"


def pointer(ref: Any) -> str:
    """A pointer to an item printed elsewhere in the topic: "Das Wichtigste, Punkt 3"."""
    section, index = field(ref, "section"), field(ref, "index")
    return f"{SECTION_NAMES.get(section, section)}, Punkt {index + 1}"
