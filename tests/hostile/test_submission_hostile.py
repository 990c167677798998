"""Hostile submissions (red-team review): wrongly typed evidence, notes and periods are located problems,
never a traceback or a silent str(); near-miss header keys get a "did you mean"; a file of tens of
thousands of unknown ids is reported quickly and the listing stops after MAX_PROBLEMS."""
from __future__ import annotations

import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from engine import pipeline
from engine.cli import app
from engine.submission import MAX_PROBLEMS
from engine.validate import MAX_SUGGESTIONS

TOP = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parent / "data"
IR = TOP / "tests" / "cases" / "invalid" / "rubric.yaml"
ETHNIC = TOP / "rubrics" / "ethnic-unity-city.yaml"
EVIDENCE = "evidence should be a text or a list of texts"
PERIOD = 'period should be a year or a text such as 2024 or "2024H1"'


def shown(path: Path, rubric: Path = IR) -> list[str]:
    out = pipeline.run_one(path, pipeline.RubricFinder(str(rubric)), scoring=False)
    return [str(p).replace(f"{path}:", "") for p in out.problems if p.level != "info"]


@pytest.mark.parametrize("name, line", [
    ("evidence_int.yaml", "5:35: D1.M01: " + EVIDENCE),
    ("evidence_bool.yaml", "5:35: D1.M01: " + EVIDENCE),
    ("evidence_map.yaml", "5:35: D1.M01: " + EVIDENCE),
    ("note_map.yaml", "5:46: D1.M01: note should be a text"),
    ("period_map.yaml", "3:9: " + PERIOD),
])
def test_attackers_files_are_located_problems(name, line):
    assert shown(DATA / name) == [line]


def test_cli_gives_no_traceback(monkeypatch):
    monkeypatch.chdir(DATA)
    r = CliRunner().invoke(app, ["validate", "evidence_int.yaml", "evidence_bool.yaml", "--rubric", str(IR)],
                           catch_exceptions=False)
    assert r.exit_code == 1
    assert f"evidence_int.yaml:5:35: D1.M01: {EVIDENCE}" in r.stderr


SUB = "rubric: bad-input-demo\nsubject: x\nperiod: {period}\nvalues:\n  D1.M02: {value}\n"


@pytest.mark.parametrize("period", ["{a: 1}", "[2024]", "~", "true", '""', "'  '", "2024.5", ""])
def test_a_period_that_is_not_a_year_or_a_text(tmp_path, period):
    path = tmp_path / "sub.yaml"
    path.write_text(SUB.format(period=period, value=95), encoding="utf-8")
    assert shown(path) == ["3:9: " + PERIOD] if period else ["3:8: " + PERIOD]


@pytest.mark.parametrize("period", ["2024", '"2024H1"', "2024.0", "一季度"])
def test_good_periods_pass(tmp_path, period):
    path = tmp_path / "sub.yaml"
    path.write_text(SUB.format(period=period, value=95), encoding="utf-8")
    assert shown(path) == []


@pytest.mark.parametrize("value, where", [
    ("{value: 95, evidence: [统计公报, 5]}", "5:40"),   # at the item that is not a text
    ("{value: 95, evidence: [[a]]}", "5:34"),
    ("{value: 95, evidence: ~}", "5:33"),
    ("{value: 95, evidence: {a: 1}}", "5:33"),
])
def test_evidence_that_is_not_text(tmp_path, value, where):
    path = tmp_path / "sub.yaml"
    path.write_text(SUB.format(period=2024, value=value), encoding="utf-8")
    assert shown(path) == [f"{where}: D1.M02: {EVIDENCE}"]


def test_bad_evidence_on_a_required_measure_is_said_once(tmp_path):
    path = tmp_path / "sub.yaml"
    path.write_text("rubric: bad-input-demo\nsubject: x\nperiod: 2024\nvalues:\n"
                    "  D1.M01: {value: true, evidence: 5}\n", encoding="utf-8")
    assert shown(path) == [f"5:35: D1.M01: {EVIDENCE}"]  # not also "evidence is required"


def test_note_list_and_number(tmp_path):
    path = tmp_path / "sub.yaml"
    path.write_text("rubric: bad-input-demo\nsubject: x\nperiod: 2024\nvalues:\n"
                    "  D1.M02: {value: 95, note: [a, b]}\n  D1.M03: {value: 70, note: 12}\n", encoding="utf-8")
    assert shown(path) == ["5:29: D1.M02: note should be a text", "6:29: D1.M03: note should be a text"]


def test_bad_evidence_is_reported_even_without_a_value(tmp_path):
    path = tmp_path / "sub.yaml"
    path.write_text("rubric: bad-input-demo\nsubject: x\nperiod: 2024\nvalues:\n"
                    "  D1.M02: {valu: 95, evidence: 5}\n", encoding="utf-8")
    assert shown(path) == ["5:3: D1.M02: missing 'value'",
                           "5:12: D1.M02: unknown key 'valu' (a value may have value, evidence and note)",
                           f"5:32: D1.M02: {EVIDENCE}"]


def test_near_miss_header_keys():
    assert shown(DATA / "nearmiss_sub.yaml") == [
        "1:1: missing required key 'subject'",
        "2:1: unknown key 'subjet' (did you mean 'subject'?); expected: rubric, subject, period, values, ratings",
        "4:1: unknown key 'vaules' (did you mean 'values'?); expected: rubric, subject, period, values, ratings",
    ]


@pytest.mark.parametrize("period", [True, 2024.5])
def test_a_table_period_that_is_not_a_year(tmp_path, period):
    from tests.tabular.helpers import write_xlsx

    path = write_xlsx(tmp_path / "x" / "sub.xlsx", [["measure", "value", "period"], ["D1.M02", 95, period]])
    assert shown(path) == ["2:3: " + PERIOD]


# --- many problems in one file -------------------------------------------------------------------


def _many_unknown(path: Path, n: int, rubric: str = "ethnic-unity-city") -> Path:
    lines = [f"rubric: {rubric}", "subject: x", "period: 2024", "values:"]
    lines += [f"  D1.I01.M{i}: {i}" for i in range(n)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_forty_thousand_unknown_ids_are_quick_and_capped(tmp_path):
    """The attacker's h/many_unknown_big.yaml (40,000 unknown ids) took about 2 minutes."""
    path = _many_unknown(tmp_path / "many.yaml", 40_000)
    start = time.perf_counter()
    out = pipeline.run_one(path, pipeline.RubricFinder(str(ETHNIC)), scoring=False)
    took = time.perf_counter() - start
    assert took < 15, f"{took:.1f}s"  # about 2 s on a quiet machine; generous for a shared CI runner
    problems = list(out.problems)
    assert len(problems) == MAX_PROBLEMS + 1 and not out.ok
    assert all(p.code == "unknown-measure" for p in problems[:-1])
    hinted = [p for p in problems if "did you mean" in p.message]
    assert len(hinted) == MAX_SUGGESTIONS and hinted == problems[:MAX_SUGGESTIONS]
    assert problems[MAX_SUGGESTIONS].message.endswith("is not a measure of this rubric")
    last = problems[-1]
    assert last.message == f"… and {40_000 - MAX_PROBLEMS} more problems in this file"
    assert last.is_error and (last.loc.line, last.loc.col) == (5 + MAX_PROBLEMS, 3)


def test_under_the_limit_everything_is_listed(tmp_path):
    path = _many_unknown(tmp_path / "some.yaml", MAX_PROBLEMS)
    out = pipeline.run_one(path, pipeline.RubricFinder(str(ETHNIC)), scoring=False)
    assert len(out.problems) == MAX_PROBLEMS
    assert not any("more problems" in p.message for p in out.problems)


def test_the_limit_counts_problems_found_while_reading(tmp_path):
    lines = ["rubric: bad-input-demo", "subject: x", "period: 2024", "values:"]
    lines += [f"  X{i}: {{valu: 1}}" for i in range(150)] + [f"  Y{i}: 1" for i in range(150)]
    path = tmp_path / "mixed.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = pipeline.run_one(path, pipeline.RubricFinder(str(IR)), scoring=False)
    listed = [p for p in out.problems if p.code != "truncated"]
    assert len(listed) == MAX_PROBLEMS and all(p.code == "schema" for p in listed)
    # reading (300 problems) and checking against the rubric (150 unknown ids) each say what they left out
    assert [p.message for p in out.problems if p.code == "truncated"] == [
        "… and 100 more problems in this file", "… and 150 more problems in this file"]
    assert [p.code for p in out.problems[-2:]] == ["truncated", "truncated"]
