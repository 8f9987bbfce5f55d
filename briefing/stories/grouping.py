"""Grouping: the stories of a folder, each with the articles that tell it and its heading.

Takes cleaned articles; gives topics, largest and most-covered first, lone articles last.

How grouping works
    Each article becomes a TF-IDF vector of Snowball German stems of its content words (sumy's
    German stop words out; title counted three times, lead twice; sentences that stand word
    for word in three or more unrelated articles left out as page furniture, each article
    keeping the keys of its own such sentences, ``Article.boilerplate``, so that the summary
    leaves them out too; the common words of German news weighed as in a larger stream;
    ``vectors.py``). Stories form in two stages
    over the sparse graph of their cosine similarities (``clusters.py``): tight cores by
    average linkage at ``THRESHOLD``, cores merged when they agree as well as their own
    articles do, then each article left alone joins the story it matches clearly enough; a
    folder whose articles nearly all resemble each other (one story's) is one topic.
    Two articles whose title and lead give different results (scores, race times, index
    levels, none in common: ``results.py``) count as unrelated. Syndicated copies (the same
    agency text in several outlets) always share a topic. Same articles in the same order give
    the same topics (no hashing of strings, no randomness).
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
from scipy.sparse import diags

from briefing.cues.tickers import first_item, is_roundup, may_be_ticker
from briefing.models import Article, Topic
from briefing.stories.clusters import THRESHOLD, cluster_labels, graph_floor
from briefing.stories.headings import topic_heading, topic_headings
from briefing.stories.results import conflicting_pairs, lead_results
from briefing.stories.syndication import syndicated_pairs
from briefing.stories.vectors import (
    boilerplate_sentences,
    keyed_sentences,
    news_text,
    tfidf_vectors,
)
from briefing.text.sentences import labelled_sentences
from briefing.text.words import letters_key


def group_topics(
    articles: list[Article], threshold: float = THRESHOLD, jobs: int = 1
) -> list[Topic]:
    """The stories in ``articles``, largest and most-covered first.

    A story told by one article only becomes a minor topic ("Weitere Meldungen") when the
    folder has at least one story with several articles; when no two articles share a story,
    every article gets its own full section (there is nothing to list them beside).
    """
    if not articles:
        return []
    if len(articles) == 1:
        return [Topic(title=topic_heading(articles), articles=list(articles))]
    keyed = [keyed_sentences(a) for a in articles]  # split and keyed once, used twice
    boilerplate = boilerplate_sentences(articles, keyed)
    news = [news_text(a, boilerplate, k) for a, k in zip(articles, keyed)]
    if boilerplate:
        # the summary leaves an article's furniture out: it needs only the article's own keys
        for article, pairs in zip(articles, keyed):
            article.boilerplate = frozenset(key for _, key in pairs if key in boilerplate)
    roundups = [i for i, a in enumerate(articles) if is_roundup(a.body)]
    vectors = tfidf_vectors(
        articles, boilerplate=boilerplate, keyed=_first_items(articles, keyed, set(roundups))
    )
    if roundups:
        # a newsletter strings the day's stories together: it resembles each of them a little
        # and told none alone, so it joins no story (its rows weigh nothing in the graph)
        keep = np.ones(len(articles))
        keep[roundups] = 0.0
        vectors = diags(keep) @ vectors
    news_words = None
    if boilerplate:
        # a news text is its news sentences joined by spaces: its case-folded letter runs are
        # their keys' words (not found again in the text); one article's at a time (all of
        # them at once held 4.7 million words)
        news_words = (
            [word for _, key in pairs if key not in boilerplate for word in key.split()]
            for pairs in keyed
        )
    pairs = syndicated_pairs(articles, boilerplate, vectors, news, news_words)
    # two match reports of one club, the Dax of two days: their results differ
    found = [
        lead_results(a.title, (s for s, key in k if key not in boilerplate))
        for a, k in zip(articles, keyed)
    ]
    apart = conflicting_pairs(found, vectors, graph_floor(threshold))
    del keyed, news_words
    labels = cluster_labels(vectors, threshold, pairs, jobs, apart)
    clusters: dict[int, list[Article]] = defaultdict(list)
    for article, label in zip(articles, labels):
        clusters[label].append(article)
    groups = list(clusters.values())
    has_story = any(len(g) > 1 for g in groups)
    major = sorted(
        (g for g in groups if len(g) > 1 or not has_story),
        key=lambda g: (-len(g), -_outlet_count(g), _order(g[0])),
    )
    minor = [g for g in groups if len(g) == 1 and has_story]
    # one call: a lone article's words weigh against the stories' (one without a title line
    # of its own, a plain text, gets a phrase of its own words, not its first sentence)
    headings = topic_headings(major + minor, vectors, articles, jobs)
    topics = [Topic(title=h, articles=g) for h, g in zip(headings, major)]
    lone = headings[len(major) :]
    topics += [Topic(title=h, articles=g, minor=True) for h, g in zip(lone, minor)]
    return topics


def _first_items(
    articles: list[Article], keyed: list[list[tuple[str, str]]], roundups: set[int]
) -> list[list[tuple[str, str]]]:
    """The sentences each article's vector weighs: a news ticker's first item only.

    A ticker strings short items of different stories together ("Fußball, 2. Liga: Der 1. FC
    Nürnberg ... Schwimmen, Doping: Sechs Tage nach ..."); weighed whole, it resembled each
    item's story and joined two of them into one topic (Nürnberg's first game and an
    Australian swimmer's doping). Its first item is the one its title tells; the summary
    prints only the item its story is about (``other_ticker_items``).
    """
    weighed = list(keyed)
    for number, article in enumerate(articles):
        if number in roundups or not may_be_ticker(article.body):
            continue
        first = first_item(labelled_sentences(article))
        if first:
            weighed[number] = [(s.text, letters_key(s.text)) for s in first]
    return weighed


def _outlet_count(group: list[Article]) -> int:
    return len({a.outlet for a in group if a.outlet})


def _order(article: Article) -> tuple[int, str]:
    return (article.number, str(article.path))
