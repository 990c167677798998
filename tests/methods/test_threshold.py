import pytest

from engine.methods import threshold

from .helpers import frac, measure


@pytest.mark.parametrize("value, expected", [(89.9, 0.0), (90, 1.0), (95, 1.0)])
def test_higher(value, expected):
    assert frac(measure("threshold", target=90), value) == expected


@pytest.mark.parametrize("value, expected", [(3, 1.0), (2, 1.0), (3.5, 0.0)])
def test_lower(value, expected):
    assert frac(measure("threshold", target=3, direction="lower"), value) == expected


def test_percent_text_is_read():
    assert frac(measure("threshold", target=90, unit="%"), "92.5%") == 1.0


def test_params_checked():
    assert threshold.check_params({"direction": "up"}) == [
        ("direction", "direction must be 'higher' or 'lower', got 'up'"),
        ("target", "target must be a number"),
    ]
