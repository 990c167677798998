"""Random small rubrics (every method, weights, both missing policies, caps, veto), the cells officials write
for them (valid or not), and valid submissions: the inputs of the executor-agreement property tests.

Everything per method comes from one table keyed by engine.methods.METHODS' names (STRATEGIES): a new
method without an entry fails tests/core/test_strategies.py, so it cannot be left out of the property tests.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from hypothesis import strategies as st

from engine import methods
from engine.model import Entry, Grade, Group, Label, Measure, Rubric, Submission

L = Label.of("x")
GRADES = tuple(Grade(g, Label.of(g), m) for g, m in (("a", 90), ("b", 75), ("c", 60), ("d", 0)))
policy = st.sampled_from([None, None, "zero", "exclude"])
small = st.integers(min_value=-20, max_value=120)
points = st.sampled_from([0.5, 1, 1.5, 2, 3, 0.25, 7])
direction = st.sampled_from(["higher", "lower"])


@dataclass(frozen=True)
class MethodStrategy:
    """How the property tests draw one method's parameters, its cells and its valid values."""

    params: Callable
    """draw -> the method's params."""
    cell: Callable
    """(draw, measure) -> a valid cell text (tables)."""
    value: Callable
    """(draw, measure) -> a valid Entry value, as engine.validate makes it."""
    bounded: bool = False
    """Whether the measure may carry min/max (plausibility bounds on a number)."""


def _bands(draw) -> dict:
    way = draw(direction)
    ats = sorted(draw(st.sets(small, min_size=1, max_size=3)), reverse=way == "higher")
    return {"bands": [{"at": a, "score": draw(st.sampled_from([1, 0.6, 0.3, 0.5]))} for a in ats], "direction": way}


def _linear(draw) -> dict:
    floor, target = draw(st.tuples(small, small).filter(lambda t: t[0] != t[1]))
    return {"floor": floor, "target": target}


def _modifier(draw) -> dict:
    return {"per": draw(st.sampled_from([1, 2, 0.5])), "cap": draw(st.sampled_from([None, 3, 4.5]))}


def number_texts(x: float) -> list[str]:
    """Ways of writing the number x (plain, decorated, as officials print it)."""
    plain = f"{x:g}" if float(x).is_integer() else f"{x}"
    out = [plain, f" {plain} ", f"{x:.2f}", f"{plain}%"]
    if abs(x) >= 1000:
        out += [f"{x:,}", f"{x / 10000:g}万"]
    if x >= 0:
        out += [f"约{plain}", f"{plain}余", plain.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789"})]
    return out


def _bool_cell(draw, m) -> str:
    return draw(st.sampled_from(["true", "false", "TRUE", " False ", "是", "否"]))


def _number_cell(draw, m) -> str:
    x = draw(st.one_of(st.integers(-30, 30000), st.floats(-30, 130, allow_nan=False).map(lambda f: round(f, 3))))
    return draw(st.sampled_from(number_texts(x)))


def _rating_cell(draw, m) -> str:
    hi = m.params["scale"][1]
    if draw(st.booleans()):
        return ";".join(str(draw(st.integers(1, hi))) for _ in range(draw(st.integers(1, 5))))
    return draw(st.sampled_from(number_texts(draw(st.integers(0, hi + 1)))))


def _count_cell(draw, m) -> str:
    if m.method != "count" and draw(st.integers(0, 4)) == 0:
        return draw(st.sampled_from(["true", "false"]))
    return draw(st.sampled_from(number_texts(draw(st.sampled_from([0, 1, 2, 3, 7, 1500, -1, 2.5])))))


def _number_value(draw, m):
    lo = -50 if m.min is None else m.min
    hi = 40000 if m.max is None else m.max
    return draw(st.one_of(st.integers(int(lo), int(hi)),
                          st.floats(lo, hi, allow_nan=False, allow_infinity=False).map(lambda f: round(f, 3))))


def _rating_value(draw, m):
    lo, hi = m.params["scale"]
    one = st.one_of(st.integers(lo, hi), st.floats(lo, hi).map(lambda f: round(f, 2)))
    return draw(st.one_of(one, st.lists(one, min_size=1, max_size=6)))


_bool_value = st.booleans()
_count_value = st.integers(0, 2000)

STRATEGIES: dict[str, MethodStrategy] = {
    "check": MethodStrategy(lambda draw: {}, _bool_cell, lambda draw, m: draw(_bool_value)),
    "threshold": MethodStrategy(lambda draw: {"target": draw(small), "direction": draw(direction)}, _number_cell,
                                _number_value, bounded=True),
    "linear": MethodStrategy(_linear, _number_cell, _number_value, bounded=True),
    "bands": MethodStrategy(_bands, _number_cell, _number_value, bounded=True),
    "choice": MethodStrategy(
        lambda draw: {"options": {"gold": 1, "silver": draw(st.sampled_from([0.6, 0.5])), "none": 0}},
        lambda draw, m: draw(st.sampled_from(["gold", "silver", "none", " gold", "bronze"])),
        lambda draw, m: draw(st.sampled_from(list(m.params["options"])))),
    "rating": MethodStrategy(lambda draw: {"scale": [1, draw(st.sampled_from([5, 10]))],
                                           "trim": draw(st.sampled_from([0, 1]))}, _rating_cell, _rating_value),
    "count": MethodStrategy(lambda draw: {"per": draw(st.sampled_from([1, 2, 0.5, 0.3]))}, _count_cell,
                            lambda draw, m: draw(_count_value)),
    "bonus": MethodStrategy(_modifier, _count_cell, lambda draw, m: draw(_count_value)),
    "deduction": MethodStrategy(_modifier, _count_cell, lambda draw, m: draw(_count_value)),
    "veto": MethodStrategy(lambda draw: {}, _bool_cell, lambda draw, m: draw(_bool_value)),
}


@st.composite
def base_measure(draw, mid: str) -> Measure:
    kind = draw(st.sampled_from(methods.BASE))
    lo, hi = (draw(st.sampled_from([(None, None), (0, 100), (None, 50)])) if STRATEGIES[kind].bounded
              else (None, None))
    return Measure(mid, L, kind, draw(points), STRATEGIES[kind].params(draw),
                   unit=draw(st.sampled_from(["", "%", "人"])), missing=draw(policy), min=lo, max=hi)


@st.composite
def modifier(draw, mid: str) -> Measure:
    kind = draw(st.sampled_from(methods.MODIFIERS))
    return Measure(mid, L, kind, 0.0, STRATEGIES[kind].params(draw))


@st.composite
def group(draw, gid: str, depth: int = 0) -> Group:
    n = draw(st.integers(min_value=1, max_value=3))
    children = []
    for i in range(n):
        cid = f"{gid}.{i + 1}"
        if depth < 1 and draw(st.integers(0, 3)) == 0:
            children.append(draw(group(cid, depth + 1)))
        else:
            children.append(draw(base_measure(cid)))
    weight = draw(st.sampled_from([None, None, 10, 25.5]))
    return Group(gid, L, tuple(children), weight, draw(policy))


@st.composite
def rubrics(draw) -> Rubric:
    tree = [draw(group(f"G{i + 1}")) for i in range(draw(st.integers(min_value=1, max_value=3)))]
    mods = [draw(modifier(f"X.{i + 1}")) for i in range(draw(st.integers(min_value=0, max_value=3)))]
    if mods:
        tree.append(Group("X", L, tuple(mods)))
    return Rubric("r", "1", L, tuple(tree), GRADES, scale=draw(st.sampled_from([100, 50, 10])),
                  missing=draw(st.sampled_from(["zero", "exclude"])), bonus_cap=draw(st.sampled_from([None, 5])),
                  deduction_cap=draw(st.sampled_from([None, 2.5])))


@st.composite
def cell(draw, m: Measure) -> str:
    """A value cell for the measure: usually valid, sometimes empty or wrong."""
    if draw(st.integers(0, 19)) == 0:
        return draw(st.sampled_from(["", "  ", "abc", "1e3", "NA", "yes", "1;2", "-"]))
    return STRATEGIES[m.method].cell(draw, m)


@st.composite
def submissions(draw, rubric: Rubric, sid: str = "s") -> Submission:
    """A valid submission: each measure given (a valid value, as engine.validate reads it) or left out."""
    entries = {m.id: Entry(STRATEGIES[m.method].value(draw, m)) for m in rubric.measures if draw(st.integers(0, 4))}
    return Submission(rubric.ref, sid, sid.upper(), 2024, entries)
