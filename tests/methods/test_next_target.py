"""next_target(m, value) of every base method: the value that reaches the next band, option or threshold."""
import pytest

from engine import methods

from .helpers import measure

BANDS = [{"at": 95, "score": 1}, {"at": 90, "score": 0.6}, {"at": 80, "score": 0.3}]
LOWER = [{"at": 5, "score": 1}, {"at": 15, "score": 0.6}, {"at": 30, "score": 0.3}]


@pytest.mark.parametrize("name", methods.BASE)
def test_every_base_method_has_next_target(name):
    assert callable(methods.get(name).next_target)


@pytest.mark.parametrize("value, expected", [(None, 80), (70, 80), (85, 90), (92, 95), (96, 95)])
def test_bands_next_better_band(value, expected):
    assert methods.get("bands").next_target(measure("bands", bands=BANDS), value) == expected


@pytest.mark.parametrize("value, expected", [(None, 30), (40, 30), (20, 15), (10, 5), (3, 5)])
def test_bands_lower_is_better(value, expected):
    m = measure("bands", bands=LOWER, direction="lower")
    assert methods.get("bands").next_target(m, value) == expected


def test_bands_skips_a_band_that_scores_no_more():
    m = measure("bands", bands=[{"at": 10, "score": 1}, {"at": 5, "score": 0.5}, {"at": 3, "score": 0.5}])
    assert methods.get("bands").next_target(m, 4) == 10


@pytest.mark.parametrize("value, expected", [(None, "c"), ("d", "c"), ("c", "b"), ("b", "a"), ("a", "a")])
def test_choice_next_better_option(value, expected):
    m = measure("choice", options={"a": 1, "b": 0.9, "c": 0.6, "d": 0})
    assert methods.get("choice").next_target(m, value) == expected


def test_threshold_check_count_rating_aim_for_full_points():
    assert methods.get("threshold").next_target(measure("threshold", target=90), 50) == 90
    assert methods.get("check").next_target(measure("check"), False) is True
    assert methods.get("count").next_target(measure("count", points=1, per=0.25), 1) == 4
    assert methods.get("rating").next_target(measure("rating", scale=[1, 5]), [3, 4]) == 5


def test_linear_next_target_and_next_whole_point():
    linear = methods.get("linear")
    m = measure("linear", points=4, floor=0, target=7)
    assert linear.next_target(m, 2) == 7
    # 2 of 7 earns 4 * 2/7 = 1.14 points; the 2nd point comes at 7 * 2/4 = 3.5.
    assert [linear.next_point(m, v) for v in (None, 0, 2)] == [1.75, 1.75, 3.5]
    assert linear.next_point(m, 5.3) is None  # the next point is full marks
    down = measure("linear", points=3, floor=3, target=2)
    # lower is better: 2.9 earns 0.3 points; the 1st point comes at 3 - 1/3.
    assert linear.next_point(down, 2.9) == pytest.approx(3 - 1 / 3)
