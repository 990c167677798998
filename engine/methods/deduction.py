"""deduction: points taken off the total (扣分项)."""
from ._modifier import EXPECTS, PARAMS, amount, check_params, parse, value_schema  # noqa: F401

NAME = "deduction"
KIND = "deduction"
CELL = "modifier"
"""How a table cell is read on the vectorised fast path: a whole number >= 0, or true/false."""
