"""What bonus and deduction share: so many points per item, up to a cap."""
from ._common import bool_schema, is_number, number_schema, read_count

PARAMS = {"per": 1, "cap": None}
EXPECTS = "a whole number >= 0, or true/false"


def check_params(params: dict) -> list[tuple[str, str]]:
    problems = []
    if not (is_number(params.get("per", 1)) and params.get("per", 1) > 0):
        problems.append(("per", "per must be a number > 0"))
    cap = params.get("cap")
    if cap is not None and not (is_number(cap) and cap >= 0):
        problems.append(("cap", "cap must be a number >= 0"))
    return problems


def value_schema(m) -> dict:
    return {"anyOf": [*number_schema(m.unit, integer=True)["anyOf"], *bool_schema()["anyOf"]]}


def parse(m, raw):
    return read_count(raw, m.unit, allow_bool=True)


def amount(m, value) -> float:
    """Points added (bonus) or taken off (deduction), as a positive number."""
    points = value * m.params.get("per", 1)
    cap = m.params.get("cap")
    return points if cap is None else min(points, cap)


def column_amount(m, x):
    """amount over a numpy array of values (true/false as 1/0)."""
    import numpy as np

    points = x * m.params.get("per", 1)
    cap = m.params.get("cap")
    return points if cap is None else np.minimum(points, cap)
