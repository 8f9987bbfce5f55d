"""Quality floor of the digest's story continuation (../shared corpus; skips without it)."""

from __future__ import annotations

import json
import random
from itertools import combinations
from pathlib import Path

from briefing.digest import CONTINUATION_THRESHOLD, article_terms, similarities
from briefing.models import Article, Block
from briefing.pipeline import load_articles

ROOT = Path(__file__).resolve().parents[2]


def test_same_story_continues_and_unrelated_stories_rarely_do(shared_dir, seeds_dir) -> None:
    floor = json.loads((ROOT / "tests" / "quality_baseline.json").read_text())["digest"]
    texts = []
    with (shared_dir / "corpus" / "mlsum_de_texts.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            texts.append(json.loads(line)["text"])
            if len(texts) >= floor["corpus_texts"]:
                break
    rng = random.Random(floor["seed"])
    pool = floor["earlier_articles"]

    def terms(text: str) -> dict[str, float]:
        return article_terms(Article(Path("x.txt"), text[:80], [Block("paragraph", text)]))

    # the five seeds tell one story: every pair must count as a continuation, with the other
    # seeds and `pool` newspaper articles in the IDF (the rest of the inbox)
    seeds, _ = load_articles([seeds_dir])
    seed_terms = [article_terms(a) for a in seeds]
    background = [terms(t) for t in rng.sample(texts, pool)]
    scores = [
        similarities([seed_terms[i]], [seed_terms[j]],
                     [t for k, t in enumerate(seed_terms) if k not in (i, j)] + background)[0][0]
        for i, j in combinations(range(len(seeds)), 2)
    ]
    # unrelated newspaper articles: how often one looks like it continues one of `pool`
    hits = total = 0
    for _ in range(floor["trials"]):
        sample = [terms(t) for t in rng.sample(texts, 2 * pool)]
        for row in similarities(sample[:pool], sample[pool:]):
            total += 1
            hits += max(row) >= CONTINUATION_THRESHOLD
    assert CONTINUATION_THRESHOLD == floor["threshold"]  # the figures below were measured there
    assert sum(s >= CONTINUATION_THRESHOLD for s in scores) >= floor["seed_pairs_continuing"], (
        sorted(scores)
    )
    assert hits / total <= floor["unrelated_continuing_rate_max"], hits / total
