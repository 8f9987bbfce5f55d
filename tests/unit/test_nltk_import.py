"""NLTK loads without scipy.stats and scikit-learn, and nothing of the briefing changes."""

from __future__ import annotations

import subprocess
import sys


def test_nltk_loads_without_statistics_libraries_and_gives_them_back() -> None:
    code = """
import sys
from briefing.core.nltk_import import load_nltk
nltk = load_nltk()
assert "scipy.stats" not in sys.modules and "sklearn" not in sys.modules, "hidden"
from briefing.core.sentences import split_sentences
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
    from briefing.core.nltk_import import load_nltk

    assert load_nltk() is load_nltk()


def test_row_normalisation_is_bit_for_bit_scikit_learns() -> None:
    import numpy as np
    import scipy.sparse as sp
    from sklearn.preprocessing import normalize

    from briefing.core.topics import _normalize_rows_l2

    for seed in range(8):
        matrix = sp.random(300, 2000, density=0.03, format="csr", dtype=np.float32,
                           random_state=seed)
        matrix.data = (matrix.data * (seed + 1) * 7).astype(np.float32)
        matrix = matrix.tolil()
        matrix[5] = 0  # an empty row stays empty
        matrix = matrix.tocsr()
        expected = normalize(matrix.copy(), norm="l2").tocsr()
        got = _normalize_rows_l2(matrix.copy())
        assert got.dtype == np.float32
        assert np.array_equal(expected.indptr, got.indptr)
        assert np.array_equal(expected.data, got.data)
