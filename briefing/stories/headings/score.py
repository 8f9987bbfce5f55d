"""A heading for each story: its terms weighed against the other stories, then composed.

Takes the folder's groups of articles; gives one heading per group, in the articles' words.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from typing import Any

from briefing.models import Article
from briefing.runtime.parallel import map_shared
from briefing.stories.headings.candidates import Candidate
from briefing.stories.headings.compose import compose
from briefing.stories.headings.scan import building_blocks, find_candidates, group_block_stems
from briefing.stories.vectors import LEAD_WEIGHT, TITLE_WEIGHT


def topic_heading(articles: list[Article]) -> str:
    """A short heading from the words the articles share, e.g. "Putins Nordkorea-Besuch"."""
    if not articles:
        return ""
    return topic_headings([articles], None, None)[0]


def topic_headings(
    groups: list[list[Article]], vectors: Any = None, everything: Any = None, jobs: int = 1
) -> list[str]:
    """A heading for each group, from words distinctive of it among all the groups.

    Terms are scored per group by where they occur (title 3, lead 2, body 1, averaged over the
    group's articles) times a class-based IDF over the groups (c-TF-IDF): a word every story
    uses ("Regierung") weighs less than one only this story uses. The heading is the best
    compound of key terms that several articles use, joined to the leading name when some
    sentence speaks of both:

    - "Putins Nordkorea-Besuch": the name acts as a subject ("Putin reist", "schrieb Putin")
      in several articles, or they write it in the genitive themselves, and some article says
      the thing is the name's ("Putins erster Besuch", "Besuch Putins", "die Verletzung von
      ter Stegen", "Clinton ... ihren E-Mail-Server"): no "Johnsons Labour-Partei";
    - "Streik der GDL": an organisation used with an article ("die GDL"), when some article
      writes the noun with it ("Streiks der GDL", "GDL-Streik");
    - "Landeroboter Philae": the compound stands right before the name (one thing);
    - "Waldbrand bei Jüterbog": a place, when the articles say the thing is in/at it;
    - else the compound alone ("Donau-Hochwasser"), the name alone, or the two best names.

    A name is a capitalised word that stands inside sentences of two articles, seldom after
    an article, an adjective ("betroffene Haushalte"), a number, or between a preposition
    and a genitive ("nach Angaben der"), and is not the tail of a longer name ("ter Stegen",
    "Lula da Silva" are kept whole). A group of one article keeps its headline.
    """
    # Both steps run where the groups are (forked workers): only stems and headings travel
    # back. (Shipping each group's candidates back cost more than finding them: 39 MB of
    # pickles, 7 s at 11,700 articles.)
    stems = map_shared(group_block_stems, groups, range(len(groups)), jobs)
    # class-based document frequency: in how many groups a stem occurs
    group_df: Counter[str] = Counter()
    for group_stems in stems:
        group_df.update(group_stems)
    return map_shared(_group_heading, (groups, group_df), range(len(groups)), jobs)


def _group_heading(shared: tuple[list[list[Article]], Counter[str]], index: int) -> str:
    """The heading of ``groups[index]``, its terms weighed by ``group_df`` over all groups."""
    groups, group_df = shared
    group = groups[index]
    n = len(group)
    if n == 1:  # one article: its own headline says it best
        return group[0].title
    found = find_candidates(group)
    candidates = building_blocks(found)

    def coverage(c: Candidate) -> float:
        title = len(c.titles)
        lead = len(c.leads - c.titles)
        body = len(c.articles) - len(c.titles | c.leads)
        return (TITLE_WEIGHT * title + LEAD_WEIGHT * lead + body) / n

    def idf(s: str) -> float:
        return math.log(1 + len(groups) / group_df[s])

    # score of a single stem: its best coverage as a word of its own or as a compound part
    stem_score: dict[str, float] = defaultdict(float)
    for key, c in candidates.items():
        for s in key:
            stem_score[s] = max(stem_score[s], coverage(c) * (1.0 if len(key) == 1 else 0.5))
    for s in stem_score:
        stem_score[s] *= idf(s)
    return compose(group, candidates, stem_score, found)
