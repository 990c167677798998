"""The gap analysis (the pure core of `scorecard gaps`): where a scorecard lost points and how to win them back.

``analyse(card) -> GapReport``: every base measure below full score ranked by the points of the total it
would recover, the shortest path to the next grade, the missing data, each responsible unit's task list
and each group's attainment.  Nothing here prints or reads files.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .gap_views import IndicatorGap, MissingItem, OwnerGaps, indicators, missing, owners, together
from .model import Grade
from .results import MeasureResult, Scorecard, r2
from .targets import Aim, aim

__all__ = ["Gap", "NextGrade", "GapReport", "analyse", "next_grade", "IndicatorGap", "MissingItem", "OwnerGaps"]


@dataclass(frozen=True)
class Gap:
    """A base measure below full score."""

    rank: int
    """1 for the gap worth most points of the total."""
    result: MeasureResult
    aim: Aim
    """Its targets and the distance from them."""

    @property
    def id(self) -> str:
        return self.result.id

    @property
    def recoverable(self) -> float:
        """Points of the total full marks here would add: the measure's own figure (MeasureResult.recoverable,
        the clamp of the total applied), the very number `score` prints for it."""
        return self.result.recoverable

    @property
    def value(self) -> Any:
        return self.result.value


@dataclass(frozen=True)
class NextGrade:
    """What it takes to reach the grade above."""

    grade: Grade
    needs: float | None
    """Points of the total still missing (next grade's min - rounded total); None when vetoed."""
    measures: tuple[str, ...]
    """The fewest measures whose full marks close the gap, biggest first."""
    gain: float
    """Points of the total those measures recover together."""
    reachable: bool
    """False when vetoed, or when even full marks on every gap fall short."""
    vetoed_by: tuple[str, ...] = ()


@dataclass(frozen=True)
class GapReport:
    """Everything `scorecard gaps` says about one scorecard."""

    card: Scorecard
    gaps: tuple[Gap, ...]
    """Ranked by recoverable points, most first."""
    next_grade: NextGrade | None
    """None at the top grade."""
    missing: tuple[MissingItem, ...]
    evidence: tuple[MeasureResult, ...]
    """Measures that require evidence but were submitted without any."""
    owners: tuple[OwnerGaps, ...]
    indicators: tuple[IndicatorGap, ...]

    @property
    def recoverable(self) -> float:
        """Points of the total that full marks on every gap would add together (clamp applied)."""
        return together(self.card, self.gaps)


def analyse(card: Scorecard) -> GapReport:
    """The gap report of one scorecard."""
    gaps = ranked(card)
    return GapReport(card, gaps, next_grade(card, gaps), missing(card), lacking_evidence(card),
                     owners(card, gaps), indicators(card, gaps))


def ranked(card: Scorecard) -> tuple[Gap, ...]:
    """Base measures below full score, most recoverable first (ties in rubric order)."""
    below = [m for m in card.measures if not m.measure.is_modifier and m.fraction is not None and m.fraction < 1]
    # by the base points lost: the clamped figure follows them, and ties it makes (0 at the clamp) stay ordered
    order = sorted(enumerate(below), key=lambda im: (-round(im[1].lost, 9), im[0]))
    return tuple(Gap(i + 1, m, aim(m.measure, m.value)) for i, (_, m) in enumerate(order))


def next_grade(card: Scorecard, gaps: tuple[Gap, ...]) -> NextGrade | None:
    """The grade above and the fewest measures that reach it, taken in order of recoverable points."""
    grades = card.rubric.grades
    at = grades.index(card.grade)
    if at == 0:
        return None
    goal = grades[at - 1]
    if card.vetoed:
        return NextGrade(goal, None, (), 0.0, False, card.vetoed_by)
    chosen, raw = [], 0.0
    for g in gaps:
        if total_with(card, raw) >= goal.min:
            break
        chosen.append(g.id)
        raw += g.result.lost
    gain = card.gain(raw)
    return NextGrade(goal, r2(goal.min - card.total), tuple(chosen), gain, total_with(card, raw) >= goal.min)


def total_with(card: Scorecard, gain: float) -> float:
    """The rounded total if the base gained ``gain`` points of the total (SPEC 3.2 clamp and rounding)."""
    return r2(card.totals.total(gain))


def lacking_evidence(card: Scorecard) -> tuple[MeasureResult, ...]:
    """Submitted values of measures with evidence: required that carry no evidence."""
    return tuple(m for m in card.measures
                 if m.measure.evidence == "required" and m.entry is not None and not m.entry.evidence)
