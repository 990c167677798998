"""Read a long table (CSV, or Parquet when pyarrow is importable) into a DataFrame of text cells.

Every cell is read as text (nothing is coerced: 'NA', '85%', '007' stay as written); a cell that
is empty is ''.  Blank lines are kept as empty rows; ``df.attrs['lines']`` holds the line each data row
starts on (i + 2 for row i, unless a quoted cell spans lines).  A file that cannot be read raises
InputError with a located problem.
"""
from __future__ import annotations

import csv
import io
import os
import re
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from ...model import Loc
from ...problems import InputError, Problem

_LINE = re.compile(r"line (\d+)")
TEXT = pd.StringDtype("python", na_value=np.nan)
"""pandas' str dtype, its cells Python str objects (which the validation reads) even where pyarrow would
otherwise store them as Arrow strings."""


def read_long(path: str | Path) -> pd.DataFrame:
    """The table at ``path`` with string columns; ``df.attrs['path']`` says where it came from."""
    name = str(path)
    from ... import io

    try:
        io.allow(path)
        os.close(io.open_fd(path))  # a regular file, no link out of its folder, never written by -o
        if Path(path).suffix.lower() == ".parquet":
            df = _parquet(path)
        else:
            df = _csv(path, name)
    except OSError as e:
        raise InputError([Problem(Loc(name), f"cannot read: {e.strerror or e}", code="io")]) from None
    df.attrs["path"] = name
    return df


def dialect(path) -> tuple[str, str, str]:
    """(encoding, separator, header line) of a CSV: UTF-8 (with or without a BOM) unless its first line is not,
    then GB18030; the separator the header holds most of."""
    with open(path, "rb") as f:
        head = f.readline()
    encoding = "utf-8-sig"
    try:
        first = head.decode(encoding)
    except UnicodeDecodeError:
        encoding, first = "gb18030", head.decode("gb18030", errors="replace")
    sep = max(",\t;", key=first.count) if first.strip() else ","
    return encoding, sep, first


def _csv(path, name: str) -> pd.DataFrame:
    encoding, sep, first = dialect(path)
    try:
        try:
            df = _read_csv(path, sep, encoding)
        except UnicodeDecodeError:
            encoding = "gb18030"
            df = _read_csv(path, sep, encoding)
    except UnicodeDecodeError:
        raise InputError([_undecodable(path, name)]) from None
    except (pd.errors.ParserError, pd.errors.ParserWarning, pd.errors.EmptyDataError) as e:
        raise InputError([_csv_problem(e, name)]) from None
    df.columns = header(first, sep, df.columns)
    df.attrs["encoding"] = encoding
    df.attrs["lines"] = lines(path, encoding, sep, len(df))
    df.attrs["cells"] = "text"
    return df


def header(first: str, sep: str, columns: pd.Index) -> list:
    """The header as written: pandas renames a second 'value' column 'value.1', which would hide that the
    table names a column twice (the validation says so, as for a per-subject table)."""
    try:
        written = next(csv.reader(io.StringIO(first, newline=""), delimiter=sep), [])
    except csv.Error:
        return list(columns)
    return written if len(written) == len(columns) else list(columns)


CHUNK = 1 << 20


def lines(path, encoding: str, sep: str, rows: int) -> np.ndarray:
    """The line of the file each data row starts on: row i is on line i + 2 unless a quoted cell spans
    lines (an evidence cell with one document per line), or lines end in a lone CR; then the rows are
    counted again with the csv module, as the per-subject reader counts them."""
    plain = np.arange(rows, dtype=np.int64) + 2
    with open(path, "rb") as f:
        breaks, last = 0, b""
        while chunk := f.read(CHUNK):
            breaks, last = breaks + chunk.count(b"\n"), chunk[-1:]
    if breaks + (last not in (b"\n", b"")) == rows + 1 and not _lone_cr(path):
        return plain
    starts, start = [], 1
    with open(path, encoding=encoding, newline="") as f:
        reader = csv.reader(f, delimiter=sep)
        try:
            for _ in reader:
                starts.append(start)
                start = reader.line_num + 1
        except csv.Error:
            return plain
    return np.asarray(starts[1:], dtype=np.int64) if len(starts) == rows + 1 else plain


def _lone_cr(path) -> bool:
    """Whether the file has a CR not followed by LF (a line break for pandas, not for a line count)."""
    with open(path, "rb") as f:
        head = f.read(CHUNK)
    return b"\r" in head.replace(b"\r\n", b"")


def _undecodable(path, name: str) -> Problem:
    """Where the file stops being GB18030 (and so UTF-8) text, located as the per-subject reader locates it."""
    line, line_start, offset, carry = 1, 0, 0, b""
    with open(path, "rb") as f:
        while True:
            chunk = f.read(CHUNK)
            data, bad = carry + chunk, None
            try:
                data.decode("gb18030")
                good = len(data)
            except UnicodeDecodeError as e:
                good = e.start
                bad = e.start if not chunk or e.start < len(data) - 3 else None  # else: cut short by the chunk
            seen = data[:good]
            line, nl = line + seen.count(b"\n"), seen.rfind(b"\n")
            line_start = offset + nl + 1 if nl >= 0 else line_start
            if bad is not None:
                return Problem(Loc(name, line, offset + bad - line_start + 1),
                               f"neither UTF-8 nor GB18030 text (byte 0x{data[bad]:02x})", code="encoding")
            if not chunk:
                return Problem(Loc(name), "neither UTF-8 nor GB18030 text", code="encoding")
            offset, carry = offset + good, data[good:]


def _read_csv(path, sep: str, encoding: str, **more) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("error", pd.errors.ParserWarning)  # a row longer than the header: an error
        return pd.read_csv(path, sep=sep, dtype=TEXT, encoding=encoding, keep_default_na=False, na_filter=False,
                           skip_blank_lines=False, index_col=False, **more)


def _csv_problem(e: Exception, name: str) -> Problem:
    if isinstance(e, pd.errors.EmptyDataError):
        return Problem(Loc(name), "empty table: expected a header row with the columns subject, period, measure "
                       "and value", code="schema")
    found = _LINE.search(str(e))
    line = int(found.group(1)) if found else 1
    text = str(e).split("C error: ")[-1].strip() if found else "a row has more cells than the header has columns"
    return Problem(Loc(name, line), f"not a readable CSV row: {text}", code="csv")


def _parquet(path) -> pd.DataFrame:
    try:
        df = pd.read_parquet(path)
    except ImportError as e:
        raise InputError([Problem(Loc(str(path)), f"cannot read a .parquet table: {e.name or 'pyarrow'} is not "
                                  "installed (or write the table as CSV)", code="io")]) from None
    except OSError:
        raise
    except Exception as e:  # noqa: BLE001 - any failure of the Parquet parser is a bad file, not a crash
        raise InputError([Problem(Loc(str(path)), f"cannot read as a Parquet table: {' '.join(str(e).split())}",
                                  code="io")]) from None
    return pd.DataFrame({c: texts(df[c]) for c in df.columns}, dtype=object)


def texts(col: pd.Series) -> np.ndarray:
    """A column as an object array of str, as a CSV would hold it ('' for nothing, 85.0 -> '85')."""
    if pd.api.types.is_string_dtype(col) and not col.isna().any():
        return col.to_numpy(dtype=object)
    codes, uniques = pd.factorize(col, use_na_sentinel=True)
    shown = np.array([_text(u) for u in uniques] + [""], dtype=object)
    return shown[codes]


def _text(value) -> str:
    if isinstance(value, (bool, np.bool_)):
        return "true" if value else "false"
    if isinstance(value, (float, np.floating)):
        return "" if np.isnan(value) else np.format_float_positional(value, unique=True, trim="-")
    return "" if value is None else str(value)
