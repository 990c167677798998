"""scorecard progress through typer's CliRunner: exit codes on real files, every format on outcomes that carry
the hand-built filings of conftest."""
import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from engine.cli import app
from engine.cli import progress_cmd
from engine.model import Loc
from engine.outcome import Outcome
from engine.problems import Problem

from .conftest import CAMPAIGN, jinchang, wuwei

ROOT = Path(__file__).resolve().parents[2]

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
    assert "jc/2024.yaml:5" in r.stderr and "1 份提交中有 1 份有误" in r.stderr  # the rubric's language: zh


def test_no_file_exits_1(files):
    (files / "empty").mkdir()
    assert run("empty").exit_code == 1


def test_table_of_two_subjects_is_the_summary_and_detail_gives_the_unit_tables(fake):
    fake()
    r = run("x")
    assert r.exit_code == 0, r.output
    assert "各评估对象填报进度 · 创建测评" in r.stdout and "各单位合计（按缺失分值排序）" in r.stdout
    assert "覆盖率 40%（2/5 项基础指标已填报）" not in r.stdout and "--detail" in r.stdout
    r = run("x", "--detail")
    assert "覆盖率 40%（2/5 项基础指标已填报）" in r.stdout and "各单位合计（按缺失分值排序）" in r.stdout
    assert "尚未填报任何指标的单位: 市教育局" in r.stdout and "各评估对象填报进度" not in r.stdout


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
    assert r.exit_code == 0 and "已写入" in r.stderr
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


PART = "rubric: drive@1\nsubject: {{id: {sid}, name: {name}}}\nperiod: 2024\n{by}values:\n{values}"


def part(root, sid, name, file, by, **values):
    path = root / "submissions" / sid / "2024" / file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(PART.format(sid=sid, name=name, by=f"filed_by: {by}\n" if by else "",
                                values="".join(f"  {k}: {v}\n" for k, v in values.items())), encoding="utf-8")


def test_parts_filed_by_units_end_to_end(files):
    """金昌市: tjj files M1 (jyj's, co-owned) and M2, the city M5: jyj owes M3 (10), tjj nothing, mzw M3 M4
    (20) and has filed nothing; coverage 3/5, 20 points (M3 + M4).  武威市: as conftest.wuwei, mzw's part
    invalid.  Across both: jyj 10 + 30 = 40 with 3 missing, mzw 20 + 20 = 40 with 3, tjj 0 + 20."""
    part(files, "jc", "金昌市", "tjj.yaml", "tjj", M1="true", M2=80)
    part(files, "jc", "金昌市", "city.yaml", None, M5="true")
    part(files, "ww", "武威市", "tjj.yaml", "tjj", M2=80)
    part(files, "ww", "武威市", "mzw.yaml", "mzw", M4="很多")
    r = run("submissions", "--format", "json")
    assert r.exit_code == 1 and "mzw.yaml:6" in r.stderr  # the invalid part, located
    jc, ww = json.loads(r.stdout)["subjects"]
    assert (jc["filed"], jc["coverage_pct"], jc["points_missing"], jc["filed_nothing"]) == (3, 60.0, 20.0, ["mzw"])
    assert [(u["unit"], u["filed"], u["missing"], u["points_missing"]) for u in jc["units"]] == [
        ("jyj", 1, 1, 10.0), ("tjj", 2, 0, 0.0), ("mzw", 0, 2, 20.0)]
    assert sorted(jc["parts"]) == ["submissions/jc/2024/city.yaml", "submissions/jc/2024/tjj.yaml"]
    assert (ww["invalid_measures"], ww["points_missing"], ww["filed_nothing"]) == (["M4"], 60.0, ["jyj"])
    units = json.loads(r.stdout)["units"]
    assert [(u["unit"], u["missing"], u["points_missing"], u["filed_nothing"]) for u in units] == [
        ("jyj", 3, 40.0, 1), ("mzw", 3, 40.0, 1), ("tjj", 1, 20.0, 0)]


def test_a_long_table_counts_the_subjects_own_values(files):
    """s files M1 M2: jyj owes M3 (10), mzw M3 M4 (20); t files M5 only: every unit has filed nothing."""
    (files / "long.csv").write_text("subject,period,measure,value\ns,2024,M1,true\ns,2024,M2,80\nt,2024,M5,true\n",
                                    encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "engine", "progress", "long.csv", "--rubric", "rubrics/drive.yaml",
                        "-f", "json"], capture_output=True, text=True, encoding="utf-8", cwd=files,
                       env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert r.returncode == 0, r.stderr
    s, t = json.loads(r.stdout)["subjects"]
    assert (s["filed"], s["points_missing"], s["filed_nothing"]) == (2, 40.0, ["mzw"])
    assert (t["filed"], t["points_missing"], t["filed_nothing"]) == (1, 80.0, ["jyj", "tjj", "mzw"])


def test_it_validates_only(monkeypatch, campaign):
    """Counting needs who filed what, not a score: the pipeline is asked for no scorecards."""
    asked = {}

    def fake_run(*args, **kwargs):
        asked.update(kwargs)
        return iter([Outcome("jc/2024", filing=jinchang(campaign))])

    monkeypatch.setattr(progress_cmd, "run", fake_run)
    assert run("x").exit_code == 0
    assert asked["scoring"] is False


def test_unit_shows_its_list_and_filters_json(fake):
    fake()
    r = run("x", "--unit", "市民族宗教事务委员会")
    assert r.exit_code == 0, r.output
    assert "责任清单：尚欠指标" in r.stdout and "重大事件" not in r.stdout  # a veto is no base measure
    assert r.stdout.count("教育基地") == 2  # M4 owed in both subjects
    data = json.loads(run("x", "--unit", "mzw", "-f", "json").stdout)
    assert [[u["unit"] for u in s["units"]] for s in data["subjects"]] == [["mzw"], ["mzw"]]
    assert [(u["unit"], u["missing"], u["invalid"], u["points_missing"]) for u in data["units"]] == [
        ("mzw", 3, 1, 40.0)]


def test_subject_shows_its_unit_table(fake):
    fake()
    r = run("x", "--subject", "武威市")
    assert r.exit_code == 0
    assert "武威市 · 2024 · 创建测评" in r.stdout and "金昌市" not in r.stdout and "各单位合计" not in r.stdout
    rows = list(csv.DictReader(io.StringIO(run("x", "--subject", "ww", "-f", "csv").stdout)))
    assert [(r["subject"], r["unit"], r["points_missing"]) for r in rows] == [
        ("ww", "jyj", "30.0"), ("ww", "tjj", "20.0"), ("ww", "mzw", "20.0")]


def test_an_unknown_unit_is_exit_2_with_the_closest(fake):
    fake()
    r = run("x", "--unit", "mzx")
    assert r.exit_code == 2 and "did you mean 'mzw'" in r.stderr


def test_the_shipped_campaign_fits_80_columns(monkeypatch):
    """submissions/: the summary, a row a submission, and every line within 80 cells."""
    from rich.cells import cell_len

    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("COLUMNS", "80")
    r = run("submissions/example-city", "submissions/jinchang")
    assert r.exit_code == 0, r.output
    assert max(cell_len(x) for x in r.stdout.splitlines()) <= 80
    assert "各评估对象填报进度 · 全国民族团结进步示范市测评" in r.stdout
    assert len(r.stdout.splitlines()) < 120
