"""Waivers of a submission in parts (SPEC 8) are joined: twice the same is a warning in both files, two
different ones an error in both, a waiver in one part and a value in another an error."""
from __future__ import annotations

from engine import pipeline

from .conftest import HEAD, dedent

W = '  G1.M1: {reason: 本市无牧区, approved_by: 自治区民委, expires: "2026-12-31"}\n'


def run(files, tmp_path, first: str, second: str):
    rubric, a = files(dedent(HEAD) + first, name="a/2024/a.yaml")
    b = tmp_path / "a/2024/b.yaml"
    b.write_text(dedent(HEAD) + second, encoding="utf-8")
    outcomes = list(pipeline.run([str(tmp_path / "a")], pipeline.RubricFinder(str(rubric))))
    assert len(outcomes) == 1
    return outcomes[0], a, b


def test_a_waiver_in_one_part_applies_to_the_whole(files, tmp_path):
    o, a, b = run(files, tmp_path, "values:\n  G1.M2: true\n", "waivers:\n" + W + "values:\n  G2.M1: false\n")
    assert o.ok and o.card.measure("G1.M1").status == "waived" and o.card.total == 10.0
    assert o.card.submission.waivers["G1.M1"].loc.file == str(b)


def test_the_same_waiver_twice_is_a_warning_in_both(files, tmp_path):
    o, a, b = run(files, tmp_path, "waivers:\n" + W, "waivers:\n" + W)
    said = [(p.level, p.loc.file, p.loc.line) for p in o.problems if p.code == "duplicate"]
    assert said == [("warning", str(a), 5), ("warning", str(b), 5)]
    assert o.ok


def test_two_different_waivers_are_an_error_in_both(files, tmp_path):
    other = W.replace("本市无牧区", "无牧业")
    o, a, b = run(files, tmp_path, "waivers:\n" + W, "waivers:\n" + other)
    said = [str(p) for p in o.problems if p.level == "error"]
    assert said == [f"{a}:5:55: G1.M1: also waived in {b}:5:53, with another waiver: a measure is waived in one "
                    "part of a submission",
                    f"{b}:5:53: G1.M1: also waived in {a}:5:55, with another waiver: a measure is waived in one "
                    "part of a submission"]
    assert not o.ok


def test_a_waiver_and_a_value_in_two_parts(files, tmp_path):
    o, a, b = run(files, tmp_path, "waivers:\n" + W, "values:\n  G1.M1: true\n")
    assert [str(p) for p in o.problems if p.level == "error"] == [
        f"{a}:5:55: G1.M1: waived and also given a value (its value is at {b}:5:10): remove the value if the "
        "measure does not apply, or remove the waiver"]


def test_a_unit_waives_only_what_it_owns(files, tmp_path):
    o, a, b = run(files, tmp_path, "filed_by: xx\nwaivers:\n  G1.M1: {reason: 无, approved_by: 民委}\n",
                  "values:\n  G1.M2: true\n")
    assert [str(p) for p in o.problems if p.level == "error"] == [
        f"{a}:6:3: G1.M1: unit 'xx' does not own this measure, so it cannot waive it; its owners: mw 民委 "
        "(lead 牵头)"]
    o, a, b = run(files, tmp_path, "filed_by: mw\nwaivers:\n  G1.M1: {reason: 无, approved_by: 民委}\n",
                  "values:\n  G1.M2: true\n")
    assert o.ok and o.card.measure("G1.M1").status == "waived"


def test_an_assessor_part_holds_no_waiver(files, tmp_path):
    o, a, b = run(files, tmp_path, "assessor: p1\nwaivers:\n  G1.M1: {reason: 无, approved_by: 民委}\n",
                  "values:\n  G1.M2: true\n")
    assert [str(p) for p in o.problems if p.level == "error"] == [
        f"{a}:6:3: G1.M1: assessor 'p1''s part holds only ratings: a waiver is filed in the subject's or a unit's "
        "part"]
