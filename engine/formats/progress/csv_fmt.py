"""csv: one row per subject, period and unit, safe in Excel (the subject's coverage on each of its rows; a
subject without responsible units gets one row with the unit left empty).

The writer adds the utf-8 BOM; every cell that could start a formula is neutralised.
"""
from __future__ import annotations

import csv
import io

from ..common import safe_cell
from ..csv_fmt import cell_text as _cell
from .common import progress_dict

NAME = "csv"
SUFFIX = ".csv"
ENCODING = "utf-8-sig"
"""With a BOM, so Excel opens the Chinese text as UTF-8."""
HEAD = ("rubric", "subject", "subject_name", "period", "coverage_pct", "subject_points_missing")
UNIT = ("unit", "unit_name", "lead", "co", "filed", "invalid", "missing", "points_missing", "filed_nothing",
        "missing_measures", "invalid_measures")
KEYS = {"unit_name": "name"}
"""CSV column -> its key in the JSON unit object, where they differ."""


def render(prog, lang: str | None = None, view: str | None = None) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(HEAD + UNIT)
    for s in progress_dict(prog, lang)["subjects"]:
        head = [s["rubric"]["id"], s["subject"]["id"], s["subject"]["name"], s["period"], s["coverage_pct"],
                s["points_missing"]]
        for u in s["units"] or [{}]:
            w.writerow([safe_cell(_cell(v)) for v in head + [u.get(KEYS.get(k, k)) for k in UNIT]])
    return buf.getvalue()
