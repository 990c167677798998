"""The property tests' strategies come from the method registry: no registered method can be left out."""
from hypothesis import given, settings
from hypothesis import strategies as st

from engine import methods
from tests.batch import strategies
from tests.batch.strategies import STRATEGIES


def test_every_registered_method_has_a_strategy():
    assert set(STRATEGIES) == set(methods.METHODS), \
        f"add tests/batch/strategies.STRATEGIES entries for: {sorted(set(methods.METHODS) - set(STRATEGIES))}"


@given(st.data())
@settings(max_examples=20)
def test_measures_are_sampled_from_the_registry(data):
    m = data.draw(strategies.base_measure("M"))
    x = data.draw(strategies.modifier("X"))
    assert m.method in methods.BASE and methods.get(m.method).check_params(m.params) == []
    assert x.method in methods.MODIFIERS and methods.get(x.method).check_params(x.params) == []


def test_base_measure_follows_the_registry(monkeypatch):
    """Only registered base methods are drawn: with BASE cut to one method, every measure is of that method."""
    monkeypatch.setattr(methods, "BASE", ("rating",))
    drawn = []

    @given(strategies.base_measure("M"))
    @settings(max_examples=10, database=None)
    def draw(m):
        drawn.append(m.method)

    draw()
    assert set(drawn) == {"rating"}
