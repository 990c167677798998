"""engine.plan: a rubric compiled once, the one statement of SPEC 3.2-3.4 both executors run."""
from __future__ import annotations

import gc

import numpy as np
import pytest

from engine import plan as plans
from engine.model import Grade, Group, Label, Measure, Rubric

L = Label.of("x")
GRADES = (Grade("a", L, 90), Grade("b", L, 60), Grade("c", L, 0))


def m(mid, method="check", points=1.0, missing=None, **params):
    return Measure(mid, L, method, points, params, missing=missing)


def rubric(missing="zero", **kw):
    inner = Group("G.I", L, (m("G.I.1"), m("G.I.2", missing="zero")), missing="exclude")
    tree = (Group("G", L, (inner, m("G.3"), m("G.4", "bonus", 0, per=1, cap=2)), weight=10),
            m("T", "linear", 2, floor=0, target=10), Group("X", L, (m("X.1", "veto", 0), m("X.2", "deduction", 0))))
    return Rubric("r", "1", L, tree, GRADES, missing=missing, **kw)


def test_policy_is_the_measures_own_else_the_nearest_group_else_the_rubric():
    p = plans.plan(rubric(missing="zero"))
    assert dict(zip((x.id for x in p.measures), p.policy)) == {
        "G.I.1": "exclude", "G.I.2": "zero", "G.3": "zero", "G.4": "zero", "T": "zero", "X.1": "zero", "X.2": "zero"}
    assert plans.plan(rubric(missing="exclude")).policy[2] == "exclude"


def test_the_tree_as_indices_in_rubric_order():
    p = plans.plan(rubric())
    assert [x.id for x in p.measures] == ["G.I.1", "G.I.2", "G.3", "G.4", "T", "X.1", "X.2"]
    assert [g.id for g in p.groups] == ["G", "G.I", "X"] and p.parent == (-1, 0, -1)
    assert p.measure_parent == (1, 1, 0, 0, -1, 2, 2)
    assert p.top == (plans.Child(True, 0, 10), plans.Child(False, 4, 2.0), plans.Child(True, 2, 0))
    assert p.children[0] == (plans.Child(True, 1, 2.0), plans.Child(False, 2, 1.0), plans.Child(False, 3, 0.0))
    assert (p.base, p.bonus, p.deduction, p.veto) == ((0, 1, 2, 4), (3,), (6,), (5,))
    assert p.worths == (10, 2.0, 0) and list(p.bottom_up) == [2, 1, 0]


def test_compiled_once_per_rubric_object_and_dropped_with_it():
    r = rubric()
    assert plans.plan(r) is plans.plan(r)
    twin = rubric()
    assert twin == r and plans.plan(twin) is not plans.plan(r) and plans.plan(twin) == plans.plan(r)
    key = id(twin)
    del twin
    gc.collect()
    assert key not in plans._PLANS and id(r) in plans._PLANS


@pytest.mark.parametrize("total, vetoed, grade", [(90, False, 0), (89.99, False, 1), (60, False, 1), (0, False, 2),
                                                   (-1, False, 2), (95, True, 2)])
def test_grade_is_one_statement_for_numbers_and_arrays(total, vetoed, grade):
    p = plans.plan(rubric())
    assert p.grade(total, vetoed) == grade
    assert np.asarray(p.grade(np.array([total, total]), np.array([vetoed, False]))).tolist() == \
        [grade, p.grade(total, False)]


def test_caps_for_numbers_and_arrays():
    p = plans.plan(rubric(bonus_cap=1.5, deduction_cap=None))
    amounts = [0.0, 0.0, 0.0, 3, 0.0, 1.0, 2.5]
    assert (p.capped(amounts, "bonus"), p.capped(amounts, "deduction")) == (1.5, 2.5)
    columns = [np.array([a, 0.0]) for a in amounts]
    assert p.capped(columns, "bonus", np.zeros(2)).tolist() == [1.5, 0.0]
    assert p.capped(columns, "deduction", np.zeros(2)).tolist() == [2.5, 0.0]
