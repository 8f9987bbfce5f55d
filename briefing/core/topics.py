"""Topics (stories) and their headings made from the articles' own words."""

from __future__ import annotations

import re
from collections import Counter

from briefing.core.models import Article, Topic

_CAPITALIZED = re.compile(r"\b[A-ZÄÖÜ][\wäöüß]+(?:-[A-ZÄÖÜ]?[\wäöüß]+)*")


def group_topics(articles: list[Article]) -> list[Topic]:
    """All articles as one topic (grouping by story comes with the topics issue)."""
    if not articles:
        return []
    return [Topic(title=topic_heading(articles), articles=list(articles))]


def topic_heading(articles: list[Article]) -> str:
    """A short heading from the words the articles share, e.g. "Putins Nordkorea-Besuch".

    The most widespread name in the headlines leads; a compound noun that several articles
    use and that contains another headline word (a "Nordkorea-Besuch" beside "Nordkorea")
    follows, with the name in the genitive.
    """
    from briefing.core.lexrank import german_stop_words

    stop = german_stop_words()

    def document_frequency(texts: list[str]) -> Counter[str]:
        counts: Counter[str] = Counter()
        for text in texts:
            counts.update({w for w in _CAPITALIZED.findall(text) if w.casefold() not in stop})
        return counts

    heads = document_frequency([f"{a.title}\n{(a.paragraphs or [''])[0]}" for a in articles])
    bodies = document_frequency([f"{a.title}\n{a.body}" for a in articles])
    if not heads:
        return articles[0].title
    ranked = sorted(heads, key=lambda w: (-heads[w], -bodies[w], w))
    lead = ranked[0]
    minimum = 2 if len(articles) > 1 else 1
    # "Nordkorea-Besuch": two parts, the first a headline word, the second a common noun.
    compounds = [
        w for w in bodies
        if w.count("-") == 1 and bodies[w] >= minimum and lead not in w
        and w.split("-")[0] in ranked[1:4] and w.split("-")[1] not in heads
    ]
    if compounds:
        compound = max(compounds, key=lambda w: (bodies[w], heads[w], len(w), w))
        return f"{genitive(lead)} {compound}"
    if len(ranked) > 1:
        return f"{lead} und {ranked[1]}"
    return lead


def genitive(name: str) -> str:
    """German genitive of a proper name: "Putins", "Macrons", "Strauss'"."""
    return f"{name}'" if name[-1:] in "sßxz" else f"{name}s"
