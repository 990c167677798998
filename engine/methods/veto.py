"""veto: if true, the submission gets the lowest grade whatever its total (一票否决)."""
from ._common import read_bool

NAME = "veto"
KIND = "veto"
PARAMS: dict = {}
EXPECTS = "true or false"


def check_params(params: dict) -> list[tuple[str, str]]:
    return []


def value_schema(m) -> dict:
    return {"type": "boolean"}


def parse(m, raw):
    return read_bool(raw)


def amount(m, value) -> float:
    """1 when the veto fires."""
    return 1.0 if value else 0.0
