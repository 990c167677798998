"""How robust is a league (SPEC 10 "Robustness")? Monte Carlo over the group weights and the assessors.

Each run multiplies every group's worth by its own uniform factor in [1 - pct, 1 + pct] and, with ``raters``,
resamples each rating measure's list of ratings with replacement (the method's trim then applies as in
scoring).  Only the base tree depends on either: the measures' fractions, the capped bonus and deductions and
the vetoes come from one plain score_long, and each batch of runs recomputes the tree's worth-weighted means
for every subject at once (arrays runs x subjects, summed child by child in rubric order as engine.scoring
sums them), then the clamp (engine.results.Totals), the rounding and the grade (Plan.grade) exactly as scoring.
Ranks are the league's (engine.vector.league.ranks): each subject's latest period, vetoed last, equal totals
share a rank; a subject under the rubric's min_coverage is unranked and listed apart.  One
numpy.random.default_rng(seed) draws every factor, then every resample, in a fixed order, so the same seed
gives the same figures whatever the batch size.  Pure: arrays in, a Sensitivity out; nothing prints.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from .model import Rubric
from .plan import Child, Plan, plan
from .results import Totals
from .trends import period_key
from .vector.league import _latest
from .vector.rounding import r2_array
from .vector.score import score_long
from .vector.values import LongValues

CELLS = 8_000_000
"""Floats a batch of runs may hold per array of the tree (runs x subjects x groups): about 64 MB."""


@dataclass(frozen=True)
class Sensitivity:
    """Per subject (each one's latest period, league order: ranked first, then unranked), the figures."""

    rubric: Rubric
    subjects: np.ndarray
    names: np.ndarray
    periods: np.ndarray
    ranked: np.ndarray
    """bool: coverage at least the rubric's min_coverage (the others have no rank)."""
    rank: np.ndarray
    """The plain league's rank (0 where unranked)."""
    median: np.ndarray
    """Median rank over the runs (NaN where unranked); low/high: its 5% and 95% quantiles."""
    low: np.ndarray
    high: np.ndarray
    grade: np.ndarray
    """The plain grade's index into rubric.grades."""
    grades: np.ndarray
    """Probability of each grade (subjects x rubric.grades), rows summing to 1."""
    runs: int
    seed: int | None
    weights: float
    raters: bool


@dataclass(frozen=True)
class Draws:
    """What the runs need: the plain batch (each subject's latest period) and every random draw."""

    batch: object
    """engine.vector.result.BatchResult of the latest rows."""
    factors: np.ndarray
    """runs x groups (Plan.groups order): each group's worth multiplier."""
    cells: list
    """(column, row, the resampled list's fraction per run) for each list of ratings (--raters)."""


def draw(values: LongValues, rubric: Rubric, weights: float = 0.2, raters: bool = False, runs: int = 1000,
         seed: int | None = None) -> Draws:
    """Score the latest rows once and draw every run's factors, then resamples, from default_rng(seed)
    (ValueError for weights outside [0, 1) or runs < 1)."""
    if not 0 <= weights < 1:
        raise ValueError("the weights' spread must be at least 0% and under 100%")
    if runs < 1:
        raise ValueError("runs must be at least 1")
    values = values.take(_latest(values.subjects, [period_key(x) for x in values.periods]))
    batch = score_long(values, rubric)
    p, rng = plan(rubric), np.random.default_rng(seed)
    factors = rng.uniform(1 - weights, 1 + weights, size=(runs, len(p.groups)))
    return Draws(batch, factors, _resamples(p, values, rng, runs) if raters else [])


def batches(d: Draws, rubric: Rubric):
    """(start, stop, totals, grade indices) for each batch of runs, the arrays runs x subjects."""
    p, n, runs = plan(rubric), len(d.batch), len(d.factors)
    step = max(1, CELLS // max(1, n * (len(p.groups) + 4)))
    for start in range(0, runs, step):
        stop = min(runs, start + step)
        total, grade = _totals(p, rubric, d.batch, d.factors[start:stop], [(c, r, f[start:stop]) for c, r, f in d.cells])
        yield start, stop, total, grade


def sensitivity(values: LongValues, rubric: Rubric, weights: float = 0.2, raters: bool = False, runs: int = 1000,
                seed: int | None = None, progress: Callable[[int, int], None] | None = None) -> Sensitivity:
    """Run the Monte Carlo on the valid values of one rubric (ValueError for weights outside [0, 1) or runs < 1)."""
    d = draw(values, rubric, weights, raters, runs, seed)
    batch = d.batch
    cover = _coverage(batch, rubric)
    ranked = cover >= rubric.min_coverage if rubric.min_coverage is not None else np.ones(len(batch), dtype=bool)
    ranks = np.zeros((runs, len(batch)))
    grades = np.zeros((len(batch), len(rubric.grades)))
    for start, stop, total, grade in batches(d, rubric):
        ranks[start:stop] = league_ranks(total, batch.vetoed, ranked)
        grades += np.stack([(grade == g).sum(axis=0) for g in range(len(rubric.grades))], axis=1)
        if progress is not None:
            progress(stop, runs)
    return _result(rubric, batch, ranked, cover, ranks, grades / runs, runs, seed, weights, raters)


def _coverage(batch, rubric: Rubric) -> np.ndarray:
    from .coverage import of_batch

    return of_batch(batch, rubric)


def _resamples(p: Plan, values: LongValues, rng, runs: int) -> list[tuple[int, int, np.ndarray]]:
    """(column, row, the cell's fraction in each run) for each list of ratings of a rating measure, each list
    resampled with replacement ``runs`` times and scored by the method (its trim as in scoring)."""
    waived = values.waived()
    by_col = {values.measures.index(m.id): j for j, m in enumerate(p.measures)}
    out = []
    for (row, c), ratings in sorted(values.lists.items()):
        j = by_col[c]
        if p.methods[j].NAME != "rating" or p.kind[j] != "base" or waived[row, c]:
            continue
        pool = np.asarray(ratings, dtype=np.float64)
        picks = pool[rng.integers(0, len(pool), size=(runs, len(pool)))]
        m, method = p.measures[j], p.methods[j]
        out.append((c, row, np.array([method.fraction(m, pick.tolist()) for pick in picks])))
    return out


def _totals(p: Plan, rubric: Rubric, batch, factors: np.ndarray, cells) -> tuple[np.ndarray, np.ndarray]:
    """Totals and grade indices (runs x subjects) for the factors' perturbed group worths."""
    frac = batch.measure_fraction
    col = [batch.measures.index(m.id) for m in p.measures]
    override: dict[int, np.ndarray] = {}
    for c, row, f in cells:
        if c not in override:
            override[c] = np.broadcast_to(frac[:, c], (len(factors), len(batch))).copy()
        override[c][:, row] = f
    gfrac: list = [None] * len(p.groups)

    def fraction(ch: Child):
        if ch.group:
            return gfrac[ch.index]
        return override.get(col[ch.index], frac[:, col[ch.index]])

    def worth(ch: Child):
        return ch.worth * factors[:, ch.index][:, None] if ch.group else ch.worth

    def mean(children):
        num = den = 0.0
        for ch in children:
            if ch.worth > 0:
                f, w = fraction(ch), worth(ch)
                here = ~np.isnan(f)
                num = num + np.where(here, w * f, 0.0)
                den = den + np.where(here, w, 0.0)
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(np.asarray(den) > 0, num / np.where(np.asarray(den) > 0, den, 1.0), np.nan)

    for k in p.bottom_up:
        gfrac[k] = mean(p.children[k])
    top = np.broadcast_to(mean(p.top), (len(factors), len(batch)))
    base = p.scale * np.where(np.isnan(top), 0.0, top)
    total = r2_array(Totals.of(rubric, base, batch.bonus, batch.deductions).total())
    return total, np.asarray(p.grade(total, np.broadcast_to(batch.vetoed, total.shape)), dtype=np.int64)


def league_ranks(total: np.ndarray, vetoed: np.ndarray, ranked: np.ndarray) -> np.ndarray:
    """Competition ranks (runs x subjects) among the ``ranked`` subjects as the league gives them: vetoed after
    every other, then by total, highest first; equal (vetoed, total) share the best rank (1, 1, 3).  0 where
    unranked."""
    out = np.zeros(total.shape)
    idx = np.flatnonzero(ranked)
    if not len(idx):
        return out
    t = total[:, idx]
    spread = float(np.nanmax(np.abs(t))) * 2 + 1
    key = -(t - np.where(vetoed[idx], spread, 0.0))  # ascending key: best first
    order = np.argsort(key, axis=1, kind="stable")
    sk = np.take_along_axis(key, order, axis=1)
    new = np.ones(sk.shape, dtype=bool)
    new[:, 1:] = sk[:, 1:] != sk[:, :-1]
    pos = np.arange(1, len(idx) + 1)
    rank_sorted = np.maximum.accumulate(np.where(new, pos, 0), axis=1)
    r = np.empty(sk.shape)
    np.put_along_axis(r, order, rank_sorted, axis=1)
    out[:, idx] = r
    return out


def _result(rubric, batch, ranked, cover, ranks, grades, runs, seed, weights, raters) -> Sensitivity:
    """League order: the ranked by rank then subject id, then the unranked by coverage (highest first) and id."""
    plain = league_ranks(batch.total[None, :], batch.vetoed, ranked)[0]
    q = np.quantile(ranks, [0.5, 0.05, 0.95], axis=0)
    q[:, ~ranked] = np.nan
    order = np.lexsort((batch.subject.astype(str), np.where(ranked, 0.0, -cover), np.where(ranked, plain, np.inf)))
    return Sensitivity(rubric, batch.subject[order], batch.name[order], batch.period[order], ranked[order],
                       plain[order].astype(np.int64), q[0][order], q[1][order], q[2][order],
                       batch.grade_index[order], grades[order], runs, seed, weights, raters)
