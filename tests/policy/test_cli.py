"""check --policy from the command line: bad policy files are usage errors located at FILE:LINE:COL, and a
check that finds nothing fails."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from engine.cli import app

from .conftest import POLICY, RUBRIC


def sub(values: str) -> str:
    return f"rubric: pol\nsubject: {{id: s, name: 某市}}\nperiod: 2024\nvalues:\n{values}"


@pytest.fixture
def repo(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    (tmp_path / "rubrics").mkdir()
    (tmp_path / "rubrics/pol.yaml").write_text(RUBRIC, encoding="utf-8")
    for name, values in {"good": "  D1.M01: true\n  D1.M02: 100\n  D2.M03: true\n",
                         "poor": "  D2.M03: false\n"}.items():
        (tmp_path / "subs" / name).mkdir(parents=True)
        text = sub(values).replace("id: s,", f"id: {name},")
        (tmp_path / "subs" / name / "2024.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "policy.yaml").write_text(POLICY, encoding="utf-8")
    return tmp_path


def run(*args):
    r = CliRunner().invoke(app, ["check", "--lang", "en", *args], catch_exceptions=False)
    return r.exit_code, " ".join(r.output.split())


def test_a_good_submission_passes_the_policy(repo):
    code, out = run("subs/good", "--policy", "policy.yaml", "--format", "text")
    assert code == 0 and "1 checked: 1 passed, 0 failed" in out and "policy policy.yaml (6 rules)" in out


def test_a_poor_one_fails_each_rule_it_breaks(repo):
    code, out = run("subs/poor", "--policy", "policy.yaml", "--format", "text")
    assert code == 1
    # total 0, fail; coverage 1 of 3; D1.M02 without a value; D1 0 of 40
    for said in ("grade 不合格 (fail) is below the policy's min_grade pass (policy policy.yaml:1:12)",
                 "total 0 is below the policy's min_score 60 (policy policy.yaml:2:12)",
                 "coverage 33% (1 of 3 base measures with a value) is below the policy's min_coverage 0.6",
                 "required measure D1.M02 is without a value (policy policy.yaml:5:11)",
                 "group D1 scored 0 of 40, below the policy's min_score 20 (policy policy.yaml:7:19)"):
        assert f"subs/poor/2024.yaml:1:1: 某市 2024: {said}" in out or f"某市 2024: {said}" in out, said


BAD = {
    "min_scor: 60\n": "policy.yaml:1:1: unknown key 'min_scor' (did you mean 'min_score'?)",
    "min_coverage: 80\n": "policy.yaml:1:15: min_coverage: 80 is not a share from 0 to 1",
    "max_waivers: -1\n": "policy.yaml:1:14: max_waivers: -1 is not a count of waived measures",
    "max_waivers: true\n": "policy.yaml:1:14: max_waivers: True is not a count",
    "min_score: 六十\n": "policy.yaml:1:12: min_score: '六十' is not a number of points",
    "require: D1.M02\n": "policy.yaml:1:10: require: give a list of measure ids",
    "require: [D1.M02, D1.M09]\n": "policy.yaml:1:19: require: 'D1.M09' is not a measure of pol@1 (did you mean "
                                   "'D1.M02'?)",
    "groups: {D9: {min_score: 1}}\n": "policy.yaml:1:26: groups: 'D9' is not a group of pol@1",
    "groups: {D1: {min: 1}}\n": "policy.yaml:1:14: groups: D1: give {min_score: POINTS}",
    "groups: {1: {min_score: 1}}\n": "policy.yaml:1:25: groups: '1' is not a group of pol@1",
    "groups:\n  D1: {min_score: 1, max: 2}\n": "policy.yaml:2:22: unknown key 'max': a policy group takes min_score",
    "min_grade: great\n": "policy.yaml:1:12: min_grade: 'great' is not a grade of pol@1: give one of excellent",
    "": "policy.yaml:1:1: a policy is a YAML map",
    "min_score: 1\nmin_score: 2\n": "policy.yaml:2:1:",
}


@pytest.mark.parametrize("text", BAD)
def test_a_bad_policy_is_a_usage_error_located(repo, text):
    (repo / "policy.yaml").write_text(text, encoding="utf-8")
    code, out = run("subs", "--policy", "policy.yaml", "--format", "text")
    assert code == 2 and BAD[text] in out, out


def test_every_problem_of_a_policy_at_once(repo):
    (repo / "policy.yaml").write_text("min_scor: 1\nmin_coverage: 2\n", encoding="utf-8")
    code, out = run("subs", "--policy", "policy.yaml")
    assert code == 2 and "cannot be used (2 problems)" in out
    assert "policy.yaml:1:1: unknown key" in out and "policy.yaml:2:15: min_coverage" in out


def test_a_missing_policy_file(repo):
    code, out = run("subs", "--policy", "nope.yaml")
    assert code == 2 and "nope.yaml:1:1: cannot read" in out


def test_nothing_is_never_a_pass(repo):
    (repo / "empty").mkdir()
    for fmt in ("text", "json", "junit"):
        code, out = run("empty", "--format", fmt)
        assert code == 1 and "no submission found to check: nothing is never a pass" in out
    assert run("empty", "--policy", "policy.yaml")[0] == 1


def test_a_long_table_is_held_to_the_policy_subject_by_subject(repo):
    (repo / "long.csv").write_text("subject,period,measure,value\na,2024,D1.M01,true\na,2024,D1.M02,100\n"
                                   "a,2024,D2.M03,true\nb,2024,D2.M03,false\n", encoding="utf-8")
    code, out = run("long.csv", "--long", "--rubric", "rubrics/pol.yaml", "--policy", "policy.yaml", "-f", "text")
    assert code == 1 and "2 checked: 1 passed, 1 failed" in out
    # b (first row 5): only D2.M03, false
    assert "long.csv:5:1: b 2024: coverage 33% (1 of 3 base measures with a value)" in out
    assert "long.csv:5:1: D1.M02: b 2024: required measure D1.M02 is without a value" in out
    assert "a 2024:" not in out
