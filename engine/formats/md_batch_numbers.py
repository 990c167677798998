"""The commonest value cell of a long table, a plain number with at most two decimals, shown without the general
reading (cards.plain_reading, then display.qty): what engine.formats.md_batch_values asks first.

For such a cell display.qty writes the digits the cell has, the fraction's trailing zeros dropped, an integral
value with thousands commas, a negative one with the typographic minus, then the unit.  Only where nothing
else can happen: not a number a magnitude word folds in Chinese (30000: 3万), not for a unit that starts
with a magnitude word (万元), not a fraction for a method that keeps whole numbers; every other cell is
answered None and read the general way.  tests/formats/test_md_batch.py holds it to display.value.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from .. import methods
from ..model import Measure
from .display import MAGNITUDES, MINUS, _folded

_NUMBER = re.compile(r"(-?)(0|[1-9][0-9]{0,11})(?:\.([0-9]{1,2}))?")
"""Within json_cells' simple numbers: at most 12 digits before the point and 2 after (exact in a float, and
r2 of it is itself)."""


def shower(m: Measure, ui: str, show: Callable[[str], str]) -> Callable[[str], str | None] | None:
    """A function giving show(display.value(m, the cell's value, ui)) of a cell it can answer (None for any
    other), or None when measure ``m`` has no such cells (no number cells, an option label, or a unit
    that a format's escaping might join to the digits)."""
    method = methods.get(m.method)
    if method.CELL not in ("number", "count", "modifier") or hasattr(method, "option_label"):
        return None
    tail = m.unit if m.unit and m.unit != "—" else ""
    if any(tail.startswith(word) for _, word in MAGNITUDES) or tail[:1] in (".", ")") or \
            any(show(digits + tail) != digits + show(tail) for digits in ("1", MINUS + "1,234.5")):
        return None
    after, whole, zh = show(tail), bool(method.WHOLE), ui == "zh"

    def shown(cell: str) -> str | None:
        found = _NUMBER.fullmatch(cell)
        if found is None:
            return None
        sign, digits, fraction = found.groups()
        if whole and fraction is not None or zh and len(digits) > 4 and _folded(float(cell), "") is not None:
            return None
        fraction = (fraction or "").rstrip("0")
        text = digits + "." + fraction if fraction else f"{int(digits):,}"
        return (MINUS + text if sign and text != "0" else text) + after

    return shown
