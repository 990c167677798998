"""veto: if true, the submission gets the lowest grade whatever its total (一票否决)."""
from .check import EXPECTS, PARAMS, check_params, parse, value_schema  # noqa: F401  (a veto reads like a check)

NAME = "veto"
KIND = "veto"
CELL = "bool"
"""How a table cell is read on the vectorised fast path: true/false."""


# --- What the rest of the engine asks of this method, beyond scoring (tests/test_method_knowledge.py walks
# the registry for every piece). Kept in one block, imports included, above amount (scoring follows it).
from ._words import boolean_hint  # noqa: E402,F401
from .check import (  # noqa: E402,F401  (a veto is typed like a check)
    RANGED, RATINGS, WHOLE, dropdown, param_warnings, schema_notes,
)

SIGN = None
"""How its points show in a table ('+2', '−1'): a veto fires, it adds or takes off no points."""


def describe(m) -> str:
    """The method and its parameters in a few words (trees, templates, schema hovers)."""
    return "veto (一票否决): true fires it"


def template_hint(m) -> str:
    """What a template says of the measure and what to write."""
    return boolean_hint(m, "true vetoes the submission (一票否决)")


def example(m) -> bool:
    """The value a schema offers in completion: the veto not fired."""
    return False


def amount(m, value) -> float:
    """1 when the veto fires."""
    return 1.0 if value else 0.0


def column_amount(m, x):
    """amount over a numpy array of values (true/false as 1/0)."""
    import numpy as np

    return np.where(x != 0, 1.0, 0.0)


TITLE = ("一票否决：填“是”即否决", "veto (一票否决): true fires it")
"""Its name in `rubric show`'s tree, (zh, en)."""


def in_words(m, say) -> str:
    """`rubric show`'s words for its parameters, through ``say`` (engine.describe.Say: numbers as people write
    them, in the tree's language); '' when its name says it all."""
    return ""
