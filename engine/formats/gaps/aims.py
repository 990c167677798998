"""engine.targets.aim over a batch's number columns at once, for the gap writers (engine.formats.gaps.batch).

For the methods whose next step depends on the value only through a step they have reached (STEPS: bands,
the band reached; linear, the next whole point; count and threshold, none), each (measure, status, step)
needs aim() once; what is the row's own (the value, the distance and its %) comes from the batch's numbers,
with the very operations aim() and engine.targets.distance do (IEEE, element by element) and r2_array.
Every other column (true/false, options, ratings) is worded per value cell.
"""
from __future__ import annotations

import numpy as np

from ... import methods
from ...table_rows import PLAIN_NUMBER, _value as cell_value
from ...vector.rounding import r2_array




class Aims:
    """The number columns of a batch: each present cell's value, step, distance and its % (r2'd)."""

    def __init__(self, batch, rubric):
        measures, v = rubric.measures, batch.values
        kinds = [methods.get(m.method) for m in measures]
        self.numeric = [STEPS.get(k.NAME) is not None and k.CELL == "number" for k in kinds]
        cols = [j for j, yes in enumerate(self.numeric) if yes]
        shape = v.present.shape
        self.step = np.zeros(shape, dtype=np.int64)
        goal = np.full(shape[1], np.nan)
        higher = np.ones(shape[1], dtype=bool)
        for j in cols:
            m = measures[j]
            module = methods.get(m.method)
            goal[j] = module.target(m)
            higher[j] = module.direction(m) != "lower"
            self.step[:, j] = STEPS[module.NAME](m, v.number[:, j], batch.measure_fraction[:, j])
        x = np.where(v.present, v.number, np.nan)
        with np.errstate(invalid="ignore", divide="ignore"):
            short = np.maximum(np.where(higher[None, :], goal[None, :] - x, x - goal[None, :]), 0.0)
            pct = np.where(goal[None, :] != 0, 100.0 * short / np.abs(goal)[None, :], np.nan)
        self.short, self.pct = short, pct
        self.distance_r2, self.pct_r2 = r2_array(short), r2_array(pct)
        self.distance, self.distance_pct = _nones(self.distance_r2), _nones(self.pct_r2)
        self.values = _values(v, measures, cols)
        """(rows x measures) list: the number each present number cell holds as engine.vector.cards reads it
        (an int or a float), or None where it must be read the general way."""
        self.steps = self.step.tolist()


def _band_steps(m, x: np.ndarray, frac: np.ndarray) -> np.ndarray:
    """The band each value reaches (len(bands) for none): it fixes the next band."""
    from ...methods.threshold import reaches

    bands, way = m.params["bands"], m.params.get("direction", "higher")
    out = np.full(len(x), len(bands), dtype=np.int64)
    with np.errstate(invalid="ignore"):
        for k in reversed(range(len(bands))):
            out = np.where(reaches(x, bands[k]["at"], way), k, out)
    return out


def _point_steps(m, x: np.ndarray, frac: np.ndarray) -> np.ndarray:
    """The next whole point (engine.methods.linear.next_point's step)."""
    earned = np.nan_to_num(frac, nan=0.0) * m.points
    return (earned + 1e-9).astype(np.int64) + 1


def _no_steps(m, x: np.ndarray, frac: np.ndarray) -> np.ndarray:
    return np.zeros(len(x), dtype=np.int64)


STEPS = {"bands": _band_steps, "linear": _point_steps, "count": _no_steps, "threshold": _no_steps}
"""By method NAME: what fixes the next target and the next point of a value."""


def _nones(x: np.ndarray) -> list:
    out = x.astype(object)
    out[np.isnan(x)] = None
    return out.tolist()


def _values(v, measures, cols: list[int]) -> list:
    """The values of the number columns as engine.vector.cards reads them: a plain number as written ('85' an
    int, '85.0' a float), a text engine.numbers reads ('约120', '3.6万') as the batch's number, an int when
    whole; an int for a method of whole counts.  A cell of several ratings or a boolean: None (read the
    general way)."""
    out = np.full(v.present.shape, None, dtype=object)
    texts = v.cells.get("value")
    if texts is None or v.rows is None:
        return out.tolist()
    plain = PLAIN_NUMBER.fullmatch
    for j in cols:
        whole_method = methods.get(measures[j].method).WHOLE
        rows = np.flatnonzero(v.present[:, j] & (v.rows[:, j] >= 0))
        nums = v.number[rows, j].tolist()
        cells = texts[v.rows[rows, j]].tolist()
        col = []
        for x, cell in zip(nums, cells):
            raw = (float(cell) if "." in cell else int(cell)) if type(cell) is str and len(cell) <= 40 and plain(cell) else cell_value(cell)
            if type(raw) is str:  # read by engine.numbers: a whole number as an int (its _tidy), else the float
                raw = int(x) if x.is_integer() else x
            if type(raw) not in (int, float) or float(raw) != x:
                col.append(None)
            else:
                col.append(int(raw) if whole_method else raw)
        out[rows, j] = col
    return out.tolist()
