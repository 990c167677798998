"""The number reader: any value YAML, CSV or XLSX can hand it gives a Number or NotANumber, never a
traceback; and the generated schema's pattern, run as ECMA-262 runs it (as editors do), accepts exactly
what the reader accepts. tests/test_numbers.py checks the agreement over digits and number words with
Python's regex dialect; this adds every white-space and control character and the ECMA dialect."""
from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from . import targets
from .hostile import DIGITS, FRAGMENTS, NUMBERISH, ODD_SPACES, SPACES, UNITS, fuzz, text

texts = st.lists(st.sampled_from(NUMBERISH + SPACES), max_size=8).map("".join)


@fuzz(300)
@given(texts, st.sampled_from(UNITS))
@example("6余", "%")  # bench/fuzz.py on the numbers branch: the reader takes it, that branch's pattern refuses it
@example("6多", "%")
@example("约6 %", "%")
def test_pattern_agrees_with_reader_on_white_space(raw, unit):
    targets.number_agrees(raw, unit)


@fuzz(100)
@given(st.lists(st.sampled_from(NUMBERISH + ODD_SPACES), max_size=8).map("".join), st.sampled_from(UNITS))
@example("\ufeff12", "")
@example("\x1c12", "")
def test_pattern_agrees_with_reader_on_odd_white_space(raw, unit):
    targets.number_agrees(raw, unit)


@fuzz(200)
@given(st.one_of(text, st.floats(), st.integers(-10**300, 10**300), st.booleans(), st.none(),
                 st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=2), st.integers(), max_size=2),
                 DIGITS, st.lists(st.sampled_from(FRAGMENTS + NUMBERISH), max_size=6).map("".join)),
       st.sampled_from(UNITS))
def test_reader_gives_a_number_or_not_a_number(raw, unit):
    targets.number(raw, unit)


def test_a_huge_integer_is_not_a_number_not_a_traceback():
    """parse_number(10**5000): show() calls repr() on it, which Python refuses past 4,300 digits."""
    targets.number(10 ** 5000)
