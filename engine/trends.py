"""Trends (part of `scorecard compare`): one subject's scorecards period to period (pure).

Totals and top-level groups get an arrow (↑ better, → within FLAT points, ↓ worse); measures whose
fraction of full marks went down are listed, those that were simply not reported apart.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .model import Group
from .results import Scorecard, r2

FLAT = 0.5
"""A change of at most this many points is flat (→)."""


@dataclass(frozen=True)
class Change:
    """How one number moved from one period to the next."""

    id: str
    """'total' or a group id."""
    before: float | None
    after: float | None

    @property
    def delta(self) -> float | None:
        return None if self.before is None or self.after is None else r2(self.after - self.before)

    @property
    def arrow(self) -> str:
        return arrow(self.delta)


@dataclass(frozen=True)
class Slip:
    """A measure whose fraction of full marks went down."""

    id: str
    before: float
    after: float
    value_before: Any = None
    value_after: Any = None
    unreported: bool = False
    """True when the drop is because no value was submitted this time."""


@dataclass(frozen=True)
class Step:
    """One subject from one period to the next."""

    before: Scorecard
    after: Scorecard
    total: Change
    groups: tuple[Change, ...]
    """Top-level groups, in own points (as `score` shows them)."""
    slipped: tuple[Slip, ...]
    """Measures that moved away from their target, biggest drop first."""


@dataclass(frozen=True)
class Trend:
    """One subject across its periods, oldest first."""

    cards: tuple[Scorecard, ...]
    steps: tuple[Step, ...]

    @property
    def subject(self) -> tuple[str, str]:
        sub = self.cards[-1].submission
        return sub.subject_id, sub.subject_name


def trends(cards: list[Scorecard]) -> tuple[Trend, ...]:
    """Each subject with two or more periods, period to period."""
    subjects: dict[str, dict] = {}
    for c in cards:
        subjects.setdefault(c.submission.subject_id, {})[period_key(c.submission.period)] = c
    out = []
    for sid in sorted(subjects):
        series = tuple(subjects[sid][k] for k in sorted(subjects[sid]))
        if len(series) > 1:
            out.append(Trend(series, tuple(step(a, b) for a, b in zip(series, series[1:]))))
    return tuple(out)


def step(before: Scorecard, after: Scorecard) -> Step:
    groups = tuple(Change(g.id, _group_score(before, g.id), _group_score(after, g.id))
                   for g in after.rubric.tree if isinstance(g, Group) and g.worth > 0)
    return Step(before, after, Change("total", before.total, after.total), groups, slipped(before, after))


def _group_score(card: Scorecard, gid: str) -> float | None:
    g = card.group(gid)
    return None if g.fraction is None else g.score


def slipped(before: Scorecard, after: Scorecard) -> tuple[Slip, ...]:
    """Base measures whose fraction of full marks decreased (measures excluded on either side are skipped)."""
    out = []
    for b, a in zip(before.measures, after.measures):
        if b.fraction is not None and a.fraction is not None and a.fraction < b.fraction - 1e-9:
            out.append(Slip(a.id, b.fraction, a.fraction, b.value, a.value, a.entry is None))
    return tuple(sorted(out, key=lambda s: (s.unreported, s.after - s.before)))


def arrow(delta: float | None) -> str:
    """↑ improving, ↓ worse, → flat within FLAT points; · when there is nothing to compare."""
    if delta is None:
        return "·"
    return "↑" if delta > FLAT else "↓" if delta < -FLAT else "→"


def period_key(period: Any) -> tuple:
    """Periods in time order: numbers (2024, '2024') by value, anything else ('2024-H1') as text after."""
    try:
        return (0, float(str(period)), str(period))
    except ValueError:
        return (1, 0.0, str(period))
