"""The line-trust audit (benchmarks/audit.py) on real briefings: exact citations, said once."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from benchmark_module import BENCHMARKS, load_benchmark

audit = load_benchmark("audit")

# the flaw kinds of issue 17 items 1-3: every line cites exactly its verbatim carriers, and
# no sentence is printed twice in a topic (the lone-article "**X**: X" title is not a line);
# their ceilings, and the full corpus's figures, are pinned in tests/quality_baseline.json
BASELINE = Path(__file__).resolve().parents[1] / "quality_baseline.json"
CEILINGS = json.loads(BASELINE.read_text("utf-8"))["audit"]["trust"]["ceilings"]
OWNED = tuple(CEILINGS["seeds"])

SLICE_STORIES = 8  # stories of benchmarks/data/keyfacts.json built together (about 90 articles)


def _counts(briefing: dict, texts: dict[str, str] | None = None) -> dict:
    lines = audit.audit(briefing, texts=texts, mined=[], title_printed_twice=False)
    return audit.counts(lines)


def test_the_seeds_have_no_inexact_citation_and_no_repeat(seeds_json: dict) -> None:
    result = _counts(seeds_json)
    assert result["lines"] >= 20
    for kind in OWNED:
        assert result["flaws"][kind]["count"] <= CEILINGS["seeds"][kind], result["breakdown"][kind]
    assert result["details"]["fabricated"]["count"] == 0


def test_the_audit_still_finds_what_it_should_in_the_seeds(seeds_json: dict) -> None:
    """The checks are live: a line citing a source without its words, and a repeated line,
    are flagged in the same briefing."""
    broken = json.loads(json.dumps(seeds_json))
    topic = broken["topics"][0]
    first = topic["summary"][0]
    first["sources"] = sorted({*first["sources"], "a5"}, key=lambda s: int(s[1:]))
    topic["claims"].append({"text": topic["summary"][1]["text"], "sources":
                            topic["summary"][1]["sources"], "variants": []})
    result = _counts(broken)
    assert result["flaws"]["inexact citation"]["count"] == 1
    assert result["flaws"]["said twice"]["count"] == 1


def test_a_slice_of_the_corpus_has_no_inexact_citation_and_no_repeat(
    shared_dir: Path, tmp_path: Path
) -> None:
    """Eight multi-outlet stories of the corpus (the first of benchmarks/data/keyfacts.json),
    built together through the command line: every line and variant cites exactly, and no
    sentence is printed twice (the full corpus: ``python benchmarks/audit.py``)."""
    sys.path.insert(0, str(BENCHMARKS))
    from _corpus import as_paragraphs, mlsum_texts

    stories = json.loads((BENCHMARKS / "data" / "keyfacts.json").read_text("utf-8"))["stories"]
    members = sorted({n for story in stories[:SLICE_STORIES] for n in story["articles"]})
    texts = mlsum_texts()
    for number in members:
        (tmp_path / f"{number:05d}.txt").write_text(as_paragraphs(texts[number]) + "\n", "utf-8")
    briefing = audit.build(["build", str(tmp_path)])
    major = [t for t in briefing["topics"] if len(t["articles"]) > 1]
    assert len(major) >= 5
    assert any(item.get("variants") for t in major for item in t["summary"])
    result = _counts(briefing)
    for kind in OWNED:
        assert result["flaws"][kind]["count"] <= CEILINGS["slice"][kind], result["breakdown"][kind]
