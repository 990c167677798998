"""CSV and XLSX submissions waive a measure with the value cell waived (不适用, 豁免) and the row's reason,
approved_by and expires cells (理由, 批准单位, 有效期至)."""
from __future__ import annotations

import datetime as dt

from engine import pipeline

from .conftest import cli


def run(files, tmp_path, text: str, name: str = "a/2024.csv"):
    rubric, path = files(text, name=name)
    return pipeline.run_one(path, pipeline.RubricFinder(str(rubric))), rubric, path


CSV = ("measure,value,reason,approved_by,expires\n"
       "G1.M1,waived,本市无牧区,自治区民委,2026-12-31\n"
       "G1.M2,true,,,\n"
       "G2.M1,false,,,\n")


def test_a_csv_waiver_scores_like_the_yaml_one(files, tmp_path):
    o, _, _ = run(files, tmp_path, CSV)
    assert o.ok, [str(p) for p in o.problems]
    w = o.card.submission.waivers["G1.M1"]
    assert (w.reason, w.approved_by, w.expires) == ("本市无牧区", "自治区民委", "2026-12-31")
    assert o.card.measure("G1.M1").status == "waived" and o.card.total == 10.0


def test_chinese_headers_and_words(files, tmp_path):
    text = "指标,数值,理由,批准单位,有效期至\nG1.M1,不适用,本市无牧区,自治区民委,\nG1.M2,true,,,\n"
    o, _, _ = run(files, tmp_path, text)
    assert o.ok and o.card.submission.waivers["G1.M1"].expires == ""


def test_a_waived_row_needs_reason_and_approver(files, tmp_path):
    o, _, path = run(files, tmp_path, "measure,value,reason\nG1.M1,waived,\n")
    assert [str(p) for p in o.problems if p.level == "error"] == [
        f"{path}:2:1: G1.M1: a waiver needs {k} ({why}): in a table, a waived row (value waived, 不适用) has the "
        "columns reason, approved_by and expires"
        for k, why in (("reason", "why the measure does not apply"), ("approved_by", "who approved the waiver"))]


def test_waiver_cells_on_a_row_with_a_value(files, tmp_path):
    o, _, path = run(files, tmp_path, "measure,value,reason,approved_by\nG1.M2,true,x,\n")
    assert [str(p) for p in o.problems if p.level == "error"] == [
        f"{path}:2:3: G1.M2: reason is for a waived measure: write waived (不适用) as its value, or leave this cell "
        "empty"]


def test_a_table_expiry_is_located_at_its_cell(files, tmp_path):
    _, rubric, path = run(files, tmp_path, CSV)
    r = cli("validate", str(path), "--rubric", str(rubric), "--as-of", "2027-01-01")
    assert r.exit_code == 1 and f"{path}:2:5: G1.M1: waiver expired on 2026-12-31" in r.output


def test_xlsx_with_a_date_cell(files, tmp_path):
    import openpyxl

    rubric, _ = files("", name="unused.yaml")
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (["measure", "value", "理由", "批准单位", "有效期至"],
                ["G1.M1", "不适用", "本市无牧区", "自治区民委", dt.date(2026, 12, 31)], ["G1.M2", True]):
        ws.append(row)
    ws["E2"].number_format = "yyyy-mm-dd"
    path = tmp_path / "a" / "2024.xlsx"
    path.parent.mkdir()
    wb.save(path)
    o = pipeline.run_one(path, pipeline.RubricFinder(str(rubric)))
    assert o.ok and o.card.submission.waivers["G1.M1"].expires == "2026-12-31"
    assert o.card.measure("G1.M1").status == "waived"
