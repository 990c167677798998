"""engine.rubric.conform, the meta-schema check that spares a cold start jsonschema's import: whenever it
answers, its answer is jsonschema's; on the shipped rubrics it does answer (so the fast path is taken)."""
from __future__ import annotations

import copy
from pathlib import Path

import pytest
from hypothesis import given, strategies as st
from jsonschema import Draft7Validator

from engine.problems import read_yaml
from engine.rubric.conform import conforms
from engine.rubric.meta import meta_schema

TOP = Path(__file__).resolve().parent.parent
RUBRICS = sorted((TOP / "rubrics").glob("*.yaml")) + sorted((TOP / "tests" / "cases").glob("*/rubric.yaml"))


def load(path: Path):
    doc, problems = read_yaml(path)
    assert doc is not None, problems
    return doc.data


def jsonschema_says(data) -> bool:
    return not list(Draft7Validator(meta_schema()).iter_errors(data))


@pytest.mark.parametrize("path", RUBRICS, ids=lambda p: str(p.relative_to(TOP)))
def test_each_shipped_rubric_answers_as_jsonschema(path):
    data = load(path)
    assert conforms(meta_schema(), data) is jsonschema_says(data)


def test_the_shipped_rubrics_conform_without_jsonschema():
    assert all(conforms(meta_schema(), load(p)) is True for p in RUBRICS[:3])


BASE = load(TOP / "rubrics" / "ethnic-unity-city.yaml")
JSON = st.recursive(st.none() | st.booleans() | st.integers(-5, 5) | st.floats(-2, 2, allow_nan=False)
                    | st.sampled_from(["", "x", "pass", "A-1", "zh", "ZH", "a b", "check", "bands", "1.0", "é"]),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
                        st.sampled_from(["id", "label", "min", "weight", "method", "zh", "en", "at", "score", "x",
                                         "children", "extends", "points", "bands"]), inner, max_size=3),
                    max_leaves=6)


def paths(data, at=()):
    """Every path into the document (keys and list indices)."""
    yield at
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for k, v in items:
        yield from paths(v, at + (k,))


ALL_PATHS = list(paths(BASE))


def mutated(data, path, how: str, value):
    out = copy.deepcopy(data)
    if not path:
        return value if how == "set" else out
    parent = out
    for k in path[:-1]:
        parent = parent[k]
    key = path[-1]
    if how == "set":
        parent[key] = value
    elif how == "drop":
        del parent[key]
    elif isinstance(parent, dict):
        parent[f"{key}_extra" if isinstance(key, str) else "extra"] = value
    else:
        parent.append(value)
    return out


@given(st.lists(st.tuples(st.sampled_from(ALL_PATHS), st.sampled_from(["set", "drop", "add"]), JSON),
                min_size=1, max_size=3))
def test_a_mutated_rubric_answers_as_jsonschema_or_not_at_all(edits):
    data = BASE
    for path, how, value in edits:
        try:
            data = mutated(data, path, how, value)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier edit removed or replaced what this path went through
    assert conforms(meta_schema(), data) in (None, jsonschema_says(data))


@pytest.mark.parametrize("data, valid", [
    ({"rubric": "r", "version": 1, "extends": "base@1"}, True),  # if/then: a tailoring needs no tree
    ({"rubric": "r", "version": 1, "override": {}}, False),  # dependencies: override needs extends
    ({"rubric": "r", "version": True, "extends": "b"}, False),  # true is no number
    ({"rubric": "r", "version": 1, "extends": "b", "rules": [{"sum_lte": [["a"], "b", 3]}]}, False),  # maxItems
    ({"rubric": "r", "version": 1, "extends": "b", "rules": [{"sum_lte": [["a"], 3]}]}, False),  # items by place
    ({"rubric": "r", "version": 1, "extends": "b", "units": {"a b": "x"}}, False),  # propertyNames
    ({"rubric": "r", "version": 1, "extends": "b", "scale": 0}, False),  # exclusiveMinimum
])
def test_each_keyword_as_jsonschema(data, valid):
    assert jsonschema_says(data) is valid
    assert conforms(meta_schema(), data) is valid


def test_what_it_cannot_judge_goes_to_jsonschema():
    assert conforms(meta_schema(), {"rubric": "r", "version": 1, "extends": "b", "source": ("a tuple",)}) is None
    assert conforms({"format": "date"}, "2024-01-01") is None
    assert conforms({"$ref": "other.json#/x"}, 1) is None
