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


# --- What the rest of the engine asks of this method, beyond scoring (tests/test_method_knowledge.py walks
# the registry for every piece). Kept at the end of the module, imports included, so that it stays one block.
from ._words import (  # noqa: E402,F401
    BOOLEAN, boolean_hint, no_direction as direction, no_notes as schema_notes, no_number as current,
    no_warnings as param_warnings,
)

WHOLE = False
"""Its values are whole numbers >= 0 (a schema's minimum is then at least 0)."""
RANGED = ()
"""Its parameters that are values a submission may report: rubric lint warns when one is outside [min, max]."""
RATINGS = False
"""It takes the ratings: section (one rating per assessor)."""
TARGET_IS_BOUND = False
"""Its target is a bound a value may pass, shown with ≥ or ≤; true is no bound."""


def describe(m) -> str:
    """The method and its parameters in a few words (trees, templates, schema hovers)."""
    return "check: true or false"


def template_hint(m) -> str:
    """What a template says of the measure and what to write."""
    return boolean_hint(m, "true earns full points")


def dropdown(m) -> tuple[str, ...]:
    """The values a spreadsheet template offers in a drop-down."""
    return BOOLEAN


example = target
"""The value a schema offers in completion: true."""


TITLE = ("判断：是或否", "check: true or false")
"""Its name in `rubric show`'s tree, (zh, en)."""


def in_words(m, say) -> str:
    """`rubric show`'s words for its parameters, through ``say`` (engine.describe.Say: numbers as people write
    them, in the tree's language); '' when its name says it all."""
    return ""
