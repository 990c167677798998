"""bonus: points added on top of the base tree (加分项)."""
from ._modifier import EXPECTS, PARAMS, amount, check_params, parse, value_schema  # noqa: F401

NAME = "bonus"
KIND = "bonus"
CELL = "modifier"
"""How a table cell is read on the vectorised fast path: a whole number >= 0, or true/false."""
