"""Per batch, the texts json's batch rows (engine.formats.gaps.json_rows) fill their formats with: the JSON
text of every number the rows print, each distinct value written once, and the measures' ids and units."""
from __future__ import annotations

import numpy as np

from ...vector.rounding import r2_array
from ...vector.gaps import py_round
from ..json_indent import dumps as indented
from .json_pieces import MARK, json_float, string


def r2_texts(x: np.ndarray) -> list:
    """repr(r2(v)) of every element of a matrix (or vector), as lists (r2_array is r2 on every value)."""
    return mapped_texts(r2_array(x), repr)


def number_texts(x: np.ndarray) -> list:
    """The JSON text of every float of a matrix (NaN: null), as lists."""
    return mapped_texts(x, lambda u: "null" if u != u else repr(u))


def mapped_texts(x: np.ndarray, text) -> list:
    """text(v) of every element of a matrix (or vector), as lists: each distinct value once (-0.0 is 0.0 there:
    for r2'd values, which hold no -0.0)."""
    x = np.asarray(x, dtype=np.float64)
    if not x.size:
        return x.tolist()
    uniques, codes = np.unique(x, return_inverse=True)
    return np.array([text(u) for u in uniques.tolist()], dtype=object)[codes.reshape(x.shape)].tolist()


class Texts:
    """A batch's numbers as JSON texts and its measures' ids and units, for json_rows."""

    def __init__(self, b):
        g, rubric = b.gaps, b.rubric
        batch, a, measures = g.batch, b.aims, rubric.measures
        self.marks = [indented(MARK.format(k)) for k in ("gaps", "by_owner", "by_indicator")]
        self.score, self.weight = r2_texts(batch.measure_score), r2_texts(batch.measure_weight)
        self.recoverable = r2_texts(g.recoverable)
        self.distance, self.distance_pct = number_texts(a.distance_r2), number_texts(a.pct_r2)
        chosen, gain, _, _ = g.path
        self.total = [json_float(x) for x in batch.total.tolist()]  # each its own: a -0.0 is no 0.0 here
        self.together, self.gain = r2_texts(g.together), r2_texts(gain)
        self.ranks = [str(k + 1) for k in range(len(measures))]
        self.ids = [string(m.id) for m in measures]
        self.lead_of = g.lead_unit
        self.co_of = [(m.owners or ())[1:] for m in measures]
        self.base = [not m.is_modifier for m in measures]
        self.unit_order = list(rubric.units) + [""]
        self.units = list(g.unit_points)
        lead = np.stack([p[0] for p in g.unit_points.values()], axis=1) if self.units else np.zeros((len(batch), 0))
        co = np.stack([p[1] for p in g.unit_points.values()], axis=1) if self.units else lead
        self.lead_points, self.co_points = r2_texts(lead), r2_texts(co)
        """Per row and unit (in ``units``' order) its lead and co points."""
        at = np.broadcast_to(np.arange(len(self.units))[None, :], lead.shape)
        self.unit_rank = np.lexsort((at, -py_round(co), -py_round(lead)), axis=1).tolist() if lead.size else \
            [[] for _ in range(len(batch))]
        """Per row, the units' columns ranked as engine.gap_views.owners ranks them: most lead points first, then
        most co points (as round(x, 9)), ties in the units' order."""
        self.formats: dict = {}
        """A template's format by the writer's own key."""
