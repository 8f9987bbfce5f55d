"""Mine the words that lost their capital umlaut in the shared corpora ("sterreich", "ra").

Usage (from the repository root):

    python benchmarks/mine_umlauts.py            # the mined words, each with its counts
    python benchmarks/mine_umlauts.py --write    # rewrite briefing/lexicon/lost_umlauts.txt

Some MLSUM texts lost every capital Ä and Ö ("in sterreich", "die neue ra", "weniger l"). The
briefing prints lines verbatim, so it leaves out a line whose such word is too short to be read
("ra"; a longer one still reads as its word and its line stays: briefing/cues/furniture.py).
A word is mined when a word starting with Ä or Ö stands somewhere in the corpora (10,679 MLSUM
texts, the 10,279 MLSUM training articles, 1,028 10kGNAD texts of DER STANDARD, whose
umlauts are whole), its rest without that letter stands in the MLSUM texts, and that rest is
no word of the 10kGNAD texts in any case ("ra" is none; "de" would be, but no "Äde" exists).
"""

from __future__ import annotations

import argparse
import collections
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
LEXICON = ROOT / "briefing" / "lexicon" / "lost_umlauts.txt"
_WORD = re.compile(r"(?<![\w-])[A-Za-zÄÖÜäöüß]+(?![\w-])")
# Read by hand: "l" is "Öl" in the MLSUM texts ("Tanker, die l von den Häfen"); the one "l" of
# the 10kGNAD texts is a litre, so the rule above does not find it. (The briefing's pattern
# wants a space before it and a space or punctuation after it: not "(l)", "2.v.l".) Cem
# Özdemir's name is written whole in none of the corpora and damaged 58 times in the MLSUM
# texts, 9 times at a sentence's start ("... der Grünen. zdemir kritisiert ...").
HAND = {"l": "Öl", "zdemir": "Özdemir", "zdemirs": "Özdemirs"}

HEADER = """\
# Words that lost their capital Ä or Ö in damaged texts ("sterreich" for "Österreich"), with
# the word they stand for. A sentence holding a short one ("ra") cannot be read; the briefing
# prints lines verbatim, so it leaves such a sentence out (briefing.cues.furniture).
# Mined by benchmarks/mine_umlauts.py (--write rewrites this file); see its docstring.
"""


def _counts(paths: list[Path], field: str | None) -> collections.Counter[str]:
    counts: collections.Counter[str] = collections.Counter()
    for path in paths:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                counts.update(_WORD.findall(json.loads(line)[field] if field else line))
    return counts


def mine() -> list[tuple[str, str, int]]:
    """(damaged word, whole word, uses in the MLSUM texts), most used first."""
    mlsum = _counts([SHARED / "corpus" / "mlsum_de_texts.jsonl",
                     SHARED / "eval" / "summaries" / "mlsum_de_train.jsonl"], "text")
    gnad = _counts([SHARED / "corpus" / "10kgnad" / "test.csv"], None)
    whole = {w.casefold() for w in gnad}
    found = {}
    for word in mlsum + gnad:
        rest = word[1:]
        if word[:1] in "ÄÖ" and rest[:1].islower() and mlsum[rest] and rest.casefold() not in whole:
            found[rest] = (word, mlsum[rest])
    for rest, word in HAND.items():
        found.setdefault(rest, (word, mlsum[rest]))
    return sorted(((r, w, n) for r, (w, n) in found.items()), key=lambda row: (-row[2], row[0]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help="rewrite the lexicon file")
    args = parser.parse_args()
    if not SHARED.is_dir():
        raise SystemExit(f"{SHARED} not found: the corpora are needed")
    rows = mine()
    for rest, word, uses in rows:
        print(f"{rest}\t{word}\t{uses}")
    if args.write:
        LEXICON.write_text(HEADER + "".join(f"{r}\t{w}\n" for r, w, _ in rows), encoding="utf-8")
        print(f"wrote {len(rows)} words to {LEXICON.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
