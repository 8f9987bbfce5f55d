"""The cleaner's line model: where its all-prose shortcut applies, what it costs, what it keeps.

    python benchmarks/clean_model.py                 # dev pages and the corpus (11,707 articles)
    python benchmarks/clean_model.py --limit 2000    # the first 2,000 corpus articles only
    python benchmarks/clean_model.py --repeat 3      # timings: lowest of 3 interleaved rounds
    python benchmarks/clean_model.py --record FILE   # write the decisions the tests pin

A page where every line is prose by the rules' signals skips the model and keeps every line
(``clean.model.all_prose``). This checks on the 231 cleaning dev pages and on the corpus
articles (MLSUM + 10kGNAD written as paragraphs, as benchmarks/run.py writes them) that the
model run on those pages anyway keeps exactly the same blocks, and times the cleaning of the
corpus with the shortcut, with the model everywhere and with the rules' region alone (CPU
time of this process, one after the other on the same documents).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "eval" / "cleaning" / "dev"
sys.path.insert(0, str(ROOT))

from benchmarks._corpus import SHARED, as_paragraphs, gnad_rows, mlsum_texts
from briefing.clean.features import PageLines, page_features, page_lines
from briefing.clean.model import all_prose, keep_lines, load_model, select
from briefing.clean.page import page_from

# The dev pages whose decisions the tests pin (tests/unit/test_clean_model.py): every 29th.
RECORD_EVERY = 29


def everywhere(page: PageLines) -> np.ndarray:
    """The model's kept lines, the shortcut not taken."""
    model = load_model()
    probabilities = model.probabilities(page_features(page, model.words))
    return select(page, probabilities, model.switch, model.offset, model.drop_junk, model.trim)


def rules_region(page: PageLines) -> np.ndarray:
    """The rules' trimmed region less their junk lines (what the cleaner kept before)."""
    kept = np.zeros(len(page.units), dtype=bool)
    kept[slice(*page.trimmed)] = True
    return kept & ~np.array([u.junk for u in page.units], dtype=bool)


def blocks(text: str, choose: Callable[[PageLines], np.ndarray]) -> list:
    page = page_lines(text)
    if not page.units or page.region[0] == page.region[1]:
        return page_from(page, None).blocks
    return page_from(page, choose(page)).blocks


def compare(name: str, texts: list[str]) -> None:
    """On how many texts the shortcut applies, and whether the model agrees there."""
    shortcut = [t for t in texts if (p := page_lines(t)).units and all_prose(p)]
    differ = [t for t in shortcut if blocks(t, keep_lines) != blocks(t, everywhere)]
    print(f"{name}: {len(texts)} pages, all prose (model skipped) on {len(shortcut)}; "
          f"the model run there anyway keeps other blocks on {len(differ)}")


def time_corpus(texts: list[str], repeat: int) -> None:
    """CPU time of each way to choose the lines; with ``repeat``, rounds of all three in turn
    and each one's lowest time (other processes on the machine only ever add time)."""
    keep_lines(page_lines(texts[0]))  # the model and the stop words, not timed
    ways = (("rules region", rules_region), ("model everywhere", everywhere),
            ("shortcut + model", keep_lines))
    best = dict.fromkeys((name for name, _ in ways), float("inf"))
    kept = {}
    for _ in range(repeat):
        for name, choose in ways:
            started = time.process_time()
            kept[name] = sum(len(blocks(t, choose)) for t in texts)
            best[name] = min(best[name], time.process_time() - started)
    for name, _ in ways:
        print(f"  {name:17} {best[name]:6.2f} s CPU, {kept[name]} blocks kept")


def dev_texts() -> dict[str, str]:
    rows = [json.loads(line) for line in (DEV / "annotations.jsonl").read_text().splitlines()]
    return {r["file"]: (DEV / r["file"]).read_text(encoding="utf-8") for r in rows}


def record(path: Path) -> None:
    """The kept unit numbers of every RECORD_EVERY-th dev page (file-name order)."""
    texts = dev_texts()
    chosen = sorted(texts)[::RECORD_EVERY]
    decisions = {}
    for name in chosen:
        page = page_lines(texts[name])
        decisions[name] = {"units": len(page.units),
                           "kept": np.flatnonzero(keep_lines(page)).tolist()}
    model = load_model()
    lines = [f"  {json.dumps(name)}: {json.dumps(d)}" for name, d in decisions.items()]
    path.write_text(
        f'{{"model_cv_f1": {json.dumps(model.info.get("cv_f1"))}, "pages": {{\n'
        + ",\n".join(lines) + "\n}}\n", encoding="utf-8")
    print(f"wrote {path} ({len(decisions)} pages)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="first N corpus articles only")
    parser.add_argument("--record", type=Path, help="write the pinned decisions to this file")
    parser.add_argument("--repeat", type=int, default=1, help="timing rounds (lowest counts)")
    args = parser.parse_args()
    if not SHARED.is_dir():
        print(f"benchmark data not found: {SHARED}: skipped", file=sys.stderr)
        return 0
    if args.record:
        record(args.record)
        return 0
    compare("dev pages", list(dev_texts().values()))
    corpus = [as_paragraphs(t) + "\n" for t in mlsum_texts() + [t for _, t in gnad_rows()]]
    corpus = corpus[: args.limit] if args.limit else corpus
    compare("corpus", corpus)
    print(f"cleaning the {len(corpus)} corpus articles (CPU, lowest of {args.repeat}):")
    time_corpus(corpus, args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
