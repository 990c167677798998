"""count: so many points per item, up to the measure's points."""
import math

from ._common import REQUIRED, is_number, number_schema, read_count

NAME = "count"
KIND = "base"
CELL = "count"
"""How a table cell is read on the vectorised fast path: a whole number >= 0."""
PARAMS = {"per": REQUIRED}
EXPECTS = "a whole number >= 0"


def check_params(params: dict) -> list[tuple[str, str]]:
    per = params.get("per")
    if not (is_number(per) and per > 0):
        return [("per", "per (points per item) must be a number > 0")]
    return []


def value_schema(m) -> dict:
    return number_schema(m.unit, integer=True)


def parse(m, raw):
    return read_count(raw, m.unit)


def fraction(m, value) -> float:
    if m.points <= 0:
        return 0.0
    earned = round(value * m.params["per"], 9)  # 3 * 0.3 is 0.8999999999999999 in binary
    return min(earned, m.points) / m.points


def column(m, x):
    """fraction over a numpy array of counts: round(v * per, 9) is Python's own, once per distinct value."""
    import numpy as np

    if m.points <= 0:
        return np.zeros(len(x))
    distinct, back = np.unique(x * m.params["per"], return_inverse=True)
    earned = np.array([round(v, 9) for v in distinct.tolist()], dtype=np.float64)[back].reshape(np.shape(x))
    return np.minimum(earned, m.points) / m.points


def target(m):
    """The number of items that earns full points."""
    per = m.params["per"]
    return math.ceil(round(m.points / per, 9)) if per else None


def next_target(m, value):
    """The count for full points."""
    return target(m)
