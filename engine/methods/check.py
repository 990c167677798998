"""check: a mechanism is in place (true) or it is not."""
from ._common import bool_schema, read_bool

NAME = "check"
KIND = "base"
CELL = "bool"
"""How a table cell is read on the vectorised fast path: true/false."""
PARAMS: dict = {}
EXPECTS = "true or false"


def check_params(params: dict) -> list[tuple[str, str]]:
    return []


def value_schema(m) -> dict:
    return bool_schema()


def parse(m, raw):
    return read_bool(raw)


def fraction(m, value) -> float:
    return 1.0 if value else 0.0


def column(m, x):
    """fraction over a numpy array of values (true/false as 1/0)."""
    import numpy as np

    return np.where(x != 0, 1.0, 0.0)


def target(m):
    """The value that earns full points."""
    return True


def next_target(m, value):
    """True: the only step up."""
    return True
