import pytest

from engine.methods import bands

from .helpers import frac, measure

HIGH = [{"at": 95, "score": 1}, {"at": 90, "score": 0.6}, {"at": 80, "score": 0.2}]
LOW = [{"at": 1, "score": 1}, {"at": 3, "score": 0.5}]


@pytest.mark.parametrize("value, expected", [(99, 1.0), (95, 1.0), (92, 0.6), (80, 0.2), (79.9, 0.0)])
def test_higher(value, expected):
    assert frac(measure("bands", bands=HIGH), value) == expected


@pytest.mark.parametrize("value, expected", [(0, 1.0), (1, 1.0), (2, 0.5), (3, 0.5), (4, 0.0)])
def test_lower(value, expected):
    assert frac(measure("bands", bands=LOW, direction="lower"), value) == expected


def test_order_checked_for_direction():
    assert bands.check_params({"bands": LOW}) == [
        ("bands", "bands must be ordered best first ('at' strictly descending for direction higher)")]
    assert bands.check_params({"bands": HIGH, "direction": "lower"})[0][1].endswith(
        "('at' strictly ascending for direction lower)")


def test_scores_are_fractions():
    assert bands.check_params({"bands": [{"at": 1, "score": 4}]}) == [
        ("bands", "band 1 score 4 is outside [0, 1] (a fraction of the points)")]
