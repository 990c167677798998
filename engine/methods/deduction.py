"""deduction: points taken off the total (扣分项)."""
from ._modifier import (  # noqa: F401
    EXPECTS, PARAMS, amount, check_params, column_amount, parse, value_schema)

NAME = "deduction"
KIND = "deduction"
CELL = "modifier"
"""How a table cell is read on the vectorised fast path: a whole number >= 0, or true/false."""
