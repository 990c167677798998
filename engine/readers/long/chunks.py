"""A long table too big to hold whole, read a chunk of whole subjects at a time.

A national table of 32,000 subjects is 4.4 million rows: held as text cells it takes some 600 MB before a value is
checked.  When a CSV is larger than CHUNK_BYTES and every subject's rows stand together (the way tables are
exported), a first pass reads only the subject column, and the table is then read, checked and scored in chunks of
about CHUNK_ROWS rows that never split a subject, so memory stays flat however long the table is.  A Parquet
table of more than PARQUET_ROWS rows goes the same way (its subject column read alone, then its batches).  Every chunk is
an ordinary table (engine.readers.long.read's DataFrame, its rows' own file lines), so what is said of each row and
subject is what the whole table would say.  A table whose subjects come back after others is read whole.
"""
from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import numpy as np
import pandas as pd

from ... import table_rows
from . import read

CHUNK_BYTES = 48 * 2**20
"""CSV files larger than this are read in chunks (when their subjects stand together)."""
CHUNK_ROWS = 300_000
"""Rows of a chunk, about (a chunk ends where a subject does)."""
PARQUET_ROWS = 1_000_000
"""Parquet tables of more rows than this are read in chunks (a Parquet file is compressed: its size says little)."""


@dataclass(frozen=True)
class Plan:
    """Where the chunks of one table start and end (data rows, 0-based), and how to read them."""

    path: str
    encoding: str
    sep: str
    header: list
    bounds: tuple[tuple[int, int], ...]
    lines: np.ndarray
    """The file line each data row starts on (engine.readers.long.read.lines)."""


def plan(path: str | Path) -> Plan | None:
    """The chunks of a big CSV or Parquet table whose subjects stand together; None for anything else (read it
    whole)."""
    name = str(path)
    if Path(name).suffix.lower() == ".parquet":
        return _parquet_plan(name)
    if os.path.getsize(name) <= CHUNK_BYTES:
        return None
    try:
        encoding, sep, first = read.dialect(name)
        written = next(csv.reader(io.StringIO(first, newline=""), delimiter=sep), [])
        at = next((j for j, h in enumerate(written) if table_rows.HEADERS.get(str(h).strip().lower()) == "subject"),
                  None)
        if at is None:
            return None
        subjects = read._read_csv(name, sep, encoding, usecols=[at]).iloc[:, 0].to_numpy(dtype=object)
    except (OSError, csv.Error, UnicodeDecodeError, ValueError, pd.errors.ParserError, pd.errors.ParserWarning,
            pd.errors.EmptyDataError):
        return None  # the whole-table reader says what is wrong
    starts = run_starts(subjects)
    if starts is None:
        return None
    bounds = cut(starts, len(subjects))
    if len(bounds) < 2:
        return None
    return Plan(name, encoding, sep, list(written), bounds, read.lines(name, encoding, sep, len(subjects)))


def _parquet_plan(name: str) -> Plan | None:
    """A Parquet table's chunks: its subject column read alone (columnar: cheap), its row groups read in turn."""
    try:
        import pyarrow.parquet as pq

        f = pq.ParquetFile(name)
        if f.metadata.num_rows <= PARQUET_ROWS:
            return None
        written = list(f.schema_arrow.names)
        at = next((c for c in written if table_rows.HEADERS.get(str(c).strip().lower()) == "subject"), None)
        if at is None:
            return None
        subjects = read.texts(pq.read_table(name, columns=[at]).column(0).to_pandas())
    except Exception:  # noqa: BLE001 - no pyarrow, or a file it cannot read: the whole-table reader says why
        return None
    starts = run_starts(subjects)
    bounds = cut(starts, len(subjects)) if starts is not None else ()
    if len(bounds) < 2:
        return None
    return Plan(name, "", "", written, bounds, np.arange(len(subjects), dtype=np.int64) + 2)


def run_starts(subjects: np.ndarray) -> np.ndarray | None:
    """The rows where a subject's run of rows begins, when every subject has one run (a row naming no subject
    belongs to the run it stands in); else None."""
    named = subjects != ""
    if not named.any():
        return None
    codes, uniques = pd.factorize(subjects[named])
    positions = np.flatnonzero(named)
    change = np.flatnonzero(codes[1:] != codes[:-1]) + 1
    if len(change) + 1 != len(uniques):
        return None
    return np.concatenate(([0], positions[change]))


def cut(starts: np.ndarray, rows: int) -> tuple[tuple[int, int], ...]:
    """(start, end) of each chunk: about CHUNK_ROWS rows, each ending where a subject's run does."""
    bounds, begin = [], 0
    while begin < rows:
        want = begin + CHUNK_ROWS
        i = int(np.searchsorted(starts, want))
        end = int(starts[i]) if i < len(starts) else rows
        end = rows if end <= begin else end
        bounds.append((begin, end))
        begin = end
    return tuple(bounds)


def _parquet_batches(path: str) -> Iterator[pd.DataFrame]:
    import pyarrow.parquet as pq

    for batch in pq.ParquetFile(path).iter_batches(batch_size=CHUNK_ROWS):
        df = batch.to_pandas()
        yield pd.DataFrame({c: read.texts(df[c]) for c in df.columns}, dtype=object)


def frames(p: Plan) -> Iterator[pd.DataFrame]:
    """Each chunk as engine.readers.long.read makes a table: text cells, its header as written, its lines."""
    parquet = not p.sep
    reader = _parquet_batches(p.path) if parquet else read._read_csv(p.path, p.sep, p.encoding, chunksize=CHUNK_ROWS)
    held, offset = [], 0
    for begin, end in p.bounds:
        while sum(len(x) for x in held) < end - offset:
            held.append(next(reader))
        whole = pd.concat(held, ignore_index=True) if len(held) > 1 else held[0]
        size = end - begin
        df, rest = whole.iloc[:size].reset_index(drop=True), whole.iloc[size:].reset_index(drop=True)
        held, offset = ([rest] if len(rest) else []), end
        df.columns = p.header if len(p.header) == len(df.columns) else df.columns
        df.attrs.update(path=p.path, lines=p.lines[begin:end])
        if not parquet:
            df.attrs.update(encoding=p.encoding, cells="text")
        yield df
    if not parquet:
        reader.close()
