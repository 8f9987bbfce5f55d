"""NLTK's Punkt and Snowball modules without the rest of NLTK (a cold start pays for what it uses).

``import nltk`` runs the whole package ``__init__``: parsers, taggers, corpora, collocation
statistics (``scipy.stats``) and classifier wrappers (scikit-learn), well over a second on a
cold start, though the briefing needs only two modules of it: ``nltk.tokenize.punkt`` and
``nltk.stem.snowball``. Neither needs the package ``__init__`` (they import a handful of
small helper modules), so :func:`punkt_module` and :func:`snowball_module` load them with
empty stand-ins for the packages ``nltk``, ``nltk.tokenize``, ``nltk.stem`` and
``nltk.corpus`` and then take everything they loaded out of ``sys.modules`` again: the
process looks as if NLTK had never been imported, and a later ``import nltk`` (``--engine
sumy``, the tests) loads the real package in full, as usual. Nothing of the briefing keeps a
reference to the stand-ins. What the light modules cannot do without the real package:
Snowball's ``ignore_stopwords=True`` (it needs NLTK's corpus; nothing here uses it) and
loading Punkt models from NLTK data files (nothing here does: the model is Python data).

:func:`load_nltk` is the whole package for sumy's own LexRank, imported once without
``scipy.stats`` and scikit-learn: NLTK guards those imports, so they are hidden while NLTK
loads and given back at once.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
import threading
from types import ModuleType

_HIDDEN = ("scipy.stats", "sklearn")
# One lock for both loaders: while the stand-ins are in sys.modules, no other import of NLTK
# through this module may see them.
_LOCK = threading.RLock()
# Packages replaced by empty stand-ins while the light modules load.
_STAND_INS = ("nltk", "nltk.tokenize", "nltk.stem", "nltk.corpus")
_light: tuple[ModuleType, ModuleType] | None = None


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


def punkt_module() -> ModuleType:
    """``nltk.tokenize.punkt`` (PunktParameters, PunktSentenceTokenizer)."""
    return _light_modules()[0]


def snowball_module() -> ModuleType:
    """``nltk.stem.snowball`` (GermanStemmer: sumy's ``Stemmer("german")`` is its ``stem``)."""
    return _light_modules()[1]


def _light_modules() -> tuple[ModuleType, ModuleType]:
    global _light
    if _light is None:
        with _LOCK:
            if _light is None:
                _light = _load_light()
    return _light


def _load_light() -> tuple[ModuleType, ModuleType]:
    if sys.modules.get("nltk") is not None:
        # NLTK is loaded in full already (sumy's engine, a test): use its modules
        return (importlib.import_module("nltk.tokenize.punkt"),
                importlib.import_module("nltk.stem.snowball"))
    spec = importlib.util.find_spec("nltk")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("nltk is not installed")
    root = list(spec.submodule_search_locations)[0]
    before = set(sys.modules)
    for name in _STAND_INS:
        stand_in = ModuleType(name)
        stand_in.__path__ = [os.path.join(root, *name.split(".")[1:])]
        stand_in.__package__ = name
        sys.modules[name] = stand_in
    # snowball.py does `from nltk.corpus import stopwords` for ignore_stopwords=True only
    sys.modules["nltk.corpus"].stopwords = None  # type: ignore[attr-defined]
    try:
        punkt = importlib.import_module("nltk.tokenize.punkt")
        snowball = importlib.import_module("nltk.stem.snowball")
    except Exception:  # noqa: BLE001 - an NLTK whose modules need their package: load it all
        punkt = snowball = None
    finally:
        for name in set(sys.modules) - before:
            if name == "nltk" or name.startswith("nltk."):
                del sys.modules[name]
    if punkt is None or snowball is None:
        load_nltk()  # slower to start, the same modules
        return (importlib.import_module("nltk.tokenize.punkt"),
                importlib.import_module("nltk.stem.snowball"))
    return punkt, snowball
