"""Multi-source extractive summaries: merged sources, LexRank with a lead prior, no repetition."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from briefing.core.models import Article, Sentence, SummaryItem, Topic
from briefing.core.sentences import article_sentences, ends_sentence, words

DEFAULT_SENTENCES = 10
MAX_CLUSTERED = 4000  # candidate sentences up to which a topic is split into subtopics
_NORMALIZE = re.compile(r"[\W_]+")
_NEGATIONS = frozenset(
    {"nicht", "kein", "keine", "keinen", "keinem", "keiner", "nie", "niemals", "weder"}
)
_NUMBER = re.compile(r"\b\d+(?:[.,]\d+)?\b")
_YEAR_LIKE = re.compile(r"(?:19|20)\d\d")
_QUOTED = re.compile(r"[«\"„“”»‚‘’‹›]([^«\"„“”»‚‘’‹›]+)[«\"„“”»‚‘’‹›]")

# First words that point back to an earlier sentence: the sentence cannot stand alone.
_ANAPHORA_WORDS = """
    er sie ihr ihm ihn ihnen sein seine seiner seinem seinen ihre ihrer ihrem ihren dies diese
    dieser dieses diesem diesen damit dabei dadurch dafür dagegen daher darum deshalb deswegen
    dazu danach davor dort dorthin hier auch zudem außerdem ausserdem ebenfalls demnach jedoch
    aber doch denn und oder sondern trotzdem dennoch stattdessen allerdings solche solcher
    derartige jener jene diesmal damals daraufhin anschließend anschliessend
"""
ANAPHORA = frozenset(_ANAPHORA_WORDS.split())
# "Das"/"Dem" starting a sentence are demonstratives ("Das berichtet der Spiegel") when a
# verb follows directly; as articles ("Das abgeschottete Nordkorea") they are fine ...
_DEMONSTRATIVE = re.compile(
    r"^(?:Das|Dem|Denen|Deren|Dessen)\s+(?:ist|war|sei|wäre|hat|habe|"
    r"hatte|wird|werde|würde|kann|könne|könnte|soll|sollte|muss|"
    r"bedeutet|berichtet|sagt|sagte|zeigt|zeige|gilt|geht|heißt|"
    r"meldet|schreibt|schrieb|erklärt|erklärte)\b"
)
# ... and so are they before a lower-case word with no noun after it ("Das stimmt so nicht").
_DEMONSTRATIVE_PHRASE = re.compile(r"^(?:Das|Dies)\s+[a-zäöüß]\S*[\s,.]+(?:[a-zäöüß]|$)")
# Teasers and page furniture that the cleaner may leave glued to a sentence.
_TEASER = re.compile(
    r"^(?:Das Wichtigste in Kürze|Der Überblick|Lesen Sie|Hier (?:siehst du|sehen Sie)|"
    r"Mehr zum Thema|Video:|Bild:|Foto:|Auch interessant|Update:)",
    re.IGNORECASE,
)
# The reader addressed directly ("Hier siehst du ...", "Wie könnte er auch anders").
_READER = re.compile(r"\b(?:du|dich|dir|dein|deine|euch|euer)\b", re.IGNORECASE)
# Page furniture that the cleaner may leave in an article's body: the reader addressed
# formally (a capital "Sie"/"Ihnen" after the first word: "Dann schreiben Sie uns", "Verpassen
# Sie keine Folge"), e-mail and web addresses, a podcast's or newsletter's own lines.
_FURNITURE_HINT = re.compile(r"@|www\.|http|[Pp]odcast|Newsletter")  # in every _FURNITURE match
_FORMAL_YOU = re.compile(r"(?<=\W)(?:Sie|Ihnen|Ihr|Ihre|Ihrer|Ihrem|Ihren)\b")
_FURNITURE = re.compile(
    r"\S@\S|\bwww\.|https?://"
    r"|[Nn]achrichtenpodcast|\bPodcast erscheint\b|\bunsere[nmr]? (?:Podcasts?|Newsletter)\b"
)
# A generic truth about the story's actors rather than news ("Die Beziehung ... besteht schon
# lange", "werden nicht müde, ihre guten Beziehungen zu loben", "gilt seit langem als").
_GENERIC = re.compile(
    r"\b(?:schon lange|seit langem|seit Langem|seit jeher|nicht müde|traditionell)\b"
)
# Subjunctive I in the first words: the sentence reports someone's words ...
_REPORTED = re.compile(
    r"^(?:\S+\s+){0,3}(?:sei|seien|habe|gehe|werde|könne|müsse|solle|wolle|dürfe|möge|gebe|"
    r"stehe|liege|bleibe|komme|brauche|gelte|fehle|drohe|lasse|wisse|sehe|halte|trage|zeige|"
    r"biete|plane|führe|bringe|erwarte|rechne|setze|suche|finde|helfe|gehöre|handle|hänge|"
    r"verfüge|arbeite|mache|nehme|spreche|treffe|erhalte|beginne|entscheide|fordere)\b"
)
# ... and this names who says them.
_ATTRIBUTION = re.compile(
    r"\b(?:sagte|sagt|erklärte|erklärt|so|[Ll]aut|zufolge|teilte|berichtete|hieß es|"
    r"betonte|schrieb|meinte|[Nn]ach Angaben)\b"
)
_LATE_PRONOUN = re.compile(r"^(?:\S+\s+){1,3}(?:er|sie|ihn|ihm|ihnen|dortige\w*)\b")
# Back-references later in the sentence: "folgte dieser Auffassung nicht", "kann damit wie
# geplant stattfinden", "dürfen das Gebiet deshalb nicht betreten", "..., sagte sie". Time
# words after "diese" ("diese Woche") point at the calendar, not at an earlier sentence, and
# "..., damit" after a comma is the conjunction "so that".
_BACK_REFERENCE = re.compile(
    r"\b(?:dieser|diese|dieses|diesem|diesen|jener|jene|jenes|jenem|jenen)\s+"
    r"(?!(?:Woche|Wochen|Jahr|Jahres|Jahre|Monat|Monats|Monate|Tag|Tage|Tages|Sommer|Winter|"
    r"Herbst|Frühling|Frühjahr|Saison|Zeit|Nacht|Abend|Morgen|Wochenende|Montag|Dienstag|"
    r"Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)\b)[A-ZÄÖÜ]"
    r"|(?<!,\s)\b(?:damit|deshalb|deswegen|daher|dadurch|somit|trotzdem|dennoch)\b"
    r"|\b(?:sagte|sagt|so|erklärte|betonte|meinte|fügte)\s+(?:er|sie)\b"
    # "Beide Länder haben eine solche Kooperation bestritten", "Schon damals hatte Kim ..."
    r"|\b(?:solche|solchen|solcher|solches|damals|seinerzeit)\b"
    # a statement continued from the sentence before: "teilte der Kreml weiter mit", "hieß es
    # weiter", "sagte Putin weiter"
    r"|\b(?:teilte|teilten|hieß|sagte|sagten|erklärte|erklärten|schrieb|berichtete|betonte)"
    r"(?:\s+[\w-]+){1,3}?\s+weiter\b"
)
# A guess or hearsay rather than a reported fact ("dürfte es vor allem um Waffen gehen",
# "ein möglicher Vertrag", "Es wird erwartet, dass", "sollen ... vereinbart worden sein"):
# reports of what happened come first (hearsay has its section, "Unbestätigt und umstritten").
_SPECULATION = re.compile(
    r"\b(?:dürfte|dürften|könnte|könnten|wohl|[Vv]ermutlich|[Ww]ahrscheinlich|"
    r"[Vv]oraussichtlich|[Mm]öglicherweise|mögliche|möglicher|möglichen|mögliches|"
    r"[Ee]s wird erwartet|wird erwartet|werden erwartet|erwartet,? dass|"
    r"(?:nehmen|nimmt) an,? dass|vermuten|vermutet)\b"
    # hearsay, not a plan: "sollen ... vereinbart worden sein" (a plan, "soll am Donnerstag
    # beginnen", is what a strike report leads with)
    r"|\b[Ss]oll(?:en|te|ten)?\b[^.;:]*?\b(?:worden sein|gewesen sein|haben|sein)\b"
    # hearsay passed on ("Südkoreanischen Quellen zufolge", "Medienberichten zufolge") and
    # what would happen if ("Offizielle Rüstungsabkommen ... würden die Resolutionen verletzen")
    r"|\b(?:Quellen|Berichten|Medienberichten|Informationen|Kreisen)\s+zufolge\b"
    r"|\b(?:würde|würden|wäre|wären)\b"
)
# An accusation the sources pass on ("Pjöngjang wird vorgeworfen, Russland ... zu unterstützen"):
# a claim, which "Unbestätigt und umstritten" shows; a subtopic offers what the reports state
# first ("Russland brauche Nordkoreas Waffenlieferungen - Nordkorea seinerseits ...").
_ACCUSED = re.compile(r"\b(?:wird|werden|wurde|wurden) (?:[\w-]+ ){0,3}vorgeworfen\b")


@dataclass(frozen=True)
class Weights:
    """Tunables of sentence scoring.

    The defaults are the ones measured for single articles (``benchmarks/rouge.py``);
    ``TOPIC_WEIGHTS`` are set by reading multi-source briefings, which ROUGE cannot score here.
    """

    position: float = 0.8  # share of the score that follows the lead prior (0 = LexRank only)
    half_life: float = 3.0  # sentence index at which the lead prior has halved
    dangling: float = 0.5  # factor for a sentence that points back ("Er", "Dies", "Damit")
    question: float = 0.3  # factor for a question to the reader
    quoted: float = 0.5  # factor for a sentence that is mostly a direct quote: summaries state
    # facts in the reporters' words (the briefing has a section for quotes)
    sources: float = 0.15  # bonus per further outlet carrying the sentence (multi-source)
    redundancy: float = 0.4  # similarity (``Similarity``) above which two say the same
    duplicate: float = 0.8  # word overlap above which two sentences are one (syndicated copy)
    ubiquity: float = 1.0  # share of sentences from which a word is left out of centrality
    centrality: float = 1.0  # exponent on LexRank centrality (below 1 tempers its weight)
    subtopic_cut: float = 0.9  # cosine distance at which sentences fall into different subtopics
    relative_half_life: float = 0.0  # > 0: the lead prior halves every this share of an
    # article's length (articles of 10 and of 40 sentences alike), not every ``half_life`` lines
    speculation: float = 1.0  # factor for a guess or plan ("dürfte", "soll ... eintreffen")
    covered: float = 1.0  # < 1: a subtopic's weight after each item it gave (multi-source)
    back_reference: float = 1.0  # < 1: factor for a back-reference later in the sentence
    generic: float = 1.0  # < 1: factor for a generic truth ("besteht schon lange")
    furniture: float = 1.0  # < 1: factor for page furniture ("Dann schreiben Sie uns: ...")
    atypical: float = 0.5  # a subtopic's sentences rank by score x (this + how typical they
    # are of it): lower, and an aside that clustering chained in speaks for it less
    heads: int = 1  # > 1: a subtopic offers the one of its first this many sentences that
    # adds most to the picks (1: always its best-ranked one)
    facts: float = 0.0  # > 0: exponent on how much a head says (its fact words' worth
    # against the mean sentence's): a line with one fact waits behind one with several


DEFAULT_WEIGHTS = Weights()
# Several articles: every lead would win under the single-article prior, and the leads of five
# reports on one story say the same thing; centrality and outlets count more.
# LexRank's centrality also favours the generic lines every report repeats ("the relations
# are close"), so it is tempered (square root) and subtopics are weighed by their outlets.
# The lead prior is relative to each article's length, and facts that several outlets
# report late (what comes next) still reach the briefing; guesses made before an event
# give way to what the reports say happened; a covered subtopic waits for the uncovered.
# Measured since (benchmarks/multidoc.py: nugget recall of the summary on 11 stories, our
# annotations): the rest are the sweep's best on its dev half among the settings whose seeds
# briefing keeps what tests/unit/test_summarize.py asks of it (`--sweep`).
TOPIC_WEIGHTS = Weights(
    position=0.3,
    half_life=6.0,
    centrality=0.5,
    ubiquity=0.05,
    relative_half_life=0.6,
    speculation=0.6,
    covered=0.35,
    back_reference=0.5,
    generic=0.5,
    furniture=0.3,
    facts=1.0,
    atypical=0.1,
)


@dataclass
class SentenceGroup:
    """One sentence and every place it stands, near-identical copies in other outlets included."""

    text: str
    occurrences: list[Sentence] = field(default_factory=list)
    score: float = 0.0  # centrality x quality: the sentence's worth on its own
    centrality: float = 0.0  # LexRank centrality, 1.0 for the most central sentence
    quality: float = 1.0  # lead prior x stand-alone factor (x outlets, x quote share)
    speaker: str | None = None  # who says it, when it reports speech without naming them

    @property
    def sources(self) -> list[str]:
        return sorted({s.article_id for s in self.occurrences}, key=_id_number)

    @property
    def first_seen(self) -> tuple[int, int]:
        return min((_id_number(s.article_id), s.index) for s in self.occurrences)

    @property
    def best_index(self) -> int:
        """The earliest position it takes in any article (news put key facts first)."""
        return min(s.index for s in self.occurrences)


def _id_number(article_id: str) -> int:
    return int(article_id[1:]) if article_id[1:].isdigit() else 0


def sentence_key(text: str) -> str:
    """A key under which the same sentence in two outlets is equal (case, quotes, spaces)."""
    return _NORMALIZE.sub(" ", text.casefold()).strip()


def is_candidate(text: str) -> bool:
    """A sentence that can stand in a summary: prose of a sensible length, not a fragment."""
    found = words(text)
    if not 6 <= len(found) <= 60 or not ends_sentence(text):
        return False
    if text.rstrip().endswith((":", ";")) or text[:1].islower():
        return False
    # a caption cut at an abbreviation: "Im September war Kim Jong-un (m.l.)"
    return len(found[-1]) > 1 or text.rstrip(")»\"“”' ").endswith(("!", "?"))


def standalone_factor(
    text: str, weights: Weights = DEFAULT_WEIGHTS, attributed: bool = False
) -> float:
    """1.0 for a sentence a reader understands alone, less for one that points back or asks.

    ``attributed``: the sentence is reported speech whose speaker the briefing names beside
    it (``reported_speakers``), so it does not point back.
    """
    return _standalone_factor(text, weights, attributed)


def reported_speech(text: str) -> bool:
    """True for reported speech that does not name its speaker ("Es gehe um ...")."""
    stripped = text.lstrip("«»\"„“”'‚‘ ")
    return _REPORTED.match(stripped) is not None and _ATTRIBUTION.search(stripped) is None


def reported_speakers(sentences: list[Sentence]) -> dict[int, str]:
    """Who says each statement of an article that reports speech without naming its speaker.

    The speaker stands in the sentence before, in the same paragraph: "Nordkorea-Experte
    Koh Yu Hwan ... erklärte gegenüber der Nachrichtenagentur AFP, Moskau und Pjöngjang seien
    aufeinander angewiesen. Russland brauche Nordkoreas Waffenlieferungen ..." (a report
    running over several sentences keeps its speaker). Sentence index -> speaker.
    """
    from briefing.core.sections import names_own_speaker, report_speaker

    found: dict[int, str] = {}
    for i in range(1, len(sentences)):
        sentence, before = sentences[i], sentences[i - 1]
        if before.block != sentence.block or not reported_speech(sentence.text):
            continue
        if names_own_speaker(sentence.text) or report_speaker(sentence.text):
            continue  # it names its speaker after all ("..., räumte Scholz ein.")
        # a report that runs on keeps the speaker the sentence before had or named
        speaker = found.get(i - 1) or report_speaker(before.text)
        # a report about the speaker is someone else's ("Zuvor habe Bolton sich mit Johnson
        # getroffen" after Bolton's quote came from the Guardian)
        if speaker and not re.search(rf"\b{re.escape(speaker.split()[-1])}\b", sentence.text):
            found[i] = speaker
    return found


@lru_cache(maxsize=1 << 16)  # grouping, scoring and selection each ask it of every sentence
def _standalone_factor(text: str, weights: Weights, attributed: bool) -> float:
    factor = 1.0
    stripped = text.lstrip("«»\"„“”'‚‘ ")
    first = (words(stripped)[:1] or [""])[0]
    if _TEASER.match(stripped):
        factor *= 0.2
    if (
        first.casefold() in ANAPHORA
        or _DEMONSTRATIVE.match(stripped)
        or _DEMONSTRATIVE_PHRASE.match(stripped)
    ):
        factor *= weights.dangling
    elif not attributed and reported_speech(stripped):
        # reported speech whose speaker stood in the sentence before ("Es gehe um ...")
        factor *= weights.dangling
    elif _LATE_PRONOUN.match(stripped) and text.lstrip()[:1] not in '«"„“':
        # "Im Anschluss reise er ...", "Zudem lud er ..." (a pronoun before any name)
        factor *= (1 + weights.dangling) / 2
    elif weights.back_reference < 1 and _BACK_REFERENCE.search(stripped):
        factor *= weights.back_reference
    if unbalanced_quote(text):
        # one part of a quote that runs over several sentences
        factor *= weights.dangling
    if text.rstrip(")»\"“”' ").endswith("?") or _READER.search(text):
        factor *= weights.question
    if weights.furniture < 1 and _furniture(_QUOTED.sub(" ", stripped)):
        factor *= weights.furniture
    if weights.generic < 1 and _GENERIC.search(stripped):
        factor *= weights.generic
    return factor


def _furniture(text: str) -> bool:
    """Page furniture (see _FURNITURE): the reader addressed formally after the first word."""
    # (a lookbehind instead of "^\S+.*?\bSie\b", which took a fifth of the summaries' time)
    first_line = text.split("\n", 1)[0]
    if first_line[:1].strip() and _FORMAL_YOU.search(first_line):
        return True
    # most sentences have none of the marks: a cheap look for them first
    return _FURNITURE_HINT.search(text) is not None and _FURNITURE.search(text) is not None


def unbalanced_quote(text: str) -> bool:
    """True for one part of a quote that runs over several sentences."""
    guillemets = text.count("«") + text.count("»")
    if guillemets:
        return text.count("«") != text.count("»")
    straight = text.count('"')
    if straight % 2:
        return True
    german_open, german_close = text.count("„"), text.count("“") + text.count("”")
    return german_open != german_close and not straight


@lru_cache(maxsize=1 << 16)
def _is_quote(text: str) -> bool:
    from briefing.core.sections import direct_quote

    return direct_quote(text) is not None or quoted_share(text) > 0.5


def quoted_share(text: str) -> float:
    """The share of a sentence's words that stand inside quotation marks."""
    total = len(words(text))
    inside = sum(len(words(m)) for m in _QUOTED.findall(text))
    return inside / total if total else 0.0


def lead_prior(index: int, weights: Weights = DEFAULT_WEIGHTS) -> float:
    """1.0 for an article's first sentence, halving every ``half_life`` sentences."""
    return 0.5 ** (index / weights.half_life) if weights.half_life > 0 else 1.0


# --- similarity ---------------------------------------------------------------------------


@lru_cache(maxsize=20000)
def content_stems(text: str) -> tuple[str, ...]:
    """Stemmed content words of a sentence (sumy's German stop words removed)."""
    from briefing.core.lexrank import german_stop_words
    from briefing.core.topics import stem  # the same Snowball stemmer, cached per word

    stop = german_stop_words()
    found = [stem(w) for w in (w.casefold() for w in words(text)) if w not in stop]
    # numbers carry facts too ("seit 24 Jahren", "700 Kilometer")
    return tuple(found + _NUMBER.findall(text))


@lru_cache(maxsize=50000)
def word_set(text: str) -> frozenset[str]:
    """The case-folded words of a sentence."""
    return frozenset(w.casefold() for w in words(text))


def word_overlap(a: str, b: str) -> float:
    """Overlap coefficient of two sentences' word sets (case-folded, unstemmed)."""
    first, second = word_set(a), word_set(b)
    if not first or not second:
        return 0.0
    return len(first & second) / min(len(first), len(second))


def is_near_duplicate(a: str, b: str, threshold: float = DEFAULT_WEIGHTS.duplicate) -> bool:
    """True when two sentences are the same text with small edits (agency copy, quote marks)."""
    if sentence_key(a) == sentence_key(b):
        return True
    first, second = word_set(a), word_set(b)
    if not first or not second:
        return False
    if bool(first & _NEGATIONS) != bool(second & _NEGATIONS):
        return False  # "unterzeichneten ein Abkommen" is not "unterzeichneten kein Abkommen"
    shorter, longer = sorted((len(first), len(second)))
    # the shorter must be most of the longer too, so a short sentence is not swallowed
    if shorter / longer < 0.55:
        return False
    if word_overlap(a, b) >= threshold:
        return True
    # an edited copy: other inflections and a synonym or two, the same content words
    stems_a, stems_b = set(content_stems(a)), set(content_stems(b))
    if min(len(stems_a), len(stems_b)) < 5:
        return False
    overlap = len(stems_a & stems_b) / min(len(stems_a), len(stems_b))
    return overlap >= threshold and len(stems_a & stems_b) / max(len(stems_a), len(stems_b)) >= 0.6


class Similarity:
    """tf-idf cosine of stemmed content words, idf over the sentences being compared."""

    def __init__(self, texts: list[str]) -> None:
        document_frequency: Counter[str] = Counter()
        for text in texts:
            document_frequency.update(set(content_stems(text)))
        count = len(texts) or 1
        self._idf = {
            w: math.log((1 + count) / (1 + df)) + 1 for w, df in document_frequency.items()
        }
        self._vectors: dict[str, tuple[dict[str, float], float]] = {}
        # the selection loop asks for the same pairs again on every pick
        self._pairs: dict[tuple[str, str], float] = {}

    def _vector(self, text: str) -> tuple[dict[str, float], float]:
        if text not in self._vectors:
            counts = Counter(content_stems(text))
            vector = {w: c * self._idf.get(w, 1.0) for w, c in counts.items()}
            norm = math.sqrt(sum(v * v for v in vector.values()))
            self._vectors[text] = (vector, norm)
        return self._vectors[text]

    def idf(self, word: str) -> float:
        return self._idf.get(word, 1.0)

    def cosine(self, a: str, b: str) -> float:
        (va, na), (vb, nb) = self._vector(a), self._vector(b)
        if not na or not nb:
            return 0.0
        return sum(v * vb[w] for w, v in va.items() if w in vb) / (na * nb)

    def containment(self, a: str, b: str) -> float:
        """How much of the shorter sentence's (idf-weighted) content the other one says."""
        (va, _), (vb, _) = self._vector(a), self._vector(b)
        small, large = (va, vb) if sum(va.values()) <= sum(vb.values()) else (vb, va)
        total = sum(small.values())
        return sum(v for w, v in small.items() if w in large) / total if total else 0.0

    def matrix(self, texts: list[str]):
        """Cosine of every pair of ``texts`` as a dense numpy array."""
        import numpy as np
        from scipy.sparse import csr_matrix

        columns: dict[str, int] = {}
        rows, cols, values = [], [], []
        for row, text in enumerate(texts):
            vector, norm = self._vector(text)
            for word, value in vector.items():
                rows.append(row)
                cols.append(columns.setdefault(word, len(columns)))
                values.append(value / norm)
        sparse = csr_matrix((values, (rows, cols)), shape=(len(texts), max(len(columns), 1)))
        result = (sparse @ sparse.T).toarray()
        np.fill_diagonal(result, 1.0)
        return result

    def __call__(self, a: str, b: str) -> float:
        """Redundancy of two sentences: cosine, or containment when one mostly repeats the other."""
        known = self._pairs.get((a, b))
        if known is None:
            known = self._pairs[(a, b)] = self._redundancy(a, b)
        return known

    def _redundancy(self, a: str, b: str) -> float:
        value = max(self.cosine(a, b), 0.75 * self.containment(a, b))
        shared = set(content_stems(a)) & set(content_stems(b))
        numbers = {w for w in shared if w[:1].isdigit() and not _YEAR_LIKE.fullmatch(w)}
        if numbers and len(shared) > len(numbers):
            # the same count with the same word ("seit 24 Jahren") is the same fact
            value = max(value, 0.5)
        return value


# --- candidates and scores ----------------------------------------------------------------


def group_sentences(
    articles: list[Article], weights: Weights = DEFAULT_WEIGHTS
) -> list[SentenceGroup]:
    """Candidate sentences of the articles, near-identical copies merged, in reading order.

    The text shown is the copy that stands alone best, then the fuller one: every source
    listed carries the same statement, and the text is verbatim from one of them.
    """
    from briefing.core.lexrank import german_stop_words

    stop = german_stop_words()
    groups: list[SentenceGroup] = []
    by_key: dict[str, SentenceGroup] = {}
    # content word -> groups whose text has it, so a sentence is compared only with groups
    # that share words with it (all pairs would grow with the square of the input)
    postings: dict[str, list[int]] = {}
    speakers: dict[tuple[str, int], str] = {}
    for article in articles:
        sentences = article_sentences(article)
        speakers.update(((article.id, i), n) for i, n in reported_speakers(sentences).items())
        for sentence in sentences:
            if not is_candidate(sentence.text):
                continue
            key = sentence_key(sentence.text)
            group = by_key.get(key)
            if group is None:
                content = word_set(sentence.text) - stop
                shared: Counter[int] = Counter()
                for word in content:
                    shared.update(postings.get(word, ()))
                need = weights.duplicate * len(content) * 0.5
                group = next(
                    (
                        groups[i]
                        for i, count in sorted(shared.items())
                        if count >= need
                        and is_near_duplicate(groups[i].text, sentence.text, weights.duplicate)
                    ),
                    None,
                )
            if group is None:
                group = SentenceGroup(sentence.text)
                groups.append(group)
                for word in word_set(sentence.text) - stop:
                    postings.setdefault(word, []).append(len(groups) - 1)
            group.occurrences.append(sentence)
            by_key[key] = group
            group.text = max(
                (s.text for s in group.occurrences),
                key=lambda t: (standalone_factor(t, weights), len(words(t))),
            )
    for group in groups:
        _set_speaker(group, speakers)
    return groups


def _set_speaker(group: SentenceGroup, speakers: dict[tuple[str, int], str]) -> None:
    """The speaker of a group that reports speech without naming them, from its copies."""
    if speakers and reported_speech(group.text):
        group.speaker = next(
            (
                speakers[s.article_id, s.index]
                for s in group.occurrences
                if (s.article_id, s.index) in speakers
            ),
            None,
        )


def first_group(article: Article, weights: Weights = DEFAULT_WEIGHTS) -> SentenceGroup | None:
    """``group_sentences([article])[0]`` (or None), without building the other groups.

    A lone article under "Weitere Meldungen" shows its first candidate sentence only; most
    of a folder's articles are such lone ones, so this follows group_sentences step for step
    for the first group alone: a later sentence joins it under the same rules (same key, or
    near-duplicate of its text among the groups that share enough words, the first group
    coming first), so text and sources are the same.
    """
    from briefing.core.lexrank import german_stop_words

    stop = german_stop_words()
    first: SentenceGroup | None = None
    first_words: frozenset[str] = frozenset()
    joins: dict[str, bool] = {}  # sentence key -> whether its sentences are in the first group
    sentences = article_sentences(article)
    for sentence in sentences:
        if not is_candidate(sentence.text):
            continue
        key = sentence_key(sentence.text)
        joined = joins.get(key)
        if first is None:
            first = SentenceGroup(sentence.text)
            first_words = word_set(sentence.text) - stop
            joined = True
        elif joined is None:
            content = word_set(sentence.text) - stop
            # group_sentences counts shared words through its postings; the first group is
            # posted under the content words of its first text
            joined = len(content & first_words) >= weights.duplicate * len(content) * 0.5 and (
                is_near_duplicate(first.text, sentence.text, weights.duplicate)
            )
        joins[key] = joined
        if joined:
            first.occurrences.append(sentence)
            first.text = max(
                (s.text for s in first.occurrences),
                key=lambda t: (standalone_factor(t, weights), len(words(t))),
            )
    if first is not None and reported_speech(first.text):
        speakers = reported_speakers(sentences)
        _set_speaker(first, {(article.id, i): n for i, n in speakers.items()})
    return first


def score_groups(
    groups: list[SentenceGroup],
    engine: str = "fast",
    weights: Weights = DEFAULT_WEIGHTS,
    multi_source: bool = True,
) -> None:
    """Set each group's score: LexRank centrality x lead prior x stand-alone factor (x sources)."""
    from briefing.core.lexrank import lexrank_scores

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
        prior = (1 - weights.position) + weights.position * lead
        quality = prior * standalone_factor(group.text, weights, group.speaker is not None)
        if weights.speculation < 1.0 and speculative(group.text):
            quality *= weights.speculation
        if multi_source:
            quality *= 1 + weights.sources * (len(group.sources) - 1)
        if _is_quote(group.text):
            quality *= weights.quoted
        group.quality = quality
        group.score = group.centrality**weights.centrality * quality


def accused(text: str) -> bool:
    """True for an accusation passed on ("X wird vorgeworfen, ..."), a claim not a report."""
    return _ACCUSED.search(text) is not None


def speculative(text: str) -> bool:
    """True for a reporter's guess or hearsay ("dürfte", "ein möglicher Vertrag", "sollen ...
    vereinbart worden sein"); a speaker's "könnte" inside quotes is the speaker's."""
    return bool(_SPECULATION.search(_QUOTED.sub(" ", text)))


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


def select_groups(
    groups: list[SentenceGroup],
    count: int,
    weights: Weights = DEFAULT_WEIGHTS,
    similarity: Similarity | None = None,
    exclude: list[SentenceGroup] | None = None,
) -> list[SentenceGroup]:
    """The best-scoring groups, skipping any that says what a chosen (or excluded) one says."""
    similarity = similarity or Similarity([g.text for g in groups])
    chosen: list[SentenceGroup] = []
    taken = list(exclude or [])
    for group in sorted(groups, key=lambda g: (-g.score, g.first_seen)):
        if len(chosen) >= count:
            break
        if group in taken:
            continue
        if any(similarity(group.text, other.text) >= weights.redundancy for other in taken):
            continue
        chosen.append(group)
        taken.append(group)
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
    import numpy as np

    similarity = similarity or Similarity([g.text for g in groups])
    if len(groups) <= 1:
        return list(groups[:count])
    if len(groups) > MAX_CLUSTERED:
        # the pairwise matrix grows with the square: past this, the plain cut-off selection
        return select_groups(groups, count, weights, similarity)
    matrix = similarity.matrix([g.text for g in groups])
    labels = _subtopics(matrix, weights.subtopic_cut)
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

    def weight(cluster: list[SentenceGroup]) -> float:
        best: dict[str, float] = {}
        for group in cluster:
            for source in group.sources:
                best[source] = max(best.get(source, 0.0), group.score)
        return sum(best.values())

    ranked = sorted(members.values(), key=lambda c: (-weight(c), c[0].first_seen))
    rank = {id(g): g.score * (weights.atypical + typical[id(g)]) for g in groups}
    # a subtopic speaks through its best reported fact; a guess only when it has none
    guessing = weights.speculation < 1.0
    queues = [
        sorted(
            c,
            key=lambda g: (
                guessing and (speculative(g.text) or accused(g.text)),
                -rank[id(g)],
                g.first_seen,
            ),
        )
        for c in ranked
    ]
    cluster_weights = [weight(c) for c in ranked]
    uses = [0] * len(queues)
    concept = _concept_weights(groups, similarity)
    # what the loop asks of a sentence again and again, computed once per sentence
    stems_of: dict[str, frozenset[str]] = {}
    guess_of: dict[str, bool] = {}

    def stems(text: str) -> frozenset[str]:
        if text not in stems_of:
            stems_of[text] = frozenset(content_stems(text))
        return stems_of[text]

    def novelty(text: str) -> float:
        return _novelty_of(stems(text), concept, covered)

    worth = {g.text: _worth_of(stems(g.text), concept) for g in groups}
    mean_worth = sum(worth[g.text] for g in groups) / len(groups) or 1.0
    covered: set[str] = set()
    standing: dict[str, float] = {}
    chosen: list[SentenceGroup] = []
    # how many of the chosen items each queue's head has been compared with: a head that
    # stays is compared with the new picks only
    checked = [0] * len(queues)
    while len(chosen) < count:
        best, best_value, best_group = None, (0, 0.0), None
        for k, queue in enumerate(queues):
            while queue and any(
                similarity(queue[0].text, c.text) >= weights.redundancy
                for c in chosen[checked[k] :]
            ):
                # a subtopic whose best sentence repeats a pick is covered by that pick
                queue.pop(0)
                uses[k] += 1
                checked[k] = 0
            if not queue:
                continue
            checked[k] = len(chosen)
            head = queue[0]
            if weights.heads > 1 and weights.covered < 1.0:
                # the subtopic offers the one of its first sentences that adds most to the
                # picks, not one that mostly repeats them ("unterzeichneten ein
                # Beistandsabkommen" rather than "wurde am Flughafen empfangen")
                offers = [
                    g
                    for g in queue[: weights.heads]
                    if not any(similarity(g.text, c.text) >= weights.redundancy for c in chosen)
                ]
                head = max(offers, key=lambda g: rank[id(g)] * novelty(g.text))
            # a subtopic that gave an item, or whose best sentence says what the picks
            # already cover, waits behind the subtopics not covered yet
            value = cluster_weights[k] * weights.covered ** uses[k]
            if weights.covered < 1.0:
                value *= novelty(head.text)
                if weights.facts > 0:
                    value *= (worth[head.text] / mean_worth) ** weights.facts
                # the subtopic speaks through its head: one that cannot stand alone weighs less
                if head.text not in standing:  # the same heads come up again on every pick
                    # ... and so does one that is mostly a quote (quotes have their section)
                    standing[head.text] = standalone_factor(
                        head.text, weights, head.speaker is not None
                    ) * (
                        weights.quoted if _is_quote(head.text) else 1.0
                    )
                value *= standing[head.text]
            # a guess goes in only when no subtopic has a reported fact left to give
            guess = False
            if weights.speculation < 1.0:
                if head.text not in guess_of:
                    guess_of[head.text] = speculative(head.text)
                guess = guess_of[head.text]
            if (not guess, value) > best_value:
                best, best_value, best_group = k, (not guess, value), head
        if best is None:
            break
        queues[best].remove(best_group)
        checked[best] = 0  # (its head may have been the pick)
        uses[best] += 1
        chosen.append(best_group)
        covered.update(stems(best_group.text))
    return chosen


def _concept_weights(groups: list[SentenceGroup], similarity: Similarity) -> dict[str, float]:
    """Each content word's worth as a fact: how many outlets use it, times its rarity.

    A word that several outlets use names something the story is about ("Vietnam",
    "Abkommen"); a word in nearly every sentence ("Putin") tells the facts apart little.
    """
    outlets: dict[str, set[str]] = {}
    for group in groups:
        for stem in set(content_stems(group.text)):
            outlets.setdefault(stem, set()).update(group.sources)
    # idf less its floor of 1: a word in nearly every sentence weighs next to nothing
    return {stem: len(found) * (similarity.idf(stem) - 1.0) for stem, found in outlets.items()}


def _worth_of(stems: frozenset[str], concept: dict[str, float]) -> float:
    """The summed worth of a sentence's fact words (its content stems)."""
    return sum(concept.get(s, 0.0) for s in stems)


def _novelty_of(stems: frozenset[str], concept: dict[str, float], covered: set[str]) -> float:
    """The share of a sentence's fact words (weighted) that no chosen item has said yet."""
    total = sum(concept.get(s, 0.0) for s in stems)
    if not total:
        return 1.0
    return sum(concept.get(s, 0.0) for s in stems - covered) / total


def _subtopics(matrix, cut: float = 0.9):
    """Subtopic labels by average-linkage clustering of cosine distances."""
    import numpy as np

    from briefing.core.scipy_light import average_linkage_labels  # (topics' clustering too)

    distances = np.clip(1.0 - matrix, 0.0, None)
    np.fill_diagonal(distances, 0.0)
    return average_linkage_labels(distances, cut) - 1


def reading_order(
    groups: list[SentenceGroup], similarity: Similarity, link: float = 0.2
) -> list[SentenceGroup]:
    """Order for reading, not by score: statements in the order they come in their articles
    (news put the main facts first), each joining the run of the earlier item it is most
    related to, so that related facts stand together."""
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


def to_item(group: SentenceGroup) -> SummaryItem:
    return SummaryItem(
        group.text,
        group.sources,
        score=round(group.score, 6),
        first_seen=group.first_seen,
        speaker=group.speaker,
    )


def summarize_topic(
    topic: Topic,
    sentences: int = DEFAULT_SENTENCES,
    engine: str = "fast",
    weights: Weights | None = None,
) -> None:
    """Fill the topic's summary, quotes, open claims and timeline from all its articles."""
    from briefing.core.sections import fill_sections

    weights = weights or (TOPIC_WEIGHTS if len(topic.articles) > 1 else DEFAULT_WEIGHTS)
    groups = group_sentences(topic.articles, weights)
    topic.summary, topic.quotes, topic.claims, topic.timeline = [], [], [], []
    if not groups:
        # no full sentence anywhere (a notice, a one-liner): show what the articles open with
        for article in topic.articles:
            opening = article_sentences(article)[:1]
            topic.summary += [
                SummaryItem(s.text, [article.id], 0.0, (article.number, 0)) for s in opening
            ]
        topic.summary = topic.summary[:sentences]
        return
    score_groups(groups, engine, weights, multi_source=len(topic.articles) > 1)
    similarity = Similarity([g.text for g in groups])
    if len(topic.articles) > 1:
        chosen = select_by_subtopic(groups, sentences, weights, similarity)
    else:
        # one article: its lead and LexRank decide (subtopics scored lower on ROUGE here)
        chosen = select_groups(groups, sentences, weights, similarity)
    topic.summary = [to_item(g) for g in reading_order(chosen, similarity)]
    fill_sections(topic, groups, chosen, similarity, weights)


def summarize_article(
    article: Article,
    sentences: int = 3,
    engine: str = "fast",
    weights: Weights = DEFAULT_WEIGHTS,
) -> list[str]:
    """The best ``sentences`` sentences of one article, in article order."""
    groups = group_sentences([article], weights)
    if not groups:
        # nothing passes as a full sentence: fall back to the article's first sentences
        return [s.text for s in article_sentences(article)[:sentences]]
    for group in groups:
        group.speaker = None  # plain sentences are printed: a report's speaker would not show
    score_groups(groups, engine, weights, multi_source=False)
    chosen = select_groups(groups, sentences, weights)
    return [g.text for g in sorted(chosen, key=lambda g: g.first_seen)]
