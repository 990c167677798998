"""Any number format a workbook may carry gives a value or a Shown text, never an exception."""
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from engine.numbers import NotANumber, Shown, parse_number
from engine.xlsx_format import cell_value

PIECES = ["0", "#", "?", ".", ",", "%", "‰", ";", '"元"', '"万元"', '"', "\\", "[$¥-804]", "[Red]", "[", "]", "_", "*",
          " ", "¥", "$", "E+", "e-", "@", "yyyy", "m", "mm", "d", "h", ":", "s", "-", "/", "年", "人", "General", "(", ")"]
FORMATS = st.lists(st.sampled_from(PIECES), max_size=10).map("".join)
VALUES = st.one_of(st.integers(-10 ** 20, 10 ** 20), st.floats(allow_nan=True, allow_infinity=True),
                   st.datetimes(min_value=dt.datetime(1900, 1, 1)), st.dates(), st.times(), st.text(max_size=5))


@settings(max_examples=500)
@given(VALUES, FORMATS, st.sampled_from(["", "%", "万元", "人"]))
def test_every_format_is_read_without_an_exception(value, fmt, unit):
    got = cell_value(value, fmt)
    if isinstance(got, Shown) or isinstance(got, (int, float)):
        try:
            parse_number(got, unit)
        except NotANumber:
            pass


def test_known_formats():
    assert cell_value(0.85, "0%") == "85%" and cell_value(0.85, "0%").shown == "85%"
    assert cell_value(-0.5, "0.0%;[Red]-0.0%") == "-50%"
    assert cell_value(1234.5, "#,##0.00") == 1234.5
    assert cell_value(1234567, "#,##0,") == "1234.567" or cell_value(1234567, "#,##0,") == 1234567
    assert cell_value(8.5, '0.0"‰"') == "8.5‰"
    assert cell_value(dt.datetime(2024, 6, 1, 9, 5), "yyyy-mm-dd hh:mm") == "2024-06-01 09:05"
    assert cell_value(dt.date(2024, 6, 1), 'yyyy"年"m"月"d"日"') == "2024年6月1日"
