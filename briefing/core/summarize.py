"""Multi-source extractive summaries: candidate sentences, merged sources, LexRank picks."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing.core.models import Article, Sentence, SummaryItem, Topic
from briefing.core.sentences import article_sentences, ends_sentence, words

DEFAULT_SENTENCES = 8
_NORMALIZE = re.compile(r"[\W_]+")


@dataclass
class SentenceGroup:
    """One sentence text and every place it stands (several outlets may carry it)."""

    text: str
    occurrences: list[Sentence] = field(default_factory=list)

    @property
    def sources(self) -> list[str]:
        ids: list[str] = []
        for occurrence in self.occurrences:
            if occurrence.article_id not in ids:
                ids.append(occurrence.article_id)
        return sorted(ids, key=lambda i: int(i[1:]))

    @property
    def first_seen(self) -> tuple[int, int]:
        return min((int(s.article_id[1:]), s.index) for s in self.occurrences)


def sentence_key(text: str) -> str:
    """A key under which the same sentence in two outlets is equal (case, quotes, spaces)."""
    return _NORMALIZE.sub(" ", text.casefold()).strip()


def is_candidate(text: str) -> bool:
    """A sentence that can stand in a summary: prose of a sensible length, not a fragment."""
    count = len(words(text))
    return 6 <= count <= 60 and ends_sentence(text) and not text.rstrip().endswith((":", ";"))


def group_sentences(articles: list[Article]) -> list[SentenceGroup]:
    """Candidate sentences of the articles with identical sentences merged, in reading order."""
    groups: dict[str, SentenceGroup] = {}
    for article in articles:
        for sentence in article_sentences(article):
            if not is_candidate(sentence.text):
                continue
            key = sentence_key(sentence.text)
            group = groups.setdefault(key, SentenceGroup(sentence.text))
            group.occurrences.append(sentence)
    return list(groups.values())


def summarize_topic(topic: Topic, sentences: int = DEFAULT_SENTENCES, engine: str = "fast") -> None:
    """Fill ``topic.summary`` with LexRank's picks over all its articles, in reading order."""
    from briefing.core.lexrank import rank_sentences

    groups = group_sentences(topic.articles)
    if not groups:
        topic.summary = []
        return
    by_article: dict[str, list[str]] = {}
    by_text = {}
    for group in groups:
        by_article.setdefault(group.occurrences[0].article_id, []).append(group.text)
        by_text[group.text] = group
    picked = rank_sentences(list(by_article.values()), sentences, engine)
    items = [
        SummaryItem(text, by_text[text].sources, first_seen=by_text[text].first_seen)
        for text in picked
    ]
    topic.summary = sorted(items, key=lambda item: item.first_seen)


def summarize_article(article: Article, sentences: int = 3, engine: str = "fast") -> list[str]:
    """The best ``sentences`` sentences of one article, in article order."""
    from briefing.core.lexrank import rank_sentences

    paragraphs: dict[int, list[str]] = {}
    for sentence in article_sentences(article):
        paragraphs.setdefault(sentence.block, []).append(sentence.text)
    return rank_sentences(list(paragraphs.values()), sentences, engine)
