"""briefing: extractive multi-source briefings of German news articles.

The library (the command line, ``briefing.cli``, is one client of it)::

    from briefing import Settings, build_briefing, render_briefing, split_sentences

    result = build_briefing(["news/2024-06-19"], Settings(sentences=5))
    for topic in result.topics:
        print(topic.title, [item.text for item in topic.summary])
    print(render_briefing(result, "markdown"))
    split_sentences("Der Zug kam ca. 5 Min. später. Niemand wurde verletzt.")

The names below are imported on first use, so ``import briefing`` (and ``briefing --help``)
loads none of the stages.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# name -> the module that defines it
_API = {
    "Settings": "briefing.models",
    "load_articles": "briefing.pipeline",
    "build_briefing": "briefing.pipeline",
    "briefing_from_articles": "briefing.pipeline",
    "summarize_articles": "briefing.pipeline",
    "summarize_topic": "briefing.pipeline",
    "summarize_article": "briefing.summary",
    "group_topics": "briefing.stories",
    "render_briefing": "briefing.render",
    "split_sentences": "briefing.text",
    "detect_language": "briefing.text",
    "clean_document": "briefing.clean",
    "Article": "briefing.models",
    "Block": "briefing.models",
    "Briefing": "briefing.models",
    "Discrepancy": "briefing.models",
    "Quote": "briefing.models",
    "Ref": "briefing.models",
    "Sentence": "briefing.models",
    "Skipped": "briefing.models",
    "SummaryItem": "briefing.models",
    "TimelineEntry": "briefing.models",
    "Topic": "briefing.models",
    "Variant": "briefing.models",
    "BriefingError": "briefing.errors",
    "NoUsableArticleError": "briefing.errors",
}
__all__ = [
    "Article",
    "Block",
    "Briefing",
    "BriefingError",
    "Discrepancy",
    "NoUsableArticleError",
    "Quote",
    "Ref",
    "Sentence",
    "Settings",
    "Skipped",
    "SummaryItem",
    "TimelineEntry",
    "Topic",
    "Variant",
    "__version__",
    "briefing_from_articles",
    "build_briefing",
    "clean_document",
    "detect_language",
    "group_topics",
    "load_articles",
    "render_briefing",
    "split_sentences",
    "summarize_article",
    "summarize_articles",
    "summarize_topic",
]


def __getattr__(name: str) -> Any:
    """The library's names, each imported from its stage when first asked for."""
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module 'briefing' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_API})


if TYPE_CHECKING:
    from briefing.clean import clean_document
    from briefing.errors import BriefingError, NoUsableArticleError
    from briefing.models import (
        Article,
        Block,
        Briefing,
        Quote,
        Sentence,
        Settings,
        Skipped,
        SummaryItem,
        TimelineEntry,
        Topic,
    )
    from briefing.pipeline import (
        briefing_from_articles,
        build_briefing,
        load_articles,
        summarize_articles,
        summarize_topic,
    )
    from briefing.render import render_briefing
    from briefing.stories import group_topics
    from briefing.summary import summarize_article
    from briefing.text import detect_language, split_sentences
