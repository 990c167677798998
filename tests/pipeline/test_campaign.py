"""The campaign's rules for parts (SPEC 8), on hand-computed cases: filed_by ownership, conflicts located in both
files, assessors' ratings joined before trim, a verified stage overriding measure by measure, the JSON fields,
and who filed what (Outcome.filing).

The rubric: M1 check 40 (owners a, b), M2 linear 30 to target 100 (owner b), M3 rating 20 on [1, 5] with trim 1
(owner c), M4 check 10 (no owner).  A linear value v scores 30 * v / 100; a mean rating r scores 20 * (r - 1) / 4.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from engine import pipeline
from engine.cli import app

RUBRIC = """\
rubric: mini
version: "1"
title: {zh: 小测试, en: Mini}
units:
  a: {zh: 甲局, en: Bureau A}
  b: {zh: 乙局, en: Bureau B}
  c: {zh: 丙局, en: Bureau C}
grades:
  - {id: good, label: 良好, min: 60}
  - {id: poor, label: 差, min: 0}
tree:
  - id: D1
    label: 一
    children:
      - {id: M1, label: 一一, method: check, points: 40, owners: [a, b]}
      - {id: M2, label: 一二, method: linear, points: 30, target: 100, floor: 0, owners: [b]}
      - {id: M3, label: 一三, method: rating, points: 20, scale: [1, 5], trim: 1, owners: [c]}
      - {id: M4, label: 一四, method: check, points: 10}
"""


def run(*args):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


@pytest.fixture
def root(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rubrics").mkdir()
    (tmp_path / "rubrics" / "mini.yaml").write_text(RUBRIC, encoding="utf-8")
    return tmp_path


def part(name: str, head: str = "", values: str = "", ratings: str = "") -> str:
    """subs/city/2024/<name>.yaml with the given header lines and sections (YAML text, two-space indented)."""
    path = Path("subs/city/2024") / f"{name}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "rubric: mini\nsubject: {id: city, name: 城}\nperiod: 2024\n" + head
    text += f"values:\n{values}" if values else ""
    text += f"ratings:\n{ratings}" if ratings else ""
    path.write_text(text, encoding="utf-8")
    return str(path)


def outcomes(*paths: str):
    return list(pipeline.run(list(paths) or ["subs"], pipeline.RubricFinder(None, "rubrics")))


def errors(o) -> list[str]:
    return [str(p) for p in o.problems if p.level == "error"]


def score_json(*args) -> dict:
    result = run("score", "subs/city/2024", "-f", "json", *args)
    assert result.exit_code == 0, result.output
    (data,) = json.loads(result.stdout)  # a folder: an array, of one submission
    return data


# --- ownership -------------------------------------------------------------------------------------------------


def test_a_unit_files_what_it_owns_as_lead_or_co_owner(root):
    part("a", "filed_by: a\n", "  M1: true\n")
    part("b", "filed_by: b\n", "  M2: 50\n")
    (o,) = outcomes()
    assert o.ok and o.card.total == 55.0  # 40 + 30 * 50 / 100
    assert {m.id: m.entry.filed_by for m in o.card.measures if m.entry} == {"M1": "a", "M2": "b"}


def test_a_measure_the_unit_does_not_own_names_the_measure_the_unit_and_its_owners(root):
    path = part("a", "filed_by: a\n", "  M1: true\n  M2: 50\n")
    (o,) = outcomes()
    assert errors(o) == [f"{path}:7:3: M2: unit 'a' (甲局) does not own this measure; its owners: b 乙局 (lead 牵头)"]
    assert run("validate", "subs").exit_code == 1


def test_co_owners_are_named_as_such(root):
    path = part("c", "filed_by: c\n", "  M1: true\n")
    (o,) = outcomes()
    assert errors(o) == [f"{path}:6:3: M1: unit 'c' (丙局) does not own this measure; its owners: "
                         "a 甲局 (lead 牵头), b 乙局 (co-owner 配合)"]


def test_a_measure_with_no_owner_is_the_subjects_own(root):
    part("a", "filed_by: a\n", "  M4: true\n")
    (o,) = outcomes()
    (said,) = errors(o)
    assert "M4: unit 'a' does not own this measure: it has no responsible unit" in said
    part("a", "", "  M4: true\n")  # the subject's own part may hold anything
    (o,) = outcomes()
    assert o.ok and o.card.total == 10.0


def test_an_unknown_unit_is_an_error_with_a_suggestion(root):
    path = part("x", "filed_by: aa\n", "  M1: true\n")
    (o,) = outcomes()
    assert errors(o) == [f"{path}:4:11: filed_by 'aa' is not a unit of rubric 'mini' (did you mean 'a'?); "
                         "its units: a, b, c"]


@pytest.mark.parametrize("head, said", [
    ("stage: final\n", "4:8: stage 'final' is not a stage: expected self (自评) or verified (核验)"),
    ("filed_by: [a]\n", "4:11: filed_by should be a text, got ['a']"),
    ("filed_by: a\nassessor: x\n", "5:11: a part is filed by a unit (filed_by) or holds an assessor's ratings "
     "(assessor), not both"),
])
def test_bad_part_keys_are_located(root, head, said):
    path = part("x", head, "  M1: true\n")
    (o,) = outcomes()
    assert f"{path}:{said}" in errors(o)


# --- conflicts --------------------------------------------------------------------------------------------------


def test_two_units_giving_one_measure_differently_is_an_error_in_both_files(root):
    a = part("a", "filed_by: a\n", "  M1: true\n")
    b = part("b", "filed_by: b\n", "  M1: false\n")
    (o,) = outcomes()
    assert errors(o) == [
        f"{a}:6:7: M1: also given in {b}:6:7: true here, false there; a measure is filed in one part of a submission",
        f"{b}:6:7: M1: also given in {a}:6:7: false here, true there; a measure is filed in one part of a submission"]


def test_the_same_value_twice_is_a_warning_naming_both(root):
    a = part("a", "filed_by: a\n", "  M1: true\n")
    b = part("b", "filed_by: b\n", "  M1: true\n")
    (o,) = outcomes()
    assert o.ok and o.card.total == 40.0
    assert [str(p) for p in o.problems if p.level == "warning"] == [
        f"{a}:6:7: warning: M1: also given in {b}:6:7, with the same value",
        f"{b}:6:7: warning: M1: also given in {a}:6:7, with the same value"]


def test_a_self_value_and_a_verified_one_are_no_conflict(root):
    part("a", "filed_by: a\n", "  M1: true\n")
    part("v", "stage: verified\n", "  M1: false\n")
    (o,) = outcomes()
    assert o.ok and o.card.stages == {"self": 40.0, "verified": 0.0}


# --- assessors ----------------------------------------------------------------------------------------------------


def test_ratings_of_every_part_are_joined_in_file_order_before_trim(root):
    city = part("a", "", "  M4: true\n", "  M3: [3]\n")
    part("x1", "assessor: x1\n", ratings="  M3: [5, 4]\n")
    part("x2", "assessor: x2\n", ratings="  M3: 1\n")
    (o,) = outcomes()
    m3 = o.card.measure("M3")
    assert m3.value == [3, 5, 4, 1]
    assert m3.score == 12.5  # [1, 3, 4, 5] trimmed to [3, 4]: mean 3.5, 20 * 2.5 / 4
    data = score_json()
    (m,) = [m for m in data["measures"] if m["id"] == "M3"]
    assert m["ratings"] == {city: [3], "x1": [5, 4], "x2": [1]}
    assert data["total"] == 22.5


def test_an_assessor_part_holds_only_ratings(root):
    path = part("x1", "assessor: x1\n", "  M1: true\n", "  M3: 4\n")
    (o,) = outcomes()
    assert errors(o) == [f"{path}:6:3: M1: assessor 'x1''s part holds only ratings: write this measure's rating under "
                         "ratings:, and its value in the subject's or a unit's part"]


def test_one_assessor_in_two_parts_is_a_conflict(root):
    a = part("x1", "assessor: x1\n", ratings="  M3: 4\n")
    b = part("x1-again", "assessor: x1\n", ratings="  M3: 2\n")
    (o,) = outcomes()
    assert sorted(p.loc.file for p in o.problems if p.level == "error" and p.code == "duplicate") == sorted([a, b])


def test_a_rating_given_as_a_value_and_as_ratings_elsewhere_is_a_conflict(root):
    part("a", "", "  M3: 4\n")
    part("x1", "assessor: x1\n", ratings="  M3: 2\n")
    (o,) = outcomes()
    assert len([p for p in o.problems if p.code == "duplicate" and p.level == "error"]) == 2


# --- self-assessment and verification ------------------------------------------------------------------------------


def test_a_verified_part_overrides_measure_by_measure(root):
    part("a", "filed_by: a\n", "  M1: true\n")
    part("b", "filed_by: b\n", "  M2: 60\n")
    part("city", "", "  M4: true\n")
    part("v", "stage: verified\n", "  M1: true\n  M2: {value: 40, note: 台账不全}\n")
    (o,) = outcomes()
    card = o.card
    assert card.stages == {"self": 68.0, "verified": 62.0}  # 40 + 18 + 10, then 40 + 12 + 10
    assert card.total == 62.0 and card.self_card.total == 68.0
    (c,) = card.changed  # M1 is verified as it was: not a change
    assert (c.id, c.self, c.verified, c.self_score, c.verified_score, c.delta, c.note) == (
        "M2", 60, 40, 18.0, 12.0, -6.0, "台账不全")
    data = score_json()
    assert data["stages"] == {"self": 68.0, "verified": 62.0}
    assert [(x["id"], x["self"], x["verified"], x["delta"]) for x in data["changed"]] == [("M2", 60, 40, -6.0)]
    by_id = {m["id"]: m for m in data["measures"]}
    assert by_id["M2"]["stage"] == "verified" and by_id["M2"]["source"] == "subs/city/2024/v.yaml:7"
    assert by_id["M4"]["source"] == "subs/city/2024/city.yaml:5" and "stage" not in by_id["M4"]


def test_a_value_the_city_left_out_and_the_verifier_gave(root):
    part("city", "", "  M1: true\n")
    part("v", "stage: verified\n", "  M4: true\n")
    (o,) = outcomes()
    (c,) = o.card.changed
    assert (c.id, c.self, c.verified, c.delta) == ("M4", None, True, 10.0)
    assert o.card.stages == {"self": 40.0, "verified": 50.0}


def test_no_verified_stage_no_stages(root):
    part("city", "", "  M1: true\n")
    data = score_json()
    assert "stages" not in data and "changed" not in data
    assert data["parts"] == ["subs/city/2024/city.yaml"]


def test_two_verified_parts_giving_one_measure_differently_conflict(root):
    part("v1", "stage: verified\n", "  M2: 40\n")
    part("v2", "stage: verified\n", "  M2: 50\n")
    (o,) = outcomes()
    assert len([p for p in o.problems if p.code == "duplicate" and p.level == "error"]) == 2


# --- the parts score as one file ------------------------------------------------------------------------------------


def test_parts_score_exactly_as_the_same_values_in_one_file(root):
    part("a", "filed_by: a\n", "  M1: true\n")
    part("b", "filed_by: b\n", "  M2: '37.5%'\n")
    part("x1", "assessor: x1\n", ratings="  M3: [2, 5]\n")
    part("x2", "assessor: x2\n", ratings="  M3: 4\n")
    whole = Path("one/city/2024.yaml")
    whole.parent.mkdir(parents=True)
    whole.write_text("rubric: mini\nsubject: {id: city, name: 城}\nperiod: 2024\nvalues:\n  M1: true\n"
                     "  M2: '37.5%'\nratings:\n  M3: [2, 5, 4]\n", encoding="utf-8")
    (parts,) = outcomes()
    (one,) = outcomes(str(whole))
    strip = lambda card: [(m.id, m.value, m.score, m.status, m.weight) for m in card.measures]  # noqa: E731
    assert strip(parts.card) == strip(one.card) and parts.card.total == one.card.total == 66.25  # 40 + 11.25 + 15 ([2, 5, 4] trimmed to [4])


def test_table_parts_with_filed_by_and_assessor_columns(root):
    folder = Path("subs/city/2024")
    folder.mkdir(parents=True)
    (folder / "b.csv").write_text("rubric,measure,value,filed_by\nmini,M2,80,b\n", encoding="utf-8")
    (folder / "x1.csv").write_text("rubric,measure,value,assessor\nmini,M3,5,x1\n", encoding="utf-8")
    (folder / "x2.csv").write_text("rubric,measure,value,assessor\nmini,M3,3,x2\n", encoding="utf-8")
    (folder / "x3.csv").write_text("rubric,measure,value,assessor\nmini,M3,4,x3\n", encoding="utf-8")
    part("a", "filed_by: a\n", "  M1: true\n")
    (o,) = outcomes()
    assert o.ok, o.problems
    assert o.card.measure("M2").entry.filed_by == "b"
    assert o.card.measure("M3").entry.ratings == (("x1", (5,)), ("x2", (3,)), ("x3", (4,)))
    assert o.card.total == 79.0  # 40 + 24 + 20 * (4 - 1) / 4


def test_a_table_part_holding_another_units_measure(root):
    folder = Path("subs/city/2024")
    folder.mkdir(parents=True)
    (folder / "b.csv").write_text("rubric,measure,value,filed_by\nmini,M2,80,b\nmini,M3,4,b\n", encoding="utf-8")
    (o,) = outcomes()
    assert errors(o) == ["subs/city/2024/b.csv:3:2: M3: unit 'b' (乙局) does not own this measure; its owners: "
                         "c 丙局 (lead 牵头)"]


def test_a_part_in_the_wrong_period_folder(root):
    path = Path("subs/city/2023/a.yaml")
    path.parent.mkdir(parents=True)
    path.write_text("rubric: mini\nsubject: {id: city, name: 城}\nperiod: 2024\nvalues:\n  M1: true\n", encoding="utf-8")
    (o,) = outcomes()
    assert errors(o) == [f"{path}:3:9: period 2024 disagrees with the folder 2023/ (expected "
                         "<subject>/<period>/<part>.yaml)"]


# --- who filed what ------------------------------------------------------------------------------------------------


def test_the_filing_says_who_gave_each_value_and_what_is_invalid(root):
    part("a", "filed_by: a\n", "  M1: true\n")
    part("b", "filed_by: b\n", "  M2: lots\n")
    part("x1", "assessor: x1\n", ratings="  M3: 4\n")
    (o,) = outcomes()
    f = o.filing
    assert not o.ok and f is not None
    assert (f.subject_id, f.subject_name, f.period) == ("city", "城", 2024)
    assert [(p.path.split("/")[-1], p.filed_by, p.assessor, p.stage) for p in f.parts] == [
        ("a.yaml", "a", None, "self"), ("b.yaml", "b", None, "self"), ("x1.yaml", None, "x1", "self")]
    assert dict(f.filed) == {"M1": "a", "M3": None} and f.invalid == {"M2"}


def test_a_part_naming_the_rubric_without_a_version_joins_the_versioned_ones(root):
    part("a", "filed_by: a\n", "  M1: true\n")
    path = Path("subs/city/2024/b.yaml")
    path.write_text("rubric: mini@1\nsubject: {id: city, name: 城}\nperiod: 2024\nfiled_by: b\nvalues:\n  M2: 50\n",
                    encoding="utf-8")
    (o,) = outcomes()
    assert o.ok and o.card.total == 55.0


def test_a_submission_in_parts_is_named_by_its_folder_in_check(root):
    part("a", "filed_by: a\n", "  M1: true\n")
    part("b", "filed_by: b\n", "  M2: 50\n")
    (o,) = outcomes()
    assert o.name == "subs/city/2024/ (2 parts)"
    result = run("check", "subs", "--format", "json")
    (verdict,) = json.loads(result.stdout)["results"]
    assert verdict["parts"] == ["subs/city/2024/a.yaml", "subs/city/2024/b.yaml"] and verdict["result"] == "pass"


def test_ci_reporters_locate_a_problem_in_the_part_that_holds_it(root):
    part("a", "filed_by: a\n", "  M1: true\n")
    bad = part("b", "filed_by: b\n", "  M2: lots\n")
    github = run("check", "subs", "--format", "github")
    assert github.exit_code == 1
    assert f"::error file={bad},line=6,col=7," in github.stdout
    junit = run("check", "subs", "--format", "junit").stdout
    assert 'classname="subs/city/2024/ (2 parts).validate" name="b.yaml:6:7 M2 #1"' in junit
    sarif = json.loads(run("check", "subs", "--format", "sarif").stdout)
    (loc,) = [r["locations"][0]["physicalLocation"] for r in sarif["runs"][0]["results"]]
    assert loc["artifactLocation"]["uri"].endswith("subs/city/2024/b.yaml") and loc["region"]["startLine"] == 6
