"""The two executors of the scoring plan agree to the last bit: random rubrics (every registered method) and
random valid submissions, scored one by one (engine.scoring.score) and all at once through from_submissions
(engine.vector.score.score_long)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from engine.scoring import score
from engine.vector.score import score_long
from engine.vector.values import from_submissions
from tests.batch.strategies import rubrics, submissions

from .same import assert_same


@st.composite
def cases(draw):
    rubric = draw(rubrics())
    subs = [draw(submissions(rubric, f"s{i}")) for i in range(draw(st.integers(1, 4)))]
    return rubric, subs


@settings(max_examples=300, deadline=None)
@given(cases())
def test_vector_executor_equals_the_per_submission_one(case):
    rubric, subs = case
    batch = score_long(from_submissions(rubric, subs), rubric)
    assert len(batch) == len(subs)
    for i, sub in enumerate(subs):
        assert_same(batch, i, score(rubric, sub))


def test_no_submissions_score_to_no_rows():
    from engine.model import Group, Label, Measure, Rubric
    from tests.batch.strategies import GRADES

    rubric = Rubric("r", "1", Label.of("x"), (Group("G", Label.of("g"), (Measure("G.1", Label.of("m"), "check", 1),)),),
                    GRADES)
    batch = score_long(from_submissions(rubric, []), rubric)
    assert len(batch) == 0 and batch.total.tolist() == [] and batch.grade.tolist() == []
