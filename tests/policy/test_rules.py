"""Each policy rule fails alone on a submission made for it, with its own code and a hand-computed message."""
from __future__ import annotations

from dataclasses import replace

import pytest

from engine.gate import Bar, judge
from engine.policy import load

from .conftest import POLICY, outcome

FULL = {"D1.M01": True, "D1.M02": 100, "D2.M03": True}


def policy(tmp_path, **changed):
    text = POLICY
    for key, value in changed.items():
        text = "\n".join(f"{key}: {value}" if line.startswith(f"{key}:") else line for line in text.splitlines())
    (tmp_path / "policy.yaml").write_text(text + "\n", encoding="utf-8")
    return load(str(tmp_path / "policy.yaml"))


def failures(rubric, pol, values, waived=()):
    return [(p.code, p.id, p.message) for p in judge(outcome(rubric, values, waived), Bar(policy=pol)).failures]


def test_all_rules_met(tmp_path, rubric):
    assert failures(rubric, policy(tmp_path), FULL) == []
    assert judge(outcome(rubric, FULL, ("D1.M01",)), Bar(policy=policy(tmp_path))).passed  # one waiver allowed


CASES = {
    # 20 + 0 + 60 = 80: pass, not excellent
    "min_grade": ({"min_grade": "excellent"}, {**FULL, "D1.M02": 0}, (), "",
                  "某市 2024: grade 合格 (pass) is below the policy's min_grade excellent (policy {p}:1:12)"),
    "min_score": ({"min_score": 85}, {**FULL, "D1.M02": 0}, (), "",
                  "某市 2024: total 80 is below the policy's min_score 85 (policy {p}:2:12)"),
    # D1.M01 missing: 2 of 3 base measures have a value; total 0 + 20 + 60 = 80, D1 20
    "min_coverage": ({"min_coverage": 0.7}, {"D1.M02": 100, "D2.M03": True}, (), "",
                     "某市 2024: coverage 67% (2 of 3 base measures with a value) is below the policy's "
                     "min_coverage 0.7 (policy {p}:3:15)"),
    "max_waivers": ({}, FULL, ("D2.M03", "D1.M01"), "",
                    "某市 2024: 2 measures waived (D1.M01, D2.M03), more than the policy's max_waivers 1 "
                    "(policy {p}:4:14)"),
    # D1.M02 missing: total 80, D1 20, coverage 2/3 >= 0.6
    "require": ({}, {"D1.M01": True, "D2.M03": True}, (), "D1.M02",
                "某市 2024: required measure D1.M02 is without a value (policy {p}:5:11)"),
    # D1 = 0 + 10 = 10 of 40; total 70
    "groups": ({}, {"D1.M01": False, "D1.M02": 50, "D2.M03": True}, (), "D1",
               "某市 2024: group D1 scored 10 of 40, below the policy's min_score 20 (policy {p}:7:19)"),
}


@pytest.mark.parametrize("rule", CASES)
def test_each_rule_fails_alone(tmp_path, rubric, rule):
    changed, values, waived, rid, message = CASES[rule]
    pol = policy(tmp_path, **changed)
    assert failures(rubric, pol, values, waived) == \
        [(f"policy.{rule}", rid, message.format(p=tmp_path / "policy.yaml"))]


def test_a_group_with_every_measure_excluded_says_so(tmp_path, rubric):
    pol = policy(tmp_path)
    excl = replace(rubric, missing="exclude")
    found = failures(excl, pol, {"D2.M03": True})
    assert ("policy.groups", "D1", f"某市 2024: group D1 scored 0 of 40 (every measure excluded), below the "
            f"policy's min_score 20 (policy {tmp_path / 'policy.yaml'}:7:19)") in found


def test_every_unmet_rule_is_its_own_failure(tmp_path, rubric):
    # only D2.M03, false: total 0 (fail), coverage 1/3, D1.M02 without a value, D1 0 of 40, 2 waivers
    found = failures(rubric, policy(tmp_path, require="[D1.M01, D1.M02]"), {"D2.M03": False},
                     ("D1.M01", "D1.M02"))
    assert [(c, i) for c, i, _ in found] == [
        ("policy.min_grade", ""), ("policy.min_score", ""), ("policy.min_coverage", ""), ("policy.max_waivers", ""),
        ("policy.require", "D1.M01"), ("policy.require", "D1.M02"), ("policy.groups", "D1")]


def test_flags_and_policy_both_apply(tmp_path, rubric):
    # the policy asks 60, --min-score 85: an 80 fails the flag's bar only; a policy of 85 and a flag of 60, the policy's
    card = outcome(rubric, {**FULL, "D1.M02": 0})
    assert [p.code for p in judge(card, Bar(min_score=85, policy=policy(tmp_path))).failures] == ["below-score"]
    assert [p.code for p in judge(card, Bar(min_score=60, policy=policy(tmp_path, min_score=85))).failures] == \
        ["policy.min_score"]


def test_a_vetoed_submission_still_lists_the_policy_rules_it_breaks(tmp_path):
    from engine.rubric import load as load_rubric
    from .conftest import RUBRIC

    (tmp_path / "v.yaml").write_text(RUBRIC + "      - {id: D2.V01, method: veto}\n", encoding="utf-8")
    rubric = load_rubric(tmp_path / "v.yaml")
    found = failures(rubric, policy(tmp_path), {**FULL, "D2.V01": True})
    assert [c for c, _, _ in found] == ["vetoed", "policy.min_grade"]
