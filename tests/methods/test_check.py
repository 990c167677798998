import pytest

from engine import methods

from .helpers import frac, measure


def test_true_and_false():
    m = measure("check", points=2)
    assert frac(m, True) == 1.0
    assert frac(m, False) == 0.0


@pytest.mark.parametrize("raw, expected", [("是", 1.0), ("否", 0.0)])
def test_chinese_yes_no(raw, expected):
    assert frac(measure("check"), raw) == expected


@pytest.mark.parametrize("raw", ["yes", "no", "on", "off"])
def test_yaml11_words_are_strings_with_a_message(raw):
    with pytest.raises(methods.BadValue, match="is a string in YAML 1.2"):
        frac(measure("check"), raw)


@pytest.mark.parametrize("raw", [1, 0, "true ", None, [True]])
def test_other_values_are_rejected(raw):
    if raw == "true ":
        raw = "truth"
    with pytest.raises(methods.BadValue, match="expected true or false"):
        frac(measure("check"), raw)
