"""A value cell reads the same in a long table (engine.readers.long) as in a per-subject table: the same
accept or refuse, the same value, the same notes and messages, for every unit and form officials type."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from engine import rubric as rubrics
from engine import table_rows, validate
from engine.readers.long.validate import validate_long
from engine.readers.long import cells
from tests.tabular.units import write_units_rubric

TEXTS = ["85", "85%", "８５％", "0.85", "8.5‰", "85 %", " 85\u3000", "85\u200b", "85\x1f", "1,234", "3.6万", "0.015亿元",
         "150元", "¥1,500", "$5", "3人", "3.6万人", "36000人", "5人次", "12个", "约300", "6000余人", "是", "否",
         "true", "FALSE", "yes", "4,5,4,3,5", "4 5 4 3 5", "4;5;3", "4、5", "４.５", "national", "全国示范",
         "省级示范", "国家级", "9" * 5000, "0." + "1" * 40, "-3", "3.5", "", "abc", "1e5"]


@pytest.fixture(scope="module")
def rubric(tmp_path_factory):
    return rubrics.load(write_units_rubric(tmp_path_factory.mktemp("units")))


def per_file(rubric, mid: str, text: str):
    """(value or None, messages) as a per-subject CSV table reads the cell on line 2."""
    raw, problems = table_rows._build([(1, ("subject", "period", "measure", "value")), (2, ("s", "2024", mid, text))],
                                   "t.csv", [])
    sub, more = validate.check(raw, rubric)
    said = [str(p) for p in problems + more if p.code not in ("from-path", "path")]
    entry = sub.entries.get(mid)
    return (None if entry is None else cells.as_number(entry, rubric.by_id[mid])), said


def long_table(rubric, mid: str, text: str):
    """(value or None, messages) as a long table reads the same cell on line 2."""
    df = pd.DataFrame({"subject": ["s"], "period": ["2024"], "measure": [mid], "value": [text]}, dtype=object)
    df.attrs.update(path="t.csv", cells="text")
    values, problems = validate_long(df, rubric)
    said = [str(p) for p in problems]
    if not len(values) or not values.present[0, values.measures.index(mid)]:
        return None, said
    col = values.measures.index(mid)
    value = values.lists.get((0, col), values.number[0, col])
    return value, said


@pytest.mark.parametrize("text", TEXTS, ids=lambda t: repr(t[:12]))
@pytest.mark.parametrize("mid", ["PCT", "WY", "REN", "GE", "RATE", "CH", "BON", "DED"])
def test_a_cell_reads_the_same_in_both_paths(rubric, mid, text):
    one, one_said = per_file(rubric, mid, text)
    other, other_said = long_table(rubric, mid, text)
    assert other_said == one_said
    if isinstance(one, list) or isinstance(other, list):
        assert one == other
    else:
        assert (one is None and other is None) or (one is not None and other is not None and
                                                   (one == other or (math.isnan(one) and np.isnan(other))))
