"""Mine page furniture from the shared corpora: sentences and caption labels that many
unrelated articles repeat.

Usage (from the repository root):

    python benchmarks/mine_furniture.py            # the candidates, each with its verdict
    python benchmarks/mine_furniture.py --write    # rewrite the mined rows of the lexicon

Read: ../shared/corpus (10,679 MLSUM texts of the Süddeutsche Zeitung, 1,028 10kGNAD test texts
of DER STANDARD) and the 231 pages of ../shared/eval/cleaning/dev (many sites, one page each).
Each text is split as the briefing splits it (``briefing.split_sentences``).

- sentence: a sentence of 3+ words whose letters (``letters_key``: no digits, no punctuation,
  lower case) stand in ``SENTENCE_DOCS`` or more texts (``SHORT_DOCS`` below 6 words: "Woran
  liegt das?" is style, not furniture), texts that are unrelated to each other: the mean
  Jaccard overlap of their ``TOP_TERMS`` most distinctive words is at most ``UNRELATED``. News
  that several articles of one story repeat is related and stays out. Texts with fewer than
  ``OWN_WORDS`` words of their own (copies of one story) cannot show that they are unrelated
  and do not count.
- marker: the first 2 or 3 words of a piece of text that hold no function word, one of them
  in lower case (a verb: "Detailansicht öffnen"), in ``MARKER_DOCS`` or more unrelated texts,
  followed by a capitalised word in 80 % of its uses and by a different word in most: a label
  glued before a picture's caption, not the start of a common sentence.

Every candidate has a verdict in benchmarks/data/furniture_reviewed.tsv (read by hand:
furniture, or news and style); ``--write`` puts the accepted ones into briefing/lexicon/furniture.txt, tagged
"mined", and keeps the hand-written rows. A candidate without a verdict is printed and left
out until it has one.
"""

from __future__ import annotations

import argparse
import collections
import json
import math
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

LEXICON = ROOT / "briefing" / "lexicon" / "furniture.txt"
MINED_TAG = "mined"

SENTENCE_DOCS = 5
SHORT_DOCS = 10
SHORT_WORDS = 6
MARKER_DOCS = 30
TOP_TERMS = 15
UNRELATED = 0.02
OWN_WORDS = 10
MARKER_CAPITAL = 0.8
MARKER_VARIETY = 0.5  # distinct following words per use

REVIEWED_FILE = ROOT / "benchmarks" / "data" / "furniture_reviewed.tsv"


def reviewed() -> dict[str, bool]:
    """The verdicts read by hand (``REVIEWED_FILE``): text -> furniture (True) or news."""
    verdicts = {}
    for line in REVIEWED_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            text, verdict = line.rsplit("\t", 1)
            verdicts[text] = verdict == "furniture"
    return verdicts


def documents() -> list[str]:
    """The texts of the corpora (see the module docstring), each as one string."""
    from _corpus import as_paragraphs, gnad_rows, mlsum_texts, require_shared

    shared = require_shared()
    texts = [as_paragraphs(t) for t in mlsum_texts()]
    texts += [as_paragraphs(t) for _, t in gnad_rows()]
    pages = sorted((shared / "eval" / "cleaning" / "dev" / "pages").glob("*.txt"))
    texts += [p.read_text(encoding="utf-8", errors="replace") for p in pages]
    return texts


def _top_terms(texts: list[str]) -> list[set[str]]:
    """Each text's most distinctive words (tf-idf over the texts)."""
    from briefing.text.words import words

    tokenised = [[w.casefold() for w in words(t) if len(w) > 3] for t in texts]
    df = collections.Counter(w for tokens in tokenised for w in set(tokens))
    total = len(texts)
    tops = []
    for tokens in tokenised:
        tf = collections.Counter(tokens)
        score = {w: c * math.log(total / df[w]) for w, c in tf.items() if df[w] >= 2}
        tops.append(set(sorted(score, key=lambda w: (-score[w], w))[:TOP_TERMS]))
    return tops


def relatedness(ids: set[int], tops: list[set[str]]) -> float:
    """Mean Jaccard overlap of the texts' top words over their pairs (near 0: unrelated)."""
    chosen = sorted(ids)
    if len(chosen) > 40:
        chosen = random.Random(0).sample(chosen, 40)
    pairs = [(a, b) for i, a in enumerate(chosen) for b in chosen[i + 1 :]]
    if not pairs:
        return 1.0
    return sum(len(tops[a] & tops[b]) / (len(tops[a] | tops[b]) or 1) for a, b in pairs) / len(
        pairs
    )


def mine(texts: list[str]) -> list[tuple[str, int, str]]:
    """(kind, texts, text) of every candidate, most frequent first within a kind."""
    from briefing import split_sentences
    from briefing.lexicon import ALL_FUNCTION_WORDS
    from briefing.text.words import letters_key, words

    pieces = [[p for block in t.split("\n") for p in split_sentences(block)] for t in texts]
    holders: dict[str, set[int]] = collections.defaultdict(set)
    shown: dict[str, str] = {}
    for number, found in enumerate(pieces):
        for piece in found:
            key = letters_key(piece)
            if key.count(" ") >= 2:
                holders[key].add(number)
                shown.setdefault(key, piece)
    repeated = {k for k, ids in holders.items() if len(ids) >= 2}
    own = [" ".join(p for p in found if letters_key(p) not in repeated) for found in pieces]
    tops = _top_terms(own)
    counted = {n for n, text in enumerate(own) if len(text.split()) >= OWN_WORDS}
    rows = []
    for key, ids in holders.items():
        ids = ids & counted
        needed = SHORT_DOCS if key.count(" ") + 1 < SHORT_WORDS else SENTENCE_DOCS
        if len(ids) >= needed and relatedness(ids, tops) <= UNRELATED:
            rows.append(("sentence", len(ids), shown[key]))
    for size in (2, 3):
        starts: dict[str, set[int]] = collections.defaultdict(set)
        uses: collections.Counter[str] = collections.Counter()
        capital: collections.Counter[str] = collections.Counter()
        following: dict[str, set[str]] = collections.defaultdict(set)
        for number, found in enumerate(pieces):
            for piece in found:
                tokens = piece.split()
                run = tokens[:size]
                if len(tokens) <= size or any(
                    t.casefold() in ALL_FUNCTION_WORDS or not words(t) or words(t)[0] != t
                    for t in run
                ):
                    continue  # function words, digits and punctuation make no label
                if not any(t[:1].islower() for t in run):
                    continue
                label = " ".join(run)
                starts[label].add(number)
                uses[label] += 1
                nxt = tokens[size]
                capital[label] += nxt[:1].isupper() or nxt[:1] in "(\"„«"
                following[label].add(nxt)
        for label, ids in starts.items():
            if len(ids) < MARKER_DOCS:
                continue
            if (
                capital[label] / uses[label] >= MARKER_CAPITAL
                and len(following[label]) / uses[label] >= MARKER_VARIETY
                and relatedness(ids, tops) <= UNRELATED
            ):
                rows.append(("marker", len(ids), label))
    return sorted(rows, key=lambda r: (r[0], -r[1], r[2]))


def write(rows: list[tuple[str, int, str]]) -> int:
    """Replace the mined rows of the lexicon file by the accepted ``rows``; how many."""
    kept = [
        line
        for line in LEXICON.read_text(encoding="utf-8").splitlines()
        if not line.rstrip().endswith(f" {MINED_TAG}")
    ]
    verdicts = reviewed()
    accepted = [(kind, count, text) for kind, count, text in rows if verdicts.get(text)]
    lines = kept + [f"{text}\t{count}\t{kind} {MINED_TAG}" for kind, count, text in accepted]
    LEXICON.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(accepted)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help=f"rewrite the mined rows of {LEXICON}")
    parser.add_argument("--json", type=Path, help="also write the candidates as JSON")
    args = parser.parse_args(argv)
    rows = mine(documents())
    verdicts = reviewed()
    for kind, count, text in rows:
        verdict = {True: "furniture", False: "kept out", None: "NOT REVIEWED"}[verdicts.get(text)]
        print(f"{kind}\t{count}\t{verdict}\t{text}")
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    if args.write:
        print(f"{write(rows)} rows written to {LEXICON}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
