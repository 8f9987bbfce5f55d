"""The library API: `from briefing import ...` gives the documented names, loaded on first use."""

from __future__ import annotations

import subprocess
import sys

import pytest

import briefing


def test_documented_names_are_importable_from_the_package() -> None:
    from briefing import (  # noqa: F401 - the README's library example imports these
        Settings,
        build_briefing,
        load_articles,
        render_briefing,
        split_sentences,
        summarize_article,
    )

    assert split_sentences("Der Zug kam ca. 5 Min. später. Niemand wurde verletzt.") == [
        "Der Zug kam ca. 5 Min. später.",
        "Niemand wurde verletzt.",
    ]
    assert set(briefing.__all__) == {"__version__", *briefing._API}
    assert set(briefing.__all__) <= set(dir(briefing))


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError):
        briefing.no_such_function  # noqa: B018


def test_build_briefing_of_the_seeds_through_the_library(seeds_dir) -> None:
    from briefing import Settings, build_briefing

    result = build_briefing([seeds_dir], Settings(sentences=3))
    assert len(result.topics) == 1 and len(result.topics[0].summary) == 3


def test_importing_the_package_loads_no_stage() -> None:
    code = "import sys, briefing; print(sorted(m for m in sys.modules if m.startswith('briefing')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['briefing']"
