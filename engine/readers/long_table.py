"""A long table (subject, period, measure, value; one row per value, many subjects): the sniff that tells
one from a one-submission CSV, and the LongTable a reader hands on.

pandas and numpy are imported only when a long table is read (engine.readers.long), never by this
module: sniffing reads the start of a file with the csv module, so `scorecard validate` and `scorecard
check` on ordinary files stay free of them.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import Rubric
from ..problems import InputError, Problem
from ..raw import RawSubmission
from . import TABLE_SUFFIXES

if TYPE_CHECKING:
    from ..vector.values import LongValues

SUFFIXES = TABLE_SUFFIXES
"""A .csv is a long table when is_long_table says so; a .parquet always is one."""
KEY_COLUMNS = ("subject", "measure")
"""A long table's header names these (and period and value)."""
SNIFF_ROWS = 10_000
"""is_long_table reads at most this many rows looking for a second subject ..."""
SNIFF_BYTES = 4 * 1024 * 1024
"""... and at most this many bytes of the file (a file of one endless line is not read whole)."""


class LongTable:
    """A long table read as text cells (engine.readers.long.read), not yet held against a rubric."""

    def __init__(self, path: str, df):
        self.path, self.df = path, df

    @property
    def rubric_ref(self) -> str:
        """The first rubric named in the table's rubric column ('' when it has none)."""
        from .long.raws import rubric_ref

        return rubric_ref(self.df)

    def validate(self, rubric: Rubric) -> tuple[LongValues, list[Problem], list]:
        """The vectorised validation: the clean values of every valid (subject, period), every problem in
        file order, and per problem the (subject_id, period) it belongs to (None for the table's own)."""
        from .long.validate import validate_owned

        return validate_owned(self.df, rubric, self.path)

    def raws(self) -> Iterator[tuple[RawSubmission, list[Problem]]]:
        """One RawSubmission per (subject, period), in the order the table first names them, located at
        the table's cells and read as a per-subject CSV file of those rows is read, with its problems."""
        from .long.raws import raws

        return raws(self.df, self.path)

    def table_problems(self) -> list[Problem]:
        """What raws() leaves out, belonging to no (subject, period): the header's problems, the encoding
        note, and rows that name no subject or no period."""
        from .long.raws import table_problems

        return table_problems(self.df, self.path)


def read(path: str | Path, marks: bool = True, force_long: bool = True) -> list[tuple[str, LongTable | None,
                                                                                      list[Problem]]]:
    """The table as one item: (name, the LongTable or None, the problems that stopped its reading)."""
    name = str(path)
    try:
        from .long.read import read_long

        return [(name, LongTable(name, read_long(path)), [])]
    except InputError as e:
        return [(name, None, e.problems)]


def long_tables(paths, force: bool = False) -> list[str]:
    """The paths (as given) that are long tables; the command line's switch between per-file and batch."""
    return [p for p in paths if is_long_table(p, force)]


def is_long_table(path: str | Path, force: bool = False) -> bool:
    """True for a .csv whose header names subject and measure columns and whose rows name more than one
    subject (or any such .csv when ``force``), and for a .parquet with those columns.

    A .csv of one subject keeps being read as one submission (engine.readers.csv_file), even with a subject
    column.  Only the header and the rows up to the second subject are read (a long table's first lines)."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in SUFFIXES or not p.is_file():
        return False
    if suffix == ".parquet":
        return _parquet_columns(p) >= set(KEY_COLUMNS)
    try:
        with open(p, "rb") as f:
            head = f.read(SNIFF_BYTES + 1)
    except OSError:
        return False
    text = _text(head[:SNIFF_BYTES])
    if len(head) > SNIFF_BYTES:
        text = text[:text.rfind("\n") + 1]  # the last line read may be cut short
    f = io.StringIO(text, newline="")
    first = f.readline()
    sep = max(",\t;", key=first.count)
    try:
        header = [_field(h) for h in next(csv.reader(io.StringIO(first), delimiter=sep), [])]
        if not set(KEY_COLUMNS) <= set(header):
            return False
        return force or _subjects_differ(csv.reader(f, delimiter=sep), header.index("subject"))
    except csv.Error:
        return False


def _text(head: bytes) -> str:
    """The start of a file as text, decoded as the readers decode it: UTF-8 (a BOM allowed), else GB18030."""
    try:
        return head.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        if e.start >= len(head) - 3:  # a character cut short at the end of what was read
            return _text(head[:e.start])
    return head.decode("gb18030", errors="replace")


def _field(head: str) -> str:
    from ..table_rows import HEADERS  # only for a .csv: sniffing a .yaml needs none of the table readers

    text = head.strip().lower()
    return HEADERS.get(text, text)


def _subjects_differ(rows, at: int) -> bool:
    first = None
    for n, row in enumerate(rows):
        if n >= SNIFF_ROWS:
            break
        sid = row[at].strip() if at < len(row) else ""
        if sid and first is None:
            first = sid
        elif sid and sid != first:
            return True
    return False


def _parquet_columns(path: Path) -> set[str]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        return set()
    try:
        return {_field(str(n)) for n in pq.read_schema(path).names}
    except Exception:  # noqa: BLE001 - a file pyarrow cannot read is not a long table
        return set()



sniff = is_long_table
"""The name the pipeline asks by: is this input a long table?"""
