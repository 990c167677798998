import pytest

from engine.methods import linear

from .helpers import frac, measure


@pytest.mark.parametrize("value, expected", [(40, 0.0), (50, 0.0), (75, 0.5), (100, 1.0), (120, 1.0)])
def test_higher_is_better(value, expected):
    assert frac(measure("linear", floor=50, target=100), value) == pytest.approx(expected)


@pytest.mark.parametrize("value, expected", [(10, 0.0), (7, 0.375), (2, 1.0), (1, 1.0)])
def test_lower_is_better(value, expected):
    assert frac(measure("linear", floor=10, target=2), value) == pytest.approx(expected)


def test_floor_equal_to_target_is_a_problem():
    assert linear.check_params({"floor": 5, "target": 5}) == [
        ("target", "floor and target are both 5: the scale has no length")]
