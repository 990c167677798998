"""CSV submissions: located problems, value reading, subject and period, encodings."""
import pytest

from engine import readers

from .helpers import problems, score, write_csv, write_rubric

HEAD = ["measure", "value", "evidence", "note"]


@pytest.fixture
def rubric(tmp_path):
    return write_rubric(tmp_path)


def test_values_read_and_scored(tmp_path, rubric):
    path = write_csv(tmp_path / "jc" / "2024.csv", [
        HEAD,
        ["D1.M01", "TRUE", "市委文件；会议纪要", "双组长"],
        ["D1.M02", "80%", "", ""],
        ["D1.M03", "3.6万", "", ""],
        ["D2.M02", "省级", "", ""],
        ["D2.M04", "4;5;1;3", "", ""],
        ["X.V01", "false", "", ""],
    ])
    out = score(path, rubric)
    assert out.ok, problems(out)
    card = out.card
    assert card.measure("D1.M01").value is True and card.measure("D1.M01").score == 20
    assert card.measure("D1.M02").score == pytest.approx(15.0)  # 20 * (80 - 50) / 40
    assert card.measure("D1.M03").value == 36000 and card.measure("D1.M03").score == 10
    assert card.measure("D2.M02").score == pytest.approx(6.0)
    assert card.measure("D2.M04").value == [4, 5, 1, 3]  # trim 1: mean of 3 and 4 -> (3.5 - 1) / 4
    assert card.measure("D2.M04").score == pytest.approx(6.25)
    assert card.measure("X.V01").status == "not-triggered" and not card.vetoed
    assert card.total == pytest.approx(20 + 15 + 10 + 6 + 6.25)
    entry = card.submission.entries["D1.M01"]
    assert entry.evidence == ("市委文件", "会议纪要") and entry.note == "双组长"
    assert (card.submission.subject_id, card.submission.period) == ("jc", 2024)


def test_bad_value_located_at_its_cell(tmp_path, rubric):
    path = write_csv(tmp_path / "jc" / "2024.csv", [HEAD, ["D1.M01", "true"], ["D1.M02", "lots", "", ""],
                                                     ["D1.M01x", "1"]])
    out = score(path, rubric)
    assert not out.ok
    assert problems(out) == [
        f"{path}:3:2: D1.M02: linear: expected a number, got 'lots'",
        f"{path}:4:1: D1.M01x: 'D1.M01x' is not a measure of this rubric (did you mean 'D1.M01'?)",
    ]


def test_yaml11_boolean_words_are_refused_for_check(tmp_path, rubric):
    path = write_csv(tmp_path / "jc" / "2024.csv", [["measure", "value"], ["D1.M01", "yes"]])
    assert problems(score(path, rubric)) == [
        f"{path}:2:2: D1.M01: check: expected true or false; 'yes' is a string in YAML 1.2 (write true or false)"]


def test_duplicate_rows_name_both(tmp_path, rubric):
    path = write_csv(tmp_path / "jc" / "2024.csv", [["measure", "value"], ["D1.M01", "true"], ["D1.M02", "60"],
                                                     ["D1.M01", "false"]])
    out = score(path, rubric)
    assert problems(out) == [f"{path}:4:1: D1.M01: given twice: rows 2 and 4"]


def test_multiline_cell_keeps_row_numbers_of_the_file(tmp_path, rubric):
    path = write_csv(tmp_path / "jc" / "2024.csv", [HEAD, ["D1.M01", "true", "文件一\n文件二\n文件三", ""],
                                                     ["D1.M02", "many", "", ""]])
    raw, _ = readers.read_one(path)
    assert raw.entries[0].evidence == ("文件一", "文件二", "文件三")
    # the record of D1.M01 spans lines 2-4, so D1.M02 starts on line 5
    assert problems(score(path, rubric)) == [f"{path}:5:2: D1.M02: linear: expected a number, got 'many'"]


def test_empty_value_is_missing_with_a_note(tmp_path, rubric):
    path = write_csv(tmp_path / "jc" / "2024.csv", [["measure", "value"], ["D1.M01", ""], ["D1.M02", "90"]])
    out = score(path, rubric)
    assert out.ok and out.card.measure("D1.M01").status == "missing"
    assert f"{path}:2:2: info: D1.M01: no value; the measure counts as missing" in problems(out, "info")
    assert out.card.total == 20


def test_subject_and_period_from_the_path(tmp_path):
    path = write_csv(tmp_path / "submissions" / "zhaotong" / "2025.city-index.csv", [["measure", "value"],
                                                                                     ["D1.M01", "true"]])
    raw, found = readers.read_one(path)
    assert (raw.subject_id, raw.subject_name, raw.period, raw.rubric) == ("zhaotong", "zhaotong", 2025, "")
    assert [str(p) for p in found] == [f"{path}:1:1: info: subject 'zhaotong' and period 2025 taken from the "
                                       "file path"]


def test_subject_period_and_rubric_from_columns(tmp_path):
    path = write_csv(tmp_path / "latest.csv", [
        ["Measure", "Value", "Subject", "Subject_Name", "Period", "Rubric"],
        ["D1.M01", "true", "zt", "昭通市", "2025", "demo@1"],
        ["D1.M02", "70", "", "", "", ""],
    ])
    raw, found = readers.read_one(path)
    assert found == []
    assert (raw.subject_id, raw.subject_name, raw.period, raw.rubric) == ("zt", "昭通市", 2025, "demo@1")
    assert str(raw.locs["rubric"]) == f"{path}:2:6"


def test_a_row_that_differs_in_period_is_an_error_at_that_row(tmp_path):
    path = write_csv(tmp_path / "latest.csv", [["measure", "value", "subject", "period"],
                                               ["D1.M01", "true", "zt", "2025"], ["D1.M02", "70", "zt", "2024"]])
    _, found = readers.read_one(path)
    assert [str(p) for p in found] == [
        f"{path}:3:4: D1.M02: period is '2024' here but '2025' in row 2; one file holds one submission"]


def test_rubric_column_is_checked_against_the_rubric(tmp_path, rubric):
    path = write_csv(tmp_path / "jc" / "2024.csv", [["measure", "value", "rubric"], ["D1.M01", "true", "other@1"]])
    assert problems(score(path, rubric)) == [f"{path}:2:3: names rubric 'other' but is checked against 'demo'"]


def test_gb18030_export_with_chinese_headers(tmp_path, rubric):
    rows = [["指标", "数值", "佐证材料", "备注"], ["D1.M01", "是", "《实施意见》", "市委印发"], ["D1.M02", "８５％", "", ""]]
    path = write_csv(tmp_path / "jc" / "2024.csv", rows, encoding="gb18030")
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")
    out = score(path, rubric)
    assert out.ok, problems(out)
    assert out.card.measure("D1.M01").value is True
    assert out.card.measure("D1.M02").value == 85 and out.card.measure("D1.M02").score == pytest.approx(17.5)
    entry = out.card.submission.entries["D1.M01"]
    assert entry.evidence == ("《实施意见》",) and entry.note == "市委印发"
    assert f"{path}:1:1: info: not UTF-8; read as GB18030 (a Chinese Excel export). Save as 'CSV UTF-8' to " \
           "avoid surprises" in problems(out, "info")


def test_utf8_bom_and_semicolon_delimiter(tmp_path):
    path = tmp_path / "jc" / "2024.csv"
    path.parent.mkdir()
    path.write_bytes("\ufeff测评项;值;佐证\nD1.M01;true;a\n".encode("utf-8"))
    raw, found = readers.read_one(path)
    assert [(e.measure, e.raw, e.evidence) for e in raw.entries] == [("D1.M01", True, ("a",))]
    assert [p for p in found if p.level != "info"] == []


def test_evidence_split_on_semicolons_and_newlines(tmp_path):
    path = write_csv(tmp_path / "jc" / "2024.csv", [HEAD, ["D1.M01", "true", " a ; b；c\r\nd;; ", ""]])
    raw, _ = readers.read_one(path)
    assert raw.entries[0].evidence == ("a", "b", "c", "d")


def test_header_needs_measure_and_value(tmp_path):
    path = write_csv(tmp_path / "x.csv", [["measure", "amount"], ["D1.M01", "1"]])
    raw, found = readers.read_one(path)
    assert raw is None
    assert [str(p) for p in found] == [
        f"{path}:1:2: warning: column 'amount' is not read (known columns: measure, value, evidence, note, "
        "subject, subject_name, period, rubric, filed_by, assessor, stage, reason, approved_by, expires)",
        f"{path}:1:1: the header row needs the columns measure and value (or 指标 and 数值); missing value, "
        "found: measure, amount",
    ]


def test_row_without_measure_and_blank_rows(tmp_path):
    path = write_csv(tmp_path / "jc" / "2024.csv", [["measure", "value"], [], ["", ""], ["", "5"]])
    raw, found = readers.read_one(path)
    assert raw.entries == ()
    assert [str(p) for p in found if p.level == "error"] == [f"{path}:4:1: this row has no measure id"]


def test_neither_utf8_nor_gb18030(tmp_path):
    path = tmp_path / "jc" / "2024.csv"
    path.parent.mkdir()
    path.write_bytes(b"measure,value\nD1.M01,\xff\xff\n")
    raw, found = readers.read_one(path)
    assert raw is None and [str(p) for p in found] == [f"{path}:2:8: neither UTF-8 nor GB18030 text (byte 0xff)"]


def test_found_in_folders_and_read_through_submission(tmp_path):
    write_csv(tmp_path / "subs" / "jc" / "2024.csv", [["measure", "value"], ["D1.M01", "true"]])
    (tmp_path / "subs" / "jc" / "notes.txt").write_text("x", encoding="utf-8")
    files = readers.find([str(tmp_path / "subs")])
    assert [f.name for f in files] == ["2024.csv"]
    raw, _ = readers.read_one(files[0])
    assert raw.entries[0].raw is True
