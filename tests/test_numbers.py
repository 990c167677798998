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
    assert n.notes[0].startswith(f"{raw!r} read as {value:,} (") and "approximate" in n.notes[0]


def test_unit_may_trail():
    assert parse_number("6000余人", unit="人").value == 6000
    assert parse_number("3.2万元", unit="万元").value == 3.2


def test_notes_say_what_was_done():
    assert parse_number("3.6万").notes == ("'3.6万' read as 36,000 (万 = 10,000)",)
    assert parse_number("１,２34％").notes == ("'１,２34％' read as 1,234 (full-width characters; thousands separators; "
                                          "percent sign)",)
    assert parse_number("12").notes == ()


@pytest.mark.parametrize("raw", ["", "abc", "12abc", "1,23", True, None, [1], "1.2.3", "三千", float("nan")])
def test_anything_else_is_an_error(raw):
    with pytest.raises(NotANumber):
        parse_number(raw)


# The submission schema's pattern and the reader must accept exactly the same texts.
from hypothesis import given, strategies as st  # noqa: E402

from engine.numbers import schema_pattern  # noqa: E402
import re  # noqa: E402

PIECES = st.lists(st.sampled_from(list("0123456789０１２.,，%％万亿余多约近- 人个abc")), max_size=8)


@given(PIECES.map("".join), st.sampled_from(["", "人", "%", "个"]))
def test_schema_pattern_agrees_with_reader(text, unit):
    try:
        parse_number(text, unit)
        accepted = True
    except NotANumber:
        accepted = False
    assert bool(re.fullmatch(schema_pattern(unit), text)) == accepted, text


@pytest.mark.parametrize("text", ["3.6万余", "６０００余人", "约85%", "1,234.5", "−3"])
def test_schema_pattern_examples(text):
    assert re.fullmatch(schema_pattern("人"), text)
