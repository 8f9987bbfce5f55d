"""Candidate sentences of a story, near-identical copies in several outlets merged into one.

Takes articles; gives their candidate sentences as groups in reading order, each with every
place it stands and the speaker of reported speech (``group_sentences``), or the first group
alone (``first_group``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from briefing.cues.clauses import lacks_main_verb
from briefing.cues.furniture import fragment_reason, furniture_reason, picture_caption
from briefing.cues.quotes import OPENING_QUOTES, outside_quotes, quote_alone, unbalanced_quote
from briefing.cues.speakers import (
    by_age_only,
    names_own_speaker,
    pronoun_attribution,
    quote_speaker,
    report_speaker,
    reported_speakers,
    reported_speech,
    resolve_role,
)
from briefing.cues.standalone import (
    demonstrative_after_verb,
    demonstrative_pronoun,
    first_person,
    first_person_plural,
    opens_on_demonstrative,
    person_by_age,
    person_by_origin,
    person_by_pronoun,
    points_back,
    possessive_phrase_unnamed,
    pronominal_adverb_after_verb,
    pronoun_after_verb,
)
from briefing.cues.tickers import INTERVIEWER, ticker_items
from briefing.lexicon import (
    ALL_FUNCTION_WORDS,
    DETERMINERS,
    LEANS_BACK,
    PREPOSITIONS,
    SUBORDINATORS,
    finite_forms,
    german_stop_words,
)
from briefing.models import Article, Sentence, SentenceGroup, id_number
from briefing.summary.scoring import standalone_factor
from briefing.summary.similarity import is_near_duplicate, word_set
from briefing.summary.weights import DEFAULT_WEIGHTS, Weights
from briefing.text.captions import opens_with_credit
from briefing.text.language import foreign_sentence
from briefing.text.sentences import (
    article_sentences,
    continues_cut,
    ends_sentence,
    labelled_sentences,
)
from briefing.text.words import sentence_key, words

# "Laut Klöckner ...", "heißt es in dem Schreiben": the sentence says whose words they are
_ACCORDING_TO = re.compile(r"\b(?:[Ll]aut\s+[A-ZÄÖÜ]|heißt es\b)")

def is_candidate(text: str, boilerplate: frozenset[str] = frozenset()) -> bool:
    """A sentence that can stand in a summary: article text of a sensible length in German,
    not a fragment, caption, credit or other page furniture.

    ``boilerplate``: letter keys of sentences the folder's unrelated articles repeat
    (``Article.boilerplate``).
    """
    found = words(text)
    if not 6 <= len(found) <= 60 or not ends_sentence(text):
        return False
    if text.rstrip().endswith((":", ";")) or text[:1].islower():
        return False
    # a caption cut at an abbreviation: "Im September war Kim Jong-un (m.l.)"
    if len(found[-1]) == 1 and not text.rstrip(")»\"“”' ").endswith(("!", "?")):
        return False
    return is_article_text(text, boilerplate)


@lru_cache(maxsize=1 << 16)  # an article's summary asks it of each sentence several times
def is_article_text(text: str, boilerplate: frozenset[str] = frozenset()) -> bool:
    """Not a fragment, not page furniture (``boilerplate`` as for ``is_candidate``), German."""
    return not (
        fragment_reason(text)
        or furniture_reason(text, boilerplate)
        or picture_caption(text)
        or foreign_sentence(text)
    )


def candidate_sentences(article: Article) -> list[tuple[Sentence, bool]]:
    """The article's candidate sentences, each with whether it may stand alone (see
    ``SentenceGroup.alone``): a rest cut off after an ordinal is none ("... in der 63." and
    "Minute flankte ..." in two paragraphs), nor a caption whose credit ("(Foto: X)") was put
    into the next paragraph."""
    return [(sentence, stands_alone(sentence.text)) for sentence in _candidates(article)]


def _candidates(article: Article) -> Iterator[Sentence]:
    """``candidate_sentences`` without whether each may stand alone (``first_group`` asks
    that only of the few sentences that decide its group)."""
    sentences = article_sentences(article)
    for i, sentence in enumerate(sentences):
        if _candidate_at(article, sentences, i):
            yield sentence


def _candidate_at(article: Article, sentences: list[Sentence], i: int) -> bool:
    """Whether ``sentences[i]`` (the article's ``article_sentences``) is a candidate."""
    sentence = sentences[i]
    if not is_candidate(sentence.text, article.boilerplate):
        return False
    if i and continues_cut(sentences[i - 1].text, sentence.text):
        return False
    blocks = article.blocks
    last = i + 1 == len(sentences) or sentences[i + 1].block != sentence.block
    # not a caption whose credit opens the next paragraph
    return not (
        last
        and sentence.block + 1 < len(blocks)
        and opens_with_credit(blocks[sentence.block + 1].text)
    )


def stands_alone(text: str) -> bool:
    """Whether a sentence makes sense without the one before it (see ``SentenceGroup.alone``;
    a quote whose speaker is only a pronoun is decided where the sentence before is known)."""
    return _alone(text)[0]


def _alone_among_several(text: str) -> bool:
    """``stands_alone`` for a story of several articles, where a pronoun counts as named only
    by the speaker at the sentence's end (", sagte Hammond.") or by the speaker of the quote
    the sentence opens with: asked of any sentence, ``quote_speaker`` takes the noun after a
    verb of saying ("Sie bekräftigte die Forderung ..." names "Forderung"), which
    ``stands_alone`` lets pass (one article's summary scored higher with it: the validation
    slice's ROUGE-1 0.1990 -> 0.1986 without)."""
    return _alone(text)[1]


@lru_cache(maxsize=1 << 16)  # candidate_sentences and the timeline ask it of each sentence
def _alone(text: str) -> tuple[bool, bool]:
    """(``stands_alone``, ``_alone_among_several``), from one look at the sentence."""
    if unbalanced_quote(text):
        return False, False  # one part of a quote that runs over several sentences
    if points_back(text) is None:
        return True, True
    # Whether the sentence names its speaker (a slow regular expression, a tenth of the
    # summaries' time when asked of every sentence) can only turn points_back's reason into
    # None, never give one: it is asked only of the sentences that point back otherwise.
    own = names_own_speaker(text)
    alone = points_back(text, names_speaker=own or quote_speaker(text) is not None) is None
    return alone, alone and (own or text.lstrip()[:1] in OPENING_QUOTES)


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
    best: dict[int, tuple[float, int]] = {}  # id(group) -> how well its text stands alone
    # id(group) -> the copies of it that may stand alone (the shown copy is chosen as before:
    # a copy preferred for standing alone would change every centrality of the story)
    alones: dict[int, set[str]] = {}
    speakers: dict[tuple[str, int], str | None] = {}
    off_story = other_ticker_items(articles, stop)
    several = len(articles) > 1
    for article in articles:
        speakers.update(_article_speakers(article))
        for sentence, alone in candidate_sentences(article):
            if (article.id, sentence.index) in off_story or several and _writers_own(sentence):
                continue
            key = sentence_key(sentence.text)
            group = by_key.get(key)
            if group is None:
                content = word_set(sentence.text) - stop
                shared: Counter[int] = Counter()
                for word in content:
                    shared.update(postings.get(word, ()))
                need = weights.duplicate * len(content) * 0.5
                # (the groups that share enough words sorted, not all that share one: in a
                # large story its names are in thousands of groups)
                group = next(
                    (
                        groups[i]
                        for i in sorted(i for i, count in shared.items() if count >= need)
                        if is_near_duplicate(groups[i].text, sentence.text, weights.duplicate)
                    ),
                    None,
                )
            if group is None:
                group = SentenceGroup(sentence.text)
                groups.append(group)
                for word in content:  # (a new group: its key was unknown, content is its own)
                    postings.setdefault(word, []).append(len(groups) - 1)
            group.occurrences.append(sentence)
            if alone and several and (
                not _alone_among_several(sentence.text)
                or _leans_on_someone(sentence.text)
                or quote_alone(sentence.text)
            ):
                # "Der 62-Jährige ...", "Sie bekräftigte die Forderung ...", "Glück für ihn",
                # '"In anderen Lebensbereichen wäre das undenkbar."' (whose words?): only right
                # after the line that names them
                alone = False
            if alone:
                alones.setdefault(id(group), set()).add(sentence.text)
            by_key[key] = group
            # the copy that stands alone best, then the fuller one; the first of equals (as
            # max() over all copies, without going over them all again for each new copy:
            # a sentence repeated n times cost n^2 checks)
            rank = (standalone_factor(sentence.text, weights), len(words(sentence.text)))
            if len(group.occurrences) == 1 or rank > best[id(group)]:
                group.text = sentence.text
                best[id(group)] = rank
    for group in groups:
        group.alone = group.text in alones.get(id(group), ())
        _set_speaker(group, speakers)
    return groups


# "Dort" and "Hier" open on the place the sentence before named ("Dort wird ihnen vorgeworfen,
# ...", "Hier laufen Ermittlungen gegen den Hersteller": 523 corpus sentences, 28 lines of the
# corpus' briefing), unless the place follows: "Dort, wo ...", "Hier im Essener Norden ...",
# "Hier oben, im dritten Stock ...", "Dort, in seiner Heimat, ..."
_PLACE_NAMED = re.compile(
    r"^\W*(?:Dort|Hier|Dorthin)(?:,?\s+(?:wo|wohin|woher)\b|,?\s+(?:oben|unten|draußen|"
    r"drinnen|drüben)?,?\s*(?:im|in|am|an|auf|bei|beim|unter|über|vor|hinter|zwischen|nahe)\s)"
)
# a part of what the sentence before counted, among the first words: "Die größte davon ist
# ...", "Zwei davon ...", "18 Asylwerber darunter"
_PART_OF = re.compile(r"^(?:\S+\s+){1,3}(?:davon|darunter)\b")

# more of what the sentence before counted ("Fünf weitere Menschen wurden verletzt", "Ein
# weiterer Grund ..."), something that corresponds to what it said ("Auf eine entsprechende
# Frage ...", "einen entsprechenden Antrag"), and what its source said ("Die Polizei bereitet
# sich demnach auf eine Übung vor"). MLSUM and 10kGNAD sentences no rule read: 61, 21 and 251
# with "demnach" before the first comma; 36 read, all lean. "demnach" later in the sentence:
# 57 more MLSUM sentences, 20 read, 16 lean (the others name their source before it, now left
# alone: "Nach palästinensischen Angaben ... stieg die Zahl demnach ...").
_MORE_OF = re.compile(
    r"^(?:\d+|[Zz]wei|[Dd]rei|[Vv]ier|[Ff]ünf|[Ss]echs|[Ss]ieben|[Aa]cht|[Nn]eun|[Zz]ehn|[Ee]lf|"
    r"[Zz]wölf|[Ee]in|[Ee]ine)\s+weitere[nrs]?\b"
    r"|^(?:\S+\s+){0,3}(?:[Dd]er|[Dd]ie|[Dd]as|[Dd]en|[Dd]em|[Dd]es|[Ee]ine?[nmrs]?)"
    r"\s+entsprechende[nmrs]?\s+[A-ZÄÖÜ]"
    # (anywhere before the first comma: "Die Kommission hat 2016 eine entsprechende Richtlinie
    # vorgelegt.")
    r"|^[^,;:]*?\b(?:der|die|das|den|dem|des|eine?[nmrs]?|keine?[nmrs]?)\s+entsprechende[nmrs]?"
    r"\s+[A-ZÄÖÜ]"
    r"|\bdemnach\b"
)
# ... unless the sentence names the source before "demnach" ("Nach palästinensischen Angaben
# ... stieg die Zahl demnach auf 24")
_SOURCE_BEFORE = re.compile(
    r"\b(?:[Ll]aut|zufolge|Angaben|Informationen|Berichte?n?|berichte\w*|sagte\w*|teilte\w*|"
    r"hieß es|meldete\w*|schrieb\w*|erklärte\w*)\b[^.]*\bdemnach\b"
)


def _more_of(text: str) -> bool:
    """``_MORE_OF``, looked for only where its words stand (most sentences hold none)."""
    head = text[:80]
    if "demnach" in text and _SOURCE_BEFORE.search(text):
        return False
    return ("weiter" in head or "entsprechend" in text or "demnach" in text) and (
        _MORE_OF.search(text) is not None
    )


# the latter or the former of what the sentence before named, among the first three words
_LATTER = frozenset({
    "letzteres", "letztere", "letzterer", "letzteren", "letzterem",
    "ersteres", "erstere", "ersterer", "ersteren", "ersterem",
})

# like what the sentence before said: "Ähnlich äußerte sich ...", "Einen ähnlichen
# Bedeutungszuwachs hat demnach ..." (a week of SZ articles, the Shell youth study's topic)
_LIKE_BEFORE = re.compile(
    # ("hnlich": the MLSUM texts that lost their capital umlauts, 49 corpus sentences)
    r"^(?:Ähnlich|hnlich|(?:Ein|Eine|Einen|Einem|Einer)\s+ähnliche?[nmrs]?)\b"
    # what the sentence before meant: "Gemeint ist der Anteil der Militärausgaben am ..."
    r"|^Gemeint (?:ist|sind|war|waren|sei|seien)\b"
)

# as much, as many, as long or as far as the sentence before said, before the verb: "So viel
# Zeit bleibt den kurdischen Kämpfern ...", "So viele waren es nie", "So weit ist es"
# (300 random articles, seed 120901; 40 of the corpus' 64 sentences that open so); not
# before a colon ("So viel ist klar: ...") nor as a conjunction ("So lange das Angebot gilt, ...")
_AS_MUCH = re.compile(r"^So (?:viel|viele|lange|weit)(?: [A-ZÄÖÜ][\w-]+)? (?P<verb>[a-zäöüß]+)\b")


def _as_much_as_before(text: str) -> bool:
    match = _AS_MUCH.match(text)
    return match is not None and match["verb"] in finite_forms() and ":" not in text[:60]


# "therefore", "so", for what the sentence before said, among the first words of the opening
# clause: "EHC-Coach Don Jackson verordnete deshalb einigen Spielern eine Pause" (300 random
# articles, seed 120902), "Es kann also gut sein, dass ..." ("demnach" is ``_more_of``'s);
# not "deshalb, weil ...", which gives its reason itself. (About one sentence in 120 of the
# corpus; read 40, 38 lean so.)
_THEREFORE = re.compile(
    r"^(?:(?!-\s)[^\s,:;\"„“”»«–]+\s+){1,7}?"
    r"(?:deshalb|daher|deswegen|folglich|also|somit|dahingehend)\b"
    r"(?!,? (?:weil|da|dass)\b)"
)


# "likewise": the verb's "ebenfalls" among the opening clause's first words ("Das Unternehmen
# forscht ebenfalls als Quantenrechner ...", after another source's line of a Google topic, 300
# random articles, seed 120914; "Auto-Werte standen ebenfalls unter Druck."), not an
# attribute's ("nach einem ebenfalls erstaunlichen 3:3", "den ebenfalls unbekannten Jesse")
_LIKEWISE = re.compile(r"^(?:[^\s,:;\"„“”»«–]+\s+){1,6}?ebenfalls\b")


def _likewise(text: str) -> bool:
    """``_LIKEWISE``, not an attribute's: no article right before "ebenfalls" ("Die ebenfalls
    18-Jährige"), no adjective and noun after it ("den ebenfalls unbekannten Jesse")."""
    if "ebenfalls" not in text:
        return False  # (a cheap look first)
    match = _LIKEWISE.match(text)
    if match is None:
        return False
    before = text[: match.end() - len("ebenfalls")].split()
    after = text[match.end() :].split()[:2]
    if before and before[-1].casefold() in DETERMINERS:
        return False
    return not (
        len(after) == 2
        and after[0][:1].islower()
        and after[0].casefold() not in ALL_FUNCTION_WORDS
        and after[0].endswith(("e", "en", "er", "es", "em"))
        and after[1][:1].isupper()
    )


# "so etwas" for what the sentence before said ("Wer so etwas ins Spiel bringt, muss ...",
# "1000 Seiten Cameron - so etwas lese kein Mensch."), not a comparison ("so etwas wie ...")
_SUCH_A_THING = re.compile(
    r"^(?:\S+\s+){0,9}?[Ss]o (?:etwas|was)\b(?! wie\b)"
    # ... and the paper it was in: '"...", heißt es darin.' (not "darin im Bericht des ...")
    r"|\b(?:heißt|hieß) es (?:darin|dort)\b(?! (?:in|im|auf|bei)\b)"
)


def _such_a_thing(text: str) -> bool:
    """``_SUCH_A_THING`` outside quotes (a speaker's "so was" points into his own words)."""
    if not ("o etwas" in text or "o was" in text or " es d" in text):
        return False  # (a cheap look first: most sentences hold none of them)
    return _SUCH_A_THING.search(outside_quotes(text)) is not None


# a concession whose "but" the next sentence says: "Zwar haben sich auch deutsche Unternehmen
# Ethik-Richtlinien gegeben." (300 random articles, seed 120902: a topic's first line; 80 of
# the 138 sentences of 5,000 MLSUM texts that open so have no counterpart of their own), "Beim
# EU-Gipfel markierte Johnson zwar den starken Mann, ..." (seed 120904; 176 of 464 sentences
# of 4,000 texts with "zwar" later); not "und zwar", which says which
_CONCEDES = re.compile(r"^Zwar\b|(?<!und )\bzwar\b")
_BUT = re.compile(r"\b(?:aber|doch|jedoch|allerdings|dennoch|trotzdem|nur|gleichwohl)\b")


# "ja" after a word, not a yes ("ja oder nein", "ja, sagte er", "ja und amen"): a particle that
# points to what was said before (300 random articles, seed 120916: "Es bleiben ja kaum noch
# Optionen." opened a topic; 399 of 45,290 MLSUM sentences hold it, 30 read, all lean)
_AS_YOU_KNOW = re.compile(r"(?<=[\w,)]) ja (?![,.;:!?]|oder\b|nein\b|und\b)")


# a time counted from what the sentence before told: "Wenig später ...", "Zwei Stunden später
# ...", "Heute, hundert Jahre später, ..." (300 DER STANDARD articles, seed 120840: "Nur eine
# Stunde später muss der frühere Haus- und Hoflobbyist ... antreten."; 92 of 45,290 MLSUM
# sentences open so, 30 read, all lean), "Kurz darauf ...", "Tags darauf ..." (seed 120917:
# "Nur kurz darauf dann bestätigte das Unternehmen Gespräche ..."; 36 corpus sentences)
_LATER = re.compile(
    r"^(?:[A-ZÄÖÜ][a-zäöüß]*,\s+)?(?:[^\s,.;:!?\"„“]+\s+){0,3}?(?:[Ww]enige?|[Kk]urz|"
    r"(?:Sekunde|Minute|Stunde|Woche|Generation)n?|Tage?|Jahre?|Monate?|Nächte|Jahrzehnte?|"
    r"Jahrhunderte?|Saisons?|Spiele?|Runden?|Tags)\s+(?:später|darauf|danach)\b"
    # ... or as the moment it told: "Spätestens da war klar, dass ..." (a week of SZ news,
    # rows 1000-1299; not "Spätestens dann, wenn ...", which says when)
    r"|^Spätestens (?:da|dann|jetzt|hier|damit|danach|seitdem|nun)\b(?!,\s*(?:wenn|als|wo)\b)"
)


# the reason for, an example or a detail of what the sentence before told: "Grund dafür sind
# Formfehler der Partei.", "Ein Grund dafür ist, dass ...", "Ein Beispiel dafür ist ...", "Über
# die komplexen Details dazu ..." (300 DER STANDARD articles, seed 120842; 104 of the 187,018
# corpus sentences, 90 no rule read, 40 read: all but one lean), unless a clause right after
# the comma says for what ("Ein Grund dafür, dass die Preise steigen, ist ...", "ein gutes
# Beispiel dafür, wohin sich Autos entwickeln"); evidence and examples also with the verb
# between ("lässt sich als Beleg dafür deuten, dass ...": evidence that, not of what)
_CLAUSE_SAYS_WHAT = (
    r"\s*,\s*[\"„“]?(?:(?:an|in|auf|mit|von|zu|für|über|aus|bei|nach|um|durch)\s+)?"
    r"(?:dass|ob|wie|was|warum|weshalb|wer|wohin|woher|wann|wo|weil|welche[nmrs]?)\b"
)
_FOR_THAT_WORDS = r"(?:dafür|dazu|davon|darauf|darüber|dagegen|hierfür|hierzu)\b"
_FOR_THAT = rf"\s+{_FOR_THAT_WORDS}"
# (the word is asked first: the whole pattern took a sixth of _leans_on_someone's time)
_FOR_THAT_HINT = re.compile(rf" {_FOR_THAT_WORDS}")
_REASONS = (
    r"(?:Grund|Hintergrund|Anlass|Ursache|Voraussetzung|Begründung|Erklärung|Auslöser|Motiv|"
    r"Lösung)"
)
_REASON_FOR = re.compile(
    # the reason as the subject, among a clause's first words: "Grund dafür ist, dass ..."
    rf"(?:^|,\s)(?:\S+\s+){{0,2}}?{_REASONS}{_FOR_THAT}(?!{_CLAUSE_SAYS_WHAT})"
    # ... later in the sentence, with no clause after it ("was der Grund dafür sein soll,
    # dass ...": the reason that, not of what)
    rf"|\b{_REASONS}{_FOR_THAT}(?![^,]*{_CLAUSE_SAYS_WHAT})"
    r"|\b(?:Beispiel|Beleg|Indiz|Details|Einzelheiten|Gewähr|Garantie|Hinweise?|Beweise?|"
    rf"Anzeichen){_FOR_THAT}(?![^,]*{_CLAUSE_SAYS_WHAT})"
)

# what stands against what the sentence before told, among the first words: "Umweltverbände
# dagegen kritisierten die Minderung als unzureichend.", "Gold hingegen verbilligte sich um 0,8
# Prozent", "Das wiederum bedeutete, ..." (seed 120842: "Im Gegenteil: immer öfter gibt es
# Spott." after another source's line; 459 corpus sentences, 40 of the 416 no rule read
# read: all but three lean on the other side of the contrast)
_CONTRAST = re.compile(
    r"^(?:(?:Ganz )?[Ii]m Gegenteil\b|(?:[^\s,.;:!?]+\s+){1,3}?(?:dagegen|hingegen|wiederum)\b"
    r"(?!\s*[,:]))"
)

# the predecessor or successor of whom the sentence before named: "Vorgänger Carsten Sieling
# hatte sich zurückgezogen." (300 DER STANDARD articles, seed 120843: the first line of a topic
# on Bremen's new mayor), "Nachfolger wird John Donahoe, ..." (not "Nachfolger von Coats")
_WHOSE_SUCCESSOR = re.compile(
    r"^(?:Vorgänger|Nachfolger)(?:in)?\b(?!\s+(?:von|des|der)\b)(?!\s*:)(?!\s+mit\b)"
)

# how the scene the sentence before told looked: "Es war, als der Ravensburger Emanuel Buchmann
# das Tempo ... an den Anschlag trieb, ..." (a week of SZ news, rows 7000-7299, after another
# source's line of the Tour de France), "Es wirkte, als wüsste er mehr." (40 of the 187,018
# corpus sentences, all read: all but two lean, "Es scheint, als ob sich die SPD regelrecht
# dagegen sträubt, wiederbelebt zu werden." would stand; "Es geht darum, wie ..." is no such)
_AS_IF = re.compile(
    r"^Es (?:war|ist|wäre|wirkte|wirkt|schien|scheint|klang|klingt|sah|sieht|fühlte|fühlt)"
    r"(?: (?:fast|so|beinahe|eher|aus))*, (?:als|wie wenn)\b"
)


# "es" and a noun phrase it names: "Es war eine Meldung, über die sich die gesamte
# Reisegruppe ... überrascht äußerte." (a week of SZ news, rows 7000-7299), "Es ist der
# zweite in der türkischen Hauptstadt innerhalb von vier Monaten." (300 DER STANDARD
# articles, seed 120840)
_IT_WAS = re.compile(
    r"^Es (?:ist|war|sei|wäre|bleibt|blieb|wurde|wird)"
    r"(?: (?:nun|jetzt|also|nicht|bereits|schon|erst|wieder|auch|zwar|damit|wohl|ja))*"
    r" (?:der|die|das|ein|eine|einer|eines|sein|seine|seiner|seines|ihr|ihre|ihrer|ihres)\b"
)
# ... unless what follows says what "es" is: a clause after the first comma ("dass", "wenn",
# "ob", "wie" ..., also after who says it: "Es sei ein wichtiges Thema, sagt Achleitner, dass
# ..."; not one inside a relative clause: "Es war der Auftakt eines Austausches, der zeigte,
# dass ..."), an infinitive at the end ("Es ist eine Ehre, hier zu spielen."), "Es ist ein Jahr
# her, da ..."
_WHAT_FOLLOWS = re.compile(
    r"^[^,]*, (?:(?:sagt|sagte|so)\b[^,]*, )?(?:dass|wenn|ob|wie|was|wer|wo|als|da)\b"
    r"|\bzu [a-zäöüß]+(?:en|n)\W*$| her\b"
)


# where a main clause could start after a subordinate one: "Dass er kam, freute alle."
_MAIN_CLAUSE_HINT = re.compile(r"[:;?\"„“”»«]| [-–] ")
# ... after a comma, unless another subordinate clause follows it: "Weil Nicolas Gonzalez im
# Abseits stand, als der Mitspieler Aogo ins Tor traf." (a week of SZ sports news printed it)
_CLAUSE_AFTER_COMMA = re.compile(
    r",\s+(?!(?:als|wenn|wie|dass|ob|weil|da|damit|nachdem|bevor|obwohl|während|bis|seit|"
    r"der|die|das|den|dem|deren|dessen|denen|welche[rsmn]?|wo|wobei|um|ohne|statt|und|oder|"
    r"sondern|aber|sowie)\b)[a-zäöüß]"
)


# the prepositions and contractions of a "bis" phrase before a noun: "Bis zum Wochenende ..."
_UNTIL_PREPOSITIONS = PREPOSITIONS | {"zum", "zur", "vor"}


def _speaker_by_age(text: str) -> bool:
    """The sentence's speaker is named by age only: whom the sentence before named ("Seine
    Mannschaften seien immer unter den fairsten gewesen, sagte der 55-Jährige am Sonntag.",
    '"Ich stehe lieber in der Halle", sagt der 55-Jährige.'). A story of several articles
    printed "An seine Privatadresse sei ... ein Paket ... geschickt worden, berichtete der
    45-Jährige." under another article's line (300 random articles, seed 120938)."""
    if "hrig" not in text and "Jahre alt" not in text:
        return False  # (a cheap look first: the speaker patterns are slow)
    speaker = report_speaker(text) or quote_speaker(text)
    return speaker is not None and by_age_only(speaker)


def _until_alone(text: str) -> bool:
    """A "bis" clause with no main clause: "Bis Trump sein Dekret am Rande des G-20-Gipfels Anfang
    Juli teilweise ausgesetzt hat." (a Huawei topic's line in 300 random articles, seed 120933),
    "Bis die Blase platzt." Its finite verb ends it, and no comma or colon leads on to a main
    clause; not "bis" as a preposition, whose phrase a finite verb follows ("Bis dahin hat von der
    Leyen ... zu tun.", "Bis zum Wochenende waren ... verkauft."). (An "-en" verb at the end may be
    an infinitive: "Bis 2022 sollten ... finanziert werden.") 11 corpus sentences."""
    if not text.startswith("Bis ") or "," in text or _MAIN_CLAUSE_HINT.search(text):
        return False
    opening = text.rstrip(" .!").split()
    verbs = finite_forms()
    last = opening[-1]
    if len(opening) < 3 or last not in verbs or last.endswith("en"):
        return False
    if len(opening) > 3 and opening[2] in verbs:
        return False  # "Bis dahin hat ...", "Bis Montagmittag haben ..."
    # "Bis zum Wochenende waren ..."
    return not (len(opening) > 4 and opening[1] in _UNTIL_PREPOSITIONS and opening[3] in verbs)


def _so_as_before(text: str) -> bool:
    """ "So" and a finite verb open the sentence: it tells what follows from the sentence before
    or gives an example of it ("So endete diese Begegnung remis, obwohl ..." stood in an
    Unterhaching topic under another match's line, 300 random articles, seed 120935; "So
    gewannen die Aktien von Infineon zeitweise 0,7 Prozent", "So seien etwa klarere Sanktionen
    nötig"). Not before a colon among its first words ("So sehen Sieger aus: ...")."""
    if not text.lstrip().startswith("So"):
        return False  # (most sentences: a cheap look first)
    opening = text.split(None, 8)
    return (
        len(opening) > 2
        and opening[0] == "So"
        and opening[1].islower()
        and opening[1] in finite_forms()
        and opening[1] not in _SO_CONJUNCTIONS
        and not _COLON.search(" ".join(opening[:8]))  # (a score's "2:0" is no colon)
    )


_COLON = re.compile(r":(?:\s|$)")
# "So lange das Angebot lief, ...": "solange" written apart (the mined verbs hold "lange")
_SO_CONJUNCTIONS = frozenset({"lange", "bald", "weit", "fern", "oft", "viel", "wenig"})


def _clause_on_that(text: str) -> bool:
    """A clause that opens the sentence holds "das" or "dies" as a pronoun for what the
    sentence before said, a verb and the clause's comma right after it: "Ob sich das ändert,
    ist offen." (a claim of a von der Leyen topic, 300 random articles, seed 120935), "Ob das
    gelingt, ist fraglich.", "Wie das funktioniert, ...". Not "das" as an article ("Ob das
    Gesetz reicht, ...") nor before a relative clause that says what ("..., was ...")."""
    match = _CLAUSE_ON_THAT.match(text)
    return match is not None and not _RELATIVE_NEXT.match(text, match.end())


_CLAUSE_ON_THAT = re.compile(
    r"(?:Ob|Wie|Wann|Warum|Weshalb|Wieso|Inwieweit|Wo|Wer|Wenn|Falls|Dass|Weil|Solange|Sobald)"
    r"\s+(?:\S+\s+){0,3}?(?:das|dies)\s+(?:[a-zäöüß]+\s+){0,2}?[a-zäöüß]+,"
)
_RELATIVE_NEXT = re.compile(r"\s*(?:was|der|die|das|den|dem|wo|wie)\b")


def _leans_on_someone(text: str) -> bool:
    """Whom the sentence before named, by age (also as the speaker: "..., sagte der
    55-Jährige"), origin or pronoun ("Der 62-Jährige ...", "Der Brite siegte ...", "2015 hatte
    er ...", "Glück für ihn", "Für die Kommunen ist sie ..."), unless the sentence says who
    speaks, or what it said by a word that leans on it (lexicon.LEANS_BACK: the
    reason, "Denn der eine hat etwas, was der andere gerne hätte."; "Hierzu ...", "Letzteres ...",
    "Zum Vergleich: ..."; a demonstrative after a preposition, "Aus diesem Grund ...", or after the
    opening clause's verb, "... ist das noch immer nicht klar"; "diese" alone, "Wenn diese
    zustimmen"; a part or more of what it counted, "Die größte davon ...", "Fünf weitere ..."; what
    its source said, "demnach"; "Ähnlich ..."; a subordinate clause alone, "Obwohl angeblich alle
    Details klar waren.", "Bis die Blase platzt."; no main clause with a verb at all, "Ein Mann, der
    sich in beiden Welten auskannte.", ``lacks_main_verb``; others than it named, "Andere sehen
    ..."; what it told as known, "Es bleiben ja kaum noch Optionen."; a time counted from it, "Wenig
    später ..."; what it told, "Es war das dritte Remis in Folge.", "Es wirkte, als ..."; the place
    it named, "Dort ...", "Hier ..."; what it said, by a pronominal adverb after the verb, "Es geht
    dabei um ..."; what it set against or beside this, "Stattdessen ...", "Solche ...", "Diesmal
    ..."; what it meant, "Gemeint ist ..."; whose the possessive is, "Auf ihren Wunsch hin ..."): no
    line shown without the sentence before it (a story of several articles, a lone article's one
    line). (One article's summary may keep them: leaving out "Denn" there cost the tests' validation
    slice 0.0005 of ROUGE-1, "Hierzu" and "Letzteres" 0.0002, the subordinate clauses 0.0004.)"""
    opening = [word.strip(",:;").casefold() for word in text.split(maxsplit=3)[:3]]
    first = opening[0] if opening else ""
    return (
        first in LEANS_BACK and _PLACE_NAMED.match(text) is None
        # phrases: "Zum Vergleich: ...", "Im Gegensatz dazu ...", "Und, zweitens, ..."
        or any(" ".join(opening[:n]) in LEANS_BACK for n in (2, 3))
        or opens_on_demonstrative(text)
        or demonstrative_after_verb(text)
        or demonstrative_pronoun(text)
        or _PART_OF.match(text) is not None
        or _LIKE_BEFORE.match(text) is not None
        or not _LATTER.isdisjoint(opening)  # "Vor allem Letzteres hinterlasse Spuren ..."
        or _more_of(text) and not _says_who(text)
        or first in SUBORDINATORS
        and not (_MAIN_CLAUSE_HINT.search(text) or _CLAUSE_AFTER_COMMA.search(text))
        or _until_alone(text)
        or _so_as_before(text)
        or _clause_on_that(text)
        or person_by_age(text)
        or _speaker_by_age(text)
        or person_by_origin(text)
        or (
            person_by_pronoun(text)
            or pronoun_after_verb(text)
            or possessive_phrase_unnamed(text)
        )
        and not _says_who(text)
        or pronominal_adverb_after_verb(text)
        or lacks_main_verb(text)
        or _as_much_as_before(text)
        or _THEREFORE.match(text) is not None
        or _likewise(text)
        or _such_a_thing(text)
        or _CONCEDES.search(text) is not None and _BUT.search(text) is None
        or _knows_already(text)
        or _LATER.match(text) is not None
        or _FOR_THAT_HINT.search(text) is not None and _REASON_FOR.search(text) is not None
        or _CONTRAST.match(text) is not None
        or _WHOSE_SUCCESSOR.match(text) is not None
        or _AS_IF.match(text) is not None
        or _it_was(text)
    )


def _it_was(text: str) -> bool:
    """ "Es war das dritte Remis in Folge.", "Es ist der zweite in der türkischen Hauptstadt
    innerhalb von vier Monaten.": "es" is what the sentence before told, unless a clause after
    it says what ("Es war ein Schock, dass ...", "Es ist eine Ehre, hier zu spielen.")."""
    return _IT_WAS.match(text) is not None and _WHAT_FOLLOWS.search(text) is None


def _knows_already(text: str) -> bool:
    """The particle "ja" outside quotes: the sentence speaks of what the reader of its article
    already knows from it ("Es bleiben ja kaum noch Optionen.", "Tatsächlich gibt es ja auch
    Ermutigendes zu berichten.")."""
    return " ja " in text and _AS_YOU_KNOW.search(outside_quotes(text)) is not None


def _writers_own(sentence: Sentence) -> bool:
    """A question of the writer's ("Wird nun alles besser in der Notaufnahme?"; a quote's
    question ends in its quotation mark) or a sentence in the first person outside quotation
    marks (an interview's answer, "Ich weiß gar nicht, was ich fühle"): no line of a story told
    from several sources, where nothing says whose it is. One article's summary keeps them:
    its questions are often its point, and its voice is the article's (leaving the questions
    out cost the single-article ROUGE on the 21 dev articles 0.9 points of ROUGE-1 and 1.9 of
    ROUGE-2, the first person 0.03 of ROUGE-1 on 200 validation articles). "Wir" is left out
    only when the sentence does not say who speaks ("Wir haben gewonnen, sagte Trainer Fink"
    stays): in the corpus' stories 111 of 133 such lines said nobody (interview answers, the
    paper's own notes, "Heute beginnen wir, Christopher Gerards und ...")."""
    text = sentence.text
    if text.rstrip().endswith("?") or first_person(text) or INTERVIEWER.match(text):
        return True  # (an interviewer's words are the paper's too: "STANDARD: ...")
    return first_person_plural(text) and not _says_who(text)


def _says_who(text: str) -> bool:
    """The sentence names who speaks in it (", sagte Barisic.", "Laut Klöckner sind wir ...")."""
    return (
        names_own_speaker(text)
        or report_speaker(text) is not None
        or quote_speaker(text) is not None
        or _ACCORDING_TO.search(text) is not None
    )


def other_ticker_items(articles: list[Article], stop: frozenset[str]) -> set[tuple[str, int]]:
    """(article id, sentence index) of the sentences of a news ticker's items that are not the
    story's (``briefing.cues.tickers``): of a ticker in a story of several articles, only the
    item that shares the most words with the story's other articles is the story's. (A ticker
    alone keeps all its items: nothing tells which one a reader wants.)"""
    if len(articles) < 2:
        return set()
    # (the quotes ask again for the topic whose summary asked last: the same articles with
    # the same blocks and ids, and the same stop words, give the same items)
    asked = tuple((a, tuple(a.blocks), a.id) for a in articles)
    if _LAST_TICKERS and _LAST_TICKERS[0] == (asked, stop):
        return set(_LAST_TICKERS[1])
    off: set[tuple[str, int]] = set()
    for article in articles:
        sentences = labelled_sentences(article)  # (the items' labels are apart from the lines)
        items = ticker_items(sentences)
        if items is None:
            continue
        others = set().union(
            *(word_set(s.text) for a in articles if a is not article for s in article_sentences(a))
        ) - stop
        item_words: dict[int, set[str]] = {}
        for sentence, item in zip(sentences, items):
            item_words.setdefault(item, set()).update(word_set(sentence.text) - stop)
        best = max(item_words, key=lambda k: (
            len(item_words[k] & others) / max(len(item_words[k]), 1) ** 0.5, -k))
        off.update((article.id, s.index) for s, item in zip(sentences, items) if item != best)
    _LAST_TICKERS[:] = [(asked, stop), frozenset(off)]
    return off


# other_ticker_items' last question and answer
_LAST_TICKERS: list = []


def _article_speakers(article: Article) -> dict[tuple[str, int], str | None]:
    """(article id, sentence index) -> who speaks in each sentence of the article that does not
    name its speaker: reported speech and '"…", sagte er.' (None: nobody can be told)."""
    found = reported_speakers(article_sentences(article))
    body = article.body if found else ""
    return {(article.id, i): resolve_role(name, body) if name else None for i, name in found.items()}


def _set_speaker(
    group: SentenceGroup, speakers: dict[tuple[str, int], str | None] | _LazySpeakers
) -> None:
    """The speaker of a group that reports speech without naming them, from its copies; a
    quote whose speaker is only a pronoun that nobody before it resolves stands alone no more."""
    pronoun = pronoun_attribution(group.text)
    if (pronoun or reported_speech(group.text)) and speakers:  # (speakers: maybe lazy)
        group.speaker = next(
            (
                speakers[s.article_id, s.index]
                for s in group.occurrences
                if speakers.get((s.article_id, s.index))
            ),
            None,
        )
    if pronoun and group.speaker is None:
        group.alone = False


def first_group(article: Article, weights: Weights = DEFAULT_WEIGHTS) -> SentenceGroup | None:
    """The first group of ``group_sentences([article])`` that may stand alone (or None),
    without building the other groups.

    A lone article under "Weitere Meldungen" shows its first candidate sentence only, after
    its title: like a line among several articles it must not lean on someone a sentence
    before named ("Ich kenne ihn von seiner Zeit in Basel", "Der 62-Jährige ...";
    ``_leans_on_someone``), so the group starts at the first sentence that does not. Most
    of a folder's articles are such lone ones, so this follows group_sentences step for step
    for the first group alone: a later sentence joins it under the same rules (same key, or
    near-duplicate of its text among the groups that share enough words, the first group
    coming first), so text and sources are the same. (A copy that may not stand alone and
    comes before the first that may is left out of its occurrences.)
    """
    stop = german_stop_words()
    first: SentenceGroup | None = None
    first_words: frozenset[str] = frozenset()
    joins: dict[str, bool] = {}  # sentence key -> whether its sentences are in the first group
    # key -> sentences after the first group's start that would have set joins[key] to False
    # had they been candidates: whether they are is asked only if a later copy needs it
    unasked: dict[str, list[int]] = {}
    alone_texts: set[str] = set()
    speakers = _LazySpeakers(article)
    sentences = article_sentences(article)
    for i, sentence in enumerate(sentences):
        if first is None:
            if not (
                _candidate_at(article, sentences, i)
                and stands_alone(sentence.text)
                and _attributed(sentence, speakers)
                and not _leans_on_someone(sentence.text)
            ):
                continue
            first = SentenceGroup(sentence.text)
            first_words = word_set(sentence.text) - stop
            joined = True
            joins[sentence_key(sentence.text)] = True
        else:
            # After the first group's start only its copies matter. Most sentences share too
            # few words with it to join whether they are candidates or not, and the candidate
            # checks (a third of a folder's summaries when asked of every sentence) are asked
            # only of the sentences that may join: the same group as asking first.
            key = sentence_key(sentence.text)
            joined = joins.get(key)
            # an earlier copy decides if it was a candidate (as the first copy does)
            if joined is None and key in unasked and any(
                _candidate_at(article, sentences, j) for j in unasked.pop(key)
            ):
                joined = joins[key] = False
            if joined is False:
                continue
            if joined is None:
                content = word_set(sentence.text) - stop
                # group_sentences counts shared words through its postings; the first group
                # is posted under the content words of its first text
                if len(content & first_words) < weights.duplicate * len(content) * 0.5:
                    unasked.setdefault(key, []).append(i)
                    continue
                if not _candidate_at(article, sentences, i):
                    continue
                joined = is_near_duplicate(first.text, sentence.text, weights.duplicate)
                joins[key] = joined
            elif not _candidate_at(article, sentences, i):
                continue
        if joined:
            first.occurrences.append(sentence)
            if stands_alone(sentence.text):
                alone_texts.add(sentence.text)
            first.text = max(
                (s.text for s in first.occurrences),
                key=lambda t: (standalone_factor(t, weights), len(words(t))),
            )
    if first is not None:
        first.alone = first.text in alone_texts
        _set_speaker(first, speakers)
    return first


class _LazySpeakers:
    """``_article_speakers(article)``, worked out when first asked: a lone article's lead line
    (``first_group``) seldom needs to know who speaks, and finding out reads every sentence."""

    def __init__(self, article: Article) -> None:
        self._article = article
        self._found: dict[tuple[str, int], str | None] | None = None

    def _speakers(self) -> dict[tuple[str, int], str | None]:
        if self._found is None:
            self._found = _article_speakers(self._article)
        return self._found

    def __bool__(self) -> bool:
        return bool(self._speakers())

    def __getitem__(self, key: tuple[str, int]) -> str | None:
        return self._speakers()[key]

    def get(self, key: tuple[str, int]) -> str | None:
        return self._speakers().get(key)


def _attributed(
    sentence: Sentence, speakers: dict[tuple[str, int], str | None] | _LazySpeakers
) -> bool:
    """False for a quote whose speaker is only a pronoun that nobody before it resolves."""
    return not pronoun_attribution(sentence.text) or bool(
        speakers.get((sentence.article_id, sentence.index))
    )


def follows_antecedent(group: SentenceGroup) -> bool:
    """Whether a group that cannot stand alone may stand right after the sentence before it:
    it points back to that sentence ("Darauf einigten sich ..."), and is neither a part of a
    quote that runs on nor a quote whose speaker is an unresolved pronoun."""
    return not (group.alone or unbalanced_quote(group.text) or pronoun_attribution(group.text))


def previous_groups(groups: list[SentenceGroup]) -> dict[int, SentenceGroup]:
    """id(group) -> the group of the sentence right before its first occurrence (in reading
    order of the articles), for a group that has one and shows that very sentence (a group
    that shows another outlet's wording of it is no antecedent to print before it)."""
    at: dict[tuple[str, int], tuple[SentenceGroup, str]] = {}
    for group in groups:
        for occurrence in group.occurrences:
            at[(occurrence.article_id, occurrence.index)] = (group, occurrence.text)
    previous: dict[int, SentenceGroup] = {}
    for group in groups:
        first = min(group.occurrences, key=lambda s: (id_number(s.article_id), s.index))
        found = at.get((first.article_id, first.index - 1))
        if found is not None and found[0] is not group and found[0].text == found[1]:
            previous[id(group)] = found[0]
    return previous
