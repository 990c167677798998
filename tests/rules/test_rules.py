"""Data-quality rules (SPEC 10): lte, sum_lte on one submission (across its parts, and in a long table),
max_change across a subject's periods, severity, places, and the lint of bad rules."""
from __future__ import annotations

from pathlib import Path

import pytest

from engine import pipeline, rubric as rubrics, rules
from engine.model import Loc
from engine.problems import RubricError
from tests.batch.test_cli_long import write as write_csv
from tests.pipeline.test_assembly import part
from tests.tabular.helpers import RUBRIC

# D1.M02 (linear, %), D1.M03 (threshold, 人), D2.M01 (bands), D2.M03 (count): numbers; D1.M01 check, D2.M04 rating.
RULES = """\
rules:
  - lte: [D1.M02, D2.M01]
    message: awareness above attainment
  - sum_lte: [[D1.M02, D2.M03], D2.M01]
  - max_change: {measure: D1.M03, pct: 50}
    message: participants jumped
"""


AT = RUBRIC.splitlines().index("tree:")
"""Lines of the rubric before its rules: the rules' first line is AT + 1."""


def rubric_with(root: Path, rules: str = RULES) -> None:
    (root / "rubrics").mkdir(exist_ok=True)
    (root / "rubrics" / "demo.yaml").write_text(RUBRIC.replace("tree:\n", rules + "tree:\n", 1), encoding="utf-8")


@pytest.fixture
def tree(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    rubric_with(Path("."))
    return Path(".")


def outcomes(*paths):
    return list(pipeline.run([str(p) for p in paths], pipeline.RubricFinder(None, "rubrics")))


def ruled(o):
    return [(p.level, p.id, str(p.loc), p.message) for p in o.problems if p.code == "rule"]


def test_lte_fires_at_the_value_with_its_message(tree):
    sub = part(tree, "s/jc/2024.yaml", {"D1.M01": True, "D1.M02": 95, "D2.M01": 90})
    (o,) = outcomes(sub)
    # line 1 rubric, 2 subject, 3 period, 4 values:, 5 D1.M01, 6 D1.M02 (the value at column 11)
    assert ruled(o) == [("warning", "D1.M02", "s/jc/2024.yaml:6:11",
                         "awareness above attainment (D1.M02 = 95 is more than D2.M01 = 90)")]
    assert o.ok and o.card is not None  # a warning: still valid and scored


def test_rules_that_hold_or_miss_a_value_say_nothing(tree):
    held = part(tree, "a/jc/2024.yaml", {"D1.M02": 80, "D2.M01": 90, "D2.M03": 10})
    missing = part(tree, "b/nm/2024.yaml", {"D1.M02": 95}, subject="nm")  # D2.M01 missing: no rule applies
    assert [ruled(o) for o in outcomes(held, missing)] == [[], []]


def test_sum_lte_fires_at_the_whole(tree):
    sub = part(tree, "s/jc/2024.yaml", {"D1.M02": 60, "D2.M03": 31, "D2.M01": 90})
    (o,) = outcomes(sub)
    assert ruled(o) == [("warning", "D2.M01", "s/jc/2024.yaml:7:11",
                         "D1.M02 + D2.M03 = 91 is more than D2.M01 = 90")]


def test_severity_error_makes_the_submission_invalid(tree):
    rubric_with(tree, "rules:\n  - {lte: [D1.M02, D2.M01], severity: error}\n")
    (o,) = outcomes(part(tree, "s/jc/2024.yaml", {"D1.M02": 95, "D2.M01": 90}))
    assert ruled(o) == [("error", "D1.M02", "s/jc/2024.yaml:5:11", "D1.M02 = 95 is more than D2.M01 = 90")]
    assert not o.ok and o.card is None


def test_a_rule_spans_parts_and_points_into_the_part_that_gave_the_value(tree):
    a = part(tree, "p/lead.yaml", {"D1.M01": True, "D1.M02": 95})
    b = part(tree, "p/unit.yaml", {"D2.M01": 90})
    (o,) = outcomes(a, b)
    assert o.parts == ("p/lead.yaml", "p/unit.yaml")
    assert ruled(o) == [("warning", "D1.M02", "p/lead.yaml:6:11",
                         "awareness above attainment (D1.M02 = 95 is more than D2.M01 = 90)")]


def test_a_long_table_gives_the_same_problems_at_its_cell(tree):
    rows = [("jc", "金昌", "2024", "D1.M02", "95", "demo@1"), ("jc", "金昌", "2024", "D2.M01", "90", "demo@1"),
            ("nm", "内蒙", "2024", "D1.M02", "80", "demo@1"), ("nm", "内蒙", "2024", "D2.M01", "90", "demo@1")]
    write_csv(tree / "t.csv", ("subject", "subject_name", "period", "measure", "value", "rubric"), rows)
    jc, nm = outcomes(tree / "t.csv")
    # the value column is the 5th; the D1.M02 row of jc is line 2
    assert ruled(jc) == [("warning", "D1.M02", "t.csv:2:5",
                          "awareness above attainment (D1.M02 = 95 is more than D2.M01 = 90)")]
    assert ruled(nm) == [] and jc.ok and jc.head is not None


def test_max_change_fires_on_the_later_period_whatever_the_input_order(tree):
    later = part(tree, "s/jc/2024.yaml", {"D1.M03": 40000})
    earlier = part(tree, "s/jc/2023.yaml", {"D1.M03": 20000}, period=2023)
    first, second = outcomes(later, earlier)  # given later first: the input order is kept
    assert first.path == "s/jc/2024.yaml" and second.path == "s/jc/2023.yaml"
    # 20000 -> 40000 is +100%, more than 50%
    assert ruled(first) == [("warning", "D1.M03", "s/jc/2024.yaml:5:11",
                             "participants jumped (D1.M03 moved 100.0% from 20000 in 2023 to 40000 "
                             "(at most 50% allowed))")]
    assert ruled(second) == [] and first.ok


def test_max_change_within_the_bound_or_without_a_previous_period_is_silent(tree):
    a = part(tree, "s/jc/2023.yaml", {"D1.M03": 20000}, period=2023)
    b = part(tree, "s/jc/2024.yaml", {"D1.M03": 29000})  # +45%
    lone = part(tree, "s/nm/2024.yaml", {"D1.M03": 90000}, subject="nm")
    assert [ruled(o) for o in outcomes(a, b, lone)] == [[], [], []]


def test_max_change_compares_with_the_nearest_earlier_period_only(tree):
    rubric_with(tree, "rules:\n  - {max_change: {measure: D1.M03, pct: 50}, severity: error}\n")
    ps = [part(tree, f"s/jc/{y}.yaml", {"D1.M03": v}, period=y) for y, v in ((2022, 10000), (2023, 14000),
                                                                            (2024, 30000))]
    o22, o23, o24 = outcomes(*ps)
    assert ruled(o22) == [] and ruled(o23) == []  # +40%
    assert [p[:3] for p in ruled(o24)] == [("error", "D1.M03", "s/jc/2024.yaml:5:11")]  # +114.3% over 2023
    assert "114.3%" in ruled(o24)[0][3] and not o24.ok and o24.card is None and o23.ok


def _then_fail(first):
    yield first
    raise AssertionError("read past the first outcome")


def test_a_rubric_without_max_change_streams_and_one_with_it_holds(tree):
    sub = part(tree, "s/jc/2023.yaml", {"D1.M02": 95, "D2.M01": 90}, period=2023)
    (o,) = outcomes(sub)
    assert o.filing.rubric.rules[2].measure == "D1.M03"
    with pytest.raises(AssertionError, match="read past"):  # max_change: held until every input is in
        next(rules.over_periods(_then_fail((o, {})), None))
    rubric_with(tree, "rules:\n  - {lte: [D1.M02, D2.M01]}\n")
    (o,) = outcomes(sub)
    assert len(ruled(o)) == 1
    assert next(rules.over_periods(_then_fail((o, {})), None)) is o  # given out before the next is read


BAD = """\
rules:
  - lte: [D1.M02, D1.M2]
  - sum_lte: [[D1.M01, D1.M03], D2.M01]
  - max_change: {measure: D1.M03, pct: 0}
  - lte: [D1.M02]
  - {message: nothing to check}
  - {lte: [D1.M02, D2.M01], max_change: {measure: D1.M03, pct: 5}}
  - {lte: [D1.M02, D2.M01], severity: fatal}
"""


def test_lint_locates_bad_rules_with_did_you_mean(tmp_path):
    rubric_with(tmp_path, BAD)
    path = tmp_path / "rubrics" / "demo.yaml"
    with pytest.raises(RubricError) as e:
        rubrics.load(path)
    said = sorted((p.loc.line, p.loc.col, p.message) for p in e.value.problems)
    assert (AT + 2, 19, "rule names 'D1.M2', which is not a measure of this rubric (did you mean 'D1.M02'?)") in said
    assert any(line == AT + 3 and col == 16 and "'D1.M01', whose value is not a number (method 'check')" in m
               for line, col, m in said)
    assert (AT + 4, 40, "max_change pct must be more than 0, not 0") in said
    assert (AT + 5, 10, "'lte': ['D1.M02'] is too short") in said  # the meta-schema's minItems
    assert (AT + 6, 5, "a rule is one of lte, sum_lte, max_change: this one has none") in said
    assert (AT + 7, 5, "a rule is one of lte, sum_lte, max_change: this one has lte and max_change") in said
    assert any(line == AT + 8 and "'fatal'" in m for line, _, m in said)
    assert all(Path(p.loc.file).name == "demo.yaml" for p in e.value.problems)


def test_the_built_rules_are_located_in_the_rubric(tree):
    r = rubrics.load(Path("rubrics/demo.yaml"))
    assert [type(x).__name__ for x in r.rules] == ["Lte", "SumLte", "MaxChange"]
    assert r.rules[1].parts == ("D1.M02", "D2.M03") and r.rules[2].pct == 50.0
    assert r.rules[0].loc == Loc("rubrics/demo.yaml", AT + 2, 5) and r.rules[0].severity == "warning"


def test_max_change_across_the_periods_of_a_long_table(tree):
    rows = [("jc", "金昌", "2023", "D1.M03", "20000", "demo@1"), ("jc", "金昌", "2024", "D1.M03", "40000", "demo@1"),
            ("nm", "内蒙", "2024", "D1.M03", "40000", "demo@1")]  # two subjects: a long table
    write_csv(tree / "t.csv", ("subject", "subject_name", "period", "measure", "value", "rubric"), rows)
    o23, o24, nm = outcomes(tree / "t.csv")
    assert ruled(o23) == [] and ruled(nm) == []
    assert ruled(o24) == [("warning", "D1.M03", "t.csv:3:5", "participants jumped (D1.M03 moved 100.0% from 20000 "
                                                              "in 2023 to 40000 (at most 50% allowed))")]


def test_a_table_and_files_give_the_same_rule_problems(tree):
    rows = [("jc", "金昌", "2023", "D1.M03", "20000", "demo@1"), ("jc", "金昌", "2023", "D1.M02", "95", "demo@1"),
            ("jc", "金昌", "2023", "D2.M01", "90", "demo@1"), ("nm", "内蒙", "2023", "D1.M03", "1", "demo@1")]
    write_csv(tree / "t.csv", ("subject", "subject_name", "period", "measure", "value", "rubric"), rows)
    later = part(tree, "s/jc/2024.yaml", {"D1.M03": 40000, "D1.M02": 95, "D2.M01": 90})
    table, _, file = outcomes(tree / "t.csv", later)
    earlier = part(tree, "s/jc/2023.yaml", {"D1.M03": 20000, "D1.M02": 95, "D2.M01": 90}, period=2023)
    files = outcomes(earlier, later)
    assert [[p[:2] + p[3:] for p in ruled(o)] for o in (table, file)] == [[p[:2] + p[3:] for p in ruled(o)]
                                                                          for o in files]
    assert [p[1] for p in ruled(file)] == ["D1.M02", "D1.M03"]
