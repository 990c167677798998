"""National-scale batches: one long table (subject, period, measure, value) scored at once, vectorised.

    df = read_long("province-2024.csv")              # pandas, every cell as text
    values, problems = validate_long(df, rubric)     # located problems; the valid subjects' values
    batch = score_long(values, rubric)               # totals, grades, group and measure scores
    cards = to_scorecards(batch, rubric, ["c0001"])  # engine.results.Scorecard for a few subjects

pandas and numpy are imported only by the modules of this package, never by this file:
``is_long_table`` reads the start of a file with the csv module, so `scorecard validate` and
`scorecard check` stay free of them.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

LONG_SUFFIXES = (".csv", ".parquet")
KEY_COLUMNS = ("subject", "measure")
"""A long table's header names these (and period and value)."""
SNIFF_ROWS = 10_000
"""is_long_table reads at most this many rows looking for a second subject."""

_EXPORTS = {"read_long": "read", "validate_long": "validate", "score_long": "..vector.score",
            "to_scorecards": "..vector.cards", "iter_scorecards": "..vector.cards", "BatchResult": "..vector.result",
            "LongValues": "..vector.values"}


def __getattr__(name: str):
    """The package's functions, imported (with pandas) on first use."""
    if name in _EXPORTS:
        import importlib

        where = _EXPORTS[name]
        module = f"engine.{where[2:]}" if where.startswith("..") else f"{__name__}.{where}"
        return getattr(importlib.import_module(module), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def long_tables(paths, force: bool = False) -> list[str]:
    """The paths (as given) that are long tables; the command line's switch between per-file and batch."""
    return [p for p in paths if is_long_table(p, force)]


def is_long_table(path: str | Path, force: bool = False) -> bool:
    """True for a .csv whose header names subject and measure columns and whose rows name more than one
    subject (or any such .csv when ``force``), and for a .parquet with those columns.

    A .csv of one subject keeps being read as one submission (engine.tabular), even with a subject column.
    Only the header and the rows up to the second subject are read (a long table's first few lines)."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in LONG_SUFFIXES or not p.is_file():
        return False
    if suffix == ".parquet":
        return _parquet_columns(p) >= set(KEY_COLUMNS)
    try:
        with open(p, encoding="utf-8-sig", errors="replace", newline="") as f:
            head = f.readline()
            sep = max(",\t;", key=head.count)
            header = [_field(h) for h in next(csv.reader(io.StringIO(head), delimiter=sep), [])]
            if not set(KEY_COLUMNS) <= set(header):
                return False
            return force or _subjects_differ(csv.reader(f, delimiter=sep), header.index("subject"))
    except (OSError, csv.Error):
        return False


def _field(head: str) -> str:
    from ..tabular import HEADERS  # no pandas there

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
