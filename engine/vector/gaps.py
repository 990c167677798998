"""engine.gaps.analyse for every row of a scored batch at once: the ranked gaps, the path to the next grade,
what each group and each responsible unit could recover, from the batch's arrays (no Scorecard made).

Each figure is the very float the per-card analysis computes: the sums run in rank order (numpy's cumsum
adds one after another, as Python's sum does; the zeros padded in add nothing), the clamp and the rounding
are Totals.gain and r2_array (engine.results.r2 over arrays), and the rank keys are Python's round().
"""
from __future__ import annotations

from functools import cached_property

import numpy as np

from ..model import Group, Rubric
from ..results import STATUSES, lost_points, r2
from .result import BatchResult
from .rounding import r2_array

MISSING, EXCLUDED, WAIVED = (STATUSES.index(s) for s in ("missing", "excluded", "waived"))


class BatchGaps:
    """The gap analysis of every row of ``batch`` (rows in the batch's order, measures in rubric order)."""

    def __init__(self, batch: BatchResult, rubric: Rubric):
        self.batch, self.rubric = batch, rubric
        measures = rubric.measures
        self.modifier = np.array([m.is_modifier for m in measures], dtype=bool)
        frac = batch.measure_fraction
        self.lost = lost_points(batch.measure_weight, frac)
        self.totals = batch.totals(rubric)
        self.recoverable = self.totals.gain(self.lost)
        """MeasureResult.recoverable per (row, measure)."""
        gap = ~self.modifier[None, :] & ~np.isnan(frac) & (frac < 1)
        self.count = gap.sum(axis=1)
        """How many gaps each row has."""
        key = np.where(gap, -py_round(self.lost), np.inf)
        width = int(self.count.max()) if len(batch) else 0
        self.order = np.argsort(key, axis=1, kind="stable")[:, :width]
        """(rows x most gaps): the gaps' measure columns, most recoverable first (ties in rubric order); past a
        row's count, anything (masked out by ``within``)."""
        self.within = np.arange(width)[None, :] < self.count[:, None]
        self.ranked_lost = np.where(self.within, np.take_along_axis(self.lost, self.order, axis=1), 0.0)
        sums = np.cumsum(self.ranked_lost, axis=1)
        self.before = np.concatenate([np.zeros((len(batch), 1)), sums], axis=1)
        """(rows x most gaps + 1): base points the first k gaps lost together (k = 0 .. width)."""

    def gain(self, lost: np.ndarray) -> np.ndarray:
        """Totals.gain per row of a (rows,) or (rows x k) array of lost base points."""
        t = self.totals
        from ..results import Totals

        def shaped(a):
            return a[:, 0] if lost.ndim == 1 and np.ndim(a) == 2 else a

        return Totals(shaped(t.base), shaped(t.bonus), shaped(t.deductions), shaped(t.top)).gain(lost)

    @cached_property
    def together(self) -> np.ndarray:
        """GapReport.recoverable per row: full marks on every gap, one clamp over their sum."""
        return self.gain(self.before[np.arange(len(self.batch)), self.count])

    @cached_property
    def path(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """(how many gaps the path to the next grade takes, their gain, reachable, needs) per row, as
        engine.gaps.next_grade finds them (rows at the top grade or vetoed: 0 gaps, gain 0, not reachable)."""
        batch, grades = self.batch, self.rubric.grades
        at = batch.grade_index.astype(np.int64)
        goal = np.array([grades[max(k - 1, 0)].min for k in at.tolist()], dtype=np.float64)
        with_gain = r2_array(self.totals.total(self.before))
        reached = with_gain >= goal[:, None]
        width = self.before.shape[1] - 1
        early = reached[:, :width] & self.within
        chosen = np.where(early.any(axis=1), early.argmax(axis=1), self.count)
        closed = batch.vetoed | (at == 0)
        chosen = np.where(closed, 0, chosen)
        raw = self.before[np.arange(len(batch)), chosen]
        gain = np.where(closed, 0.0, self.gain(raw))
        reachable = ~closed & reached[np.arange(len(batch)), chosen]
        needs = [r2(g - t) for g, t in zip(goal.tolist(), batch.total.tolist())]
        return chosen, gain, reachable, needs

    def sums_over(self, members: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(points of the total, how many gaps) per row for the gaps among ``members`` (bool per measure):
        engine.gap_views.together of those gaps, summed in rank order."""
        inside = members[self.order] & self.within
        lost = np.cumsum(np.where(inside, self.ranked_lost, 0.0), axis=1)
        total = lost[:, -1] if lost.shape[1] else np.zeros(len(self.batch))
        return self.gain(total), inside.sum(axis=1)

    @cached_property
    def groups(self) -> list[tuple[int, Group, int, np.ndarray, np.ndarray]]:
        """(group column, group, depth, recoverable per row, gaps per row) of every group that carries points,
        parents first (engine.gap_views.indicators)."""
        rubric, parents = self.rubric, self.rubric.parents
        out, depth = [], {}
        for k, g in enumerate(rubric.groups):
            depth[g.id] = depth.get(parents.get(g.id, ""), -1) + 1
            if g.worth:
                below = np.array([_under(m.id, g.id, parents) for m in rubric.measures], dtype=bool)
                out.append((k, g, depth[g.id], *self.sums_over(below)))
        return out

    @cached_property
    def lead_unit(self) -> list[str]:
        """Each measure's lead unit ('' when it names none)."""
        return [(m.owners or ("",))[0] for m in self.rubric.measures]

    @cached_property
    def units(self) -> list[str]:
        """Every unit a measure names, in the order engine.gap_views.owners lists them before sorting."""
        named = {u for m in self.rubric.measures for u in (m.owners or ("",))}
        order = [u for u in list(self.rubric.units) + [""] if u in named]
        return order + sorted(named - set(order))

    @cached_property
    def unit_points(self) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        """unit -> (lead points per row, co points per row)."""
        ms = self.rubric.measures
        out = {}
        for u in self.units:
            lead = np.array([self.lead_unit[j] == u for j in range(len(ms))], dtype=bool)
            co = np.array([u in (m.owners or ())[1:] for m in ms], dtype=bool)
            out[u] = (self.sums_over(lead)[0], self.sums_over(co)[0])
        return out


def _under(node: str, group: str, parents: dict) -> bool:
    node = parents.get(node, "")
    while node:
        if node == group:
            return True
        node = parents.get(node, "")
    return False


def py_round(x: np.ndarray) -> np.ndarray:
    """Python's round(v, 9) of every element (numpy's rounding differs near ties): each distinct value once."""
    uniques, codes = np.unique(x, return_inverse=True)
    return np.array([round(u, 9) for u in uniques.tolist()], dtype=np.float64)[codes].reshape(x.shape)
