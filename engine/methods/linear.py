"""linear: from nothing at the floor to full points at the target, straight in between."""
from ._common import REQUIRED, clamp, is_number, number_schema, read_number

NAME = "linear"
KIND = "base"
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


def target(m):
    return m.params["target"]
