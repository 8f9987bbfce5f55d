"""Das Wichtigste on multi-article stories: nugget recall above the pinned floors."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from benchmark_module import load_benchmark as load_benchmark_module

ROOT = Path(__file__).resolve().parents[2]
MLSUM = ROOT.parent / "shared" / "corpus" / "mlsum_de_texts.jsonl"
needs_corpus = pytest.mark.skipif(not MLSUM.is_file(), reason="../shared/corpus absent")


def _multidoc():
    return load_benchmark_module("multidoc")


@pytest.fixture(scope="module")
def multidoc():
    return _multidoc()


@pytest.fixture(scope="module")
def floor() -> dict:
    return json.loads((ROOT / "tests" / "quality_baseline.json").read_text())["multidoc"]


def test_score_counts_recall_repeats_and_filler(multidoc):
    nuggets = [
        {"fact": "visit", "weight": 2, "compiled": [re.compile("besuch", re.IGNORECASE)]},
        {"fact": "pact", "weight": 2, "compiled": [re.compile("abkommen", re.IGNORECASE)]},
        {"fact": "trip on", "weight": 1, "compiled": [re.compile("vietnam", re.IGNORECASE)]},
    ]
    items = [
        "Putin ist zu Besuch in Pjöngjang.",
        "Der Besuch dauert zwei Tage.",  # says nothing the first did not
        "Der Hauptteil beginnt am Mittwoch.",  # no nugget: filler
        "Beide unterzeichneten ein Abkommen.",
    ]
    score = multidoc.score(items, nuggets)
    assert score.recall == pytest.approx(4 / 5)
    assert (score.repeats, score.filler, score.items) == (1, 1, 4)
    assert score.missed == ["trip on"]


def test_annotations_are_well_formed(multidoc):
    stories = multidoc.load_stories()
    assert len({s["id"] for s in stories}) == len(stories)
    splits = {s["split"] for s in stories}
    assert splits == {"dev", "heldout"}
    assert [s["split"] for s in stories if s["source"] == "seeds"] == ["dev"]
    for story in stories:
        assert story["source"] in ("seeds", "mlsum")
        assert story["source"] == "seeds" or len(story["articles"]) >= 3
        assert len(story["nuggets"]) >= 8, story["id"]
        assert any(n["weight"] == 2 for n in story["nuggets"])
        for nugget in story["nuggets"]:
            assert nugget["weight"] in (1, 2) and nugget["patterns"]


def _sentences_of(multidoc, stories) -> dict[str, list[str]]:
    from briefing.text.sentences import article_sentences

    found = multidoc.load_articles_of(stories)
    return {
        story_id: [s.text for a in articles for s in article_sentences(a)]
        for story_id, articles in found.items()
    }


def test_every_seeds_nugget_is_stated_in_the_seeds(multidoc):
    """An annotation no sentence matches would lower every system's recall alike."""
    stories = [s for s in multidoc.load_stories() if s["source"] == "seeds"]
    sentences = _sentences_of(multidoc, stories)
    for story in stories:
        for nugget in story["nuggets"]:
            assert any(multidoc.covered(t, nugget) for t in sentences[story["id"]]), nugget["fact"]


@needs_corpus
def test_every_corpus_nugget_is_stated_in_its_articles(multidoc):
    stories = [s for s in multidoc.load_stories() if s["source"] == "mlsum"]
    sentences = _sentences_of(multidoc, stories)
    for story in stories:
        for nugget in story["nuggets"]:
            found = any(multidoc.covered(t, nugget) for t in sentences[story["id"]])
            assert found, (story["id"], nugget["fact"])


def test_seeds_nugget_recall_stays_above_the_floor(multidoc, floor):
    """The seeds ship with the project: this part runs without ../shared."""
    stories = [s for s in multidoc.load_stories() if s["source"] == "seeds"]
    articles = multidoc.load_articles_of(stories)
    rows = multidoc.evaluate(stories, articles)
    value, items = rows["briefing"][stories[0]["id"]]
    assert value.recall >= floor["seeds"] - 1e-4, value.missed
    assert value.items <= 12
    assert multidoc.seeds_pass(items)
    # the simple baselines miss more of the story
    assert value.recall > rows["lead round-robin"][stories[0]["id"]][0].recall
    assert value.recall > rows["lexrank"][stories[0]["id"]][0].recall


@needs_corpus
def test_multidoc_recall_stays_above_the_floors(multidoc, floor):
    figures = multidoc.split_figures()
    assert figures["dev"] >= floor["dev"] - 1e-4, figures
    assert figures["heldout"] >= floor["heldout"] - 1e-4, figures
    # the goal of the measure: above both simple baselines on the held-out stories
    assert figures["heldout"] > floor["baselines"]["lexrank"]["heldout"]
    assert figures["heldout"] > floor["baselines"]["lead round-robin"]["heldout"]
