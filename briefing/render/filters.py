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

from briefing.models import Article, id_number

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


def based_on(articles: list[Article]) -> str:
    """What a briefing rests on, claiming only what is known.

    Outlets and dates are often missing from copied pages: "5 Quellen aus 1 Medium" would
    read as if all five came from one outlet, so outlets are counted only when every article
    names one, and dates say how many articles have one.
    """
    count = len(articles)
    text = f"Grundlage: {count} {'Quelle' if count == 1 else 'Quellen'}"
    outlets: list[str] = []
    for article in articles:
        if article.outlet and article.outlet not in outlets:
            outlets.append(article.outlet)
    if outlets and all(a.outlet for a in articles):
        text += f" aus {len(outlets)} {'Medium' if len(outlets) == 1 else 'Medien'}"
    elif outlets:
        text += f", darunter {', '.join(outlets)}"
    dates = sorted(a.date for a in articles if a.date)
    if dates and len(dates) == count:
        text += f", {date_span((dates[0], dates[-1]))}"
    elif dates:
        text += f"; Datum bekannt bei {len(dates)}: {date_span((dates[0], dates[-1]))}"
    return text


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
        sources = variant["sources"] if isinstance(variant, dict) else variant.sources
        found += [s for s in sources if s not in found]
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
    section = ref["section"] if isinstance(ref, dict) else ref.section
    index = ref["index"] if isinstance(ref, dict) else ref.index
    return f"{SECTION_NAMES.get(section, section)}, Punkt {index + 1}"
