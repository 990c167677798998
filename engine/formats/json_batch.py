"""`scorecard score --format json` for a scored batch (a long table): the lines engine.formats.json_card writes,
one per subject, built column-wise from the batch's arrays instead of a Scorecard per subject.

Every cell of a line is a piece: what a measure always says of itself is encoded once per run, each distinct
number once per chunk, each distinct value cell once per measure (read exactly as engine.vector.cards reads
it), and each row's line is the join of its pieces.  The text is CardWriter(lang).line(card) of the row's
card, character for character (tests/test_json_batch.py holds it to that on varied tables).
"""
from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from .. import waivers
from ..model import Rubric
from ..results import STATUSES, r2
from ..vector.result import BatchResult
from ..vector.rounding import r2_array
from .common import r4
from .json_cells import Cells
from .csv_batch import _nums
from .json_card import encoded

CHUNK = 200
"""Subjects per piece of work: a national table is written without holding its pieces all at once."""
WAIVED = STATUSES.index("waived")


def lines(batch: BatchResult, rubric: Rubric, lang: str | None = None, size: int = CHUNK) -> Iterator[str]:
    """Each row's compact JSON text (no newline), in row order."""
    fixed = _Fixed(batch, rubric, lang)
    for start in range(0, len(batch), size):
        rows = np.arange(start, min(start + size, len(batch)))
        measures = _join(_measure_pieces(batch, rubric, fixed, rows))
        nodes = _join(_node_pieces(batch, fixed, rows))
        for r, i in enumerate(rows.tolist()):
            head, tail = _ends(batch, fixed, i)
            yield head + ',"nodes":[' + nodes[r] + '],"measures":[' + measures[r] + "]," + tail


class _Fixed:
    """What a run writes the same on every row: each measure's and group's own pieces, and what the value,
    evidence and note cells already read say."""

    def __init__(self, batch: BatchResult, rubric: Rubric, lang: str | None):
        ms, v = rubric.measures, batch.values
        self.rubric, self.ids = rubric, [m.id for m in ms]
        self.at = {mid: j for j, mid in enumerate(self.ids)}
        self.starts = _row([("," if j else "") + encoded({"id": m.id, "label": m.label.get(lang),
                                                          "method": m.method})[:-1] + ',"value":'
                            for j, m in enumerate(ms)])
        self.maxes = _row([_num(m.params.get("cap") if m.is_modifier else m.points) + ',"status":"' for m in ms])
        self.owned = _row([',"owners":' + encoded(list(m.owners)) + ',"unit":' + encoded(m.unit) + ","
                           for m in ms])
        self.points = np.array([np.nan if m.is_modifier else m.points for m in ms], dtype=np.float64)[None, :]
        self.statuses = np.array([s + '","gap":' for s in STATUSES], dtype=object)
        self.base = np.array([not m.is_modifier for m in ms], dtype=bool)
        self.source = '"filed_by":null,"source":' + encoded(v.path)[:-1] + ":" if v.path else None
        self.cells = Cells(v, rubric)
        worth = [g.worth for g in rubric.groups]
        self.worth = np.array(worth, dtype=np.float64)[None, :]
        self.group_starts = _row([("," if k else "") + encoded({"id": g.id, "label": g.label.get(lang)})[:-1]
                                  + ',"score":' for k, g in enumerate(rubric.groups)])
        self.group_maxes = _row([',"max":' + _num(w) + ',"status":"' for w in worth])
        self.top = {"id": rubric.id, "version": rubric.version}
        self.scale = r2(rubric.scale)
        self.grades = [{"id": g.id, "label": g.label.get(lang)} for g in rubric.grades]


def _measure_pieces(batch: BatchResult, rubric: Rubric, fixed: _Fixed, rows: np.ndarray) -> list[np.ndarray]:
    """A measure's object in pieces, each (rows x measures) or (1 x measures): start, value, score, max,
    status, gap, recoverable, owners/unit, filed_by/source, ratings, waiver, and the rest (original,
    approximate, evidence, note and the closing brace)."""
    score = batch.measure_score[rows]
    values, ratings, rest = _cells(batch, rubric, fixed, rows)
    return [
        fixed.starts,
        values,
        _nums(r2_array(score), before=',"score":', after=',"max":', na="null"),
        fixed.maxes,
        fixed.statuses[batch.status[rows]],
        _nums(r2_array(fixed.points - score), after=',"recoverable":', na="null"),
        _nums(r2_array(batch.recoverable(fixed.rubric)[rows]), na="null"),
        fixed.owned,
        _sources(batch.values, fixed, rows),
        ratings,
        _waivers(batch, fixed, rows),
        rest,
    ]


def _node_pieces(batch: BatchResult, fixed: _Fixed, rows: np.ndarray) -> list[np.ndarray]:
    """Each group's node (SPEC 6 "nodes") in pieces, as common.group_dict gives it."""
    status = np.where(np.isnan(batch.group_fraction[rows]), 'excluded","weight":', 'scored","weight":')
    status = np.where(fixed.worth == 0, 'modifiers","weight":', status).astype(object)
    return [
        fixed.group_starts,
        _nums(r2_array(batch.group_score[rows]), na="null"),
        fixed.group_maxes,
        status,
        _nums(r2_array(batch.group_weight[rows]), after="}", na="null"),
    ]


def _cells(batch: BatchResult, rubric: Rubric, fixed: _Fixed, rows: np.ndarray) -> list[np.ndarray]:
    """(value text, ratings piece, the rest of the object) per (row, measure): 'null', '' and '}' where
    nothing was given."""
    v, cells = batch.values, fixed.cells
    given, at = v.present[rows], v.rows[rows]
    slots = np.full(given.shape, -1, dtype=np.int32)
    for j in range(len(rubric.measures)):
        col = np.flatnonzero(given[:, j])
        if len(col):
            slots[col, j] = cells.slots(j, at[col, j])
    values, ratings, original = cells.said.take(slots)
    return [values, ratings, original + np.where(given, cells.extras[at], "") + "}"]


def _sources(v, fixed: _Fixed, rows: np.ndarray) -> np.ndarray:
    """'"filed_by":null,"source":"FILE:LINE"' per given cell; '..."source":null' elsewhere."""
    given, at = v.present[rows], v.rows[rows]
    out = np.full(given.shape, '"filed_by":null,"source":null', dtype=object)
    if fixed.source is None or not given.any():
        return out
    where = at[given]
    lines = v.lines[where] if v.lines is not None else where + 2
    out[given] = fixed.source + lines.astype(str).astype(object) + '"'
    return out


def _waivers(batch: BatchResult, fixed: _Fixed, rows: np.ndarray) -> np.ndarray:
    """',"waiver":{...}' on a waived measure the row has a waiver for; '' elsewhere."""
    out = np.full((len(rows), len(fixed.ids)), "", dtype=object)
    given = batch.values.waivers
    if not given:
        return out
    for r, i in enumerate(rows.tolist()):
        for mid, w in given[i].items():
            j = fixed.at.get(mid)
            if j is not None and batch.status[i, j] == WAIVED:
                out[r, j] = ',"waiver":' + encoded({k: x for k, x in waivers.as_dict(mid, w).items() if k != "id"})
    return out


def _ends(batch: BatchResult, fixed: _Fixed, i: int) -> tuple[str, str]:
    """The row's card_dict before "nodes" (without its closing brace) and after "measures" (from its comma)."""
    v, status = batch.values, batch.status[i]
    base = fixed.base & (status != WAIVED)
    filed, owed = int((base & v.present[i]).sum()), int(base.sum())
    head = {
        "rubric": fixed.top,
        "subject": {"id": str(v.subjects[i]), "name": str(v.names[i])},
        "period": v.periods[i],
        "file": v.path,
        "total": float(batch.total[i]),
        "base": r2(float(batch.base[i])),
        "bonus": r2(float(batch.bonus[i])),
        "deductions": r2(float(batch.deductions[i])),
        "max": fixed.scale,
        "grade": fixed.grades[int(batch.grade_index[i])],
        "vetoed": bool(batch.veto[i].any()),
        "vetoed_by": list(batch.vetoed_by(i)),
        "coverage": {"share": r4(filed / owed if owed else 1.0), "filed": filed, "base": owed},
    }
    row = v.waivers[i] if v.waivers else {}
    listed = [waivers.as_dict(mid, row[mid]) for j, mid in enumerate(fixed.ids) if status[j] == WAIVED and mid in row]
    tail = {"parts": [v.path], "waivers": listed}
    return encoded(head)[:-1], encoded(tail)[1:]


def _join(pieces: list[np.ndarray]) -> list[str]:
    """Each row's pieces joined, column by column and piece by piece."""
    n = max(p.shape[0] for p in pieces)
    m = max(p.shape[1] for p in pieces)
    table = np.empty((n, m, len(pieces)), dtype=object)
    for k, piece in enumerate(pieces):
        table[:, :, k] = piece
    return ["".join(row) for row in table.reshape(n, -1).tolist()]


def _row(texts: list[str]) -> np.ndarray:
    """A (1 x n) object array: one piece per measure or group, the same on every row."""
    return np.array(texts, dtype=object)[None, :]


def _num(x) -> str:
    """A fixed number as json_card writes r2 of it (null for None)."""
    return encoded(r2(None if x is None else float(x)))
