"""One name, one number: a measure's recoverable points are computed once (clamp of the total applied) and
every output of one run shows that figure: score JSON/CSV, gaps JSON/CSV, the missing list and the report set.

Deductions exceed the base here, so the total sits at the clamp at 0 and the clamp-blind figure (the
measure's lost base points) is far from what full marks would really add."""
import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from engine import pipeline
from engine.cli import app
from engine.gaps import analyse
from engine.model import Entry, Grade, Group, Label, Measure, Rubric, Submission
from engine.scoring import score

L = Label.of("x")
ROOT = Path(__file__).resolve().parents[2]

RUBRIC = """\
rubric: clamp
version: "1"
title: clamp
deduction_cap: 60
grades:
  - {id: pass, label: {zh: 合格, en: Pass}, min: 20}
  - {id: fail, label: {zh: 不合格, en: Fail}, min: 0}
units:
  u: {zh: 甲单位}
  v: {zh: 乙单位}
tree:
  - id: G
    children:
      - id: H
        children:
          - {id: A, method: check, points: 50, owners: [u]}
          - {id: B, method: check, points: 30, owners: [u, v]}
      - {id: C, method: check, points: 10, owners: [v]}
      - {id: D, method: check, points: 10, owners: [v]}
      - {id: X, method: deduction, per: 1}
"""
SUB = "rubric: clamp\nsubject: s\nperiod: 2024\nvalues:\n  A: false\n  B: false\n  C: true\n  X: 50\n"
# base 10 (C), deductions 50: 10 - 50 = -40, clamped to 0.  Full marks on A: 60 - 50 = 10; on B: 40 - 50 -> 0;
# on D (missing): 20 - 50 -> 0; on A and B together: 90 - 50 = 40; on everything: 100 - 50 = 50.
EXPECTED = {"A": 10.0, "B": 0.0, "C": 0.0, "D": 0.0, "X": 0.0}


@pytest.fixture
def tree(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rubrics").mkdir()
    (tmp_path / "rubrics" / "clamp.yaml").write_text(RUBRIC, encoding="utf-8")
    (tmp_path / "submissions" / "s").mkdir(parents=True)
    (tmp_path / "submissions" / "s" / "2024.yaml").write_text(SUB, encoding="utf-8")
    return tmp_path


def run(*args):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def test_score_and_gaps_of_one_report_agree_on_every_measure(tree):
    r = run("report", "submissions/", "-o", "out")
    assert r.exit_code == 0, r.output
    score = json.loads((tree / "out/s/2024.clamp.score.json").read_text(encoding="utf-8"))
    gaps = json.loads((tree / "out/s/2024.clamp.gaps.json").read_text(encoding="utf-8"))
    assert score["total"] == 0 and gaps["total"] == 0
    in_score = {m["id"]: m["recoverable"] for m in score["measures"]}
    assert in_score == EXPECTED
    in_gaps = {g["id"]: g["recoverable"] for g in gaps["gaps"]}
    assert in_gaps == {k: in_score[k] for k in ("A", "B", "D")}
    assert {i["id"]: i["at_stake"] for i in gaps["missing"]} == {"D": in_score["D"]}
    rows = csv.DictReader(io.StringIO((tree / "out/s/2024.clamp.score.csv").read_text(encoding="utf-8-sig")))
    assert {row["measure"]: float(row["recoverable"]) for row in rows} == in_score
    rows = csv.DictReader(io.StringIO((tree / "out/s/2024.clamp.gaps.csv").read_text(encoding="utf-8-sig")))
    assert {row["measure"]: float(row["recoverable"]) for row in rows if row["rank"]} == in_gaps


def test_sets_of_gaps_recover_what_full_marks_on_all_of_them_add(tree):
    gaps = json.loads(run("gaps", "submissions/s/2024.yaml", "-f", "json").stdout)
    assert gaps["recoverable"] == 50.0
    owners = {o["unit"]: (o["lead_points"], o["co_points"]) for o in gaps["by_owner"]}
    # u leads A and B: 90 - 50 = 40 together, not 10 + 0; v leads D (0) and shares B (0).
    assert owners == {"u": (40.0, 0.0), "v": (0.0, 0.0)}
    groups = {i["id"]: i["recoverable"] for i in gaps["by_indicator"]}
    assert groups == {"G": 50.0, "H": 40.0}


def test_score_and_gaps_tables_print_the_same_figure(tree):
    score = run("score", "submissions/s/2024.yaml", "-f", "csv").stdout
    rows = {row["measure"]: row["recoverable"] for row in csv.DictReader(io.StringIO(score.lstrip("\ufeff")))}
    assert rows["A"] == "10.0"
    table = run("gaps", "submissions/s/2024.yaml", "--lang", "en").stdout
    assert "60" not in table.split("recoverable")[1].split("\n")[0]  # the headline figure is 50
    assert "recoverable 50" in table


def test_long_table_csv_shows_the_clamped_figure(tree):
    (tree / "long.csv").write_text("subject,period,measure,value\n" + "".join(
        f"{s},2024,{m},{v}\n" for s in ("s", "t") for m, v in (("A", "false"), ("B", "false"), ("C", "true"),
                                                                ("X", "50"))), encoding="utf-8")
    # in a fresh process: after some other tests, pandas' in-process state breaks read_csv (see the report)
    r = subprocess.run([sys.executable, "-m", "engine", "score", "long.csv", "--rubric", "rubrics/clamp.yaml", "-f",
                        "csv"], capture_output=True, text=True, encoding="utf-8", cwd=tree,
                       env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert r.returncode == 0, r.stderr
    rows = [row for row in csv.DictReader(io.StringIO(r.stdout.lstrip("\ufeff"))) if row["subject"] == "s"]
    assert {row["measure"]: float(row["recoverable"]) for row in rows} == EXPECTED


def test_without_the_clamp_recoverable_is_exactly_the_lost_points(tree):
    (tree / "submissions/s/2024.yaml").write_text(SUB.replace("X: 50", "X: 0"), encoding="utf-8")
    card = pipeline.run_one(tree / "submissions/s/2024.yaml", pipeline.RubricFinder()).card
    assert [(m.id, m.recoverable) for m in card.measures] == [("A", 50.0), ("B", 30.0), ("C", 0.0), ("D", 10.0),
                                                             ("X", 0.0)]
    assert analyse(card).recoverable == 90.0


@settings(max_examples=150)
@given(st.lists(st.tuples(st.integers(1, 60), st.booleans()), min_size=1, max_size=6),
       st.integers(0, 150), st.integers(0, 20), st.one_of(st.none(), st.integers(0, 15)))
def test_recoverable_is_what_full_marks_add_to_the_total(checks, deducted, bonus, bonus_cap):
    """Each measure's figure is exactly how much the (unrounded) total rises when that measure gets full marks,
    and the gap report's figure for all of them is how much it rises when they all do."""
    measures = [Measure(f"M{i}", L, "check", points) for i, (points, _) in enumerate(checks)]
    mods = (Measure("X", L, "deduction", 0, {"per": 1}), Measure("Y", L, "bonus", 0, {"per": 1}))
    rubric = Rubric("r", "1", L, (Group("G", L, (*measures, *mods)),), (Grade("a", L, 50), Grade("b", L, 0)),
                    bonus_cap=bonus_cap, normalize=True)
    values = {f"M{i}": Entry(v) for i, (_, v) in enumerate(checks)} | {"X": Entry(deducted), "Y": Entry(bonus)}
    card = score(rubric, Submission("r", "s", "s", 2024, values))
    for m in card.measures:
        full = score(rubric, Submission("r", "s", "s", 2024, values | {m.id: Entry(True)})) if m.fraction == 0 \
            else card
        assert abs(m.recoverable - (full.totals.total() - card.totals.total())) < 1e-9, m.id
    every = score(rubric, Submission("r", "s", "s", 2024, values | {m.id: Entry(True) for m in measures}))
    assert abs(analyse(card).recoverable - (every.totals.total() - card.totals.total())) < 1e-9
