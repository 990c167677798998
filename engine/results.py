"""What scoring returns: frozen results per measure, per group and for the whole submission."""
from __future__ import annotations

from dataclasses import dataclass, field
import math
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from .model import Entry, Grade, Group, Measure, Rubric, Submission
from .plan import maximum, minimum, where

STATUSES = ("full", "partial", "zero", "missing", "excluded", "triggered", "not-triggered", "waived")


@lru_cache(maxsize=1 << 14)
def r2(x: float | None) -> float | None:
    """Round half-up to 2 decimals, as people do (89.995 -> 90.0), ignoring float noise below 1e-9.  The one
    rounding rule: engine.vector.rounding.r2_array is this over arrays, and asks this for every near tie."""
    if x is None:
        return None
    if not math.isfinite(x) or abs(x) >= 1e15:
        return x  # no grade decision happens out here; Decimal would refuse it
    d = Decimal(repr(round(x, 9))).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return float(d) + 0.0  # + 0.0 turns -0.0 into 0.0


@dataclass(frozen=True)
class MeasureResult:
    """How one measure scored."""

    measure: Measure
    entry: Entry | None
    """What was submitted; None when nothing was."""
    status: str
    """One of STATUSES."""
    fraction: float | None
    """The method's fraction in [0, 1] (base measures; 0 when missing, None when excluded or a modifier)."""
    score: float
    """In the measure's own points; for a modifier the points it adds or takes off (positive)."""
    max: float | None
    """The measure's points; for a modifier its cap (None when uncapped)."""
    weight: float = 0.0
    """Points of the total that full marks on this measure are worth, after weights, exclusions and scale."""
    recoverable: float = field(default=0.0, kw_only=True)
    """Points of the total that full marks on this measure would add: ``lost`` less what SPEC 3.2's clamp of
    the total would swallow (Totals.gain).  The one figure every output shows; 0 for modifiers."""

    @property
    def id(self) -> str:
        return self.measure.id

    @property
    def value(self):
        return None if self.entry is None else self.entry.value

    @property
    def gap(self) -> float | None:
        """max - score for base measures; None for modifiers."""
        return None if self.measure.is_modifier else self.max - self.score

    @property
    def lost(self) -> float:
        """Points of the base this measure lost (weight * (1 - fraction)), before the clamp of the total:
        what to add up over several measures before asking Totals.gain what they recover together."""
        return 0.0 if self.measure.is_modifier else lost_points(self.weight, self.fraction)


def lost_points(weight: float, fraction: float | None) -> float:
    """Points of the base a base measure lost; 0 when it is excluded (fraction None; NaN in numpy arrays, which
    it takes too, element by element)."""
    if getattr(fraction, "ndim", 0):
        return where(fraction != fraction, 0.0, weight * (1.0 - fraction))
    return 0.0 if fraction is None else weight * (1.0 - fraction)


@dataclass(frozen=True)
class Totals:
    """SPEC 3.2's sum before rounding, and what more base points would add to it once clamped: the one statement
    of the total's clamp, for one submission (numbers) or for many at once (numpy arrays, broadcast alike)."""

    base: float
    bonus: float
    """After bonus_cap."""
    deductions: float
    """After deduction_cap, positive."""
    top: float
    """The clamp's ceiling: scale + bonus_cap (scale + bonus when uncapped)."""

    @classmethod
    def of(cls, rubric: Rubric, base: float, bonus: float, deductions: float) -> "Totals":
        return cls(base, bonus, deductions, rubric.scale + (rubric.bonus_cap if rubric.bonus_cap is not None else bonus))

    def total(self, gain: float = 0.0) -> float:
        """clamp(base + gain + bonus - deductions, 0, top), unrounded."""
        return minimum(maximum(self.base + gain + self.bonus - self.deductions, 0.0), self.top)

    def gain(self, lost: float) -> float:
        """Points of the total that ``lost`` more base points add: all of them unless the clamp bites (deductions
        beyond the base, or the ceiling), exactly ``lost`` then so that no float noise creeps in."""
        raw = self.base + self.bonus - self.deductions
        unclamped = (raw >= 0.0) & (raw + lost <= self.top)
        if not getattr(unclamped, "ndim", 0):
            return lost if unclamped else self.total(lost) - self.total()
        return where(unclamped, lost, self.total(lost) - self.total())


@dataclass(frozen=True)
class GroupResult:
    """How one group scored, in its own worth (before its ancestors' scaling)."""

    group: Group
    score: float
    max: float
    fraction: float | None
    """score / max; None when every measure below was excluded or the group holds only modifiers."""
    weight: float = 0.0
    """Points of the total the group is worth at full score."""

    @property
    def id(self) -> str:
        return self.group.id

    @property
    def status(self) -> str:
        if self.max == 0:
            return "modifiers"
        return "excluded" if self.fraction is None else "scored"


@dataclass(frozen=True)
class Change:
    """A measure whose verified value changed its score (SPEC 8 ``changed``)."""

    id: str
    self: object
    """The self-assessed value (None when the city gave none)."""
    verified: object
    self_score: float
    """In the measure's own points."""
    verified_score: float
    delta: float
    """Points of the total: what the verified value adds (negative: takes off) against the self-assessed one."""
    note: str = ""
    """The verifier's note (the verified entry's note)."""


class Head:
    """What a scorecard and its light stand-in (engine.vector.league.BatchCard) both answer, from their
    rubric and vetoed_by."""

    @property
    def vetoed(self) -> bool:
        return bool(self.vetoed_by)

    @property
    def max(self) -> float:
        return self.rubric.scale


@dataclass(frozen=True)
class Scorecard(Head):
    """A scored submission."""

    rubric: Rubric
    submission: Submission
    measures: tuple[MeasureResult, ...]
    groups: tuple[GroupResult, ...]
    base: float
    """The base tree's score scaled to the rubric's scale."""
    bonus: float
    """Bonus points applied (after bonus_cap)."""
    deductions: float
    """Deduction points applied (after deduction_cap), positive."""
    total: float
    """Rounded half-up to 2 decimals: what decides the grade."""
    grade: Grade
    vetoed_by: tuple[str, ...] = ()
    """Ids of the veto measures that fired."""
    stages: dict | None = None
    """{"self": total, "verified": total} when a verified stage exists (SPEC 8); this card is the verified one."""
    changed: tuple[Change, ...] = ()
    """The measures whose verified value changed their score, in rubric order."""
    self_card: "Scorecard | None" = None
    """The self-assessed scorecard, when a verified stage exists."""

    @property
    def totals(self) -> Totals:
        return Totals.of(self.rubric, self.base, self.bonus, self.deductions)

    def gain(self, lost: float) -> float:
        """Points of the total that ``lost`` more base points add (the clamp of SPEC 3.2 applied)."""
        return self.totals.gain(lost)

    def measure(self, mid: str) -> MeasureResult:
        return next(m for m in self.measures if m.id == mid)

    def group(self, gid: str) -> GroupResult:
        return next(g for g in self.groups if g.id == gid)
