"""json: every verdict, machine-readable."""
from __future__ import annotations

import json

from ..safe_text import json_ci

NAME = "json"


def render(verdicts, lang: str | None = None, *, bar) -> str:
    data = {
        "bar": {"min_grade": bar.min_grade, "min_score": bar.min_score,
                "policy": bar.policy.as_dict() if bar.policy else None},
        "passed": all(v.passed for v in verdicts),
        "results": [_verdict(v) for v in verdicts],
    }
    return json_ci(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"


def _verdict(v) -> dict:
    card = v.outcome.head
    out = {
        "file": v.outcome.path,
        "parts": list(v.outcome.parts),
        "result": "pass" if v.passed else "invalid" if v.invalid else "below-bar",
        "problems": [_problem(p) for p in v.outcome.problems if p.level != "info"],
        "failures": [_problem(p) for p in v.failures],
    }
    if card is not None:
        out.update(subject={"id": card.submission.subject_id, "name": card.submission.subject_name},
                   period=card.submission.period, total=card.total,
                   grade={"id": card.grade.id, "label": card.grade.label.get()}, vetoed=card.vetoed)
    return out


def _problem(p) -> dict:
    return {"file": p.loc.file, "line": p.loc.line, "col": p.loc.col, "level": p.level, "code": p.code,
            "id": p.id, "message": p.message}
