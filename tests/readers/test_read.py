"""readers.read: one item per file, of the kind its suffix (and, for a .csv, its content) says; every
bad input a located problem, never an exception."""
from __future__ import annotations

import importlib.util
import os

import pytest

from engine import readers
from engine.raw import RawSubmission
from engine.readers.long_table import LongTable
from tests.tabular.helpers import write_csv, write_xlsx

DOC = "rubric: demo\nsubject: jc\nperiod: 2024\nvalues:\n  D1.M01: true\n"
ROWS = [["measure", "value"], ["D1.M01", "true"]]
LONG = [["subject", "period", "measure", "value"], ["jc", "2024", "D1.M01", "true"], ["zt", "2024", "D1.M01", "false"]]


def only(items):
    assert len(items) == 1
    name, data, problems = items[0]
    assert all(p.level != "error" for p in problems), problems
    return data


@pytest.mark.parametrize("suffix", [".yaml", ".yml", ".json"])
def test_yaml_and_json_give_one_raw_submission(tmp_path, suffix):
    path = tmp_path / "jc" / f"2024{suffix}"
    path.parent.mkdir()
    path.write_text(DOC if suffix != ".json" else
                    '{"rubric": "demo", "subject": "jc", "period": 2024, "values": {"D1.M01": true}}', encoding="utf-8")
    raw = only(readers.read(path))
    assert isinstance(raw, RawSubmission) and [e.measure for e in raw.entries] == ["D1.M01"]


def test_csv_and_xlsx_give_one_raw_submission(tmp_path):
    for path in (write_csv(tmp_path / "jc" / "2024.csv", ROWS), write_xlsx(tmp_path / "jc" / "2024.xlsx", ROWS)):
        raw = only(readers.read(path))
        assert isinstance(raw, RawSubmission) and raw.subject_id == "jc" and raw.period == 2024
        assert str(raw.entries[0].loc) == f"{path}:2:2"


def test_a_csv_of_many_subjects_is_a_long_table(tmp_path):
    table = only(readers.read(write_csv(tmp_path / "long.csv", LONG)))
    assert isinstance(table, LongTable) and table.rubric_ref == ""
    assert [(r.subject_id, r.period) for r, _ in table.raws()] == [("jc", 2024), ("zt", 2024)]


def test_force_long_reads_one_subject_as_a_table(tmp_path):
    path = write_csv(tmp_path / "one.csv", LONG[:2])
    assert isinstance(only(readers.read(path)), RawSubmission)
    assert isinstance(only(readers.read(path, force_long=True)), LongTable)
    assert isinstance(only(readers.read(write_csv(tmp_path / "jc" / "2024.csv", ROWS), force_long=True)),
                      RawSubmission)  # no subject column: no long table


@pytest.mark.skipif(importlib.util.find_spec("pyarrow") is None, reason="pyarrow is not installed")
def test_parquet_is_a_long_table(tmp_path):
    import pandas as pd

    path = tmp_path / "long.parquet"
    pd.DataFrame(LONG[1:], columns=LONG[0]).to_parquet(path)
    assert isinstance(only(readers.read(path)), LongTable)


def test_parquet_without_pyarrow_is_a_problem(tmp_path, monkeypatch):
    """Without the [parquet] extra (pyarrow made unimportable here when it is installed)."""
    import sys

    for mod in [m for m in sys.modules if m == "pyarrow" or m.startswith("pyarrow.")] or ["pyarrow"]:
        monkeypatch.setitem(sys.modules, mod, None)
    path = tmp_path / "long.parquet"
    path.write_bytes(b"PAR1 not really")
    (name, data, problems), = readers.read(path)
    assert data is None and [str(p) for p in problems] == [
        f"{path}:1:1: cannot read a .parquet table: pyarrow is not installed (or write the table as CSV)"]


@pytest.mark.parametrize("name", ["notes.txt", "README", "table.xls", "x.YAML~"])
def test_an_unknown_suffix_is_a_clear_problem(tmp_path, name):
    path = tmp_path / name
    path.write_text(DOC, encoding="utf-8")
    (got, data, problems), = readers.read(path)
    assert got == str(path) and data is None
    assert len(problems) == 1 and problems[0].is_error and "not a submission file" in problems[0].message
    assert ".yaml" in problems[0].message and str(problems[0]).startswith(f"{path}:")


def test_upper_case_suffixes_are_read(tmp_path):
    path = tmp_path / "jc" / "2024.YAML"
    path.parent.mkdir()
    path.write_text(DOC, encoding="utf-8")
    assert isinstance(only(readers.read(path)), RawSubmission)


@pytest.mark.parametrize("name", ["gone.yaml", "gone.csv", "gone.xlsx", "gone.parquet"])
def test_a_missing_file_is_a_problem(tmp_path, name):
    (_, data, problems), = readers.read(tmp_path / name)
    assert data is None and problems and all(p.is_error for p in problems)


@pytest.mark.parametrize("name", ["dir.yaml", "dir.csv", "dir.xlsx", "dir.parquet"])
def test_a_folder_is_a_problem(tmp_path, name):
    (tmp_path / name).mkdir()
    (_, data, problems), = readers.read(tmp_path / name)
    assert data is None and problems and all(p.is_error for p in problems)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.parametrize("name", ["fifo.yaml", "fifo.csv", "fifo.xlsx", "fifo.parquet"])
def test_a_fifo_is_refused_without_blocking(tmp_path, name):
    os.mkfifo(tmp_path / name)
    (_, data, problems), = readers.read(tmp_path / name)
    assert data is None and problems and all(p.is_error for p in problems)


def test_an_unreadable_long_table_is_a_located_problem(tmp_path):
    path = tmp_path / "long.csv"
    path.write_text("subject,period,measure,value\njc,2024,D1.M01,true\nzt,2024,D1.M01,true,extra,cells\n",
                    encoding="utf-8")
    (_, data, problems), = readers.read(path)
    assert data is None and [p.loc.line for p in problems] == [3] and "not a readable CSV row" in problems[0].message


def test_read_one_reads_any_suffix_as_one_submission(tmp_path):
    path = tmp_path / "jc" / "2024.txt"
    path.parent.mkdir()
    path.write_text(DOC, encoding="utf-8")
    raw, problems = readers.read_one(path)
    assert raw.subject_id == "jc" and not problems
