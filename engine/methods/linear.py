"""linear: from nothing at the floor to full points at the target, straight in between."""
from ._common import REQUIRED, clamp, clamp_column, is_number, number_schema, read_number

NAME = "linear"
KIND = "base"
CELL = "number"
"""How a table cell is read on the vectorised fast path: a number."""
PARAMS = {"floor": REQUIRED, "target": REQUIRED}
EXPECTS = "a number"


def check_params(params: dict) -> list[tuple[str, str]]:
    floor, goal = params.get("floor"), params.get("target")
    problems = [(k, f"{k} must be a number") for k in ("floor", "target") if not is_number(params.get(k))]
    if not problems and floor == goal:
        problems.append(("target", f"floor and target are both {goal}: the scale has no length"))
    return problems


def value_schema(m) -> dict:
    return number_schema(m.unit)


def parse(m, raw):
    return read_number(raw, m.unit)


def fraction(m, value) -> float:
    floor, goal = m.params["floor"], m.params["target"]
    return clamp((value - floor) / (goal - floor))


def column(m, x):
    """fraction over a numpy array of values: the same IEEE operations, value by value."""
    floor, goal = m.params["floor"], m.params["target"]
    return clamp_column((x - floor) / (goal - floor))


def target(m):
    return m.params["target"]


def next_target(m, value):
    """The target: every step towards it earns points."""
    return target(m)


def next_point(m, value):
    """The value that earns the next whole point; None when that would be full marks anyway."""
    floor, goal = m.params["floor"], m.params["target"]
    earned = (0.0 if value is None else fraction(m, value)) * m.points
    step = int(earned + 1e-9) + 1
    if step >= m.points:
        return None
    return floor + (goal - floor) * step / m.points
