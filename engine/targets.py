"""How far a measure's value is from its targets: full points, and the next band or step up.

Pure: reads a Measure and a value, asks the measure's method for target(m), next_target(m, v), which way is
better (direction(m)) and the value as one number (current(m, v)).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import methods
from .methods._common import is_number
from .methods._words import sign
from .model import Measure


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
    """Which way is better for a numeric measure; None for true/false and options."""
    return methods.get(m.method).direction(m)


def current(m: Measure, value: Any) -> float | None:
    """The value as a single number (a rating's trimmed mean), when the method reads numbers."""
    return None if value is None else methods.get(m.method).current(m, value)


def target_sign(m: Measure, way: str | None) -> str:
    """What goes before a target's text: '≥' or '≤' when the target is a bound a value may pass (a rating's
    top of the scale is none), '' otherwise."""
    return sign(way) if methods.get(m.method).TARGET_IS_BOUND else ""


def distance(now: float | None, goal: Any, way: str | None) -> float | None:
    """How far ``now`` is short of ``goal`` in the better direction (0 once reached)."""
    if now is None or way is None or not is_number(goal):
        return None
    short = goal - now if way == "higher" else now - goal
    return max(short, 0.0)
