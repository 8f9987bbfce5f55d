"""Language detection: German articles pass (foreign captions and quotes included), others do not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.text.language import detect_language

DATA = Path(__file__).resolve().parents[1] / "data" / "language"


@pytest.mark.parametrize(
    ("case", "language"),
    [
        ("english_article", "english"),
        ("french_article", "french"),
        ("spanish_article", "spanish"),
        ("italian_article", "italian"),
        ("dutch_article", "dutch"),  # no sumy list: must not pass as German
        ("german_with_english_captions", "german"),  # photo credits, "Read more:" lines
        ("german_with_english_quote", "german"),  # a long English quote inside
    ],
)
def test_detect_language(case: str, language: str) -> None:
    guess = detect_language((DATA / f"{case}.txt").read_text("utf-8"))
    assert guess.language == language
    assert guess.is_german == (language == "german")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Путин прибыл в Пхеньян, где его встретил Ким Чен Ын.", "cyrillic script"),
        ("習近平は本日、北京で記者会見を行った。", "cjk script"),
        ("Kurz: Merkel in Paris.", None),  # too little text to tell: kept
        ("", None),
    ],
)
def test_detect_language_short_and_foreign_scripts(text: str, language: str | None) -> None:
    assert detect_language(text).language == language


def test_german_corpus_is_german(shared_dir: Path) -> None:
    """German evaluation pages are not taken for another language (floor in the baseline)."""
    baseline = json.loads((DATA.parent.parent / "quality_baseline.json").read_text("utf-8"))
    allowed = baseline["robustness"]["german_pages_taken_for_another_language_max"]
    pages = sorted((shared_dir / "eval" / "cleaning" / "dev" / "pages").glob("*.txt"))
    if not pages:
        pytest.skip("cleaning pages absent")
    wrong = [p.name for p in pages if not detect_language(p.read_text("utf-8")).is_german]
    assert len(wrong) <= allowed, wrong
