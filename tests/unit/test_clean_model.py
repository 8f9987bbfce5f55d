"""The cleaner's line model: its file, its features, its decoding, its shortcut, and pages."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from benchmark_module import load_benchmark

from briefing.clean import clean_document
from briefing.clean.features import FEATURE_NAMES, PageLines, page_features, page_lines
from briefing.clean.model import (
    MODEL_PATH,
    LineModel,
    Trees,
    all_prose,
    decode,
    keep_lines,
    load_model,
    select,
)
from briefing.clean.region import kept_blocks
from briefing.ingest import RawDocument

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT.parent / "shared" / "eval" / "cleaning" / "dev"
DECISIONS = ROOT / "tests" / "data" / "clean" / "model_decisions.json"

NAVIGATION = ["Startseite", "Politik", "Wirtschaft", "Sport", "Kultur", "Newsletter", "Suche"]
PARAGRAPHS = [
    ("Der Stadtrat hat am Dienstagabend nach langer Debatte beschlossen, die Sanierung des "
     "alten Hallenbads im kommenden Frühjahr zu beginnen. Die Kosten werden auf rund zwölf "
     "Millionen Euro geschätzt."),
    ("Bürgermeisterin Anna Keller sprach von einem wichtigen Tag für die Stadt. Das Bad sei "
     "seit Jahren marode, viele Vereine hätten zuletzt in die Nachbargemeinden ausweichen "
     "müssen."),
    ("Die Opposition kritisierte, dass die Finanzierung noch nicht vollständig gesichert sei. "
     "Ein Teil der Mittel soll aus einem Förderprogramm des Landes kommen, über das erst im "
     "Sommer entschieden wird."),
    ("Während der Bauzeit von voraussichtlich zwei Jahren bleibt das Bad geschlossen. Die "
     "Schulen sollen ihren Schwimmunterricht in dieser Zeit im Freibad und in der Halle des "
     "Nachbarorts abhalten."),
]
CAPTION = "Das alte Hallenbad am Stadtpark. Foto: dpa"
COMMENTS = [
    "Kommentare",
    "Klaus M. schrieb am 12.03.2024, 18:31",
    "Endlich passiert da mal was, das hat viel zu lange gedauert!",
    "Antworten",
    "Melden",
    "Petra S. schrieb am 12.03.2024, 19:02",
    "Und wer soll das alles bezahlen? Wir Steuerzahler natürlich.",
    "Antworten",
    "Melden",
]
FOOTER = ["Impressum", "Datenschutz", "Kontakt", "© 2024 Stadtanzeiger Verlag GmbH"]
TITLE = "Stadtrat beschließt Sanierung des Hallenbads"


def synthetic_page() -> str:
    lines = [*NAVIGATION, "", TITLE, "", "12.03.2024", "", PARAGRAPHS[0], "", PARAGRAPHS[1],
             "", CAPTION, "", PARAGRAPHS[2], "", PARAGRAPHS[3], "", *COMMENTS, "", *FOOTER]
    return "\n".join(lines) + "\n"


def document(text: str, name: str = "page.txt") -> RawDocument:
    return RawDocument(Path(name), text, "text", "hash")


def constant_model(log_odds: float) -> LineModel:
    """A model whose one tree gives every line the same log-odds."""
    one = np.array([0])
    trees = Trees(one, np.array([-1]), np.array([0.0]), np.array([-1]), np.array([-1]),
                  np.array([log_odds]), depth=1)
    return LineModel(trees, {}, switch=1.0, offset=0.0, drop_junk=True, trim="region")


def test_model_file_is_small_json_in_the_package_and_loads():
    assert MODEL_PATH.parent.name == "clean"
    assert MODEL_PATH.stat().st_size < 1_000_000
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert data["features"] == list(FEATURE_NAMES)
    model = LineModel.from_json(data)
    assert len(model.trees.roots) >= 50 and model.words
    assert model.info["cv_f1"] >= 0.9


def test_model_file_from_other_features_is_refused():
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    data["features"] = data["features"][:-1]
    with pytest.raises(ValueError):
        LineModel.from_json(data)


def test_synthetic_page_is_cleaned_to_its_article():
    article = clean_document(document(synthetic_page()))
    assert article.paragraphs == PARAGRAPHS
    for furniture in [*NAVIGATION, CAPTION, "Foto: dpa", *COMMENTS, *FOOTER, TITLE]:
        assert furniture not in article.body
    assert article.title == TITLE
    assert article.date == "2024-03-12"


def test_model_tells_article_lines_from_furniture():
    """Per line, before any decoding: fails when the model's parameters are broken."""
    model = load_model()
    page = page_lines(synthetic_page())
    probabilities = model.probabilities(page_features(page, model.words))
    texts = [u.text for u in page.units]
    article = [probabilities[texts.index(p)] for p in PARAGRAPHS]
    furniture = [probabilities[texts.index(t)] for t in [*NAVIGATION, *FOOTER, "Melden"]]
    assert min(article) > 0.8
    assert max(furniture) < 0.3


def test_output_is_deterministic():
    first = clean_document(document(synthetic_page()))
    second = clean_document(document(synthetic_page()))
    assert first.blocks == second.blocks
    page = page_lines(synthetic_page())
    assert np.array_equal(page_features(page, {}), page_features(page, {}))


def test_subheading_before_a_paragraph_stays_a_heading():
    text = synthetic_page().replace(PARAGRAPHS[2], "Finanzierung noch offen\n\n" + PARAGRAPHS[2])
    blocks = clean_document(document(text)).blocks
    assert ("heading", "Finanzierung noch offen") in [(b.kind, b.text) for b in blocks]


def test_features_are_the_ones_training_uses():
    train = load_benchmark("train_cleaner")
    model = load_model()
    lines = page_lines(synthetic_page())
    labels = np.zeros(len(lines.units))
    page = train.Page("page.txt", "example.org", synthetic_page(), lines, labels, labels,
                      {"with": [], "without": []}, {"with": [], "without": []})
    trained = train.Features([page]).of(page, model.words)
    assert trained.shape[1] == len(FEATURE_NAMES)
    assert np.array_equal(trained, page_features(lines, model.words))


def test_a_cut_off_last_line_is_not_kept_as_a_paragraph():
    """A text that ends mid-sentence ("Das urbane, oft") ends with its last whole paragraph;
    a short last line that ends like a sentence stays."""
    for last, stays in (("Das urbane, oft", False), ("Das ist alles.", True)):
        page = page_lines("\n\n".join([*PARAGRAPHS, last]) + "\n")
        blocks = kept_blocks(page.units, [True] * len(page.units), None)
        assert [b.text for b in blocks] == PARAGRAPHS + ([last] if stays else [])
        assert all(not b.is_heading for b in blocks)


def test_decoder_keeps_the_article_and_drops_a_sure_caption_inside_it():
    p = np.array([0.05, 0.1, 0.9, 0.95, 0.01, 0.9, 0.92, 0.1, 0.05])
    kept = decode(p, switch=0.5)
    assert kept.tolist() == [False, False, True, True, False, True, True, False, False]
    # a doubtful line between paragraphs goes with them when switching costs more
    p[4] = 0.3
    assert decode(p, switch=2.0)[2:7].all()


def test_decoder_keeps_at_least_one_line():
    kept = decode(np.array([0.02, 0.3, 0.05]), switch=1.0)
    assert kept.tolist() == [False, True, False]


def test_a_page_of_prose_only_skips_the_model_and_keeps_every_line():
    prose = page_lines("\n\n".join(PARAGRAPHS) + "\n")
    assert all_prose(prose)
    # a model that drops everything it is asked about is not asked
    assert keep_lines(prose, constant_model(-20.0)).all()
    page = page_lines(synthetic_page())
    assert not all_prose(page)
    assert keep_lines(page, constant_model(-20.0)).sum() <= 1  # the decoder's one line at most


@pytest.mark.skipif(not DEV.is_dir(), reason="../shared eval data absent")
def test_the_shipped_model_makes_the_recorded_decisions_on_dev_pages():
    """Pinned by ``python benchmarks/clean_model.py --record tests/data/clean/
    model_decisions.json`` when the model is retrained."""
    recorded = json.loads(DECISIONS.read_text(encoding="utf-8"))
    assert recorded["model_cv_f1"] == load_model().info["cv_f1"]
    assert len(recorded["pages"]) >= 5
    for name, decision in recorded["pages"].items():
        page = page_lines((DEV / name).read_text(encoding="utf-8"))
        assert len(page.units) == decision["units"], name
        assert np.flatnonzero(keep_lines(page)).tolist() == decision["kept"], name


def test_block_sentence_share_tells_a_list_of_sentences_from_a_menu():
    questions = ["1. Was liebst du?", "2. Worin bist du gut?", "3. Was braucht die Welt"]
    blocks = ["\n".join(NAVIGATION), "\n".join(questions), *PARAGRAPHS]
    text = "\n\n".join(blocks) + "\n"
    page = page_lines(text)
    share = page_features(page, {})[:, FEATURE_NAMES.index("block_sentences")]
    texts = [u.text for u in page.units]
    assert [share[texts.index(t)] for t in NAVIGATION] == [0.0] * len(NAVIGATION)
    assert share[texts.index("2. Worin bist du gut?")] == pytest.approx(2 / 3)
    assert [share[texts.index(p)] for p in PARAGRAPHS] == [1.0] * len(PARAGRAPHS)


def recommended_page() -> PageLines:
    text = (ROOT / "tests" / "data" / "clean" / "recommended_block.txt").read_text("utf-8")
    return page_lines(text.replace("Empfohlen", "Lesestoff"))


def test_tail_trim_cuts_other_news_after_the_article():
    page = recommended_page()
    texts = [u.text for u in page.units]
    sure = np.full(len(texts), 0.95)
    teaser = texts.index("Bundestag beschliesst Reform der Schuldenbremse")
    article = [i for i, t in enumerate(texts) if t.startswith(("Rund 50 Kilometer", "Umwelt"))]
    for trim in ("tail", "region"):
        kept = select(page, sure, 1.0, 0.0, True, trim)
        assert kept[article].all() and not kept[teaser:].any(), trim
    assert select(page, sure, 1.0, 0.0, True, "")[teaser:].any()


def test_tail_trim_does_not_cut_the_part_the_model_is_surest_of():
    page = recommended_page()
    texts = [u.text for u in page.units]
    teaser = texts.index("Bundestag beschliesst Reform der Schuldenbremse")
    p = np.full(len(texts), 0.6)
    p[teaser:] = 0.999
    assert select(page, p, 1.0, 0.0, True, "tail")[teaser + 1]
    assert not select(page, p, 1.0, 0.0, True, "region")[teaser + 1]


def test_trim_setting_of_older_model_files_is_read():
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    for old, mode in ((True, "region"), (False, "")):
        assert LineModel.from_json({**data, "trim": old}).trim == mode
    with pytest.raises(ValueError):
        LineModel.from_json({**data, "trim": "somewhere"})
