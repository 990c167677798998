"""Hostile CSV/XLSX files (red-team review): zip bombs and workbooks declaring millions of rows are
refused from the zip's directory and the sheet's <dimension>, before anything is unpacked; a table that
cannot be read (no permission, not a regular file) is a located problem, not a traceback.

The attacker's t/bomb.xlsx (820 KB, 800 MB unpacked) and t/bomb_rows.xlsx (717 KB, 5M rows) are
rebuilt here with the same shape, smaller, so that the repository holds no megabytes of binaries."""
from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from engine import readers, table_rows
from tests.tabular.helpers import write_xlsx

SHEET = "xl/worksheets/sheet1.xml"
ROW = '<row><c t="inlineStr"><is><t>x</t></is></c></row>'


def rebuilt(tmp_path: Path, name: str, sheet: bytes | str, level: int = 9) -> Path:
    """A real workbook (openpyxl's) whose first sheet is replaced."""
    good = write_xlsx(tmp_path / "good.xlsx", [["measure", "value"], ["D1.M01", True]])
    out = tmp_path / "x" / name
    out.parent.mkdir(exist_ok=True)
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as zout:
        for item in zin.infolist():
            zout.writestr(item.filename, sheet if item.filename == SHEET else zin.read(item.filename))
    return out


def head(rows: str = "", dimension: str = "") -> str:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.'
            f'openxmlformats.org/spreadsheetml/2006/main">{dimension}<sheetData>{rows}</sheetData></worksheet>')


def refused(path: Path) -> str:
    """The one problem a table is refused with (how fast: bench/hostile.py)."""
    raw, found = readers.read_one(path)
    assert raw is None and len(found) == 1, [str(p) for p in found]
    assert str(found[0]).startswith(f"{path}:1:1: ")
    return found[0].message


def test_bomb_unpacking_to_hundreds_of_megabytes(tmp_path):
    """t/bomb.xlsx: one sheet that unpacks to 800 MB (here 70 MB of rows)."""
    sheet = head(ROW * (70 * 2**20 // len(ROW)))
    message = refused(rebuilt(tmp_path, "bomb.xlsx", sheet))
    assert message.startswith("the workbook unpacks to 70 MB (at most 64 MB)") and "zip bomb" in message


def test_a_member_compressed_too_well(tmp_path):
    """Under the size limit, but one member is compressed over 200 to 1."""
    sheet = head("<row><c><v>1</v></c></row>" + " " * (8 * 2**20))
    message = refused(rebuilt(tmp_path, "ratio.xlsx", sheet))
    assert message.startswith(f"{SHEET} is compressed ") and "(at most 200 to 1)" in message
    assert "zip bomb" in message


def test_millions_of_rows_declared(tmp_path):
    """t/bomb_rows.xlsx declared no dimension (and is refused by size); this one declares its 5M rows
    in a few bytes, and is refused before a row is read."""
    sheet = head(ROW * 10, '<dimension ref="A1:B5000000"/>')
    assert refused(rebuilt(tmp_path, "rows.xlsx", sheet)) == \
        "the sheet declares 5000000 rows: more than 20000 rows; is this a submission?"


def test_rows_beyond_the_limit_without_a_dimension(tmp_path):
    sheet = head(ROW * (table_rows.MAX_ROWS + 50))
    # no dimension to go by: read up to the limit (20,000 short rows), then refused
    assert refused(rebuilt(tmp_path, "rows.xlsx", sheet)) == "more than 20000 rows; is this a submission?"


def test_an_ordinary_workbook_still_reads(tmp_path):
    path = write_xlsx(tmp_path / "x" / "2024.xlsx", [["measure", "value"], ["D1.M01", True], ["D1.M02", 95]])
    raw, found = readers.read_one(path)
    assert raw is not None and [e.measure for e in raw.entries] == ["D1.M01", "D1.M02"]
    assert not [p for p in found if p.is_error]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_permission_denied_is_a_problem(tmp_path, suffix):
    """perm/sub/2024.csv: a symlink to a file nobody may read (/proc/sys/vm/drop_caches is write-only,
    even for root)."""
    target = Path("/proc/sys/vm/drop_caches")
    try:
        target.read_bytes()
        pytest.skip("no unreadable file on this system")
    except PermissionError:
        pass
    except OSError:
        pytest.skip("no /proc/sys/vm/drop_caches here")
    path = tmp_path / "sub" / f"2024{suffix}"
    path.parent.mkdir()
    path.symlink_to(target)
    raw, found = readers.read_one(path)
    assert raw is None and [str(p) for p in found] == [f"{path}:1:1: cannot read: Permission denied"]


def test_unreadable_by_mode(tmp_path):
    path = tmp_path / "sub" / "2024.csv"
    path.parent.mkdir()
    path.write_text("measure,value\nD1.M01,true\n", encoding="utf-8")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as root: file modes do not stop reading")
        raw, found = readers.read_one(path)
        assert raw is None and [str(p) for p in found] == [f"{path}:1:1: cannot read: Permission denied"]
    finally:
        path.chmod(0o644)


@pytest.mark.parametrize("kind", ["fifo", "folder"])
def test_not_a_regular_file(tmp_path, kind):
    path = tmp_path / "sub" / "2024.csv"
    path.parent.mkdir()
    if kind == "fifo":
        os.mkfifo(path)  # reading it would wait for a writer forever
    else:
        path.mkdir()
    raw, found = readers.read_one(path)
    assert raw is None and [str(p) for p in found] == [f"{path}:1:1: cannot read: not a regular file"]


def test_a_five_thousand_digit_cell_is_a_located_error(tmp_path):
    """int('9' * 5000) raises past Python's digit limit: it ended the whole batch in a traceback."""
    path = tmp_path / "x" / "2024.csv"
    path.parent.mkdir()
    path.write_text(f"measure,value\nD1.M02,{'9' * 5000}\n", encoding="utf-8")
    raw, found = readers.read_one(path)
    assert raw is not None and [e.raw for e in raw.entries] == ["9" * 5000]  # the number reader refuses it
