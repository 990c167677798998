"""rubric lint: every problem, each at FILE:LINE:COL with the node id."""
from engine import rubric as rubrics

BAD = """\
rubric: demo
version: "1"
title: {zh: 演示, en: Demo}
grades:
  - {id: pass, min: 60}
  - {id: fail, min: 0}
units:
  mzw: {zh: 民委}
tree:
  - id: D1
    children:
      - id: D1.M01
        method: check
        points: 10
        owners: [mzw, tzbb]
      - id: D1.M01
        method: linear
        floor: 5
        target: 5
        points: 20
"""


def lint_text(tmp_path, text):
    path = tmp_path / "r.yaml"
    path.write_text(text, encoding="utf-8")
    rubric, problems = rubrics.lint(path)
    return rubric, [str(p).replace(str(path), "r.yaml") for p in problems]


def test_every_semantic_problem_located(tmp_path):
    rubric, lines = lint_text(tmp_path, BAD)
    assert rubric is None
    assert lines == [
        "r.yaml:9:1: the base tree is worth 30 points but scale is 100; fix the points or add 'normalize: true'",
        "r.yaml:15:23: D1.M01: owner 'tzbb' is not declared in units",
        "r.yaml:16:13: D1.M01: duplicate id (first used at line 12)",
        "r.yaml:19:9: D1.M01: linear: floor and target are both 5: the scale has no length",
    ]


def test_schema_problems_with_did_you_mean(tmp_path):
    text = BAD.replace("        floor: 5\n", "        flor: 5\n").replace("method: check", "method: chek")
    _, lines = lint_text(tmp_path, text)
    assert "r.yaml:13:17: D1.M01: 'method' is 'chek'; expected one of: check, threshold, linear, bands, choice, " \
           "rating, count, bonus, deduction, veto (did you mean 'check'?)" in lines
    assert "r.yaml:18:9: D1.M01: unknown key 'flor' (did you mean 'floor'?)" in lines


def test_normalize_allows_other_worth(tmp_path):
    text = BAD.replace("version:", "normalize: true\nversion:").replace("id: D1.M01\n        method: linear",
                                                                          "id: D1.M02\n        method: linear")
    text = text.replace("floor: 5", "floor: 0").replace("owners: [mzw, tzbb]", "owners: [mzw]")
    rubric, lines = lint_text(tmp_path, text)
    assert lines == [] and rubric.worth == 30


def test_grades_must_descend(tmp_path):
    text = BAD.replace("{id: pass, min: 60}", "{id: pass, min: 0}")
    _, lines = lint_text(tmp_path, text)
    assert "r.yaml:6:21: grades must be strictly descending: min 0 is not below 0 (grade 'pass')" in lines


def test_group_and_measure_at_once(tmp_path):
    text = BAD.replace("  - id: D1\n    children:", "  - id: D1\n    method: check\n    children:")
    _, lines = lint_text(tmp_path, text)
    assert any("D1: a node is a group (children) or a measure (method), not both" in x for x in lines)


def test_parameter_of_another_method(tmp_path):
    text = BAD.replace("method: check\n        points: 10", "method: check\n        target: 3\n        points: 10")
    _, lines = lint_text(tmp_path, text)
    assert "r.yaml:14:9: D1.M01: 'target' is not a parameter of method check (it takes: none)" in lines


def test_yaml_error_is_a_problem_not_a_crash(tmp_path):
    rubric, lines = lint_text(tmp_path, "rubric: x\nrubric: y\n")
    assert rubric is None
    assert lines == ["r.yaml:2:1: duplicate key 'rubric': first at line 1, again at line 2"]
