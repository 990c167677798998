"""Every CI format lists each unmet policy rule as its own item, named by its rule."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from engine import ci
from engine.gate import Bar, judge
from engine.policy import load

from .conftest import POLICY, outcome

RULES = ["policy.min_grade", "policy.min_score", "policy.min_coverage", "policy.max_waivers",
         "policy.require D1.M01", "policy.require D1.M02", "policy.groups D1"]


@pytest.fixture
def verdicts(tmp_path, rubric):
    (tmp_path / "policy.yaml").write_text(POLICY.replace("[D1.M02]", "[D1.M01, D1.M02]"), encoding="utf-8")
    bar = Bar(policy=load(str(tmp_path / "policy.yaml")))
    # only D2.M03, false: total 0 (fail), coverage 1 of 3, D1.M01 and D1.M02 without a value, D1 0, 2 waivers
    poor = outcome(rubric, {"D2.M03": False}, ("D1.M01", "D1.M02"), "subs/poor/2024.yaml")
    good = outcome(rubric, {"D1.M01": True, "D1.M02": 100, "D2.M03": True}, (), "subs/good/2024.yaml")
    return [judge(poor, bar), judge(good, bar)], bar


def test_text_lists_each(verdicts):
    vs, bar = verdicts
    out = " ".join(ci.get("text").render(vs, bar=bar).split())
    assert sum(str(f) in out for f in vs[0].failures) == len(RULES)
    assert all(str(f).startswith("subs/poor/2024.yaml:1:1: ") for f in vs[0].failures)
    assert "2 checked: 1 passed, 1 failed" in out


def test_github_one_annotation_per_rule(verdicts):
    vs, bar = verdicts
    lines = [ln for ln in ci.get("github").render(vs, bar=bar).splitlines() if ln.startswith("::error ")]
    titles = [ln.split("title=scorecard ")[1].split("::")[0] for ln in lines]
    assert titles == RULES
    assert all("file=subs/poor/2024.yaml,line=1,col=1" in ln for ln in lines)


def test_junit_one_testcase_per_rule(verdicts):
    vs, bar = verdicts
    root = ET.fromstring(ci.get("junit").render(vs, bar=bar))
    for suite, failing in zip(root.findall("testsuite"), (True, False)):
        cases = {c.get("name"): c.find("failure") for c in suite.iter("testcase")
                 if c.get("classname").endswith(".threshold")}
        policy_cases = {n: f for n, f in cases.items() if n.startswith("policy.")}
        assert list(policy_cases) == ["policy.min_grade pass or better", "policy.min_score >= 60",
                                      "policy.min_coverage >= 0.6", "policy.max_waivers <= 1",
                                      "policy.require D1.M01", "policy.require D1.M02", "policy.groups D1 >= 20"]
        assert all((f is not None) == failing for f in policy_cases.values())
    poor = root.findall("testsuite")[0]
    assert poor.get("failures") == str(len(RULES)) and poor.get("tests") == str(1 + 1 + len(RULES))
    failure = next(c for c in poor.iter("testcase") if c.get("name") == "policy.require D1.M02").find("failure")
    assert failure.get("type") == "policy.require" and "required measure D1.M02 is without a value" in failure.text


def test_sarif_one_result_per_rule(verdicts):
    vs, bar = verdicts
    run = json.loads(ci.get("sarif").render(vs, bar=bar))["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == sorted({r.split()[0] for r in RULES})
    assert {"id": "policy.min_coverage", "name": "PolicyMinCoverage",
            "shortDescription": {"text": "scorecard: policy min coverage"}} in run["tool"]["driver"]["rules"]
    results = [r for r in run["results"] if r["ruleId"].startswith("policy.")]
    assert [r["ruleId"] for r in results] == [r.split()[0] for r in RULES]
    assert results[4]["message"]["text"].startswith("D1.M01: 某市 2024: required measure D1.M01")


def test_json_lists_each_and_the_policy(verdicts):
    vs, bar = verdicts
    data = json.loads(ci.get("json").render(vs, bar=bar))
    assert [named_json(f) for f in data["results"][0]["failures"]] == RULES
    assert data["results"][0]["result"] == "below-bar" and data["results"][1]["failures"] == []
    assert data["bar"]["policy"]["rules"][2] == {"rule": "policy.min_coverage", "id": None, "value": 0.6,
                                                 "line": 3, "col": 15}


def named_json(f) -> str:
    return f"{f['code']} {f['id']}".strip()
