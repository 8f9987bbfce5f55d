"""Line-trust audit: count the printed lines of a briefing that break its promise, per flaw.

Usage (from the repository root):

    python benchmarks/audit.py                    # the full corpus (11,707 articles), ~1-3 min
    python benchmarks/audit.py --fraction 0.1     # an even tenth of it, quick
    python benchmarks/audit.py --seeds            # the bundled seeds (the goal there: 0 everywhere)
    python benchmarks/audit.py --folder DIR       # any folder of articles
    python benchmarks/audit.py --json FILE        # a saved `briefing build -f json` output
    python benchmarks/audit.py --examples 5       # also print 5 flagged lines per flaw
    python benchmarks/audit.py --json-out F.json  # the counts, for tests and notes
    python benchmarks/audit.py --save-build F     # keep the build's JSON (re-audit with --json F)
    python benchmarks/audit.py --mine             # re-mine benchmarks/data/furniture_mined.txt

The audit is independent of the product's internals: it runs the command line (`briefing build
-f json`, `briefing clean -f json` for HTML inputs, see ../shared/CONTRACT.md) and reads the input
files itself; it never imports `briefing`. A printed line is an item of a topic's `summary`,
`quotes`, `claims` or `timeline` (lone-article "Weitere Meldungen" topics included) and each
version in `discrepancies`. A timeline item with a `ref` is a pointer to an item printed in
another section ("18.06.2024: → Das Wichtigste, Punkt 3"): it prints no sentence and is no
line. The flaws (a line may have several):

1. inexact citation: the text (or a variant's text) is not verbatim in every source it cites,
   "verbatim" as CONTRACT.md folds it (whitespace runs, typographic quotes, dashes); checked
   against the file's own text (HTML: the `clean` body). "fabricated" counts the lines verbatim
   in no cited source. A quote may join sentences of one source: each part is checked.
2. said twice: the folded text equals, contains or is contained in an earlier printed line of
   the same topic (a whole sentence of it, 4+ words), or a lone-article topic whose title is its
   only line ("**X**: X" in Markdown). Near-duplicates (token-set overlap >= 0.8) are counted
   apart, for information. A discrepancy's version equal to an item of the topic is no repeat:
   JSON lists every version (the comparison data), but the Markdown prints that one as a pointer
   to the item ("→ Das Wichtigste, Punkt 3 [1]: „112“"); any other repeat of it counts.
3. page furniture: a line holding a string mined from the corpora (benchmarks/data/
   furniture_mined.txt: sentences repeated across many unrelated articles, and markers that sit
   glued between sentences in many articles, see mine()), a caption (the source puts a photo
   credit right after it, or a mined marker right before it), or a hand pattern of German web
   furniture (credits, newsletter/subscription/feedback lines, teasers, UI strings, e-mail
   addresses, URLs).
4. not German: English (or French, Spanish, Italian) function words outnumber German ones.
5. fragment: starts lower-case, lacks final punctuation, unbalanced double quotes or
   parentheses, ends on "am 25." / "in der 63." (split inside a date or ordinal), a cut word, a
   clause-starting word capitalised mid-sentence with no punctuation before it (a glued
   subheading), fewer than 4 words.
6. speaker: a speaker not found in the cited sources, starting lower-case, or a bare role whose
   name the source gives right after it ("rechtspolitische Sprecher" for "der rechtspolitische
   Sprecher Jan-Marco Luczak"). A quote without speaker whose source names one in the sentence
   before is counted apart, for information (not in the total).
7. dangling reference: a line that only makes sense after its source's previous sentence:
   "Dessen/Deren ...", a demonstrative or "Er/Sie" subject, "Dies ...", "Diese Entscheidung ...",
   "Damit/Daher/Deshalb ..." and other back-pointing adverbs, a pronoun in the attribution of a
   line printed without speaker ('"...", sagte er.'), and (added 2026-12-06, after reading
   "Gerade erst hat er ..." in a story of four articles) a pronoun among the first four words
   that no attribution resolves ("2013 war er nach Syrien gegangen", "Glück für ihn"; not
   after a comma: "Cain erklärt, sie habe ...") or a possessive opener ("Sein Vertrag lief
   bis 2021"). Lines opening with additive connectives ("Zudem", "Außerdem") are counted
   apart, for information.

How the precision was checked: on the full corpus of main at df8b1d4, 50 flags of each kind
(all when fewer) were drawn at random and read by hand with their sources. Seed 1 was the tuning
sample: the checks were narrowed on what it showed (the polite "Sie", "in Den Haag", "ter
Stegen", a pronoun that opens its article or follows a printed antecedent, "Darüber hinaus" ...).
Then a fresh sample (seed 7) was read; the three kinds changed after it (a cookie-law article, a
group "namens Die Enkel", "berichtete Jürgen Bogner") were read once more on seed 11, fragments
again on seed 13 after the parentheses and ordinal rules were added. PRECISION
holds the last reading per kind: true flaws / flags read. The informative "speaker missing" row
is rougher (about 26 of its 34 flags right; it names the person badly more often).
"""

from __future__ import annotations

import argparse
import collections
import json
import math
import random
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "data"
MINED = DATA / "furniture_mined.txt"
SECTIONS = ("summary", "quotes", "claims", "timeline")  # in the order Markdown prints them
CACHE = Path(tempfile.gettempdir()) / "briefing-audit"

# The last hand reading per kind (see the module docstring): kind -> (true flaws, flags read).
PRECISION: dict[str, tuple[int, int]] = {
    "inexact citation": (50, 50),  # seed 7; seed 1 also 50/50
    "said twice": (50, 50),  # seed 7, title repeats and item repeats read apart, 50 each
    "page furniture": (50, 50),  # seed 11 (seed 7: 49/50, the cookie-law FP since fixed)
    "not German": (26, 26),  # all
    "fragment": (49, 50),  # seed 13, after adding parentheses and ordinals ("Fachzeitschrift
    # Der Feinschmecker" since fixed); seed 11: 50/50, seed 7: 48/50
    "speaker": (50, 50),  # seed 7
    # 2026-12-06, with the pronoun and possessive checks: all 47 flags of main's full corpus
    # read (--sample-seed 9): 4 wrong (two "Für sie:" rubrics, a cataphoric "ihn", a speaker
    # named after "so berichtet"); before them seed 11: 48/50 ("Dabei" as "and yet")
    "dangling reference": (43, 47),
}

# --------------------------------------------------------------------------- folding

_FOLD = str.maketrans({"„": '"', "“": '"', "”": '"', "«": '"', "»": '"',
                       "‚": "'", "‘": "'", "’": "'", "–": "-", "—": "-"})
_SPACE = re.compile(r"\s+")


def fold(text: str) -> str:
    """CONTRACT.md's "verbatim": whitespace runs, typographic quotes and dashes folded."""
    return _SPACE.sub(" ", text.translate(_FOLD)).strip()


_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*|\d+(?:[.,]\d+)*")


def words(text: str) -> list[str]:
    return _WORD.findall(text)


# --------------------------------------------------------------------------- the briefing


@dataclass
class Line:
    """One printed line: an item's text with its sources, or a discrepancy's version."""

    topic: int
    topic_title: str
    minor: bool
    section: str
    index: int
    text: str
    sources: list[str]
    speaker: str | None = None
    variants: list[tuple[str, list[str]]] = field(default_factory=list)
    flaws: dict[str, str] = field(default_factory=dict)  # kind -> detail


def printed_lines(briefing: dict) -> list[Line]:
    """Every printed line of every topic, in print order within a topic."""
    lines: list[Line] = []
    for number, topic in enumerate(briefing.get("topics", [])):
        title, minor = topic.get("title", ""), bool(topic.get("minor"))
        for section in SECTIONS:
            for index, item in enumerate(topic.get(section) or []):
                if item.get("ref") is not None:
                    continue  # a pointer to another section's item, no sentence
                variants = [(v.get("text", ""), list(v.get("sources") or []))
                            for v in item.get("variants") or []]
                lines.append(Line(number, title, minor, section, index, item.get("text", ""),
                                  list(item.get("sources") or []), item.get("speaker"), variants))
        for index, entry in enumerate(topic.get("discrepancies") or []):
            for version in entry.get("variants") or []:
                lines.append(Line(number, title, minor, "discrepancies", index,
                                  version.get("text", ""), list(version.get("sources") or [])))
    return lines


def decode(raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def clean_bodies(paths: list[str]) -> dict[str, str]:
    """Title and body of HTML pages as `briefing clean -f json` prints them."""
    if not paths:
        return {}
    done = subprocess.run([sys.executable, "-m", "briefing", "clean", "-f", "json", "-q", *paths],
                          capture_output=True, text=True, check=False)
    texts = {}
    for entry in json.loads(done.stdout or "[]"):
        texts[entry["path"]] = f"{entry.get('title') or ''}\n\n{entry.get('body') or ''}"
    return texts


def source_texts(briefing: dict) -> dict[str, str]:
    """Article id -> the folded text of its file (HTML: its cleaned title and body)."""
    paths = {a["id"]: a["path"] for t in briefing.get("topics", []) for a in t.get("articles", [])}
    html = [p for p in paths.values() if p.lower().endswith((".html", ".htm"))]
    cleaned = clean_bodies(html)
    texts = {}
    for ident, path in paths.items():
        if path in cleaned:
            texts[ident] = fold(cleaned[path])
        else:
            try:
                texts[ident] = fold(decode(Path(path).read_bytes()))
            except OSError:
                texts[ident] = ""
    return texts


# --------------------------------------------------------------------------- 1. citations

_PART_END = re.compile(r'(?<=[.!?…"])\s+')


def verbatim(text: str, source: str, joined: bool = False) -> bool:
    """Is the folded ``text`` in the folded ``source``? With ``joined``, a join of sentences
    of the source (each part verbatim in it) counts too."""
    text = fold(text)
    if not text:
        return False
    if text in source:
        return True
    if not joined:
        return False
    cuts = [0] + [m.end() for m in _PART_END.finditer(text)] + [len(text)]
    reach = {0}  # cut indexes reachable by whole verbatim parts
    for i, start in enumerate(cuts):
        if i not in reach:
            continue
        for j in range(i + 1, len(cuts)):
            if text[start:cuts[j]].strip() in source:
                reach.add(j)
    return len(cuts) - 1 in reach


_SENTENCE = re.compile(r"(?<=[.!?\"])\s+(?=[\"A-ZÄÖÜ0-9])")


def nearest(text: str, source: str) -> str:
    """The source's sentence sharing most words with ``text`` (to show what the source says)."""
    wanted = _tokens(text)
    best = max(_SENTENCE.split(source) or [""],
               key=lambda s: len(wanted & _tokens(s)) / (len(wanted | _tokens(s)) or 1))
    return best[:300]


def check_citation(line: Line, texts: dict[str, str]) -> None:
    joined = line.section == "quotes"
    missing: list[str] = []
    fabricated = False
    for text, sources in [(line.text, line.sources), *line.variants]:
        found = [s for s in sources if verbatim(text, texts.get(s, ""), joined)]
        missing += [f"{s} (there: '{nearest(text, texts.get(s, ''))}')"
                    for s in sources if s not in found]
        if sources and not found:
            fabricated = True
    if missing:
        line.flaws["inexact citation"] = f"{line.section}: not verbatim in " + "; ".join(missing)
    if fabricated:
        line.flaws["fabricated"] = "verbatim in no cited source"


# --------------------------------------------------------------------------- 2. said twice


def _tokens(text: str) -> set[str]:
    return {w.lower() for w in words(text)}


def _contains(outer: str, inner: str) -> bool:
    """``inner`` stands in ``outer`` as a whole run of words, and is a sentence (4+ words)."""
    if len(inner.split()) < 4:
        return False
    start = outer.find(inner)
    while start >= 0:
        end = start + len(inner)
        before = outer[start - 1] if start else " "
        after = outer[end] if end < len(outer) else " "
        if not before.isalnum() and not after.isalnum():
            return True
        start = outer.find(inner, start + 1)
    return False


def _bare(text: str) -> str:
    return fold(text).rstrip(" .!?…:").strip()


def check_repeats(lines: list[Line], title_printed_twice: bool = True) -> None:
    """Mark, within each topic, the lines that repeat an earlier printed line.

    ``title_printed_twice``: the Markdown prints a lone article as "**title**: line", so a title
    equal to its line is said twice (see markdown_title_repeats()).
    """
    by_topic: dict[int, list[Line]] = collections.defaultdict(list)
    for line in lines:
        by_topic[line.topic].append(line)
    for topic_lines in by_topic.values():
        seen: list[tuple[str, set[str], Line]] = []
        items = {fold(line.text) for line in topic_lines if line.section != "discrepancies"}
        for line in topic_lines:
            text, tokens = fold(line.text), _tokens(line.text)
            if line.section == "discrepancies" and text in items:
                continue  # printed as a pointer to that item
            for earlier_text, earlier_tokens, earlier in seen:
                if text == earlier_text or _contains(text, earlier_text) or _contains(
                        earlier_text, text):
                    line.flaws["said twice"] = (
                        f"{line.section} repeats {earlier.section}: #{earlier.index + 1} "
                        f"'{earlier.text[:200]}'")
                    break
                small = min(len(tokens), len(earlier_tokens))
                if small >= 4 and len(tokens & earlier_tokens) / small >= 0.8:
                    line.flaws.setdefault("near-duplicate", (
                        f"overlaps {earlier.section} #{earlier.index + 1}: '{earlier.text[:200]}'"))
            seen.append((text, tokens, line))
        first = topic_lines[0] if topic_lines else None
        if title_printed_twice and first is not None and first.minor and (
                len(_bare(first.topic_title).split()) >= 4
                and _bare(first.topic_title) == _bare(first.text)):
            first.flaws["said twice"] = "lone article's title is its line: **X**: X"


# --------------------------------------------------------------------------- 3. furniture


def load_mined(path: Path = MINED) -> list[tuple[str, str]]:
    """The mined furniture as (kind, folded text) (file lines: kind<TAB>articles<TAB>text)."""
    if not path.is_file():
        return []
    mined = []
    for row in path.read_text(encoding="utf-8").splitlines():
        if row and not row.startswith("#"):
            kind, _, text = row.split("\t", 2)
            mined.append((kind, fold(text)))
    return mined


_CREDIT = r"(?:Fotos?|Bild(?:er)?|Quelle|Grafik|Illustration|Screenshot|Collage|Video|Karte)"
_CREDIT_RE = re.compile(rf"\(\s*{_CREDIT}\s*:")
HAND_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("photo credit", re.compile(rf"\(\s*{_CREDIT}\s*:[^)]*\)|(?:^|[.!?] ){_CREDIT}\s*:\s*\S")),
    ("credit", re.compile(r"©|\bcopyright\b|\balle rechte vorbehalten\b", re.IGNORECASE)),
    ("agency tag", re.compile(
        r"\((?:APA|dpa|AFP|AP|Reuters|red|sda|KNA|epd|SID|rtr|Reuters/AP)(?:[,/][^)]*)?\)\s*\.?$")),
    ("newsletter", re.compile(r"\bnewsletter\b|\babonnieren\b|\bjetzt (?:lesen|testen|bestellen)\b"
                              r"|\b(?:im|ins) abo\b|\bprobeabo\b", re.IGNORECASE)),
    ("editor's note", re.compile(r"^\(?\s*(?:anmerkung der redaktion|hinweis der redaktion|"
                                 r"anm\. d\. red\.|redaktioneller hinweis|"
                                 r"in eigener sache)\s*[:–-]", re.IGNORECASE)),
    ("feedback", re.compile(r"\b(?:schreiben|mailen) sie uns\b|\bsie haben fragen\b"
                            r"|\banregungen\?|\bleserbrief", re.IGNORECASE)),
    ("reader address", re.compile(
        r"\b(?:lesen|hören|sehen|finden|klicken|verpassen|folgen|teilen|bestellen) sie\b.{0,60}"
        r"\b(?:hier|unter|auf sz\.de|podcast|folge|newsletter|app|artikel|twitter|facebook)\b",
        re.IGNORECASE)),
    ("teaser", re.compile(r"\b(?:alle|die wichtigsten|weitere) (?:\w+ ){0,3}(?:nachrichten|"
                          r"entwicklungen|fragen|infos|informationen|artikel|texte|meldungen|"
                          r"folgen|interviews)\b.{0,60}\b(?:im überblick|hier|finden sie)\b",
                          re.IGNORECASE)),
    ("more links", re.compile(r"\b(?:lesen sie (?:auch|mehr|hier)|mehr zum thema|zur startseite|"
                              r"mehr dazu:|zum artikel|weiterlesen|hier geht es zu|zum liveblog|"
                              r"zum newsblog|zum ticker)\b", re.IGNORECASE)),
    ("ui string", re.compile(r"\b(?:(?:wir verwenden|verwendet|nutzt|akzeptieren sie) cookies|"
                             r"cookies? (?:akzeptieren|zulassen|einstellungen)|"
                             r"datenschutzerklärung|impressum|einloggen|ausloggen|"
                             r"registrieren sie sich|javascript|werbung ausblenden|"
                             r"artikel (?:teilen|drucken|merken)|kommentare? anzeigen|"
                             r"zum inhalt springen)\b", re.IGNORECASE)),
    ("ui command", re.compile(r"\b[A-ZÄÖÜ]\w+ (?:öffnen|schließen|vergrößern|abspielen|anzeigen|"
                              r"ausblenden|einblenden|herunterladen|weiterlesen) (?=[A-ZÄÖÜ\"(])")),
    # a news page's label before the line: "Fußball: Marco Reus ...", "Tennis, ATP: ..."
    ("section label", re.compile(
        r"^(?:Fußball|Tennis|Golf|Radsport|Leichtathletik|Basketball|Handball|Eishockey|Boxen|"
        r"Judo|Schach|Hockey|Triathlon|Schwimmen|Formel 1|Bundesliga|2\. Bundesliga|"
        r"Premier League|Serie A|Champions League|Ski alpin|Biathlon|Skispringen|"
        r"Eisschnelllauf)(?:, [^:]{2,30})?: ")),
    ("e-mail", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    ("url", re.compile(r"https?://|\bwww\.[\w-]+\.|\b[\w-]+\.(?:de|at|ch|com|org|net)/\S")),
]


def furniture(text: str, mined: list[tuple[str, str]], before: str = "",
              after: str = "") -> str | None:
    """Why ``text`` is page furniture, or None. ``before``/``after``: the source around it."""
    folded = fold(text)
    for kind, string in mined:
        if string and string in folded:
            return f"mined {kind}: {string[:60]}"
    for name, pattern in HAND_PATTERNS:
        if pattern.search(folded):
            return name
    if re.match(rf"\s*\(?\s*{_CREDIT}\s*:", after):
        return "caption (a photo credit follows it in the source)"
    markers = [string for kind, string in mined if kind == "marker" and string]
    if any(before.endswith(string) for string in markers):
        return "caption (a mined marker precedes it in the source)"
    # inside a caption of several sentences: a marker before it, a credit soon after it
    last = max((before.rfind(string) + len(string) for string in markers if string in before),
               default=-1)
    credit = _CREDIT_RE.search(after)
    if last >= 0 and credit and not _CREDIT_RE.search(before[last:]) and not any(
            string in after[:credit.start()] for string in markers):
        return "caption (between a mined marker and a photo credit in the source)"
    return None


# --------------------------------------------------------------------------- 4. language

GERMAN = {
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines",
    "und", "oder", "aber", "nicht", "ist", "sind", "war", "waren", "wird", "werden", "wurde",
    "wurden", "hat", "haben", "hatte", "hatten", "sei", "seien", "habe", "auf", "für", "mit",
    "von", "zu", "zum", "zur", "im", "auch", "sich", "es", "er", "sie", "wir", "ich", "ihr", "ihm",
    "ihn", "ihre", "ihren", "sein", "seine", "seinen", "noch", "nach", "bei", "aus", "wie", "dass",
    "als", "nur", "schon", "um", "über", "unter", "vor", "durch", "gegen", "kann", "können",
    "muss", "müssen", "soll", "sollen", "will", "wollen", "mehr", "sehr", "wenn", "weil", "doch",
    "dann", "hier", "dort", "so", "man", "kein", "keine", "keinen", "diese", "dieser", "dieses",
}
FOREIGN = {
    "English": {
        "the", "and", "of", "to", "is", "are", "was", "were", "be", "been", "being", "that",
        "this", "these", "those", "with", "for", "on", "it", "its", "we", "you", "they", "he",
        "she", "his", "her", "their", "our", "your", "my", "not", "from", "by", "at", "as", "or",
        "but", "if", "what", "who", "which", "there", "have", "has", "had", "do", "does", "did",
        "can", "could", "would", "should", "will", "just", "all", "about", "because", "very",
        "into", "than", "then", "them", "when", "where", "how", "why",
    },
    "French": {
        "le", "la", "les", "et", "est", "une", "des", "du", "pas", "que", "qui", "dans", "pour",
        "sur", "avec", "nous", "vous", "ce", "je", "il", "elle", "sont", "mais", "ou", "au", "aux",
        "cette",
    },
    "Spanish/Italian": {
        "el", "los", "las", "y", "del", "por", "con", "una", "para", "que", "como", "pero", "muy",
        "il", "che", "non", "per", "della", "di", "gli", "sono", "questo",
    },
}
_FUNCTION = GERMAN | {
    "den", "einem", "einer", "eines", "zum", "zur", "vom", "beim", "ins", "am", "im", "an", "in",
    "auf", "aus", "bei", "mit", "nach", "seit", "von", "vor", "zu", "für", "über", "unter", "um",
    "durch", "gegen", "ohne", "ab", "bis", "wer", "was", "wo", "wie", "diese", "dieser", "dieses",
    "jeder", "jede", "jedes", "alle", "alles", "mein", "meine", "unser", "unsere", "ihr", "ihre",
    "sein", "seine", "dass", "ob", "weil", "wenn",
}
for _foreign in FOREIGN.values():
    _foreign -= GERMAN  # "die", "was", "will", "also" ... are German too


def not_german(text: str) -> str | None:
    tokens = [w.lower() for w in words(text)]
    german = sum(t in GERMAN for t in tokens)
    for language, stop in FOREIGN.items():
        foreign = sum(t in stop for t in tokens)
        if (foreign >= 3 and foreign > german) or (foreign >= 2 and german == 0):
            return f"{language}: {foreign} function words against {german} German"
    return None


# --------------------------------------------------------------------------- 5. fragments

_OPEN = "\"„“”«»‚‘'(["
_CLOSE = "\"“”«»‘’')]"
# names that start lower-case: "von der Leyen", "ter Stegen", "iPhone", "al-Assad"
_NAME_PARTICLE = re.compile(r"(?:von|vom|van|de|der|den|di|da|du|al|el|ibn|bin|zu|zur|la|le|dos|"
                            r"das|"
                            r"ter|te|ten|op|del|della|mc)\b|"
                            r"[a-z]+[A-Z]|[a-zäöü]+-[A-ZÄÖÜ]")
# "Sie" is left out: mid-sentence it is the polite "you" ("Vergessen Sie die ...")
# and "Den" ("in Den Haag"), "Jetzt", "Heute" ("im Hier und Jetzt")
_CLAUSE_START = [
    "Der", "Die", "Das", "Dem", "Ein", "Eine", "Einen", "Er", "Es", "Wir", "Ich", "Doch", "Aber",
    "Dann", "Nun", "Auch", "Zudem", "Außerdem", "Dabei", "Damit", "Deshalb", "Daher", "Trotzdem",
    "Allerdings",
]
_TITLE_WORD = re.compile(r"(?:Linke|Grünen?|Zeit|Welt|Spiegel|Erste|Presse|Partei|Republikaner|"
                         r"Piraten|PARTEI|Tageszeitung|Standard|Krone|Furche|Rheinpfalz)\b")
# words after which a capitalised article starts a name: "eine Gruppe namens Die Enkel ...",
# "die Fachzeitschrift Der Feinschmecker"
_NAMING = re.compile(r"(?:namens|heißt|hieß|\w*(?:titel|motto|film|buch|roman|serie|album|band|"
                     r"gruppe|sendung|zeitung|zeitschrift|magazin|stück|song|lied|partei|verlag|"
                     r"show|kolumne|blatt))$", re.IGNORECASE)
_GLUED = re.compile(rf"(?<=[a-zäöüß]) ((?:{'|'.join(_CLAUSE_START)})) (\S+)")
# a sentence that ends on "article/preposition + number.": split inside "am 25. Mai", "der 1. FC"
_ORDINAL_END = re.compile(r"\b(?:der|die|das|den|dem|des|am|im|zum|zur|vom|beim|ab|seit)\s+"
                          r"\d{1,3}\.[\"')]?$", re.IGNORECASE)
_CUT = re.compile(r"[a-zäöüß]- ([a-zäöüß]+)")
# a sentence that ends on a title or "Sankt": split before the name ("Herrn Dr. | Schummer")
_TITLE_END = re.compile(r"\s(?:Dr|Prof|St|Hl|Nr|Dipl)\.$")
_JOINERS = {"und", "oder", "bis", "sowie", "wie", "als", "bzw", "beziehungsweise", "noch", "aber",
            "statt", "respektive", "versus", "vs"}


# a whole line in one pair of brackets (no bracket inside): an editor's note or an aside
_BRACKETED = re.compile(r"^\([^()]*\)[.!?]?$")


def fragment(text: str, section: str = "summary") -> str | None:
    folded = fold(text)
    if len(words(folded)) < 4:
        return "fewer than 4 words"
    head = folded.lstrip(_OPEN + " -.…")
    starts_quoted = folded[:1] in _OPEN and folded[:1] != "("
    if head[:1].islower() and not _NAME_PARTICLE.match(head) and not (
            section == "quotes" and starts_quoted) and not folded.startswith(("…", "...", "(")):
        return "starts lower-case"
    if folded.startswith(("…", "...")) and section == "summary":
        return "starts with an ellipsis"  # "... allen, die SchülerInnen ...": a prompt's answer
    if _BRACKETED.match(folded) and section == "summary":
        return "an aside in brackets"  # "(6 ist in der Schweiz die beste ..., Anm. d. Red.)"
    if (" ... ... " in folded or " … … " in folded) and section == "summary":
        return "a questionnaire's prompt and answer"  # "Noten sind ... ... hilfreich."
    end = folded.rstrip(_CLOSE + " ")
    if not end or end[-1] not in ".!?…":
        return "no final punctuation"
    if folded.count('"') % 2:
        return "unbalanced quotation marks"
    if folded.count("(") != folded.count(")"):
        return "unbalanced parentheses"  # "... zur Führung (21." split inside "(21. Minute)"
    if _ORDINAL_END.search(folded):
        return "cut at an ordinal"  # "... in der 63." / "Der 1." split before "Minute", "FC"
    if _TITLE_END.search(end):
        return "cut after a title"  # "... Herrn Dr." / "Zenit St." split before the name
    for match in _CUT.finditer(folded):  # "Regie- rung"; not "Ein- und Ausfuhr", "verlieren- den"
        if match.group(1) not in _JOINERS and match.group(1) not in GERMAN | _FUNCTION:
            return f"cut word: '{match.group(0)}'"
    for match in _GLUED.finditer(folded):
        previous = folded[:match.start()].rsplit(" ", 1)[-1]
        if not _TITLE_WORD.match(match.group(2)) and not _NAMING.match(previous):
            return f"glued subheading: '… {match.group(0).strip()}'"
    return None


# --------------------------------------------------------------------------- 6. speakers

ROLE = re.compile(r"(?:sprecher|sprecherin|chef|chefin|minister|ministerin|präsident|präsidentin|"
                  r"vorsitzende|vorsitzender|direktor|direktorin|leiter|leiterin|trainer|"
                  r"trainerin|kanzler|kanzlerin|experte|expertin|anwalt|anwältin|"
                  r"bürgermeister|bürgermeisterin|abgeordnete|abgeordneter|sekretär|"
                  r"sekretärin|kommissar|kommissarin|vize|beauftragte|beauftragter|"
                  r"geschäftsführer|geschäftsführerin|analyst|analystin|ökonom|ökonomin)$",
                  re.IGNORECASE)
_STOP_CAPITAL = {
    "Der", "Die", "Das", "Den", "Dem", "Des", "Ein", "Eine", "Einen", "Er", "Sie", "Es", "Wir",
    "Im", "Am", "In", "Auf", "Mit", "Von", "Zu", "Für", "Bei", "Nach", "Und", "Oder", "Aber",
}
_SAYING = re.compile(r"\b(?:sagte|sagt|sagten|erklärte|erklärt|betonte|meinte|schrieb|fügte|"
                     r"ergänzte|warnte|kritisierte|forderte|so)\s+(?:er|sie)\b")
_CAPITAL = r"[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?"
_NAME = re.compile(rf"(?<![.!?:] )(?<!^)\b{_CAPITAL}(?: {_CAPITAL})+\b")  # a run of 2+ capitals


def speaker_flaw(speaker: str | None, sources: list[str]) -> str | None:
    """Why a printed speaker is wrong, or None. ``sources``: the folded cited texts."""
    if not speaker:
        return None
    folded = fold(speaker)
    if folded[:1].islower() and not _NAME_PARTICLE.match(folded):
        return "starts lower-case"
    parts = [p.strip() for p in folded.split(",") if p.strip()]
    if not any(all(p in text for p in parts) for text in sources):
        return "not in the cited source"
    last = folded.split()[-1]
    if ROLE.search(last) and all(w[:1].islower() or ROLE.search(w) for w in folded.split()[:-1]):
        # a bare role: is the source's role followed by a name?
        for text in sources:
            for match in re.finditer(re.escape(folded) + r" ([A-ZÄÖÜ][\w-]+)", text):
                if match.group(1) not in _STOP_CAPITAL:
                    return f"role cut from its name ('{folded} {match.group(1)} …' in the source)"
    return None


def previous_sentence(source: str, text: str) -> str:
    """The source's sentence right before ``text`` (folded), '' when not found."""
    at = source.find(fold(text))
    if at <= 0:
        return ""
    head = source[max(0, at - 400):at].rstrip()
    cuts = [m.end() for m in re.finditer(r"[.!?\"] ", head[:-1])]
    return head[cuts[-1]:] if cuts else head


def missing_speaker(line: Line, texts: dict[str, str]) -> str | None:
    """A quote printed without speaker whose source names one in the sentence before it."""
    if line.section != "quotes" or line.speaker or not _SAYING.search(fold(line.text)):
        return None
    for source in line.sources:
        before = previous_sentence(texts.get(source, ""), line.text)
        names = {" ".join(run.split()[-2:]) for run in _NAME.findall(before)
                 if run.split()[0] not in _STOP_CAPITAL}
        if len(names) == 1:
            return f"the sentence before names {names.pop()}"
    return None


# --------------------------------------------------------------------------- 7. dangling

_FINITE = {
    "ist", "sei", "war", "wäre", "sind", "seien", "waren", "wären", "hat", "habe", "hatte",
    "hätte", "haben", "hatten", "hätten", "wird", "werde", "wurde", "würde", "werden", "wurden",
    "kann", "könne", "konnte", "könnte", "können", "konnten", "muss", "müsse", "musste", "müsste",
    "müssen", "soll", "solle", "sollte", "sollen", "sollten", "will", "wolle", "wollte", "wollen",
    "darf", "dürfe", "durfte", "dürfte", "geht", "ging", "gilt", "galt", "gelte", "zeigt",
    "zeigte", "bedeutet", "bedeute", "bedeutete", "betrifft", "betraf", "sagte", "sagt",
    "erklärte", "teilte", "bestätigte", "berichtete", "meldete", "schrieb", "widersprach",
    "widersprachen", "entgegnete", "folgte", "stieß", "sorgte", "löste", "kam", "kommt",
    "passierte", "geschah", "bestritt", "dementierte", "ergab", "ergibt", "hieß", "heißt", "liegt",
    "lag", "steht", "stand", "stehe", "reicht", "reichte", "scheint", "schien", "trifft", "traf",
    "gehe", "komme", "ließ", "lässt", "führte", "führt", "macht", "machte", "bringt", "brachte",
    "wies", "weist", "sieht", "sah", "hält", "hielt", "nannte", "nennt",
}
_BACK_ADVERB = [
    "Damit", "Dadurch", "Daher", "Deshalb", "Deswegen", "Darum", "Dagegen", "Daraufhin", "Demnach",
    "Dazu", "Dafür", "Davon", "Darauf", "Darüber", "Dabei", "Somit", "Folglich",
]
_TEMPORAL = re.compile(r"(?:Woche|Wochen|Jahr|Jahres|Tage|Tagen|Tag|Monat|Monats|Saison|Sommer|"
                       r"Winter|Frühjahr|Herbst|Mal|Wochenende|Abend|Morgen|Nacht|Zeit|"
                       r"Spielzeit)\b")
# additive and concessive openers: the line says something whole, only the link is lost
_CONNECTIVE = [
    "Zudem", "Außerdem", "Ebenfalls", "Ebenso", "Überdies", "Weiterhin", "Ferner", "Trotzdem",
    "Dennoch", "Allerdings", "Jedoch",
]
_PRONOUN_ATTRIBUTION = re.compile(r"[\",] (?:sagte|sagt|erklärte|betonte|meinte|schrieb|"
                                  r"fügte|ergänzte|so|warnte|kritisierte)\s+(?:er|sie)\b")


def dangling(text: str, speaker: str | None = None) -> str | None:
    """Why ``text`` only makes sense after its source's previous sentence, or None."""
    folded = fold(text)
    tokens = folded.split()
    if len(tokens) < 2:
        return None
    first, second = tokens[0], tokens[1].strip(",.:;")
    head = " ".join(tokens[:12])
    if first in ("Das", "Dies") and ":" in head:
        return None  # "Das ist die Botschaft: ...": it points forward
    if first.rstrip(",") in _BACK_ADVERB and re.match(r"\w+, (?:dass|ob|wie|wenn|was)\b", folded):
        return None  # "Dafür, dass ...": it points forward
    if first == "Darüber" and second == "hinaus":
        return None  # "furthermore": a connective
    if first in ("Dessen", "Deren", "Denen"):
        return f"back-pointing opener: '{first} …'"
    if first in ("Dem", "Den", "Der", "Die", "Das", "Dies", "Diese") and second in _FINITE:
        return f"demonstrative subject: '{first} {second} …'"
    if first == "Dies":
        return "demonstrative subject: 'Dies …'"
    if first in ("Er", "Sie") and second[:1].islower():
        # an attribution naming someone: ", sagte Hammond", ", berichtete der Anwalt"
        if not re.search(r", (?:so|[a-zäöü]+t|[a-zäöü]+te) (?!(?:er|sie|es)\b)"
                         r"(?:(?:der|die|das|ein|eine) (?:[a-zäöü]+e[nr]? ){0,2})?[A-ZÄÖÜ]",
                         folded):
            return f"pronoun subject: '{first} {second} …'"
        return None  # "Er könne ..., sagte Hammond": the line names whom "er" means
    if first in ("Diese", "Dieser", "Dieses", "Diesen", "Diesem") and second[:1].isupper() and (
            not _TEMPORAL.match(second)):
        following = tokens[2] if len(tokens) > 2 else ""
        if following not in ("des", "der", "von", "vom", "zum", "zur", "über", "gegen", "aus"):
            return f"demonstrative noun phrase: '{first} {second} …'"
    third = tokens[2] if len(tokens) > 2 else ""
    if first == "Auch" and (second in ("dies", "er", "sie") or second in (
            "das", "diese", "dieser", "dieses") and (third in _FINITE or third[:1].islower())):
        return f"back-pointing opener: 'Auch {second} …'"  # not "Auch das Betriebssystem"
    if first.rstrip(",") in _BACK_ADVERB:
        if first == "Damit" and re.search(r", (?:\w+ ){0,1}(?:muss|müssen|soll|sollen|braucht|"
                                          r"brauchen|will|wollen|wird|werden|hat|haben|ist|sind|"
                                          r"gibt|kann|können)\b", folded):
            return None  # "Damit X gelingt, muss Y": a purpose clause, not a pointer
        return f"back-pointing opener: '{first} …'"
    if first in ("Dort", "Hier") and not _PLACE_FOLLOWS.match(folded):
        return f"back-pointing place: '{first} …'"  # "Dort wird ihnen vorgeworfen, ..."
    if _ADVERB_SECOND.match(folded) and (third in _FINITE or third.endswith(("te", "ten"))) and (
            ":" not in " ".join(tokens[:6])):  # (a lead-in: "Doch damit ist nun Schluss: ...")
        return f"back-pointing adverb: '{first} {second} …'"  # "Grund dafür sei ..."
    if not speaker and _PRONOUN_ATTRIBUTION.search(folded):
        intro = folded.split('"', 1)[0]
        if not re.search(r"\s[A-ZÄÖÜ]", intro):  # no name before the quote: who is "er"?
            return "pronoun attribution, no speaker: '…, sagte er/sie'"
    if not speaker and first[:1] != '"' and not _NAMES_SPEAKER.search(folded):
        # (a quote printed with its speaker: "Bald aber komme er wieder, schrieb Morales")
        if re.match(r"(?:Sein|Ihr)(?:e|en|em|er|es)? [A-ZÄÖÜ]", folded):
            return f"possessive opener: '{first} {second} …'"  # "Sein Vertrag lief bis 2021"
        late = _LATE_PRONOUN.match(folded)
        if late and "," not in late.group(0):  # "Cain erklärt, sie habe ...": she is Cain  # "2015 hatte er einen Unfall", "Glück für ihn", "Fast die Hälfte von ihnen"
            return f"pronoun among the first words: '{late.group(0)} …'"
    return None


# "Dort, wo ...", "Hier im Essener Norden ...": the place follows
_PLACE_FOLLOWS = re.compile(r"\w+,? (?:wo\b|(?:oben|unten),? )?(?:im|in|am|an|auf|bei|beim)\s")
# a pronominal adverb for what the sentence before said, after the first word and before the
# verb: "Grund dafür sei ...", "Doch damit ist ...", "Parallel dazu kündigte ..." (not an aside,
# "Roboy, davon ist er überzeugt", nor a clause it announces, "Unabhängig davon, wer ..."; a
# quote's words are its speaker's, as for the other openers)
_ADVERB_SECOND = re.compile(
    r"^[A-ZÄÖÜ]\w* (?:da|dar)(?:an|auf|aus|bei|durch|für|hinter|in|mit|nach|neben|über|um|"
    r"unter|von|vor|zu)\s(?!hinaus)"
)
# an attribution naming someone: ", sagte Hammond", ", berichtete der Anwalt"
_NAMES_SPEAKER = re.compile(r", (?:so|[a-zäöü]+t|[a-zäöü]+te) (?!(?:er|sie|es)\b)"
                            r"(?:(?:der|die|das|ein|eine) (?:[a-zäöü]+e[nr]? ){0,2})?[A-ZÄÖÜ]")
# a pronoun for whom the sentence before named, among the first four words (subject after the
# verb, object after a preposition); not one inside a quote (the line opening with one)
_LATE_PRONOUN = re.compile(r"^(?:[^\s\"]+ ){1,3}(?:er|sie|ihn|ihm|ihnen)\b")


def connective(text: str) -> str | None:
    first = fold(text).split(" ", 2)
    if first[0] in _CONNECTIVE or first[:2] == ["Darüber", "hinaus"]:
        return f"'{' '.join(first[:2])} …'"
    return None


# --------------------------------------------------------------------------- the audit

FLAWS = ["inexact citation", "said twice", "page furniture", "not German", "fragment",
         "speaker", "dangling reference"]
DETAILS = {"inexact citation": ["fabricated"]}
INFORMATIVE = ["near-duplicate", "speaker missing", "connective start"]


_ENTRY = re.compile(r"^- \*\*(.+?)\*\*:? ?(.*?)(?: \[[^\]]*\])?$")


def markdown_title_repeats(briefing: dict, limit: int = 40) -> tuple[int, int] | None:
    """(entries printing their title twice, entries) under "Weitere Meldungen" in the Markdown
    of up to ``limit`` lone articles of ``briefing`` built together with one small story (lone
    articles are listed there only beside a story of several); None when none is at hand.
    """
    topics = briefing.get("topics", [])
    paths = sorted(t["articles"][0]["path"] for t in topics if t.get("minor") and t.get("articles"))
    paths = [p for p in paths if Path(p).is_file()][:limit]
    stories = sorted((t for t in topics if len(t.get("articles", [])) > 1),
                     key=lambda t: len(t["articles"]))
    if not paths or not stories:
        return None
    paths += [a["path"] for a in stories[0]["articles"]]
    done = subprocess.run([sys.executable, "-m", "briefing", "build", *paths, "-q"],
                          capture_output=True, text=True, check=False)
    return title_repeats(done.stdout)


def title_repeats(markdown: str) -> tuple[int, int]:
    """(entries printing their title twice, entries) under "## Weitere Meldungen"."""
    repeated = entries = 0
    inside = False
    for row in markdown.splitlines():
        if row.startswith("## "):
            inside = row.strip() == "## Weitere Meldungen"
        elif inside and (match := _ENTRY.match(row)):
            entries += 1
            title, text = _bare(match.group(1)), _bare(match.group(2))
            repeated += bool(text) and (title == text or _contains(text, title))
    return repeated, entries


def printed_before(lines: list[Line]) -> dict[int, str]:
    """id(line) -> the text printed right before it: the previous item of its section, or for
    a topic's first line its title (a heading, or "**title**: line" for a lone article)."""
    before: dict[int, str] = {}
    previous: Line | None = None
    for line in lines:
        if previous is None or previous.topic != line.topic:
            before[id(line)] = line.topic_title
        elif previous.section == line.section:
            before[id(line)] = previous.text
        previous = line
    return before


def opens_source(line: Line, texts: dict[str, str]) -> bool:
    """Does the line open its source (nothing before it but a front-matter block)? Then a
    pronoun in it points forward or to a headline, not to a sentence left out."""
    text = fold(line.text)
    for source in line.sources:
        body = texts.get(source, "")
        at = body.find(text)
        if at == 0 or (at > 0 and body[:at].rstrip().endswith("---")):
            return True
    return False


def antecedent_printed(line: Line, shown: str, texts: dict[str, str]) -> bool:
    """Is the sentence before the line in its source the one printed right before it? (The
    source's text before the line ends with the printed line: a split of the source at '" '
    or "V. " would cut a sentence with a quote or an initial in it.)"""
    shown = _bare(shown) if shown else ""
    if not shown:
        return False
    for source in line.sources:
        body = texts.get(source, "")
        at = body.find(fold(line.text))
        if at > 0 and _bare(body[:at]).endswith(shown):
            return True
    return False


def _around(line: Line, texts: dict[str, str]) -> tuple[str, str]:
    """The folded source text right before and right after the line, in its first source."""
    text = fold(line.text)
    for source in line.sources:
        body = texts.get(source, "")
        at = body.find(text)
        if at >= 0:
            return body[max(0, at - 300):at].rstrip(), body[at + len(text):at + len(text) + 300]
    return "", ""


def audit(briefing: dict, texts: dict[str, str] | None = None,
          mined: list[tuple[str, str]] | None = None,
          title_printed_twice: bool = True) -> list[Line]:
    """Every printed line, its ``flaws`` filled in."""
    texts = source_texts(briefing) if texts is None else texts
    mined = load_mined() if mined is None else mined
    lines = printed_lines(briefing)
    check_repeats(lines, title_printed_twice)
    shown_before = printed_before(lines)
    for line in lines:
        check_citation(line, texts)
        before, after = _around(line, texts)
        checks = {
            "page furniture": furniture(line.text, mined, before, after),
            "not German": not_german(line.text),
            "fragment": fragment(line.text, line.section),
            "speaker": speaker_flaw(line.speaker, [texts.get(s, "") for s in line.sources]),
            "dangling reference": None if opens_source(line, texts) or antecedent_printed(
                line, shown_before.get(id(line), ""), texts) else dangling(line.text, line.speaker),
            "speaker missing": missing_speaker(line, texts),
            "connective start": connective(line.text),
        }
        line.flaws.update({kind: why for kind, why in checks.items() if why})
    return lines


def category(detail: str) -> str:
    """The kind of a flaw's detail: its text before ': ' or ' ('."""
    return detail.split(": ", 1)[0].split(" (", 1)[0]


def counts(lines: list[Line]) -> dict:
    total = len(lines)
    per = collections.Counter(kind for line in lines for kind in line.flaws)
    flawed = sum(any(kind in FLAWS for kind in line.flaws) for line in lines)
    # the same without the lone-article title repeat (one renderer change away from 0)
    flawed_items = sum(any(kind in FLAWS and not (kind == "said twice" and detail.startswith(
        "lone article")) for kind, detail in line.flaws.items()) for line in lines)

    def row(count: int) -> dict:
        return {"count": count, "per_1000": round(1000 * count / total, 1) if total else 0.0}

    breakdown: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for line in lines:
        for kind, detail in line.flaws.items():
            breakdown[kind][category(detail)] += 1
    result = {"lines": total, "flawed": row(flawed),
              "flawed_without_title_repeats": row(flawed_items),
              "flaws": {kind: row(per[kind]) for kind in FLAWS},
              "breakdown": {kind: dict(breakdown[kind].most_common()) for kind in FLAWS},
              "details": {d: row(per[d]) for kinds in DETAILS.values() for d in kinds},
              "informative": {kind: row(per[kind]) for kind in INFORMATIVE},
              "by_section": dict(collections.Counter(line.section for line in lines))}
    return result


def print_table(result: dict, label: str) -> None:
    print(f"\n{label}: {result['lines']} printed lines "
          f"({', '.join(f'{k} {v}' for k, v in result['by_section'].items())})")
    print(f"{'flaw':<42} {'lines':>7} {'per 1,000':>10}")
    for kind in FLAWS:
        row = result["flaws"][kind]
        print(f"{kind:<42} {row['count']:>7} {row['per_1000']:>10.1f}")
        for name, count in list(result["breakdown"][kind].items())[:6]:
            print(f"{'    ' + name[:38]:<42} {count:>7}")
        for detail in DETAILS.get(kind, []):
            sub = result["details"][detail]
            print(f"{'  of which ' + detail:<42} {sub['count']:>7} {sub['per_1000']:>10.1f}")
    row = result["flawed"]
    print(f"{'lines with at least one flaw':<42} {row['count']:>7} {row['per_1000']:>10.1f}")
    row = result["flawed_without_title_repeats"]
    print(f"{'  the same without title repeats':<42} {row['count']:>7} {row['per_1000']:>10.1f}")
    if result.get("markdown_weitere_meldungen"):
        md = result["markdown_weitere_meldungen"]
        print(f"Markdown check ({md['entries']} lone articles built together): "
              f"{md['printed_twice']} 'Weitere Meldungen' entries print their sentence twice")
    print("informative (not in the total):")
    for kind in INFORMATIVE:
        row = result["informative"][kind]
        print(f"{'  ' + kind:<42} {row['count']:>7} {row['per_1000']:>10.1f}")


def print_examples(lines: list[Line], briefing: dict, number: int, seed: int) -> None:
    paths = {a["id"]: Path(a["path"]).name for t in briefing.get("topics", [])
             for a in t.get("articles", [])}
    for kind in FLAWS + [d for ds in DETAILS.values() for d in ds] + INFORMATIVE:
        flagged = [line for line in lines if kind in line.flaws]
        if not flagged:
            continue
        chosen = random.Random(seed).sample(flagged, min(number, len(flagged)))
        print(f"\n== {kind}: {len(flagged)} lines, {len(chosen)} examples")
        for line in chosen:
            sources = ", ".join(f"{s} {paths.get(s, '?')}" for s in line.sources)
            speaker = f" — {line.speaker}" if line.speaker else ""
            print(f"- [{line.topic_title[:60]} / {line.section}] {line.text[:400]}{speaker}"
                  f"\n    sources: {sources}\n    why: {line.flaws[kind]}")


# --------------------------------------------------------------------------- building


def corpus_folder(fraction: float) -> Path:
    """The corpus written as .txt files, cached across runs (the build itself is not cached)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from _corpus import LAYOUT, write_corpus

    name = "full" if fraction >= 1 else f"fraction-{fraction:g}"
    folder = CACHE / f"{name}-layout{LAYOUT}"
    marker = folder / ".complete"
    if not marker.is_file():
        count = write_corpus(folder, fraction)
        marker.write_text(str(count), encoding="utf-8")
    return folder


def build(args: list[str]) -> dict:
    done = subprocess.run([sys.executable, "-m", "briefing", *args, "-f", "json", "-q"],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"briefing {' '.join(args)} failed: {done.stderr.strip()[-500:]}")
    return json.loads(done.stdout)


# --------------------------------------------------------------------------- mining

MINE_PARAMS = {"sentence_articles": 5, "sentence_words": 3, "short_words": 6, "short_articles": 10,
               "unrelated_max": 0.02, "own_words": 10,
               "marker_articles": 30, "marker_left": 0.3, "marker_right_capital": 0.8,
               "marker_right_entropy": 4.0, "top_terms": 15}
_MINE_SPLIT = re.compile(r'(?<=[^\W\d_][.!?])["“]?\s+(?=["„A-ZÄÖÜ])')

def corpus_documents() -> list[tuple[str, str]]:
    """(outlet, text) of every corpus article: MLSUM is the SZ, 10kGNAD DER STANDARD."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from _corpus import gnad_rows, mlsum_texts

    return [("SZ", t) for t in mlsum_texts()] + [("STANDARD", t) for _, t in gnad_rows()]


def _top_terms(documents: list[str], size: int) -> list[set[str]]:
    tokenised = [[w.lower() for w in words(d) if len(w) > 3 and not w.isdigit()] for d in documents]
    df = collections.Counter(w for tokens in tokenised for w in set(tokens))
    total = len(documents)
    tops = []
    for tokens in tokenised:
        tf = collections.Counter(tokens)
        score = {w: c * math.log(total / df[w]) for w, c in tf.items() if df[w] >= 2}
        tops.append(set(sorted(score, key=lambda w: (-score[w], w))[:size]))
    return tops


def _relatedness(ids: set[int], tops: list[set[str]]) -> float:
    """Mean Jaccard overlap of the articles' top terms (near 0: unrelated articles)."""
    chosen = sorted(ids)
    if len(chosen) > 40:
        chosen = random.Random(0).sample(chosen, 40)
    pairs = [(a, b) for i, a in enumerate(chosen) for b in chosen[i + 1:]]
    if not pairs:
        return 1.0
    return sum(len(tops[a] & tops[b]) / (len(tops[a] | tops[b]) or 1) for a, b in pairs) / len(
        pairs)


def mine(documents: list[tuple[str, str]]) -> list[tuple[str, int, str]]:
    """(kind, articles, text) of the furniture mined from the corpora.

    sentence: a sentence (3+ words) that stands in 5+ articles (10+ when shorter than 6 words:
      "Woran liegt das?" is style, not furniture) which are unrelated to each other: mean
      Jaccard overlap of their 15 top tf-idf terms <= 0.02, the terms taken from the text the
      article does not share with another (so that shared boilerplate does not relate its
      articles), and only articles with 10+ words of such text count (copies of one story have
      none: they cannot show that they are unrelated). News repeated by several articles of one
      story is related and stays out.
    marker: a run of 2-3 words without function words or digits, in 30+ articles, that sits
      glued between sentences: after a sentence end (or at the start) in 30%+ of its uses, a
      capitalised word after it in 80%+, and varied words after it (entropy >= 4 bits) - a label
      such as an image button, not a name (a name is followed by the same few words).
    """
    p = MINE_PARAMS
    texts = [text for _, text in documents]
    sentence_ids: dict[str, set[int]] = collections.defaultdict(set)
    for number, text in enumerate(texts):
        for sentence in _MINE_SPLIT.split(text):
            sentence = fold(sentence)
            if len(sentence.split()) >= p["sentence_words"]:
                sentence_ids[sentence].add(number)
    repeated = {s for s, ids in sentence_ids.items() if len(ids) >= 2}
    stripped = [" ".join(s for s in _MINE_SPLIT.split(t) if fold(s) not in repeated) for t in texts]
    tops = _top_terms(stripped, p["top_terms"])
    own = {n for n, text in enumerate(stripped) if len(text.split()) >= p["own_words"]}
    found = []
    for sentence, ids in sentence_ids.items():
        ids = ids & own
        needed = p["short_articles"] if len(sentence.split()) < p["short_words"] else p[
            "sentence_articles"]
        if len(ids) >= needed and _relatedness(ids, tops) <= p["unrelated_max"]:
            found.append(("sentence", len(ids), sentence))
    for size in (2, 3):
        ids: dict[str, set[int]] = collections.defaultdict(set)
        uses, left, capital = collections.Counter(), collections.Counter(), collections.Counter()
        after: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
        for number, text in enumerate(texts):
            tokens = text.split()
            for i in range(len(tokens) - size + 1):
                run = tokens[i:i + size]
                if any(t.lower().strip(".,:;!?\"()") in _FUNCTION or any(c.isdigit() for c in t)
                       or not any(c.isalpha() for c in t) for t in run):
                    continue
                if re.search(r"[.,:;!?\"]$", run[-1]) or not any(t[:1].islower() for t in run):
                    continue
                key = " ".join(run)
                ids[key].add(number)
                uses[key] += 1
                if i == 0 or re.search(r"[.!?\"“)]$", tokens[i - 1]):
                    left[key] += 1
                if i + size < len(tokens):
                    following = tokens[i + size]
                    capital[key] += following[:1].isupper() or following[:1] in "(\"„"
                    after[key][following] += 1
        for key, articles in ids.items():
            if len(articles) < p["marker_articles"]:
                continue
            spread = after[key]
            n = sum(spread.values()) or 1
            entropy = -sum(c / n * math.log2(c / n) for c in spread.values())
            if (left[key] / uses[key] >= p["marker_left"]
                    and capital[key] / uses[key] >= p["marker_right_capital"]
                    and entropy >= p["marker_right_entropy"]
                    and _relatedness(articles, tops) <= p["unrelated_max"]):
                found.append(("marker", len(articles), key))
    return sorted(found, key=lambda row: (row[0], -row[1], row[2]))


def write_mined(rows: list[tuple[str, int, str]], path: Path = MINED) -> None:
    header = [
        "# Page furniture mined from ../shared/corpus (MLSUM = Süddeutsche Zeitung, 10kGNAD test =",
        "# DER STANDARD) by `python benchmarks/audit.py --mine`; the method is mine()'s docstring.",
        "# Parameters: " + json.dumps(MINE_PARAMS),
        "# kind<TAB>articles<TAB>text (folded as CONTRACT.md folds)",
    ]
    body = [f"{kind}\t{count}\t{text}" for kind, count, text in rows]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(header + body) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--folder", type=Path, help="audit the briefing of this folder")
    source.add_argument("--json", type=Path, help="audit a saved `briefing build -f json` output")
    source.add_argument("--seeds", action="store_true", help="audit the bundled seeds' briefing")
    source.add_argument("--mine", action="store_true", help=f"re-mine {MINED.name} and exit")
    parser.add_argument("--fraction", type=float, default=1.0, help="an even share of the corpus")
    parser.add_argument("--examples", type=int, default=0, help="flagged lines shown per flaw")
    parser.add_argument("--sample-seed", type=int, default=1, help="which examples are shown")
    parser.add_argument("--json-out", type=Path, help="write the counts as JSON")
    parser.add_argument("--save-build", type=Path, help="keep the build's JSON in this file")
    args = parser.parse_args(argv)

    if args.mine:
        rows = mine(corpus_documents())
        write_mined(rows)
        print(f"{len(rows)} strings written to {MINED}")
        return 0
    if args.json:
        briefing, label = json.loads(args.json.read_text(encoding="utf-8")), str(args.json)
    elif args.seeds:
        briefing, label = build(["build"]), "seeds"
    else:
        folder = args.folder or corpus_folder(args.fraction)
        label = str(args.folder) if args.folder else (
            "full corpus" if args.fraction >= 1 else f"corpus fraction {args.fraction:g}")
        briefing = build(["build", str(folder)])
    if args.save_build:
        args.save_build.write_text(json.dumps(briefing, ensure_ascii=False), encoding="utf-8")
    markdown = markdown_title_repeats(briefing)
    lines = audit(briefing, title_printed_twice=markdown is None or markdown[0] > 0)
    result = counts(lines)
    result["label"] = label
    result["markdown_weitere_meldungen"] = (
        None if markdown is None else {"printed_twice": markdown[0], "entries": markdown[1]})
    print_table(result, label)
    if args.examples:
        print_examples(lines, briefing, args.examples, args.sample_seed)
    if args.json_out:
        args.json_out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n",
                                 encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
