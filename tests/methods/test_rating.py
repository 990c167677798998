import pytest

from engine import methods
from engine.methods import rating

from .helpers import frac, measure


def test_trim_drops_highest_and_lowest():
    m = measure("rating", scale=[1, 5], trim=1)
    # [3, 4, 4, 5, 5] -> drop 3 and 5 -> mean(4, 4, 5) = 13/3; f = (13/3 - 1) / 4
    assert frac(m, [4, 5, 4, 3, 5]) == pytest.approx((13 / 3 - 1) / 4)


def test_no_trim_when_too_few_ratings():
    m = measure("rating", scale=[1, 5], trim=1)
    assert frac(m, [2, 4]) == pytest.approx((3 - 1) / 4)
    assert frac(m, 5) == 1.0


def test_out_of_scale_rating_is_rejected():
    with pytest.raises(methods.BadValue, match=r"rating 6 is outside the scale \[1, 5\]"):
        frac(measure("rating", scale=[1, 5]), [4, 6])


def test_scale_checked():
    assert rating.check_params({"scale": [5, 1]}) == [("scale", "scale [5, 1] must have lo < hi")]
