"""scorecard compare, in-process through typer's CliRunner."""
import json

import pytest
from typer.testing import CliRunner

from engine.cli import app
from engine.cli.compare_cmd import CompareFormat
from engine.formats import compare as compare_formats
from tests.compare.conftest import LEAGUE, SERIES, TREND


@pytest.fixture
def files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rubrics").mkdir()
    (tmp_path / "rubrics" / "trend.yaml").write_text(TREND, encoding="utf-8")
    for rel, text in {**LEAGUE, **SERIES}.items():
        (tmp_path / "subs" / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "subs" / rel).write_text(text, encoding="utf-8")
    return tmp_path


def run(*args):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def test_table(files):
    r = run("compare", "subs")
    assert r.exit_code == 0, r.output
    assert "排名（各对象最新一期）" in r.stdout and "一票否决" in r.stdout and "变化趋势 · 昭通市" in r.stdout


def test_json_period(files):
    r = run("compare", "subs", "--period", "2024", "--format", "json")
    assert r.exit_code == 0
    league = json.loads(r.stdout)[0]["league"]  # a folder: an array (one comparison per rubric)
    assert league["period"] == 2024
    assert [(s["rank"], s["subject"]["id"]) for s in league["standings"]] == [
        (1, "anning"), (1, "chuxiong"), (3, "zt"), (4, "dali"), (5, "baoshan")]


def test_markdown_to_file(files):
    r = run("compare", "subs", "-f", "markdown", "-o", "reports/compare.md", "--lang", "en")
    assert r.exit_code == 0
    md = (files / "reports" / "compare.md").read_text(encoding="utf-8")
    assert md.startswith("# Trend assessment\n\n## League table (each subject's latest period) · 2024–2026")


def test_invalid_exit_1(files):
    (files / "subs" / "zt" / "2027.yaml").write_text("rubric: trend@1\nsubject: zt\nperiod: 2027\nvalues: {G9: 1}\n",
                                                      encoding="utf-8")
    r = run("compare", "subs", "-f", "json")
    assert r.exit_code == 1 and "'G9' 不是本评分标准中的指标" in r.stderr  # the rubric's language: zh
    assert [c["rubric"]["id"] for c in json.loads(r.stdout)] == ["trend"]


def test_refuses_to_write_into_submissions(files):
    (files / "submissions").mkdir()
    r = run("compare", "subs", "-f", "json", "-o", "submissions/x.json", "--lang", "en")
    assert r.exit_code == 2 and "never writes into submissions/" in r.stderr
    assert not (files / "submissions" / "x.json").exists()


def test_help_and_registry():
    assert "Example: scorecard compare" in run("compare", "--help").stdout
    assert [f.value for f in CompareFormat] == list(compare_formats.FORMATS)
