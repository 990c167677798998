"""The matrix the vectorised executor scores: one row per (subject, period), one column per measure, read from
a long table (engine.readers.long.validate) or built from any submissions (from_submissions)."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from .. import methods
from ..model import Measure, Rubric, Submission, Waiver
from ..plan import plan


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
    waivers: tuple[Mapping[str, Waiver], ...] = ()
    """Per row, the measures waived as not applicable (SPEC 9); empty when no row waives any."""
    rejected_waivers: tuple[Mapping[str, Waiver], ...] = ()
    """Per pair of ``rejected``, its valid waivers (a left-out pair's waivers still count in progress and are
    held against --as-of); empty when none has any."""
    lines: np.ndarray | None = None
    """The file line each table row (as ``rows`` counts them) starts on; None: row r is on line r + 2."""

    def __len__(self) -> int:
        return len(self.subjects)

    def waived(self) -> np.ndarray:
        """bool (rows x measures): the measure is waived in that row."""
        out = np.zeros(self.present.shape, dtype=bool)
        at = {mid: c for c, mid in enumerate(self.measures)}
        for i, row in enumerate(self.waivers):
            for mid in row:
                if mid in at:
                    out[i, at[mid]] = True
        return out

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
                          self.value_col, self.measure_col,
                          tuple(self.waivers[int(i)] for i in idx) if self.waivers else (), self.rejected_waivers,
                          self.lines)

    def line(self, at: int) -> int:
        """The file line of table row ``at``."""
        return int(self.lines[at]) if self.lines is not None else at + 2


def empty(path: str, measures: tuple[str, ...]) -> LongValues:
    """No rows (a table that could not be read at all)."""
    none = np.array([], dtype=object)
    m = len(measures)
    return LongValues(path, "", none, none, none, measures, np.zeros((0, m)), np.zeros((0, m), dtype=bool),
                      rows=np.zeros((0, m), dtype=np.int64))


def from_submissions(rubric: Rubric, submissions: Sequence[Submission], path: str = "") -> LongValues:
    """The matrix of any validated submissions (engine.validate.check's), one row each in the order given, so
    the vectorised executor scores what-if scenarios and variants as it scores a long table.

    A value is read as a table cell is: true/false as 1/0, a choice as the index of its option key, a list of
    ratings into ``lists``, any other number as a float; ``present`` where the submission has an entry; each
    submission's waivers in ``waivers``.
    Nothing here comes from a table, so ``rows`` is None and ``cells`` is empty (LongValues.cell says None),
    ``rejected`` is empty and the column numbers are 0; ``rubric`` is the rubric the submissions name when
    they all name the same, else the rubric's id@version.  An entry for an id that is no measure is ignored."""
    measures = plan(rubric).measures
    number = np.full((len(submissions), len(measures)), np.nan)
    present = np.zeros(number.shape, dtype=bool)
    lists: dict[tuple[int, int], list] = {}
    readers = [_reader(m) for m in measures]
    for i, sub in enumerate(submissions):
        for j, m in enumerate(measures):
            entry = sub.entries.get(m.id)
            if entry is None:
                continue
            present[i, j] = True
            if isinstance(entry.value, list):
                lists[(i, j)] = list(entry.value)
            else:
                number[i, j] = readers[j](entry.value)
    named = {s.rubric for s in submissions}
    return LongValues(path, named.pop() if len(named) == 1 else rubric.ref,
                      _objects(s.subject_id for s in submissions),
                      _objects(s.subject_name or s.subject_id for s in submissions),
                      _objects(s.period for s in submissions), tuple(m.id for m in measures), number, present, lists,
                      waivers=tuple(s.waivers for s in submissions) if any(s.waivers for s in submissions) else ())


def _reader(m: Measure):
    """value -> the float the matrix holds for measure ``m`` (ValueError naming the measure for any other)."""
    if methods.get(m.method).CELL != "choice":
        def number(value) -> float:
            if not isinstance(value, (bool, int, float)):
                raise ValueError(f"{m.id}: {m.method} expects a validated number or true/false, got {value!r}")
            return float(value)  # True/False -> 1.0/0.0, numbers as they are
        return number
    index = {key: k for k, key in enumerate(m.params["options"])}

    def option(value) -> float:
        if value not in index:
            raise ValueError(f"{m.id}: {value!r} is not one of the options {', '.join(map(str, index))}")
        return float(index[value])
    return option


def _objects(items) -> np.ndarray:
    """An object array of the items, one element each (never split into a 2-d array)."""
    items = list(items)
    out = np.empty(len(items), dtype=object)
    out[:] = items
    return out
