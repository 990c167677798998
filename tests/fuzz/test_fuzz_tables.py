"""The CSV and XLSX readers, through the pipeline as `validate` runs them: located problems (at most the
per-file cap), never a traceback, whatever the cells hold."""
from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from . import targets
from .hostile import CELL_FORMATS, DIGITS, HEADS, fuzz, text
from .yamlgen import KEYS


@pytest.fixture(scope="module")
def ws(tmp_path_factory):
    return targets.Workspace(tmp_path_factory.mktemp("tables"))


plain_cell = st.one_of(text, st.sampled_from(KEYS), st.sampled_from(("true", "FALSE", "是", "85%", "3.6万", "4;5;4",
                                                                     "4,5,4", "=1+1", "#DIV/0!", "2024", "")),
                       st.integers(-10**18, 10**18).map(str), st.floats(allow_nan=True).map(repr))
csv_row = st.lists(plain_cell, max_size=6)
header = st.lists(st.sampled_from(HEADS), min_size=1, max_size=6)


def _csv(rows: list[list[str]], delimiter: str) -> str:
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter).writerows(rows)
    return buf.getvalue()


@fuzz(80)
@given(header, st.lists(csv_row, max_size=8), st.sampled_from(",;\t"),
       st.sampled_from(("utf-8", "utf-8-sig", "gb18030", "utf-16", "latin-1")))
def test_csv_tables(ws, head, rows, delimiter, encoding):
    raw = _csv([head] + rows, delimiter).encode(encoding, errors="replace")
    targets.csv_submission(ws, raw)


@fuzz(80)
@given(st.binary(max_size=200))
@example(b"measure,value\n\"D1.M02,80\n")
@example(b"measure,value\nD1.M02,\x00\n")
def test_csv_bytes(ws, tail):
    targets.csv_submission(ws, b"measure,value,evidence,period\n" + tail)


@fuzz(10)
@given(DIGITS, st.sampled_from(("value", "period")))
def test_csv_huge_numbers_are_located_problems(ws, digits, column):
    """issue 11: a 5,000-digit cell or period ends the whole batch in a traceback."""
    raw = f"measure,{column}\nD1.M02,{digits}\n".encode() if column == "period" else \
        f"measure,value\nD1.M02,{digits}\n".encode()
    targets.csv_submission(ws, raw)


cell_value = st.one_of(
    text, st.sampled_from(KEYS), st.integers(-10**15, 10**15), st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(), st.none(), st.sampled_from(("=1+1", "=A1", "=SUM(B1:B9)", "#N/A", "=HYPERLINK(\"x\")")),
    st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(9999, 1, 1)),
    st.dates(min_value=dt.date(1900, 3, 1)), st.times(), st.text(max_size=40).map(lambda s: s * 50),
)
xlsx_cell = st.tuples(cell_value, st.sampled_from(CELL_FORMATS))


def _xlsx_safe(cell):
    """openpyxl refuses to store XML-illegal characters; such a workbook cannot exist, so replace them."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    value, fmt = cell
    return (ILLEGAL_CHARACTERS_RE.sub("?", value) if isinstance(value, str) else value), fmt


@fuzz(25)
@given(st.lists(st.sampled_from(HEADS), min_size=1, max_size=5),
       st.lists(st.lists(xlsx_cell, max_size=5), max_size=6))
def test_xlsx_workbooks(ws, head, rows):
    sheet = [[(h, None) for h in head]] + [[_xlsx_safe(c) for c in row] for row in rows]
    targets.xlsx_submission(ws, sheet)


@fuzz(20)
@given(st.lists(st.tuples(st.integers(0, 4000), st.integers(0, 255)), min_size=1, max_size=8))
def test_xlsx_mutated_bytes(ws, tmp_path_factory, edits):
    """A real workbook with a few bytes changed: a broken zip or XML is a problem, not a crash."""
    base = getattr(test_xlsx_mutated_bytes, "base", None)
    if base is None:
        path = targets.write_xlsx(tmp_path_factory.mktemp("xlsx") / "base.xlsx",
                                  [[("measure", None), ("value", None)], [("D1.M02", None), (0.85, "0%")]])
        base = test_xlsx_mutated_bytes.base = path.read_bytes()
    raw = bytearray(base)
    for pos, byte in edits:
        raw[pos % len(raw)] = byte
    targets.xlsx_bytes(ws, bytes(raw))


@fuzz(5)
@given(DIGITS)
def test_xlsx_huge_number_text_is_a_located_problem(ws, digits):
    targets.xlsx_submission(ws, [[("measure", None), ("value", None)], [("D1.M02", None), (digits, "@")]])
