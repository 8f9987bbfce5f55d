"""Stories: which articles tell the same story, and a heading for each story.

Takes cleaned articles; gives topics (``group_topics``): each story's articles with a heading
in their own words, largest and most-covered first, lone articles as minor topics. The article
vectors (``term_counts``, ``count_vectors``) and the story threshold (``THRESHOLD``) are
public for the digest, which compares new articles with earlier days' the same way.
"""

from briefing.stories.clusters import THRESHOLD, cluster_labels
from briefing.stories.grouping import group_topics
from briefing.stories.headings import topic_heading, topic_headings
from briefing.stories.syndication import syndicated_pairs
from briefing.stories.vectors import (
    BACKGROUND_DOCS,
    boilerplate_sentences,
    count_vectors,
    term_counts,
    tfidf_vectors,
)

__all__ = [
    "BACKGROUND_DOCS",
    "THRESHOLD",
    "boilerplate_sentences",
    "cluster_labels",
    "count_vectors",
    "group_topics",
    "syndicated_pairs",
    "term_counts",
    "tfidf_vectors",
    "topic_heading",
    "topic_headings",
]
