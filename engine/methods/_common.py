"""What the method modules share: parameter markers, value readers and schema pieces.

Every method reads its values through engine.numbers (one reader for numbers, booleans and lists typed
in one text), and its schema piece is made from that reader's own patterns, so the generated schema
accepts exactly the texts the methods accept.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..numbers import BOOL_PATTERN, YAML11_BOOLS, NotANumber, parse_bool, parse_number, schema_pattern, show

REQUIRED = object()
"""Marks a parameter that has no default."""


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


def clamp_column(f):
    """clamp over a numpy array: the same comparisons, value by value."""
    import numpy as np

    return np.where(f < 0.0, 0.0, np.where(f > 1.0, 1.0, f))


def read_bool(raw: Any) -> Parsed:
    """true/false, or a text that says one (是/否, 'true')."""
    try:
        value, notes = parse_bool(raw)
    except NotANumber as e:
        raise BadValue(str(e)) from None
    return Parsed(value, notes)


def read_number(raw: Any, unit: str = "") -> Parsed:
    try:
        n = parse_number(raw, unit)
    except NotANumber as e:
        raise BadValue(str(e)) from None
    return Parsed(n.value, n.notes, n.approximate)


def is_bool_text(raw: Any) -> bool:
    """True for a boolean, or a text the boolean reader takes (是, 否, 'true')."""
    try:
        parse_bool(raw)
    except NotANumber:
        return False
    return True


def read_count(raw: Any, unit: str = "", allow_bool: bool = False) -> Parsed:
    """An integer >= 0 (booleans, and 是/否, count as 1/0 where allowed)."""
    if allow_bool and is_bool_text(raw):
        p = read_bool(raw)
        return Parsed(int(p.value), tuple(f"{n} (= {int(p.value)})" for n in p.notes))
    if isinstance(raw, bool):
        raise BadValue(f"expected a whole number >= 0, got {show(raw)}")
    try:
        p = read_number(raw, unit)
    except BadValue:
        if allow_bool and isinstance(raw, str) and raw.strip().lower() in YAML11_BOOLS:
            read_bool(raw)  # says why 'yes' is no boolean (it is one in YAML 1.1)
        raise
    if p.value < 0 or float(p.value) != int(p.value):
        raise BadValue(f"expected a whole number >= 0, got {show(raw)}")
    return Parsed(int(p.value), p.notes, p.approximate)


def number_schema(unit: str = "", integer: bool = False) -> dict:
    """A number, or a text the number reader accepts for a measure in ``unit`` ('3.6万', '85%', '6000余人')."""
    return {"anyOf": [{"type": "integer" if integer else "number"},
                      {"type": "string", "pattern": schema_pattern(unit)}]}


def bool_schema() -> dict:
    """true/false, or a text the boolean reader accepts (是/否, 'true', spaces around)."""
    return {"anyOf": [{"type": "boolean"}, {"type": "string", "enum": ["是", "否"]},
                      {"type": "string", "pattern": BOOL_PATTERN}]}


def check_direction(params: dict) -> list[tuple[str, str]]:
    d = params.get("direction", "higher")
    if d not in ("higher", "lower"):
        return [("direction", f"direction must be 'higher' or 'lower', got {d!r}")]
    return []


def is_number(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)
