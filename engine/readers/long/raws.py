"""A long table as one RawSubmission per (subject, period): the rows of each pair read exactly as a
per-subject CSV file of those rows is read (engine.table_rows), each entry located at its own cells.

The cells are the text cells engine.readers.long.read made; the header is judged once, as the vectorised
validation judges it (its problems, and rows that belong to no pair, are the table's own).
"""
from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from ...model import Loc
from ...problems import Problem
from ...raw import RawSubmission
from ...table_rows import HEADERS, build_rows, period_value
from .read import texts
from .validate import _columns

LINE0 = 2
"""Data row i (0-based) is on line i + 2 of the file when read.lines has not counted them."""


def raws(df: pd.DataFrame, path: str) -> Iterator[tuple[RawSubmission, list[Problem]]]:
    """One (RawSubmission, its problems) per (subject, period), in order of first appearance."""
    cols = _columns(df, path, [])
    if cols is None:
        return
    groups, _ = _groups(df, cols, path)
    for rows in groups.values():
        raw, problems = build_rows(cols, rows, path, [])
        if raw is not None:
            yield raw, problems


def table_problems(df: pd.DataFrame, path: str) -> list[Problem]:
    """The header's problems, the encoding note, and each row that names no subject or no period."""
    problems: list[Problem] = []
    if df.attrs.get("encoding") == "gb18030":
        problems.append(Problem(Loc(path), "not UTF-8; read as GB18030 (a Chinese Excel export). Save as "
                                "'CSV UTF-8' to avoid surprises", level="info", code="encoding"))
    cols = _columns(df, path, problems)
    if cols is not None:
        problems += _groups(df, cols, path)[1]
    return problems


def rubric_ref(df: pd.DataFrame) -> str:
    """The first rubric the table's rubric column names ('' for none)."""
    at = next((j for j, head in enumerate(df.columns) if HEADERS.get(str(head).strip().lower()) == "rubric"), None)
    if at is None:
        return ""
    return next((t.strip() for t in _texts(df, at) if t.strip()), "")


def _groups(df: pd.DataFrame, cols: dict[str, int], name: str) -> tuple[dict, list[Problem]]:
    """Pair -> its rows (line, cells), in order of first appearance; and the problems of the filled rows
    that name no pair (in the vectorised validation's words)."""
    cells = list(zip(*(_texts(df, j) for j in range(len(df.columns)))))
    groups: dict[tuple, list] = {}
    lost: list[Problem] = []
    s, p, m = cols["subject"], cols["period"], cols["measure"]
    lines = df.attrs.get("lines")
    lines = (lines if lines is not None and len(lines) == len(cells) else range(LINE0, len(cells) + LINE0))
    for line, row in zip(lines.tolist() if hasattr(lines, "tolist") else lines, cells):
        sid, period = row[s].strip(), period_value(row[p])
        if sid and period != "":
            groups.setdefault((sid, period), []).append((line, row))
        elif any(row[j].strip() for j in (s, p, m)) or row[cols["value"]] != "":
            lost.append(_lost(row, line, name, cols, m, s))
    return groups, lost


def _lost(row: tuple, line: int, name: str, cols: dict, m: int, s: int) -> Problem:
    if not row[m].strip():
        return Problem(Loc(name, line, m + 1), "this row has no measure id", code="schema")
    if not row[s].strip():
        return Problem(Loc(name, line, s + 1), "this row has no subject", code="schema")
    return Problem(Loc(name, line, cols["period"] + 1), "this row has no period", code="schema")


def _texts(df: pd.DataFrame, j: int) -> list[str]:
    col = df.iloc[:, j]
    return (col.to_numpy(dtype=object) if df.attrs.get("cells") == "text" else texts(col)).tolist()
