"""A waived measure is scored exactly as an excluded one (SPEC 9), whatever the missing policy."""
from __future__ import annotations

import pytest

from .conftest import submission


def test_waived_worth_goes_to_the_present_sibling(outcome):
    card = outcome(submission()).card
    m1, m2 = card.measure("G1.M1"), card.measure("G1.M2")
    assert (m1.status, m1.score, m1.weight, m1.recoverable) == ("waived", 0.0, 0.0, 0.0)
    assert m2.weight == 10.0  # 6 points now carry G1's whole worth of 10
    assert (card.group("G1").score, card.group("G1").max) == (10.0, 10.0)
    assert (card.base, card.total, card.grade.id) == (10.0, 10.0, "fail")


def test_without_the_waiver_the_measure_scores_zero(outcome):
    card = outcome(submission(waivers="")).card
    assert card.measure("G1.M1").status == "missing"
    assert card.total == 6.0


@pytest.mark.parametrize("policy", ["zero", "exclude"])
def test_same_numbers_as_exclusion(outcome, policy):
    waived = outcome(submission(), missing=policy).card
    excluded = outcome(submission(waivers=""), missing="exclude").card
    assert excluded.measure("G1.M1").status == "excluded"
    assert (waived.base, waived.total, waived.grade) == (excluded.base, excluded.total, excluded.grade)
    for a, b in zip(waived.measures, excluded.measures):
        assert (a.id, a.score, a.max, a.weight, a.fraction, a.recoverable) == \
            (b.id, b.score, b.max, b.weight, b.fraction, b.recoverable)
    assert [(g.score, g.max, g.fraction, g.weight) for g in waived.groups] == \
        [(g.score, g.max, g.fraction, g.weight) for g in excluded.groups]


def test_a_group_all_waived_is_dropped_from_its_parent(outcome):
    both = '  G1.M1: {reason: 无, approved_by: 民委}\n  G1.M2: {reason: 无, approved_by: 民委}\n'
    card = outcome(submission("  G2.M1: true\n", both)).card
    assert card.group("G1").fraction is None and card.group("G2").weight == 100.0
    assert card.total == 100.0
