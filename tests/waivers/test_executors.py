"""The two executors agree on waivers to the last bit: random rubrics and submissions, some measures waived
(their entry taken out, as validation requires), scored one by one and all at once (from_submissions)."""
from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from engine import methods
from engine.model import Waiver
from engine.scoring import score
import numpy as np
from engine.vector.score import score_long
from engine.vector.values import from_submissions
from tests.batch.strategies import rubrics, submissions
from tests.core.same import assert_same


@st.composite
def waived_cases(draw):
    rubric = draw(rubrics())
    waivable = [m.id for m in rubric.measures if methods.get(m.method).KIND != "veto"]
    subs = []
    for i in range(draw(st.integers(1, 4))):
        sub = draw(submissions(rubric, f"s{i}"))
        ids = draw(st.sets(st.sampled_from(waivable))) if waivable else set()
        w = {mid: Waiver("n/a", "x", "2030-01-01") for mid in sorted(ids)}
        subs.append(replace(sub, entries={k: e for k, e in sub.entries.items() if k not in w}, waivers=w))
    return rubric, subs


@settings(max_examples=200, deadline=None)
@given(waived_cases())
def test_vector_executor_equals_the_per_submission_one_with_waivers(case):
    rubric, subs = case
    batch = score_long(from_submissions(rubric, subs), rubric)
    for i, sub in enumerate(subs):
        one = score(rubric, sub)
        assert_same(batch, i, one)
        assert [m.status == "waived" for m in one.measures] == [m.id in sub.waivers for m in rubric.measures]


def test_the_matrix_keeps_its_waivers_row_by_row(outcome):
    from .conftest import submission

    one = outcome(submission()).card
    other = replace(one.submission, waivers={})
    values = from_submissions(one.rubric, [other, one.submission])
    assert values.waived()[:, values.measures.index("G1.M1")].tolist() == [False, True]
    taken = values.take(np.array([1]))
    batch = score_long(taken, one.rubric)
    assert batch.statuses("G1.M1").tolist() == ["waived"] and batch.total.tolist() == [10.0]
