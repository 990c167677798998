"""Random small rubrics (every method, weights, both missing policies, caps, veto) and the cells officials
write for them, valid or not: the inputs of the batch-versus-reference property tests."""
from __future__ import annotations

from hypothesis import strategies as st

from engine.model import Grade, Group, Label, Measure, Rubric

L = Label.of("x")
GRADES = tuple(Grade(g, Label.of(g), m) for g, m in (("a", 90), ("b", 75), ("c", 60), ("d", 0)))
policy = st.sampled_from([None, None, "zero", "exclude"])
small = st.integers(min_value=-20, max_value=120)
points = st.sampled_from([0.5, 1, 1.5, 2, 3, 0.25, 7])


@st.composite
def base_measure(draw, mid: str) -> Measure:
    kind = draw(st.sampled_from(["check", "threshold", "linear", "bands", "choice", "rating", "count"]))
    params: dict = {}
    if kind == "threshold":
        params = {"target": draw(small), "direction": draw(st.sampled_from(["higher", "lower"]))}
    elif kind == "linear":
        floor, target = draw(st.tuples(small, small).filter(lambda t: t[0] != t[1]))
        params = {"floor": floor, "target": target}
    elif kind == "bands":
        direction = draw(st.sampled_from(["higher", "lower"]))
        ats = sorted(draw(st.sets(small, min_size=1, max_size=3)), reverse=direction == "higher")
        params = {"bands": [{"at": a, "score": draw(st.sampled_from([1, 0.6, 0.3, 0.5]))} for a in ats],
                  "direction": direction}
    elif kind == "choice":
        params = {"options": {k: s for k, s in zip(("gold", "silver", "none"), (1, draw(st.sampled_from([0.6, 0.5])), 0))}}
    elif kind == "rating":
        params = {"scale": [1, draw(st.sampled_from([5, 10]))], "trim": draw(st.sampled_from([0, 1]))}
    elif kind == "count":
        params = {"per": draw(st.sampled_from([1, 2, 0.5, 0.3]))}
    lo, hi = (draw(st.sampled_from([(None, None), (0, 100), (None, 50)])) if kind in ("threshold", "linear", "bands")
              else (None, None))
    return Measure(mid, L, kind, draw(points), params, unit=draw(st.sampled_from(["", "%", "人"])),
                   missing=draw(policy), min=lo, max=hi)


@st.composite
def modifier(draw, mid: str) -> Measure:
    kind = draw(st.sampled_from(["bonus", "deduction", "veto"]))
    params = {} if kind == "veto" else {"per": draw(st.sampled_from([1, 2, 0.5])),
                                        "cap": draw(st.sampled_from([None, 3, 4.5]))}
    return Measure(mid, L, kind, 0.0, params)


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


def number_texts(x: float) -> list[str]:
    """Ways of writing the number x (plain, decorated, as officials print it)."""
    plain = f"{x:g}" if float(x).is_integer() else f"{x}"
    out = [plain, f" {plain} ", f"{x:.2f}", f"{plain}%"]
    if abs(x) >= 1000:
        out += [f"{x:,}", f"{x / 10000:g}万"]
    if x >= 0:
        out += [f"约{plain}", f"{plain}余", plain.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789"})]
    return out


@st.composite
def cell(draw, m: Measure) -> str:
    """A value cell for the measure: usually valid, sometimes empty or wrong."""
    if draw(st.integers(0, 19)) == 0:
        return draw(st.sampled_from(["", "  ", "abc", "1e3", "NA", "yes", "1;2", "-"]))
    kind = m.method
    if kind in ("check", "veto"):
        return draw(st.sampled_from(["true", "false", "TRUE", " False ", "是", "否"]))
    if kind == "choice":
        return draw(st.sampled_from(["gold", "silver", "none", " gold", "bronze"]))
    if kind == "rating":
        hi = m.params["scale"][1]
        if draw(st.booleans()):
            return ";".join(str(draw(st.integers(1, hi))) for _ in range(draw(st.integers(1, 5))))
        return draw(st.sampled_from(number_texts(draw(st.integers(0, hi + 1)))))
    if kind in ("count", "bonus", "deduction"):
        if kind != "count" and draw(st.integers(0, 4)) == 0:
            return draw(st.sampled_from(["true", "false"]))
        return draw(st.sampled_from(number_texts(draw(st.sampled_from([0, 1, 2, 3, 7, 1500, -1, 2.5])))))
    x = draw(st.one_of(st.integers(-30, 30000), st.floats(-30, 130, allow_nan=False).map(lambda f: round(f, 3))))
    return draw(st.sampled_from(number_texts(x)))
