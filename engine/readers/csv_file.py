"""Read a one-submission CSV file (SPEC 4): bytes -> numbered rows of text cells, then engine.table_rows.

UTF-8 (a BOM allowed), else GB18030 as Chinese Excel saves CSV; the delimiter (comma, tab or semicolon)
is the one the header line uses most.  A long table (many subjects) is engine.readers.long_table's.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

from ..model import Loc
from ..problems import Problem
from ..raw import RawSubmission
from ..table_rows import MAX_BYTES, Row, read_table

SUFFIXES = (".csv",)


def read(path: str | Path, marks: bool = True) -> list[tuple[str, RawSubmission | None, list[Problem]]]:
    """The file as one item: (name, the submission or None, its problems); ``marks`` changes nothing here
    (every cell is located anyway)."""
    return [(str(path), *read_raw(path))]


def read_raw(path: str | Path, marks: bool = True) -> tuple[RawSubmission | None, list[Problem]]:
    """Read one CSV submission; problems instead of exceptions."""
    return read_table(path, csv_rows)


def csv_rows(path, name: str, problems: list) -> list[Row] | None:
    from ..io import read_bytes  # a regular file only, never through a link out of the folders given

    text = _decode(read_bytes(path, MAX_BYTES), name, problems)
    if text is None:
        return None
    first = text.split("\n", 1)[0]
    delimiter = max(",\t;", key=first.count) if first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows, start = [], 1
    try:
        for record in reader:
            rows.append((start, tuple(record)))
            start = reader.line_num + 1
    except csv.Error as e:
        problems.append(Problem(Loc(name, start), f"not a readable CSV row: {e}", code="csv"))
        return None
    return rows


def _decode(raw: bytes, name: str, problems: list) -> str | None:
    """UTF-8 (a BOM allowed), else GB18030 as Chinese Excel saves CSV, said in an info note."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError as e:
        return _bad_bytes(raw, e, name, problems)
    problems.append(Problem(Loc(name), "not UTF-8; read as GB18030 (a Chinese Excel export). "
                            "Save as 'CSV UTF-8' to avoid surprises", level="info", code="encoding"))
    return text


def _bad_bytes(raw: bytes, e: UnicodeDecodeError, name: str, problems: list) -> None:
    before = raw[: e.start]
    line, col = before.count(b"\n") + 1, e.start - (before.rfind(b"\n") + 1) + 1
    problems.append(Problem(Loc(name, line, col), f"neither UTF-8 nor GB18030 text (byte 0x{raw[e.start]:02x})",
                            code="encoding"))
    return None
