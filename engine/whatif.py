"""What-if (SPEC 10): a submission scored again with some values changed, and what each change is worth.

Pure, like engine.scoring: a Rubric, a Submission and {measure id: Entry} in, a WhatIf out.  A submission with
a verified stage gets the changes on top of the card's (verified) values.  Each change's delta is in points
of the total, the submission with only that value changed (as engine.stages measures a verification)."""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Mapping

from .model import Entry, Rubric, Submission
from .results import Scorecard, r2
from .stages import score_stages


@dataclass(frozen=True)
class MeasureChange:
    """One changed value: its values and own points before and after, and its delta in points of the total."""

    id: str
    before: object
    after: object
    score_before: float
    score_after: float
    delta: float
    owners: tuple[str, ...]


@dataclass(frozen=True)
class UnitChange:
    """A responsible unit: the changed measures it owns (those it leads first) and their deltas summed."""

    unit: str
    leads: tuple[str, ...]
    shares: tuple[str, ...]
    delta: float


@dataclass(frozen=True)
class WhatIf:
    before: Scorecard
    after: Scorecard
    changes: tuple[MeasureChange, ...]
    units: tuple[UnitChange, ...]

    @property
    def delta(self) -> float:
        return r2(self.after.total - self.before.total)


def what_if(rubric: Rubric, sub: Submission, values: Mapping[str, Entry]) -> WhatIf:
    """Score ``sub`` as it is and with ``values`` (in rubric order) applied."""
    before = score_stages(rubric, sub)
    after = score_stages(rubric, applied(sub, values))
    ordered = [m for m in rubric.measures if m.id in values]
    changes = tuple(_change(rubric, sub, before, after, m, values[m.id]) for m in ordered)
    return WhatIf(before, after, changes, per_unit(changes))


def applied(sub: Submission, values: Mapping[str, Entry]) -> Submission:
    """The submission with ``values`` over its card's values (the verified stage's, when it has one)."""
    if sub.verified:
        return replace(sub, verified={**sub.verified, **values})
    return replace(sub, entries={**sub.entries, **values})


def _change(rubric, sub, before: Scorecard, after: Scorecard, m, entry: Entry) -> MeasureChange:
    alone = score_stages(rubric, applied(sub, {m.id: entry}))
    delta = r2(alone.totals.total() - before.totals.total())
    b, a = before.measure(m.id), after.measure(m.id)
    return MeasureChange(m.id, b.value, a.value, r2(b.score), r2(a.score), delta, m.owners)


def per_unit(changes) -> tuple[UnitChange, ...]:
    """Every owner of a changed measure with the deltas of the changed measures it owns summed (a co-owned
    one counts for each owner): the units that lead one of them first, then those that only share, each in
    order of first appearance."""
    found: dict[str, tuple[list, list, list]] = {}
    for c in changes:
        for k, unit in enumerate(c.owners):
            leads, shares, deltas = found.setdefault(unit, ([], [], []))
            (leads if k == 0 else shares).append(c.id)
            deltas.append(c.delta)
    units = [UnitChange(u, tuple(lead), tuple(share), r2(sum(d))) for u, (lead, share, d) in found.items()]
    return tuple(sorted(units, key=lambda u: not u.leads))
