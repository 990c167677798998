"""The clean values of a long table: one row per (subject, period), one column per measure."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np


@dataclass(frozen=True)
class LongValues:
    """Every valid (subject, period) of a long table, its values read the way the methods read them."""

    path: str
    """The table's file, as the user gave it."""
    rubric: str
    """The rubric the table names in its rubric column ('' when it has none)."""
    subjects: np.ndarray
    """Subject id per row (object array of str), in the order the table first names them."""
    names: np.ndarray
    """Subject name per row (the id when the table gives none)."""
    periods: np.ndarray
    """Period per row, as YAML would read it (2024 is an int, '2024-H1' a str)."""
    measures: tuple[str, ...]
    """Measure ids, the columns of the matrices below (every measure of the rubric, in rubric order)."""
    number: np.ndarray
    """float64 (rows x measures): the value read (true/false as 1/0, a choice as its option's index);
    NaN where there is none and for a list of ratings."""
    present: np.ndarray
    """bool (rows x measures): a value was given."""
    lists: Mapping[tuple[int, int], list] = field(default_factory=dict)
    """(row, column) -> the ratings, for cells that hold several."""
    rows: np.ndarray | None = None
    """int (rows x measures): the table row (0-based, line - 2) each value is on; -1 where none is."""
    cells: Mapping[str, np.ndarray] = field(default_factory=dict)
    """The table's 'value', 'evidence' and 'note' columns (those it has), one str per table row."""
    rejected: tuple = ()
    """(subject, period) of each pair left out because a row of it has an error."""
    value_col: int = 0
    """1-based column of the value cells."""
    measure_col: int = 0
    """1-based column of the measure ids."""

    def __len__(self) -> int:
        return len(self.subjects)

    def column(self, mid: str) -> np.ndarray:
        """One measure's values (NaN where missing)."""
        return self.number[:, self.measures.index(mid)]

    def cell(self, field: str, row: int, col: int) -> str | None:
        """The text of the table's ``field`` cell for (row, measure column); None when not given."""
        at = -1 if self.rows is None else int(self.rows[row, col])
        return None if at < 0 or field not in self.cells else self.cells[field][at]

    def take(self, rows: np.ndarray) -> LongValues:
        """Only the given rows (a bool mask or indices), in that order."""
        idx = np.flatnonzero(rows) if rows.dtype == bool else np.asarray(rows)
        where = {int(old): new for new, old in enumerate(idx)}
        lists = {(where[r], c): v for (r, c), v in self.lists.items() if r in where}
        return LongValues(self.path, self.rubric, self.subjects[idx], self.names[idx], self.periods[idx],
                          self.measures, self.number[idx], self.present[idx], lists,
                          None if self.rows is None else self.rows[idx], self.cells, self.rejected,
                          self.value_col, self.measure_col)


def empty(path: str, measures: tuple[str, ...]) -> LongValues:
    """No rows (a table that could not be read at all)."""
    none = np.array([], dtype=object)
    m = len(measures)
    return LongValues(path, "", none, none, none, measures, np.zeros((0, m)), np.zeros((0, m), dtype=bool),
                      rows=np.zeros((0, m), dtype=np.int64))
