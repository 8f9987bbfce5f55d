"""Reading a story's articles for heading candidates, sentence by sentence.

Takes a group of articles; gives its candidates by stem key (``find_candidates``), each
filled with where it stands and the grammar around it, and (cheaply) the stems a group's
building blocks use (``group_block_stems``), which weigh terms across groups.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from briefing.lexicon import CONJUNCTIONS, DETERMINERS, PREPOSITIONS, QUANTITIES, german_stop_words
from briefing.models import Article
from briefing.stories.headings.candidates import (
    BEFORE_A_TITLE,
    CAPITAL_ADJECTIVES,
    GENITIVE_ARTICLES,
    NAME_CHAIN,
    PLACE_PREPOSITIONS,
    WHERE,
    Candidate,
    candidate_key,
    head_stem,
    is_adjective,
)
from briefing.stories.vectors import lead_text
from briefing.text.sentences import quick_sentences
from briefing.text.words import compound_matches

_SENTENCE_OPENERS = frozenset({".", "!", "?", ":", "–", "-", "„", '"', "«", "»"})


def find_candidates(articles: Sequence[Article]) -> dict[tuple[str, ...], Candidate]:
    """Capitalised words and hyphenated compounds (a heading's building blocks) by stems.

    Includes words seen only at the start of sentences (see ``building_blocks``).
    """
    found: dict[tuple[str, ...], Candidate] = {}
    for number, article in enumerate(articles):
        lead_words = {m.group() for m in compound_matches(lead_text(article))}
        for where, sentence_number, sentence in _scanned_sentences(article):
            _scan_sentence(found, number, where, sentence_number, sentence, lead_words)
    return found


def _scanned_sentences(article: Article) -> Iterator[tuple[str, int, str]]:
    """(part, number, sentence) of the title and body, cheaply split, as headings read them."""
    for where, text in (("title", article.title), ("body", article.body)):
        for sentence_number, sentence in enumerate(quick_sentences(text)):
            yield where, sentence_number, sentence


def _capitalised(
    matches: list[re.Match[str]],
) -> Iterator[tuple[int, str, tuple[tuple[str, ...], bool]]]:
    """(position, word, (stems key, inflected)) of each word that may be a heading's part."""
    for position, match in enumerate(matches):
        word = match.group()
        if not word[0].isupper():
            continue
        found_key = candidate_key(word)
        if found_key is not None:
            yield position, word, found_key


def building_blocks(
    found: dict[tuple[str, ...], Candidate],
) -> dict[tuple[str, ...], Candidate]:
    # a word seen only at the start of sentences may be capitalised for that reason alone
    return {key: c for key, c in found.items() if c.mid or len(key) > 1}


def group_block_stems(groups: list[list[Article]], index: int) -> frozenset[str]:
    """The stems of ``building_blocks(find_candidates(groups[index]))``, found more cheaply."""
    stems: set[str] = set()
    for article in groups[index]:
        for _, _, sentence in _scanned_sentences(article):
            matches = compound_matches(sentence)
            for position, _, (key, _) in _capitalised(matches):
                if len(key) > 1 or not _clause_start(sentence, matches, position)[1]:
                    stems.update(key)
    return frozenset(stems)


def _clause_start(text: str, matches: list[re.Match[str]], position: int) -> tuple[str, bool]:
    """The text between the word at ``position`` and the one before, and whether the word
    opens a clause (the sentence's first word, or after a colon, dash or quotation mark)."""
    if not position:
        return "", True
    gap = text[matches[position - 1].end() : matches[position].start()]
    return gap, any(ch in _SENTENCE_OPENERS for ch in gap.strip())


def _scan_sentence(
    found: dict[tuple[str, ...], Candidate],
    number: int,
    where: str,
    sentence_number: int,
    text: str,
    lead_words: set[str],
) -> None:
    """Record in ``found`` what one sentence shows about each capitalised word in it: where it
    stands, the words around it, and what they say of it (see ``Candidate``).

    One pass, each observation beside the others (about 130 lines): it runs for every
    capitalised word of every story's articles, and the observations read the same locals
    (the word before, the one before that, the next word, the gap, whether a clause starts).
    """
    matches = compound_matches(text)
    # "Scheuer ... sein Prestigeprojekt": (where, noun) after each possessive of the sentence
    possessed = _possessed_nouns(matches) if _POSSESSIVE.search(text) else []
    for position, word, (key, inflected) in _capitalised(matches):
        match = matches[position]
        candidate = found.get(key)
        if candidate is None:
            candidate = found[key] = Candidate()
        candidate.forms[word] += 1
        if inflected:
            candidate.inflected.add(word)
        before = matches[position - 1].group().casefold() if position else ""
        # a genitive s with no article ("Putins Besuch"), not "des Schutzgesuchs"
        if len(key) == 1 and word.endswith("s") and before not in DETERMINERS:
            candidate.s_form_articles[word] |= {number}
        if before in ("des", "eines"):
            candidate.after_des[word] += 1
        candidate.articles.add(number)
        candidate.sentences.add((number, where, sentence_number))
        candidate.count += 1
        start = match.start()
        # the words around it, within its clause (a colon or dash starts a new one)
        gap, clause_start = _clause_start(text, matches, position)
        if not clause_start:
            candidate.mid += 1
            candidate.mid_articles.add(number)
        if where == "title":
            candidate.titles.add(number)
        elif word in lead_words:
            candidate.leads.add(number)
        previous = "" if clause_start else matches[position - 1].group()
        earlier = matches[position - 2].group() if position > 1 and previous else ""
        following = matches[position + 1] if position + 1 < len(matches) else None
        after = text[match.end() : following.start()] if following else text[match.end() :]
        next_word = following.group() if following and not after.strip() else ""
        lower_previous = previous.casefold()
        # "der Präsident", "der russische Präsident", "betroffene Haushalte": a common noun
        if (
            lower_previous in DETERMINERS
            or lower_previous in QUANTITIES
            or (
                earlier.casefold() in DETERMINERS  # "der russische Präsident"
                and (previous[:1].islower() or previous.endswith(CAPITAL_ADJECTIVES))
            )  # "das Statistische Bundesamt", not "im Landkreis Teltow-Fläming" or
            # "die Raumsonde Kelvara"
            or (previous[:1].islower() and is_adjective(previous))
            or (  # "Betroffene Haushalte" at a sentence start, not "Raumsonde Kelvara"
                position == 1
                and matches[0].group().endswith(CAPITAL_ADJECTIVES)
                and is_adjective(matches[0].group())
                and not gap.strip()
            )
            or text[max(0, start - 3) : start][-2:-1].isdigit()  # "2,0 Prozent", "128 Monde"
            # "nach Angaben der Polizei": a noun with a genitive attribute after a preposition
            or (lower_previous in PREPOSITIONS and next_word.casefold() in GENITIVE_ARTICLES)
            or next_word.casefold() in ("des", "eines")
        ):
            candidate.after_article += 1
        # "ter Stegen", "de Gaulle": a short lower-case particle that is no German word
        if (
            previous[:1].islower()
            and len(previous) <= 3
            and lower_previous not in PREPOSITIONS
            and lower_previous not in german_stop_words()
        ):
            candidate.particle += 1
            candidate.prefixes[previous] += 1
        if previous[:1].isupper() and gap == " ":
            candidate.prefixes[previous] += 1
        chain = _name_chain(text, matches, position) if gap == " " else ()
        if chain:
            chains = candidate.prefix_chains
            chains[chain] = chains.get(chain, 0) + 1
        if len(key) == 1:
            at = position - len(chain) - 1  # where "von" would stand: "Besuch von ter Stegen"
            if word.endswith("s") or (at >= 1 and matches[at].group() == "von"):
                _note_owned(candidate, text, matches, position, chain, clause_start)
            for where_said, noun in possessed:
                if where_said > position:
                    candidate.owned.add(("", noun))
        # "Streik der GDL": the noun an organisation's name follows in the genitive
        if lower_previous in ("der", "des") and earlier[:1].isupper():
            candidate.org_heads.add(head_stem(earlier))
        if lower_previous in DETERMINERS:
            candidate.article_words[lower_previous] += 1
        if lower_previous in PLACE_PREPOSITIONS:
            candidate.places[PLACE_PREPOSITIONS[lower_previous]] += 1
            # the nouns just before "in"/"bei" it: "Waldbrand bei Jüterbog", "nach der
            # Quarzwerk-Explosion in Falkenrode"
            for before in matches[max(0, position - 5) : position - 1]:
                before_key = (
                    candidate_key(before.group()) if before.group()[:1].isupper() else None
                )
                if before_key is not None:
                    candidate.placed.add(before_key[0])
        # bare, as a subject: "Putin reist", "schrieb Putin", a headline's "Falkenrode: ..."
        bare = (
            lower_previous not in PREPOSITIONS
            and lower_previous not in DETERMINERS
            # "in der Provinz Sirnak", "der Costa Concordia": the article is the title's
            and not (previous[:1].isupper() and earlier.casefold() in BEFORE_A_TITLE)
        )
        if bare and (
            (next_word[:1].islower() and next_word.casefold() not in PREPOSITIONS)
            or (previous[:1].islower() and not is_adjective(previous))
            or (where == "title" and not position and after.lstrip().startswith(":"))
        ):
            candidate.subject_articles.add(number)
        # "der Chef der Brexit-Partei Nigel Farage": the name may belong to "Chef", not the party
        # (or be the noun's, as in "Sieg des Mercedes-Piloten Lewis Hamilton")
        genitive_attribute = lower_previous in ("der", "des") and earlier[:1].isupper()
        if next_word[:1].isupper() and after == " ":
            candidate.before_name += 1
            # "Landeroboter Philae", "Hauptdarsteller Leonardo DiCaprio" (not "Besuch Putins")
            for other in matches[position + 1 : position + 3]:
                if not other.group()[:1].isupper():
                    break
                candidate.apposition[other.group()] += 1
                if not genitive_attribute:
                    candidate.plain_apposition.add(other.group())
        if lower_previous in WHERE or (
            earlier.casefold() in WHERE and lower_previous in DETERMINERS
        ):
            candidate.after_preposition += 1


def _name_chain(text: str, matches: list[re.Match[str]], position: int) -> tuple[str, ...]:
    """Up to NAME_CHAIN words right before a word that may be part of its name.

    Capitalised words ("Boris" Johnson) and short particles ("ter" Stegen, "Lula da" Silva),
    joined by single spaces; an article, preposition or conjunction ends the chain. Other
    words come in too ("saß da" Silva): name_prefix keeps only what nearly always comes.
    """
    chain: list[str] = []
    for j in range(position - 1, max(-1, position - 1 - NAME_CHAIN), -1):
        word = matches[j].group()
        if text[matches[j].end() : matches[j + 1].start()] != " ":
            break
        folded = word.casefold()
        if folded in DETERMINERS or folded in PREPOSITIONS or folded in CONJUNCTIONS:
            break
        if not word[:1].isupper() and len(word) > 3:
            break  # a particle is short: "ter" Stegen, "da" Silva, "van" Gogh
        chain.insert(0, word)
    return tuple(chain)


# Possessive determiners: "sein Besuch", "ihren privaten E-Mail-Server"
_POSSESSIVES = frozenset(
    prefix + ending for prefix in ("sein", "ihr") for ending in ("", "e", "en", "em", "er", "es")
)

_POSSESSIVE = re.compile(r"\b(?:[sS]ein|[iI]hr)(?:e[nmrs]?)?\b")


def _possessed_nouns(matches: list[re.Match[str]]) -> list[tuple[int, str]]:
    """(position, noun stem) of the first noun within three words after each possessive."""
    found = []
    for position, match in enumerate(matches):
        if match.group().casefold() in _POSSESSIVES:
            for other in matches[position + 1 : position + 4]:
                if other.group()[:1].isupper():
                    found.append((position, head_stem(other.group())))
                    break
    return found


def _note_owned(
    candidate: Candidate,
    text: str,
    matches: list[re.Match[str]],
    position: int,
    chain: tuple[str, ...],
    clause_start: bool,
) -> None:
    """Record the nouns the text says a name owns (see Candidate.owned)."""
    word = matches[position].group()
    if word.endswith("s"):
        # "Putins (zweiter) Nordkorea-Besuch": the next nouns of the clause
        for j in range(position + 1, min(len(matches), position + 4)):
            gap = text[matches[j - 1].end() : matches[j].start()]
            if gap.strip():
                break
            if matches[j].group()[:1].isupper():
                candidate.owned.add((word, head_stem(matches[j].group())))
        # "Nordkorea-Besuch Putins"
        if position and not clause_start:
            previous = matches[position - 1]
            if previous.group()[:1].isupper() and text[previous.end() : matches[position].start()] == " ":
                candidate.owned.add((word, head_stem(previous.group())))
    # "die Knieverletzung von (Marc-André) ter Stegen"
    at = position - len(chain) - 1
    if at >= 1 and matches[at].group() == "von":
        noun = matches[at - 1]
        if noun.group()[:1].isupper() and text[noun.end() : matches[at].start()] == " ":
            candidate.owned.add(("", head_stem(noun.group())))
