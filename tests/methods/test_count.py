import pytest

from engine import methods

from .helpers import frac, measure


@pytest.mark.parametrize("value, expected", [(0, 0.0), (1, 0.25), (3, 0.75), (4, 1.0), (10, 1.0)])
def test_per_item_up_to_points(value, expected):
    assert frac(measure("count", points=2, per=0.5), value) == expected


@pytest.mark.parametrize("raw", [-1, 1.5, True, "many"])
def test_not_a_count(raw):
    with pytest.raises(methods.BadValue):
        frac(measure("count", points=2, per=0.5), raw)


def test_count_written_with_unit_and_marker():
    m = measure("count", points=10, per=1, unit="个")
    parsed = methods.get("count").parse(m, "12个")
    assert parsed.value == 12
