"""validate_long: every problem located at FILE:LINE:COL with the per-file messages; clean values."""
from __future__ import annotations

import dataclasses
import math

import pytest

from engine.readers.long.read import read_long
from engine.readers.long.validate import validate_long
from engine.vector.score import score_long
from engine.problems import InputError


def check(path, rubric):
    values, problems = validate_long(read_long(path), rubric)
    return values, [str(p) for p in problems]


def test_bad_cells_are_located_with_the_per_file_messages(table, rubric):
    path = table("""
        subject,period,measure,value,evidence
        jc,2024,D1.M01,true,会议纪要
        jc,2024,D1.M02,85%,
        wh,2024,D1.M01,maybe,
        wh,2024,D1.M02,120,
        wh,2024,D2.M03,2.5,
        bt,2024,D1.M01,是,
        bt,2024,D2.M01,abc,
        bt,2024,D2.M02,县级,
        bt,2024,D2.M04,7,
    """)
    values, problems = check(path, rubric)
    assert problems == [
        f"{path}:3:4: info: D1.M02: '85%' read as 85 (percent sign)",
        f"{path}:4:4: D1.M01: check: expected true or false (or 是/否), got 'maybe'",
        f"{path}:5:4: D1.M02: value 120 is outside the plausible range [0, 100] %",
        f"{path}:6:4: D2.M03: count: expected a whole number >= 0, got 2.5",
        f"{path}:7:4: info: D1.M01: '是' read as true",
        f"{path}:8:4: D2.M01: bands: expected a number, got 'abc'",
        f"{path}:9:4: D2.M02: choice: expected one of: 国家级, 省级, 无; got '县级'",
        f"{path}:10:4: D2.M04: rating: rating 7 is outside the scale [1, 5]",
    ]
    assert values.subjects.tolist() == ["jc"] and values.rejected == (("wh", 2024), ("bt", 2024))
    assert values.column("D1.M02")[0] == 85 and values.column("D1.M01")[0] == 1.0


def test_unknown_measure_with_did_you_mean_and_a_group_id(table, rubric):
    path = table("""
        subject,period,measure,value
        jc,2024,D1.M0X,3
        jc,2024,D1,3
        wh,2024,D1.M01,true
    """)
    values, problems = check(path, rubric)
    assert problems == [f"{path}:2:3: D1.M0X: 'D1.M0X' is not a measure of this rubric (did you mean 'D1.M03'?)",
                        f"{path}:3:3: D1: 'D1' is a group, not a measure"]
    assert values.subjects.tolist() == ["wh"]


def test_duplicate_rows_keep_the_first_and_reject_the_subject(table, rubric):
    path = table("""
        subject,period,measure,value
        jc,2024,D1.M02,80
        jc,2025,D1.M02,90
        jc,2024,D1.M02,85
        wh,2024,D1.M02,70
    """)
    values, problems = check(path, rubric)
    assert problems == [f"{path}:4:3: D1.M02: given twice for subject 'jc' period 2024: rows 2 and 4"]
    assert list(zip(values.subjects, values.periods)) == [("jc", 2025), ("wh", 2024)]
    assert values.rejected == (("jc", 2024),)


def test_number_forms_officials_write(table, rubric):
    path = table("""
        subject,period,measure,value
        jc,2024,D1.M03,3.6万
        jc,2024,D1.M02,８５
        jc,2024,D2.M01,"1,234"
        jc,2024,D2.M03,约6
        jc,2024,D2.M04,4;5;3;2;5
        jc,2024,X.B01,TRUE
        jc,2024,D1.M01,False
    """)
    values, problems = check(path, rubric)
    assert problems == [
        f"{path}:2:4: info: D1.M03: '3.6万' read as 36,000人 (万 = 10,000 人)",
        f"{path}:3:4: info: D1.M02: '８５' read as 85 (full-width characters)",
        f"{path}:4:4: info: D2.M01: '1,234' read as 1,234 (thousands separators)",
        f"{path}:5:4: warning: D2.M03: '约6' read as 6 (approximate: 约)",
    ]
    row = dict(zip(values.measures, values.number[0].tolist()))
    assert (row["D1.M03"], row["D1.M02"], row["D2.M01"], row["D2.M03"], row["X.B01"], row["D1.M01"]) == \
        (36000, 85, 1234, 6, 1, 0)
    assert math.isnan(row["D2.M04"]) and values.lists == {(0, 6): [4, 5, 3, 2, 5]}


def test_text_is_never_silently_a_number_or_missing(table, rubric):
    path = table("""
        subject,period,measure,value
        jc,2024,D1.M02,NA
        jc,2024,D1.M03,1e3
        jc,2024,D2.M01,inf
        jc,2024,D2.M03,
        wh,2024,D2.M03,
    """)
    values, problems = check(path, rubric)
    assert problems == [f"{path}:2:4: D1.M02: linear: expected a number, got 'NA'",
                        f"{path}:3:4: D1.M03: threshold: expected a number, got '1e3'",
                        f"{path}:4:4: D2.M01: bands: expected a number, got 'inf'",
                        f"{path}:5:4: info: D2.M03: no value; the measure counts as missing",
                        f"{path}:6:4: info: D2.M03: no value; the measure counts as missing"]
    assert values.subjects.tolist() == ["wh"] and not values.present.any()


def test_rows_without_subject_period_or_measure_and_blank_lines(table, rubric):
    path = table("""
        subject,period,measure,value

        ,2024,D1.M01,true
        jc,,D1.M01,true
        wh,2024,,true
        jc,2024,D1.M01,true
    """)
    values, problems = check(path, rubric)
    assert problems == [f"{path}:3:1: this row has no subject", f"{path}:4:2: this row has no period",
                        f"{path}:5:3: this row has no measure id"]
    assert values.subjects.tolist() == ["jc"] and values.rows[0, 0] + 2 == 6  # its line
    assert values.rejected == (("wh", 2024),)  # a row of its has an error


def test_required_columns(table, rubric):
    path = table("subject,measure,value\njc,D1.M01,true\n")
    assert check(path, rubric)[1] == [(f"{path}:1:1: a long table needs the columns subject, period, measure, "
                                       "value; missing period, found: subject, measure, value")]


def test_rubric_column_and_unread_columns(table, rubric):
    path = table("""
        subject,period,measure,value,rubric,remark
        jc,2024,D1.M01,true,demo@2,
        wh,2024,D1.M01,true,demo@1,
    """)
    values, problems = check(path, rubric)
    assert problems == [(f"{path}:1:6: warning: column 'remark' is not read (known columns: subject, period, "
                         "measure, value, subject_name, rubric, evidence, note, reason, approved_by, expires)"),
                        f"{path}:2:5: names version 2 of rubric 'demo', but the rubric is version 1"]
    assert values.subjects.tolist() == ["wh"] and values.rubric == "demo@2"


def test_required_evidence(table, rubric):
    d1 = rubric.tree[0]
    required = dataclasses.replace(d1.children[0], evidence="required")
    strict = dataclasses.replace(rubric, tree=(dataclasses.replace(d1, children=(required, *d1.children[1:])),
                                               *rubric.tree[1:]))
    path = table("""
        subject,period,measure,value,evidence
        jc,2024,D1.M01,true,会议纪要
        wh,2024,D1.M01,true,；
    """)
    values, problems = check(path, strict)
    assert problems == [(f"{path}:3:3: D1.M01: evidence is required for this measure: write it as "
                         "{value: ..., evidence: [...]} (in a table: the evidence column)")]
    assert values.subjects.tolist() == ["jc"]


def test_a_row_longer_than_the_header_is_a_located_error(table):
    path = table("subject,period,measure,value\njc,2024,D1.M01,true\njc,2024,D1.M02,80,9\n")
    with pytest.raises(InputError) as e:
        read_long(path)
    assert [str(p) for p in e.value.problems] == [f"{path}:3:1: not a readable CSV row: Expected 4 fields in line 3, saw 5"]


def test_gb18030_and_semicolons(table, rubric):
    path = table("subject;period;measure;value\n金昌;2024;D1.M01;是\n", encoding="gb18030")
    values, problems = check(path, rubric)
    assert problems[0].endswith("not UTF-8; read as GB18030 (a Chinese Excel export). Save as 'CSV UTF-8' to "
                                "avoid surprises") and values.subjects.tolist() == ["金昌"]
    assert score_long(values, rubric).total.tolist() == [20.0]


def test_bytes_that_are_neither_utf8_nor_gb18030_are_located_as_in_a_per_subject_table(tmp_path, monkeypatch):
    from engine import readers
    from engine.readers.long import read

    path = tmp_path / "long.csv"
    path.write_bytes(b"subject,period,measure,value\njc,2024,D1.M01,true\n" + b"zt,2024,D1.M01,1\n" * 30
                     + b"zt,2024,D1.M02,\xe9\x87\x91\xff\n")
    expected = [str(p) for p in readers.read_one(path)[1]]
    assert expected == [f"{path}:33:18: neither UTF-8 nor GB18030 text (byte 0x91)"]  # e9 87 is GB18030
    for chunk in (7, 64, 1 << 20):  # wherever the reading is cut
        monkeypatch.setattr(read, "CHUNK", chunk)
        (_, table, problems), = readers.read(path)
        assert table is None and [str(p) for p in problems] == expected


def test_a_column_named_twice_is_said_as_in_a_per_subject_table(table, rubric):
    path = table("""\
        subject,period,measure,value,value
        jc,2024,D1.M01,true,1
        zt,2024,D1.M01,true,2
        """)
    assert check(path, rubric)[1] == [f"{path}:1:5: a second 'value' column (the first is column 4)"]


@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"])
def test_rows_after_a_cell_that_spans_lines_are_located_at_their_own_line(tmp_path, rubric, end):
    from engine import readers

    path = tmp_path / "long.csv"
    text = ["subject,period,measure,value,evidence", 'jc,2024,D1.M01,true,"doc 1\ndoc 2\ndoc 3"',
            "zt,2024,D1.M02,abc,", "zt,2024,D1.M02,80,"]
    path.write_bytes(end.join(text).encode() + end.encode())
    (_, table, _), = readers.read(path)
    values, problems, owners = table.validate(rubric)
    assert [str(p) for p in problems] == [
        f"{path}:5:4: D1.M02: linear: expected a number, got 'abc'",
        f"{path}:6:3: D1.M02: given twice for subject 'zt' period 2024: rows 5 and 6"]
    assert owners == [("zt", 2024)] * 2
    zt = [raw for raw, _ in table.raws()][1]
    assert [str(e.loc) for e in zt.entries] == [f"{path}:5:4"]
