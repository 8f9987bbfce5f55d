"""What was said before: articles and sentences of earlier digests, and what is new today.

Takes today's topics and the sentences of earlier days; gives a topic's sentences not reported
or read before (``update_summary``), and the key by which an article is the same article
(``content_key``).
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Iterable

from briefing.lexicon import german_stop_words
from briefing.models import Article, SummaryItem, Topic
from briefing.summary import Citations, group_sentences, rank_sentences
from briefing.text.words import sentence_key

# A sentence counts as already reported when this share of its content words stand in one
# earlier sentence (agency copy with a word changed); lower, and "weiteren Regen" ->
# "trockeneres Wetter" in an otherwise equal sentence would pass as old news.
KNOWN_SENTENCE_CONTAINMENT = 0.85


def content_key(article: Article) -> str:
    """A hash of what the article says, so a renamed, re-encoded or re-saved copy matches."""
    text = "\n".join([article.title, *(" ".join(b.text.split()) for b in article.blocks)])
    return hashlib.sha256(text.casefold().encode("utf-8")).hexdigest()


def _key_words(key: str) -> frozenset[str]:
    """Content words of a sentence key (stop words carry no news)."""
    stop = german_stop_words()
    return frozenset(w for w in key.split() if len(w) > 2 and w not in stop)


class KnownSentences:
    """Sentences reported or read before: exact keys, plus near copies by word containment.

    Two months of a busy inbox are a few hundred thousand sentences; only the words of the
    sentences asked about matter, so the word index is built for those words alone, as
    questions come (``expect`` indexes a batch in one pass over the keys).
    """

    def __init__(self, keys: Iterable[str]) -> None:
        self.keys = set(keys)
        self._listed = list(self.keys)
        self.postings: dict[str, list[int]] = {}  # content word -> keys (by index) holding it
        self._indexed: set[str] = set()

    def expect(self, keys: Iterable[str]) -> None:
        """Index the content words of ``keys`` (sentences about to be asked about)."""
        wanted = {w for key in keys for w in _key_words(key)} - self._indexed
        if not wanted:
            return
        self._indexed |= wanted
        postings = self.postings
        for index, key in enumerate(self._listed):
            for word in wanted.intersection(key.split()):
                postings.setdefault(word, []).append(index)

    def __contains__(self, key: str) -> bool:
        if key in self.keys:
            return True
        words = _key_words(key)
        if len(words) < 4:
            return False
        self.expect([key])
        shared: Counter[int] = Counter()
        for word in words:
            for index in self.postings.get(word, ()):
                shared[index] += 1
        needed = math.ceil(KNOWN_SENTENCE_CONTAINMENT * len(words))
        return any(n >= needed for n in shared.values())


def update_summary(
    topic: Topic, known: KnownSentences, sentences: int, engine: str
) -> list[SummaryItem]:
    """The topic's sentences that were not reported or read before, LexRank's best first.

    Like an update summary: rank only the new sentences, keep reading order in the output.
    """
    groups = group_sentences(topic.articles)
    keys = [sentence_key(g.text) for g in groups]
    known.expect(k for k in keys if k not in known.keys)  # one pass over the old sentences
    novel = [g for g, key in zip(groups, keys) if g.alone and key not in known]
    if not novel:
        return []
    by_article: dict[str, list[str]] = {}
    by_text = {}
    for group in novel:
        by_article.setdefault(group.occurrences[0].article_id, []).append(group.text)
        by_text[group.text] = group
    picked = rank_sentences(list(by_article.values()), sentences, engine)
    citations = Citations(topic.articles)
    items = [citations.item(by_text[t]) for t in picked]  # (unscored: score 0 as before)
    return sorted(items, key=lambda item: item.first_seen)
