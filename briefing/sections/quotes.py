"""Zitate: the story's best direct quotes with their speakers, a quote over several sentences
as one entry.

Takes a topic, its sentence groups and what is already used; gives the quotes.
"""

from __future__ import annotations

from briefing.cues.furniture import furniture_reason, picture_caption
from briefing.cues.quotes import (
    OPENING_QUOTES,
    direct_quote,
    possessive_attribution,
    quote_alone,
    quote_marks,
    quote_state,
    unbalanced_quote,
)
from briefing.cues.speakers import (
    by_age_only,
    named_before_quote,
    person_named,
    pronoun_attribution,
    quote_speaker,
    resolve_role,
)
from briefing.cues.standalone import person_by_pronoun, points_back
from briefing.lexicon import german_stop_words
from briefing.models import Article, Quote, Sentence, SentenceGroup, Topic, id_number
from briefing.summary import Citations, Similarity, Weights
from briefing.summary.groups import other_ticker_items
from briefing.text.language import foreign_sentence
from briefing.text.sentences import article_sentences
from briefing.text.words import sentence_key, words

MAX_QUOTES = 5


def pick_quotes(
    topic: Topic,
    groups: list[SentenceGroup],
    used: list[SentenceGroup],
    similarity: Similarity,
    weights: Weights,
    limit: int = MAX_QUOTES,
    per_speaker: int = 2,
    citations: Citations | None = None,
) -> list[Quote]:
    """The best direct quotes not yet used, at most two per speaker, in reading order.

    A quote that runs over several sentences is one item made of them (``quote_runs``). Each
    cites the articles that carry its very words; other outlets' wordings are its variants.
    """
    citations = citations or Citations(topic.articles)
    articles = {a.id: a for a in topic.articles}
    several = len(topic.articles) > 1  # (whom a pronoun or an age means is not shown)
    ranked = []
    for group in groups:
        if group in used or not group.alone or direct_quote(group.text) is None:
            continue
        first = min(group.occurrences, key=lambda s: (id_number(s.article_id), s.index))
        # '"…", sagte er.' takes the person named before it (grouping found them); "sagte der
        # Minister" the name the article gives its minister, if it gives one
        speaker = quote_speaker(group.text)
        if speaker is not None:
            bodies = "\n\n".join(articles[source].body for source in group.sources)
            speaker = resolve_role(speaker, bodies)
            if speaker is None:
                continue  # a role the article gives several names: whose words are these?
        speaker = speaker or group.speaker
        if speaker is None and group.text.lstrip()[:1] in OPENING_QUOTES:
            # a quote standing alone may be introduced by the sentence before ("...:")
            before = _sentence_before(articles[first.article_id], first.index)
            speaker = quote_speaker(group.text, before)
        if speaker is None and group.text.lstrip()[:1] not in OPENING_QUOTES:
            continue  # quoted words inside a report ("eine «Friedensinitiative»") quote nobody
        if speaker is None and quote_alone(group.text):
            continue  # '"Dem Land geht es unglaublich gut."' and nobody named: whose words?
        if speaker is None and possessive_attribution(group.text):
            continue  # '"Macht die Grenzen dicht!", lautet seine Botschaft.': whose?
        # a quote with a named speaker is worth more than an anonymous one, a whole
        # statement more than a few words quoted inside a report
        worth = group.score * (1.0 if speaker else 0.4) * _quote_size(group.text)
        ranked.append((worth, group, speaker, [group]))
    for run, pieces, speaker in quote_runs(topic, groups):
        if any(piece in used for piece in pieces):
            continue  # the reader has read part of it under "Das Wichtigste"
        if speaker == "" or speaker is None and (
            pronoun_attribution(run.text)
            or quote_alone(run.text)
            or possessive_attribution(run.text)
        ):
            continue  # '"…", sagte er.' with nobody named before: whose words are these?
        if points_back(run.text, names_speaker=speaker is not None):
            continue  # 'Er teilte mit: "…"': who?
        if foreign_sentence(run.text) or furniture_reason(run.text) or picture_caption(run.text):
            continue  # a tweet embedded in English with its link: what a line may not hold
        if speaker is None and several and person_by_pronoun(run.text):
            continue  # 'Dann aber sagte sie: "…"' among several articles: who?
        ranked.append((run.score * (1.0 if speaker else 0.4), run, speaker, pieces))
    chosen: list[tuple[SentenceGroup, str | None]] = []
    for _, group, speaker, pieces in sorted(ranked, key=lambda q: (-q[0], q[1].first_seen)):
        if len(chosen) >= limit:
            break
        if several and speaker and by_age_only(speaker):
            continue  # '"…", sagte der 47-Jährige.' among several articles: who?
        if speaker and sum(1 for _, s in chosen if s == speaker) >= per_speaker:
            continue
        if any(piece in used for piece in pieces):
            continue  # a sentence of a quote already chosen
        if any(similarity(group.text, other.text) >= weights.redundancy for other in used):
            continue
        if _quotes_again(group.text, used):
            continue  # the same words quoted in another sentence the reader has read
        chosen.append((group, speaker))
        used.extend([group, *(p for p in pieces if p is not group)])
    chosen.sort(key=lambda q: q[0].first_seen)
    return [
        Quote(group.text, speaker, *citations.cite(group.text, group.occurrences))
        for group, speaker in chosen
    ]


def _quoted_words(text: str) -> str:
    """The words ``text`` quotes, lower-cased and joined by spaces ("" for none)."""
    quoted = direct_quote(text)
    return " ".join(words(quoted)).casefold() if quoted else ""


def _quotes_again(text: str, used: list[SentenceGroup]) -> bool:
    """Whether a line already shown quotes the words ``text`` quotes, or they its: '"Ich kann,
    ich will und ich werde" - mit dieser Kampfansage hat ...' beside '"Ich kann, ich will und
    ich werde", das war der Höhepunkt ihrer Bewerbungsrede ...' (an AKK topic of 300 random
    articles) says the same words twice."""
    quoted = _quoted_words(text)
    if len(quoted.split()) < 3:
        return False
    for other in used:
        shown = _quoted_words(other.text)
        if shown and len(shown.split()) >= 3 and (quoted in shown or shown in quoted):
            return True
    return False


MAX_RUN_SENTENCES = 4  # a longer quote is a speech, not an item of a briefing

MAX_RUN_WORDS = 90


def _quote_size(text: str) -> float:
    quoted = len(words(direct_quote(text) or ""))
    return 1.0 if quoted >= 5 else 0.6


def quote_runs(
    topic: Topic, groups: list[SentenceGroup]
) -> list[tuple[SentenceGroup, list[SentenceGroup], str | None]]:
    """Quotes of several consecutive sentences, each joined into one group.

    A run starts at a sentence that leaves a quote open and ends at the sentence that closes
    it, within one paragraph and at most MAX_RUN_SENTENCES sentences and MAX_RUN_WORDS words
    (longer or unclosed runs are left out: cut, they would misquote). Its text is the
    sentences joined by one space, which stands verbatim (whitespace folded) in the article;
    the same run of statements in another article is a copy of it (its occurrences; the
    quote cites the articles that carry its very words, ``Citations``). The speaker is taken
    from the sentences together ("…", sagte X. / X sagte: "…), or from a sentence before ending
    in ":"; '"…", sagte er.' takes the one person the sentence before names, and a role the
    name the article gives it (``resolve_role``). Returns (run, the groups of its sentences,
    speaker), the speaker "" when the role is one the article gives several names.
    """
    at: dict[tuple[str, int], SentenceGroup] = {}
    for group in groups:
        for occurrence in group.occurrences:
            at[(occurrence.article_id, occurrence.index)] = group
    runs: dict[object, tuple[SentenceGroup, list[SentenceGroup], str | None]] = {}
    # a news ticker's items that are not the story's (Zitate had Messi's coach in a story of
    # the Swiss attorney general: a ticker's other item)
    off_story = other_ticker_items(topic.articles, german_stop_words())
    for article in topic.articles:
        for run in _runs(article_sentences(article)):
            if any((article.id, s.index) in off_story for s in run):
                continue
            text = " ".join(s.text for s in run)
            block = " ".join(article.blocks[run[0].block].text.split())
            if " ".join(text.split()) not in block or unbalanced_quote(text):
                # (a run whose marks still do not pair: its source left a quote unclosed,
                # '"Ich bin glücklich, ... gelitten hatte. Nach dem missglückten Versuch sei
                # sie "wirklich besorgt" gewesen.': where the words said end is not known)
                continue
            pieces = [at[(s.article_id, s.index)] for s in run if (s.article_id, s.index) in at]
            # the same quote in another outlet is a run of the same statements, maybe in
            # other words: one run, that outlet's wording a copy of it (its variant)
            key: object = (
                tuple(id(p) for p in pieces) if len(pieces) == len(run) else sentence_key(text)
            )
            copy = Sentence(text, article.id, run[0].block, run[0].index)
            if key in runs:
                runs[key][0].occurrences.append(copy)
                continue
            speaker = quote_speaker(text)
            if speaker is not None:
                speaker = resolve_role(speaker, article.body) or ""  # "": several names
            before = _sentence_before(article, run[0].index)
            if speaker is None and pronoun_attribution(text):
                # '"…. …", sagte er.': the one person named before it (none: no quote, see
                # pick_quotes); the run's own head comes first ('Am Sonntag hatte die
                # Ministerpräsidentin Frederiksen … eine Absage erteilt: "…", sagte sie.')
                speaker = named_before_quote(text) or (person_named(before) if before else None)
            elif speaker is None:
                speaker = quote_speaker(text, before) if text[:1] in OPENING_QUOTES else None
            group = SentenceGroup(
                text,
                [copy],
                score=max((p.score for p in pieces), default=0.0),
                centrality=max((p.centrality for p in pieces), default=0.0),
            )
            runs[key] = (group, pieces, speaker)
    return list(runs.values())


def _runs(sentences: list) -> list[list]:
    """Runs of sentences holding one quote: opened (from outside any quote) in the first, closed
    in the last, within one paragraph and the size limits."""
    states: list[tuple[bool, bool]] = []
    inside, block = False, None
    for sentence in sentences:
        if sentence.block != block:
            inside, block = False, sentence.block  # a paragraph starts outside any quote
        marks = quote_marks(sentence.text)
        if not inside and marks[:1] == [False]:
            inside = True  # it closes a quote opened before the paragraph or the run
        after = quote_state(sentence.text, inside)
        states.append((inside, after))
        inside = after
    runs = []
    for start, (before, after) in enumerate(states):
        if before or not after:
            continue
        size = len(words(sentences[start].text))
        for end in range(start + 1, min(start + MAX_RUN_SENTENCES, len(sentences))):
            size += len(words(sentences[end].text))
            if sentences[end].block != sentences[start].block or size > MAX_RUN_WORDS:
                break
            if not states[end][1]:
                runs.append(sentences[start : end + 1])
                break
    return runs


def _sentence_before(article: Article, index: int) -> str | None:
    """The sentence before the ``index``-th of an article (headings are not sentences)."""
    sentences = article_sentences(article)
    return sentences[index - 1].text if 0 < index <= len(sentences) else None
