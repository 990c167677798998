"""Trends (part of `scorecard compare`): one subject's scorecards period to period (pure).

Totals and top-level groups get an arrow (↑ better, → within FLAT points, ↓ worse), or ≠ when the two periods'
coverage differs by more than engine.coverage.GAP (SPEC 10: not comparable); measures whose
fraction of full marks went down are listed, those that were simply not reported apart.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .coverage import comparable, share
from .crosswalk import Link, link
from .model import Group
from .results import Scorecard, r2

FLAT = 0.5
"""A change of at most this many points is flat (→)."""
NOT_COMPARABLE = "≠"
"""The mark of a change between two periods of unequal coverage (SPEC 10), in place of an arrow."""


@dataclass(frozen=True)
class Change:
    """How one number moved from one period to the next."""

    id: str
    """'total' or a group id."""
    before: float | None
    after: float | None
    comparable: bool = True
    """False when the two periods' coverage differs by more than engine.coverage.GAP: no arrow (≠)."""

    @property
    def delta(self) -> float | None:
        return None if self.before is None or self.after is None else r2(self.after - self.before)

    @property
    def arrow(self) -> str:
        return arrow(self.delta) if self.comparable else NOT_COMPARABLE


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
    link: Link | None = None
    """Across two rubric versions: how their ids line up (engine.crosswalk); None within one version."""

    @property
    def coverage(self) -> tuple[float, float]:
        """Coverage before and after (engine.coverage)."""
        return share(self.before), share(self.after)

    @property
    def comparable(self) -> bool:
        """False when the coverage of the two periods differs by more than engine.coverage.GAP."""
        return comparable(*self.coverage)

    @property
    def totals_only(self) -> bool:
        """Scored under two versions with no crosswalk between them: only the totals are compared."""
        return self.link is not None and not self.link.crosswalk


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
    """Each subject with two or more periods, period to period (the cards may be scored under several
    versions of one rubric: each step across two lines them up through engine.crosswalk)."""
    subjects: dict[str, dict] = {}
    for c in cards:
        subjects.setdefault(c.submission.subject_id, {})[period_key(c.submission.period)] = c
    rubrics = list({c.rubric.ref: c.rubric for c in cards}.values())
    links: dict[tuple[str, str], Link] = {}
    out = []
    for sid in sorted(subjects):
        series = tuple(subjects[sid][k] for k in sorted(subjects[sid]))
        if len(series) > 1:
            steps = tuple(step(a, b, _link(a, b, rubrics, links)) for a, b in zip(series, series[1:]))
            out.append(Trend(series, steps))
    return tuple(out)


def _link(a: Scorecard, b: Scorecard, rubrics, links: dict) -> Link | None:
    key = (a.rubric.ref, b.rubric.ref)
    if key[0] == key[1]:
        return None
    if key not in links:
        links[key] = link(a.rubric, b.rubric, rubrics)
    return links[key]


def step(before: Scorecard, after: Scorecard, across: Link | None = None) -> Step:
    """One period to the next; ``across`` when they were scored under two rubric versions (totals only
    without a crosswalk; with one, the groups and measures that map one to one)."""
    pairs = None if across is None else across.pairs
    top = [g.id for g in after.rubric.tree if isinstance(g, Group) and g.worth > 0]
    ok = comparable(share(before), share(after))
    if pairs is None:
        groups = tuple(Change(gid, _group_score(before, gid), _group_score(after, gid), ok) for gid in top)
    else:
        was = {g.id for g in before.rubric.groups}
        back = {new: old for old, new in pairs.items() if old in was}
        groups = tuple(Change(gid, _group_score(before, back[gid]), _group_score(after, gid), ok)
                       for gid in top if gid in back)
    return Step(before, after, Change("total", before.total, after.total, ok), groups,
                slipped(before, after, pairs), across)


def _group_score(card: Scorecard, gid: str) -> float | None:
    g = card.group(gid)
    return None if g.fraction is None else g.score


def slipped(before: Scorecard, after: Scorecard, pairs: dict | None = None) -> tuple[Slip, ...]:
    """Base measures whose fraction of full marks decreased (measures excluded on either side are skipped);
    across two versions only those ``pairs`` (old id -> new id) line up."""
    out = []
    for b, a in _matched(before, after, pairs):
        if b.fraction is not None and a.fraction is not None and a.fraction < b.fraction - 1e-9:
            out.append(Slip(a.id, b.fraction, a.fraction, b.value, a.value, a.entry is None))
    return tuple(sorted(out, key=lambda s: (s.unreported, s.after - s.before)))


def _matched(before: Scorecard, after: Scorecard, pairs: dict | None):
    """(before, after) measure results of the same measure: by position within one version, else by pairs."""
    if pairs is None:
        return zip(before.measures, after.measures)
    now = {m.id: m for m in after.measures}
    return [(b, now[pairs[b.id]]) for b in before.measures if pairs.get(b.id) in now]


def arrow(delta: float | None) -> str:
    """↑ improving, ↓ worse, → flat within FLAT points; · when there is nothing to compare."""
    if delta is None:
        return "·"
    return "↑" if delta > FLAT else "↓" if delta < -FLAT else "→"


def period_key(period: Any) -> tuple:
    """Periods in time order: a period read as a time (2024, '2024H2', '2024年第三季度', '2024-10';
    engine.periods) or a number by its value, anything else as text after."""
    from .periods import time_value

    at = time_value(period)
    if at is not None:
        return (0, at, str(period))
    try:
        return (0, float(str(period)), str(period))
    except ValueError:
        return (1, 0.0, str(period))
