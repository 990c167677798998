"""The CI gate's bar: --min-grade takes what an official types (a grade's id or its label in any language of
the rubric), resolved in each submission's own rubric, and says exactly what to type when it names nothing."""
import pytest
from typer.testing import CliRunner

from engine.cli import app
from engine.gate import find_grade, grade_names
from engine.rubric import load

GATE = """\
rubric: {rid}
version: "1"
title: {{zh: 门禁}}
grades:
  - {{id: {top}, label: {{zh: 优秀, en: Excellent}}, min: 90}}
  - {{id: {mid}, label: {{zh: 合格, en: Pass}}, min: 60}}
  - {{id: fail, label: {{zh: 不合格, en: Fail}}, min: 0}}
tree:
  - id: D1
    children:
      - {{id: D1.M01, method: linear, floor: 0, target: 100, points: 100}}
"""
OTHER = GATE.replace("合格, en: Pass", "达标, en: Meets").format(rid="other", top="A", mid="B")


def sub(rid, subject, value):
    return f"rubric: {rid}\nsubject: {subject}\nperiod: 2024\nvalues:\n  D1.M01: {value}\n"


@pytest.fixture
def repo(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    (tmp_path / "rubrics").mkdir()
    (tmp_path / "rubrics/gate.yaml").write_text(GATE.format(rid="gate", top="excellent", mid="pass"), encoding="utf-8")
    (tmp_path / "rubrics/twin.yaml").write_text(GATE.format(rid="twin", top="top", mid="ok"), encoding="utf-8")
    (tmp_path / "rubrics/other.yaml").write_text(OTHER, encoding="utf-8")
    for rel, text in {"gate/hi/2024.yaml": sub("gate", "hi", 70), "gate/lo/2024.yaml": sub("gate", "lo", 50),
                      "twin/hi/2024.yaml": sub("twin", "hi", 70), "twin/lo/2024.yaml": sub("twin", "lo", 50),
                      "other/hi/2024.yaml": sub("other", "hi", 70)}.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    return tmp_path


def check(*args):
    return CliRunner().invoke(app, ["check", *args, "--format", "text", "--lang", "en"], catch_exceptions=False)


@pytest.mark.parametrize("typed", ["pass", "PASS", " pass ", "ｐａｓｓ", "合格", "Pass", "pAsS"])
def test_a_grade_by_its_id_or_any_label(repo, typed):
    rubric = load(repo / "rubrics/gate.yaml")
    assert find_grade(rubric, typed).id == "pass"


@pytest.mark.parametrize("typed", ["", "合", "passed", "良好", "60"])
def test_nothing_else_names_a_grade(repo, typed):
    assert find_grade(load(repo / "rubrics/gate.yaml"), typed) is None


def test_grade_names_list_ids_with_labels(repo):
    assert grade_names(load(repo / "rubrics/gate.yaml")) == \
        "excellent (优秀, Excellent), pass (合格, Pass), fail (不合格, Fail)"


@pytest.mark.parametrize("typed", ["pass", "合格", "Pass"])
def test_label_gates_like_the_id(repo, typed):
    assert check("gate/hi", "--min-grade", typed).exit_code == 0
    r = check("gate/lo", "--min-grade", typed)
    assert r.exit_code == 1 and "is below the required grade pass (合格)" in r.stdout


def test_a_label_resolves_in_each_submissions_own_rubric(repo):
    # 合格 is 'pass' in gate and 'ok' in twin: each submission is held to its own rubric's grade
    r = check("gate", "twin", "--min-grade", "合格")
    assert r.exit_code == 1 and "4 checked: 2 passed, 2 failed" in " ".join(r.stdout.split())
    assert "required grade pass (合格)" in r.stdout and "required grade ok (合格)" in r.stdout


def test_a_rubric_without_the_grade_fails_its_submissions_saying_what_to_type(repo):
    r = check("gate/hi", "other", "--min-grade", "合格")
    out = " ".join(r.stdout.split())
    assert r.exit_code == 1 and "2 checked: 1 passed, 1 failed" in out
    assert "--min-grade '合格' is not a grade of other@1: type one of A (优秀, Excellent), B (达标, Meets), " \
           "fail (不合格, Fail)" in out


def test_a_grade_of_no_rubric_is_a_usage_error_saying_what_to_type(repo):
    r = check("gate/hi", "--min-grade", "合格x")
    assert r.exit_code == 2
    assert "--min-grade '合格x' is not a grade of gate@1: type one of excellent (优秀, Excellent), pass (合格, Pass), " \
           "fail (不合格, Fail)" in " ".join(r.stderr.split())


@pytest.mark.parametrize("score", ["nan", "inf", "-inf"])
def test_min_score_must_be_a_number_of_points(repo, score):
    r = check("gate/hi", "--min-score", score)
    assert r.exit_code == 2 and "is not a number of points" in r.stderr
