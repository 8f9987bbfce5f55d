"""Clauses: whether a sentence has a main clause with a finite verb.

Takes a sentence; gives whether its main clause holds no finite verb (``lacks_main_verb``): an
elliptical piece that goes on from the sentence before ("Ein Mann, der sich in beiden Welten
auskannte.", "Im chinesischen Geschäftsdickicht, in dem es oft um Kontakte geht, genauso wie
in den Strukturen eines westlichen Unternehmens, das ..."), a subordinate clause alone ("Weil
die Spieler am Samstag nicht mit der Presse reden durften."), a list ("Kein Zuhause, kein
Bett, kein Schreibtisch."), a caption or a teaser ("Ein Gespräch mit dem Biografen Martin
Sabrow."). Such a line cannot stand in a briefing without the sentence before it.

How: a comma followed by a conjunction or a relative pronoun (lexicon clause_words.txt) opens a
subordinate clause that runs to the next comma; a sentence that opens with such a conjunction
starts in one. The rest is the main clause. A word of it may be its finite verb when the
corpora know it as one (lexicon finite_verbs.txt), when it stands right after a capitalised
word (the verb's second place: "Linz unterlag Turku"), or when it ends as German
verb forms do and stands nowhere an adjective does (not "im chinesischen Geschäftsdickicht").
Where it cannot tell, it finds a verb; a quote's verb counts (its speaker's words are a clause),
and a result line ("FC Bayern München - 1. FC Köln 4:0 (1:0), Tore: ...") is not asked.
"""

from __future__ import annotations

import re

from briefing.lexicon import (
    ALL_FUNCTION_WORDS,
    CLAUSE_WORDS,
    DETERMINERS,
    NEVER_VERBS,
    OPENING_CLAUSE_WORDS,
    PREPOSITIONS,
    RELATIVE_PRONOUNS,
    finite_forms,
)

# (a word's hyphen stays with it: "Staats- und Regierungschefs" is no dash between clauses)
_TOKEN = re.compile(r"[A-Za-zÄÖÜäöüß]+(?:-[A-Za-zÄÖÜäöüß]+)*-?|\d+|[^\w\s]")
_SCORE = re.compile(r"\d:\d")
# a declined adjective ends so; a finite verb form may end so ("sagte", "unterlag" does not)
_ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")
_VERB_ENDINGS = ("t", "te", "ten", "en", "e", "st", "n")
# a strong past ("kam", "ging", "fand") is short: a word this short may be a verb
_SHORT = 6
# ... but one this short the corpora do not know as a verb, between two capitalised words, is
# a name's particle ("Arc de Triomphe")
_PARTICLE = 3
# no finite form ends in -em or -er ("Kind türkischer Zuwanderer"), and in -es only a strong
# past this short ("blies", "pries"); a longer word so ends as an adjective does
_NO_VERB_ENDINGS = ("em", "er")
_STRONG_PAST_ES = 5
# ... and so is one that ends in a known form of this many letters or more ("unter|brach")
_PREFIXED_FORM = 4
# how many words before an adjective its phrase's article may stand ("eines schon einmal wegen
# Dopings gesperrten")
_PHRASE_REACH = 6
# a dash or a colon ends a subordinate clause as a comma would not ("... – Linz unterlag ...")
_CLAUSE_ENDS = frozenset("–-;:")
_LIST_ENDS = frozenset({"und", "oder", "sowie"})
# an infinitive clause's opening word, and a verb with its "zu" inside ("bei|zu|wohnen")
_INFINITIVE_WORDS = frozenset({"um", "ohne", "statt", "anstatt"})
_ZU_INFINITIVE = re.compile(r"[a-zäöüß]{2,}zu[a-zäöüß]{2,}en")
_FUNCTION_WORDS = frozenset(w.casefold() for w in ALL_FUNCTION_WORDS)
# a pronoun subject: the word after it may be its verb ("Sie gewähren", "Das gefährdet")
_PRONOUN_SUBJECTS = frozenset({"er", "sie", "es", "wir", "ihr", "ich", "du", "man", "das", "dies"})
# an article or possessive that cannot follow an article: the word before it is a pronoun
_ARTICLE_AFTER_RELATIVE = frozenset(
    "der die das den dem des diese dieser diesen diesem ihre ihren ihrem ihrer seine seinen "
    "seinem seiner unsere meine".split()
)
# a particle that takes a conjunction with it, no comma between: "auch wenn", "nur weil",
# "zumindest wenn", "vor allem weil" (the clause then opens at the conjunction)
_FOCUS_PARTICLES = frozenset({
    "zumindest", "wenigstens", "nur", "auch", "gerade", "besonders", "erst", "spätestens",
    "selbst", "sogar", "schon", "eben", "noch", "insbesondere", "allein", "ausgerechnet",
    "allem", "genau", "jedenfalls",
})


def lacks_main_verb(text: str) -> bool:
    """Whether the sentence's main clause holds no finite verb (see the module's docstring)."""
    if _SCORE.search(text):
        return False
    words = text.split()
    if not words:
        return False
    # a cheap look first: a finite verb the corpora know before the first comma of a sentence
    # that opens no subordinate clause (most sentences)
    finite = finite_forms()
    first = words[0].casefold().strip(",")
    second = words[1].casefold() if len(words) > 1 else ""
    relative = _relative_opens([first, second])
    if first not in OPENING_CLAUSE_WORDS and first not in _INFINITIVE_WORDS and not relative:
        earlier = before = ""
        for word in words:
            bare = word.rstrip(",.;:!?)").casefold()
            if bare in OPENING_CLAUSE_WORDS and before in _FOCUS_PARTICLES:
                break  # ("Zumindest wenn ...": the clause's verb is not the main clause's)
            if bare in finite and (before != "zu" or earlier == "und"):
                # (not an infinitive: "Beeindruckt wieder nach Hause zu gehen.", "Kaum zu
                # glauben."; "Ab und zu lohnt sich ..." has its verb)
                return False
            if word.endswith(","):
                break
            earlier, before = before, bare
    tokens = _TOKEN.findall(text)
    return not any(_may_be_finite(tokens, i) for i in _main_clause(tokens))


def _main_clause(tokens: list[str]) -> list[int]:
    """The indexes of the tokens outside the subordinate clauses."""
    finite = finite_forms()
    main: list[int] = []
    inside = bool(tokens) and (
        tokens[0].casefold() in OPENING_CLAUSE_WORDS
        and not (len(tokens) > 1 and tokens[1].casefold() in finite)  # ("Ob es ..." stays)
        or _infinitive_opens(tokens)
        or _relative_opens(tokens)
    )
    for i, token in enumerate(tokens):
        if (
            not inside
            and i
            and tokens[i - 1].casefold() in _FOCUS_PARTICLES
            and token.casefold() in OPENING_CLAUSE_WORDS
        ):
            inside = True  # "Zumindest wenn Schwangere mit im Fahrzeug sitzen.": no comma
        if token == ",":
            # (a comma of a list inside a subordinate clause does not end it: "in dem es um
            # Kontakte, Präsente und rote Umschläge geht, ...")
            if not (inside and _in_list(tokens, i)):
                inside = _opens_clause(tokens, i + 1)
            continue
        if token in _CLAUSE_ENDS:
            inside = False
        if not inside:
            main.append(i)
    return main


def _relative_opens(tokens: list[str]) -> bool:
    """The sentence opens with a relative pronoun: "Die ihre Unschuld beteuern, die aber ...",
    "Der den Vertrag unterschrieb, ..." (an article before an article or a possessive; not
    before "im", "am": "Die am Montag veröffentlichten Zahlen ...")."""
    return (
        len(tokens) > 1
        and tokens[0].casefold() in RELATIVE_PRONOUNS
        and tokens[1].casefold() in _ARTICLE_AFTER_RELATIVE
    )


def _in_list(tokens: list[str], i: int) -> bool:
    """The comma at ``tokens[i]`` stands between two nouns of a list that "und" or "oder"
    closes within a few words, no comma between ("Kontakte, Präsente und rote Umschläge")."""
    following = tokens[i + 1] if i + 1 < len(tokens) else ""
    if i == 0 or not tokens[i - 1][:1].isupper():
        return False
    start = i + 2
    if (
        following[:1].islower()
        and following.endswith(_ADJECTIVE_ENDINGS)
        # (not a verb of a speaker after it: ", beteuerten Universität und Stiftungsrat",
        # a plural the corpora know in the singular, "beteuerte")
        and not {following.casefold(), following.casefold()[:-1]} & finite_forms()
    ):
        # an adjective before the list's next noun: "über Ambitionen, realistische Ziele und
        # das Ende der Heuchelei"
        following = tokens[i + 2] if i + 2 < len(tokens) else ""
        start = i + 3
    if not following[:1].isupper():
        return False
    for word in tokens[start : start + 4]:
        if word in _LIST_ENDS:
            return True
        if word == ",":
            return False
    return False


def _infinitive_opens(tokens: list[str]) -> bool:
    """The sentence opens with an infinitive clause ("Um erstens der Amtseinführung der neuen
    Verteidigungsministerin beizuwohnen, ...", "Ohne es zu wissen, ..."): "um", "ohne" or
    "statt" and, before the first comma, "zu" and a verb or a verb with "zu" inside."""
    if not tokens or tokens[0].casefold() not in _INFINITIVE_WORDS:
        return False
    clause = tokens[1 : tokens.index(",")] if "," in tokens else tokens[1:]
    return any(
        word == "zu" and following[:1].islower() or _ZU_INFINITIVE.fullmatch(word)
        for word, following in zip(clause, [*clause[1:], ""])
    )


def _opens_clause(tokens: list[str], k: int) -> bool:
    """Whether the words from ``tokens[k]`` on (after a comma) open a subordinate clause."""
    word = tokens[k].casefold() if k < len(tokens) else ""
    after = tokens[k + 1] if k + 1 < len(tokens) else ""
    if after.casefold() in finite_forms():
        return False  # "Gut, das ging jetzt doch zackig.", "Ach, was macht ...": a main clause
    if word in RELATIVE_PRONOUNS:
        return not _noun_follows(tokens, k + 1)  # "..., der Kanadier Mohammed Fahmi ..."
    if word in CLAUSE_WORDS:
        return not (word in ("als", "wie") and after[:1].isupper())  # "..., als Zwölfter ..."
    if word in PREPOSITIONS and after.casefold() in RELATIVE_PRONOUNS:
        return not _noun_follows(tokens, k + 2)  # "..., in dem ..." but "..., in die Karibik"
    return False


def _noun_follows(tokens: list[str], k: int) -> bool:
    """A noun at ``tokens[k]``, or an adjective and a noun or number: what follows an article."""
    word = tokens[k] if k < len(tokens) else ""
    following = tokens[k + 1] if k + 1 < len(tokens) else ""
    return word[:1].isupper() or (
        word.endswith(_ADJECTIVE_ENDINGS)
        and word.casefold() not in _FUNCTION_WORDS  # ("..., das den Kandidaten ...": a clause)
        and (following[:1].isupper() or following.isdigit())
    )


def _may_be_finite(tokens: list[str], i: int) -> bool:
    """Whether ``tokens[i]``, a word of the main clause, may be its finite verb."""
    word = tokens[i]
    low = word.casefold()
    after_zu = i > 0 and tokens[i - 1].casefold() == "zu" and word[:1].islower()
    if after_zu or _ZU_INFINITIVE.fullmatch(word):
        # an infinitive: "Acht Wochen, in denen ..., keine Debatten zu führen.", "Mit dem
        # Ziel, den Kampf gegen den Terror fortzusetzen."
        return False
    if low in finite_forms():
        return True  # (also capitalised first: "Ist es tatsächlich denkbar, dass ...?")
    if not word[:1].isalpha():
        return False
    if i == 0 or not word[:1].islower():
        # a question's verb first, also after a colon: "Streit unter Schlafforschern: Reichten
        # früher 6,5 Stunden am Stück?"
        first = i == 0 or tokens[i - 1] == ":"
        return first and tokens[-1] == "?" and low.endswith(_VERB_ENDINGS)
    if low in _FUNCTION_WORDS or low in NEVER_VERBS or low.endswith(_NO_VERB_ENDINGS):
        return False
    if low.endswith("es") and len(low) > _STRONG_PAST_ES:
        return False
    before = tokens[i - 1]
    if before == ")" and "(" in tokens[: i - 1]:
        # an aside in brackets stands between the subject and its verb: "Markus Söder (CSU)
        # gewährt ..."
        opened = i - 2 - tokens[i - 2 :: -1].index("(")
        before = tokens[opened - 1] if opened else before
    after = tokens[i + 1] if i + 1 < len(tokens) else ""
    year = before.isdigit() and len(before) == 4  # "Am 14. August 1989 überreichen ..."
    # (after an article, a preposition, a number, or another word of the phrase: "seiner
    # offenbar aufgebrachten Mutter", "eines wegen Dopings gesperrten Arztes")
    opens_phrase = (
        before == "," and _in_list(tokens, i - 1)
        or before.casefold() in DETERMINERS
        or before.casefold() in PREPOSITIONS
        or before.isdigit() and not year
        or i >= 2 and _in_phrase(tokens, i - 1)
    )
    before_noun = after[:1].isupper() or (
        after.endswith(_ADJECTIVE_ENDINGS)
        and after.casefold() not in _FUNCTION_WORDS
        and after.casefold() not in NEVER_VERBS  # ("das funktioniere eben nur ...")
    )
    if low.endswith(_ADJECTIVE_ENDINGS) and opens_phrase and before_noun:
        return False  # "im chinesischen Geschäftsdickicht", "eines westlichen Unternehmens"
    if len(low) <= _PARTICLE and before[:1].isupper() and after[:1].isupper():
        return False  # a name's particle: "Arc de Triomphe", "Leonardo da Vinci"
    if before[:1].isupper() and before.isalpha() and before.casefold() not in _FUNCTION_WORDS:
        return True  # the verb's second place: "Linz unterlag Turku" (not "Im chinesischen")
    if before.casefold() in _PRONOUN_SUBJECTS:
        return True  # "Sie gewähren Zutritt", "Das gefährdet viele Arbeitsplätze"
    if low.startswith("ge") and len(low) > 5 and low.endswith(("en", "t")):
        return False  # a participle the corpora do not know as a finite form: "gesagt"
    # (a word in -es as short as "blies" is a verb only by its place, above, or as a prefixed
    # known form)
    short = len(low) <= _SHORT and not low.endswith("es")
    return low.endswith(_VERB_ENDINGS) or short or _prefixed_form(low)


def _in_phrase(tokens: list[str], k: int) -> bool:
    """``tokens[k]`` stands inside a noun phrase that an article or possessive opened a few
    words before, with adverbs or a preposition and its noun between ("seiner offenbar
    aufgebrachten Mutter", "eines schon einmal wegen Dopings gesperrten Arztes"); not after
    a noun phrase of its own ("des Bendlerblocks begehen"), a subject ("Die Firma verbuchte")
    or a verb."""
    j = k
    while j >= max(0, k - _PHRASE_REACH):
        word = tokens[j]
        if word.casefold() in DETERMINERS:
            return True
        if j < k and word.casefold() in PREPOSITIONS:
            # a preposition before adverbs only: "gegen ganz neue Generation" (not "Unter
            # anderem erhielten Verwaltungen ...", "Für gewöhnlich deuten Menschen ...")
            return all(w.casefold() in NEVER_VERBS for w in tokens[j + 1 : k + 1])
        if not word.isalpha() or word.casefold() in finite_forms():
            return False
        if word[:1].isupper():
            if j == 0 or tokens[j - 1].casefold() not in PREPOSITIONS:
                return False
            j -= 1  # ("wegen Dopings": the participle's own phrase)
        j -= 1
    return False


def _prefixed_form(word: str) -> bool:
    """A prefix before a finite form the corpora know: "unterbrach" ("brach"), "verließ"."""
    finite = finite_forms()
    return any(word[k:] in finite for k in range(2, len(word) - _PREFIXED_FORM + 1))
