"""json: filing progress as data, always one object: {"subjects": [...], "units": [...]}.

Each subject: rubric, subject, period, parts, base (its base measures), filed, invalid, missing (counts),
coverage_pct, points_missing, missing_measures, invalid_measures, filed_nothing (unit ids) and units (per
unit: lead, co, filed, invalid, missing, points_missing, filed_nothing and the measure ids behind each count).
"units" adds each unit up across subjects, most points missing first.
"""
from __future__ import annotations

from ..json_fmt import dumps
from .common import progress_dict

NAME = "json"
SUFFIX = ".json"


def render(prog, lang: str | None = None, view: str | None = None) -> str:
    return dumps(progress_dict(prog, lang)) + "\n"
