"""from_submissions: any validated submissions as the vectorised executor's matrix."""
from __future__ import annotations

import math

import numpy as np
import pytest

from engine.model import Entry, Grade, Group, Label, Measure, Rubric, Submission
from engine.scoring import score
from engine.vector.score import score_long
from engine.vector.values import from_submissions

from .same import assert_same

L = Label.of("x")
MEASURES = (Measure("C", L, "check", 1), Measure("O", L, "choice", 2, {"options": {"a": 1, 7: 0.5, "z": 0}}),
            Measure("R", L, "rating", 3, {"scale": [1, 5], "trim": 1}),
            Measure("N", L, "linear", 1, {"floor": 0, "target": 10}),
            Measure("B", L, "bonus", 0, {"per": 1}))
RUBRIC = Rubric("r", "1", L, (Group("G", L, MEASURES),), (Grade("a", L, 50), Grade("b", L, 0)))


def sub(sid, **values):
    return Submission("r@1", sid, "", "2024-H1", {k: Entry(v) for k, v in values.items()})


def test_values_read_as_a_table_cell_is():
    subs = [sub("s1", C=True, O=7, R=[5, 4, 1, 3], N=2.5, B=2), sub("s2", C=False, O="z", R=4)]
    v = from_submissions(RUBRIC, subs, "what-if")
    assert v.measures == ("C", "O", "R", "N", "B") and v.path == "what-if" and v.rubric == "r@1"
    assert v.subjects.tolist() == ["s1", "s2"] and v.names.tolist() == ["s1", "s2"]
    assert v.periods.tolist() == ["2024-H1", "2024-H1"]
    assert [[None if math.isnan(x) else x for x in row] for row in v.number.tolist()] == \
        [[1.0, 1.0, None, 2.5, 2.0], [0.0, 2.0, 4.0, None, None]]
    assert v.present.tolist() == [[True] * 5, [True, True, True, False, False]]
    assert v.lists == {(0, 2): [5, 4, 1, 3]}
    assert v.rows is None and v.cells == {} and v.cell("value", 0, 0) is None
    assert len(v.take(np.array([1]))) == 1


def test_scored_exactly_as_one_by_one():
    subs = [sub("s1", C=True, O=7, R=[5, 4, 1, 3], N=2.5, B=2), sub("s2", O="a", R=4), sub("s3")]
    batch = score_long(from_submissions(RUBRIC, subs), RUBRIC)
    for i, s in enumerate(subs):
        assert_same(batch, i, score(RUBRIC, s))


def test_an_unknown_option_is_refused_by_name():
    with pytest.raises(ValueError, match="O: 'b' is not one of the options a, 7, z"):
        from_submissions(RUBRIC, [sub("s1", O="b")])


def test_an_unvalidated_value_is_refused_by_name():
    with pytest.raises(ValueError, match="N: linear expects a validated number or true/false, got '3.6万'"):
        from_submissions(RUBRIC, [sub("s1", N="3.6万")])


def test_the_rubric_named_when_they_differ():
    v = from_submissions(RUBRIC, [sub("s1"), Submission("r", "s2", "Two", 2024, {})])
    assert v.rubric == "r@1" and v.names.tolist() == ["s1", "Two"] and v.periods.tolist() == ["2024-H1", 2024]
