"""sarif: SARIF 2.1.0, a rule per kind of problem, a result per problem with its region.

Each location's uri is the file's path as a percent-encoded relative URI reference (RFC 3986, as SARIF
requires); the JSON carries any text, with nothing a CI log would act on written raw (``safe_text.json_ci``).
"""
from __future__ import annotations

import json

from .. import __version__
from ..safe_text import json_ci, uri

NAME = "sarif"
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def render(verdicts, lang: str | None = None, *, bar) -> str:
    problems = [p for v in verdicts for p in _problems(v)]
    rules = sorted({p.code for p in problems})
    run = {
        "tool": {"driver": {"name": "scorecard", "version": __version__, "informationUri":
                            "https://scorecard-engine.invalid/", "rules": [_rule(r) for r in rules]}},
        "results": [_result(p, rules) for p in problems],
    }
    data = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json_ci(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"


def _problems(v) -> list:
    warnings = [p for p in v.outcome.problems if p.level == "warning"]
    return list(v.failures) + warnings


def _rule(code: str) -> dict:
    words = code.replace("-", " ").replace(".", " ").replace("_", " ")
    return {"id": code, "name": words.title().replace(" ", ""), "shortDescription": {"text": f"scorecard: {words}"}}


def _result(p, rules: list[str]) -> dict:
    region = {"startLine": p.loc.line, "startColumn": p.loc.col}
    out = {
        "ruleId": p.code,
        "ruleIndex": rules.index(p.code),
        "level": LEVELS.get(p.level, "error"),
        "message": {"text": f"{p.id}: {p.message}" if p.id else p.message},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri(p.loc.file)}, "region": region}}],
    }
    return out
