"""The words the method modules share when they put a measure into text.

Each method says in its own module how it is described (describe), what a template tells the person
filling it in (template_hint) and which way its target points; the pieces they have in common are here,
so that two methods that read alike are written alike.
"""
from __future__ import annotations

from typing import Any

from ._common import is_number

SIGNS = {"higher": "≥", "lower": "≤"}
"""The mark before a target that a value may pass, by the better direction."""
BOOLEAN = ("true", "false")
"""A spreadsheet drop-down for a true/false value."""


def sign(direction: str | None) -> str:
    """'≥' when higher is better, '≤' when lower is, '' without a direction."""
    return SIGNS.get(direction or "", "")


def mark(params) -> str:
    """The mark of a method with a `direction` parameter (higher unless it says lower)."""
    return "≤" if params.get("direction") == "lower" else "≥"


def show(value: Any) -> str:
    """A value as a submission writes it: true/false, 95 for 95.0."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return f"{value:g}" if isinstance(value, float) else str(value)


def per_item(m) -> str:
    """'count 0.5/item', 'bonus 1/item cap 5': so many points an item, up to a cap."""
    cap = m.params.get("cap")
    return f"{m.method} {m.params.get('per', 1):g}/item" + (f" cap {cap:g}" if cap is not None else "")


def base_hint(m, described: str, goal: Any, write: str) -> str:
    """A base measure's template line: 'linear 60→100%; full points at 100% — write a number'."""
    return f"{described}; full points at {show(goal)}{m.unit} — write {write}"


def boolean_hint(m, effect: str) -> str:
    """A true/false measure's template line: 'check — write true or false; true earns full points'."""
    return f"{m.method} — write true or false; {effect}"


def modifier_hint(described: str, write: str) -> str:
    """A bonus's or deduction's template line: 'bonus 1/item cap 5 — write a whole number >= 0, or true/false'."""
    return f"{described} — write {write}"


def as_number(m, value) -> float | None:
    """A value read as a number, as one float (None when it is none)."""
    return float(value) if is_number(value) else None


def no_number(m, value) -> None:
    """For a method whose values are no numbers (true/false, an option): no current number."""
    return None


def said_direction(m) -> str:
    """Which way is better, as a `direction` parameter says (higher unless it says lower)."""
    return m.params.get("direction", "higher")


def no_direction(m) -> None:
    """For a method whose values have no order (true/false, an option): no better direction."""
    return None


def no_dropdown(m) -> tuple[str, ...]:
    """No drop-down: any number or text may be typed."""
    return ()


def no_warnings(params: dict) -> list[tuple[tuple, str]]:
    """No likely slips to warn of beyond what check_params refuses."""
    return []


def no_notes(m, lang: str | None) -> str:
    """Nothing more to say on hover than the description."""
    return ""
