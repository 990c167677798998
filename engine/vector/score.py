"""score_long: engine.scoring.score for every row of a long table at once (SPEC 3.2-3.4).

A group's fraction is the worth-weighted mean of its present children's fractions, kept as a numerator
and a denominator per subject and added child by child in rubric order, the order engine.scoring sums
them in, so each subject's numbers are the reference scorer's to the last bit.  NaN stands for None.
"""
from __future__ import annotations

import numpy as np

from ..model import Group, Measure, Node, Rubric, worth
from ..results import STATUSES
from . import fractions
from .result import BatchResult
from .rounding import r2_array
from .values import LongValues


def score_long(values: LongValues, rubric: Rubric) -> BatchResult:
    """Score every (subject, period) of the clean values."""
    col = {mid: j for j, mid in enumerate(values.measures)}
    n, shape = len(values), values.number.shape
    frac, points = np.full(shape, np.nan), np.zeros(shape)
    for m in rubric.measures:
        frac[:, col[m.id]], points[:, col[m.id]] = _measure(m, values, col[m.id], rubric)
    tree = _Tree(rubric, frac, col, n)
    top = tree.mean(rubric.tree)
    tree.spread(rubric.tree, np.full(n, float(rubric.scale)))
    base = rubric.scale * np.where(np.isnan(top), 0.0, top)
    bonus = _capped(rubric, points, col, "bonus", rubric.bonus_cap)
    deductions = _capped(rubric, points, col, "deduction", rubric.deduction_cap)
    ceiling = rubric.scale + (rubric.bonus_cap if rubric.bonus_cap is not None else bonus)
    total = r2_array(np.minimum(np.maximum(base + bonus - deductions, 0.0), ceiling))
    vetoes = [m.id for m in rubric.measures if m.method == "veto"]
    veto = points[:, [col[v] for v in vetoes]] > 0 if vetoes else np.zeros((n, 0), dtype=bool)
    status = _status(rubric, values, frac, points, col)
    points[:, [col[v] for v in vetoes]] = 0.0  # a veto takes no points (MeasureResult.score is 0)
    worths = np.array([g.worth for g in rubric.groups], dtype=np.float64)
    return BatchResult(values, rubric.ref, base, bonus, deductions, total, _grades(rubric, total, veto.any(axis=1)),
                       tuple(g.id for g in rubric.grades), veto, tuple(vetoes), tuple(tree.groups),
                       np.where(np.isnan(tree.gfrac), 0.0, tree.gfrac) * worths, tree.gfrac, tree.gweight,
                       frac, points, tree.mweight, status)


def _measure(m: Measure, values: LongValues, j: int, rubric: Rubric) -> tuple[np.ndarray, np.ndarray]:
    """A measure's fractions (NaN: excluded, or a modifier) and its score in its own points."""
    x, given = values.number[:, j], values.present[:, j]
    if m.is_modifier:
        return np.full(len(x), np.nan), np.where(given, fractions.amount(m, x), 0.0)
    f = np.where(given, fractions.fraction(m, x), np.nan)
    for (row, c), ratings in values.lists.items():
        if c == j:
            f[row] = fractions.listed(m, ratings)
    if _policy(m, rubric) != "exclude":
        f = np.where(given, f, 0.0)
    return f, np.where(np.isnan(f), 0.0, f) * m.points


def _policy(m: Measure, rubric: Rubric) -> str:
    """The missing-value policy that applies to a measure: its own, else its nearest group's, else the rubric's."""
    node_id = m.id
    if m.missing:
        return m.missing
    while (node_id := rubric.parents.get(node_id, "")):
        group = rubric.by_id[node_id]
        if group.missing:
            return group.missing
    return rubric.missing


class _Tree:
    """Group fractions and weights over the tree, for every row at once (engine.scoring._mean, _spread)."""

    def __init__(self, rubric: Rubric, frac: np.ndarray, col: dict[str, int], n: int):
        self.frac, self.col, self.n = frac, col, n
        self.groups = {g.id: k for k, g in enumerate(rubric.groups)}
        self.gfrac = np.full((n, len(self.groups)), np.nan)
        self.gweight = np.zeros((n, len(self.groups)))
        self.mweight = np.zeros(frac.shape)

    def fraction(self, node: Node) -> np.ndarray:
        if isinstance(node, Measure):
            return self.frac[:, self.col[node.id]]
        return self.gfrac[:, self.groups[node.id]]

    def mean(self, children: tuple[Node, ...]) -> np.ndarray:
        """Fill in the groups below ``children``; their worth-weighted mean (NaN when none is present)."""
        num, den = np.zeros(self.n), np.zeros(self.n)
        for c in children:
            if isinstance(c, Group):
                self.gfrac[:, self.groups[c.id]] = self.mean(c.children)
            f, w = self.fraction(c), worth(c)
            if w > 0:
                here = ~np.isnan(f)
                num = num + np.where(here, w * f, 0.0)
                den = den + np.where(here, w, 0.0)
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(den > 0, num / den, np.nan)

    def spread(self, children: tuple[Node, ...], share: np.ndarray) -> None:
        """Each node's points of the total at full score, given its parent's ``share``."""
        present = np.zeros(self.n)
        for c in children:
            if worth(c) > 0:
                present = present + np.where(np.isnan(self.fraction(c)), 0.0, worth(c))
        for c in children:
            ok = (present > 0) & ~np.isnan(self.fraction(c))
            with np.errstate(invalid="ignore", divide="ignore"):
                w = np.where(ok, share * worth(c) / present, 0.0)
            if isinstance(c, Group):
                self.gweight[:, self.groups[c.id]] = w
                self.spread(c.children, w)
            else:
                self.mweight[:, self.col[c.id]] = w


def _capped(rubric: Rubric, points: np.ndarray, col: dict, method: str, cap) -> np.ndarray:
    total = np.zeros(len(points))
    for m in rubric.measures:
        if m.method == method:
            total = total + points[:, col[m.id]]
    return total if cap is None else np.minimum(total, cap)


def _grades(rubric: Rubric, total: np.ndarray, vetoed: np.ndarray) -> np.ndarray:
    """Index into rubric.grades: the first whose min <= the rounded total; the last when vetoed."""
    last = len(rubric.grades) - 1
    out = np.full(len(total), last, dtype=np.int64)
    for i in range(last, -1, -1):
        out = np.where(rubric.grades[i].min <= total, i, out)
    return np.where(vetoed, last, out)


def _status(rubric: Rubric, values: LongValues, frac, points, col) -> np.ndarray:
    """Index into engine.results.STATUSES per (row, measure)."""
    code = {s: np.int8(i) for i, s in enumerate(STATUSES)}
    out = np.zeros(frac.shape, dtype=np.int8)
    for m in rubric.measures:
        j = col[m.id]
        given, f = values.present[:, j], frac[:, j]
        if m.is_modifier:
            done, lost = np.where(points[:, j] > 0, code["triggered"], code["not-triggered"]), code["missing"]
        else:
            done = np.where(f >= 1.0, code["full"], np.where(f <= 0.0, code["zero"], code["partial"]))
            lost = np.where(np.isnan(f), code["excluded"], code["missing"])
        out[:, j] = np.where(given, done, lost)
    return out
