"""Summaries: the sentences that say what a story (or one article) is about, verbatim.

Takes a topic's articles; gives "Das Wichtigste" (``topic_summary``: LexRank centrality with a
lead prior, stand-alone cues, copies from several outlets merged, picked by subtopic without
repetition), an article's own summary (``summarize_article``) and a lone article's lead line
(``lead_summary``). ``group_sentences`` and ``rank_sentences`` serve the digest's update summary;
``Citations`` gives a line its exact sources and other outlets' wordings as variants.
"""

from briefing.summary.citations import Citations
from briefing.summary.groups import group_sentences
from briefing.summary.lexrank import ENGINES, lexrank_scores, rank_sentences
from briefing.summary.scoring import standalone_factor
from briefing.summary.similarity import Similarity
from briefing.summary.summarize import (
    DEFAULT_SENTENCES,
    TopicSummary,
    lead_summary,
    summarize_article,
    topic_summary,
)
from briefing.summary.weights import DEFAULT_WEIGHTS, TOPIC_WEIGHTS, Weights

__all__ = [
    "DEFAULT_SENTENCES",
    "DEFAULT_WEIGHTS",
    "ENGINES",
    "TOPIC_WEIGHTS",
    "Citations",
    "Similarity",
    "TopicSummary",
    "Weights",
    "group_sentences",
    "lead_summary",
    "lexrank_scores",
    "rank_sentences",
    "standalone_factor",
    "summarize_article",
    "topic_summary",
]
