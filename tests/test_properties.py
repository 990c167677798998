"""The scoring laws, for any parameters and values (hypothesis)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from engine import methods
from engine.model import Grade, Group, Label, Measure, Rubric, Submission, Entry
from engine.scoring import score

num = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
frac = st.floats(min_value=0, max_value=1)
L = Label.of("x")


def measure(mid: str, method: str, points: float = 1, **params) -> Measure:
    return Measure(mid, L, method, points, params)


@st.composite
def base_measure(draw, mid="M"):
    """A base measure with sane random parameters, and a random valid value for it."""
    kind = draw(st.sampled_from(methods.BASE))
    points = draw(st.floats(min_value=0.5, max_value=50))
    if kind == "check":
        return measure(mid, kind, points), draw(st.booleans())
    if kind == "threshold":
        return measure(mid, kind, points, target=draw(num), direction=draw(st.sampled_from(["higher", "lower"]))), draw(num)
    if kind == "linear":
        a, b = draw(st.tuples(num, num).filter(lambda t: abs(t[0] - t[1]) > 1e-3))
        return measure(mid, kind, points, floor=a, target=b), draw(num)
    if kind == "bands":
        ats = sorted(draw(st.lists(num, min_size=1, max_size=5, unique=True)), reverse=True)
        scores = sorted(draw(st.lists(frac, min_size=len(ats), max_size=len(ats))), reverse=True)
        bands = [{"at": a, "score": s} for a, s in zip(ats, scores)]
        return measure(mid, kind, points, bands=bands, direction="higher"), draw(num)
    if kind == "choice":
        options = draw(st.dictionaries(st.text(min_size=1, max_size=5), frac, min_size=1, max_size=5))
        return measure(mid, kind, points, options=options), draw(st.sampled_from(sorted(options)))
    if kind == "rating":
        ratings = draw(st.lists(st.integers(1, 5), min_size=1, max_size=9))
        return measure(mid, kind, points, scale=[1, 5], trim=draw(st.integers(0, 3))), ratings
    return measure(mid, kind, points, per=draw(st.floats(min_value=0.1, max_value=10))), draw(st.integers(0, 1000))


@given(base_measure())
def test_every_fraction_in_unit_interval(mv):
    m, value = mv
    assert 0.0 <= methods.get(m.method).fraction(m, value) <= 1.0


@st.composite
def monotone(draw):
    """A higher-is-better measure and two values, the second at least as good."""
    kind = draw(st.sampled_from(["threshold", "linear", "bands", "count"]))
    lo, hi = sorted(draw(st.tuples(num, num)))
    if kind == "count":
        lo, hi = sorted(draw(st.tuples(st.integers(0, 500), st.integers(0, 500))))
        return measure("M", kind, 5, per=draw(st.floats(0.1, 3))), lo, hi
    if kind == "threshold":
        return measure("M", kind, 5, target=draw(num)), lo, hi
    if kind == "linear":
        a = draw(num)
        return measure("M", kind, 5, floor=a, target=a + draw(st.floats(1e-3, 1e5))), lo, hi
    ats = sorted(draw(st.lists(num, min_size=1, max_size=4, unique=True)), reverse=True)
    scores = sorted(draw(st.lists(frac, min_size=len(ats), max_size=len(ats))), reverse=True)
    return measure("M", kind, 5, bands=[{"at": a, "score": s} for a, s in zip(ats, scores)]), lo, hi


@given(monotone())
def test_better_value_never_scores_lower(case):
    m, worse, better = case
    f = methods.get(m.method).fraction
    assert f(m, better) >= f(m, worse)


def rubric_of(measures, missing="zero", weight=None, scale=100.0) -> Rubric:
    half = len(measures) // 2
    tree = (Group("G1", L, tuple(measures[:half]) or tuple(measures), weight),
            Group("G2", L, tuple(measures[half:]))) if half else (Group("G1", L, tuple(measures), weight),)
    return Rubric("r", "1", L, tree, (Grade("a", L, 50), Grade("b", L, 0)), scale=scale, missing=missing,
                  normalize=True)


@st.composite
def scored(draw):
    n = draw(st.integers(1, 8))
    pairs = [draw(base_measure(f"M{i}")) for i in range(n)]
    present = draw(st.lists(st.booleans(), min_size=n, max_size=n))
    entries = {m.id: Entry(v) for (m, v), keep in zip(pairs, present) if keep}
    return [m for m, _ in pairs], Submission("r", "s", "s", 2024, entries)


@settings(max_examples=200)
@given(scored(), st.sampled_from(["zero", "exclude"]), st.one_of(st.none(), st.floats(1, 80)))
def test_base_within_scale(case, missing, weight):
    measures, sub = case
    card = score(rubric_of(measures, missing, weight, scale=100.0), sub)
    assert -1e-9 <= card.base <= 100.0 + 1e-9
    assert 0.0 <= card.total <= 100.0


@settings(max_examples=200)
@given(scored())
def test_excluding_never_changes_another_fraction(case):
    measures, sub = case
    zero = score(rubric_of(measures, "zero"), sub)
    excl = score(rubric_of(measures, "exclude"), sub)
    for a, b in zip(zero.measures, excl.measures):
        if a.entry is not None:
            assert a.fraction == b.fraction
        else:
            assert (a.status, b.status) == ("missing", "excluded")


@settings(max_examples=200)
@given(scored())
def test_recoverable_points_add_up_to_what_was_lost(case):
    measures, sub = case
    card = score(rubric_of(measures, "exclude"), sub)
    lost = sum(m.recoverable for m in card.measures)
    present = any(m.fraction is not None for m in card.measures)
    assert abs((card.base + lost) - (100.0 if present else 0.0)) < 1e-6
