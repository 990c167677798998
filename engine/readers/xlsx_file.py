"""Read an .xlsx submission: numbered rows of cell values (then engine.table_rows), refusing zip and row
bombs first.

The workbook's zip directory is judged before openpyxl unpacks anything; openpyxl itself parses
XML through defusedxml. Formula and error cells come back as ``Bad`` cells with a reason; every other
cell is read as its number format shows it (engine.xlsx_format).
"""
from __future__ import annotations

import warnings
import zipfile
from pathlib import Path
from typing import Any

from ..model import Loc
from ..problems import Problem
from ..raw import RawSubmission
from ..table_rows import MAX_ROWS, Bad, Row, _too_many, read_table
from ..xlsx_format import cell_value

SUFFIXES = (".xlsx",)

MAX_UNPACKED = 64 * 1024 * 1024
"""An .xlsx whose members add up to more than this, unpacked, is refused before it is parsed."""
MAX_RATIO = 200
"""... and so is one with a member compressed more than this many to one (real workbooks: under 20)."""
RATIO_FROM = 1024 * 1024
"""The ratio is judged on members at least this large unpacked: a few kilobytes of repetitive XML can
compress very well and harm no one."""


def read(path: str | Path, marks: bool = True) -> list[tuple[str, RawSubmission | None, list[Problem]]]:
    """The workbook as one item: (name, the submission or None, its problems)."""
    return [(str(path), *read_raw(path))]


def read_raw(path: str | Path, marks: bool = True) -> tuple[RawSubmission | None, list[Problem]]:
    """Read one .xlsx submission; problems instead of exceptions."""
    return read_table(path, xlsx_rows)


def _zip_bomb(path) -> str | None:
    """Why the workbook must not be unpacked (too big unpacked, or compressed suspiciously well), read
    from the zip's directory alone; None when it looks like a workbook or is no zip at all (openpyxl
    then says what is wrong).  zipfile stops every member at its declared size, so these sizes hold."""
    try:
        with zipfile.ZipFile(path) as z:
            members = z.infolist()
    except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError):
        return None
    total = sum(m.file_size for m in members)
    if total > MAX_UNPACKED:
        return (f"the workbook unpacks to {total / 2**20:,.0f} MB (at most {MAX_UNPACKED // 2**20} MB); "
                "it looks like a zip bomb")
    for m in members:
        if m.file_size >= RATIO_FROM and m.file_size > MAX_RATIO * max(m.compress_size, 1):
            return (f"{m.filename} is compressed {m.file_size / max(m.compress_size, 1):,.0f} to 1 (at most "
                    f"{MAX_RATIO} to 1); the workbook looks like a zip bomb")
    return None


def xlsx_rows(path, name: str, problems: list) -> list[Row] | None:
    from ..io import open_file  # a regular file only, never through a link out of the folders given

    with open_file(path) as f:
        return _rows(f, name, problems)


def _rows(path, name: str, problems: list) -> list[Row] | None:
    bomb = _zip_bomb(path)
    if bomb:
        problems.append(Problem(Loc(name), bomb, code="xlsx"))
        return None
    import openpyxl  # only here: CSV and YAML never pay for it (defusedxml guards its XML parsing)

    _bound_numbers()

    with warnings.catch_warnings():  # openpyxl warns about Excel features it drops; they are not ours to show
        warnings.simplefilter("ignore")
        try:
            wb = openpyxl.load_workbook(path, read_only=True, data_only=False)
        except Exception as e:  # noqa: BLE001 - any failure of a third-party parser is a bad file, not a crash
            problems.append(Problem(Loc(name), f"cannot read as an Excel workbook (.xlsx): {_one_line(e)}", code="xlsx"))
            return None
        try:
            return _sheet_rows(_sheet(wb), name, problems)
        except Exception as e:  # noqa: BLE001 - the sheet's XML is parsed lazily, while iterating
            problems.append(Problem(Loc(name), f"cannot read the worksheet: {_one_line(e)}", code="xlsx"))
            return None
        finally:
            wb.close()


MAX_NUMBER_TEXT = 64
"""A number cell's stored text longer than this is handed on as text, not converted: int() of a
5,000-digit text raises (Python's int max-str-digits), which would lose the whole sheet."""


def _bound_numbers() -> None:
    """Make openpyxl hand on an overlong number cell as its text, for the number reader to refuse at its
    cell (once per process; the original conversion is kept for every other cell)."""
    from openpyxl.worksheet import _reader

    cast = _reader._cast_number
    if getattr(cast, "bounded", False):
        return

    def bounded(value: str):
        return value if len(value) > MAX_NUMBER_TEXT else cast(value)

    bounded.bounded = True
    _reader._cast_number = bounded


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split())


def _sheet(wb):
    """The sheet named 'submission', else the first one."""
    return next((ws for ws in wb.worksheets if ws.title.strip().lower() == "submission"), wb.worksheets[0])


def _sheet_rows(ws, name: str, problems: list) -> list[Row] | None:
    declared = ws.max_row  # from the sheet's <dimension ref=...>, read without reading the rows
    if isinstance(declared, int) and declared > MAX_ROWS:
        problems.append(Problem(Loc(name), _too_many(declared), code="io"))
        return None
    ws.reset_dimensions()  # a stored dimension may be wrong (or absent); read every row there is
    rows, number = [], 0
    for cells in ws.iter_rows():
        number = next((c.row for c in cells if getattr(c, "row", None)), number + 1)
        if len(rows) > MAX_ROWS:
            break
        rows.append((number, tuple(_xlsx_value(c) for c in cells)))
    return rows


def _xlsx_value(cell) -> Any:
    value = cell.value
    if cell.data_type == "f" or (isinstance(value, str) and value.startswith("=")):
        return Bad("formula cells are not accepted; paste the value")
    if cell.data_type == "e":
        return Bad(f"the cell holds the Excel error {value}; enter the value")
    return cell_value(value, getattr(cell, "number_format", None))
