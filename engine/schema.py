"""The submission JSON Schema (draft-07) generated from a rubric (SPEC 4).

One property per measure, typed by its method (a bare value, or {value, evidence, note}), with
titles, descriptions, markdownDescription and examples from the rubric so that an editor's YAML
language server shows them on hover and offers them in completion.
"""
from __future__ import annotations

from typing import Any

from . import methods
from .model import Measure, Rubric

DRAFT = "http://json-schema.org/draft-07/schema#"


def submission_schema(rubric: Rubric, lang: str | None = None) -> dict:
    """The JSON Schema a submission for this rubric must satisfy."""
    measures = rubric.measures
    ratings = [m for m in measures if methods.get(m.method).RATINGS]
    return _shared_patterns({
        "$schema": DRAFT,
        "$id": f"urn:scorecard:{rubric.id}:{rubric.version}",
        "title": f"{rubric.title.get(lang)} — submission ({rubric.ref})",
        "description": rubric.source or rubric.title.get("en"),
        "type": "object",
        "required": ["rubric", "subject", "period"],
        "additionalProperties": False,
        "properties": {
            "rubric": {"type": "string", "enum": [rubric.id, rubric.ref], "description": "rubric id, optionally @version"},
            "subject": {"anyOf": [_subject(), {"type": "string"}]},
            "period": {"type": ["integer", "string"], "description": "e.g. 2024 or \"2024H1\""},
            "values": _section({m.id: measure_schema(m, rubric, lang) for m in measures}),
            "ratings": _section({m.id: _ratings(m, rubric, lang) for m in ratings}),
            "waivers": _waivers(measures),
            **_part_keys(rubric, lang),
        },
    })


def _part_keys(rubric: Rubric, lang: str | None) -> dict:
    """The header keys of a part of a submission (SPEC 8)."""
    units = {"type": "string", "description": "the unit that files this part: it may hold only measures it owns"}
    if rubric.units:
        units["enum"] = list(rubric.units)
        units["description"] += " (" + ", ".join(f"{k} {v.get(lang)}" for k, v in rubric.units.items()) + ")"
    return {
        "filed_by": units,
        "assessor": {"type": ["string", "integer"], "description": "the assessor whose ratings this part holds "
                     "(only ratings:)"},
        "stage": {"type": "string", "enum": ["self", "verified"], "description": "self (自评, the default) or "
                  "verified (核验): a verified part overrides the self-assessed value of each measure it holds"},
    }


WAIVER = {
    "type": "object", "additionalProperties": False, "required": ["reason", "approved_by"],
    "properties": {
        "reason": {"type": "string", "minLength": 1, "description": "why the measure does not apply"},
        "approved_by": {"type": "string", "minLength": 1, "description": "who approved the waiver"},
        "expires": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
                    "description": "the last day it holds, YYYY-MM-DD (an error after it)"},
    },
}


def _waivers(measures) -> dict:
    """The waivers section (SPEC 9): measure id -> a waiver, for the waivable measures (never a veto); one waiver
    schema for all of them, not one per measure."""
    ids = [m.id for m in measures if m.waivable and methods.get(m.method).KIND != "veto"]
    return {"type": "object", "propertyNames": {"enum": ids}, "additionalProperties": WAIVER,
            "description": "measures declared not applicable: left out of the base, their worth spread over their "
                           "siblings; each with reason, approved_by and expires"}


def _shared_patterns(schema: dict) -> dict:
    """Each text pattern (the number grammar for a unit, hundreds of characters) written once under
    definitions and referred to, instead of twice for every measure."""
    names: dict[str, str] = {}

    def walk(x):
        if isinstance(x, list):
            return [walk(v) for v in x]
        if not isinstance(x, dict):
            return x
        if set(x) == {"type", "pattern"} and x["type"] == "string":
            name = names.setdefault(x["pattern"], f"text{len(names) + 1}")
            return {"$ref": f"#/definitions/{name}"}
        return {k: walk(v) for k, v in x.items()}

    out = walk(schema)
    if names:
        out["definitions"] = {name: {"type": "string", "pattern": p} for p, name in names.items()}
    return out


def _subject() -> dict:
    return {
        "type": "object",
        "required": ["id"],
        "additionalProperties": False,
        "properties": {"id": {"type": ["string", "integer"]}, "name": {"type": "string"}},
    }


def _section(props: dict) -> dict:
    return {"type": "object", "additionalProperties": False, "properties": props}


_BIGGEST = 1.7976931348623157e308
_NOT_FINITE = {"type": "number", "anyOf": [{"minimum": 1, "maximum": 0},  # only NaN is both >= 1 and <= 0
                                           {"exclusiveMinimum": _BIGGEST}, {"exclusiveMaximum": -_BIGGEST}]}
"""NaN and ±infinity: YAML 1.2 numbers (.nan, .inf) that schema validators accept, errors to the engine (SPEC 7)."""


def value_schema(m: Measure) -> dict:
    """The bare value's schema: the method's type plus the measure's min/max bounds; numbers must be finite.
    A method whose values are whole numbers >= 0 (WHOLE) has a minimum of at least 0."""
    module = methods.get(m.method)
    schema = module.value_schema(m)
    low = max(m.min or 0, 0) if module.WHOLE else m.min
    bounds = {k: v for k, v in (("minimum", low), ("maximum", m.max)) if v is not None}
    return _finite(_bounded(schema, bounds) if bounds else schema)


def _finite(schema: dict) -> dict:
    """Each {"type": "number"} in the schema (also under anyOf and items) made to reject NaN and ±infinity."""
    out = {**schema, "not": _NOT_FINITE} if schema.get("type") == "number" else dict(schema)
    if "anyOf" in schema:
        out["anyOf"] = [_finite(s) for s in schema["anyOf"]]
    if isinstance(schema.get("items"), dict):
        out["items"] = _finite(schema["items"])
    return out


def _bounded(schema: dict, bounds: dict) -> dict:
    if schema.get("type") in ("number", "integer"):
        return {**schema, **bounds}
    if "anyOf" in schema:
        return {**schema, "anyOf": [_bounded(s, bounds) for s in schema["anyOf"]]}
    return schema


def measure_schema(m: Measure, rubric: Rubric, lang: str | None = None) -> dict:
    """A measure's property: a bare value, or {value, evidence, note}; evidence required if the rubric says so."""
    bare = value_schema(m)
    evidence = {"type": "array", "items": {"type": "string"}, "minItems": 1}
    full: dict[str, Any] = {
        "type": "object",
        "required": ["value", "evidence"] if m.evidence == "required" else ["value"],
        "additionalProperties": False,
        "properties": {
            "value": bare,
            "evidence": {"anyOf": [evidence, {"type": "string", "minLength": 1}]},
            "note": {"type": "string"},
        },
    }
    options = [full] if m.evidence == "required" else [bare, full]
    return {**_docs(m, rubric, lang), "anyOf": options}


def _ratings(m: Measure, rubric: Rubric, lang: str | None) -> dict:
    """The ratings section takes what a rating value takes (a list, or ratings typed in one text)."""
    return {**_docs(m, rubric, lang), **_finite(methods.get(m.method).value_schema(m))}


def _docs(m: Measure, rubric: Rubric, lang: str | None) -> dict:
    """Title, description and examples shown on hover and in completion."""
    module = methods.get(m.method)
    target = module.example(m)
    lines = [m.label.get("en") if lang != "en" and m.label.has("en") else "", module.describe(m),
             f"{'bonus/deduction/veto' if m.is_modifier else f'{m.points:g} points'}"
             + (f"; unit {m.unit}" if m.unit else ""),
             _owners(m, rubric, lang), module.schema_notes(m, lang), m.guidance,
             "测评方法: " + "、".join(m.assess) if m.assess else "",
             "evidence required" if m.evidence == "required" else ""]
    text = "\n".join(x for x in lines if x)
    out = {"title": f"{m.id} {m.label.get(lang)}", "description": text,
           "markdownDescription": f"**{m.id} {m.label.get(lang)}**\n\n" + text.replace("\n", "  \n")}
    if target is not None:
        out["examples"] = [{"value": target, "evidence": ["..."]} if m.evidence == "required" else target]
    return out


def _owners(m: Measure, rubric: Rubric, lang: str | None) -> str:
    if not m.owners:
        return ""
    names = [rubric.units[o].get(lang) if o in rubric.units else o for o in m.owners]
    return "owners: " + "、".join(names)
