"""What the method modules share: parameter markers, value readers and schema pieces."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..numbers import NotANumber, parse_number, schema_pattern, show

REQUIRED = object()
"""Marks a parameter that has no default."""

TRUE_WORDS = {"是": True, "否": False}
YAML11_BOOLS = {"yes", "no", "on", "off", "y", "n", "Yes", "No", "On", "Off", "YES", "NO", "ON", "OFF"}


class BadValue(ValueError):
    """A submitted value that the method cannot read; the message says what was expected."""


@dataclass(frozen=True)
class Parsed:
    """A value read for a method, with how it was read."""

    value: Any
    notes: tuple[str, ...] = ()
    approximate: bool = False


def clamp(x: float, lo: float = 0.0, hi: float = 1.0) -> float:
    return lo if x < lo else hi if x > hi else x


def read_bool(raw: Any) -> Parsed:
    if isinstance(raw, bool):
        return Parsed(raw)
    if isinstance(raw, str) and raw.strip() in TRUE_WORDS:
        return Parsed(TRUE_WORDS[raw.strip()], (f"{raw!r} read as {str(TRUE_WORDS[raw.strip()]).lower()}",))
    if isinstance(raw, str) and raw.strip() in YAML11_BOOLS:
        raise BadValue(f"expected true or false; {raw!r} is a string in YAML 1.2 (write true or false)")
    raise BadValue(f"expected true or false (or 是/否), got {show(raw)}")


def read_number(raw: Any, unit: str = "") -> Parsed:
    try:
        n = parse_number(raw, unit)
    except NotANumber as e:
        raise BadValue(str(e)) from None
    return Parsed(n.value, n.notes, n.approximate)


def read_count(raw: Any, unit: str = "", allow_bool: bool = False) -> Parsed:
    """An integer >= 0 (booleans count as 1/0 where allowed)."""
    if isinstance(raw, bool):
        if allow_bool:
            return Parsed(int(raw))
        raise BadValue(f"expected a whole number >= 0, got {show(raw)}")
    p = read_number(raw, unit)
    if p.value < 0 or float(p.value) != int(p.value):
        raise BadValue(f"expected a whole number >= 0, got {show(raw)}")
    return Parsed(int(p.value), p.notes, p.approximate)


def number_schema(unit: str = "", integer: bool = False) -> dict:
    """A number, or a text the number reader accepts ('3.6万', '85%', '6000余人')."""
    return {"anyOf": [{"type": "integer" if integer else "number"},
                      {"type": "string", "pattern": schema_pattern(unit)}]}


def bool_schema() -> dict:
    """true/false, or 是/否."""
    return {"anyOf": [{"type": "boolean"}, {"type": "string", "enum": list(TRUE_WORDS)}]}


def check_direction(params: dict) -> list[tuple[str, str]]:
    d = params.get("direction", "higher")
    if d not in ("higher", "lower"):
        return [("direction", f"direction must be 'higher' or 'lower', got {d!r}")]
    return []


def is_number(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)
