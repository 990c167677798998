"""assert_same: one row of the vectorised executor's BatchResult equals the per-submission executor's Scorecard,
every number exactly (==, not approx): totals, grade, veto, each measure and each group."""
from __future__ import annotations

import math

from engine.results import Scorecard
from engine.vector.result import BatchResult


def nones(xs) -> list:
    """NaN as None (how BatchResult writes engine.results' None)."""
    return [None if math.isnan(x) else x for x in xs.tolist()]


def assert_same(batch: BatchResult, i: int, card: Scorecard) -> None:
    rubric = card.rubric
    assert (float(batch.base[i]), float(batch.bonus[i]), float(batch.deductions[i]), float(batch.total[i])) == \
        (card.base, card.bonus, card.deductions, card.total)
    assert batch.grade[i] == card.grade.id and batch.vetoed_by(i) == card.vetoed_by
    assert list(batch.measures) == [m.id for m in card.measures]
    assert [batch.statuses(m.id)[i] for m in rubric.measures] == [m.status for m in card.measures]
    assert nones(batch.measure_fraction[i]) == [m.fraction for m in card.measures]
    assert batch.measure_score[i].tolist() == [m.score for m in card.measures]
    assert batch.measure_weight[i].tolist() == [m.weight for m in card.measures]
    assert batch.recoverable(rubric)[i].tolist() == [m.recoverable for m in card.measures]
    assert list(batch.groups) == [g.id for g in card.groups]
    assert batch.group_score[i].tolist() == [g.score for g in card.groups]
    assert nones(batch.group_fraction[i]) == [g.fraction for g in card.groups]
    assert batch.group_weight[i].tolist() == [g.weight for g in card.groups]
