"""Table rows -> RawSubmission (SPEC 4): one row per measure, every cell located as FILE:ROW:COL.

A table reader (engine.readers.csv_file, engine.readers.xlsx_file) turns the file into numbered rows of
plain cell values (str, int, float, bool, None, or a ``Bad`` cell that cannot be used); ``_build`` turns
the rows into a RawSubmission, which engine.validate then checks like any YAML submission.  The long-table
reader uses the same header names and cell rules.  No pandas here: validation stays light.
"""
from __future__ import annotations

import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from . import waivers
from .model import Loc
from .numbers import SPACE, Shown, show
from .problems import Problem, cap
from .raw import (CAMPAIGN_KEYS, PERIOD_TYPE, RawEntry, RawSubmission, campaign_keys, header_problems, layout,
                  period_ok)

MAX_BYTES = 8 * 1024 * 1024
"""Files larger than this are refused before they are parsed."""
MAX_ROWS = 20_000
"""At most this many rows: a rubric has hundreds of measures, not tens of thousands."""
HEADERS = {
    "measure": "measure", "指标": "measure", "测评项": "measure",
    "value": "value", "数值": "value", "值": "value",
    "evidence": "evidence", "佐证": "evidence", "佐证材料": "evidence",
    "note": "note", "备注": "note",
    "subject": "subject", "subject_name": "subject_name", "period": "period", "rubric": "rubric",
    "filed_by": "filed_by", "填报单位": "filed_by", "assessor": "assessor", "测评人": "assessor",
    "stage": "stage", "阶段": "stage",
}
"""Header text (lower-cased) -> the field it fills."""
WAIVER_HEADERS = {
    "reason": "reason", "理由": "reason", "豁免理由": "reason",
    "approved_by": "approved_by", "批准单位": "approved_by",
    "expires": "expires", "有效期至": "expires",
}
"""The waiver columns of a table (SPEC 9): a per-subject table's, and a long table's (engine.readers.long.waived)."""
REFERENCE = ("label", "method", "target", "unit", "points", "owners", "role", "guidance")
"""Columns of the `scorecard init --format xlsx` template that are there to read, not to be read."""
WAIVED = ("waived", "不适用", "豁免")
"""A value cell that declares its measure not applicable (SPEC 9): the row's reason, approved_by and expires
cells are its waiver."""
SHARED = ("rubric", "subject", "subject_name", "period", "filed_by", "assessor", "stage")
"""Fields that belong to the whole file: the same on every row."""
SPLIT = re.compile(r"[;；\r\n]+")
PLAIN_NUMBER = re.compile(r"[-+]?(?:0|[1-9][0-9]{0,14})(?:\.[0-9]{1,20})?")
"""A number as YAML writes it plainly; it needs no normalising, so it is read as YAML reads it (a longer
run of digits stays text, for the number reader to refuse with a message)."""
PERIOD_DIGITS = re.compile(r"[1-9][0-9]{0,8}|0")
"""A period read as a year (a longer run of digits stays text)."""
_EDGES = re.compile(f"^{SPACE}+|{SPACE}+$")

Row = tuple[int, tuple]
"""A 1-based row number and its cell values, first column first."""


@dataclass(frozen=True)
class Bad:
    """A cell that cannot be used (a formula, an Excel error); the message says why."""

    message: str


def read_table(path: str | Path, reader: Callable[..., list[Row] | None]) -> tuple[RawSubmission | None, list[Problem]]:
    """Read one table submission with ``reader(path, name, problems) -> rows``; problems instead of
    exceptions.  The file is judged (a regular file, its size) before the reader sees it."""
    name = str(path)
    problems: list[Problem] = []
    try:
        info = Path(path).stat()
        if not stat.S_ISREG(info.st_mode):
            return None, [Problem(Loc(name), "cannot read: not a regular file", code="io")]
        if info.st_size > MAX_BYTES:
            return None, [Problem(Loc(name), f"file is over the {MAX_BYTES // 2**20} MB limit", code="io")]
        rows = reader(path, name, problems)
    except OSError as e:
        return None, problems + [Problem(Loc(name), f"cannot read: {e.strerror or e}", code="io")]
    if rows is None:
        return None, problems
    if len(rows) > MAX_ROWS:
        return None, problems + [Problem(Loc(name), _too_many(), code="io")]
    return _build(rows, name, problems)


def _too_many(declared: int | None = None) -> str:
    said = f"the sheet declares {declared} rows: " if declared else ""
    return f"{said}more than {MAX_ROWS} rows; is this a submission?"


# --- rows -> RawSubmission -------------------------------------------------------------------


def _build(rows: list[Row], name: str, problems: list) -> tuple[RawSubmission | None, list[Problem]]:
    if not rows:
        return None, problems + [Problem(Loc(name), "empty table: expected a header row with the columns "
                                         "measure and value", code="schema")]
    columns = _columns(rows[0], name, problems)
    if columns is None:
        return None, problems
    return build_rows(columns, rows[1:], name, problems)


def build_rows(columns: dict[str, int], rows: list[Row], name: str,
               problems: list) -> tuple[RawSubmission | None, list[Problem]]:
    """The submission the data rows under a read header hold (``columns``: field -> 0-based column)."""
    table = _Table(name, columns, rows)
    shared = {f: table.shared(f, problems) for f in SHARED if f in columns}
    part = campaign_keys({k: (_cell_text(v), loc) for k, (v, loc) in shared.items()
                          if k in CAMPAIGN_KEYS and loc is not None}, problems)
    entries = table.entries(problems, "ratings" if "assessor" in part else "values")
    sid, period = _from_path(name, shared, problems)
    if not period_ok(period):
        problems.append(Problem(shared.get("period", (None, None))[1] or Loc(name), PERIOD_TYPE, code="schema"))
        period = None
    problems += header_problems(sid, shared.get("subject", (None, None))[1] or Loc(name), period,
                                shared.get("period", (None, None))[1] or Loc(name))
    sname = _text(shared.get("subject_name", (None,))[0]) or sid
    raw = RawSubmission(name, _text(shared.get("rubric", (None,))[0]), sid, sname, period, tuple(entries),
                        {f: loc for f, (_, loc) in shared.items() if loc is not None}, len(problems), **part,
                        waivers=tuple(table.waivers))
    return raw, cap(problems)


def _columns(header: Row, name: str, problems: list) -> dict[str, int] | None:
    """Field -> 0-based column, from the header row; None when measure or value is missing."""
    number, cells = header
    columns: dict[str, int] = {}
    for j, cell in enumerate(cells):
        text = _text(cell).lower()
        field = HEADERS.get(text) or WAIVER_HEADERS.get(text)
        loc = Loc(name, number, j + 1)
        if field in columns:
            problems.append(Problem(loc, f"a second '{field}' column (the first is column {columns[field] + 1})",
                                    code="schema"))
        elif field:
            columns[field] = j
        elif text and text not in REFERENCE:
            problems.append(Problem(loc, f"column '{_text(cell)}' is not read (known columns: "
                                    f"{', '.join(dict.fromkeys([*HEADERS.values(), *WAIVER_HEADERS.values()]))})",
                                    level="warning",
                                    code="schema"))
    lacking = [f for f in ("measure", "value") if f not in columns]
    if lacking:
        found = ", ".join(_text(c) for c in cells if _text(c)) or "nothing"
        problems.append(Problem(Loc(name, number), f"the header row needs the columns measure and value "
                                f"(or 指标 and 数值); missing {' and '.join(lacking)}, found: {found}",
                                code="schema"))
        return None
    return columns


class _Table:
    """The data rows of a table whose header has been read."""

    def __init__(self, name: str, columns: dict[str, int], rows: list[Row]):
        self.name, self.columns = name, columns
        self.rows = [r for r in rows if any(isinstance(c, Bad) or _text(c) for c in r[1])]
        self.waivers: list = []
        """The rows whose value is one of WAIVED, read as waivers (by entries())."""

    def cell(self, row: Row, field: str) -> tuple[Any, Loc]:
        j = self.columns[field]
        cells = row[1]
        return (cells[j] if j < len(cells) else None), Loc(self.name, row[0], j + 1)

    def measure(self, row: Row) -> str:
        value, _ = self.cell(row, "measure")
        return "" if isinstance(value, Bad) else _text(value)

    def shared(self, field: str, problems: list) -> tuple[Any, Loc | None]:
        """The value a whole-file column holds, and where it was first given; a differing row is an error."""
        first: tuple[Any, Loc | None] = (None, None)
        for row in self.rows:
            value, loc = self.cell(row, field)
            value = period_value(value) if field == "period" else value
            if _bad(value, loc, self.measure(row), problems) or _text(value) == "":
                continue
            if first[1] is None:
                first = (value, loc)
            elif _text(value) != _text(first[0]):
                problems.append(Problem(loc, f"{field} is {show(_text(value))} here but {show(_text(first[0]))} in row "
                                        f"{first[1].line}; one file holds one submission", self.measure(row),
                                        code="schema"))
        return first

    def entries(self, problems: list, section: str = "values") -> list[RawEntry]:
        """Each row's entry; an assessor's table holds ratings (SPEC 8), any other values."""
        seen: dict[str, int] = {}
        out = []
        for row in self.rows:
            entry = self.entry(row, seen, problems, section)
            if entry is not None:
                out.append(entry)
        return out

    def entry(self, row: Row, seen: dict, problems: list, section: str = "values") -> RawEntry | None:
        mcell, key_loc = self.cell(row, "measure")
        mid = self.measure(row)
        if _bad(mcell, key_loc, "", problems):
            return None
        if not mid:
            problems.append(Problem(key_loc, "this row has no measure id", code="schema"))
            return None
        if mid in seen:
            problems.append(Problem(key_loc, f"given twice: rows {seen[mid]} and {row[0]}", mid, code="duplicate"))
            return None
        seen[mid] = row[0]
        value, loc = self.cell(row, "value")
        if _bad(value, loc, mid, problems):
            return None
        value = _value(value)
        if isinstance(value, str) and value.strip().lower() in WAIVED:
            self.waivers.append(self.waiver(row, mid, key_loc, problems))
            return None
        for f in waivers.FIELDS:
            if f in self.columns and _text(self.cell(row, f)[0]):
                problems.append(Problem(self.cell(row, f)[1], waivers.stray(f), mid, code="waiver"))
        if value is None:
            problems.append(Problem(loc, "no value; the measure counts as missing", mid, level="info",
                                    code="empty"))
            return None
        ev_loc = self.cell(row, "evidence")[1] if "evidence" in self.columns else None
        return RawEntry(mid, value, self.evidence(row, mid, problems), self.note(row, mid, problems),
                        loc, key_loc, section, evidence_loc=ev_loc)

    def waiver(self, row: Row, mid: str, key_loc: Loc, problems: list):
        """The waiver a row whose value is waived holds: its reason, approved_by and expires cells."""
        given = {}
        for f in waivers.FIELDS:
            value, loc = self.cell(row, f) if f in self.columns else (None, key_loc)
            if not _bad(value, loc, mid, problems) and _text(value):
                given[f] = _text(value)
        places = {f: self.cell(row, f)[1] for f in waivers.FIELDS if f in self.columns}
        return waivers.one(mid, given, lambda *path, key=False: key_loc if key or not path else
                           places.get(path[0], key_loc), problems, waivers.TABLE_SHAPE)

    def evidence(self, row: Row, mid: str, problems: list) -> tuple[str, ...]:
        if "evidence" not in self.columns:
            return ()
        value, loc = self.cell(row, "evidence")
        if _bad(value, loc, mid, problems):
            return ()
        return tuple(s.strip() for s in SPLIT.split(_text(value)) if s.strip())

    def note(self, row: Row, mid: str, problems: list) -> str:
        if "note" not in self.columns:
            return ""
        value, loc = self.cell(row, "note")
        return "" if _bad(value, loc, mid, problems) else _text(value)


def _bad(value: Any, loc: Loc, mid: str, problems: list) -> bool:
    if isinstance(value, Bad):
        problems.append(Problem(loc, value.message, mid, code="cell"))
        return True
    return False


def _value(cell: Any) -> Any:
    """A value cell as the methods read it: true/false -> bool, 'a;b' -> a list (ratings), '85' -> 85 as
    YAML reads it; any other text ('3.6万', '85%', '是') stays text for the methods' number reading, and
    a cell read from its number format (a Shown text: '85%' for 0.85 shown as 85%) stays as it is.
    Spaces around are those engine.numbers reads as spaces (a control character is no space)."""
    if not isinstance(cell, str) or isinstance(cell, Shown):
        return cell
    text = _EDGES.sub("", cell)
    if text.lower() in ("true", "false"):
        return text.lower() == "true"
    parts = [p.strip() for p in SPLIT.split(text) if p.strip()]
    if len(parts) > 1:
        return [_plain(p) for p in parts]
    return _plain(text) if text else None


def _plain(text: str) -> Any:
    if len(text) <= 40 and PLAIN_NUMBER.fullmatch(text):  # longer: the number reader refuses it, located
        return float(text) if "." in text else int(text)
    return text


def _from_path(name: str, shared: dict, problems: list) -> tuple[str, Any]:
    """Subject and period from their columns, else from submissions/<subject>/<period>[.anything].csv (or a
    part's submissions/<subject>/<period>/<name>.csv)."""
    sid, period = _text(shared.get("subject", (None,))[0]), shared.get("period", (None,))[0]
    path = Path(name)
    laid = layout(name) or (path.parent.name, path.name.split(".", 1)[0])
    taken = []
    if not sid:
        sid = laid[0] or path.resolve().parent.name
        taken.append(f"subject '{sid}'")
    if period is None:
        period = period_value(laid[1])
        taken.append(f"period {period}")
    if taken:
        problems.append(Problem(Loc(name), f"{' and '.join(taken)} taken from the file path", level="info",
                                code="from-path"))
    return sid, period


def period_value(value: Any) -> Any:
    """2024, 2024.0 and '2024' are the period 2024 (as YAML would read it); anything else stays as written."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and PERIOD_DIGITS.fullmatch(value.strip()):
        return int(value)
    return value.strip() if isinstance(value, str) else value


def _cell_text(value: Any) -> Any:
    """A header cell as campaign_keys reads it: text as text, a number as its digits (an assessor 3)."""
    return _text(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else value


def _text(value: Any) -> str:
    if value is None or isinstance(value, Bad):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
