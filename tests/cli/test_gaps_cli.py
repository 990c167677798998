"""scorecard gaps, in-process through typer's CliRunner."""
import json

import pytest
from typer.testing import CliRunner

from engine.cli import app
from engine.cli.gaps_cmd import GapFormat
from engine.formats import gaps as gap_formats
from tests.gaps.rubrics import TOWN, TOWN_66, town_sub


@pytest.fixture
def files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rubrics").mkdir()
    (tmp_path / "rubrics" / "town.yaml").write_text(TOWN, encoding="utf-8")
    (tmp_path / "subs" / "jc").mkdir(parents=True)
    (tmp_path / "subs" / "jc" / "2024.yaml").write_text(town_sub(**TOWN_66), encoding="utf-8")
    return tmp_path


def run(*args):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def test_json(files):
    r = run("gaps", "subs/jc/2024.yaml", "--format", "json")
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert data["next_grade"]["measures"] == ["A.M2", "B.M2"] and data["next_grade"]["needs"] == 14.0
    assert [g["id"] for g in data["gaps"]] == ["A.M2", "B.M2", "B.M3", "B.M1"]


def test_table_by_owner_top(files):
    r = run("gaps", "subs", "--by", "owner", "--top", "1")
    assert r.exit_code == 0
    assert "市民族宗教事务委员会 (mzw) — 牵头 1 项 +10，配合 2 项 +20" in r.stdout
    assert "B.M3 平安建设" in r.stdout and "A.M2 知晓率" in r.stdout.split("(tjj)")[1]
    assert "A.M2 知晓率" not in r.stdout.split("(mzw)")[1].split("(tjj)")[0]  # --top 1 per unit


def test_table_by_indicator_english(files):
    r = run("gaps", "subs", "--by", "indicator", "--lang", "en")
    assert r.exit_code == 0
    assert "Attainment by indicator" in r.stdout and "B Welfare" in r.stdout and "40.0%" in r.stdout


def test_csv_to_file_with_bom(files):
    r = run("gaps", "subs", "--format", "csv", "-o", "out/gaps.csv")
    assert r.exit_code == 0 and "已写入" in r.stderr  # the rubric's language: zh
    raw = (files / "out" / "gaps.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfsubject,") and "A.M2,知晓率".encode() in raw


def test_invalid_file_exit_1_valid_still_reported(files):
    (files / "subs" / "zz").mkdir()
    (files / "subs" / "zz" / "2024.yaml").write_text(town_sub("zz", "镇雄县", A_M2="lots"), encoding="utf-8")
    r = run("gaps", "subs", "--format", "json")
    assert r.exit_code == 1
    assert "subs/zz/2024.yaml" in r.stderr and "应为数字" in r.stderr
    assert [g["subject"]["id"] for g in json.loads(r.stdout)] == ["jc"]  # a folder: an array, even of one valid


def test_usage_errors_exit_2(files):
    assert run("gaps", "nowhere").exit_code == 2
    assert run("gaps", "subs", "--by", "department").exit_code == 2
    assert run("gaps", "subs", "--top", "0").exit_code == 2


def test_help_teaches():
    r = run("gaps", "--help")
    assert r.exit_code == 0 and "Example: scorecard gaps" in r.stdout


def test_formats_come_from_the_registry():
    assert [f.value for f in GapFormat] == list(gap_formats.FORMATS)
