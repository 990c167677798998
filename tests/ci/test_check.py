"""scorecard check: exit codes, and each reporter's structure (JUnit, SARIF, GitHub annotations, JSON)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
import xml.etree.ElementTree as ET

import pytest
from typer.testing import CliRunner

from engine.ci.github import annotation, escape_data, escape_property
from engine.cli import app
from engine.model import Loc
from engine.problems import Problem

RUBRIC = """\
rubric: gate
version: "1"
title: {zh: 门禁测试}
grades:
  - {id: good, label: {zh: 良好}, min: 80}
  - {id: pass, label: {zh: 合格}, min: 60}
  - {id: fail, label: {zh: 不合格}, min: 0}
tree:
  - id: D1
    children:
      - {id: D1.M01, method: check, points: 50}
      - {id: D1.M02, method: linear, floor: 0, target: 100, points: 50, unit: "%", min: 0, max: 100}
      - {id: D1.V01, method: veto}
"""


def sub(m2, extra=""):
    return f"rubric: gate\nsubject: {{id: s, name: 某市}}\nperiod: 2024\nvalues:\n  D1.M01: true\n  D1.M02: {m2}\n{extra}"


@pytest.fixture
def repo(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    (tmp_path / "rubrics").mkdir()
    (tmp_path / "rubrics/gate.yaml").write_text(RUBRIC, encoding="utf-8")
    files = {"good": sub(90), "low": sub(10), "vetoed": sub(90, "  D1.V01: true\n"),
             "bad": sub('"很多"', "  D1.M09: 1\n")}
    for name, text in files.items():
        (tmp_path / "subs" / name).mkdir(parents=True)
        (tmp_path / "subs" / name / "2024.yaml").write_text(text.replace("id: s,", f"id: {name},"),
                                                           encoding="utf-8")
    return tmp_path


def run(*args, env=None):
    """check with its English lines (the rubric's zh labels would make them Chinese: tests/cli/test_lang_zh.py)."""
    return CliRunner().invoke(app, ["check", "--lang", "en", *args], catch_exceptions=False, env=env)


def test_pass_exit_0(repo):
    r = run("subs/good", "--min-grade", "pass")
    assert r.exit_code == 0 and "1 checked: 1 passed, 0 failed" in r.stdout


def test_below_grade_and_score_exit_1(repo):
    r = run("subs/low", "--min-grade", "pass")
    assert r.exit_code == 1
    assert "subs/low/2024.yaml:1:1: 某市 2024: grade 合格 (pass, total 55) is below the required grade" \
        not in r.stdout  # 55 is below 60: graded fail
    assert "subs/low/2024.yaml:1:1: 某市 2024: grade 不合格 (fail, total 55) is below the required grade pass" \
        in r.stdout
    assert run("subs/low", "--min-score", "50").exit_code == 0
    assert run("subs/low", "--min-score", "55.01").exit_code == 1


def test_vetoed_is_below_any_bar(repo):
    r = run("subs/vetoed")
    assert r.exit_code == 1 and "vetoed (一票否决) by D1.V01" in r.stdout


def test_invalid_exit_1(repo):
    r = run("subs/bad")
    assert r.exit_code == 1
    assert "subs/bad/2024.yaml:6:11: D1.M02: linear: expected a number, got '很多'" in r.stdout


def test_usage_errors_exit_2(repo):
    assert run("subs", "--min-grade", "excellent").exit_code == 2
    assert run("nope").exit_code == 2
    assert run("subs", "--format", "xml").exit_code == 2


def test_explicit_file_list_like_pre_commit(repo):
    r = run("subs/good/2024.yaml", "subs/low/2024.yaml", "--min-score", "60")
    assert r.exit_code == 1 and "2 checked: 1 passed, 1 failed" in r.stdout


def test_junit_parses_with_counts(repo):
    r = run("subs", "--format", "junit", "--min-grade", "pass", "--min-score", "60")
    root = ET.fromstring(r.stdout)
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [f"subs/{n}/2024.yaml" for n in ("bad", "good", "low", "vetoed")]
    by = {s.get("name").split("/")[1]: s for s in suites}
    assert (by["bad"].get("tests"), by["bad"].get("failures")) == ("2", "2")
    assert (by["good"].get("tests"), by["good"].get("failures")) == ("4", "0")
    assert (by["low"].get("tests"), by["low"].get("failures")) == ("4", "2")
    assert (by["vetoed"].get("tests"), by["vetoed"].get("failures")) == ("4", "1")
    assert root.get("tests") == "14" and root.get("failures") == "5"
    pairs = [(c.get("classname"), c.get("name")) for c in root.iter("testcase")]
    assert len(pairs) == len(set(pairs))


def test_sarif_structure(repo):
    r = run("subs", "--format", "sarif")
    data = json.loads(r.stdout)
    assert data["version"] == "2.1.0"
    run0 = data["runs"][0]
    rules = [x["id"] for x in run0["tool"]["driver"]["rules"]]
    assert rules == sorted(set(rules)) and {"type", "unknown-measure", "vetoed"} <= set(rules)
    for res in run0["results"]:
        assert rules[res["ruleIndex"]] == res["ruleId"]
        region = res["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
    typed = next(x for x in run0["results"] if x["ruleId"] == "type")
    assert typed["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "subs/bad/2024.yaml"}, "region": {"startLine": 6, "startColumn": 11}}


def test_github_annotations_and_summary(repo, tmp_path):
    summary = tmp_path / "summary.md"
    r = run("subs", "--min-grade", "pass", env={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)})
    lines = r.stdout.splitlines()
    assert "::error file=subs/bad/2024.yaml,line=6,col=11,title=scorecard type D1.M02::D1.M02: linear: " \
           "expected a number, got '很多'" in lines
    assert any(x.startswith("::error file=subs/low/2024.yaml,line=1,col=1,title=scorecard below-grade::")
               for x in lines)
    assert "❌ below bar" in summary.read_text(encoding="utf-8")


def test_github_escaping():
    # a line break inside a value is shown as \n (visible), never a second line of the annotation
    assert escape_data("50%\r\nnext") == "50%25\\r\\nnext"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"
    p = Problem(Loc("d:/x,y.yaml", 3, 4), "bad\nvalue: 5%", "M1", code="type")
    assert annotation(p) == "::error file=d%3A/x%2Cy.yaml,line=3,col=4,title=scorecard type M1::M1: bad\\nvalue: 5%25"


def test_json_report(repo):
    data = json.loads(run("subs", "--format", "json", "--min-score", "60").stdout)
    results = {r["file"]: r for r in data["results"]}
    assert data["passed"] is False
    assert results["subs/good/2024.yaml"]["result"] == "pass" and results["subs/good/2024.yaml"]["total"] == 95
    assert results["subs/bad/2024.yaml"]["result"] == "invalid"
    assert results["subs/low/2024.yaml"]["failures"][0]["code"] == "below-score"


NO_PANDAS = """
import sys
from typer.testing import CliRunner
from engine.cli import app
r = CliRunner().invoke(app, ["check", "subs", "--format", "json"], catch_exceptions=False)
assert r.exit_code in (0, 1), r.output
assert "pandas" not in sys.modules, "the check path imported pandas"
print("ok")
"""


def test_check_path_does_not_import_pandas(repo):
    # In a fresh interpreter: unloading pandas from this one would leave its C types behind, and the next test
    # to use pandas would fail inside pandas (pandas 3 asserts on its own array classes).
    top = str(Path(__file__).resolve().parents[2])
    env = {**os.environ, "PYTHONPATH": top + os.pathsep + os.environ.get("PYTHONPATH", "")}
    done = subprocess.run([sys.executable, "-c", NO_PANDAS], cwd=repo, env=env, capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr


def test_step_summary_escapes_submitted_text(repo, tmp_path):
    hostile = "<img src=x onerror=alert(1)>|x"
    (repo / "subs/good/2024.yaml").write_text(sub(90).replace("name: 某市", f"name: '{hostile}'").replace(
        "id: s,", "id: good,"), encoding="utf-8")
    summary = tmp_path / "summary.md"
    run("subs/good", env={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)})
    text = summary.read_text(encoding="utf-8")
    assert "<img" not in text and "&lt;img src=x onerror=alert(1)>\\|x" in text
