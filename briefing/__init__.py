"""briefing: extractive multi-source briefings of German news articles."""

__version__ = "0.1.0"
