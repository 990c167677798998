"""How far a measure's value is from its targets: full points, and the next band or step up.

Pure: reads a Measure and a value, asks the measure's method for target(m) and next_target(m, v).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import methods
from .methods._common import is_number
from .model import Measure

NUMERIC = ("threshold", "linear", "bands", "count", "rating")


@dataclass(frozen=True)
class Aim:
    """Where one measure's value stands against its targets."""

    target: Any
    """The value that earns full points."""
    next: Any
    """The value that reaches the next band, option or threshold (the target for most methods)."""
    direction: str | None
    """'higher' or 'lower' is better, for numeric methods; None for check and choice."""
    current: float | None
    """The value as one number (a rating's trimmed mean); None when missing or not numeric."""
    distance: float | None
    """How far the value is short of the target, in the value's unit (>= 0)."""
    distance_pct: float | None
    """That distance as a percentage of the target."""
    next_distance: float | None
    """How far the value is short of the next target."""
    next_point: float | None = None
    """For linear measures: the value that earns the next whole point, when that is not full marks."""
    next_point_score: float | None = None
    """The points earned at next_point (a whole number)."""


def aim(m: Measure, value: Any) -> Aim:
    """The targets of a base measure and the distance of ``value`` from them."""
    module = methods.get(m.method)
    goal, step = module.target(m), module.next_target(m, value)
    way = direction(m)
    now = current(m, value)
    short = distance(now, goal, way)
    pct = None if short is None or not goal else 100.0 * short / abs(goal)
    point = module.next_point(m, value) if hasattr(module, "next_point") else None
    earns = None if point is None else round(module.fraction(m, point) * m.points, 9)
    return Aim(goal, step, way, now, short, pct, distance(now, step, way), point, earns)


def direction(m: Measure) -> str | None:
    """Which way is better for a numeric measure."""
    if m.method == "linear":
        return "higher" if m.params["floor"] < m.params["target"] else "lower"
    if m.method in ("threshold", "bands"):
        return m.params.get("direction", "higher")
    return "higher" if m.method in NUMERIC else None


def current(m: Measure, value: Any) -> float | None:
    """The value as a single number, when the method reads numbers."""
    if value is None or m.method not in NUMERIC:
        return None
    if m.method == "rating":
        return methods.get("rating").mean(m, value)
    return float(value) if is_number(value) else None


def distance(now: float | None, goal: Any, way: str | None) -> float | None:
    """How far ``now`` is short of ``goal`` in the better direction (0 once reached)."""
    if now is None or way is None or not is_number(goal):
        return None
    short = goal - now if way == "higher" else now - goal
    return max(short, 0.0)
