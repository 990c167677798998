"""Validate a long table against a rubric: located problems, and the clean values of the valid subjects.

Row r of the DataFrame is on line df.attrs['lines'][r] of the file (r + 2 but after a cell spanning lines);
columns are 1-based.  A (subject, period) with any error is left out of the clean values, so it is not
scored; every other one is.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ... import raw, table_rows, waivers
from ...model import Loc, Measure, Rubric
from ...problems import Problem, did_you_mean
from . import cells, checks, waived
from .read import texts
from ...vector.values import LongValues, empty

REQUIRED = ("subject", "period", "measure", "value")
OPTIONAL = ("subject_name", "rubric", "evidence", "note", *waivers.FIELDS)


def validate_long(df: pd.DataFrame, rubric: Rubric, path: str | None = None) -> tuple[LongValues, list[Problem]]:
    """The clean values of every valid (subject, period), and every problem found, in file order."""
    values, problems, _ = validate_owned(df, rubric, path)
    return values, problems


Owner = tuple[str, object] | None
"""The (subject id, period) a problem belongs to; None for one about the whole table."""


def validate_owned(df: pd.DataFrame, rubric: Rubric, path: str | None = None) -> tuple[LongValues, list[Problem],
                                                                                       list[Owner]]:
    """As validate_long, and per problem the (subject, period) of the row it is on (None for the header,
    the file, or a row that names no subject or no period)."""
    name = path or df.attrs.get("path", "<long table>")
    problems: list[Problem] = []
    if df.attrs.get("encoding") == "gb18030":
        problems.append(Problem(Loc(name), "not UTF-8; read as GB18030 (a Chinese Excel export). Save as "
                                "'CSV UTF-8' to avoid surprises", level="info", code="encoding"))
    cols = _columns(df, name, problems)
    if cols is None:
        return empty(name, tuple(m.id for m in rubric.measures)), problems, [None] * len(problems)
    with checks.gc_paused():
        table = _Table(df, cols, name, rubric, problems)
        values = table.values()
        problems = sorted(problems, key=lambda p: (p.loc.line, p.loc.col))
        return values, problems, table.owners([p.loc.line or 0 for p in problems])


def _columns(df: pd.DataFrame, name: str, problems: list) -> dict[str, int] | None:
    """Field -> 0-based column position; None when a required column is missing."""
    cols: dict[str, int] = {}
    for j, head in enumerate(df.columns):
        text = str(head).strip().lower()
        field = table_rows.HEADERS.get(text) or table_rows.WAIVER_HEADERS.get(text)
        if field in cols:
            problems.append(Problem(Loc(name, 1, j + 1), f"a second '{field}' column (the first is column "
                                    f"{cols[field] + 1})", code="schema"))
        elif field:
            cols[field] = j
        elif text and text not in table_rows.REFERENCE:
            problems.append(Problem(Loc(name, 1, j + 1), f"column '{head}' is not read (known columns: "
                                    f"{', '.join(REQUIRED + OPTIONAL)})", level="warning", code="schema"))
    lacking = [f for f in REQUIRED if f not in cols]
    if lacking:
        problems.append(Problem(Loc(name, 1), f"a long table needs the columns {', '.join(REQUIRED)}; missing "
                                f"{' and '.join(lacking)}, found: {', '.join(map(str, df.columns)) or 'nothing'}",
                                code="schema"))
        return None
    return cols


class _Table:
    """The rows of a long table, read column by column."""

    def __init__(self, df: pd.DataFrame, cols: dict, name: str, rubric: Rubric, problems: list):
        self.df, self.cols, self.name, self.rubric, self.problems = df, cols, name, rubric, problems
        plain = df.attrs.get("cells") == "text"  # read_long's CSV: str cells, no NaN
        self.text = {f: df.iloc[:, j].to_numpy(dtype=object) if plain else texts(df.iloc[:, j])
                     for f, j in cols.items()}
        self.line = df.attrs.get("lines")
        if self.line is None or len(self.line) != len(df):
            self.line = np.arange(len(df), dtype=np.int64) + 2
        self.bad = np.zeros(len(df), dtype=bool)
        """Rows whose (subject, period) is invalid."""
        self.pair_of: tuple = (np.full(len(df), -1), np.zeros((0, 2), dtype=np.int64), (), ())
        """Per row the index of its (subject, period) pair, the pairs (subject code, period code), the subject
        ids and the periods (set by values())."""

    def owner(self, line: int | None) -> Owner:
        """The (subject, period) of the row on ``line`` (every row's problems are made at self.line[i])."""
        i = int(np.searchsorted(self.line, line or 0))
        key, pairs, sids, periods = self.pair_of
        if not i < len(key) or self.line[i] != line or key[i] < 0:
            return None
        s, p = pairs[key[i]].tolist()
        return str(sids[s]), periods[p]

    def owners(self, lines: list[int]) -> list[Owner]:
        """owner of each line, looked up at once (a table of 5,000 warnings has as many lines to place)."""
        key, pairs, sids, periods = self.pair_of
        if not len(key) or not lines:
            return [self.owner(line) for line in lines]
        at = np.asarray(lines, dtype=np.int64)
        i = np.minimum(np.searchsorted(self.line, at), len(key) - 1)
        k = np.where((self.line[i] == at) & (key[i] >= 0), key[i], -1).tolist()
        made: dict = {-1: None}
        for pair in set(k) - {-1}:
            s, p = pairs[pair].tolist()
            made[pair] = str(sids[s]), periods[p]
        return [made[pair] for pair in k]

    def loc(self, i: int, field: str) -> Loc:
        return Loc(self.name, int(self.line[i]), self.cols[field] + 1)

    def error(self, rows, field: str, message, mid=None, code: str = "invalid") -> None:
        """One problem per row (message: a text, or a function of the row); the rows are marked bad."""
        for i in np.asarray(rows).tolist():
            text = message if isinstance(message, str) else message(i)
            self.problems.append(Problem(self.loc(i, field), text, mid(i) if mid else "", code=code))
        self.bad[rows] = True

    def codes(self, field: str, tidy) -> tuple[np.ndarray, np.ndarray]:
        """Per row the code of its cell after ``tidy`` (-1 when empty), and the distinct tidied values."""
        codes, uniques = pd.factorize(self.text[field])
        tidied = np.empty(len(uniques) + 1, dtype=object)
        tidied[:-1] = [tidy(u) for u in uniques]
        tidied[-1] = ""
        again, distinct = pd.factorize(tidied)
        distinct = np.asarray(distinct, dtype=object)
        again = np.where(np.array([d == "" for d in distinct])[again], -1, again)
        return again[codes], distinct

    def values(self) -> LongValues:
        measures = self.rubric.measures
        scode, sids = self.codes("subject", str.strip)
        pcode, periods = self.codes("period", table_rows.period_value)
        mcode, mids = self.codes("measure", str.strip)
        filled = (scode >= 0) | (pcode >= 0) | (mcode >= 0) | (self.text["value"] != "")
        self.error(np.flatnonzero(filled & (mcode < 0)), "measure", "this row has no measure id", code="schema")
        self.error(np.flatnonzero((mcode >= 0) & (scode < 0)), "subject", "this row has no subject", code="schema")
        self.error(np.flatnonzero((mcode >= 0) & (scode >= 0) & (pcode < 0)), "period", "this row has no period",
                   code="schema")
        self._bad_periods(pcode, periods)
        j = self._measure_index(mcode, mids, measures)
        key, pairs = checks.keys(scode, pcode)
        self.pair_of = (key, pairs, sids, periods)
        usable = (j >= 0) & (key >= 0)
        usable &= ~self._duplicates(key, j, usable, sids, periods, pairs, measures)
        read = cells.read(self.text["value"], np.where(usable, j, -1), measures)
        rows = checks.Rows(self, j, key, measures)
        rows.empties(read)
        rows.fallbacks(read, usable)
        rows.evidence(read, usable)
        waived.stray(self, usable & ~read.waived, j)
        held = waived.collect(self, read, usable, j, key, len(pairs))
        ref = rows.rubric_refs()
        keep = np.ones(len(pairs), dtype=bool)
        keep[np.unique(key[self.bad & (key >= 0)])] = False
        values = checks.matrix(self, read, usable, key, j, pairs, sids, periods, keep, ref, held)
        from ...vector.cards import seed

        seed(values, rows.readings())
        return values

    def _bad_periods(self, pcode: np.ndarray, periods: np.ndarray) -> None:
        """Rows whose period is no period (5,000 digits, a control character): an error at the cell, as a
        per-subject table says it."""
        for u, period in enumerate(periods.tolist()):
            said = raw.period_problem(table_rows.period_value(period)) if period != "" else ""
            if said:
                self.error(np.flatnonzero(pcode == u), "period", said, code="schema")

    def _measure_index(self, mcode: np.ndarray, mids: np.ndarray, measures: tuple[Measure, ...]) -> np.ndarray:
        """Per row the column of its measure (-1 when there is none or it is unknown, with an error)."""
        index = {m.id: j for j, m in enumerate(measures)}
        known = np.array([index.get(u, -1) for u in mids] + [-1], dtype=np.int64)
        j = known[mcode]
        for u in np.flatnonzero(known[:-1] < 0):
            mid = mids[u]
            node = self.rubric.by_id.get(mid)
            kind = "a group, not a measure" if node is not None else "not a measure of this rubric"
            hint = "" if node is not None else did_you_mean(mid, list(index))
            self.error(np.flatnonzero(mcode == u), "measure", f"'{mid}' is {kind}{hint}", lambda i, m=mid: m,
                       code="unknown-measure")
        return j

    def _duplicates(self, key, j, usable, sids, periods, pairs, measures) -> np.ndarray:
        """Rows that give a (subject, period, measure) again: an error each; the first row is the one read."""
        cell = np.where(usable, key * max(len(measures), 1) + j, -1)
        again = usable & pd.Series(cell).duplicated(keep="first").to_numpy()
        if again.any():
            first = dict(zip(cell[usable][::-1].tolist(), self.line[usable][::-1].tolist()))
            self.error(np.flatnonzero(again), "measure",
                       lambda i: f"given twice for subject '{sids[pairs[key[i], 0]]}' period "
                                 f"{periods[pairs[key[i], 1]]}: rows {first[cell[i]]} and {self.line[i]}",
                       lambda i: measures[j[i]].id, code="duplicate")
        return again
