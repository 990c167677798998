"""threshold: full points once the value reaches the target, none before."""
from ._common import REQUIRED, check_direction, is_number, number_schema, read_number

NAME = "threshold"
KIND = "base"
CELL = "number"
"""How a table cell is read on the vectorised fast path: a number."""
PARAMS = {"target": REQUIRED, "direction": "higher"}
EXPECTS = "a number"


def check_params(params: dict) -> list[tuple[str, str]]:
    problems = check_direction(params)
    if not is_number(params.get("target")):
        problems.append(("target", "target must be a number"))
    return problems


def value_schema(m) -> dict:
    return number_schema(m.unit)


def parse(m, raw):
    return read_number(raw, m.unit)


def reaches(value: float, goal: float, direction: str) -> bool:
    """True when ``value`` is at or beyond ``goal`` in the better direction."""
    return value <= goal if direction == "lower" else value >= goal


def fraction(m, value) -> float:
    p = m.params
    return 1.0 if reaches(value, p["target"], p.get("direction", "higher")) else 0.0


def column(m, x):
    """fraction over a numpy array of values: the same comparison, value by value."""
    import numpy as np

    p = m.params
    return np.where(reaches(x, p["target"], p.get("direction", "higher")), 1.0, 0.0)


def target(m):
    return m.params["target"]


def next_target(m, value):
    """The target: a threshold has no steps."""
    return target(m)
