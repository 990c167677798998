"""Read the value cells of a long table, vectorised, with the per-file reader as the fallback.

Each distinct cell text is looked at once: is it a plain number ('85', '-3.25': the C parser reads it
exactly as Python's float() does), or true/false?  A cell that the method accepts in that form and that
is inside its bounds is taken as it is.  Every other cell ('3.6万', '85%', '是', 'abc', '4;5;3', a number
out of bounds) goes through engine.validate's own reading, cell by cell, so the value, the notes and
the error messages are exactly those of a per-subject file.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ... import methods, table_rows, validate
from ...model import Loc, Measure
from ...problems import Problem
from ...raw import RawEntry

NUMBER, COUNT, MODIFIER, BOOL, CHOICE = range(5)
KIND_CODES = {"number": NUMBER, "count": COUNT, "modifier": MODIFIER, "bool": BOOL, "choice": CHOICE}
_NOT_PLAIN = re.compile(r"^(?![ \t]*[-+]?[0-9]{1,15}(?:\.[0-9]{1,20})?[ \t]*$).*$", re.MULTILINE)
"""A line that is not a plain number (one scan over all distinct texts joined by newlines); the digit runs
are bounded as engine.numbers bounds them, so a longer one is read (and refused) by the fallback."""


@dataclass
class Cells:
    """What the value cells of the rows hold."""

    number: np.ndarray
    """float per row: the value (true/false as 1/0, a choice as its option's index); NaN when none."""
    ok: np.ndarray
    """bool per row: a valid value was read."""
    empty: np.ndarray
    """bool per row: the cell is empty (the measure counts as missing)."""
    lists: dict
    """row -> ratings, for cells with several."""
    waived: np.ndarray
    """bool per row: the cell is waived (不适用, 豁免): the row is a waiver (engine.readers.long.waived), no value."""


def plain_numbers(uniques: np.ndarray) -> np.ndarray:
    """The number each text is when it is a plain number (as YAML writes one), else NaN."""
    x = np.asarray(pd.to_numeric(uniques, errors="coerce"), dtype=np.float64)
    took = np.flatnonzero(np.isfinite(x))
    if len(took):
        texts = uniques[took].tolist()
        joined = "\n".join(texts)
        if joined.count("\n") != len(texts) - 1:  # a cell holds a line break: one by one
            bad = [i for i, t in enumerate(texts) if _NOT_PLAIN.match(t.replace("\n", "?"))]
        else:
            lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
            starts = np.concatenate(([0], np.cumsum(lengths + 1)[:-1]))
            bad = np.searchsorted(starts, [m.start() for m in _NOT_PLAIN.finditer(joined)])
        x[took[np.asarray(bad, dtype=np.int64)]] = np.nan
    x[~np.isfinite(x)] = np.nan
    return x


def booleans(uniques: np.ndarray, numbers: np.ndarray) -> np.ndarray:
    """1.0 for 'true', 0.0 for 'false' (any case, spaces around), else NaN."""
    out = np.full(len(uniques), np.nan)
    for i in np.flatnonzero(np.isnan(numbers)).tolist():
        t = uniques[i]
        if len(t) < 16:
            word = t.strip().lower()
            if word in ("true", "false"):
                out[i] = 1.0 if word == "true" else 0.0
    return out


def waived_words(uniques: np.ndarray, numbers: np.ndarray) -> np.ndarray:
    """True for each text a per-subject table reads as a waiver (table_rows.WAIVED, any case, spaces around)."""
    out = np.zeros(len(uniques), dtype=bool)
    for i in np.flatnonzero(np.isnan(numbers)).tolist():
        t = uniques[i]
        if len(t) < 64:
            value = table_rows._value(t)
            out[i] = isinstance(value, str) and value.strip().lower() in table_rows.WAIVED
    return out


def read(texts: np.ndarray, mcode: np.ndarray, measures: tuple[Measure, ...]) -> Cells:
    """Fast-path reading of every row whose measure is known (mcode >= 0)."""
    codes, uniques = pd.factorize(texts)
    uniques = np.asarray(uniques, dtype=object)
    unum = plain_numbers(uniques)
    num, boo = unum[codes], booleans(uniques, unum)[codes]
    known = mcode >= 0
    m = np.where(known, mcode, 0)
    kind = np.array([KIND_CODES[methods.get(x.method).CELL] for x in measures] or [0], dtype=np.int8)[m]
    lo, hi = _bounds(measures)
    lo, hi = lo[m], hi[m]
    numeric, counted = kind <= MODIFIER, (kind == COUNT) | (kind == MODIFIER)
    ok = numeric & (num >= lo) & (num <= hi) & (~counted | ((num >= 0) & (num == np.floor(num))))
    number = np.where(numeric, num, np.nan)
    flag = (kind >= MODIFIER) & (kind <= BOOL) & ~np.isnan(boo)
    flag &= (kind == BOOL) | ((boo >= lo) & (boo <= hi))
    number[flag], ok[flag] = boo[flag], True
    _choices(uniques, codes, m, measures, number, ok)
    blank = np.flatnonzero(uniques == "")
    empty = (codes == blank[0]) if len(blank) else np.zeros(len(texts), dtype=bool)
    waived = known & waived_words(uniques, unum)[codes]
    ok &= known & ~empty & ~waived
    number[~ok] = np.nan
    return Cells(number, ok, empty & known, {}, waived)


def _bounds(measures: tuple[Measure, ...]) -> tuple[np.ndarray, np.ndarray]:
    """Per measure the range a value must be in (min/max, and a rating's scale)."""
    lo = np.array([-np.inf if x.min is None else x.min for x in measures] or [0.0], dtype=np.float64)
    hi = np.array([np.inf if x.max is None else x.max for x in measures] or [0.0], dtype=np.float64)
    for j, x in enumerate(measures):
        scale = x.params.get("scale") if methods.get(x.method).RATINGS else None  # a rating's scale bounds it
        if scale:
            lo[j], hi[j] = max(lo[j], scale[0]), min(hi[j], scale[1])
    return lo, hi


def _choices(uniques, codes, m: np.ndarray, measures: tuple[Measure, ...], number, ok) -> None:
    """A choice cell written exactly as one of the option keys (other cells are left to the fallback)."""
    for j, x in enumerate(measures):
        if methods.get(x.method).CELL != "choice":
            continue
        keys = {k: float(i) for i, k in enumerate(x.params["options"])
                if isinstance(k, str) and table_rows._value(k) == k}
        rows = np.flatnonzero(m == j)
        index = np.array([keys.get(t, np.nan) for t in uniques[codes[rows]].tolist()], dtype=np.float64)
        hit = ~np.isnan(index)
        number[rows[hit]], ok[rows[hit]] = index[hit], True


def fallback(text: str, m: Measure, loc: Loc, key_loc: Loc, problems: list):
    """Read one cell the way a per-subject table is read: the Entry, or None (with the problem recorded)."""
    value = table_rows._value(text)
    if value is None:
        problems.append(Problem(loc, "no value; the measure counts as missing", m.id, level="info",
                                         code="empty"))
        return None
    return validate._parse(RawEntry(m.id, value, loc=loc, key_loc=key_loc), m, problems)


def as_number(entry, m: Measure) -> float | list:
    """The matrix value of an entry read by the fallback (a list for several ratings)."""
    v = entry.value
    if isinstance(v, list):
        return v
    if methods.get(m.method).CELL == "choice":
        return float(list(m.params["options"]).index(v))
    return float(v)
