"""json: per rubric {"rubric", "runs", "seed", "weights", "raters", "subjects": [...], "unranked": [...]}; each
subject {"subject", "name", "period", "rank", "median_rank", "rank_low", "rank_high", "grade", "grades": {id: p}}
(an unranked one has no rank figures).  Several rubrics: an array."""
from __future__ import annotations

import json
import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # engine.sensitivity imports numpy: the full app must not load it for validate
    from ...sensitivity import Sensitivity

NAME = "json"
SUFFIX = ".json"


def render(results, lang: str | None = None) -> str:
    docs = [as_dict(r, lang) for r in results]
    return json.dumps(docs[0] if len(docs) == 1 else docs, ensure_ascii=False, indent=2) + "\n"


def as_dict(s: Sensitivity, lang: str | None = None) -> dict:
    rows = [subject(s, i, lang) for i in range(len(s.subjects))]
    return {"rubric": s.rubric.ref, "runs": s.runs, "seed": s.seed, "weights": s.weights, "raters": s.raters,
            "subjects": [r for r, ok in zip(rows, s.ranked) if ok],
            "unranked": [r for r, ok in zip(rows, s.ranked) if not ok]}


def subject(s: Sensitivity, i: int, lang: str | None = None) -> dict:
    grades = s.rubric.grades
    out = {"subject": str(s.subjects[i]), "name": str(s.names[i]), "period": _plain(s.periods[i])}
    if s.ranked[i]:
        out.update(rank=int(s.rank[i]), median_rank=_num(s.median[i]), rank_low=_num(s.low[i]),
                   rank_high=_num(s.high[i]))
    out["grade"] = grades[int(s.grade[i])].id
    out["grades"] = {g.id: round(float(p), 6) for g, p in zip(grades, s.grades[i])}
    return out


def _num(x: float):
    x = float(x)
    return None if math.isnan(x) else int(x) if x == int(x) else x


def _plain(period):
    return period.item() if hasattr(period, "item") else period
