"""Hostile submissions (red-team review): wrongly typed evidence, notes and periods are located problems,
never a traceback or a silent str(); near-miss header keys get a "did you mean"; a file of tens of
thousands of unknown ids is reported in full count while the listing stops after MAX_PROBLEMS.
(How long such files take is measured in bench/hostile.py, not asserted here.)"""
from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from engine import pipeline
from engine.cli import app
from engine.model import Loc
from engine.problems import Problem, cap, count
from engine.problems import MAX_PROBLEMS
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


HEADER_KEYS = "rubric, subject, period, values, ratings, waivers, filed_by, assessor, stage"


def test_near_miss_header_keys():
    assert shown(DATA / "nearmiss_sub.yaml") == [
        "1:1: missing required key 'subject'",
        "2:1: unknown key 'subjet' (did you mean 'subject'?); expected: " + HEADER_KEYS,
        "4:1: unknown key 'vaules' (did you mean 'values'?); expected: " + HEADER_KEYS,
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


def test_forty_thousand_unknown_ids_are_capped_and_counted(tmp_path):
    """The attacker's h/many_unknown_big.yaml (40,000 unknown ids): a bounded listing, a full count."""
    path = _many_unknown(tmp_path / "many.yaml", 40_000)
    out = pipeline.run_one(path, pipeline.RubricFinder(str(ETHNIC)), scoring=False)
    problems = list(out.problems)
    assert len(problems) == MAX_PROBLEMS + 1 and not out.ok
    assert all(p.code == "unknown-measure" for p in problems[:-1])
    hinted = [p for p in problems if "did you mean" in p.message]
    assert len(hinted) == MAX_SUGGESTIONS and hinted == problems[:MAX_SUGGESTIONS]
    assert problems[MAX_SUGGESTIONS].message.endswith("is not a measure of this rubric")
    last = problems[-1]
    assert last.message == f"… and {40_000 - MAX_PROBLEMS} more errors in this file"
    assert last.is_error and (last.loc.line, last.loc.col) == (5 + MAX_PROBLEMS, 3)
    assert count(problems, "error") == 40_000


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
    assert len(listed) == MAX_PROBLEMS and listed == sorted(listed, key=lambda p: (p.loc.line, p.loc.col))
    # reading (an unknown key and a missing value per X) and checking (every id is unknown) found 600 in
    # all: one last line says how many more, and the count agrees with it
    assert [p.message for p in out.problems if p.code == "truncated"] == ["… and 400 more errors in this file"]
    assert out.problems[-1].code == "truncated" and count(out.problems, "error") == 600

def _problem(line: int, level: str = "error", message: str = "x") -> Problem:
    return Problem(Loc("f.yaml", line, 3), f"{message} {line}", level=level)


def test_notes_never_hide_an_error():
    """An XLSX's 300 empty rows (notes) before its one real error: the error is listed, the notes left out."""
    found = cap([_problem(i, "info") for i in range(1, 301)] + [_problem(400)])
    assert _problem(400) in found and len(found) == MAX_PROBLEMS + 1
    last = found[-1]
    assert (last.code, last.level, last.message) == ("truncated", "info", "… and 101 more notes in this file")
    assert (count(found, "error"), count(found, "info")) == (1, 300)


def test_capped_lists_merge_into_one_count():
    first = cap([_problem(i) for i in range(1, 301)])
    second = cap([_problem(i, "warning", "w") for i in range(301, 551)])
    both = cap(first + second)
    assert [p.message for p in both if p.code == "truncated"] == [
        "… and 350 more problems in this file (100 errors, 250 warnings)"]
    assert (count(both, "error"), count(both, "warning")) == (300, 250)
    assert [p.level for p in both[:-1]] == ["error"] * MAX_PROBLEMS


def test_identical_problems_are_listed_once():
    assert cap([_problem(1), _problem(1), _problem(2)]) == [_problem(1), _problem(2)]


def test_the_summary_counts_what_the_listing_left_out(tmp_path):
    path = _many_unknown(tmp_path / "many.yaml", 450, rubric="bad-input-demo")
    r = CliRunner().invoke(app, ["validate", str(path), "--rubric", str(IR), "--lang", "en"], catch_exceptions=False)
    assert r.exit_code == 1
    lines = r.stderr.splitlines()
    assert len([x for x in lines if "is not a measure" in x]) == MAX_PROBLEMS
    assert f"{path}:{5 + MAX_PROBLEMS}:3: … and 250 more errors in this file" in lines
    assert lines[-1] == "1 file(s) checked: 0 valid, 1 invalid (450 error(s), 0 warning(s))"


SELF = ["values: &a [*a]", "values: &a {D1.M02: *a}", "values:\n  D1.M02: &a\n    <<: *a",
        "values: &a\n  D1.M02: [*a, *a, *a, *a, *a, *a, *a, *a]"]


@pytest.mark.parametrize("body", SELF)
@pytest.mark.parametrize("fmt", ["validate", "github"])
def test_a_self_referencing_alias_is_one_message(tmp_path, body, fmt):
    """The 15-byte attack printed 33,000 identical problems (and as many GitHub annotations)."""
    path = tmp_path / "self.yaml"
    path.write_text("rubric: bad-input-demo\nsubject: x\nperiod: 2024\n" + body + "\n", encoding="utf-8")
    args = ["validate", str(path)] if fmt == "validate" else ["check", str(path), "-f", "github"]
    r = CliRunner().invoke(app, [*args, "--rubric", str(IR)], catch_exceptions=False)
    assert r.exit_code == 1
    out = (r.stderr if fmt == "validate" else r.stdout).splitlines()
    said = [x for x in out if "stands inside the value it names" in x]
    assert len(said) == 1 and len([x for x in out if x.startswith((str(path), "::error"))]) == 1


REQUIRED = ("D1.M01: evidence is required for this measure: write it as {value: ..., evidence: [...]} "
            "(in a table: the evidence column)")


def test_every_problem_of_a_measure_at_once(tmp_path):
    """The evidence error used to appear only once the value's type error was fixed."""
    path = tmp_path / "sub.yaml"
    path.write_text("rubric: bad-input-demo\nsubject: x\nperiod: 2024\nvalues:\n"
                    "  D1.M01: {value: 是的, note: n}\n  D2.M09: {valu: 1}\n", encoding="utf-8")
    said = shown(path)
    assert said[1].startswith("5:19: D1.M01: check: expected true or false")  # the reader's own wording
    assert said[:1] + said[2:] == [f"5:3: {REQUIRED}", "6:3: D2.M09: missing 'value'",
                                   "6:3: D2.M09: 'D2.M09' is not a measure of this rubric (did you mean 'D1.M06'?)",
                                   "6:12: D2.M09: unknown key 'valu' (a value may have value, evidence and note)"]


def test_a_missing_value_still_says_the_evidence_is_required(tmp_path):
    path = tmp_path / "sub.yaml"
    path.write_text("rubric: bad-input-demo\nsubject: x\nperiod: 2024\nvalues:\n  D1.M01: {note: n}\n",
                    encoding="utf-8")
    assert shown(path) == ["5:3: D1.M01: missing 'value'", f"5:3: {REQUIRED}"]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_table_evidence_errors_stand_at_the_evidence_cell(tmp_path, suffix):
    from tests.tabular.helpers import write_xlsx

    rows = [["period", "measure", "value", "evidence"], [2024, "D1.M01", "yes", ""], [2024, "D1.M02", 95, ""]]
    path = tmp_path / "x" / f"s{suffix}"
    if suffix == ".csv":
        path.parent.mkdir()
        path.write_text("\n".join(",".join(map(str, r)) for r in rows) + "\n", encoding="utf-8")
    else:
        write_xlsx(path, rows)
    assert [line for line in shown(path) if "evidence" in line] == [f"2:4: {REQUIRED}"]


HEADERS = {  # subject and period as written -> the located problem
    ('x', "9" * 5000): "3:9: '99999999999999999999…' is too large a number (at most 1e+15)",
    ('x', '"' + "9" * 5000 + '"'): "3:9: period is 5000 characters long (at most 32): " + PERIOD,
    ('x', '"2024\\x01"'): "3:9: period '2024\\x01' has a control character U+0001: write it as plain text",
    ('x', '"2024\\n"'): "3:9: period '2024\\n' has a control character U+000A: write it as plain text",
    ('x', '"2024\\u200b"'): "3:9: period '2024\\u200b' has an invisible formatting character (zero-width or bidi) "
                            "U+200B: write it as plain text",
    ('x', "1e15"): "3:9: period 1000000000000000 is not a year (a number from 1 to 99999999)",
    ('x', "-2024"): "3:9: period -2024 is not a year (a number from 1 to 99999999)",
    ('"x\\u202e"', "2024"): "2:10: subject id 'x\\u202e' has an invisible formatting character (zero-width or "
                            "bidi) U+202E: write it as plain text",
    ('{id: "jc\\n", name: 金昌}', "2024"): "2:15: subject id 'jc\\n' has a control character U+000A: write it as "
                                          "plain text",
    ('{id: "jc ", name: 金昌}', "2024"): "2:15: subject id 'jc ' has spaces before or after it: write it as "
                                        "plain text",
    ("{id: " + "9" * 5000 + ", name: X}", "2024"): "2:15: '99999999999999999999…' is too large a number "
                                                   "(at most 1e+15)",
}


@pytest.mark.parametrize("subject, period", HEADERS, ids=lambda x: x[:12])
def test_subject_and_period_are_plain_and_bounded(tmp_path, subject, period):
    path = tmp_path / "sub.yaml"
    path.write_text(f"rubric: bad-input-demo\nsubject: {subject}\nperiod: {period}\nvalues:\n  D1.M02: 95\n",
                    encoding="utf-8")
    assert shown(path) == [HEADERS[subject, period]]


@pytest.mark.parametrize("cells, said", [
    (("9" * 5000, "x"), "2:1: period is 5000 characters long (at most 32): " + PERIOD),
    (("2024\x01", "x"), "2:1: period '2024\\x01' has a control character U+0001: write it as plain text"),
    (("2024", "x\x1b[2J"), "2:2: subject id 'x\\x1b[2J' has a control character U+001B: write it as plain text"),
    (("2024", "jc\u200b"), "2:2: subject id 'jc\\u200b' has an invisible formatting character (zero-width or bidi) "
                           "U+200B: write it as plain text"),
])
def test_table_headers_are_plain_and_bounded(tmp_path, cells, said):
    path = tmp_path / "s.csv"
    path.write_text(f"period,subject,measure,value\n{cells[0]},{cells[1]},D1.M02,95\n", encoding="utf-8")
    assert shown(path) == [said]


def test_a_huge_period_never_stops_the_batch(tmp_path):
    (tmp_path / "a.csv").write_text(f"period,measure,value\n{'9' * 5000},D1.M02,95\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text(f"rubric: bad-input-demo\nsubject: x\nperiod: {'9' * 5000}\n", encoding="utf-8")
    (tmp_path / "c.yaml").write_text(SUB.format(period=2024, value=95), encoding="utf-8")
    r = CliRunner().invoke(app, ["validate", str(tmp_path), "--rubric", str(IR), "--lang", "en"],
                           catch_exceptions=False)
    assert r.exit_code == 1 and "Traceback" not in r.stderr
    assert f"{tmp_path / 'a.csv'}:2:1: period is 5000 characters long" in r.stderr
    assert "3 file(s) checked: 1 valid, 2 invalid" in r.stderr
