"""A sentence's worth: LexRank centrality times its lead prior and how well it stands alone.

Takes sentence groups; gives each its centrality, quality and score (``score_groups``), and for
one sentence its stand-alone factor (``standalone_factor``).
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from briefing.cues.hedges import speculative
from briefing.cues.quotes import is_quote, unbalanced_quote
from briefing.cues.speakers import reported_speech
from briefing.cues.standalone import (
    asks_reader,
    back_reference,
    is_furniture,
    is_generic,
    is_teaser,
    late_pronoun,
    opens_with_reference,
)
from briefing.models import SentenceGroup
from briefing.summary.lexrank import lexrank_scores
from briefing.summary.similarity import word_set
from briefing.summary.weights import DEFAULT_WEIGHTS, Weights


def standalone_factor(
    text: str, weights: Weights = DEFAULT_WEIGHTS, attributed: bool = False
) -> float:
    """1.0 for a sentence a reader understands alone, less for one that points back or asks.

    ``attributed``: the sentence is reported speech whose speaker the briefing names beside
    it (``reported_speakers``), so it does not point back.
    """
    return _standalone_factor(text, weights, attributed)


@lru_cache(maxsize=1 << 16)  # grouping, scoring and selection each ask it of every sentence
def _standalone_factor(text: str, weights: Weights, attributed: bool) -> float:
    factor = 1.0
    if is_teaser(text):
        factor *= 0.2
    if opens_with_reference(text):
        factor *= weights.dangling
    elif not attributed and reported_speech(text):
        # reported speech whose speaker stood in the sentence before ("Es gehe um ...")
        factor *= weights.dangling
    elif late_pronoun(text):
        # "Im Anschluss reise er ...", "Zudem lud er ..." (a pronoun before any name)
        factor *= (1 + weights.dangling) / 2
    elif weights.back_reference < 1 and back_reference(text):
        factor *= weights.back_reference
    if unbalanced_quote(text):
        # one part of a quote that runs over several sentences
        factor *= weights.dangling
    if asks_reader(text):
        factor *= weights.question
    if weights.furniture < 1 and is_furniture(text):
        factor *= weights.furniture
    if weights.generic < 1 and is_generic(text):
        factor *= weights.generic
    return factor


def lead_prior(index: int, weights: Weights = DEFAULT_WEIGHTS) -> float:
    """1.0 for an article's first sentence, halving every ``half_life`` sentences."""
    return 0.5 ** (index / weights.half_life) if weights.half_life > 0 else 1.0


def score_groups(
    groups: list[SentenceGroup],
    engine: str = "fast",
    weights: Weights = DEFAULT_WEIGHTS,
    multi_source: bool = True,
    learned: dict[tuple[str, int], float] | None = None,
) -> None:
    """Set each group's score: LexRank centrality x prior x stand-alone factor (x sources).

    The prior is the lead prior, or as far as ``weights.learned`` says, the learned score of
    the sentence (``learned``: by article id and sentence index, ``learned.article_priors``)
    at the best place any outlet gives it.
    """
    if not groups:
        return
    texts = [g.text for g in groups]
    if multi_source and weights.ubiquity < 1.0:
        texts = _without_ubiquitous(texts, weights.ubiquity)
    centrality = lexrank_scores([texts], engine)
    top = max(centrality) or 1.0
    lengths: dict[str, int] = {}
    if weights.relative_half_life > 0:
        # an article's length in sentences, as far as its candidates show it
        for group in groups:
            for s in group.occurrences:
                lengths[s.article_id] = max(lengths.get(s.article_id, 1), s.index + 1)
    for group, value in zip(groups, centrality, strict=True):
        group.centrality = value / top
        if weights.relative_half_life > 0:
            # the earliest place any outlet gives it, as a share of that article
            share = min(s.index / lengths[s.article_id] for s in group.occurrences)
            lead = 0.5 ** (share / weights.relative_half_life)
        else:
            lead = lead_prior(group.best_index, weights)
        if weights.learned > 0 and learned is not None:
            best = max(learned.get((s.article_id, s.index), 0.0) for s in group.occurrences)
            lead = (1 - weights.learned) * lead + weights.learned * best
        prior = (1 - weights.position) + weights.position * lead
        quality = prior * standalone_factor(group.text, weights, group.speaker is not None)
        if weights.speculation < 1.0 and speculative(group.text):
            quality *= weights.speculation
        if multi_source:
            quality *= 1 + weights.sources * (len(group.sources) - 1)
        if is_quote(group.text):
            quality *= weights.quoted
        group.quality = quality
        group.score = group.centrality**weights.centrality * quality


def _without_ubiquitous(texts: list[str], share: float) -> list[str]:
    """The texts without the words that a ``share`` of them or more contain.

    Across several reports of one story its names ("Putin", "Kim", "Nordkorea") stand in
    most sentences; LexRank would then rank the sentences that name everybody and say
    nothing ("they never tire of praising their relations") as the most central. Centrality
    over the remaining words follows what the reports say rather than whom they name.
    """
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(word_set(text))
    # a word one sentence has is no name that every report repeats, however few the
    # sentences (below 20, a share of 5 % is less than one sentence)
    limit = max(share * len(texts), 2)
    common = {w for w, c in counts.items() if c >= limit and len(texts) >= 10}
    if not common:
        return texts
    return [
        " ".join(w for w in text.split() if w.strip("«»\"„“”'.,;:!?()").casefold() not in common)
        or text
        for text in texts
    ]
