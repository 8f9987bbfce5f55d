"""Stories, not fragments: B-cubed grouping scores, heading hits and near misses merged.

    python benchmarks/stories.py                      # dev stories, the real `briefing build`
    python benchmarks/stories.py --labels FILE        # another labelled set of the same shape
    python benchmarks/stories.py --stories            # one line per story (diagnostics)
    python benchmarks/stories.py --json-out FILE      # figures and diagnostics as JSON

Reads ``../shared/eval/stories/dev/stories.json`` (20 labelled stories of 2019 in
``../shared/corpus/mlsum_de_texts.jsonl``; its README says how to score) and writes every
member, near miss and distractor as one ``.txt`` file named by its corpus id into a
temporary folder (``--folder DIR`` keeps it), paragraphs as the other benchmarks write them
(``_corpus.as_paragraphs``). ``briefing build DIR -f json`` runs as a subprocess; its topics
map back to corpus ids by file name. A skipped file counts as a topic of its own.

Scores, over the labelled members only:
- B-cubed precision, recall and F1: for each member, the share of its topic that are members
  of its story (near misses, distractors and other stories' members are foreign) and the
  share of its story's members in its topic, averaged over all members.
- heading hits: stories whose main topic (the one holding most of their members; on a tie
  the purer one) has a heading containing one of ``heading_terms`` (case-insensitive).
- near misses merged: the share of near misses that sit in their story's main topic.
- distractors in story topics: distractors that share a topic with a story's members.

Not scored, shown: the topics of two or more distractors and nothing else. The distractors are
unlabelled, so whether such a topic is one story is not known. Read on dev (``--stories``
lists them), about half are one story (a cup match, a row over a remark, a summit) and half one
theme's different events (a club's ice hockey games, a coach's matches, a strait's incidents):
theme merges, which B-cubed over the members does not see.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from _corpus import LABELLED_LAYOUT, as_paragraphs

SHARED = ROOT.parent / "shared"
DEV = SHARED / "eval" / "stories" / "dev" / "stories.json"
CORPUS = SHARED / "corpus" / "mlsum_de_texts.jsonl"

# A topic as the benchmark sees it: its heading and the corpus ids of its articles.
Grouping = list[tuple[str, list[str]]]


@dataclass
class StoryResult:
    id: str
    members: int
    topics: int  # topics the members fall into
    main_size: int  # articles in the main topic
    main_members: int  # members in the main topic
    heading: str
    heading_hit: bool
    near_misses_merged: list[str]
    foreign_in_main: int  # non-members in the main topic
    precision: float
    recall: float


@dataclass
class Scores:
    stories: int = 0
    members: int = 0
    articles: int = 0
    topics: int = 0
    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0
    heading_hits: int = 0
    near_misses: int = 0
    near_misses_merged: int = 0
    near_miss_rate: float = 0.0
    distractors_in_story_topics: int = 0
    distractor_topics: list[tuple[str, list[str]]] = field(default_factory=list)
    largest_topic: int = 0
    per_story: list[StoryResult] = field(default_factory=list)


def load_labels(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def folder_ids(labels: dict) -> list[str]:
    """Every member, near miss and distractor, each once, in a fixed order."""
    ids: list[str] = []
    for story in labels["stories"]:
        ids += [str(i) for i in story["members"]] + [str(i) for i in story["near_misses"]]
    ids += [str(i) for i in labels["distractors"]]
    return list(dict.fromkeys(ids))


def corpus_texts(ids: set[str], path: Path = CORPUS) -> dict[str, str]:
    texts: dict[str, str] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if str(row["id"]) in ids:
                texts[str(row["id"])] = row["text"]
    missing = ids - texts.keys()
    if missing:
        raise SystemExit(f"ids not in {path}: {sorted(missing)[:5]} ...")
    return texts


def write_folder(labels: dict, folder: Path) -> list[str]:
    """Write the benchmark folder (one ``ID.txt`` per article); return the ids written."""
    ids = folder_ids(labels)
    texts = corpus_texts(set(ids))
    folder.mkdir(parents=True, exist_ok=True)
    for ident in ids:
        text = as_paragraphs(texts[ident], LABELLED_LAYOUT)
        (folder / f"{ident}.txt").write_text(text + "\n", encoding="utf-8")
    return ids


def build_topics(folder: Path, jobs: int | None = None) -> tuple[Grouping, float]:
    """The topics ``briefing build FOLDER -f json`` prints (skipped files as lone topics)."""
    args = [sys.executable, "-m", "briefing", "build", str(folder), "-f", "json", "-q"]
    if jobs:
        args += ["--jobs", str(jobs)]
    start = time.perf_counter()
    result = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"briefing build failed ({result.returncode}): {result.stderr[-2000:]}")
    briefing = json.loads(result.stdout)
    grouping: Grouping = [
        (topic["title"], [Path(a["path"]).stem for a in topic["articles"]])
        for topic in briefing["topics"]
    ]
    grouping += [("", [Path(s["path"]).stem]) for s in briefing.get("skipped", [])]
    return grouping, seconds


def _main_topic(members: set[str], grouping: Grouping, topic_of: dict[str, int]) -> int:
    counts = Counter(topic_of[m] for m in members if m in topic_of)
    # most members; on a tie the purer (smaller) topic, then the first
    return min(counts, key=lambda t: (-counts[t], len(grouping[t][1]), t))


def score(labels: dict, grouping: Grouping) -> Scores:
    """B-cubed over the members, heading hits, near misses merged (see the module docstring)."""
    topic_of = {ident: number for number, (_, ids) in enumerate(grouping) for ident in ids}
    distractors = {str(i) for i in labels["distractors"]}
    result = Scores(
        stories=len(labels["stories"]),
        articles=len(topic_of),
        topics=len(grouping),
        largest_topic=max((len(ids) for _, ids in grouping), default=0),
    )
    precision_sum = recall_sum = 0.0
    story_topics: set[int] = set()
    for story in labels["stories"]:
        members = {str(i) for i in story["members"]}
        in_topic = Counter(topic_of[m] for m in members)
        story_precision = story_recall = 0.0
        for member in members:
            topic = topic_of[member]
            shared = in_topic[topic]
            story_precision += shared / len(grouping[topic][1])
            story_recall += shared / len(members)
        precision_sum += story_precision
        recall_sum += story_recall
        main = _main_topic(members, grouping, topic_of)
        story_topics.update(in_topic)
        heading, main_ids = grouping[main]
        terms = [t.casefold() for t in story["heading_terms"]]
        hit = any(t in heading.casefold() for t in terms)
        near = [str(i) for i in story["near_misses"]]
        merged = [i for i in near if topic_of.get(i) == main]
        result.members += len(members)
        result.heading_hits += hit
        result.near_misses += len(near)
        result.near_misses_merged += len(merged)
        result.per_story.append(
            StoryResult(
                id=story["id"],
                members=len(members),
                topics=len(in_topic),
                main_size=len(main_ids),
                main_members=in_topic[main],
                heading=heading,
                heading_hit=hit,
                near_misses_merged=merged,
                foreign_in_main=len(main_ids) - in_topic[main],
                precision=round(story_precision / len(members), 4),
                recall=round(story_recall / len(members), 4),
            )
        )
    result.precision = round(precision_sum / result.members, 4)
    result.recall = round(recall_sum / result.members, 4)
    p, r = result.precision, result.recall
    result.f1 = round(2 * p * r / (p + r), 4) if p + r else 0.0
    result.near_miss_rate = round(result.near_misses_merged / max(result.near_misses, 1), 4)
    result.distractors_in_story_topics = sum(
        1 for ident in distractors if topic_of.get(ident) in story_topics
    )
    result.distractor_topics = [
        (heading, ids) for heading, ids in grouping
        if len(ids) > 1 and all(i in distractors for i in ids)
    ]
    return result


def report(scores: Scores, stories: bool = False, out=sys.stdout) -> None:
    print(
        f"articles {scores.articles}, topics {scores.topics} (largest {scores.largest_topic}), "
        f"stories {scores.stories}, members {scores.members}",
        file=out,
    )
    print(
        f"B-cubed  P {scores.precision:.3f}  R {scores.recall:.3f}  F1 {scores.f1:.3f}", file=out
    )
    print(f"headings {scores.heading_hits}/{scores.stories} name the story", file=out)
    print(
        f"near misses merged {scores.near_misses_merged}/{scores.near_misses} "
        f"({100 * scores.near_miss_rate:.1f} %); distractors in story topics "
        f"{scores.distractors_in_story_topics}",
        file=out,
    )
    grouped = sum(len(ids) for _, ids in scores.distractor_topics)
    print(
        f"distractors grouped with each other (not scored): {len(scores.distractor_topics)} "
        f"topics, {grouped} articles",
        file=out,
    )
    if stories:
        for heading, ids in scores.distractor_topics:
            print(f"  distractors {','.join(ids):34} {heading[:60]!r}", file=out)
        for s in scores.per_story:
            merged = f" near:{','.join(s.near_misses_merged)}" if s.near_misses_merged else ""
            print(
                f"  {s.id:34} {s.main_members:2}/{s.members:<2} in {s.topics:2} topics, "
                f"main {s.main_size:3} (+{s.foreign_in_main} foreign) "
                f"P {s.precision:.2f} R {s.recall:.2f} "
                f"{'ok ' if s.heading_hit else 'MISS'} {s.heading[:60]!r}{merged}",
                file=out,
            )


def scores_json(scores: Scores, extra: dict | None = None) -> dict:
    data = asdict(scores)
    if extra:
        data.update(extra)
    return data


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", type=Path, default=DEV, help="labelled stories (JSON)")
    parser.add_argument("--folder", type=Path, help="write (and keep) the folder here")
    parser.add_argument("--stories", action="store_true", help="one line per story")
    parser.add_argument("--json-out", type=Path, help="write figures and diagnostics here")
    parser.add_argument("--jobs", type=int, help="passed to briefing build --jobs")
    args = parser.parse_args(argv)
    if not args.labels.exists() or not CORPUS.exists():
        print(f"skipped: {args.labels if not args.labels.exists() else CORPUS} not found")
        return 0
    labels = load_labels(args.labels)
    with tempfile.TemporaryDirectory() as temporary:
        folder = args.folder or Path(temporary) / "stories"
        write_folder(labels, folder)
        grouping, seconds = build_topics(folder, args.jobs)
    scores = score(labels, grouping)
    print(f"{args.labels}: briefing build {seconds:.1f} s")
    report(scores, args.stories)
    if args.json_out:
        extra = {"labels": str(args.labels), "build_seconds": round(seconds, 2)}
        args.json_out.write_text(
            json.dumps(scores_json(scores, extra), ensure_ascii=False, indent=2) + "\n",
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
