"""`scorecard score --format csv` for a scored batch (a long table): engine.formats.csv_fmt's columns, one row per subject and
measure, built column-wise (every distinct number is formatted once) instead of card by card.

The same cells as csv_fmt writes, formula-like text neutralised the same way; one difference: a
value is shown as read, in its shortest form (85, 85.5, 36000), so '85.0' in the table shows as 85.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterator

import numpy as np
import pandas as pd

from .. import methods
from .. import table_rows
from ..coverage import of_batch
from .common import r4, safe_cell
from .csv_fmt import COLUMNS
from ..model import Rubric
from ..results import STATUSES, r2
from ..vector.result import BatchResult
from ..vector.rounding import r2_array

CHUNK = 200
"""Subjects per piece of text: a national table is written without ever holding all of it as one string."""


def render(batch: BatchResult, rubric: Rubric, lang: str | None = None, header: bool = True) -> str:
    """The CSV text (with its header row unless ``header`` is False)."""
    return "".join(chunks(batch, rubric, lang, header))


def chunks(batch: BatchResult, rubric: Rubric, lang: str | None = None, header: bool = True,
           size: int = CHUNK) -> Iterator[str]:
    """The CSV text in pieces of ``size`` subjects (the header first unless ``header`` is False)."""
    if header:
        yield _line(COLUMNS)
    n = len(batch)
    if n == 0:
        return
    pieces = _pieces(batch, rubric, lang)
    for start in range(0, n, size):
        stop = min(start + size, n)
        table = np.empty((stop - start, len(rubric.measures), len(pieces)), dtype=object)
        for k, piece in enumerate(pieces):
            table[:, :, k] = piece[start:stop] if piece.shape[0] > 1 else piece
        yield "".join(table.ravel().tolist())


def _pieces(batch: BatchResult, rubric: Rubric, lang: str | None) -> list[np.ndarray]:
    """The row's pieces in order, each (rows x measures), (rows x 1) or (1 x measures):
    subject,name,period, | measure,label,method, | value | ,score, | max | ,status, | gap, | recoverable |
    ,owners, | total,grade,reason,approved_by,expires,coverage  (the waiver cells: filled on a waived measure's row)"""
    v, measures = batch.values, rubric.measures
    modifier = np.array([m.is_modifier for m in measures])
    grade = [g.label.get(lang) for g in rubric.grades]
    maxes = np.array([np.nan if m.is_modifier else m.points for m in measures])
    recoverable = batch.recoverable(rubric)
    return [
        np.array([_line(row, ",") for row in zip(v.subjects, v.names, v.periods)], dtype=object)[:, None],
        np.array([_line((m.id, m.label.get(lang), m.method), ",") for m in measures], dtype=object)[None, :],
        values(batch, rubric),
        _nums(r2_array(batch.measure_score), before=",", after=","),
        np.array([_num(m.params.get("cap") if m.is_modifier else m.points) for m in measures], dtype=object)[None, :],
        np.array(["," + s + "," for s in STATUSES], dtype=object)[batch.status],
        _nums(np.where(modifier, np.nan, r2_array(maxes - batch.measure_score)), after=","),
        _nums(r2_array(recoverable)),
        np.array(["," + _field(" ".join(m.owners)) + "," for m in measures], dtype=object)[None, :],
        _ends(batch, rubric, grade),
    ]


def _ends(batch: BatchResult, rubric: Rubric, grade: list) -> np.ndarray:
    """total,grade and the waiver cells: (rows x 1) when no row waives a measure, else (rows x measures) with
    a waived measure's reason, approver and expiry (SPEC 9) as csv_fmt writes them."""
    cover = [r4(float(c)) for c in of_batch(batch, rubric).tolist()]
    ends = [(float(t), grade[g]) for t, g in zip(batch.total.tolist(), batch.grade_index.tolist())]
    out = np.array([_line((*e, "", "", "", c)) for e, c in zip(ends, cover)], dtype=object)[:, None]
    v = batch.values
    if not v.waivers:
        return out
    out = np.repeat(out, len(rubric.measures), axis=1)
    at = {m.id: j for j, m in enumerate(rubric.measures)}
    waived = batch.status == STATUSES.index("waived")
    for i, row in enumerate(v.waivers):
        for mid, w in row.items():
            if mid in at and waived[i, at[mid]]:
                out[i, at[mid]] = _line((*ends[i], w.reason, w.approved_by, w.expires, cover[i]))
    return out


def values(batch: BatchResult, rubric: Rubric) -> np.ndarray:
    """The value column (rows x measures) as a per-subject table's value reads: numbers in shortest form
    (85, 85.5; '85.0' stays 85.0, a float), true/false, choice keys, ratings separated by spaces."""
    v = batch.values
    out = _nums(v.number, shortest=True)
    counted = np.array([methods.get(m.method).WHOLE for m in rubric.measures])
    whole = v.present & ~counted[None, :] & (v.number == np.floor(v.number))
    if whole.any():
        texts = v.cells["value"][v.rows[whole]]
        dotted = np.array([(type(t) is not str or "." in t) and isinstance(table_rows._value(t), float)
                           for t in texts.tolist()], dtype=bool)  # a text reads as a float only with a dot
        out[np.flatnonzero(whole.ravel())[dotted] // out.shape[1], np.flatnonzero(whole.ravel())[dotted]
            % out.shape[1]] = [repr(x) for x in v.number[whole][dotted].tolist()]
    for j, m in enumerate(rubric.measures):
        given = v.present[:, j]
        cell = methods.get(m.method).CELL
        if cell == "bool":
            out[:, j] = np.where(given, np.where(v.number[:, j] != 0, "true", "false"), "")
        elif cell == "choice":
            keys = np.array([_field(str(k)) for k in m.params["options"]] + [""], dtype=object)
            out[:, j] = keys[np.where(given, np.nan_to_num(v.number[:, j], nan=-1), -1).astype(np.int64)]
    for (i, j), ratings in v.lists.items():
        out[i, j] = _field(" ".join(map(str, ratings)))
    return out


def _nums(x: np.ndarray, shortest: bool = False, before: str = "", after: str = "", na: str = "") -> np.ndarray:
    """Each number as the csv writer writes a float (repr: 2.0; JSON's float text too), or with ``shortest``
    an integral one as an int (2); NaN as ``na``; each between ``before`` and ``after``.  Each distinct number
    is formatted once."""
    codes, uniques = pd.factorize(np.asarray(x, dtype=np.float64).ravel(), use_na_sentinel=True)
    show = (lambda u: str(int(u)) if u.is_integer() else repr(u)) if shortest else repr
    shown = np.array([before + show(u) + after for u in uniques.tolist()] + [before + na + after], dtype=object)
    return shown[codes].reshape(np.shape(x))


def _num(x) -> str:
    return "" if x is None else repr(r2(float(x)))


def _field(text: str) -> str:
    """One cell as it stands among others in a CSV line (quoted only when it must be)."""
    return _line(("", text), "")[1:]


def _line(cells, end: str = "\n") -> str:
    """Cells as one CSV line (quoted where needed, formula-like text neutralised)."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="").writerow([safe_cell(c) for c in cells])
    return buf.getvalue() + end
