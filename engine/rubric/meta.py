"""Check a rubric document against the shipped meta-schema, with located, readable messages."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from ..methods import METHODS
from ..model import Loc
from ..numbers import show as _show
from ..problems import Problem, did_you_mean
from ..yamlstrict import Doc
from .conform import conforms
from .places import Placed, in_file_order, placed

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "rubric.schema.json"


@lru_cache(maxsize=1)
def meta_schema() -> dict:
    """The meta-schema, with the method names taken from the registry."""
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    schema["definitions"]["node"]["properties"]["method"]["enum"] = list(METHODS)
    return schema


@lru_cache(maxsize=1)
def _validator():
    from jsonschema import Draft7Validator

    return Draft7Validator(meta_schema())


def check_meta(doc: Doc | Placed, file: str, semantic: bool = True) -> list[Problem]:
    """One problem per schema violation (per unknown key), at the line of the offending key or value.

    When there are any, the semantic checks (engine.rubric.lint) run as well wherever the types they
    need are right, so that one run shows every problem of the file, not the schema's first (not with
    ``semantic=False``: a tailoring file is checked as a whole once merged, see tailor.py)."""
    doc = placed(doc, file)
    if not isinstance(doc.data, dict):
        return [Problem(Loc(file), "a rubric must be a YAML map with keys rubric, version, title, grades, tree")]
    # jsonschema only for a document that may not conform: it is 80 ms to import, and its errors make the messages
    found = [] if conforms(meta_schema(), doc.data) is True else list(_validator().iter_errors(doc.data))
    out = [p for e in found for p in _problems(e, doc)]
    if found and semantic:
        from .lint import lint_data  # lint imports nothing from here; imported late all the same

        out += lint_data(doc, file, faulted=[tuple(e.absolute_path) for e in found])
    return in_file_order(out, doc)


def _problems(error, doc: Placed) -> list[Problem]:
    path = tuple(error.absolute_path)
    if error.validator == "additionalProperties" and _extra_keys(error):
        known = error.schema.get("properties", {})
        return [Problem(doc.locate(path + (k,), key=True), f"unknown key '{k}'{did_you_mean(k, known)}",
                        id=_node_id(doc.data, path + (k,)), code="schema") for k in _extra_keys(error)]
    return [Problem(doc.locate(path), _message(error), id=_node_id(doc.data, path), code="schema")]


def _message(error) -> str:
    v, path = error.validator, list(error.absolute_path)
    where = f"'{path[-1]}'" if path and isinstance(path[-1], str) else "value"
    if v == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return f"missing required key '{missing}'"
    if v == "dependencies":  # only override/remove/add, which need extends
        key = next((k for k in error.validator_value if k in error.instance and "extends" not in error.instance), "")
        return f"'{key}' tailors a rubric: name it with 'extends: ID@VERSION'"
    if v == "additionalProperties":  # with no extra key to name (else _problems names each)
        return error.message
    if v == "enum":
        hint = did_you_mean(error.instance, error.validator_value) if isinstance(error.instance, str) else ""
        opts = ", ".join(map(str, error.validator_value))
        return f"{where} is {error.instance!r}; expected one of: {opts}{hint}"
    if v == "type":
        return f"{where} should be {_kind(error.validator_value)}, got {_show(error.instance)}"
    if v == "anyOf":  # only labels use anyOf in the meta-schema
        return f"{where} should be a text or a map of language: text, got {_show(error.instance)}"
    return f"{where}: {error.message}"


def _extra_keys(error) -> list[str]:
    allowed = set(error.schema.get("properties", {}))
    return [k for k in error.instance if k not in allowed] if isinstance(error.instance, dict) else []


def _kind(t) -> str:
    names = {"string": "a text", "number": "a number", "integer": "a whole number", "array": "a list",
             "object": "a map", "boolean": "true or false", "null": "empty"}
    return " or ".join(names.get(x, x) for x in (t if isinstance(t, list) else [t]))




def _node_id(data, path: tuple) -> str:
    """The id of the innermost tree node on the path."""
    node_id, cur = "", data
    for key in path:
        try:
            cur = cur[key]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(cur, dict) and isinstance(cur.get("id"), str) and "tree" in path:
            node_id = cur["id"]
    return node_id
