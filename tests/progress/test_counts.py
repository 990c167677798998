"""Progress counts on hand-built filings (see conftest for every figure worked out)."""
from dataclasses import replace

import pytest

from engine.campaign import Filing, PartInfo
from engine.progress import progress, subject

from .conftest import CAMPAIGN, jinchang, wuwei


def rows(s):
    return {u.unit: (u.lead, u.co, u.filed, u.invalid, u.missing, u.points, u.filed_nothing) for u in s.units}


def test_each_unit_of_one_submission(campaign):
    s = subject(jinchang(campaign))
    assert [u.unit for u in s.units] == ["jyj", "tjj", "mzw"]  # rubric.units order
    assert rows(s) == {
        "jyj": (("M1",), ("M3",), ("M1",), (), ("M3",), 10.0, False),
        "tjj": (("M2",), ("M1",), ("M1",), ("M2",), (), 40.0, False),
        "mzw": (("M3", "M4"), (), (), (), ("M3", "M4"), 20.0, True),
    }


def test_the_submission_coverage_and_silent_units(campaign):
    s = subject(jinchang(campaign))
    assert (s.base, s.filed, s.invalid, s.missing) == (5, ("M1", "M5"), ("M2",), ("M3", "M4"))
    assert s.coverage == pytest.approx(0.4)
    assert s.points == pytest.approx(60.0)
    assert s.filed_nothing == ("mzw",)


def test_a_unit_with_a_part_has_filed_something_even_when_none_of_it_is_valid(campaign):
    s = subject(wuwei(campaign))
    assert rows(s) == {
        "jyj": (("M1",), ("M3",), (), (), ("M1", "M3"), 30.0, True),
        "tjj": (("M2",), ("M1",), ("M2",), (), ("M1",), 20.0, False),
        "mzw": (("M3", "M4"), (), (), ("M4",), ("M3",), 20.0, False),
    }
    assert s.units[2].owes == ("M3", "M4")
    assert (s.filed, s.invalid, s.missing, s.points) == (("M2",), ("M4",), ("M1", "M3", "M5"), 60.0)
    assert s.coverage == pytest.approx(0.2) and s.filed_nothing == ("jyj",)


def test_units_across_subjects_most_points_first(campaign):
    prog = progress([jinchang(campaign), wuwei(campaign)])
    got = [(t.unit, t.subjects, t.lead, t.co, t.filed, t.invalid, t.missing, t.points, t.filed_nothing)
           for t in prog.units]
    # tjj owes 40 + 20; jyj and mzw 40 each with 3 missing each: first seen (jyj) first.
    assert got == [("tjj", 2, 2, 2, 2, 1, 1, 60.0, 0), ("jyj", 2, 2, 2, 1, 0, 3, 40.0, 1),
                   ("mzw", 2, 4, 0, 0, 1, 3, 40.0, 1)]


def test_modifiers_are_not_counted(campaign):
    """The bonus B1 (jyj's) and the veto X1 (mzw's) are neither assigned, filed nor missing."""
    s = subject(jinchang(campaign))
    every = {i for u in s.units for i in u.lead + u.co} | set(s.filed + s.missing + s.invalid)
    assert not every & {"B1", "X1"}


def test_an_error_wins_over_a_valid_value_elsewhere(campaign):
    f = Filing(campaign, "jc", "金昌市", 2024, (), {"M2": "tjj"}, frozenset({"M2"}))
    s = subject(f)
    assert s.invalid == ("M2",) and "M2" not in s.filed
    assert rows(s)["tjj"][2:6] == ((), ("M2",), ("M1",), 60.0)  # and its co-owned M1 is missing


def test_everything_filed_owes_nothing(campaign):
    f = Filing(campaign, "jc", "金昌市", 2024, (), {m: None for m in ("M1", "M2", "M3", "M4", "M5")})
    s = subject(f)
    assert s.coverage == 1.0 and s.points == 0 and s.missing == () and s.filed_nothing == ()
    assert all(u.points == 0 and not u.missing for u in s.units)


def test_points_are_nominal_weights_under_missing_exclude(load):
    """Under missing: exclude a scorecard would spread M3's weight over M4 and M5; what filing M3 puts at
    stake is still its nominal 10 points of the total."""
    rubric = load(CAMPAIGN.replace('version: "1"', 'version: "1"\nmissing: exclude'))
    s = subject(Filing(rubric, "jc", "金昌市", 2024, (), {"M1": None, "M2": None, "M4": None, "M5": None}))
    assert s.missing == ("M3",) and s.points == pytest.approx(10.0)


def test_undeclared_unit_keys_come_after_the_declared_ones(campaign):
    """A unit a rubric does not declare (rubric.units may lack a key) comes last, named by its key."""
    rubric = replace(campaign, units={k: v for k, v in campaign.units.items() if k != "jyj"})
    s = subject(Filing(rubric, "jc", "金昌市", 2024, (), {}))
    assert [u.unit for u in s.units] == ["tjj", "mzw", "jyj"]
    assert rows(s)["jyj"][:2] == (("M1",), ("M3",))


def test_no_filings(campaign):
    prog = progress([])
    assert prog.subjects == () and prog.units == ()
