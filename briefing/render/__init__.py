"""Rendering: a briefing as Markdown, HTML (Jinja2 templates, sandboxed) or JSON.

Takes a ``Briefing``; gives its text (``render_briefing``), its title (``render_title``), and for
the digest and the TUI the template machinery and filters (``render_template``,
``template_context``, ``based_on``, ``german_date``, ``refs``, ``pointer``).
"""

from briefing.render.filters import (
    based_on,
    date_span,
    differing,
    german_date,
    md_code,
    md_escape,
    pointer,
    refs,
    reporters,
    safe_url,
)
from briefing.render.formats import (
    FORMATS,
    briefing_to_dict,
    render_briefing,
    render_title,
    sentences_used,
    template_context,
)
from briefing.render.templates import make_environment, render_template

__all__ = [
    "FORMATS",
    "based_on",
    "briefing_to_dict",
    "date_span",
    "differing",
    "german_date",
    "make_environment",
    "md_code",
    "md_escape",
    "pointer",
    "refs",
    "render_briefing",
    "render_template",
    "render_title",
    "reporters",
    "safe_url",
    "sentences_used",
    "template_context",
]
