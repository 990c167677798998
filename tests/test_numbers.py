import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.numbers import (BOOL_PATTERN, NotANumber, Shown, list_pattern, parse_bool, parse_list, parse_number,
                            schema_pattern)


@pytest.mark.parametrize("raw, value", [
    (12, 12), (1.5, 1.5), ("12", 12), ("１２３", 123), ("1,234", 1234), ("1，234.5", 1234.5),
    ("85%", 85), ("85％", 85), ("3.6万", 36000), ("2亿", 200_000_000), ("-3", -3), ("１．５", 1.5),
    ("¥1,234", 1234), ("3千", 3000), ("85 %", 85), ("\u200b12\ufeff", 12), ("\u3000１２\u00a0", 12),
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


@pytest.mark.parametrize("raw", ["", "abc", "12abc", "1,23", True, None, [1], "1.2.3", "三千", float("nan"),
                                 "1\x00", "\x1c12", "12\x85", "1 2", "3百人"])
def test_anything_else_is_an_error(raw):
    with pytest.raises(NotANumber):
        parse_number(raw)


# --- the measure's unit ------------------------------------------------------------------------

@pytest.mark.parametrize("raw, unit, value, note", [
    ("0.015亿元", "万元", 150, "'0.015亿元' read as 150万元 (亿元 → 万元)"),
    ("3.6万人", "人", 36000, "'3.6万人' read as 36,000人 (万人 → 人)"),
    ("3.6万", "人", 36000, "'3.6万' read as 36,000人 (万 = 10,000 人)"),
    ("36000人", "万人", 3.6, "'36000人' read as 3.6万人 (人 → 万人)"),
    ("3.6万", "万元", 3.6, "'3.6万' read as 3.6 (万 = 万元)"),
    ("150元", "万元", 0.015, "'150元' read as 0.015万元 (元 → 万元)"),
    ("¥1,500", "万元", 0.15, "'¥1,500' read as 0.15万元 (thousands separators; 元 → 万元; currency sign ¥)"),
    ("85%", "%", 85, "'85%' read as 85 (percent sign)"),
    ("8.5‰", "%", 0.85, "'8.5‰' read as 0.85% (‰ → %)"),
    ("0.85%", "‰", 8.5, "'0.85%' read as 8.5‰ (% → ‰)"),
    ("3万户", "万户", 3, "'3万户' read as 3 (unit 万户 dropped)"),
    ("12个", "个", 12, "'12个' read as 12 (unit 个 dropped)"),
    ("12名", "个（名）", 12, "'12名' read as 12 (unit 名 dropped)"),
    ("85%", "百分比", 85, "'85%' read as 85 (percent sign)"),
    ("1.2万名", "个（名）", 12000, "'1.2万名' read as 12,000个(名) (万名 → 个(名))"),
])
def test_magnitudes_and_unit_words_are_reconciled_with_the_measures_unit(raw, unit, value, note):
    n = parse_number(raw, unit)
    assert (n.value, n.notes) == (value, (note,))


@pytest.mark.parametrize("raw, unit", [("150", "万元"), ("0.85", "%"), ("36000", "人"), (150, "万元")])
def test_a_bare_number_is_in_the_measures_unit(raw, unit):
    assert parse_number(raw, unit).value == float(raw) and parse_number(raw, unit).notes == ()


@pytest.mark.parametrize("raw, unit, said", [
    ("3人", "个", "'3人' is in 人, but this measure is in 个: write the number in 个"),
    ("5人", "人次", "'5人' is in 人, but this measure is in 人次"),
    ("85%", "万元", "'85%' is a percentage, but this measure is in 万元"),
    ("3万", "%", "'3万' is not a percentage, but this measure is in %"),
    ("$5", "元", "'$5' is in 美元 ($), but this measure is in 元"),
    ("¥5", "人", "'¥5' is in 元 (¥), but this measure is in 人"),
])
def test_a_unit_that_cannot_be_the_measures_is_refused_saying_what_it_expects(raw, unit, said):
    with pytest.raises(NotANumber) as e:
        parse_number(raw, unit)
    assert str(e.value).startswith(said)


# --- huge and broken texts ---------------------------------------------------------------------

@pytest.mark.parametrize("raw", ["9" * 5000, "1," + ",".join(["000"] * 2000), "0." + "1" * 5000, "9" * 5000 + "万"])
def test_thousands_of_digits_are_a_message_not_a_traceback(raw):
    with pytest.raises(NotANumber, match="too large a number|too many decimals|expected a number"):
        parse_number(raw)


@pytest.mark.parametrize("raw", [1e300, 10 ** 400, -(10 ** 16)])
def test_a_huge_yaml_number_is_refused(raw):
    with pytest.raises(NotANumber, match="too large"):
        parse_number(raw)


# --- spreadsheet cells -------------------------------------------------------------------------

def test_a_cell_note_says_how_it_was_shown():
    assert parse_number(Shown("85%", "85%"), "%").notes == ("cell shown as 85% read as 85",)
    with pytest.raises(NotANumber, match="the cell is a date"):
        parse_number(Shown("2024-06-30", date=True))


# --- booleans and lists ------------------------------------------------------------------------

@pytest.mark.parametrize("raw, value", [(True, True), ("是", True), (" 否\t", False), ("TRUE", True), ("False", False)])
def test_booleans(raw, value):
    assert parse_bool(raw)[0] is value


@pytest.mark.parametrize("raw", ["yes", "No", "1", "", "是的", None, 1])
def test_not_booleans(raw):
    with pytest.raises(NotANumber):
        parse_bool(raw)


@pytest.mark.parametrize("raw, values", [("4,5,4,3,5", [4, 5, 4, 3, 5]), ("4 5 4 3 5", [4, 5, 4, 3, 5]),
                                         ("4、5；3", [4, 5, 3]), ("４.５，４", [4.5, 4]), ("4 约5", [4, 5]),
                                         ("1,2345", [1, 2345]), ("4\t5\n", [4, 5])])
def test_lists_typed_in_one_text(raw, values):
    assert [n.value for n in parse_list(raw)] == values


@pytest.mark.parametrize("raw", ["4", "4,,5", "4,500", "a,b", "4,", ""])
def test_not_lists(raw):
    assert parse_list(raw) is None


# --- the submission schema's patterns and the readers accept exactly the same texts ------------

SPACES = "\t\n\r\x0b\x0c \u00a0\u1680\u2002\u2009\u200a\u200b\u200c\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff"
CONTROLS = "\x00\x01\x08\x1c\x1d\x1e\x1f\x7f\x85\u180e\u200e\u200f\u202a\u202e\u2066"
ALPHABET = list("0123456789０１２.,，．%％‰万亿千余多约近超过逾-+−¥￥$元人个次kmabc、；;") + list(SPACES + CONTROLS)
PIECES = st.lists(st.sampled_from(ALPHABET), max_size=10).map("".join)
UNITS = st.sampled_from(["", "人", "%", "‰", "个", "万元", "元", "万", "km", "人次", "千米", "美元", "个（人）"])


def accepts(reader, text) -> bool:
    try:
        return reader(text) is not None
    except NotANumber:
        return False


def matches(pattern: str, text: str) -> bool:
    """As a JSON Schema validator does (Python's re.search; the patterns are ECMA-262 compatible)."""
    return re.search(pattern, text) is not None


@settings(max_examples=600)
@given(PIECES, UNITS)
def test_schema_pattern_agrees_with_reader(text, unit):
    assert matches(schema_pattern(unit), text) == accepts(lambda t: parse_number(t, unit), text), repr(text)


SHAPED = st.tuples(*(st.sampled_from(choices) for choice in [0] for choices in [
    ["", "约", "近", "超过"], ["", "¥", "$", "-", "+", "¥-", "-¥", "¥ "], ["85", "0.015", "1,234", "３.６", "1" * 16],
    ["", " ", "\u3000", "\t"], ["", "%", "‰", "万", "亿", "千", "余", "多", "万余", "余万"],
    ["", " ", "\u200b"], ["", "人", "元", "个", "人次", "万元", "km", "名", "%", "x"], ["", " ", "\x1f"]])).map("".join)


@settings(max_examples=600)
@given(SHAPED, UNITS)
def test_schema_pattern_agrees_with_reader_on_shaped_texts(text, unit):
    assert matches(schema_pattern(unit), text) == accepts(lambda t: parse_number(t, unit), text), repr(text)


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["4", "4.5", "1,234", "约5", "5万", "5人", "85%", "x", ""]), max_size=4),
       st.lists(st.sampled_from([",", " ", "、", "；", ",,", "\t", " , ", "\u3000", "\x1f", ""]), max_size=4), UNITS)
def test_list_pattern_agrees_with_list_reader(items, seps, unit):
    """A rating's text is one number or a list of them (a list of one is that number: '1,234')."""
    text = "".join(a + b for a, b in zip(items, seps + [""] * len(items)))
    schema = matches(schema_pattern(unit), text) or matches(list_pattern(unit), text)
    reader = accepts(lambda t: parse_number(t, unit), text) or accepts(lambda t: parse_list(t, unit), text)
    assert schema == reader, repr(text)


@settings(max_examples=300)
@given(st.lists(st.sampled_from(list("是否truefalseTRUEFalsyeno") + list(SPACES + CONTROLS)), max_size=7).map("".join))
def test_bool_pattern_agrees_with_bool_reader(text):
    assert matches(BOOL_PATTERN, text) == accepts(parse_bool, text), repr(text)


@pytest.mark.parametrize("char", list(SPACES))
def test_every_space_around_a_number_is_read_alike(char):
    text = f"{char}85%{char}"
    assert parse_number(text, "%").value == 85 and matches(schema_pattern("%"), text)


@pytest.mark.parametrize("char", list(CONTROLS))
def test_every_control_character_is_refused_alike(char):
    for text in (f"{char}85", f"85{char}", f"8{char}5"):
        assert not accepts(parse_number, text) and not matches(schema_pattern(""), text)


@pytest.mark.parametrize("text", ["3.6万余", "６０００余人", "约85%", "1,234.5", "−3"])
def test_schema_pattern_examples(text):
    assert re.fullmatch(schema_pattern(""), text)


def _read_with_own_reader(text, unit):
    """parse_number with the unit's own pattern always (what it did before it shared the pattern of no unit)."""
    from engine import numbers

    shared = numbers._reader_for
    numbers._reader_for = lambda u, t: numbers._reader(u)
    try:
        return parse_number(text, unit)
    except NotANumber as e:
        return ("refused", str(e))
    finally:
        numbers._reader_for = shared


def _read(text, unit):
    try:
        return parse_number(text, unit)
    except NotANumber as e:
        return ("refused", str(e))


@settings(max_examples=800)
@given(st.one_of(SHAPED, PIECES), UNITS)
def test_a_unit_absent_from_the_text_reads_as_its_own_pattern_would(text, unit):
    """The pattern of no unit stands in for a unit's own when none of its words is in the text: same value,
    notes, approximation and refusal, on every unit the tests know."""
    assert _read(text, unit) == _read_with_own_reader(text, unit), repr((text, unit))


def test_a_table_of_many_units_compiles_the_pattern_of_no_unit_only():
    from engine import numbers

    numbers._reader.cache_clear()
    for unit in ["人", "个", "万元", "km", "人次", "千米", "美元"]:
        parse_number("3.6万", unit)
        parse_number("约120", unit)
    assert numbers._reader.cache_info().currsize == 1
    assert parse_number("6000余人", unit="人").value == 6000  # a text with the unit's word: its own pattern
    assert numbers._reader.cache_info().currsize == 2
