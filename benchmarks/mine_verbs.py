"""Mine the finite verb forms of the shared corpora ("sagte", "unterlag", "verließ").

Usage (from the repository root):

    python benchmarks/mine_verbs.py            # how many forms, and a sample
    python benchmarks/mine_verbs.py --write    # rewrite briefing/lexicon/finite_verbs.txt

A German main clause puts its finite verb right after a pronoun subject that opens the sentence
("Er unterlag ...", "Sie sagte ...") and right before one after the first place ("Dann verließ
er ...", ", sagte sie"). A lower-case word seen so twice or more in the MLSUM and 10kGNAD texts
(the labelled stories' articles left out, as for the heading lexicon) is written down, unless
the function words know it as something else ("auch", "dann": lexicon function_words.txt,
whose own finite verbs stay). Not counted: a subordinate clause's opening word (", weshalb
er"), a word after a conjunction ("Und genau er"), and a word seen only after a question word
("Was genau er", "Wie schnell sie"). The briefing reads a sentence whose main clause holds none of
these forms, nor a word that may be one, as a fragment ("Im chinesischen Geschäftsdickicht,
in dem ...", "Zwölf Sekunden bis zur schwarzen Null."; briefing.cues.clauses).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
LEXICON = ROOT / "briefing" / "lexicon" / "finite_verbs.txt"
ADJECTIVES = ROOT / "briefing" / "lexicon" / "short_adjectives.txt"
_LOWER = re.compile(r"(?<![\w-])[a-zäöüß]+(?![\w-])")
# a short adjective: as short as a strong past ("groß", "klar"), and declined
_SHORT = range(3, 7)
_DECLENSION = ("e", "en", "er", "es")
_TOKEN = re.compile(r"[A-Za-zÄÖÜäöüß]+|\d+|[^\w\s]")
_SUBJECTS = frozenset({"er", "sie", "es", "wir", "ich", "man"})
_SENTENCE_START = frozenset('.!?"„“:')
MIN_COUNT = 2
_CONJUNCTIONS = frozenset({"Und", "Oder", "Aber", "Sondern", "Denn"})
# Read by hand among the function words the rule leaves out ("dass", "wenn", "aber" ...): these
# are modal verbs
HAND = ("mag", "mögen", "möchte", "möchten")

ADJECTIVES_HEADER = """\
# Short adjectives of German news ("groß", "klar", "breit"), one a line: as short as a strong
# past ("kam") is, so a sentence's only such word was taken for its verb ("So groß, dass der
# Plenarsaal erstmals nicht ausreichte, ..."); these are no verb (briefing.cues.clauses).
# Mined by benchmarks/mine_verbs.py (--write rewrites this file): a lower-case word of 3-6
# letters that the corpora write with each of -e, -en, -er, -es twice or more, no finite form
# and no function word.
"""

HEADER = """\
# Finite verb forms of German news ("sagte", "unterlag", "verließ"), one a line: a sentence whose
# main clause holds none of them, nor a word that may be one, is a fragment (briefing.cues.clauses).
# Mined by benchmarks/mine_verbs.py (--write rewrites this file); see its docstring.
"""


def mine(texts: list[str]) -> list[str]:
    from briefing import lexicon

    found: Counter[str] = Counter()
    after_question: Counter[str] = Counter()
    for text in texts:
        tokens = _TOKEN.findall(text)
        for i in range(len(tokens) - 1):
            word, following = tokens[i], tokens[i + 1]
            # "Er unterlag": a pronoun subject opening the sentence, then its verb
            if (
                word[:1].isupper()
                and word.casefold() in _SUBJECTS
                and (i == 0 or tokens[i - 1] in _SENTENCE_START)
                and following.islower()
            ):
                found[following] += 1
            # "Dann verließ er", ", sagte sie": the verb before a pronoun subject (not a
            # subordinate clause's opening word, ", weshalb er", nor a word after a conjunction,
            # which takes no place of its own: "Und genau er ...")
            if (
                i
                and word.islower()
                and following in _SUBJECTS
                and (tokens[i - 1][:1].isupper() or tokens[i - 1] == ",")
                and tokens[i - 1] not in _CONJUNCTIONS
                and word not in lexicon.CLAUSE_WORDS
            ):
                # after a question word the word may be its adverb ("Wie schnell sie ...",
                # "Was genau er ..."): such uses count only beside one of another kind
                asked = tokens[i - 1].casefold() in lexicon.CLAUSE_WORDS
                (after_question if asked else found)[word] += 1
    finite = {w.casefold() for w in lexicon.FINITE_AUXILIARIES | lexicon.FINITE_VERBS}
    other = {w.casefold() for w in lexicon.ALL_FUNCTION_WORDS} - finite
    mined = {
        w for w, k in found.items()
        if k + after_question[w] >= MIN_COUNT and len(w) > 1 and w not in other
    }
    return sorted(mined | set(HAND))


def mine_adjectives(texts: list[str], forms: list[str]) -> list[str]:
    """The short adjectives of ``texts`` (see ADJECTIVES_HEADER), none of ``forms``."""
    from briefing import lexicon

    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(_LOWER.findall(text))
    excluded = set(forms) | {w.casefold() for w in lexicon.ALL_FUNCTION_WORDS}
    return sorted(
        w for w in counts
        if len(w) in _SHORT
        and w not in excluded
        and all(counts[w + ending] >= MIN_COUNT for ending in _DECLENSION)
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help=f"rewrite {LEXICON.name}")
    args = parser.parse_args(argv)
    from headings import unlabelled_texts

    texts = unlabelled_texts()
    forms = mine(texts)
    print(f"{len(forms)} finite forms, e.g. {', '.join(forms[::max(1, len(forms) // 12)])}")
    adjectives = mine_adjectives(texts, forms)
    sample = ", ".join(adjectives[:: max(1, len(adjectives) // 12)])
    print(f"{len(adjectives)} short adjectives, e.g. {sample}")
    if args.write:
        LEXICON.write_text(HEADER + "\n".join(forms) + "\n", encoding="utf-8")
        ADJECTIVES.write_text(ADJECTIVES_HEADER + "\n".join(adjectives) + "\n", encoding="utf-8")
        print(f"wrote {LEXICON} and {ADJECTIVES}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
