"""The row checks of a long table after the fast path (fallback cells, evidence, rubric), the (subject, period)
keys, and the matrices of clean values."""
from __future__ import annotations

import contextlib
import gc

import numpy as np
import pandas as pd

from ... import validate
from ...model import Loc, Measure
from ...problems import Problem
from ...raw import RawSubmission
from . import cells
from ...vector.values import LongValues

EVIDENCE = ("evidence is required for this measure: write it as {value: ..., evidence: [...]} "
            "(in a table: the evidence column)")
"""As engine.validate says it."""
_HERE = Loc("")
"""Where the fallback's problems are first put (each is re-made at its cell)."""
_SEPARATORS = str.maketrans({";": " ", "；": " "})


class Rows:
    """Checks over the rows of a table (engine.readers.long.validate._Table) whose measures are known."""

    def __init__(self, table, j: np.ndarray, key: np.ndarray, measures: tuple[Measure, ...]):
        self.t, self.j, self.key, self.measures = table, j, key, measures
        self.read: dict = {}
        """(measure column, cell text) -> (Entry or None, what was said) of each cell fallbacks read."""

    def readings(self):
        """(measure, cell, Entry) of each cell fallbacks read to a value (for engine.vector.cards.seed)."""
        return ((self.measures[j], text, entry) for (j, text), (entry, _) in self.read.items() if entry is not None)

    def empties(self, read: cells.Cells) -> None:
        rows = np.flatnonzero(read.empty)
        name, col = self.t.name, self.t.cols["value"] + 1
        self.t.problems.extend(
            Problem(Loc(name, line, col), "no value; the measure counts as missing", self.measures[j].id,
                    level="info", code="empty")
            for line, j in zip(self.t.line[rows].tolist(), self.j[rows].tolist()))

    def fallbacks(self, read: cells.Cells, usable: np.ndarray) -> None:
        """Cells the fast path did not take, read as a per-subject table reads them (once per measure and text)."""
        rows = np.flatnonzero(usable & ~read.ok & ~read.empty & ~read.waived)
        problems, seen, name, col = self.t.problems, self.read, self.t.name, self.t.cols["value"] + 1
        for i, j, text, line in zip(rows.tolist(), self.j[rows].tolist(), self.t.text["value"][rows].tolist(),
                                    self.t.line[rows].tolist()):
            m = self.measures[j]
            found = seen.get((j, text))
            if found is None:
                said: list[Problem] = []
                entry = cells.fallback(text, m, _HERE, _HERE, said)
                found = seen[j, text] = (entry, [(p.message, p.id, p.level, p.code) for p in said])
            entry, said = found
            loc = Loc(name, line, col)
            problems.extend(Problem(loc, message, mid, level=level, code=code) for message, mid, level, code in said)
            if entry is None:
                self.t.bad[i] = any(level == "error" for _, _, level, _ in said)
                read.empty[i] = not self.t.bad[i]
                continue
            value = cells.as_number(entry, m)
            if isinstance(value, list):
                read.lists[i] = value
            else:
                read.number[i] = value
            read.ok[i] = True

    def evidence(self, read: cells.Cells, usable: np.ndarray) -> None:
        """Measures with `evidence: required` need a non-empty evidence cell."""
        required = np.array([m.evidence == "required" for m in self.measures] or [False])
        rows = np.flatnonzero(usable & read.ok & required[np.where(self.j >= 0, self.j, 0)])
        if "evidence" in self.t.text:
            codes, uniques = pd.factorize(self.t.text["evidence"][rows])
            given = np.array([bool(u.translate(_SEPARATORS).strip()) for u in uniques] + [False])
            rows = rows[~given[codes]]
        self.t.error(rows, "measure", EVIDENCE, lambda i: self.measures[self.j[i]].id, code="evidence")

    def rubric_refs(self) -> str:
        """Each distinct rubric named in the rubric column, checked; the first one named ('' for none)."""
        if "rubric" not in self.t.text:
            return ""
        refs = np.array([t.strip() for t in self.t.text["rubric"]], dtype=object)
        codes, uniques = pd.factorize(refs)
        first = ""
        for u, ref in enumerate(uniques):
            rows = np.flatnonzero(codes == u)
            if not ref:
                continue
            first = first or ref
            raw = RawSubmission(self.t.name, rubric=ref, locs={"rubric": self.t.loc(int(rows[0]), "rubric")})
            found = validate._check_rubric_ref(raw, self.t.rubric)
            self.t.problems.extend(found)
            if found:
                self.t.bad[rows] = True
        return first


def matrix(t, read: cells.Cells, usable, key, j, pairs, sids, periods, keep, ref: str, waived: list) -> LongValues:
    """The values as (subject, period) x measure matrices; only the pairs in ``keep`` (``waived``: each pair's
    waivers; a pair left out keeps its own in rejected_waivers, for progress and the expiry check)."""
    shape = (len(pairs), len(t.rubric.measures))
    rows = np.flatnonzero(usable & (read.ok | read.empty))
    k, c = key[rows], j[rows]
    number = np.full(shape, np.nan)
    number[k, c] = read.number[rows]
    present = np.zeros(shape, dtype=bool)
    present[k, c] = read.ok[rows]
    at = np.full(shape, -1, dtype=np.int64)
    at[k, c] = rows
    lists = {(int(key[i]), int(j[i])): v for i, v in read.lists.items()}
    subjects = np.asarray(sids[pairs[:, 0]], dtype=object)
    texts = {f: t.text[f] for f in ("value", "evidence", "note") if f in t.text}
    when = np.asarray(periods[pairs[:, 1]], dtype=object)
    rejected = tuple(zip(subjects[~keep].tolist(), when[~keep].tolist()))
    values = LongValues(t.name, ref, subjects, _names(t, key, subjects), when, tuple(m.id for m in t.rubric.measures),
                        number, present, lists, at, texts, rejected, t.cols["value"] + 1, t.cols["measure"] + 1,
                        tuple(waived) if any(waived) else (),
                        tuple(waived[k] for k in np.flatnonzero(~keep).tolist()) if any(waived) else (), t.line)
    return values.take(keep)


def _names(t, key: np.ndarray, subjects: np.ndarray) -> np.ndarray:
    """Each pair's subject name: its first row's subject_name cell, else a later one, else its id."""
    names = subjects.copy()
    if "subject_name" not in t.text:
        return names
    text = t.text["subject_name"]
    rows = np.flatnonzero(key >= 0)
    first = np.full(len(subjects), -1, dtype=np.int64)
    first[key[rows[::-1]]] = rows[::-1]  # the last write wins: each pair's first row
    for k, i in enumerate(first.tolist()):
        name = text[i].strip() if i >= 0 else ""
        if not name:
            later = [s.strip() for s in text[rows[key[rows] == k]] if s.strip()]
            name = later[0] if later else names[k]
        names[k] = name
    return names


@contextlib.contextmanager
def gc_paused():
    """No cyclic garbage collection while tens of thousands of small acyclic objects (problems, locations)
    are made: the collector would otherwise keep re-scanning them for cycles that cannot exist."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def keys(scode: np.ndarray, pcode: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per row the index of its (subject, period) pair (-1 when either is missing), and the pairs in
    order of first appearance (pairs x 2: subject code, period code)."""
    ok = (scode >= 0) & (pcode >= 0)
    width = int(pcode.max(initial=0)) + 1
    key = np.full(len(scode), -1, dtype=np.int64)
    codes, uniques = pd.factorize(scode[ok].astype(np.int64) * width + pcode[ok])
    key[ok] = codes
    uniques = np.asarray(uniques, dtype=np.int64)
    return key, np.stack([uniques // width, uniques % width], axis=1)
