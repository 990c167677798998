"""bonus: points added on top of the base tree (加分项)."""
from ._modifier import (  # noqa: F401
    EXPECTS, PARAMS, amount, check_params, column_amount, parse, value_schema)

NAME = "bonus"
KIND = "bonus"
CELL = "modifier"
"""How a table cell is read on the vectorised fast path: a whole number >= 0, or true/false."""
