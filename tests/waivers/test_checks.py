"""A waiver that cannot hold is an error located in its file, naming the measure and what was expected."""
from __future__ import annotations

import pytest

from .conftest import submission

VALUES = "  G1.M2: true\n  G2.M1: true\n"


def problems(outcome, waivers: str, values: str = VALUES) -> list[str]:
    o = outcome(submission(values, waivers))
    assert not o.ok and o.card is None
    return [str(p).split(": ", 1)[1] for p in o.problems if p.level == "error"]


def located(outcome, waivers: str, values: str = VALUES) -> list[str]:
    o = outcome(submission(values, waivers))
    return [f"{p.loc.line}:{p.loc.col} {p.id}: {p.message}" for p in o.problems if p.level == "error"]


def test_waivable_false_is_refused(outcome):
    assert located(outcome, "  G2.M1: {reason: 无, approved_by: 民委}\n", "  G1.M2: true\n") == [
        "7:3 G2.M1: this measure cannot be waived (the rubric says waivable: false): give its value"]


def test_a_veto_is_refused(outcome):
    assert located(outcome, "  V1: {reason: 无, approved_by: 民委}\n") == [
        "8:3 V1: a veto (一票否决) cannot be waived: leave it out, or give its value"]


def test_unknown_measure_has_did_you_mean(outcome):
    assert located(outcome, "  G1.M3: {reason: 无, approved_by: 民委}\n") == [
        "8:3 G1.M3: 'G1.M3' is not a measure of this rubric (did you mean 'G1.M2'?): a waiver names a measure id"]


def test_a_group_is_refused(outcome):
    assert located(outcome, "  G1: {reason: 无, approved_by: 民委}\n", "  G2.M1: true\n") == [
        "7:3 G1: 'G1' is a group, not a measure: waive its measures one by one"]


@pytest.mark.parametrize("given, said", [
    ("{approved_by: 民委}", "8:3 G1.M1: a waiver needs reason (why the measure does not apply): "
     'a waiver is {reason: ..., approved_by: ..., expires: "YYYY-MM-DD"} (expires may be left out)'),
    ("{reason: 无}", "8:3 G1.M1: a waiver needs approved_by (who approved the waiver): "
     'a waiver is {reason: ..., approved_by: ..., expires: "YYYY-MM-DD"} (expires may be left out)'),
    ('{reason: "", approved_by: 民委}', "8:19 G1.M1: waiver reason should be a non-empty text (why the measure "
     "does not apply), got ''"),
    ("{reason: 无, approved_by: 12}", "8:35 G1.M1: waiver approved_by should be a non-empty text (who approved "
     "the waiver), got 12"),
    ("{reason: 无, approved_by: 民委, expires: 2026-02-30}", "8:48 G1.M1: waiver expires '2026-02-30' is not a "
     'date: write it YYYY-MM-DD, e.g. "2026-12-31"'),
    ("{reason: 无, approved_by: 民委, expires: 2026}", "8:48 G1.M1: waiver expires should be a date written "
     'YYYY-MM-DD, e.g. "2026-12-31" (the last day it holds, YYYY-MM-DD), got 2026'),
    ("{reason: 无, approved_by: 民委, until: x}", "8:39 G1.M1: unknown key 'until' in a waiver; expected: reason, "
     "approved_by, expires"),
    ("true", '8:10 G1.M1: a waiver is {reason: ..., approved_by: ..., expires: "YYYY-MM-DD"} (expires may be '
     "left out), got True"),
])
def test_bad_waivers(outcome, given, said):
    assert located(outcome, f"  G1.M1: {given}\n") == [said]


def test_an_unquoted_date_is_read_as_a_date(outcome):
    o = outcome(submission(VALUES, "  G1.M1: {reason: 无, approved_by: 民委, expires: 2026-12-31}\n"))
    assert o.ok and o.card.submission.waivers["G1.M1"].expires == "2026-12-31"


def test_waived_and_given_a_value_says_which_to_remove(outcome):
    o = outcome(submission("  G1.M1: true\n  G1.M2: true\n  G2.M1: true\n"))
    path = o.path
    assert [str(p) for p in o.problems if p.level == "error"] == [
        f"{path}:9:3: G1.M1: waived and also given a value (its value is at {path}:5:10): remove the value if "
        "the measure does not apply, or remove the waiver"]


def test_waivers_must_be_a_map(outcome):
    o = outcome(submission(VALUES, None) + "waivers: [G1.M1]\n")
    assert [p.message for p in o.problems if p.level == "error"] == [
        "'waivers' should be a map of measure id: {reason, approved_by, expires}"]
