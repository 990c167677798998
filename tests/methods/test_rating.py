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


def test_kept_is_what_the_mean_averages():
    m = measure("rating", scale=[1, 5], trim=1)
    # 3, 4, 5, 5, 1 sorted is 1 3 4 5 5; trim 1 drops the 1 and one 5: 3 4 5, mean 4
    assert rating.kept(m, [3, 4, 5, 5, 1]) == [3, 4, 5]
    assert rating.mean(m, [3, 4, 5, 5, 1]) == 4
    assert rating.kept(m, [2, 4]) == [2, 4]  # too few to trim


def test_spread_is_highest_less_lowest_of_all_ratings():
    assert rating.spread([3, 4, 5, 5, 1]) == 4
    assert rating.spread(4) == 0
    assert rating.spread([4.3, 3.3]) == 1  # not 0.9999999999999996


def test_disagree_defaults_to_a_quarter_of_the_scale():
    m = measure("rating", scale=[1, 5])
    assert rating.disagree_limit(m) == 1
    assert rating.disagree_limit(measure("rating", scale=[0, 10])) == 2.5
    assert not rating.disagrees(m, [4, 5, 4])  # spread 1: not above 1
    assert rating.disagrees(m, [4, 5.5 - 0.5, 3])  # spread 2
    assert not rating.disagrees(m, [4.3, 3.3])  # spread 1 exactly, float noise aside


def test_disagree_set_by_the_rubric_on_both_sides_of_it():
    m = measure("rating", scale=[1, 5], trim=1, disagree=2)
    assert rating.disagree_limit(m) == 2
    assert not rating.disagrees(m, [3, 5, 4])  # spread 2
    assert rating.disagrees(m, [3, 5, 4, 2.5])  # spread 2.5, whatever trim keeps


@pytest.mark.parametrize("bad", [0, -1, "1", True, [1]])
def test_disagree_must_be_a_number_above_zero(bad):
    said = rating.check_params({"scale": [1, 5], "disagree": bad})
    assert [key for key, _ in said] == ["disagree"]
    assert "disagree must be a number > 0" in said[0][1]
    assert rating.check_params({"scale": [1, 5], "disagree": 0.5}) == []
