"""Cleaning: a page as read from a file, down to the article it carries.

Takes a decoded input file (``briefing.ingest.RawDocument``); gives an ``Article``: title,
outlet, date, URL and the body as paragraphs and subheadings, page furniture left out
(``clean_document``), or raises ``EmptyArticleError`` with the reason.
"""

from briefing.clean.metadata import normalize_date, parse_front_matter
from briefing.clean.page import (
    MAX_ARTICLE_CHARS,
    CleanPage,
    EmptyArticleError,
    clean_document,
    clean_html,
    clean_text,
    cut_long_article,
)

__all__ = [
    "MAX_ARTICLE_CHARS",
    "CleanPage",
    "EmptyArticleError",
    "clean_document",
    "clean_html",
    "clean_text",
    "cut_long_article",
    "normalize_date",
    "parse_front_matter",
]
