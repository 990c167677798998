"""scorecard progress through typer's CliRunner: exit codes on real files, every format on outcomes that carry
the hand-built filings of conftest."""
import csv
import io
import json

import pytest
from typer.testing import CliRunner

from engine.cli import app
from engine.cli import progress_cmd
from engine.model import Loc
from engine.outcome import Outcome
from engine.problems import Problem

from .conftest import CAMPAIGN, jinchang, wuwei

SUB = """\
rubric: drive@1
subject: {id: jc, name: 金昌市}
period: 2024
values:
  M1: true
  M5: true
"""


def run(*args):
    return CliRunner().invoke(app, ["progress", *args], catch_exceptions=False)


@pytest.fixture
def files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rubrics").mkdir()
    (tmp_path / "rubrics" / "drive.yaml").write_text(CAMPAIGN, encoding="utf-8")
    (tmp_path / "jc").mkdir()
    (tmp_path / "jc" / "2024.yaml").write_text(SUB, encoding="utf-8")
    return tmp_path


@pytest.fixture
def fake(monkeypatch, campaign):
    """progress_cmd.run yields two outcomes with the filings of conftest (the second invalid when asked)."""

    def make(invalid: bool = False):
        bad = (Problem(Loc("ww/2024/mzw.yaml", 4, 5), "not a number", "M4"),) if invalid else ()
        outcomes = [Outcome("jc/2024", filing=jinchang(campaign)), Outcome("ww/2024", problems=bad,
                                                                            filing=wuwei(campaign))]
        monkeypatch.setattr(progress_cmd, "run", lambda *a, **k: iter(outcomes))

    return make


def test_a_valid_file_exits_0(files):
    r = run("jc/2024.yaml")
    assert r.exit_code == 0, r.output


def test_an_invalid_file_exits_1(files):
    (files / "jc" / "2024.yaml").write_text(SUB.replace("M1: true", "M1: maybe"), encoding="utf-8")
    r = run("jc/2024.yaml")
    assert r.exit_code == 1
    assert "jc/2024.yaml:5" in r.stderr and "1 of 1 submission(s) invalid" in r.stderr


def test_no_file_exits_1(files):
    (files / "empty").mkdir()
    assert run("empty").exit_code == 1


def test_table(fake):
    fake()
    r = run("x")
    assert r.exit_code == 0, r.output
    assert "覆盖率 40%（2/5 项基础指标已填报）" in r.stdout and "各单位合计（按缺失分值排序）" in r.stdout
    assert "尚未填报任何指标的单位: 市教育局" in r.stdout


def test_missing_is_no_error_but_an_invalid_part_is_and_its_progress_still_shows(fake):
    fake(invalid=True)
    r = run("x", "--format", "json")
    assert r.exit_code == 1
    assert "ww/2024/mzw.yaml:4:5: M4: not a number" in r.stderr
    data = json.loads(r.stdout)
    assert [s["subject"]["id"] for s in data["subjects"]] == ["jc", "ww"]
    assert data["subjects"][1]["invalid_measures"] == ["M4"]


def test_markdown_english(fake):
    fake()
    r = run("x", "-f", "markdown", "--lang", "en")
    assert r.exit_code == 0
    assert r.stdout.startswith("# Filing progress\n")
    assert "| Statistics Bureau | 2 | 2 | 2 | 2 | 1 | 1 | **60** |  |" in r.stdout


def test_csv_to_a_file_with_a_bom(fake, tmp_path):
    fake()
    out = tmp_path / "进度.csv"
    r = run("x", "--format", "csv", "-o", str(out))
    assert r.exit_code == 0 and "wrote" in r.stderr
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [(r["subject"], r["unit"], r["points_missing"]) for r in rows] == [
        ("jc", "jyj", "10.0"), ("jc", "tjj", "40.0"), ("jc", "mzw", "20.0"),
        ("ww", "jyj", "30.0"), ("ww", "tjj", "20.0"), ("ww", "mzw", "20.0")]


def test_help_teaches_the_definitions():
    r = CliRunner().invoke(app, ["progress", "--help"])
    assert r.exit_code == 0
    for words in ("填报进度", "co-owner", "Coverage", "base measures only", "--rubrics-dir", "--long", "--lang"):
        assert words in r.stdout.replace("\n", " ") or words.lower() in r.stdout.lower().replace("\n", " ")
