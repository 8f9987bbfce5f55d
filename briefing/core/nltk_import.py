"""Import NLTK without the statistics libraries its package ``__init__`` loads and we never use.

``import nltk`` runs the whole package ``__init__``: collocation statistics import
``scipy.stats`` and the classifier wrappers import scikit-learn, about 0.8 s of a cold start,
though the briefing needs only Punkt and the Snowball stemmer. NLTK guards those imports
(``try: from scipy.stats import fisher_exact ... except ImportError``), so they are hidden
while NLTK loads and given back at once: NLTK's Fisher test and scikit-learn classifier
wrapper are then unavailable (nothing here uses them); scipy.stats and scikit-learn
themselves import normally afterwards.
"""

from __future__ import annotations

import sys
import threading
from types import ModuleType

_HIDDEN = ("scipy.stats", "sklearn")
_LOCK = threading.Lock()


def load_nltk() -> ModuleType:
    """The ``nltk`` package, imported once without scipy.stats and scikit-learn."""
    loaded = sys.modules.get("nltk")
    if loaded is not None:
        return loaded
    with _LOCK:
        if "nltk" in sys.modules:
            return sys.modules["nltk"]
        hidden = [name for name in _HIDDEN if name not in sys.modules]
        for name in hidden:
            sys.modules[name] = None  # type: ignore[assignment]  # import raises ImportError
        try:
            import nltk
        finally:
            for name in hidden:
                if sys.modules.get(name, 0) is None:
                    del sys.modules[name]
        return nltk
