"""The core is a library: importing it must not pull in the interface or heavy libraries."""

from __future__ import annotations

import subprocess
import sys


def _modules_after(statement: str) -> set[str]:
    code = f"import sys; {statement}; print('\\n'.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_core_never_imports_textual() -> None:
    loaded = _modules_after(
        "import briefing, briefing.pipeline, briefing.digest, briefing.render, briefing.sections, "
        "briefing.summary, briefing.stories, briefing.clean, briefing.ingest, briefing.cues, "
        "briefing.text, briefing.lexicon, briefing.runtime, briefing.models, briefing.errors"
    )
    assert "textual" not in loaded


def test_cli_import_defers_heavy_libraries() -> None:
    """`briefing --help` stays instant: the CLI module imports no NLP or UI library."""
    loaded = _modules_after("import briefing.cli")
    heavy = {"textual", "sumy", "numpy", "sklearn", "scipy", "trafilatura", "nltk", "jinja2"}
    assert not heavy & loaded
