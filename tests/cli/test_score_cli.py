"""scorecard score, in-process through typer's CliRunner."""
import json

import pytest
from typer.testing import CliRunner

from engine.cli import app

RUBRIC = """\
rubric: demo
version: "1"
title: {zh: 演示测评, en: Demo}
grades:
  - {id: good, label: {zh: 良好, en: Good}, min: 80}
  - {id: fail, label: {zh: 不合格, en: Fail}, min: 0}
tree:
  - id: D1
    label: {zh: 组织领导, en: Leadership}
    children:
      - {id: D1.M01, label: {zh: 成立领导小组, en: Leading group}, method: check, points: 40}
      - {id: D1.M02, label: {zh: 知晓率, en: Awareness}, method: linear, floor: 50, target: 90, points: 60, unit: "%", min: 0, max: 100}
  - id: X
    label: {zh: 否决, en: Veto}
    children:
      - {id: X.V01, label: {zh: 重大事件, en: Major incident}, method: veto}
"""

SUB = """\
rubric: demo@1
subject: {id: jc, name: 金昌市}
period: 2024
values:
  D1.M01: true
  D1.M02: "80%"
"""


@pytest.fixture
def files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rubrics").mkdir()
    (tmp_path / "rubrics" / "demo.yaml").write_text(RUBRIC, encoding="utf-8")
    (tmp_path / "subs" / "jc").mkdir(parents=True)
    (tmp_path / "subs" / "jc" / "2024.yaml").write_text(SUB, encoding="utf-8")
    return tmp_path


def run(*args):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def test_json_finds_rubric_by_name(files):
    r = run("score", "subs", "--format", "json")
    assert r.exit_code == 0, r.output
    [data] = json.loads(r.stdout)  # a folder: an array, even of one
    # 40 + 60 * (80 - 50) / 40 = 85
    assert data["total"] == 85.0 and data["grade"] == {"id": "good", "label": "良好"}
    assert data["measures"][1] == {**data["measures"][1], "value": 80, "original": "80%", "score": 45.0,
                                   "max": 60.0, "status": "partial", "gap": 15.0}
    assert data["measures"][2]["status"] == "missing" and data["vetoed"] is False


def test_table_lines_up_and_shows_grade(files):
    r = run("score", "subs/jc/2024.yaml", "--lang", "en")
    assert r.exit_code == 0
    assert "Total 85 / 100" in r.stdout and "Good" in r.stdout and "Leading group" in r.stdout


def test_veto_banner(files):
    (files / "subs/jc/2024.yaml").write_text(SUB + "  X.V01: true\n", encoding="utf-8")
    r = run("score", "subs")
    assert "一票否决" in r.stdout and "VETOED" not in r.stdout and "不合格" in r.stdout
    assert "一票否决 VETOED" in run("score", "subs", "--lang", "en").stdout


def test_invalid_value_located_and_exit_1(files):
    (files / "subs/jc/2024.yaml").write_text(SUB.replace('"80%"', "lots") + "  D1.M99: 1\n",
                                              encoding="utf-8")
    r = run("score", "subs", "--format", "json", "--lang", "en")
    assert r.exit_code == 1
    assert "subs/jc/2024.yaml:6:11: D1.M02: linear: expected a number, got 'lots'" in r.stderr
    assert "subs/jc/2024.yaml:7:3: D1.M99: 'D1.M99' is not a measure of this rubric (did you mean 'D1.M02'?)" \
        in r.stderr
    zh = run("score", "subs", "--format", "json").stderr  # the rubric's language
    assert "subs/jc/2024.yaml:6:11: D1.M02: linear：应为数字，实为 'lots'" in zh
    assert "subs/jc/2024.yaml:7:3: D1.M99: 'D1.M99' 不是本评分标准中的指标（是否应为 'D1.M02'？）" in zh


def test_output_file_written(files):
    r = run("score", "subs", "-f", "csv", "-o", "out/score.csv")
    assert r.exit_code == 0
    text = (files / "out/score.csv").read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].startswith("subject,subject_name,period,measure")
    assert "D1.M02,知晓率,linear,80,45.0,60.0,partial" in text


def test_refuses_to_write_into_submissions(files):
    (files / "submissions").mkdir()
    r = run("score", "subs", "-f", "json", "-o", "submissions/x.json")
    assert r.exit_code == 2 and "never writes into submissions/" in r.stderr


def test_unknown_rubric_named(files):
    (files / "subs/jc/2024.yaml").write_text(SUB.replace("demo@1", "dmeo"), encoding="utf-8")
    r = run("score", "subs")
    assert r.exit_code == 1
    assert "rubric 'dmeo' is not in rubrics/ (did you mean 'demo'?)" in r.stderr


def test_broken_rubric_exits_2(files):
    (files / "rubrics/demo.yaml").write_text(RUBRIC.replace("points: 40", "points: 30"), encoding="utf-8")
    r = run("score", "subs", "--rubric", "rubrics/demo.yaml")
    assert r.exit_code == 2
    assert "the base tree is worth 90 points but scale is 100" in r.stderr


def test_missing_path_is_usage_error(files):
    assert run("score", "nope").exit_code == 2


def test_bad_format_is_usage_error(files):
    assert run("score", "subs", "--format", "pdf").exit_code == 2


def test_markdown(files):
    r = run("score", "subs", "-f", "markdown")
    assert "# 金昌市 · 2024 · 演示测评" in r.stdout and "| D1.M02 | 知晓率 | 80% | 45 | 60 | 部分得分 |" in r.stdout
    assert "| D1.M01 | 成立领导小组 | 是 | 40 | 40 | 满分 |" in r.stdout  # a status in words, not its key


def test_table_speaks_the_rubrics_language(files):
    r = run("score", "subs/jc/2024.yaml")
    assert "总分 85 / 100" in r.stdout and "等级 良好" in r.stdout
    assert "各测评项" in r.stdout and "部分得分" in r.stdout and "80%" in r.stdout
