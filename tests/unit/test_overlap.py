"""The teaser-overlap selection: its shipped model, its features, its tree walk and its picks."""

from __future__ import annotations

import json

import numpy as np
import pytest
from benchmark_module import load_benchmark

from briefing.summary.learned import summarize_sentences
from briefing.summary.overlap import (
    OVERLAP_FORMAT,
    OVERLAP_PATH,
    PAIR_FEATURES,
    WORD_FEATURES,
    Forest,
    OverlapModel,
    load_overlap_model,
    select_by_overlap,
    sentence_values,
    type_tables,
)

LEAD = (
    "Der Bundestag hat am Donnerstag mit 412 Stimmen die Grundrente beschlossen, die ab "
    "Januar 2021 rund 1,3 Millionen Rentnern höhere Bezüge bringt."
)
ARTICLE = [
    LEAD,
    "Anspruch auf die Grundrente hat, wer mindestens 33 Jahre lang Beiträge gezahlt hat.",
    "Die Kosten von jährlich 1,4 Milliarden Euro sollen aus Steuermitteln bezahlt werden.",
    "Das Wetter in Hamburg war am Wochenende mild und trocken, berichtete ein Sprecher.",
    "Die Opposition kritisierte das Gesetz zur Grundrente im Bundestag als zu teuer.",
]


def test_model_file_is_small_plain_json_inside_the_package() -> None:
    assert OVERLAP_PATH.parent.name == "summary" and OVERLAP_PATH.parent.parent.name == "briefing"
    assert OVERLAP_PATH.stat().st_size < 1_000_000
    spec = json.loads(OVERLAP_PATH.read_text(encoding="utf-8"))
    assert spec["format"] == OVERLAP_FORMAT
    model = load_overlap_model()
    assert len(model.lexicon.words) > 1000 and len(model.lexicon.pairs) > 100
    # common words a teaser repeats more often than a rare one by chance
    assert model.lexicon.words["grundrente"][0] > model.lexicon.word_prior


def test_a_model_fit_on_other_features_is_refused() -> None:
    spec = json.loads(OVERLAP_PATH.read_text(encoding="utf-8"))
    spec["word_features"] = [*WORD_FEATURES[:-1], "something else"]
    with pytest.raises(ValueError, match="other features"):
        OverlapModel(spec)


def test_tables_have_one_row_per_distinct_word_and_pair() -> None:
    tokens, words, word_rows, pairs, pair_rows = type_tables(ARTICLE, load_overlap_model().lexicon)
    assert words.count("grundrente") == 1 and len(words) == len(set(words))
    assert word_rows.shape == (len(words), len(WORD_FEATURES))
    assert pair_rows.shape == (len(pairs), len(PAIR_FEATURES))
    row = word_rows[words.index("grundrente")]
    assert row[WORD_FEATURES.index("count")] == 3
    assert row[WORD_FEATURES.index("first")] == 0
    assert row[WORD_FEATURES.index("capital")] == 1.0
    assert ("der", "bundestag") in pairs and tokens[0][:2] == ["der", "bundestag"]


def test_selection_is_deterministic_and_in_article_order() -> None:
    first = select_by_overlap(ARTICLE, 3)
    assert first == select_by_overlap(ARTICLE, 3) == sorted(first) and len(first) == 3
    assert 0 in first  # the lead says most of what the others repeat
    values = sentence_values(ARTICLE)
    assert values.argmax() == 0
    assert values.argmin() == 3  # the weather has nothing to do with it
    assert summarize_sentences(ARTICLE, 3) == [ARTICLE[i] for i in first]


def test_a_repeat_is_worth_nothing_more_and_a_shorter_copy_is_worth_more() -> None:
    repeat = [*ARTICLE[:3], LEAD, *ARTICLE[3:]]
    chosen = select_by_overlap(repeat, 2)
    assert not {0, 3} <= set(chosen)  # the same words twice add nothing but length
    values = sentence_values([LEAD, LEAD + " Das teilte am Donnerstag eine Sprecherin mit."])
    assert values[0] > values[1]


def test_eligible_sentences_go_first_and_short_articles_keep_all() -> None:
    eligible = [False, True, True, True, True]
    assert 0 not in select_by_overlap(ARTICLE, 3, eligible)
    assert select_by_overlap(ARTICLE[:2], 3) == [0, 1]
    assert len(select_by_overlap(ARTICLE * 4, 12)) == 12  # greedy past the combinations


def test_forest_walk_matches_scikit_learn() -> None:
    pytest.importorskip("sklearn")
    from sklearn.ensemble import HistGradientBoostingClassifier

    script = load_benchmark("train_overlap")
    rng = np.random.default_rng(0)
    table = rng.normal(size=(400, 4))
    target = (table[:, 0] + table[:, 1] * table[:, 2] > 0).astype(int)
    model = HistGradientBoostingClassifier(max_iter=20, max_leaf_nodes=7, random_state=0)
    model.fit(table, target)
    forest = Forest(script.forest_spec(model))
    assert np.allclose(forest.predict(table), model.decision_function(table))


def test_training_script_uses_the_runtime_tables() -> None:
    script = load_benchmark("train_overlap")
    assert script.type_tables is type_tables
    assert script.OVERLAP_PATH == OVERLAP_PATH


def test_a_sentence_that_leans_on_the_one_before_comes_only_with_it() -> None:
    # the grant opens "Das ...": not eligible alone, fine right after what it points back to
    eligible = [True, True, False, True, True]
    partners = [None, None, 1, None, None]
    for count in (1, 2, 3):
        chosen = select_by_overlap(ARTICLE, count, eligible, partners=partners)
        assert 2 not in chosen or 1 in chosen
    chosen = select_by_overlap(ARTICLE, 4, eligible, partners=partners)
    assert 2 not in chosen or 1 in chosen
    # without a partner it stays out while eligible sentences are enough
    assert 2 not in select_by_overlap(ARTICLE, 4, eligible)
    # a partner that may not stand alone itself does not carry it
    assert 2 not in select_by_overlap(ARTICLE, 3, [True, False, False, True, True], partners=[
        None, None, 1, None, None])


def test_a_question_comes_only_with_its_answer() -> None:
    question = "Was bringt die Grundrente den Rentnern im Januar 2021 konkret?"
    article = [*ARTICLE[:3], question, *ARTICLE[4:]]
    eligible = [True, True, True, False, True]
    for count in (2, 3, 4):
        chosen = select_by_overlap(article, count, eligible, partners=[None] * 3 + [4, None])
        assert 3 not in chosen or 4 in chosen
