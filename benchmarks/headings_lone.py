"""Lone-article headings (issue 16): how often a heading's words are in the editor's teaser.

    python benchmarks/headings_lone.py --validation   # the figure to report (never tuned on)
    python benchmarks/headings_lone.py                # the tuning part (settings chosen here)
    python benchmarks/headings_lone.py --show 40      # ... and 40 headings beside their teasers
    python benchmarks/headings_lone.py --read 100     # 100 random corpus texts' headings to read
    python benchmarks/headings_lone.py --read 100 --judge benchmarks/data/lone_verdicts.tsv
    python benchmarks/headings_lone.py --read 60 --seed 23 --judge benchmarks/data/lone_verdicts.tsv
    python benchmarks/headings_lone.py --time          # CPU seconds of the tuning part's headings

The proxy: ../shared/eval/summaries/mlsum_de_train.jsonl holds 10,279 MLSUM articles with the
editor's teaser (``summary``), which says what the article is about. Each article is written
as a plain text file, read by the product's loader and headed as a lone article of a folder of
lone articles (``lone_headings``: the path ``briefing build`` takes for a one-article topic).
A heading's content words are its capitalised words that are no stop words; its head is the
noun the phrase is about ("Landtagswahl" of "Landtagswahl in Thüringen", "Idee" of "Trumps
Idee") or a name's last word. A word is in the teaser when one of its hyphen parts matches a
teaser word by Snowball stem, or one stem ends with the other (a compound's head: "Wahl" and
"Landtagswahl") or starts with the other (five letters or more: "Bundesliga" and
"Bundesligaspiel"). Scored: the share of headings whose head is in the teaser (``head``),
with any content word in it (``any``), and with every content word in it (``all``).

Splits (as benchmarks/rouge.py defines them): ``--validation`` is the learned models'
validation split (``is_validation``: SHA-256 of the id 0 mod 5, 2,026 articles); the tuning
part is the first TUNE of the other articles in file order. Settings are chosen on the tuning
part only.

--read: N random texts of ../shared/corpus (half MLSUM, half 10kGNAD; seed fixed), each headed
as a lone article of that folder, printed with the text's first 300 characters; with --judge,
each line starts with the reader's verdict for that heading (ok/WRONG), or "?" when the
heading changed (judge it and add it to the file: id, heading, verdict, why).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from briefing import lexicon
from briefing.models import Article
from briefing.stories.headings.compose import lone_headings
from briefing.text.stems import german_stem

SHARED = ROOT.parent / "shared"
TRAIN = SHARED / "eval" / "summaries" / "mlsum_de_train.jsonl"
CACHE = Path(tempfile.gettempdir()) / "headings_lone_bench"
TUNE = 2000
MIN_END = 4  # letters of a stem another ends with (a compound's head)
MIN_START = 5  # letters of a stem another starts with
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_SPLIT = re.compile(r"[-'’.]")


# --------------------------------------------------------------------------- scoring


def _stems(word: str) -> list[str]:
    return [german_stem(p.casefold()) for p in _SPLIT.split(word) if len(p) >= 3]


def teaser_stems(teaser: str) -> set[str]:
    return {s for w in _WORD.findall(teaser) for s in _stems(w)}


def stem_in(stem: str, found: set[str]) -> bool:
    if stem in found:
        return True
    for t in found:
        short, long = (stem, t) if len(stem) <= len(t) else (t, stem)
        if len(short) >= MIN_END and long.endswith(short):
            return True
        if len(short) >= MIN_START and long.startswith(short):
            return True
    return False


def word_in(word: str, found: set[str]) -> bool:
    return any(stem_in(s, found) for s in _stems(word))


def content_words(heading: str) -> list[str]:
    stop = lexicon.german_stop_words()
    words = [w.strip("„“\"'’:,.()") for w in heading.split()]
    return [w for w in words if w[:1].isupper() and w.casefold() not in stop and len(w) > 1]


def head_word(heading: str) -> str:
    """The noun a heading is about: before its first preposition or genitive article the last
    capitalised word ("Landtagswahl", "Idee" of "Trumps Idee", "Morales" of "Evo Morales")."""
    joins = set(lexicon.HEADING_PREPOSITIONS) | set(lexicon.GENITIVE_ARTICLES)
    words = heading.split()
    for k, w in enumerate(words):
        if k and w in joins:
            words = words[:k]
            break
    caps = content_words(" ".join(words))
    return caps[-1] if caps else ""


def score(headings: list[str], teasers: list[str]) -> dict[str, float]:
    head = any_ = all_ = 0
    for heading, teaser in zip(headings, teasers):
        found = teaser_stems(teaser)
        words = content_words(heading)
        h = head_word(heading)
        head += bool(h) and word_in(h, found)
        hits = [word_in(w, found) for w in words]
        any_ += any(hits)
        all_ += bool(hits) and all(hits)
    n = max(1, len(headings))
    return {"head": head / n, "any": any_ / n, "all": all_ / n, "n": len(headings)}


# --------------------------------------------------------------------------- data


def is_validation(article_id: object) -> bool:
    import rouge

    return rouge.is_validation(article_id)


def cases(validation: bool) -> list[dict]:
    rows = [json.loads(line) for line in TRAIN.open(encoding="utf-8")]
    if validation:
        return [r for r in rows if is_validation(r["id"])]
    return [r for r in rows if not is_validation(r["id"])][:TUNE]


def articles_of(name: str, texts: dict[str, str]) -> list[Article]:
    """The texts as the product reads them: plain text files in a folder (cached)."""
    from _corpus import LABELLED_LAYOUT, as_paragraphs, cached_articles

    def write(folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        for ident, text in texts.items():
            body = as_paragraphs(text, LABELLED_LAYOUT)
            (folder / f"{ident}.txt").write_text(body + "\n", encoding="utf-8")

    return cached_articles(CACHE / name, CACHE / f"{name}.pickle", write)


def cpu_time() -> None:
    """The best of three CPU times of heading the tuning part's articles as lone articles."""
    import time

    rows = cases(False)
    articles = articles_of("tuning", {f"m{r['id']:05d}": r["text"] for r in rows})
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        lone_headings(articles)
        best = min(best, time.process_time() - start)
    print(f"{len(articles)} lone articles headed in {best:.2f} s CPU (best of 3)")


def proxy(validation: bool, show: int) -> None:
    rows = cases(validation)
    name = "validation" if validation else "tuning"
    by_id = {f"m{r['id']:05d}": r for r in rows}
    articles = articles_of(name, {k: r["text"] for k, r in by_id.items()})
    headings = lone_headings(articles)
    teasers = [by_id[a.path.stem]["summary"] for a in articles]
    s = score(headings, teasers)
    print(
        f"{name} ({'reported' if validation else 'tuning figure'}): {s['n']} lone articles; "
        f"head in teaser {s['head']:.3f}, any content word {s['any']:.3f}, "
        f"all content words {s['all']:.3f}"
    )
    for a, h, t in random.Random(3).sample(list(zip(articles, headings, teasers)), show):
        mark = "hit " if word_in(head_word(h), teaser_stems(t)) else "MISS"
        print(f"  {mark} {h!r:50} | {t[:110]}")


# --------------------------------------------------------------------------- reading


def read_sample(count: int, seed: int = 16) -> list[tuple[str, str]]:
    """(id, text) of ``count`` random corpus texts: half MLSUM (M<row>), half 10kGNAD
    (G<row>)."""
    from _corpus import gnad_rows, mlsum_texts

    mlsum, gnad = mlsum_texts(), [t for _, t in gnad_rows()]
    rng = random.Random(seed)
    half = count // 2
    picked = [(f"M{i}", mlsum[i]) for i in sorted(rng.sample(range(len(mlsum)), count - half))]
    return picked + [(f"G{i}", gnad[i]) for i in sorted(rng.sample(range(len(gnad)), half))]


def read_verdicts(path: Path) -> dict[tuple[str, str], str]:
    """(id, heading) -> ok or wrong: every heading an article had keeps its verdict."""
    found = {}
    for row in path.read_text(encoding="utf-8").splitlines():
        if row and not row.startswith("#"):
            ident, heading, verdict = row.split("\t")[:3]
            found[(ident, heading)] = verdict
    return found


def reading(count: int, judge: Path | None, seed: int = 16) -> None:
    picked = dict(read_sample(count, seed))
    articles = articles_of(f"read{count}-{seed}", picked)
    headings = lone_headings(articles)
    verdicts = read_verdicts(judge) if judge else None
    counts = {"ok": 0, "wrong": 0, "?": 0}
    for article, heading in zip(articles, headings):
        ident = article.path.stem
        text = " ".join(picked[ident].split())[:300]
        if verdicts is None:
            print(f"{ident}\t{heading}\t\t\t| {text}")
            continue
        verdict = verdicts.get((ident, heading), "?")
        counts[verdict] += 1
        mark = {"ok": "ok   ", "wrong": "WRONG", "?": "?    "}[verdict]
        print(f"{mark} {ident:6} {heading!r:50} | {text[:150]}")
    if verdicts is not None:
        print(
            f"# judged: {counts['wrong']} wrong, {counts['ok']} ok, {counts['?']} not judged "
            f"(changed headings) of {sum(counts.values())}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--validation", action="store_true", help="the reported split")
    parser.add_argument("--show", type=int, default=0, help="print N headings and teasers")
    parser.add_argument("--read", type=int, default=0, help="N random corpus texts to read")
    parser.add_argument("--judge", type=Path, metavar="TSV", help="verdicts for --read")
    parser.add_argument("--seed", type=int, default=16, help="of the --read sample")
    parser.add_argument("--time", action="store_true", help="CPU time of the tuning part")
    args = parser.parse_args()
    if not TRAIN.exists():
        print(f"skipped: {TRAIN} not found")
        return 0
    CACHE.mkdir(parents=True, exist_ok=True)
    if args.time:
        cpu_time()
    elif args.read:
        reading(args.read, args.judge, args.seed)
    else:
        proxy(args.validation, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
