"""Views of a scorecard's gaps for `scorecard gaps`: missing data, responsible units, groups (pure)."""
from __future__ import annotations

from dataclasses import dataclass

from . import methods
from .model import Group, Rubric, worth
from .results import GroupResult, MeasureResult, Scorecard

LIGHTS = ("green", "yellow", "orange", "red")


@dataclass(frozen=True)
class MissingItem:
    """A measure with no value (status missing or excluded)."""

    result: MeasureResult
    at_stake: float | None
    """Points of the total it is worth once reported: when scored as zero its recoverable points (the figure
    the gap list shows for it), the weight it would carry when excluded, a bonus's cap; None for deductions
    and vetoes (not reporting them costs nothing)."""

    @property
    def id(self) -> str:
        return self.result.id

    @property
    def is_modifier(self) -> bool:
        return self.result.measure.is_modifier


@dataclass(frozen=True)
class OwnerGaps:
    """One responsible unit's task list."""

    unit: str
    """Key into rubric.units; '' for measures that name no owner."""
    lead: tuple
    """Gaps it leads (it is the first owner), ranked."""
    co: tuple
    """Gaps it shares as a co-owner, ranked."""
    missing: tuple[str, ...] = ()
    """Ids of base measures it leads whose value is missing."""
    evidence: tuple[str, ...] = ()
    """Ids of measures it leads submitted without the required evidence."""
    lead_points: float = 0.0
    """Points of the total full marks on all its lead gaps would add together (Scorecard.gain of their lost
    points: the clamp of the total applied once to the sum, as for the report's total)."""
    co_points: float = 0.0
    """The same for the gaps it shares as a co-owner."""


@dataclass(frozen=True)
class IndicatorGap:
    """One group's attainment and what its gaps are worth."""

    result: GroupResult
    depth: int
    """0 for a top-level group."""
    pct: float | None
    """Attainment in % of the group's worth; None when every measure below was excluded."""
    light: str | None
    """green, yellow, orange or red at the rubric's colour thresholds; None when excluded."""
    recoverable: float
    """Points of the total full marks on all its gaps would add together (gap_views.together)."""
    gaps: int
    """How many of its measures are below full score."""


def missing(card: Scorecard) -> tuple[MissingItem, ...]:
    """Every measure without a value, with the points at stake."""
    nominal = nominal_weights(card.rubric)
    return tuple(MissingItem(m, _at_stake(m, nominal)) for m in card.measures if m.status in ("missing", "excluded"))


def _at_stake(m: MeasureResult, nominal: dict[str, float]) -> float | None:
    if methods.get(m.measure.method).KIND == "bonus":
        return m.max
    if m.measure.is_modifier:
        return None
    return m.recoverable if m.status == "missing" else nominal[m.id]


def nominal_weights(rubric: Rubric) -> dict[str, float]:
    """Points of the total each node is worth when every measure is reported (3.2, nothing excluded)."""
    held = _NOMINAL.get(id(rubric))
    if held is None or held[0] is not rubric:
        held = _NOMINAL[id(rubric)] = (rubric, _nominal(rubric))
    return dict(held[1])


_NOMINAL: dict[int, tuple] = {}
"""id(rubric) -> (rubric, its nominal weights): a gap report of thousands of subjects asks for them per subject."""


def _nominal(rubric: Rubric) -> dict[str, float]:
    out: dict[str, float] = {}

    def spread(children, share: float) -> None:
        total = sum(worth(c) for c in children)
        for c in children:
            out[c.id] = share * worth(c) / total if total > 0 else 0.0
            if isinstance(c, Group):
                spread(c.children, out[c.id])

    spread(rubric.tree, rubric.scale)
    return out


def owners(card: Scorecard, gaps: tuple) -> tuple[OwnerGaps, ...]:
    """Each unit's gaps as lead and as co-owner, biggest lead total first (units with nothing to do left out)."""
    lead: dict[str, list] = {}
    co: dict[str, list] = {}
    for g in gaps:
        names = g.result.measure.owners or ("",)
        lead.setdefault(names[0], []).append(g)
        for unit in names[1:]:
            co.setdefault(unit, []).append(g)
    absent = _led_ids(card, lambda m: m.status in ("missing", "excluded") and not m.measure.is_modifier)
    bare = _led_ids(card, lambda m: m.measure.evidence == "required" and m.entry is not None
                    and not m.entry.evidence)
    order = list(card.rubric.units) + [""]
    units = [u for u in order if u in lead or u in co or u in absent or u in bare]
    units += sorted({*lead, *co, *absent, *bare} - set(units))
    out = [OwnerGaps(u, tuple(lead.get(u, ())), tuple(co.get(u, ())), absent.get(u, ()), bare.get(u, ()),
                     together(card, lead.get(u, ())), together(card, co.get(u, ()))) for u in units]
    return tuple(sorted(out, key=lambda o: (-round(o.lead_points, 9), -round(o.co_points, 9))))


def together(card: Scorecard, gaps) -> float:
    """Points of the total full marks on all of ``gaps`` would add (one clamp over their sum, not a sum of
    clamped figures; for a single gap, its own recoverable points)."""
    return card.gain(sum(g.result.lost for g in gaps))


def _led_ids(card: Scorecard, keep) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for m in card.measures:
        if keep(m):
            unit = (m.measure.owners or ("",))[0]
            out[unit] = out.get(unit, ()) + (m.id,)
    return out


def indicators(card: Scorecard, gaps: tuple) -> tuple[IndicatorGap, ...]:
    """Every group that carries points, parents first, with its attainment light and recoverable points."""
    parents = card.rubric.parents
    below: dict[str, list] = {}
    for g in gaps:
        node = parents.get(g.id, "")
        while node:
            below.setdefault(node, []).append(g)
            node = parents.get(node, "")
    out, depth = [], {}
    for r in card.groups:
        depth[r.id] = depth.get(parents.get(r.id, ""), -1) + 1
        if r.max:
            pct = None if r.fraction is None else 100.0 * r.fraction
            out.append(IndicatorGap(r, depth[r.id], pct, light(pct, card.rubric.colors),
                                    together(card, below.get(r.id, ())), len(below.get(r.id, ()))))
    return tuple(out)


def light(pct: float | None, colors: tuple[float, float, float]) -> str | None:
    """The traffic light for an attainment percentage at the rubric's thresholds (green, yellow, orange)."""
    if pct is None:
        return None
    return next((name for name, at in zip(LIGHTS, colors) if pct >= at - 1e-9), LIGHTS[-1])
