import pytest

from engine import methods
from engine.methods import choice

from .helpers import frac, measure

OPTIONS = {"full": 1, "partly": 0.5, "none": 0}


@pytest.mark.parametrize("value, expected", [("full", 1.0), ("partly", 0.5), ("none", 0.0)])
def test_option_scores(value, expected):
    assert frac(measure("choice", options=OPTIONS), value) == expected


def test_unknown_option_names_the_options():
    with pytest.raises(methods.BadValue, match="expected one of: full, partly, none; got 'most'"):
        frac(measure("choice", options=OPTIONS), "most")


def test_empty_options_is_a_problem():
    assert choice.check_params({"options": {}})[0][0] == "options"
    assert choice.target(measure("choice", options=OPTIONS)) == "full"
