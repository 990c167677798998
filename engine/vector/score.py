"""score_long: the vectorised executor of the scoring plan (engine.plan), every row of a matrix at once.

engine.scoring.score runs the same plan on one submission.  A group's fraction is the worth-weighted mean of
its present children's fractions, kept as a numerator and a denominator per subject and added child by child
in rubric order, the order engine.scoring sums them in, so each subject's numbers are the per-submission
executor's to the last bit.  The caps, the clamp of the total and the grade decision are the plan's and
engine.results.Totals' own formulas, applied to arrays.  NaN stands for None.
"""
from __future__ import annotations

import numpy as np

from ..model import Rubric
from ..plan import Child, Plan, plan
from ..results import STATUSES, Totals
from .result import BatchResult
from .rounding import r2_array
from .values import LongValues

_CODE = {s: np.int8(i) for i, s in enumerate(STATUSES)}


def score_long(values: LongValues, rubric: Rubric) -> BatchResult:
    """Score every (subject, period) of the clean values."""
    p = plan(rubric)
    where = {mid: c for c, mid in enumerate(values.measures)}
    col = [where[m.id] for m in p.measures]
    n, shape = len(values), values.number.shape
    frac, points = np.full(shape, np.nan), np.zeros(shape)
    waived = values.waived()
    for j, c in enumerate(col):
        frac[:, c], points[:, c] = _measure(p, j, values, c, waived[:, c])
    tree = _Tree(p, frac, col, n)
    scores = [points[:, c] for c in col]
    totals = Totals.of(rubric, tree.base, p.capped(scores, "bonus", np.zeros(n)),
                       p.capped(scores, "deduction", np.zeros(n)))
    total = r2_array(totals.total())
    vetoes = [col[j] for j in p.veto]
    veto = points[:, vetoes] > 0
    status = _status(p, values, frac, points, col, waived)
    points[:, vetoes] = 0.0  # a veto takes no points (MeasureResult.score is 0)
    grade = np.asarray(p.grade(total, veto.any(axis=1)), dtype=np.int64)
    worths = np.array(p.worths, dtype=np.float64)
    return BatchResult(values, rubric.ref, tree.base, totals.bonus, totals.deductions, total, grade,
                       tuple(g.id for g in rubric.grades), veto, tuple(p.measures[j].id for j in p.veto),
                       tuple(g.id for g in p.groups), np.where(np.isnan(tree.gfrac), 0.0, tree.gfrac) * worths,
                       tree.gfrac, tree.gweight, frac, points, tree.mweight, status)


def _measure(p: Plan, j: int, values: LongValues, c: int, waived: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Measure j's fractions (NaN: excluded, waived, or a modifier) and its score in its own points (column c)."""
    m, method = p.measures[j], p.methods[j]
    x, given = values.number[:, c], values.present[:, c] & ~waived
    if p.kind[j] != "base":
        return np.full(len(x), np.nan), np.where(given, method.column_amount(m, x), 0.0)
    f = np.where(given, method.column(m, x), np.nan)
    for (row, at), ratings in values.lists.items():
        if at == c and not waived[row]:
            f[row] = method.fraction(m, ratings)
    if p.policy[j] != "exclude":
        f = np.where(given | waived, f, 0.0)
    return f, np.where(np.isnan(f), 0.0, f) * m.points


class _Tree:
    """Group fractions and weights over the plan's tree, for every row at once (engine.scoring._mean, _spread)."""

    def __init__(self, p: Plan, frac: np.ndarray, col: list[int], n: int):
        self.p, self.frac, self.col, self.n = p, frac, col, n
        self.gfrac = np.full((n, len(p.groups)), np.nan)
        self.gweight = np.zeros((n, len(p.groups)))
        self.mweight = np.zeros(frac.shape)
        for k in p.bottom_up:
            self.gfrac[:, k] = self.mean(p.children[k])
        top = self.mean(p.top)
        self.base = p.scale * np.where(np.isnan(top), 0.0, top)
        self.spread(p.top, np.full(n, float(p.scale)))
        for k in range(len(p.groups)):  # parents before children: each group's share is known when it is reached
            self.spread(p.children[k], self.gweight[:, k])

    def fraction(self, c: Child) -> np.ndarray:
        return self.gfrac[:, c.index] if c.group else self.frac[:, self.col[c.index]]

    def mean(self, children: tuple[Child, ...]) -> np.ndarray:
        """The worth-weighted mean of the present children's fractions (NaN when none is present)."""
        num, den = np.zeros(self.n), np.zeros(self.n)
        for c in children:
            if c.worth > 0:
                f = self.fraction(c)
                here = ~np.isnan(f)
                num = num + np.where(here, c.worth * f, 0.0)
                den = den + np.where(here, c.worth, 0.0)
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(den > 0, num / den, np.nan)

    def spread(self, children: tuple[Child, ...], share: np.ndarray) -> None:
        """Each child's points of the total at full score, given its parent's ``share``."""
        present = np.zeros(self.n)
        for c in children:
            if c.worth > 0:
                present = present + np.where(np.isnan(self.fraction(c)), 0.0, c.worth)
        for c in children:
            ok = (present > 0) & ~np.isnan(self.fraction(c))
            with np.errstate(invalid="ignore", divide="ignore"):
                w = np.where(ok, share * c.worth / present, 0.0)
            if c.group:
                self.gweight[:, c.index] = w
            else:
                self.mweight[:, self.col[c.index]] = w


def _status(p: Plan, values: LongValues, frac, points, col, waived) -> np.ndarray:
    """Index into engine.results.STATUSES per (row, measure)."""
    out = np.zeros(frac.shape, dtype=np.int8)
    for j, c in enumerate(col):
        given, f = values.present[:, c], frac[:, c]
        if p.kind[j] != "base":
            done = np.where(points[:, c] > 0, _CODE["triggered"], _CODE["not-triggered"])
            lost = _CODE["missing"]
        else:
            done = np.where(f >= 1.0, _CODE["full"], np.where(f <= 0.0, _CODE["zero"], _CODE["partial"]))
            lost = np.where(np.isnan(f), _CODE["excluded"], _CODE["missing"])
        out[:, c] = np.where(waived[:, c], _CODE["waived"], np.where(given, done, lost))
    return out
