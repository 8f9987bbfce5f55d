"""The digest as an Atom feed: one entry per day, the newest ATOM_DAYS, for feed readers.

Takes the day's digest as HTML and the entries of earlier days (kept in the state's
``atom_entries``); gives the feed document (``atom_feed``), written to ``OUT/feed.atom``.
"""

from __future__ import annotations

import sqlite3
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ATOM_DAYS = 30
ATOM_NS = "http://www.w3.org/2005/Atom"
FEED_NAME = "feed.atom"


@dataclass(frozen=True)
class AtomEntry:
    """One day's digest as the feed carries it."""

    day: str  # YYYY-MM-DD
    updated: str  # when it was written (UTC, RFC 3339)
    title: str  # "Digest vom 04.06.2024"
    content: str  # the digest as HTML (a fragment: no <html>, <head> or <body>)
    link: str | None = None  # the day's file, relative to the feed ("2024-06-04.html")


def feed_id(out_dir: Path) -> uuid.UUID:
    """A stable id for the feed of one output folder (readers tell feeds and entries apart
    by their ids, not by their titles)."""
    return uuid.uuid5(uuid.NAMESPACE_URL, "briefing-digest:" + str(Path(out_dir).absolute()))


def atom_feed(entries: Sequence[AtomEntry], out_dir: Path) -> str:
    """The Atom document (RFC 4287) of ``entries``: the newest ATOM_DAYS days, newest first."""
    ET.register_namespace("", ATOM_NS)
    shown = sorted(entries, key=lambda e: e.day, reverse=True)[:ATOM_DAYS]
    ident = feed_id(out_dir)
    feed = ET.Element(_atom("feed"), {"xml:lang": "de"})
    _text(feed, "id", ident.urn)
    _text(feed, "title", "Briefing-Digest")
    _text(feed, "updated", max(e.updated for e in shown) if shown else "1970-01-01T00:00:00Z")
    _text(ET.SubElement(feed, _atom("author")), "name", "briefing")
    ET.SubElement(feed, _atom("link"), {"rel": "self", "href": FEED_NAME})
    _text(feed, "generator", "briefing")
    for entry in shown:
        item = ET.SubElement(feed, _atom("entry"))
        _text(item, "id", uuid.uuid5(ident, entry.day).urn)
        _text(item, "title", entry.title)
        _text(item, "updated", entry.updated)
        if entry.link:
            ET.SubElement(item, _atom("link"),
                          {"rel": "alternate", "type": "text/html", "href": entry.link})
        # type="html": the markup travels escaped, as text, and the reader renders it
        content = _text(item, "content", entry.content)
        content.set("type", "html")
    ET.indent(feed)
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"


def stored_entries(connection: sqlite3.Connection, but: str) -> list[AtomEntry]:
    """The entries of the newest ATOM_DAYS days in the state, the day ``but`` left out."""
    rows = connection.execute(
        "SELECT day, updated, title, content, link FROM atom_entries WHERE day != ? "
        "ORDER BY day DESC LIMIT ?", (but, ATOM_DAYS),
    )
    return [AtomEntry(*row) for row in rows]


def store_entry(entry: AtomEntry):
    """The step that keeps ``entry`` (and forgets entries beyond ATOM_DAYS) in the day's
    transaction (``DayRecord.extras``)."""

    def store(connection: sqlite3.Connection) -> None:
        connection.execute(
            "INSERT OR REPLACE INTO atom_entries(day, updated, title, link, content) "
            "VALUES (?, ?, ?, ?, ?)",
            (entry.day, entry.updated, entry.title, entry.link, entry.content),
        )
        connection.execute(
            "DELETE FROM atom_entries WHERE day NOT IN "
            "(SELECT day FROM atom_entries ORDER BY day DESC LIMIT ?)", (ATOM_DAYS,),
        )

    return store


def _atom(name: str) -> str:
    return f"{{{ATOM_NS}}}{name}"


def _text(parent: ET.Element, name: str, value: str) -> ET.Element:
    element = ET.SubElement(parent, _atom(name))
    element.text = value
    return element
