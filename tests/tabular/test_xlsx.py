"""XLSX submissions: located problems, formula cells, sheets; and one submission scored alike in every format."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine import readers

from .helpers import RUBRIC, problems, score, write_all, write_rubric, write_xlsx

HEAD = ["measure", "value", "evidence", "note"]


@pytest.fixture
def rubric(tmp_path):
    return write_rubric(tmp_path)


def test_numbers_and_booleans_as_cells_hold_them(tmp_path, rubric):
    path = write_xlsx(tmp_path / "jc" / "2024.xlsx", [
        HEAD + ["period"],
        ["D1.M01", True, "文件一；文件二\n文件三", "双组长", 2024],
        ["D1.M02", 80, None, None, 2024.0],
        ["D1.M03", "3.6万", None, None, "2024"],
        ["D2.M04", 4.5, None, None, None],
    ])
    out = score(path, rubric)
    assert out.ok, problems(out)
    card = out.card
    assert card.measure("D1.M01").value is True
    assert card.measure("D1.M02").value == 80 and card.measure("D1.M02").score == pytest.approx(15.0)
    assert card.measure("D1.M03").value == 36000 and card.measure("D2.M04").value == 4.5
    assert card.total == pytest.approx(20 + 15 + 10 + 8.75)
    entry = card.submission.entries["D1.M01"]
    assert entry.evidence == ("文件一", "文件二", "文件三") and entry.note == "双组长"
    assert card.submission.entries["D1.M02"].raw is None  # read as written: nothing to report
    assert card.submission.period == 2024


def test_bad_value_located_at_its_cell(tmp_path, rubric):
    path = write_xlsx(tmp_path / "jc" / "2024.xlsx", [["指标", "数值"], ["D1.M01", "是"], ["D1.M02", "lots"]])
    assert problems(score(path, rubric)) == [f"{path}:3:2: D1.M02: linear: expected a number, got 'lots'"]


def test_a_formula_cell_is_refused_at_its_cell(tmp_path, rubric):
    path = write_xlsx(tmp_path / "jc" / "2024.xlsx", [HEAD, ["D1.M01", True], ["D1.M02", "=40+40"],
                                                      ["D1.M03", 1, "=A1"]])
    out = score(path, rubric)
    assert problems(out) == [f"{path}:3:2: D1.M02: formula cells are not accepted; paste the value",
                             f"{path}:4:3: D1.M03: formula cells are not accepted; paste the value"]


def test_an_excel_error_cell_is_refused(tmp_path, rubric):
    path = write_xlsx(tmp_path / "jc" / "2024.xlsx", [["measure", "value"], ["D1.M02", "#DIV/0!"]])
    assert problems(score(path, rubric)) == [
        f"{path}:2:2: D1.M02: the cell holds the Excel error #DIV/0!; enter the value"]


def test_duplicate_rows_name_both(tmp_path, rubric):
    path = write_xlsx(tmp_path / "jc" / "2024.xlsx", [["measure", "value"], ["D1.M02", 60], [], ["D1.M02", 70]])
    assert problems(score(path, rubric)) == [f"{path}:4:1: D1.M02: given twice: rows 2 and 4"]


def test_sheet_named_submission_wins_over_the_first(tmp_path):
    path = write_xlsx(tmp_path / "jc" / "2024.xlsx", [["measure", "value"], ["D1.M01", False]],
                      title="Submission", before=["说明"])
    raw, _ = readers.read_one(path)
    assert [(e.measure, e.raw, str(e.loc)) for e in raw.entries] == [("D1.M01", False, f"{path}:2:2")]


def test_first_sheet_when_none_is_named_submission(tmp_path):
    path = write_xlsx(tmp_path / "jc" / "2024.xlsx", [["measure", "value"], ["D1.M01", True]], title="数据")
    raw, _ = readers.read_one(path)
    assert [(e.measure, e.raw) for e in raw.entries] == [("D1.M01", True)]


def test_subject_conflict_between_rows(tmp_path):
    path = write_xlsx(tmp_path / "x.xlsx", [["measure", "value", "subject"], ["D1.M01", True, "jc"],
                                            ["D1.M02", 1, "zt"]])
    _, found = readers.read_one(path)
    assert [str(p) for p in found] == [
        f"{path}:3:3: D1.M02: subject is 'zt' here but 'jc' in row 2; one file holds one submission",
        f"{path}:1:1: info: period x taken from the file path"]


def test_not_a_workbook(tmp_path):
    path = tmp_path / "jc" / "2024.xlsx"
    path.parent.mkdir()
    path.write_bytes(b"measure,value\n")
    raw, found = readers.read_one(path)
    assert raw is None and len(found) == 1
    assert str(found[0]).startswith(f"{path}:1:1: cannot read as an Excel workbook (.xlsx): ")


def test_an_xml_entity_bomb_fails_fast(tmp_path):
    import zipfile

    good = write_xlsx(tmp_path / "good.xlsx", [["measure", "value"], ["D1.M01", True]])
    entities = '<!DOCTYPE b [<!ENTITY l0 "lol">' + "".join(
        f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)) + "]>"
    bomb = tmp_path / "jc" / "2024.xlsx"
    bomb.parent.mkdir()
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(bomb, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename).decode("utf-8")
            if item.filename == "xl/worksheets/sheet1.xml":
                data = entities + data.replace("D1.M01", "&l9;")  # 10**9 x 'lol' if expanded
            zout.writestr(item, data)
    raw, found = readers.read_one(bomb)
    assert raw is None and len(found) == 1
    assert str(found[0]).startswith(f"{bomb}:1:1: cannot read as an Excel workbook (.xlsx): ")
    assert "\n" not in str(found[0])


def test_pandas_is_not_needed_to_read_tables():
    import subprocess
    import sys

    code = ("import sys; from engine import readers, table_rows, validate; from engine.readers import csv_file, xlsx_file, yaml_file; "
            "assert 'pandas' not in sys.modules and 'openpyxl' not in sys.modules")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


# --- the same submission in every format scores the same --------------------------------------

NUMBER = st.integers(0, 400).map(lambda n: n / 4)  # 0, 0.25, ... 100: exact in binary and in text
VALUES = {
    "D1.M01": st.booleans(),
    "D1.M02": NUMBER,
    "D1.M03": st.sampled_from(["3.6万", "2万", "30000", "1,200"]),
    "D2.M01": NUMBER,
    "D2.M02": st.sampled_from(["国家级", "省级", "无"]),
    "D2.M03": st.integers(0, 9),
    "D2.M04": st.one_of(st.integers(1, 5), st.lists(st.integers(1, 5), min_size=1, max_size=5)),
    "X.B01": st.one_of(st.booleans(), st.integers(0, 5)),
    "X.D01": st.integers(0, 4),
    "X.V01": st.booleans(),
}
SUBMISSIONS = st.fixed_dictionaries({}, optional=VALUES).filter(bool)  # a table needs a row to name its subject
EVIDENCE = st.lists(st.sampled_from(["《统计公报》", "会议纪要", "文件 第3页"]), max_size=3, unique=True)


@settings(max_examples=12)
@given(values=SUBMISSIONS, evidence=EVIDENCE)
def test_yaml_json_csv_and_xlsx_score_alike(tmp_path_factory, values, evidence):
    folder = tmp_path_factory.mktemp("same")
    rubric = write_rubric(folder)
    ev = {k: evidence for k in list(values)[:1]} if evidence else {}
    outcomes = [score(p, rubric) for p in write_all(folder, values, ev)]
    for o in outcomes:
        assert o.ok, problems(o)
    first = outcomes[0].card
    for o in outcomes[1:]:
        card = o.card
        assert (card.total, card.grade.id, card.vetoed) == (first.total, first.grade.id, first.vetoed), o.path
        assert [(m.id, _shape(m.value), m.score, m.status) for m in card.measures] == \
               [(m.id, _shape(m.value), m.score, m.status) for m in first.measures], o.path
        assert {k: e.evidence for k, e in card.submission.entries.items()} == \
               {k: e.evidence for k, e in first.submission.entries.items()}
        assert (card.submission.subject_name, card.submission.period) == ("金昌市", 2024)


def _shape(value):
    """A table cannot tell one rating from a list of one; both score alike."""
    return value[0] if isinstance(value, list) and len(value) == 1 else value


def test_rubric_used_by_the_property_has_every_method():
    from engine import methods

    assert all(f"method: {name}" in RUBRIC for name in methods.METHODS)
