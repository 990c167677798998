"""The league of a batch (`scorecard compare` on a long table): ranked with numpy, rendered as usual.

engine.compare ranks Scorecards; here the ranking works on the batch's arrays and each standing
holds a BatchCard, a light stand-in that has what the compare renderers read (subject, period,
total, grade, veto, top-level group scores).  Subjects with several periods get full Scorecards
(to_scorecards), so their trends are engine.trends' own and their league rows the same objects.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..compare import Comparison, League, Standing
from ..coverage import of_batch
from ..model import Grade, Group, Rubric, Submission
from ..results import GroupResult, Head
from ..trends import period_key, trends
from .cards import to_scorecards
from .result import BatchResult


@dataclass(frozen=True)
class BatchCard(Head):
    """What a league row needs of a scorecard, straight from the batch's arrays."""

    rubric: Rubric
    submission: Submission
    """Subject and period (no entries)."""
    total: float
    grade: Grade
    vetoed_by: tuple[str, ...]
    tops: dict[str, GroupResult] = field(default_factory=dict)
    """The top-level groups that carry points."""
    coverage: float | None = None
    """Share of the base measures with a value (engine.coverage.of_batch)."""

    def group(self, gid: str) -> GroupResult:
        return self.tops[gid]


def ranks(batch: "BatchResult | Rows", rows: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The given rows (all by default) best first, and their ranks: vetoed after every other, then by
    total (highest first), then by subject id; equal (vetoed, total) share a rank."""
    rows = np.arange(len(batch)) if rows is None else np.asarray(rows, dtype=np.int64)
    vetoed, total = batch.vetoed[rows], batch.total[rows]
    _, by_id = np.unique(batch.subject[rows].astype(str), return_inverse=True)
    order = rows[np.lexsort((by_id, -total, vetoed))] if len(rows) else rows
    vetoed, total = batch.vetoed[order], batch.total[order]
    new = np.ones(len(order), dtype=bool)
    new[1:] = (vetoed[1:] != vetoed[:-1]) | (total[1:] != total[:-1])
    rank = np.maximum.accumulate(np.where(new, np.arange(1, len(order) + 1), 0)) if len(order) else order
    return order, rank


@dataclass(frozen=True)
class Rows:
    """What ranking reads of one or more batches' rows, their arrays joined (a big table's chunks are scored one
    by one and let go: engine.long_chunked)."""

    subject: np.ndarray
    period: np.ndarray
    total: np.ndarray
    vetoed: np.ndarray
    cover: np.ndarray
    cards: list

    def __len__(self) -> int:
        return len(self.total)


def rows_of(batch: BatchResult, rubric: Rubric) -> Rows:
    return Rows(batch.subject, batch.period, batch.total, batch.vetoed, of_batch(batch, rubric), _cards(batch, rubric))


def joined(parts: list[Rows]) -> Rows:
    if len(parts) == 1:
        return parts[0]
    cat = lambda name: np.concatenate([getattr(p, name) for p in parts])  # noqa: E731
    return Rows(cat("subject"), cat("period"), cat("total"), cat("vetoed"), cat("cover"),
                [c for p in parts for c in p.cards])


def comparisons(batch: BatchResult, rubric: Rubric, period: Any = None) -> tuple[Comparison, ...]:
    """The comparison `scorecard compare` shows for one long table (as engine.compare.compare makes it)."""
    if not len(batch):
        return ()
    return of_rows(rows_of(batch, rubric), rubric, period)


def of_rows(rows: Rows, rubric: Rubric, period: Any = None) -> tuple[Comparison, ...]:
    """The comparison of the rows of one or more batches of one rubric."""
    if not len(rows):
        return ()
    keys = [period_key(p) for p in rows.period]
    cards = rows.cards
    multi = [c for c in cards if not isinstance(c, BatchCard)]
    latest = _latest(rows.subject, keys)
    if period is None:
        now, absent = latest, []
    else:
        want = period_key(period)
        now = np.array([i for i, k in enumerate(keys) if k == want], dtype=np.int64)
        have = set(rows.subject[now].tolist())
        absent = [i for i in latest if rows.subject[i] not in have]
        if len(now):
            period = rows.period[now[0]]
    cover = rows.cover
    short = cover[now] < rubric.min_coverage if rubric.min_coverage is not None else np.zeros(len(now), dtype=bool)
    order, rank = ranks(rows, now[~short])
    standings = tuple(Standing(int(r), cards[i]) for i, r in zip(order.tolist(), rank.tolist()))
    low = sorted(now[short].tolist(), key=lambda i: (-cover[i], str(rows.subject[i])))
    standings += tuple(Standing(None, cards[i]) for i in low)
    league = League(rubric, period, standings, tuple(cards[i] for i in absent))
    return (Comparison(league, trends(multi)),)


def _latest(subjects: np.ndarray, keys: list) -> np.ndarray:
    """Each subject's row with the latest period, in subject order."""
    best: dict[str, int] = {}
    for i, (sid, key) in enumerate(zip(subjects.tolist(), keys)):
        if sid not in best or key >= keys[best[sid]]:
            best[sid] = i
    return np.array([best[s] for s in sorted(best)], dtype=np.int64)


def _cards(batch: BatchResult, rubric: Rubric) -> list:
    """A card per row: a full Scorecard for subjects with several periods, else a BatchCard."""
    ids, counts = np.unique(batch.subject.astype(str), return_counts=True)
    several = set(ids[counts > 1].tolist())
    full = iter(to_scorecards(batch, rubric, several)) if several else iter(())
    tops = _tops(rubric)
    out = []
    cover = of_batch(batch, rubric)
    for i, sid in enumerate(batch.subject.tolist()):
        out.append(next(full) if sid in several else head(batch, rubric, i, tops, float(cover[i])))
    return out


def _tops(rubric: Rubric) -> list[tuple[int, Group]]:
    """The top-level groups that carry points, with their column in the batch's group matrices."""
    top = {n.id for n in rubric.tree if isinstance(n, Group) and n.worth > 0}
    return [(k, g) for k, g in enumerate(rubric.groups) if g.id in top]


def head(batch: BatchResult, rubric: Rubric, i: int, tops: list | None = None,
         coverage: float | None = None) -> BatchCard:
    """Row ``i``'s BatchCard: what a league row or a CI verdict reads, without making the Scorecard."""
    v = batch.values
    groups = {g.id: GroupResult(g, float(batch.group_score[i, k]), g.worth, _none(batch.group_fraction[i, k]),
                                float(batch.group_weight[i, k])) for k, g in (tops if tops is not None else _tops(rubric))}
    sub = Submission(v.rubric, str(v.subjects[i]), str(v.names[i]), v.periods[i], {}, v.path)
    return BatchCard(rubric, sub, float(batch.total[i]), rubric.grades[int(batch.grade_index[i])],
                     batch.vetoed_by(i), groups, coverage)


def _none(x: float) -> float | None:
    return None if math.isnan(x) else float(x)

