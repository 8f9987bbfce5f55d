"""Sections: what the briefing shows about a story beside its summary.

Takes a topic and its summary; gives Zitate (direct quotes with their speakers), Unbestätigt und
umstritten (claims the sources mark as alleged or denied), Zeitleiste (dated events) and
Abweichende Angaben (versions that differ in a number, date or name), each sentence printed
once: what one section prints, the others point to (``topic_sections``, ``resolve_refs``).
"""

from briefing.sections.claims import pick_claims
from briefing.sections.discrepancies import find_discrepancies
from briefing.sections.fill import topic_sections
from briefing.sections.quotes import pick_quotes, quote_runs
from briefing.sections.refs import resolve_refs
from briefing.sections.timeline import build_timeline

__all__ = [
    "build_timeline",
    "find_discrepancies",
    "pick_claims",
    "pick_quotes",
    "quote_runs",
    "resolve_refs",
    "topic_sections",
]
