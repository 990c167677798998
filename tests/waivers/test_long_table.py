"""A long table waives a measure for one subject and period as a per-subject table does (SPEC 9): the row's
value cell waived (不适用, 豁免) and its reason, approved_by and expires cells.  Scored, listed, refused and
expired exactly as the same subjects' files, located at the table's FILE:ROW:COL.

Hand-computed with the rubric of conftest (G1: M1 4 + M2 6 points, worth 10; G2.M1 90 points, waivable: false;
V1 a veto; missing: zero):
    a: G1.M1 waived, G1.M2 true, G2.M1 false -> G1.M2 carries G1's 10: total 10
    b: G1.M1 true, G1.M2 true, G2.M1 true, nothing waived -> 100
    c: G1.M1 true, G1.M2 不适用, G2.M1 true -> G1.M1 carries G1's 10: total 100
"""
from __future__ import annotations

import csv
import io
import json

import pytest

from engine import pipeline
from engine.progress import progress
from tests.pipeline.test_table_equals_files import json_equal

from .conftest import RUBRIC, cli
from tests.conftest import dedent

HEAD = ("subject", "period", "measure", "value", "reason", "approved_by", "expires")
ROWS = {
    "a": [("G1.M1", "waived", "本市无牧区", "自治区民委", "2026-12-31"), ("G1.M2", "true"), ("G2.M1", "false")],
    "b": [("G1.M1", "true"), ("G1.M2", "true"), ("G2.M1", "true")],
    "c": [("G1.M1", "true"), ("G1.M2", " 不适用 ", "无此项", "市民委", ""), ("G2.M1", "true")],
}
EXPIRED = ("waiver expired on 2026-12-31, before the assessment date 2027-01-01: renew it (a later expires) or "
           "give the measure's value")


def _cells(sid: str, row: tuple) -> list[str]:
    return [sid, "2024", *row, *[""] * (5 - len(row))]


def _csv(rows: list[list[str]], head=HEAD) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows([list(head), *rows])
    return buf.getvalue()


@pytest.fixture
def tree(tmp_path, monkeypatch):
    """lay(rows by subject) -> writes rubric.yaml, long.csv and the same rows as subs/<subject>/2024.csv."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rubric.yaml").write_text(dedent(RUBRIC).replace("MISSING", "zero"), encoding="utf-8")

    def lay(by_subject: dict = ROWS):
        (tmp_path / "long.csv").write_text(_csv([_cells(s, r) for s, rows in by_subject.items() for r in rows]),
                                           encoding="utf-8")
        for s, rows in by_subject.items():
            (tmp_path / "subs" / s).mkdir(parents=True, exist_ok=True)
            (tmp_path / "subs" / s / "2024.csv").write_text(_csv([_cells(s, r) for r in rows]), encoding="utf-8")
        return tmp_path

    return lay


def both(*args):
    return (cli(args[0], "long.csv", "--rubric", "rubric.yaml", *args[1:]),
            cli(args[0], "subs", "--rubric", "rubric.yaml", *args[1:]))


def outcomes(path: str = "long.csv") -> list:
    return list(pipeline.run([path], pipeline.RubricFinder("rubric.yaml")))


def test_a_long_table_with_waivers_scores_like_the_same_files(tree):
    tree()
    a, b = both("score", "-f", "json", "-o", "-")
    assert a.exit_code == b.exit_code == 0, a.output
    json_equal(a.stdout, b.stdout)
    cards = {c["subject"]["id"]: c for c in json.loads(a.stdout)}
    assert {s: c["total"] for s, c in cards.items()} == {"a": 10.0, "b": 100.0, "c": 100.0}
    assert cards["a"]["waivers"] == [{"id": "G1.M1", "reason": "本市无牧区", "approved_by": "自治区民委",
                                      "expires": "2026-12-31"}]
    assert cards["c"]["waivers"] == [{"id": "G1.M2", "reason": "无此项", "approved_by": "市民委", "expires": None}]
    assert cards["b"]["waivers"] == []
    status = {(s, m["id"]): m["status"] for s, c in cards.items() for m in c["measures"]}
    assert status["a", "G1.M1"] == status["c", "G1.M2"] == "waived" and status["b", "G1.M1"] == "full"


def test_the_csv_lists_the_waiver_on_its_row(tree):
    tree()
    a, b = both("score", "-f", "csv", "-o", "-")
    assert a.exit_code == b.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(a.stdout)))
    assert sorted(rows, key=lambda r: (r["subject"], r["measure"])) == sorted(
        csv.DictReader(io.StringIO(b.stdout)), key=lambda r: (r["subject"], r["measure"]))
    waived = [(r["subject"], r["measure"], r["status"], r["score"], r["gap"], r["waiver_reason"],
               r["waiver_approved_by"], r["waiver_expires"]) for r in rows if r["waiver_reason"]]
    assert waived == [("a", "G1.M1", "waived", "0.0", "4.0", "本市无牧区", "自治区民委", "2026-12-31"),
                      ("c", "G1.M2", "waived", "0.0", "6.0", "无此项", "市民委", "")]


def test_the_waivers_are_in_the_filing_so_progress_counts_them_done(tree):
    tree()
    by = {o.filing.subject_id: o for o in outcomes()}
    assert list(by["a"].filing.waived) == ["G1.M1"] and list(by["c"].filing.waived) == ["G1.M2"]
    assert by["a"].filing.waived["G1.M1"].loc.line == 2 and by["a"].filing.waived["G1.M1"].loc.col == 7
    sp = {s.filing.subject_id: s for s in progress([o.filing for o in by.values()]).subjects}
    assert sp["a"].missing == () and sp["a"].coverage == 1.0 and sp["c"].coverage == 1.0


def test_refused_waivers_are_located_in_the_table(tree):
    path = tree({"a": [("G1.M1", "waived", "r", "x"), ("G2.M1", "waived", "r", "x"), ("V1", "豁免", "r", "x")],
                 "b": [("G1.M1", "true")]})
    a, b = both("validate")
    assert a.exit_code == b.exit_code == 1
    assert "long.csv:3:3: G2.M1: this measure cannot be waived (the rubric says waivable: false): give its value" \
        in a.output
    assert "long.csv:4:3: V1: a veto (一票否决) cannot be waived: leave it out, or give its value" in a.output
    said = {line.split(": ", 1)[1] for line in a.output.splitlines() if "long.csv:" in line}
    assert said == {line.split(": ", 1)[1] for line in b.output.splitlines() if "2024.csv:" in line}
    by = {o.filing.subject_id: o for o in outcomes(str(path / "long.csv"))}
    assert not by["a"].ok and by["b"].ok
    assert dict(by["a"].filing.waived).keys() == {"G1.M1"}  # the one that holds still counts in progress


def test_a_waiver_needs_a_reason_and_an_approver(tree):
    tree({"a": [("G1.M1", "waived")], "b": [("G1.M1", "true")]})
    a, b = both("validate")
    assert a.exit_code == b.exit_code == 1
    shape = "in a table, a waived row (value waived, 不适用) has the columns reason, approved_by and expires"
    assert (f"long.csv:2:3: G1.M1: a waiver needs reason (why the measure does not apply): {shape}" in a.output)
    assert (f"long.csv:2:3: G1.M1: a waiver needs approved_by (who approved the waiver): {shape}" in a.output)


def test_expired_waivers_are_located_at_their_expires_cell(tree):
    tree()
    for command in ("validate", "check"):
        a, b = both(command, "--as-of", "2027-01-01")
        assert a.exit_code == b.exit_code == 1
        assert f"long.csv:2:7: G1.M1: {EXPIRED}" in a.output and f"subs/a/2024.csv:2:7: G1.M1: {EXPIRED}" in b.output
    a, _ = both("validate", "--as-of", "2026-12-31")  # it holds through its last day
    assert a.exit_code == 0


def test_an_expired_waiver_of_an_invalid_subject_is_still_said(tree):
    rows = dict(ROWS, a=[*ROWS["a"][:2], ("G2.M1", "lots")])
    tree(rows)
    a, b = both("validate", "--as-of", "2027-01-01")
    assert a.exit_code == b.exit_code == 1
    assert f"long.csv:2:7: G1.M1: {EXPIRED}" in a.output and f"subs/a/2024.csv:2:7: G1.M1: {EXPIRED}" in b.output


def test_a_value_with_waiver_cells_is_the_per_subject_error(tree):
    tree({"a": [("G1.M1", "true", "", "民委"), ("G1.M2", "", "x")], "b": [("G1.M1", "true")]})
    a, b = both("validate")
    assert a.exit_code == b.exit_code == 1
    message = "is for a waived measure: write waived (不适用) as its value, or leave this cell empty"
    assert f"long.csv:2:6: G1.M1: approved_by {message}" in a.output
    assert f"long.csv:3:5: G1.M2: reason {message}" in a.output
    assert f"subs/a/2024.csv:2:6: G1.M1: approved_by {message}" in b.output


def test_a_waiver_and_a_value_for_one_measure(tree):
    """Two rows for one subject's measure, one waived: the table says it is given twice, as a per-subject table."""
    tree({"a": [("G1.M1", "true"), ("G1.M1", "waived", "r", "x")], "b": [("G1.M1", "true")]})
    a, b = both("validate")
    assert a.exit_code == b.exit_code == 1
    assert "long.csv:3:3: G1.M1: given twice for subject 'a' period 2024: rows 2 and 3" in a.output
    assert "subs/a/2024.csv:3:3: G1.M1: given twice: rows 2 and 3" in b.output


def test_the_uniform_path_carries_them_too(tree, tmp_path):
    """A subject of the table also filed in another file: the table goes the uniform way (one raw submission
    per subject), its waiver with it."""
    tree({"a": [("G1.M1", "waived", "本市无牧区", "自治区民委", "2026-12-31"), ("G2.M1", "false")],
          "b": [("G1.M1", "true")]})
    (tmp_path / "part.yaml").write_text("rubric: wv\nsubject: {id: a}\nperiod: 2024\nfiled_by: mw\n"
                                        "values:\n  G1.M2: true\n", encoding="utf-8")
    done = list(pipeline.run(["long.csv", "part.yaml"], pipeline.RubricFinder("rubric.yaml")))
    a = next(o for o in done if o.filing.subject_id == "a")
    assert a.ok, [str(p) for p in a.problems]
    assert a.card.total == 10.0 and a.card.measure("G1.M1").status == "waived"
    assert list(a.filing.waived) == ["G1.M1"] and a.filing.waived["G1.M1"].loc.line == 2
    r = cli("validate", "long.csv", "part.yaml", "--rubric", "rubric.yaml", "--as-of", "2027-01-01")
    assert r.exit_code == 1 and f"long.csv:2:7: G1.M1: {EXPIRED}" in r.output


def test_a_table_without_waiver_columns_is_as_it_was(tree, tmp_path):
    tree()
    (tmp_path / "plain.csv").write_text(_csv([["a", "2024", "G1.M1", "waived"], ["b", "2024", "G1.M1", "true"]],
                                             HEAD[:4]), encoding="utf-8")
    r = cli("validate", "plain.csv", "--rubric", "rubric.yaml")
    assert r.exit_code == 1
    assert "plain.csv:2:3: G1.M1: a waiver needs reason (why the measure does not apply)" in r.output
