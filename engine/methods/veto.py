"""veto: if true, the submission gets the lowest grade whatever its total (一票否决)."""
from .check import EXPECTS, PARAMS, check_params, parse, value_schema  # noqa: F401  (a veto reads like a check)

NAME = "veto"
KIND = "veto"
CELL = "bool"
"""How a table cell is read on the vectorised fast path: true/false."""


def amount(m, value) -> float:
    """1 when the veto fires."""
    return 1.0 if value else 0.0


def column_amount(m, x):
    """amount over a numpy array of values (true/false as 1/0)."""
    import numpy as np

    return np.where(x != 0, 1.0, 0.0)
