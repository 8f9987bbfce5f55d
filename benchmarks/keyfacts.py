"""Key-fact recall of the briefing a user gets for a folder of one story's articles.

Usage (from the repository root):

    python benchmarks/keyfacts.py                 # dev and val stories, per-story table
    python benchmarks/keyfacts.py --split val     # one split only
    python benchmarks/keyfacts.py --items         # also print the lines scored
    python benchmarks/keyfacts.py --whole         # the summary alone: each story's articles
                                                  # as ONE topic, in process, with baselines

The stories and their key facts are ours, ``benchmarks/data/keyfacts.json``: 40 stories of
2019 in ``../shared/corpus/mlsum_de_texts.jsonl`` (the 20 dev stories of
``../shared/eval/stories/dev`` and the 20 of ``benchmarks/data/stories_val.json``), each with
8-14 facts written from its member articles before any summarizer ran, as regexes that a
sentence stating the fact matches (core facts weigh 2). Tune on ``dev``; ``val`` is the
figure to report.

Each story's members are written as a folder (one ``.txt`` per article, paragraphs as the
other benchmarks write them) and built with ``briefing build -f json``, exactly as a user
would. Scored: the weighted share of facts that a line of "Das Wichtigste" of the story's
main topic (the topic holding most of its articles) states. Also shown: into how many topics
the folder fell (1 is right), the words of those lines (the goal is about 200 in 10 lines),
and the recall of all topics' summary lines together (what the reader sees in the whole
briefing, whatever the grouping). The program is only called through its command line, so
this measures any version of it.

``--whole`` measures the summary alone, without the grouping: each story's articles are loaded
(``briefing.load_articles``) and summarized as one topic (``briefing.summarize_topic``), beside
two baselines given the same number of lines (as ``benchmarks/multidoc.py`` has them): plain
LexRank over all the story's sentences, and the articles' leads taken in turn.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from _corpus import LABELLED_LAYOUT, as_paragraphs, mlsum_texts, require_shared  # noqa: E402

DATA = ROOT / "benchmarks" / "data" / "keyfacts.json"
_WORD = re.compile(r"\w+")


@dataclass
class Result:
    story: str
    split: str
    recall: float  # weighted, main topic's Das Wichtigste
    recall_all: float  # weighted, every topic's summary lines together
    topics: int  # topics the story's folder fell into
    lines: int
    words: int
    items: list[str]
    missed: list[str]


def load_stories(path: Path = DATA) -> list[dict]:
    stories = json.loads(path.read_text(encoding="utf-8"))["stories"]
    for story in stories:
        for nugget in story["nuggets"]:
            nugget["compiled"] = [re.compile(p, re.IGNORECASE) for p in nugget["patterns"]]
    return stories


def weighted_recall(lines: list[str], nuggets: list[dict]) -> tuple[float, list[str]]:
    """The weighted share of nuggets some line states, and the facts no line states."""
    seen = {
        k for k, nugget in enumerate(nuggets) for line in lines
        if any(p.search(line) for p in nugget["compiled"])
    }
    total = sum(n["weight"] for n in nuggets)
    got = sum(n["weight"] for k, n in enumerate(nuggets) if k in seen)
    return got / total, [n["fact"] for k, n in enumerate(nuggets) if k not in seen]


def build(folder: Path, sentences: int) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "briefing", "build", str(folder), "-f", "json", "-q",
         "-n", str(sentences), "--jobs", "1"],
        capture_output=True, text=True, cwd=ROOT,
    )
    if done.returncode != 0:
        raise SystemExit(f"briefing build {folder} failed: {done.stderr.strip()}")
    return json.loads(done.stdout)


def write_story(story: dict, texts: list[str], work: Path) -> Path:
    """The story's member articles as a folder of ``.txt`` files (paragraphs as the other
    benchmarks write them)."""
    folder = work / story["id"]
    folder.mkdir()
    for number in story["articles"]:
        text = as_paragraphs(texts[number], LABELLED_LAYOUT)
        (folder / f"{number:05d}.txt").write_text(text + "\n", "utf-8")
    return folder


def print_items(result: Result) -> None:
    """The lines scored and the facts none of them states (``--items``)."""
    for line in result.items:
        print(f"      - {line}")
    for fact in result.missed:
        print(f"      missed: {fact}")


def evaluate(story: dict, texts: list[str], work: Path, sentences: int) -> Result:
    briefing = build(write_story(story, texts, work), sentences)
    topics = briefing["topics"]
    main = max(topics, key=lambda t: len(t["articles"])) if topics else {"summary": []}
    lines = [item["text"] for item in main["summary"]]
    everything = [item["text"] for topic in topics for item in topic["summary"]]
    recall, missed = weighted_recall(lines, story["nuggets"])
    recall_all, _ = weighted_recall(everything, story["nuggets"])
    words = sum(len(_WORD.findall(line)) for line in lines)
    return Result(story["id"], story["split"], recall, recall_all, len(topics), len(lines),
                  words, lines, missed)


WHOLE_SYSTEMS = ("briefing", "lexrank", "lead round-robin")


def whole_recalls(
    stories: list[dict], texts: list[str], sentences: int = 10, weights=None,
    systems: tuple[str, ...] = WHOLE_SYSTEMS,
) -> dict[str, list[Result]]:
    """Each system's result per story, the story's articles summarized as one topic."""
    from multidoc import briefing_items, lead_items, lexrank_items

    from briefing import load_articles

    runs = {
        "briefing": lambda found: briefing_items(found, sentences, weights),
        "lexrank": lambda found: lexrank_items(found, sentences),
        "lead round-robin": lambda found: lead_items(found, sentences),
    }
    table: dict[str, list[Result]] = {name: [] for name in systems}
    with tempfile.TemporaryDirectory() as work:
        for story in stories:
            found, _skipped = load_articles([write_story(story, texts, Path(work))])
            for name in systems:
                lines = runs[name](found)
                recall, missed = weighted_recall(lines, story["nuggets"])
                words = sum(len(_WORD.findall(line)) for line in lines)
                table[name].append(Result(story["id"], story["split"], recall, recall, 1,
                                          len(lines), words, lines, missed))
    return table


def whole_main(stories: list[dict], texts: list[str], args: argparse.Namespace) -> dict:
    table = whole_recalls(stories, texts, args.sentences)
    for k, story in enumerate(stories):
        cells = "  ".join(f"{name} {table[name][k].recall:.3f}" for name in WHOLE_SYSTEMS)
        own = table["briefing"][k]
        print(f"{story['split']:4} {story['id'][:42]:42} {cells}  {own.lines:2} lines "
              f"{own.words:4} words", flush=True)
        if args.items:
            print_items(own)
    summary: dict[str, dict] = {}
    for split in ("dev", "val"):
        ids = [k for k, s in enumerate(stories) if s["split"] == split]
        if not ids:
            continue
        summary[split] = {
            name: round(statistics.mean(table[name][k].recall for k in ids), 4)
            for name in WHOLE_SYSTEMS
        }
        summary[split]["words"] = round(
            statistics.mean(table["briefing"][k].words for k in ids), 1)
        summary[split]["stories"] = len(ids)
        row = summary[split]
        print(f"{split} (each story as one topic): weighted key-fact recall "
              + ", ".join(f"{name} {row[name]:.3f}" for name in WHOLE_SYSTEMS)
              + f"; {row['words']} words in Das Wichtigste; {row['stories']} stories")
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=["dev", "val"], help="one split only")
    parser.add_argument("--data", type=Path, default=DATA, help="key facts file")
    parser.add_argument("-n", "--sentences", type=int, default=10, help="lines of Das Wichtigste")
    parser.add_argument("--items", action="store_true", help="print the lines and missed facts")
    parser.add_argument("--json-out", type=Path, help="write the per-split means as JSON")
    parser.add_argument("--whole", action="store_true",
                        help="each story's articles as one topic, in process, with baselines")
    args = parser.parse_args(argv)
    require_shared()
    stories = [s for s in load_stories(args.data) if not args.split or s["split"] == args.split]
    texts = mlsum_texts()
    if args.whole:
        whole = whole_main(stories, texts, args)
        if args.json_out:
            args.json_out.write_text(json.dumps(whole, indent=2) + "\n", encoding="utf-8")
        return 0
    results: list[Result] = []
    with tempfile.TemporaryDirectory() as work:
        for story in stories:
            result = evaluate(story, texts, Path(work), args.sentences)
            results.append(result)
            print(f"{result.split:4} {result.story[:42]:42} recall {result.recall:.3f}  "
                  f"all topics {result.recall_all:.3f}  topics {result.topics:2}  "
                  f"{result.lines:2} lines {result.words:4} words", flush=True)
            if args.items:
                print_items(result)
    summary = {}
    for split in ("dev", "val"):
        rows = [r for r in results if r.split == split]
        if not rows:
            continue
        summary[split] = {
            "recall": round(statistics.mean(r.recall for r in rows), 4),
            "recall_all_topics": round(statistics.mean(r.recall_all for r in rows), 4),
            "topics": round(statistics.mean(r.topics for r in rows), 2),
            "words": round(statistics.mean(r.words for r in rows), 1),
            "stories": len(rows),
        }
        s = summary[split]
        print(f"{split}: weighted key-fact recall {s['recall']:.3f} (main topic), "
              f"{s['recall_all_topics']:.3f} (all topics); {s['topics']} topics per story; "
              f"{s['words']} words in Das Wichtigste; {s['stories']} stories")
    if args.json_out:
        args.json_out.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
