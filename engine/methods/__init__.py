"""The scoring methods, one module each, in an explicit registry.

A base method module has NAME, KIND = 'base', CELL (how a long table's cell is read), PARAMS (name ->
default, REQUIRED when it has none), EXPECTS (what a value looks like, for messages), check_params(params),
value_schema(m), parse(m, raw) -> Parsed, fraction(m, value) -> [0, 1] and column(m, x) (the same over a
numpy array of values, same IEEE operations, for engine.vector), target(m) (the value that earns full
points) and next_target(m, value) (the value that reaches the next band or step).  A modifier has
amount(m, value) and column_amount(m, x) instead of fraction, column and targets, and KIND 'bonus',
'deduction' or 'veto'.  numpy is imported inside column/column_amount only: the registry stays light.
"""
from __future__ import annotations

from types import ModuleType

from . import bands, bonus, check, choice, count, deduction, linear, rating, threshold, veto
from ._common import REQUIRED, BadValue, Parsed  # noqa: F401

METHODS: dict[str, ModuleType] = {
    m.NAME: m for m in (check, threshold, linear, bands, choice, rating, count, bonus, deduction, veto)
}
BASE = tuple(name for name, m in METHODS.items() if m.KIND == "base")
MODIFIERS = tuple(name for name, m in METHODS.items() if m.KIND != "base")


class UnknownMethod(KeyError):
    """A method name that is not registered."""


def get(name: str) -> ModuleType:
    """The module for a method name; fails with the list of known names."""
    try:
        return METHODS[name]
    except KeyError:
        raise UnknownMethod(f"unknown method {name!r}; known: {', '.join(METHODS)}") from None


def param_names() -> set[str]:
    """Every parameter any method takes."""
    return {p for m in METHODS.values() for p in m.PARAMS}


INTERFACE = {
    "every": ("NAME", "KIND", "CELL", "PARAMS", "EXPECTS", "check_params", "param_warnings", "RANGED",
              "value_schema", "parse", "describe", "template_hint", "dropdown", "example", "schema_notes", "TITLE", "in_words", "WHOLE",
              "RATINGS"),
    "base": ("fraction", "target", "next_target", "direction", "current", "TARGET_IS_BOUND"),
    "modifier": ("amount", "SIGN"),
    "optional": ("next_point", "option_label"),
}
"""What a method module holds, each piece once, for the rest of the engine to ask (tests/test_method_knowledge.py
reads the engine's source for what it asks, and walks the registry for the answers).  Every method: its name,
kind and cell reading, its parameters (their defaults, check, likely slips and those that are values a
submission may report), how a value is read and typed (EXPECTS, parse, value_schema, WHOLE, RATINGS), and how it
is put in words (describe, template_hint, dropdown, example, schema_notes).  A base method adds its fraction,
targets, better direction, the value as one number and whether its target is a bound passed (≥ 95%); a modifier
its amount and the sign its points show with.  Optional pieces are asked only where present (linear's next
whole point, choice's option labels)."""


def interface(module: ModuleType) -> tuple[str, ...]:
    """The pieces a method module of its kind must hold."""
    return INTERFACE["every"] + INTERFACE["base" if module.KIND == "base" else "modifier"]
