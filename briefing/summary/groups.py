"""Candidate sentences of a story, near-identical copies in several outlets merged into one.

Takes articles; gives their candidate sentences as groups in reading order, each with every
place it stands and the speaker of reported speech (``group_sentences``), or the first group
alone (``first_group``).
"""

from __future__ import annotations

from collections import Counter

from briefing.cues.speakers import reported_speakers, reported_speech
from briefing.lexicon import german_stop_words
from briefing.models import Article, SentenceGroup
from briefing.summary.scoring import standalone_factor
from briefing.summary.similarity import is_near_duplicate, word_set
from briefing.summary.weights import DEFAULT_WEIGHTS, Weights
from briefing.text.sentences import article_sentences, ends_sentence
from briefing.text.words import sentence_key, words


def is_candidate(text: str) -> bool:
    """A sentence that can stand in a summary: prose of a sensible length, not a fragment."""
    found = words(text)
    if not 6 <= len(found) <= 60 or not ends_sentence(text):
        return False
    if text.rstrip().endswith((":", ";")) or text[:1].islower():
        return False
    # a caption cut at an abbreviation: "Im September war Kim Jong-un (m.l.)"
    return len(found[-1]) > 1 or text.rstrip(")»\"“”' ").endswith(("!", "?"))


def group_sentences(
    articles: list[Article], weights: Weights = DEFAULT_WEIGHTS
) -> list[SentenceGroup]:
    """Candidate sentences of the articles, near-identical copies merged, in reading order.

    The text shown is the copy that stands alone best, then the fuller one: every source
    listed carries the same statement, and the text is verbatim from one of them.
    """
    stop = german_stop_words()
    groups: list[SentenceGroup] = []
    by_key: dict[str, SentenceGroup] = {}
    # content word -> groups whose text has it, so a sentence is compared only with groups
    # that share words with it (all pairs would grow with the square of the input)
    postings: dict[str, list[int]] = {}
    speakers: dict[tuple[str, int], str] = {}
    best: dict[int, tuple[float, int]] = {}  # id(group) -> how well its text stands alone
    for article in articles:
        sentences = article_sentences(article)
        speakers.update(((article.id, i), n) for i, n in reported_speakers(sentences).items())
        for sentence in sentences:
            if not is_candidate(sentence.text):
                continue
            key = sentence_key(sentence.text)
            group = by_key.get(key)
            if group is None:
                content = word_set(sentence.text) - stop
                shared: Counter[int] = Counter()
                for word in content:
                    shared.update(postings.get(word, ()))
                need = weights.duplicate * len(content) * 0.5
                group = next(
                    (
                        groups[i]
                        for i, count in sorted(shared.items())
                        if count >= need
                        and is_near_duplicate(groups[i].text, sentence.text, weights.duplicate)
                    ),
                    None,
                )
            if group is None:
                group = SentenceGroup(sentence.text)
                groups.append(group)
                for word in word_set(sentence.text) - stop:
                    postings.setdefault(word, []).append(len(groups) - 1)
            group.occurrences.append(sentence)
            by_key[key] = group
            # the copy that stands alone best, then the fuller one; the first of equals (as
            # max() over all copies, without going over them all again for each new copy:
            # a sentence repeated n times cost n^2 checks)
            rank = (standalone_factor(sentence.text, weights), len(words(sentence.text)))
            if len(group.occurrences) == 1 or rank > best[id(group)]:
                group.text = sentence.text
                best[id(group)] = rank
    for group in groups:
        _set_speaker(group, speakers)
    return groups


def _set_speaker(group: SentenceGroup, speakers: dict[tuple[str, int], str]) -> None:
    """The speaker of a group that reports speech without naming them, from its copies."""
    if speakers and reported_speech(group.text):
        group.speaker = next(
            (
                speakers[s.article_id, s.index]
                for s in group.occurrences
                if (s.article_id, s.index) in speakers
            ),
            None,
        )


def first_group(article: Article, weights: Weights = DEFAULT_WEIGHTS) -> SentenceGroup | None:
    """``group_sentences([article])[0]`` (or None), without building the other groups.

    A lone article under "Weitere Meldungen" shows its first candidate sentence only; most
    of a folder's articles are such lone ones, so this follows group_sentences step for step
    for the first group alone: a later sentence joins it under the same rules (same key, or
    near-duplicate of its text among the groups that share enough words, the first group
    coming first), so text and sources are the same.
    """
    stop = german_stop_words()
    first: SentenceGroup | None = None
    first_words: frozenset[str] = frozenset()
    joins: dict[str, bool] = {}  # sentence key -> whether its sentences are in the first group
    sentences = article_sentences(article)
    for sentence in sentences:
        if not is_candidate(sentence.text):
            continue
        key = sentence_key(sentence.text)
        joined = joins.get(key)
        if first is None:
            first = SentenceGroup(sentence.text)
            first_words = word_set(sentence.text) - stop
            joined = True
        elif joined is None:
            content = word_set(sentence.text) - stop
            # group_sentences counts shared words through its postings; the first group is
            # posted under the content words of its first text
            joined = len(content & first_words) >= weights.duplicate * len(content) * 0.5 and (
                is_near_duplicate(first.text, sentence.text, weights.duplicate)
            )
        joins[key] = joined
        if joined:
            first.occurrences.append(sentence)
            first.text = max(
                (s.text for s in first.occurrences),
                key=lambda t: (standalone_factor(t, weights), len(words(t))),
            )
    if first is not None and reported_speech(first.text):
        speakers = reported_speakers(sentences)
        _set_speaker(first, {(article.id, i): n for i, n in speakers.items()})
    return first
