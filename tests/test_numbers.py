import pytest

from engine.numbers import NotANumber, parse_number


@pytest.mark.parametrize("raw, value", [
    (12, 12), (1.5, 1.5), ("12", 12), ("１２３", 123), ("1,234", 1234), ("1，234.5", 1234.5),
    ("85%", 85), ("85％", 85), ("3.6万", 36000), ("2亿", 200_000_000), ("-3", -3), ("１．５", 1.5),
])
def test_forms_officials_write(raw, value):
    assert parse_number(raw).value == value


@pytest.mark.parametrize("raw, value", [("6000余", 6000), ("约300", 300), ("近300", 300), ("3.6万余", 36000),
                                        ("100多", 100)])
def test_approximate_markers(raw, value):
    n = parse_number(raw)
    assert (n.value, n.approximate) == (value, True)
    assert n.notes[0] == f"{raw!r} read as {value}"


def test_unit_may_trail():
    assert parse_number("6000余人", unit="人").value == 6000
    assert parse_number("3.2万元", unit="万元").value == 3.2


def test_notes_say_what_was_done():
    assert parse_number("3.6万").notes == ("'3.6万' read as 36000", "万 = 10000")


@pytest.mark.parametrize("raw", ["", "abc", "12abc", "1,23", True, None, [1], "1.2.3", "三千", float("nan")])
def test_anything_else_is_an_error(raw):
    with pytest.raises(NotANumber):
        parse_number(raw)
