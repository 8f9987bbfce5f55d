"""Article text only, speakers right or none (issue 17): the line-trust audit on a corpus slice.

The full-corpus figures are pinned in tests/quality_baseline.json under "audit" ("furniture",
"not_german", "fragments", "speakers", "dangling": flawed lines per 1,000 printed lines of
`python benchmarks/audit.py`); this test builds every 40th article of the corpus (about 290)
with the command line and holds the slice's counts of those kinds under their ceilings; the
seeds' briefing has none.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from benchmark_module import load_benchmark

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "mlsum_de_texts.jsonl"
needs_corpus = pytest.mark.skipif(not CORPUS.is_file(), reason="../shared/corpus absent")

# our keys in quality_baseline.json "audit" -> the audit's names of the flaws
KINDS = {
    "furniture": "page furniture",
    "not_german": "not German",
    "fragments": "fragment",
    "speakers": "speaker",
    "dangling": "dangling reference",
}


@pytest.fixture(scope="module")
def baseline() -> dict:
    return json.loads((ROOT / "tests" / "quality_baseline.json").read_text())["audit"]


@needs_corpus
def test_a_corpus_slice_keeps_to_article_text_and_right_speakers(baseline) -> None:
    audit = load_benchmark("audit")
    folder = audit.corpus_folder(baseline["slice"]["fraction"])
    briefing = audit.build(["build", str(folder)])
    lines = audit.audit(briefing, title_printed_twice=False)
    found = {key: sum(kind in line.flaws for line in lines) for key, kind in KINDS.items()}
    examples = {
        key: [line.text[:120] for line in lines if kind in line.flaws][:3]
        for key, kind in KINDS.items()
    }
    assert len(lines) >= baseline["slice"]["min_lines"]
    for key, ceiling in baseline["slice"]["max_lines"].items():
        assert found[key] <= ceiling, (key, found[key], examples[key])


def test_the_seeds_briefing_has_none_of_these_flaws(baseline) -> None:
    """The bundled seeds (no ../shared needed): not one flawed line of these kinds."""
    audit = load_benchmark("audit")
    lines = audit.audit(audit.build(["build"]), title_printed_twice=False)
    flawed = [(kind, line.text[:120]) for line in lines for kind in KINDS.values()
              if kind in line.flaws]
    assert lines and flawed == []
    assert set(baseline["slice"]["max_lines"]) == set(KINDS) == set(baseline["full_corpus"])
