"""Sections: what the briefing shows about a story beside its summary.

Takes a topic and its summary; gives Zitate (direct quotes with their speakers), Unbestätigt und
umstritten (claims the sources mark as alleged or denied) and Zeitleiste (dated events), each
sentence used once (``topic_sections``).
"""

from briefing.sections.claims import pick_claims
from briefing.sections.fill import topic_sections
from briefing.sections.quotes import pick_quotes, quote_runs
from briefing.sections.timeline import build_timeline

__all__ = ["build_timeline", "pick_claims", "pick_quotes", "quote_runs", "topic_sections"]
