"""scorecard init, in-process through typer's CliRunner."""
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from engine import pipeline, yamlstrict
from engine.cli import app

RUBRIC = """\
rubric: demo
version: "1"
title: {zh: 演示测评, en: Demo}
units:
  mzw: {zh: 市民族宗教事务委员会, en: Ethnic Affairs Commission}
grades:
  - {id: good, label: {zh: 良好, en: Good}, min: 80}
  - {id: fail, label: {zh: 不合格, en: Fail}, min: 0}
tree:
  - id: D1
    label: {zh: 组织领导, en: Leadership}
    children:
      - {id: D1.M01, label: {zh: 成立领导小组, en: Leading group}, method: check, points: 40, owners: [mzw],
         guidance: 以发文为准}
      - {id: D1.M02, label: {zh: 知晓率, en: Awareness}, method: linear, floor: 50, target: 90, points: 60,
         unit: "%", min: 0, max: 100}
"""


@pytest.fixture
def files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rubrics").mkdir()
    (tmp_path / "rubrics" / "demo.yaml").write_text(RUBRIC, encoding="utf-8")
    return tmp_path


def run(*args):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def test_yaml_template_to_stdout(files):
    r = run("init", "rubrics/demo.yaml", "--subject", "jc", "--period", "2024", "--name", "金昌市")
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    # no docs/schemas/demo.schema.json here: no modeline pointing at nothing, a comment on how to get one
    assert not lines[0].startswith("# yaml-language-server:") and lines[0].startswith("# Editor help")
    at = lines.index("rubric: demo@1")
    assert lines[at:at + 4] == ["rubric: demo@1", "subject: {id: jc, name: 金昌市}", "period: 2024", "values:"]
    assert lines[at + 4:] == [
        "",
        "  # D1 组织领导",
        "  # D1.M01 成立领导小组",
        "  #   en: Leading group",
        "  #   method: check — write true or false; true earns full points",
        "  #   points: 40 · owners: 市民族宗教事务委员会 · evidence: optional",
        "  #   guidance: 以发文为准",
        "  # D1.M01: ",
        "",
        "  # D1 组织领导",
        "  # D1.M02 知晓率",
        "  #   en: Awareness",
        "  #   method: linear 50→90%; full points at 90% — write a number",
        "  #   points: 60 · unit: % · plausible range: [0, 100] · evidence: optional",
        "  # D1.M02: ",
    ]


def test_yaml_template_to_a_file_validates(files):
    r = run("init", "demo", "--subject", "jc", "--period", "2024", "-o", "out/jc/2024.yaml", "--schema-path",
            "../schemas/demo.json")
    assert r.exit_code == 0, r.output
    assert "wrote" in r.stderr and "out/jc/2024.yaml" in r.stderr
    text = (files / "out/jc/2024.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schemas/demo.json\n")
    assert yamlstrict.load_text(text).data["subject"] == {"id": "jc", "name": "jc"}
    v = run("validate", "out/jc/2024.yaml")
    assert v.exit_code == 0, v.output


def test_xlsx_template_filled_in_scores(files):
    r = run("init", "rubrics/demo.yaml", "--subject", "jc", "--period", "2024", "--format", "xlsx", "-o",
            "out/jc/2024.xlsx")
    assert r.exit_code == 0, r.output
    path = files / "out/jc/2024.xlsx"
    wb = load_workbook(path)
    ws = wb["submission"]
    ws["I2"], ws["I3"] = "true", "80%"
    wb.save(path)
    out = pipeline.run_one(path, pipeline.RubricFinder("rubrics/demo.yaml"))
    assert out.ok, [str(p) for p in out.problems]
    assert out.card.total == 85.0 and out.card.submission.rubric == "demo@1"
    s = run("score", "out/jc/2024.xlsx", "--format", "json")
    assert s.exit_code == 0 and '"total": 85.0' in s.stdout


def test_xlsx_needs_an_output_file(files):
    for stdout in ([], ["-o", "-"]):  # '-' is standard output elsewhere: no workbook goes to a terminal, nor a file '-'
        r = run("init", "rubrics/demo.yaml", "--subject", "jc", "--period", "2024", "--format", "xlsx", *stdout)
        assert r.exit_code == 2
        assert "--format xlsx writes a workbook: give the file with -o FILE.xlsx" in r.stderr
    assert not (files / "-").exists()


def test_never_writes_into_submissions(files):
    r = run("init", "rubrics/demo.yaml", "--subject", "jc", "--period", "2024", "-o", "submissions/jc/2024.yaml")
    assert r.exit_code == 2 and "the engine never writes into submissions/" in r.stderr
    assert not (files / "submissions").exists()


def test_unknown_rubric_and_broken_rubric_exit_2(files):
    r = run("init", "demi", "--subject", "jc", "--period", "2024")
    assert r.exit_code == 2 and "rubric 'demi' is not in rubrics/ (did you mean 'demo'?)" in r.stderr
    r = run("init", "nope.yaml", "--subject", "jc", "--period", "2024")
    assert r.exit_code == 2 and "no such rubric file: nope.yaml" in r.stderr
    (files / "bad.yaml").write_text(RUBRIC.replace("points: 60", "points: sixty"), encoding="utf-8")
    r = run("init", "bad.yaml", "--subject", "jc", "--period", "2024")
    assert r.exit_code == 2 and "the rubric cannot be loaded" in r.stderr


def test_subject_and_period_are_required(files):
    r = run("init", "rubrics/demo.yaml", "--period", "2024")
    assert r.exit_code == 2


def test_shipped_rubric_template_has_every_measure():
    root = Path(__file__).resolve().parents[2]
    r = run("init", str(root / "rubrics" / "ethnic-unity-city.yaml"), "--subject", "jinchang", "--period", "2025")
    assert r.exit_code == 0
    value_lines = [ln for ln in r.stdout.splitlines() if re.fullmatch(r"  # [\w.]+: ", ln)]
    assert len(value_lines) == 143 and value_lines[0] == "  # D1.I01.M01: " and value_lines[-1] == "  # V.M07: "


def test_a_period_the_loader_refuses_is_a_usage_error_not_a_traceback(files):
    r = run("init", "rubrics/demo.yaml", "--subject", "jc", "--period", "9" * 5000)
    assert r.exit_code == 2
    assert "too large a number" in r.stderr
