"""The daily digest: each day's new articles as a dated briefing, continued stories marked.

Takes an inbox folder (and feeds), the state of earlier days (SQLite) and a day; writes
``OUT/YYYY-MM-DD.md`` with only what no earlier digest covered (``run_digest``).
"""

from briefing.digest.config import load_config, parse_day
from briefing.digest.continuation import (
    CONTINUATION_THRESHOLD,
    Continuation,
    article_terms,
    articles_terms,
    similarities,
    split_continued,
)
from briefing.digest.known import KnownSentences, content_key, update_summary
from briefing.digest.run import DigestResult, render_digest, run_digest

__all__ = [
    "CONTINUATION_THRESHOLD",
    "Continuation",
    "DigestResult",
    "KnownSentences",
    "article_terms",
    "articles_terms",
    "content_key",
    "load_config",
    "parse_day",
    "render_digest",
    "run_digest",
    "similarities",
    "split_continued",
    "update_summary",
]
