"""The learned line cleaner: its model file, its features, its decoding and a page it cleans."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from benchmark_module import load_benchmark

from briefing.core.ingest import RawDocument
from briefing.learned_cleaner import (
    FEATURE_NAMES,
    MODEL_PATH,
    LineModel,
    RunEvidence,
    clean_with_model,
    decode,
    load_model,
    page_features,
    page_lines,
    run_evidence,
    shape,
)

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


def test_model_file_is_small_json_and_loads():
    assert MODEL_PATH.stat().st_size < 1_000_000
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert data["features"] == list(FEATURE_NAMES)
    model = LineModel.from_json(data)
    assert model.trees is not None or np.any(model.weights)
    assert model.sites and model.words


def test_model_file_from_other_features_is_refused():
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    data["features"] = data["features"][:-1]
    with pytest.raises(ValueError):
        LineModel.from_json(data)


def test_synthetic_page_is_cleaned_to_its_article():
    article = clean_with_model(document(synthetic_page()))
    assert [b.text for b in article.blocks if not b.is_heading] == PARAGRAPHS
    body = article.body
    for furniture in [*NAVIGATION, CAPTION, "Foto: dpa", *COMMENTS, *FOOTER, TITLE]:
        assert furniture not in body
    assert article.title == TITLE


def test_model_tells_article_lines_from_furniture():
    """Per line, before any decoding: fails when the model's parameters are broken."""
    model = load_model()
    page = page_lines(synthetic_page())
    probabilities = model.probabilities(page_features(page, RunEvidence(model.sites, model.words)))
    texts = [u.text for u in page.units]
    article = [probabilities[texts.index(p)] for p in PARAGRAPHS]
    furniture = [probabilities[texts.index(t)] for t in [*NAVIGATION, *FOOTER, "Melden"]]
    assert min(article) > 0.8
    assert max(furniture) < 0.3


def test_output_is_deterministic():
    first = clean_with_model(document(synthetic_page()))
    second = clean_with_model(document(synthetic_page()))
    assert first.blocks == second.blocks
    page = page_lines(synthetic_page())
    assert np.array_equal(page_features(page), page_features(page))


def test_subheading_before_a_paragraph_stays_a_heading():
    text = synthetic_page().replace(
        PARAGRAPHS[2], "Finanzierung noch offen\n\n" + PARAGRAPHS[2]
    )
    blocks = clean_with_model(document(text)).blocks
    assert ("heading", "Finanzierung noch offen") in [(b.kind, b.text) for b in blocks]


def test_features_are_the_ones_training_uses():
    train = load_benchmark("train_cleaner")
    model = load_model()
    lines = page_lines(synthetic_page())
    labels = np.zeros(len(lines.units))
    page = train.Page("page.txt", "example.org", synthetic_page(), lines, labels, labels,
                      {"with": [], "without": []}, {"with": [], "without": []})
    evidence = RunEvidence(model.sites, model.words)
    trained = train.Features([page]).of(page, evidence)
    assert trained.shape[1] == len(FEATURE_NAMES)
    assert np.array_equal(trained, page_features(lines, evidence))


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


def outlet_page(article: str, host: str | None) -> str:
    front = f"---\nurl: https://{host}/artikel\n---\n" if host else ""
    nav = ["Lokales", "Vereine", "Blaulicht", "Freizeit-Tipps", "Leserreisen", "Trauerfälle"]
    return front + "\n".join([*nav, "", article, "", "Unser Stadtanzeiger-Team"]) + "\n"


def test_run_evidence_counts_an_outlets_other_articles():
    pages = [
        page_lines(outlet_page(PARAGRAPHS[0], "stadtanzeiger.example")),
        page_lines(outlet_page(PARAGRAPHS[1], "stadtanzeiger.example")),
        page_lines(outlet_page(PARAGRAPHS[2], "other.example")),
    ]
    evidence = run_evidence(pages, {})
    assert evidence.count(0, shape("Blaulicht")) == 1
    assert evidence.count(2, shape("Blaulicht")) == 0  # another host
    assert evidence.count(0, shape(PARAGRAPHS[0])) == 0


def test_run_evidence_pairs_pages_without_host_by_shared_furniture():
    pages = [page_lines(outlet_page(p, None)) for p in PARAGRAPHS[:3]]
    evidence = run_evidence(pages, {})
    assert evidence.count(0, shape("Vereine")) == 2
    # the same article twice is one article: its lines are not furniture
    twins = [page_lines(outlet_page(PARAGRAPHS[0] * 2, None)) for _ in range(2)]
    assert run_evidence(twins, {}).count(0, shape("Vereine")) == 0


def test_single_page_evidence_is_the_training_sites_only():
    evidence = run_evidence([page_lines(outlet_page(PARAGRAPHS[0], None))], {"impressum": 5})
    assert evidence.count(0, "impressum") == 5
    assert evidence.count(0, shape("Vereine")) == 0


def test_seeds_are_cleaned_to_their_articles():
    """The bundled seeds, cleaned together as a folder: the same cases as the rules meet."""
    from test_clean_seeds import CASES, SEEDS

    from briefing.core.ingest import read_document

    documents = [read_document(path) for path in sorted(SEEDS.glob("*.txt"))]
    model = load_model()
    pages = [page_lines(doc.text) for doc in documents]
    evidence = run_evidence(pages, model.sites, model.words)
    for index, (doc, page) in enumerate(zip(documents, pages, strict=True)):
        body = clean_with_model(doc, model, evidence, index, page).body
        prefix, kept, dropped, *_ = next(c for c in CASES if doc.path.name.startswith(c[0]))
        assert [text for text in kept if text not in body] == [], prefix
        assert [text for text in dropped if text in body] == [], prefix
