"""Which sentences make the summary: the best that say something new, one subtopic at a time.

Takes scored sentence groups; gives the picks (``select_groups`` for one article,
``select_by_subtopic`` for a story told by several) and their reading order (``reading_order``).
"""

from __future__ import annotations

import math
from typing import Any

from briefing.cues.hedges import accused, speculative
from briefing.cues.quotes import is_quote
from briefing.models import SentenceGroup
from briefing.stories.clusters import average_linkage_labels
from briefing.summary.groups import follows_antecedent, previous_groups
from briefing.summary.scoring import standalone_factor
from briefing.summary.similarity import Similarity, content_stems
from briefing.summary.weights import DEFAULT_WEIGHTS, Weights

MAX_CLUSTERED = 4000  # candidate sentences up to which a topic is split into subtopics


def select_groups(
    groups: list[SentenceGroup],
    count: int,
    weights: Weights = DEFAULT_WEIGHTS,
    similarity: Similarity | None = None,
    exclude: list[SentenceGroup] | None = None,
) -> list[SentenceGroup]:
    """The best-scoring groups, skipping any that says what a chosen (or excluded) one says;
    a group that cannot stand alone only together with the sentence it points back to (which
    must stand alone), right before it."""
    similarity = similarity or Similarity([g.text for g in groups])
    chosen: list[SentenceGroup] = []
    taken = list(exclude or [])
    antecedents = previous_groups(groups) if not all(g.alone for g in groups) else {}

    def repeats(group: SentenceGroup) -> bool:
        return any(similarity(group.text, other.text) >= weights.redundancy for other in taken)

    for group in sorted(groups, key=lambda g: (-g.score, g.first_seen)):
        if len(chosen) >= count:
            break
        if group in taken or repeats(group):
            continue
        pair = [group]
        if not group.alone:
            before = antecedents.get(id(group))
            if before is None or not before.alone or not follows_antecedent(group):
                continue
            if before in taken and before not in chosen:
                continue
            if before not in chosen:
                if len(chosen) + 2 > count or repeats(before):
                    continue
                pair = [before, group]
        chosen.extend(pair)
        taken.extend(pair)
    return chosen


def select_by_subtopic(
    groups: list[SentenceGroup],
    count: int,
    weights: Weights = DEFAULT_WEIGHTS,
    similarity: Similarity | None = None,
) -> list[SentenceGroup]:
    """One sentence for each of the story's most reported subtopics, then seconds if room.

    Sentences are clustered into subtopics (average linkage on the tf-idf cosine); a subtopic
    weighs what the outlets give it, the sum over articles of its best sentence's score there,
    so a fact that several outlets report outranks one outlet's colour. Each subtopic gives
    its best-scoring sentence that does not repeat a chosen one. Five reports of one visit
    then yield the visit once, the agreement, the reactions and what comes next.
    """
    similarity = similarity or Similarity([g.text for g in groups])
    if len(groups) <= 1:
        return list(groups[:count])
    if len(groups) > MAX_CLUSTERED:
        # the pairwise matrix grows with the square: past this, the plain cut-off selection
        return select_groups(groups, count, weights, similarity)
    matrix = similarity.matrix([g.text for g in groups])
    subtopics, typical = _subtopics_of(groups, matrix, weights.subtopic_cut)
    support = cross_support(groups, matrix) if weights.support > 0 else None
    return _SubtopicPicker(groups, subtopics, typical, weights, similarity, support).pick(count)


def cross_support(groups: list[SentenceGroup], matrix: Any) -> dict[int, float]:
    """How much the topic's other articles say what each group says (by ``id``): the mean
    over the articles that do not carry it of the cosine (``matrix``) of their sentence
    closest to it. A key fact is one that many reports state; one outlet's colour has no
    such sentence elsewhere."""
    import numpy as np

    articles = sorted({a for g in groups for a in g.sources})
    column = {a: k for k, a in enumerate(articles)}
    member = np.zeros((len(groups), len(articles)), dtype=bool)
    for i, group in enumerate(groups):
        for source in group.sources:
            member[i, column[source]] = True
    closest = np.zeros((len(groups), len(articles)))
    for k in range(len(articles)):
        closest[:, k] = matrix[:, member[:, k]].max(axis=1)
    closest[member] = 0.0  # the articles that carry it do not support it
    values = closest.sum(axis=1) / max(len(articles) - 1, 1)
    return {id(g): float(v) for g, v in zip(groups, values, strict=True)}


def _subtopics_of(
    groups: list[SentenceGroup], matrix: Any, cut: float
) -> tuple[list[list[SentenceGroup]], dict[int, float]]:
    """The subtopics (groups clustered by their cosine ``matrix``, in the order of their first
    member) and how typical each group is of its subtopic (by ``id``)."""
    import numpy as np

    labels = subtopic_labels(matrix, cut)
    members: dict[int, list[SentenceGroup]] = {}
    indices: dict[int, list[int]] = {}
    for index, (group, label) in enumerate(zip(groups, labels, strict=True)):
        members.setdefault(int(label), []).append(group)
        indices.setdefault(int(label), []).append(index)
    # how typical a sentence is of its subtopic: a generic line that clustering chained in
    # ("they never tire of praising their relations") must not speak for the subtopic
    typical: dict[int, float] = {}
    for rows in indices.values():
        block = matrix[np.ix_(rows, rows)]
        # mean similarity to the other members (the diagonal holds 1.0 for itself)
        means = (block.sum(axis=1) - 1.0) / (len(rows) - 1) if len(rows) > 1 else [1.0]
        for i, mean in zip(rows, means, strict=True):
            typical[id(groups[i])] = float(mean)
    return list(members.values()), typical


def _outlet_weight(cluster: list[SentenceGroup]) -> float:
    """What the outlets give a subtopic: the sum over articles of its best sentence's score."""
    best: dict[str, float] = {}
    for group in cluster:
        for source in group.sources:
            best[source] = max(best.get(source, 0.0), group.score)
    return sum(best.values())


class _SubtopicPicker:
    """Picks for ``select_by_subtopic``, one at a time: each round, every subtopic offers its
    head (its best-ranked sentence that repeats no pick) at a value, and the best offer wins.

    A subtopic's value is its outlets' weight, lowered after each item it gave (``covered``),
    and by how much its head says that no pick has said yet; a guess goes in only when no
    subtopic has a reported fact left to give.
    """

    def __init__(
        self,
        groups: list[SentenceGroup],
        subtopics: list[list[SentenceGroup]],
        typical: dict[int, float],
        weights: Weights,
        similarity: Similarity,
        support: dict[int, float] | None = None,
    ) -> None:
        self.weights, self.similarity = weights, similarity
        ranked = sorted(subtopics, key=lambda c: (-_outlet_weight(c), c[0].first_seen))
        self.rank = {id(g): g.score * (weights.atypical + typical[id(g)]) for g in groups}
        if support is not None:
            # a sentence the other articles state too speaks for its subtopic first
            for g in groups:
                self.rank[id(g)] *= support[id(g)] ** weights.support
        # a subtopic speaks through its best reported fact; a guess only when it has none
        guessing = weights.speculation < 1.0
        self.queues = [
            sorted(
                c,
                key=lambda g: (
                    guessing and (speculative(g.text) or accused(g.text)),
                    -self.rank[id(g)],
                    g.first_seen,
                ),
            )
            for c in ranked
        ]
        self.cluster_weights = [_outlet_weight(c) for c in ranked]
        self.uses = [0] * len(self.queues)
        self.concept = concept_weights(groups, similarity)
        # what the loop asks of a sentence again and again, computed once per sentence
        self.stems_of: dict[str, frozenset[str]] = {}
        self.guess_of: dict[str, bool] = {}
        self.standing: dict[str, float] = {}
        self.worth = {g.text: worth_of(self.stems(g.text), self.concept) for g in groups}
        self.mean_worth = sum(self.worth[g.text] for g in groups) / len(groups) or 1.0
        self.covered: set[str] = set()
        # novelty of each text asked since ``covered`` last grew: a subtopic's head is asked
        # when the heads are weighed and again when its subtopic's offer is valued
        self.novel: dict[str, float] = {}
        self.chosen: list[SentenceGroup] = []
        self.antecedents = previous_groups(groups)
        self.count = 0
        # how many of the chosen items each queue's head has been compared with: a head that
        # stays is compared with the new picks only
        self.checked = [0] * len(self.queues)
        # (repeats_chosen) id(group) -> how many picks it was found to repeat none of; the ids
        # of those found to repeat a pick
        self.unrepeated: dict[int, int] = {}
        self.repeating: set[int] = set()

    def stems(self, text: str) -> frozenset[str]:
        if text not in self.stems_of:
            self.stems_of[text] = frozenset(content_stems(text))
        return self.stems_of[text]

    def novelty(self, text: str) -> float:
        """The share of a sentence's fact words (weighted) that no pick has said yet (its total,
        ``self.worth``, is summed once, not again on every pick)."""
        known = self.novel.get(text)
        if known is not None:
            return known
        total = self.worth[text]
        if not total:
            return 1.0
        known = self.novel[text] = (
            worth_of(self.stems(text) - self.covered, self.concept) / total
        )
        return known

    def repeats(self, group: SentenceGroup, picks: list[SentenceGroup]) -> bool:
        return any(
            self.similarity(group.text, c.text) >= self.weights.redundancy for c in picks
        )

    def repeats_chosen(self, group: SentenceGroup) -> bool:
        """``repeats(group, self.chosen)``, compared only with the picks made since it was last
        asked: picks are only ever added, so a sentence that repeated one still does, and one
        that repeated none still repeats none of those (every head is asked on every pick)."""
        if id(group) in self.repeating:
            return True
        start = self.unrepeated.get(id(group), 0)
        if self.repeats(group, self.chosen[start:]):
            self.repeating.add(id(group))
            return True
        self.unrepeated[id(group)] = len(self.chosen)
        return False

    def pick(self, count: int) -> list[SentenceGroup]:
        """Up to ``count`` picks, in the order they were picked (a sentence that cannot stand
        alone right after the one it points back to: ``pairable``)."""
        self.count = count
        while len(self.chosen) < count:
            best, best_value, best_group = None, (0, 0.0), None
            for k in range(len(self.queues)):
                head = self.head(k)
                if head is None:
                    continue
                # a guess goes in only when no subtopic has a reported fact left to give
                offer = (not self.guess(head), self.value(k, head))
                if offer > best_value:
                    best, best_value, best_group = k, offer, head
            if best is None:
                break
            self.queues[best].remove(best_group)
            self.checked[best] = 0  # (its head may have been the pick)
            self.uses[best] += 1
            before = None if best_group.alone else self.antecedents[id(best_group)]
            if before is not None and before not in self.chosen:
                for k, queue in enumerate(self.queues):
                    if before in queue:
                        queue.remove(before)
                        # (the subtopic's new first sentence was never checked against the
                        # picks made before: its head may repeat one of them)
                        self.checked[k] = 0
                self.chosen.append(before)
                self.covered.update(self.stems(before.text))
            self.chosen.append(best_group)
            self.covered.update(self.stems(best_group.text))
            self.novel.clear()
        return self.chosen

    def head(self, k: int) -> SentenceGroup | None:
        """What subtopic ``k`` offers now, or None when it has nothing left.

        A sentence that cannot stand alone (``SentenceGroup.alone``) is never offered: a
        subtopic whose head it is offers nothing (its head, weighed down by the stand-alone
        factor, seldom won an offer before such sentences were barred, and the subtopics
        around it are weighed as they were).
        """
        head = self._head(k)
        while head is not None and not (head.alone or self.pairable(head)):
            self.queues[k].remove(head)  # the next sentence of the subtopic may stand alone
            self.checked[k] = 0
            head = self._head(k)
        return head

    def pairable(self, group: SentenceGroup) -> bool:
        """A sentence that cannot stand alone may go in right after the sentence it points
        back to, when that one stands alone, says nothing picked yet and there is room."""
        before = self.antecedents.get(id(group))
        if before is None or not before.alone or not follows_antecedent(group):
            return False
        if before in self.chosen:
            return True
        return len(self.chosen) + 2 <= self.count and not self.repeats_chosen(before)

    def _head(self, k: int) -> SentenceGroup | None:
        queue, weights = self.queues[k], self.weights
        while queue and self.repeats(queue[0], self.chosen[self.checked[k] :]):
            # a subtopic whose best sentence repeats a pick is covered by that pick
            queue.pop(0)
            self.uses[k] += 1
            self.checked[k] = 0
        if not queue:
            return None
        self.checked[k] = len(self.chosen)
        head = queue[0]
        if weights.heads > 1 and weights.covered < 1.0:
            # the subtopic offers the one of its first sentences that adds most to the
            # picks, not one that mostly repeats them ("unterzeichneten ein
            # Beistandsabkommen" rather than "wurde am Flughafen empfangen")
            offers = [g for g in queue[: weights.heads] if not self.repeats_chosen(g)]
            head = max(offers, key=lambda g: self.rank[id(g)] * self.novelty(g.text))
        return head

    def value(self, k: int, head: SentenceGroup) -> float:
        """What subtopic ``k`` offering ``head`` is worth now."""
        weights = self.weights
        # a subtopic that gave an item, or whose best sentence says what the picks
        # already cover, waits behind the subtopics not covered yet
        value = self.cluster_weights[k] * weights.covered ** self.uses[k]
        if weights.covered < 1.0:
            value *= self.novelty(head.text)
            if weights.facts > 0:
                value *= (self.worth[head.text] / self.mean_worth) ** weights.facts
            # the subtopic speaks through its head: one that cannot stand alone weighs less
            if head.text not in self.standing:  # the same heads come up again on every pick
                # ... and so does one that is mostly a quote (quotes have their section)
                self.standing[head.text] = standalone_factor(
                    head.text, weights, head.speaker is not None
                ) * (weights.quoted if is_quote(head.text) else 1.0)
            value *= self.standing[head.text]
        return value

    def guess(self, head: SentenceGroup) -> bool:
        """The head is a guess (counts only when guesses wait: ``weights.speculation``)."""
        if self.weights.speculation >= 1.0:
            return False
        if head.text not in self.guess_of:
            self.guess_of[head.text] = speculative(head.text)
        return self.guess_of[head.text]


def concept_weights(groups: list[SentenceGroup], similarity: Similarity) -> dict[str, float]:
    """Each content word's worth as a fact: how many outlets use it, times its rarity.

    A word that several outlets use names something the story is about ("Vietnam",
    "Abkommen"); a word in nearly every sentence ("Putin") tells the facts apart little.
    """
    outlets: dict[str, set[str]] = {}
    for group in groups:
        sources = group.sources  # (a property that sorts the occurrences: once a group)
        for stem in set(content_stems(group.text)):
            outlets.setdefault(stem, set()).update(sources)
    # idf less its floor of 1: a word in nearly every sentence weighs next to nothing
    return {stem: len(found) * (similarity.idf(stem) - 1.0) for stem, found in outlets.items()}


def worth_of(stems: frozenset[str], concept: dict[str, float]) -> float:
    """The summed worth of a sentence's fact words (its content stems).

    Summed exactly (``math.fsum``): a set's order follows the process's string hashes, and a
    plain sum in another order may differ in its last bit, enough to flip a tie between two
    candidates and give the same folder another briefing on the next run."""
    return math.fsum(concept.get(s, 0.0) for s in stems)


def subtopic_labels(matrix, cut: float = 0.9):
    """Subtopic labels by average-linkage clustering of cosine distances."""
    import numpy as np

    distances = np.clip(1.0 - matrix, 0.0, None)
    np.fill_diagonal(distances, 0.0)
    return average_linkage_labels(distances, cut) - 1


def reading_order(
    groups: list[SentenceGroup], similarity: Similarity, link: float = 0.2
) -> list[SentenceGroup]:
    """Order for reading, not by score: statements in the order they come in their articles
    (news put the main facts first), each joining the run of the earlier item it is most
    related to, so that related facts stand together. A sentence that cannot stand alone
    comes right after the sentence it points back to."""
    antecedents = previous_groups(groups)
    follows = {
        id(antecedents[id(g)]): g
        for g in groups
        if follows_antecedent(g) and antecedents.get(id(g)) in groups
    }
    placed = {id(g) for g in follows.values()}
    ordered = _reading_order([g for g in groups if id(g) not in placed], similarity, link)
    result: list[SentenceGroup] = []
    for group in ordered:
        result.append(group)
        while id(group) in follows:
            group = follows[id(group)]
            result.append(group)
    return result


def _reading_order(
    groups: list[SentenceGroup], similarity: Similarity, link: float
) -> list[SentenceGroup]:
    runs: list[list[SentenceGroup]] = []
    for group in sorted(groups, key=lambda g: (g.best_index, g.first_seen)):
        best, best_run = 0.0, None
        for run in runs:
            for other in run:
                value = similarity(group.text, other.text)
                if value > best:
                    best, best_run = value, run
        if best_run is not None and best >= link:
            best_run.append(group)
        else:
            runs.append([group])
    return [group for run in runs for group in run]
