"""NLTK loads without scipy.stats and scikit-learn, and nothing of the briefing changes."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.slow
def test_nltk_loads_without_statistics_libraries_and_gives_them_back() -> None:
    code = """
import sys
from briefing.text.nltk_import import load_nltk
nltk = load_nltk()
assert "scipy.stats" not in sys.modules and "sklearn" not in sys.modules, "hidden"
from briefing.text.sentences import split_sentences
assert split_sentences("Am 19. Juni kam er. Er blieb.") == ["Am 19. Juni kam er.", "Er blieb."]
from nltk.stem.snowball import GermanStemmer
assert GermanStemmer().stem("nordkoreanischen") == "nordkorean"
import scipy.stats, sklearn.preprocessing  # both import normally afterwards
assert scipy.stats.norm.cdf(0) == 0.5
print("ok")
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


def test_loading_twice_returns_the_same_module() -> None:
    from briefing.text.nltk_import import load_nltk

    assert load_nltk() is load_nltk()


@pytest.mark.slow
def test_row_normalisation_is_bit_for_bit_scikit_learns() -> None:
    import numpy as np
    import scipy.sparse as sp
    from sklearn.preprocessing import normalize

    from briefing.stories.vectors import normalize_rows_l2

    for seed in range(8):
        matrix = sp.random(300, 2000, density=0.03, format="csr", dtype=np.float32,
                           random_state=seed)
        matrix.data = (matrix.data * (seed + 1) * 7).astype(np.float32)
        matrix = matrix.tolil()
        matrix[5] = 0  # an empty row stays empty
        matrix = matrix.tocsr()
        expected = normalize(matrix.copy(), norm="l2").tocsr()
        got = normalize_rows_l2(matrix.copy())
        assert got.dtype == np.float32
        assert np.array_equal(expected.indptr, got.indptr)
        assert np.array_equal(expected.data, got.data)


def _run(code: str) -> None:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


@pytest.mark.slow
def test_building_the_seeds_loads_no_nltk_package_and_no_sumy_utils() -> None:
    """Punkt and Snowball alone: no nltk package __init__, and no sumy.utils (which loads
    requests and pycountry) or sumy document model for the fast engine."""
    _run("""
import sys
from briefing.pipeline import build_briefing, Settings
from briefing.runtime.resources import seeds_dir
briefing = build_briefing([str(seeds_dir())], Settings())
assert briefing.topics and briefing.topics[0].summary
for name in ("nltk", "nltk.corpus", "sumy.utils", "sumy.models", "sumy.nlp", "requests",
             "pycountry", "sklearn", "scipy.stats"):
    assert name not in sys.modules, name
assert not [m for m in sys.modules if m.startswith("nltk")], "light modules are taken out"
print("ok")
""")


@pytest.mark.slow
def test_full_nltk_and_sumy_engine_work_after_the_light_modules() -> None:
    """A later `import nltk` loads the whole package as usual; sumy's engine agrees."""
    _run("""
from briefing.summary.lexrank import german_stem, lexrank_scores
from briefing.text.sentences import split_sentences
assert split_sentences("Am 19. Juni kam er. Er blieb.") == ["Am 19. Juni kam er.", "Er blieb."]
assert german_stem("nordkoreanischen") == "nordkorean"
import nltk
import nltk.tokenize.punkt
assert callable(nltk.word_tokenize) and hasattr(nltk.corpus, "stopwords")
from nltk.stem.snowball import SnowballStemmer
assert SnowballStemmer("german").stem("Häusern") == "haus"
paragraphs = [["Der Rat tagte am Montag in Berlin.", "Er beschloss neue Regeln.",
               "Die Regeln gelten ab Montag in Berlin."]]
assert lexrank_scores(paragraphs, "sumy") == lexrank_scores(paragraphs, "fast")
print("ok")
""")


@pytest.mark.slow
def test_light_modules_give_what_the_full_package_gives() -> None:
    """Same stems as sumy's Stemmer("german") and the same Punkt splits as real NLTK."""
    _run("""
from briefing.text.nltk_import import punkt_module, snowball_module
light_stem = snowball_module().GermanStemmer().stem
light_punkt = punkt_module()
import nltk.tokenize.punkt as full_punkt
from sumy.nlp.stemmers import Stemmer
assert light_punkt is not full_punkt  # really loaded apart
words = "Häuser laufen nordkoreanischen Gesprächen Bundesregierung ging aufgestanden".split()
assert [light_stem(w.lower()) for w in words] == [Stemmer("german")(w.lower()) for w in words]
text = "Dr. Müller kam um 9 Uhr an. Er ging am 3. Mai wieder. Warum? Niemand weiß es."
assert (light_punkt.PunktSentenceTokenizer().tokenize(text)
        == full_punkt.PunktSentenceTokenizer().tokenize(text))
print("ok")
""")


def test_an_nltk_whose_punkt_needs_its_package_still_loads_in_full() -> None:
    # a future NLTK might import from its package __init__ inside punkt.py: the light loader
    # then falls back to the whole package and Punkt still splits
    _run("""
import sys
import briefing.text.nltk_import as loader
real = loader.importlib.import_module
failed = []
def first_fails(name, package=None):
    if name == "nltk.tokenize.punkt" and not failed:
        failed.append(name)
        raise ImportError("cannot import name 'x' from partially initialized module 'nltk'")
    return real(name, package)
loader.importlib.import_module = first_fails
punkt = loader.punkt_module()
loader.importlib.import_module = real
assert failed, "the light load was tried"
assert hasattr(sys.modules["nltk"], "__version__"), "the full package was loaded"
from briefing.text.sentences import split_sentences
assert split_sentences("Am 19. Juni kam er. Er blieb.") == ["Am 19. Juni kam er.", "Er blieb."]
print("ok")
""")
