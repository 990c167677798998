"""The batch scores a long table exactly as the reference path scores each subject's own table.

For random small rubrics and random cells (valid or not), each subject's rows are read the per-file way
(engine.table_rows, engine.validate, engine.scoring.score) with the same line numbers they have in the
long table; the batch must reject the same subjects with the same problems, and give exactly (==) the same
totals, grades, group and measure numbers, and (through to_scorecards) the very same Scorecards.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from engine import table_rows as tabular, validate
from engine.readers.long.validate import validate_long
from engine.vector.cards import to_scorecards
from engine.vector.score import score_long
from engine.vector.rounding import r2_array
from engine.results import r2
from engine.scoring import score

from tests.core.same import assert_same

from .strategies import cell, rubrics

HEADER = ("subject", "period", "measure", "value")


def reference(rubric, rows):
    """(Scorecard or None, problems) for one subject's rows [(line, cells)], read as a per-subject table."""
    problems: list = []
    raw, problems = tabular._build([(1, HEADER), *rows], "t.csv", problems)
    sub, more = validate.check(raw, rubric)
    problems = problems + more
    ok = not any(p.is_error for p in problems)
    return (score(rubric, sub) if ok else None), problems


@st.composite
def tables(draw):
    rubric = draw(rubrics())
    rows = []
    for s in range(draw(st.integers(min_value=1, max_value=4))):
        for m in rubric.measures:
            if draw(st.integers(0, 5)):
                rows.append((f"s{s}", "2024", m.id, draw(cell(m))))
    return rubric, draw(st.permutations(rows))


@settings(max_examples=300)
@given(tables())
def test_batch_equals_reference(case):
    rubric, rows = case
    df = pd.DataFrame(list(rows) or None, columns=list(HEADER), dtype=object)
    values, problems = validate_long(df, rubric, "t.csv")
    batch = score_long(values, rubric)
    where = {sid: i for i, sid in enumerate(batch.subject)}
    for sid in sorted({r[0] for r in rows}):
        mine = [(i + 2, r) for i, r in enumerate(rows) if r[0] == sid]
        card, expected = reference(rubric, mine)
        lines = {line for line, _ in mine}
        assert [str(p) for p in problems if p.loc.line in lines] == [str(p) for p in sorted(
            expected, key=lambda p: (p.loc.line, p.loc.col))]
        if card is None:
            assert sid not in where and (sid, 2024) in values.rejected
            continue
        assert_same(batch, where[sid], card)
        assert to_scorecards(batch, rubric, [sid]) == [card]


def test_rounding_matches_r2_everywhere():
    rng = np.random.default_rng(7)
    ties = np.arange(-2000, 200000) / 1000.0 + 0.005  # x.xx5: every half-up case
    noise = rng.uniform(-1e6, 1e6, 200_000)
    small = rng.integers(0, 10**6, 100_000) / 800.0
    for xs in (ties, noise, small, ties * 3 / 7, np.array([0.0, -0.0, 0.125, 2.675, 1.005, 89.995, 1e12 + 0.5])):
        assert r2_array(xs).tolist() == [r2(float(x)) for x in xs]
