"""to_scorecards: engine.results.Scorecard objects for chosen rows of a batch (for gaps, JSON, trends).

The numbers come from the batch; each submitted value is read again from its cell the way a
per-subject table reads it (plain numbers and true/false directly, anything else through
engine.validate), so an Entry here equals the one `scorecard score` makes from a per-subject CSV.
"""
from __future__ import annotations

import math
import weakref
from collections.abc import Iterable, Iterator

from .. import table_rows, validate
from .. import methods
from ..model import Entry, Loc, Measure, Rubric, Submission
from ..results import STATUSES, GroupResult, MeasureResult, Scorecard, Totals, lost_points
from ..raw import RawEntry
from ..readers.long.checks import gc_paused
from .result import BatchResult
from .values import LongValues


def to_scorecards(batch: BatchResult, rubric: Rubric, subjects: Iterable[str] | None = None) -> list[Scorecard]:
    """A Scorecard for every row of the batch whose subject is in ``subjects`` (all rows when None)."""
    wanted = None if subjects is None else set(map(str, subjects))
    with gc_paused():  # thousands of cards are hundreds of thousands of acyclic objects
        return [card(batch, rubric, i) for i, sid in enumerate(batch.subject) if wanted is None or sid in wanted]


def iter_scorecards(batch: BatchResult, rubric: Rubric) -> Iterator[Scorecard]:
    """Every row's Scorecard, one at a time (for streaming thousands into a report)."""
    for i in range(len(batch)):
        yield card(batch, rubric, i)


def card(batch: BatchResult, rubric: Rubric, i: int) -> Scorecard:
    """The Scorecard of row ``i``."""
    v = batch.values
    rows, given = v.rows[i].tolist(), v.present[i].tolist()
    entries = {m.id: entry(v, m, rows[j]) for j, m in enumerate(rubric.measures) if given[j]}
    sub = Submission(v.rubric, str(v.subjects[i]), str(v.names[i]), v.periods[i], entries, v.path,
                     waivers=v.waivers[i] if v.waivers else {})
    status, frac = batch.status[i].tolist(), _nones(batch.measure_fraction[i])
    score, weight = batch.measure_score[i].tolist(), batch.measure_weight[i].tolist()
    totals = Totals.of(rubric, float(batch.base[i]), float(batch.bonus[i]), float(batch.deductions[i]))
    measures = tuple(
        MeasureResult(m, entries.get(m.id), STATUSES[status[j]], None, score[j], m.params.get("cap"))
        if m.is_modifier else
        MeasureResult(m, entries.get(m.id), STATUSES[status[j]], frac[j], score[j], m.points, weight[j],
                      recoverable=totals.gain(lost_points(weight[j], frac[j])))
        for j, m in enumerate(rubric.measures))
    gscore, gfrac, gweight = batch.group_score[i].tolist(), _nones(batch.group_fraction[i]), batch.group_weight[i].tolist()
    groups = tuple(GroupResult(g, gscore[k], g.worth, gfrac[k], gweight[k]) for k, g in enumerate(rubric.groups))
    grade = rubric.grades[int(batch.grade_index[i])]
    return Scorecard(rubric, sub, measures, groups, float(batch.base[i]), float(batch.bonus[i]),
                     float(batch.deductions[i]), float(batch.total[i]), grade, batch.vetoed_by(i))


def _nones(xs) -> list:
    """NaN as None."""
    return [None if math.isnan(x) else x for x in xs.tolist()]


def entry(v: LongValues, m: Measure, row: int) -> Entry:
    """The Entry for the value on table row ``row``, as engine.validate makes it from a table cell."""
    loc = Loc(v.path, v.line(row), v.value_col)
    evidence = _evidence(v.cells["evidence"][row]) if "evidence" in v.cells else ()
    note = v.cells["note"][row].strip() if "note" in v.cells else ""
    cell = v.cells["value"][row]
    memo = _memo(v)
    key = (m.id, type(cell), cell) if isinstance(cell, str) else None
    read = memo.get(key) if key is not None else None
    if read is None:
        read = _read(v, m, row, cell, evidence, note, loc)
        if key is not None and not isinstance(read[0], list):
            memo[key] = read
    value, shown, notes, approximate = read
    return Entry(value, shown, evidence, note, notes, approximate, loc)


def _read(v: LongValues, m: Measure, row: int, cell, evidence, note, loc) -> tuple:
    """(value, value as written when it differs, notes, approximate) of a value cell: what the Entry holds
    that depends on the cell's text and the measure only (the same text reads the same on every row)."""
    plain = plain_reading(cell, m)
    if plain is not None:
        return plain[0], plain[1], (), False
    raw = table_rows._value(cell)  # anything but a plain number or true/false: read as engine.validate reads it
    key_loc = Loc(v.path, v.line(row), v.measure_col)
    done = validate._parse(RawEntry(m.id, raw, evidence, note, loc, key_loc), m, [])
    if done is not None:
        return done.value, done.raw, done.notes, done.approximate
    return raw, None, (), False


def plain_reading(cell, m: Measure) -> tuple | None:
    """(value, value as written when it differs) of a plain number or true/false cell, which depends on the
    cell and the measure's method only (its CELL and WHOLE); None for any other cell."""
    raw = table_rows._value(cell)
    value = _plain(raw, m)
    if value is None:
        return None
    return value, raw if value != raw or type(value) is not type(raw) else None


_MEMOS: dict[int, dict] = {}
"""Per long table (by id, dropped with it): (measure id, type, value cell text) -> what the cell reads as
(a list of ratings is read again each time: an Entry's list is its own)."""


def seed(v: LongValues, readings) -> None:
    """Tell the memo of ``v`` what the table's checks read its odd cells as ((measure, cell, Entry) each, read by
    engine.validate as _read would read it), so that writing the scorecards does not read them again."""
    memo = _memo(v)
    for m, cell, e in readings:
        if isinstance(cell, str) and not isinstance(e.value, list) and plain_reading(cell, m) is None:
            memo.setdefault((m.id, type(cell), cell), (e.value, e.raw, e.notes, e.approximate))


def _memo(v: LongValues) -> dict:
    memo = _MEMOS.get(id(v))
    if memo is None:
        memo = _MEMOS[id(v)] = {}
        weakref.finalize(v, _MEMOS.pop, id(v), None)
    return memo


def _plain(raw, m: Measure):
    """The value a method reads from a plain cell without any note, or None for any other cell."""
    method = methods.get(m.method)
    if isinstance(raw, bool):
        return raw if method.CELL == "bool" else int(raw) if method.CELL == "modifier" else None
    if not isinstance(raw, (int, float)) or method.CELL in ("bool", "choice"):
        return None
    return int(raw) if method.WHOLE else raw


def _evidence(text: str) -> tuple[str, ...]:
    return tuple(s.strip() for s in table_rows.SPLIT.split(text) if s.strip()) if text else ()
