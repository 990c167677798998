"""What score_long returns: per-subject arrays and per-measure matrices, frozen."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..model import Rubric
from ..results import STATUSES, Totals, lost_points
from .values import LongValues


@dataclass(frozen=True)
class BatchResult:
    """Every (subject, period) of a long table scored; row i of every array is row i of ``values``.

    NaN stands where engine.results has None (an excluded measure or group, a modifier's fraction)."""

    values: LongValues
    rubric: str
    """The rubric scored against, as id@version."""
    base: np.ndarray
    """The base tree's score scaled to the rubric's scale (Scorecard.base)."""
    bonus: np.ndarray
    """Bonus points applied, after bonus_cap."""
    deductions: np.ndarray
    """Deduction points applied, after deduction_cap (positive)."""
    total: np.ndarray
    """Rounded half-up to 2 decimals: what decides the grade."""
    grade_index: np.ndarray
    """Index into ``grades``."""
    grades: tuple[str, ...]
    """The rubric's grade ids, highest first."""
    veto: np.ndarray
    """bool (rows x veto measures): which vetoes fired."""
    veto_ids: tuple[str, ...]
    groups: tuple[str, ...]
    """Group ids in rubric order: the columns of the group matrices."""
    group_score: np.ndarray
    """Each group's score in its own worth (GroupResult.score; 0 where excluded)."""
    group_fraction: np.ndarray
    """score / worth; NaN where every measure below was excluded, or the group holds only modifiers."""
    group_weight: np.ndarray
    """Points of the total the group is worth at full score."""
    measure_fraction: np.ndarray
    """The method's fraction (0 when missing; NaN when excluded, and for modifiers)."""
    measure_score: np.ndarray
    """In the measure's own points; a modifier's points added or taken off (a veto's 0: see ``veto``)."""
    measure_weight: np.ndarray
    """Points of the total that full marks on the measure are worth."""
    status: np.ndarray
    """Index into engine.results.STATUSES per (row, measure)."""

    def __len__(self) -> int:
        return len(self.total)

    @property
    def subject(self) -> np.ndarray:
        return self.values.subjects

    @property
    def name(self) -> np.ndarray:
        return self.values.names

    @property
    def period(self) -> np.ndarray:
        return self.values.periods

    @property
    def measures(self) -> tuple[str, ...]:
        return self.values.measures

    @property
    def grade(self) -> np.ndarray:
        """The grade id per row."""
        return np.array(self.grades, dtype=object)[self.grade_index]

    @property
    def vetoed(self) -> np.ndarray:
        return self.veto.any(axis=1)

    def vetoed_by(self, row: int) -> tuple[str, ...]:
        return tuple(v for v, fired in zip(self.veto_ids, self.veto[row]) if fired)

    def group(self, gid: str) -> np.ndarray:
        """One group's scores in its own worth."""
        return self.group_score[:, self.groups.index(gid)]

    def statuses(self, mid: str) -> np.ndarray:
        """One measure's status per row, as text."""
        return np.array(STATUSES, dtype=object)[self.status[:, self.measures.index(mid)]]

    def totals(self, rubric: Rubric) -> Totals:
        """Each row's engine.results.Totals, as column vectors (rows x 1) that broadcast over the measures."""
        return Totals.of(rubric, self.base[:, None], self.bonus[:, None], self.deductions[:, None])

    def recoverable(self, rubric: Rubric) -> np.ndarray:
        """MeasureResult.recoverable per (row, measure): Totals.gain of the points each measure lost (0 for
        modifiers and excluded measures), the clamp of SPEC 3.2 applied."""
        return self.totals(rubric).gain(lost_points(self.measure_weight, self.measure_fraction))

    def frame(self, groups: tuple[str, ...] = ()):
        """A pandas DataFrame: subject, name, period, total, base, bonus, deductions, grade, vetoed, then
        the score of each group in ``groups`` (own worth; NaN where excluded)."""
        import pandas as pd

        data = {"subject": self.subject, "name": self.name, "period": self.period, "total": self.total,
                "base": self.base, "bonus": self.bonus, "deductions": self.deductions, "grade": self.grade,
                "vetoed": self.vetoed}
        for gid in groups:
            j = self.groups.index(gid)
            data[gid] = np.where(np.isnan(self.group_fraction[:, j]), np.nan, self.group_score[:, j])
        return pd.DataFrame(data)
