"""Parts of one submission (SPEC 8): every input naming the same rubric, subject and period is assembled
into one submission before scoring, wherever it lies; a measure given twice is found in both files."""
from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from engine import pipeline
from engine.cli import app
from tests.batch.test_cli_long import write as write_csv
from tests.tabular.helpers import RUBRIC


def run(*args):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


@pytest.fixture
def tree(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rubrics").mkdir()
    (tmp_path / "rubrics" / "demo.yaml").write_text(RUBRIC, encoding="utf-8")
    return tmp_path


def part(root: Path, rel: str, values: dict, subject="jc", period=2024, rubric="demo@1") -> Path:
    body = "".join(f"  {k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in values.items())
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"rubric: {rubric}\nsubject: {{id: {subject}, name: 金昌市}}\nperiod: {period}\nvalues:\n{body}",
                    encoding="utf-8")
    return path.relative_to(root)


def outcomes(*paths):
    return list(pipeline.run([str(p) for p in paths], pipeline.RubricFinder(None, "rubrics")))


def test_parts_in_different_folders_are_one_submission(tree):
    part(tree, "a/jc/2024/lead.yaml", {"D1.M01": True, "D1.M02": 90})
    part(tree, "b/unit-x.yaml", {"D2.M01": 95})
    tree = Path(".")
    whole = part(tree, "c/jc/2024.yaml", {"D1.M01": True, "D1.M02": 90, "D2.M01": 95})
    (joined,) = outcomes(tree / "a", tree / "b")
    (alone,) = outcomes(whole)
    assert joined.ok and joined.parts == ("a/jc/2024/lead.yaml", "b/unit-x.yaml")
    assert joined.card.total == alone.card.total and joined.card.total > 0
    assert {m.id: m.score for m in joined.card.measures} == {m.id: m.score for m in alone.card.measures}


def test_a_measure_given_twice_is_an_error_in_both_files(tree):
    a = part(tree, "p/a.yaml", {"D1.M01": True, "D1.M02": 90})
    b = part(tree, "p/b.yaml", {"D1.M02": "85%"})
    (o,) = outcomes(a, b)
    assert not o.ok and o.card is None
    said = [str(p) for p in o.problems if p.level == "error"]
    assert said == [f"{a}:6:11: D1.M02: also given in {b}:5:11: 90 here, '85%' there; a measure is filed in one "
                    "part of a submission",
                    f"{b}:5:11: D1.M02: also given in {a}:6:11: '85%' here, 90 there; a measure is filed in one "
                    "part of a submission"]
    r = run("score", str(a), str(b))
    assert r.exit_code == 1 and f"{a}:6:11" in r.stderr and f"{b}:5:11" in r.stderr


def test_the_same_value_twice_is_a_warning_naming_both(tree):
    a = part(tree, "p/a.yaml", {"D1.M01": True, "D1.M02": 90})
    b = part(tree, "p/b.yaml", {"D1.M02": "90"})
    (o,) = outcomes(a, b)
    assert o.ok and o.card is not None
    warned = [p for p in o.problems if p.code == "duplicate"]
    assert [(p.level, p.loc.file) for p in warned] == [("warning", str(a)), ("warning", str(b))]
    assert all("with the same value" in p.message for p in warned)


def test_parts_are_keyed_by_subject_and_period(tree):
    a = part(tree, "p/a.yaml", {"D1.M01": True})
    b = part(tree, "p/b.yaml", {"D1.M01": True}, period=2023)
    c = part(tree, "p/c.yaml", {"D1.M01": True}, subject="wh")
    assert [o.parts for o in outcomes(a, b, c)] == [(str(a),), (str(b),), (str(c),)]


def test_an_invalid_part_makes_the_submission_invalid_and_keeps_its_places(tree):
    a = part(tree, "p/a.yaml", {"D1.M01": True})
    b = part(tree, "p/b.yaml", {"D1.M02": "lots"})
    (o,) = outcomes(a, b)
    assert not o.ok
    assert [str(p.loc) for p in o.problems if p.level == "error"] == [f"{b}:5:11"]


def test_parts_naming_two_versions_of_the_rubric(tree):
    a = part(tree, "p/a.yaml", {"D1.M01": True})
    b = part(tree, "p/b.yaml", {"D1.M02": 80}, rubric="demo@2")
    r = run("validate", str(a), str(b), "--rubric", "rubrics/demo.yaml")
    assert r.exit_code == 1


def test_a_part_in_a_long_table_meets_a_part_in_a_file(tree):
    write_csv(tree / "long.csv", ("subject", "period", "measure", "value", "rubric"),
              [("jc", "2024", "D1.M01", "true", "demo@1"), ("wh", "2024", "D1.M01", "false", "demo@1"),
               ("wh", "2024", "D1.M02", "70", "demo@1")])
    f = part(tree, "p/jc.yaml", {"D1.M02": 90, "D1.M01": False})
    (jc, wh) = outcomes("long.csv", f)
    assert jc.parts == ("long.csv", str(f)) and not jc.ok
    assert sorted(str(p.loc) for p in jc.problems if p.code == "duplicate") == ["long.csv:2:4", f"{f}:6:11"]
    assert wh.ok and wh.card.total > 0
