"""The briefing's JSON writer gives the text of json.dumps(..., ensure_ascii=False, indent=2)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing.render.formats import indented_json

_SCALARS = (st.none() | st.booleans() | st.integers() | st.floats()
            | st.text(alphabet=st.characters(), max_size=20))
_JSON = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
    | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=30,
)


def _reference(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


@given(_JSON)
def test_same_text_as_json_dumps(value: object) -> None:
    assert indented_json(value) == _reference(value)


@pytest.mark.parametrize("value", [
    {}, [], {"a": [], "b": {}}, [[[]]], {"t": "„Zitat“ mit \"Anführung\"\nund\tTab \x00 \u2028"},
    float("nan"), [float("inf"), -float("inf"), -0.0, 1e-7, 1e22], 10**30,
    {1: "a", None: "b", 2.5: "c"},  # keys that json.dumps turns into strings
    {"nested": {1: [True, False, None]}},
])
def test_edge_cases(value: object) -> None:
    assert indented_json(value) == _reference(value)


def test_other_types_raise_as_json_dumps_does() -> None:
    with pytest.raises(TypeError):
        indented_json({"a": {1, 2}})
