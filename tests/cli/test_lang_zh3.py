"""The problems a newcomer's first hand-written file meets most (an unknown or missing header key, a key given
twice, NaN, broken YAML) read in Chinese on a zh terminal, each still FILE:LINE:COL with its measure id; and
exactly as before in English."""
from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from engine.cli import app

RUBRIC = str(Path(__file__).resolve().parents[2] / "rubrics" / "ethnic-unity-city.yaml")
HEAD = "rubric: ethnic-unity-city@2024.1\nsubject: {id: baiyin, name: 白银市}\nperiod: 2025\n"
BAD = HEAD + "foo: 1\nvalues:\n  D1.I01.M03: 3\n  D1.I01.M03: 4\n  D1.I01.M06: .nan\n"


def validate(path: Path, *more: str):
    return CliRunner().invoke(app, ["validate", str(path), "--rubric", RUBRIC, *more], catch_exceptions=False,
                              env={"COLUMNS": "200"})


def bad(tmp_path: Path, lang: str) -> tuple[Path, str]:
    f = tmp_path / "bad.yaml"
    f.write_text(BAD, encoding="utf-8")
    return f, validate(f, "--lang", lang).output


def test_header_duplicate_and_nan_in_chinese(tmp_path):
    f, out = bad(tmp_path, "zh")
    assert f"{f}:4:1: 未知的键 'foo'；可用的键：rubric, subject, period, values," in out
    assert f"{f}:7:3: D1.I01.M03: 键 'D1.I01.M03' 重复：第 6 行已有，第 7 行又出现" in out
    assert f"{f}:8:15: D1.I01.M06: '.nan'：不允许 NaN 和无穷大" in out
    assert "unknown key" not in out and "duplicate key" not in out and "not allowed" not in out


def test_missing_keys_values_shape_and_broken_yaml_in_chinese(tmp_path):
    shape, broken = tmp_path / "shape.yaml", tmp_path / "broken.yaml"
    shape.write_text("values: 3\n", encoding="utf-8")
    broken.write_text(HEAD + 'values:\n  D1.I01.M06: "abc\n', encoding="utf-8")
    out = validate(shape, "--lang", "zh").output + validate(broken, "--lang", "zh").output
    assert f"{shape}:1:1: 缺少必填的键 'rubric'" in out and "'values' 应写成“指标编号: 数值”的映射" in out
    assert f"{broken}:" in out and "YAML 格式错误：" in out and "invalid YAML" not in out


def test_english_unchanged(tmp_path):
    f, out = bad(tmp_path, "en")
    assert f"{f}:4:1: unknown key 'foo'; expected: rubric, subject, period, values," in out
    assert f"{f}:7:3: D1.I01.M03: duplicate key 'D1.I01.M03': first at line 6, again at line 7" in out
    assert f"{f}:8:15: D1.I01.M06: '.nan': NaN and infinity are not allowed" in out


def test_table_readers_in_chinese(tmp_path):
    t = tmp_path / "t.csv"
    t.write_text("subject,period,measure,value,extra\nbaiyin,2025,,3,x\nlanzhou,2025,D1.I01.M03,3,y\n",
                 encoding="utf-8")
    head = tmp_path / "h.csv"
    head.write_text("subject,foo\na,b\nc,d\n", encoding="utf-8")
    out = validate(t, "--lang", "zh").output + validate(head, "--lang", "zh", "--long").output
    assert f"{t}:1:5: 警告: 列 'extra' 不会读取（可识别的列：subject, period, measure, value," in out
    assert f"{t}:2:3: 这一行没有指标编号" in out
    assert "表头须有 measure 和 value 列（或 指标 和 数值）；缺少 measure 和 value，现有：subject, foo" in out
    assert "is not read" not in out and "has no measure" not in out and "header row needs" not in out
