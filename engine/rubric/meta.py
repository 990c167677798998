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


def check_meta(doc: Doc, file: str) -> list[Problem]:
    """One problem per schema violation, at the line of the offending key or value."""
    if not isinstance(doc.data, dict):
        return [Problem(Loc(file), "a rubric must be a YAML map with keys rubric, version, title, grades, tree")]
    out = [_problem(e, doc, file) for e in _validator().iter_errors(doc.data)]
    return sorted(out, key=lambda p: (p.loc.line, p.loc.col))


def _problem(error, doc: Doc, file: str) -> Problem:
    path = tuple(error.absolute_path)
    line, col = doc.where(path)
    message = _message(error)
    if error.validator == "additionalProperties":
        extra = _extra_keys(error)
        if extra:
            path = path + (extra[0],)
            line, col = doc.where(path, key=True)
    return Problem(Loc(file, line, col), message, id=_node_id(doc.data, path), code="schema")


def _message(error) -> str:
    v, path = error.validator, list(error.absolute_path)
    where = f"'{path[-1]}'" if path and isinstance(path[-1], str) else "value"
    if v == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return f"missing required key '{missing}'"
    if v == "additionalProperties":
        extra = _extra_keys(error)
        known = error.schema.get("properties", {})
        hint = did_you_mean(extra[0], known) if extra else ""
        return f"unknown key '{extra[0]}'{hint}" if extra else error.message
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
