"""json: filing progress as data, always one object: {"subjects": [...], "units": [...]}.

Each subject: rubric, subject, period, parts, base (its base measures), filed, invalid, missing (counts),
coverage_pct, points_missing, missing_measures, invalid_measures, filed_nothing (unit ids) and units (per
unit: lead, co, filed, invalid, missing, points_missing, filed_nothing and the measure ids behind each count).
"units" adds each unit up across subjects, most points missing first.  One subject is pretty-printed; more are
written a compact object per line (as `score -f json` writes a batch): 3,200 subjects in seconds, not tens.
"""
from __future__ import annotations

from ..json_fmt import dumps
from .common import progress_dict

NAME = "json"
SUFFIX = ".json"


def render(prog, lang: str | None = None, view: str | None = None) -> str:
    data = progress_dict(prog, lang)
    if len(data["subjects"]) <= 1:
        return dumps(data) + "\n"
    return "".join(["{\n", _lines("subjects", data["subjects"]), ",\n", _lines("units", data["units"]), "\n}\n"])


def _lines(key: str, items: list) -> str:
    """'"key": [' then one compact object a line."""
    return f'"{key}": [\n' + ",\n".join(dumps(x, None) for x in items) + "\n]"
