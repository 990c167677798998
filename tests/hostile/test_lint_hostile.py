"""rubric lint after the red-team review: every unknown key of an object is named; schema errors no
longer hide the semantic problems; warnings for bands that reward a worse value, a target or floor
outside [min, max] and an unquoted numeric version; numbers above 1e15 are refused."""
from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from engine import rubric as rubrics
from engine.cli import app
from engine.rubric.lint import lint_data
from engine.rubric.meta import check_meta
from engine.yamlstrict import load_text

DATA = Path(__file__).resolve().parent / "data"


def lint(name: str) -> tuple[object, list[str]]:
    path = DATA / name
    built, problems = rubrics.lint(path)
    return built, [str(p).replace(f"{path}:", "") for p in problems]


def test_every_unknown_key_is_named():
    built, lines = lint("lint_nearmiss.yaml")
    assert built is None
    assert lines == [
        "4:1: unknown key 'bonuscap' (did you mean 'bonus_cap'?)",
        "5:1: unknown key 'missng' (did you mean 'missing'?)",
        "6:1: unknown key 'grade' (did you mean 'grades'?)",
        "7:26: unknown key 'lable' (did you mean 'label'?)",
        "9:41: A: unknown key 'owner' (did you mean 'owners'?)",
        "9:53: A: unknown key 'guidence' (did you mean 'guidance'?)",
        "9:66: A: unknown key 'evidance' (did you mean 'evidence'?)",
        "10:5: B: a node needs either children (a group) or a method (a measure)",
        "10:13: B: unknown key 'metod' (did you mean 'method'?)",
    ]


def test_schema_errors_and_semantic_problems_at_once():
    """l/lint1.yaml showed its 5 schema errors only; the duplicate id, the unknown owner, floor = target,
    the bands and grades out of order, lo > hi were found only once those were fixed.  The schema's
    own complaints (options {}, per 0) are not said twice, and the points are not added up over a tree
    the schema faulted."""
    built, lines = lint("lint_lint1.yaml")
    assert built is None
    assert lines == [
        "6:22: grades must be strictly descending: min 80 is not below 60 (grade 'good')",
        "13:54: A1: owner 'mzv' is not declared in units (did you mean 'mzw'?)",
        "14:14: A1: duplicate id (first used at line 13)",
        "14:45: A1: linear: floor and target are both 50: the scale has no length",
        "15:33: A3: bands: bands must be ordered best first ('at' strictly descending for direction higher)",
        "16:51: A4: bands: bands must be ordered best first ('at' strictly ascending for direction lower)",
        "17:9: A5: a node is a group (children) or a measure (method), not both",
        "18:9: A6: threshold: target must be a number",
        "18:37: A6: unknown key 'targte' (did you mean 'target'?)",
        "19:43: A7: 'options': {} should be non-empty",
        "20:34: A8: rating: scale [5, 1] must have lo < hi",
        "21:33: A9: unknown key 'point' (did you mean 'points'?)",
        "23:5: B: unknown key 'wieght' (did you mean 'weight'?)",
        "25:38: B1: 'per': 0 is less than or equal to the minimum of 0",
    ]


WRONG_TYPES = """\
rubric: wrong-types
version: [1]
title: X
scale: big
grades: [{id: [1], min: x}, 7, {id: a, min: 50}, {id: a, min: 60}]
units: [mzw]
tree:
  - 5
  - {id: 3, method: [x], owners: mzw, min: a, max: 1, children: 4}
  - {id: C, children: [{id: C1, method: bands, bands: 7, points: x}, {id: C1, method: linear, floor: a}]}
  - {id: D, weight: x, children: {a: 1}}
  - {id: E, method: rating, scale: [a, b], trim: -1, owners: [[x]], points: 100}
  - {id: F, method: choice, options: [1], points: 5}
"""


def test_wrong_types_everywhere_never_crash(tmp_path):
    path = tmp_path / "r.yaml"
    path.write_text(WRONG_TYPES, encoding="utf-8")
    built, problems = rubrics.lint(path)
    assert built is None and problems
    lines = [str(p).replace(f"{path}:", "") for p in problems]
    assert "10:75: C1: duplicate id (first used at line 10)" in lines
    assert "5:63: grades must be strictly descending: min 60 is not below 50 (grade 'a')" in lines
    assert "5:55: duplicate grade id 'a'" in lines
    assert "9:34: 'owners' should be a list, got 'mzw'" in lines  # and not one problem per letter
    assert not any("owner 'm'" in x for x in lines)


def test_warnings_do_not_fail_lint():
    for name, expected in [
        ("lint_bandsnonmono.yaml", ("8:58: warning: A: bands: at 50 (a worse value) scores 1, more than 0.2 "
                                    "at 90; the score should not rise as the value gets worse")),
        ("lint_minmax.yaml", ("8:32: warning: A: threshold: target 150 is outside the plausible range [0, 100] "
                              "(min, max) that values are checked against")),
        ("lint_floatversion.yaml", ('2:10: warning: version 1.1 is a number: write it quoted, e.g. version: '
                                    '"1.10", so it reads as written')),
    ]:
        built, lines = lint(name)
        assert built is not None and lines == [expected], name
        r = CliRunner().invoke(app, ["rubric", "lint", str(DATA / name)], catch_exceptions=False)
        assert r.exit_code == 0, r.stderr


OK = """\
rubric: lx
version: "1"
title: X
grades: [{id: pass, min: 60}, {id: fail, min: 0}]
tree:
  - {id: G, weight: 50, children: [{id: A, method: linear, floor: 0, target: 10, min: 0, max: 20, points: 1}]}
  - {id: B, method: rating, scale: [1, 5], points: 25}
  - {id: C, method: bands, bands: [{at: 90, score: 1}, {at: 50, score: 0.5}], points: 25}
  - {id: X, method: bonus, per: 1, cap: 3}
"""


def test_a_rubric_without_those_slips_has_no_warning(tmp_path):
    path = tmp_path / "r.yaml"
    path.write_text(OK, encoding="utf-8")
    built, problems = rubrics.lint(path)
    assert built is not None and problems == []


@pytest.mark.parametrize("where, set_to, line", [
    (("tree", 0, "children", 0, "points"), 10**400, "6:107: A: points (a number of about 401 digits) is too large"),
    (("tree", 0, "weight"), 1e308, "6:21: G: weight 1e+308 is too large"),
    (("tree", 0, "children", 0, "target"), 2e15, "6:78: A: target 2e+15 is too large"),
    (("tree", 1, "scale", 1), 10**16, "7:40: B: scale 10000000000000000 is too large"),
    (("tree", 2, "bands", 0, "at"), 1e20, "8:41: C: at 1e+20 is too large"),
    (("tree", 3, "cap"), float("inf"), "9:41: X: cap inf is too large"),
])
def test_numbers_above_1e15_in_rubric_data_built_in_code(where, set_to, line):
    """The YAML loader refuses such numbers already; rubric data built in code meets lint alone."""
    doc = load_text(OK)
    target = doc.data
    for key in where[:-1]:
        target = target[key]
    target[where[-1]] = set_to
    problems = check_meta(doc, "r.yaml")
    problems += [] if any(p.is_error for p in problems) else lint_data(doc, "r.yaml")
    lines = [str(p).replace("r.yaml:", "") for p in problems if p.is_error]
    assert lines == [line + " (at most 1e15)"]


IR = Path(__file__).resolve().parents[1] / "cases" / "invalid" / "rubric.yaml"
BAD_IDS = {  # (what to replace, with what) -> the located message
    ("{id: D1.M01,", '{id: "D1.M01\\n",'): "14:14: id 'D1.M01\\n' has a control character U+000A",
    ("options: {全面: 1,", 'options: {"全面\\u200d": 1,'): "17:61: option key '全面\\u200d' has an invisible "
                                                         "formatting character (zero-width or bidi) U+200D",
    ("mzw: {zh: 民宗委}", '"mzw\\n": {zh: 民宗委}'): "9:3: unit key 'mzw\\n' has a control character U+000A",
    ("{id: pass, min: 60}", '{id: "pass\\n", min: 60}'): "6:10: grade id 'pass\\n' has a control character U+000A",
    ("options: {全面: 1,", 'options: {"全\\u202e面": 1,'): "17:61: option key '全\\u202e面' has an invisible "
                                                       "formatting character (zero-width or bidi) U+202E",
    ("options: {全面: 1,", 'options: {"全面\\t": 1,'): "17:61: option key '全面\\t' has a control character U+0009",
    ("rubric: bad-input-demo", 'rubric: "bad-input-demo\\n"'): "2:9: rubric id 'bad-input-demo\\n' has a control "
                                                              "character U+000A",
}


@pytest.mark.parametrize("change", BAD_IDS, ids=lambda c: repr(c[1]))
def test_ids_with_control_invisible_or_bidi_characters_are_refused(tmp_path, change):
    """Ids could end in a newline or differ only by a zero-width character (the pattern's $ matches
    before a final newline, and grade and option keys have no pattern)."""
    text = IR.read_text(encoding="utf-8")
    assert change[0] in text
    path = tmp_path / "r.yaml"
    path.write_text(text.replace(change[0], change[1], 1), encoding="utf-8")
    built, problems = rubrics.lint(path)
    lines = [str(p).replace(f"{path}:", "") for p in problems]
    assert built is None and BAD_IDS[change] + ": an id must be plain text" in lines


def test_a_zero_width_node_id_is_refused_by_the_schema_already(tmp_path):
    path = tmp_path / "r.yaml"
    path.write_text(IR.read_text(encoding="utf-8").replace("{id: D1.M02,", '{id: "D1.M02\\u200b",'), encoding="utf-8")
    built, problems = rubrics.lint(path)
    assert built is None and any("'D1.M02\\u200b'" in p.message for p in problems)
