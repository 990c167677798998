"""count: so many points per item, up to the measure's points."""
import math

from ._common import REQUIRED, is_number, number_schema, read_count

NAME = "count"
KIND = "base"
CELL = "count"
"""How a table cell is read on the vectorised fast path: a whole number >= 0."""
PARAMS = {"per": REQUIRED}
EXPECTS = "a whole number >= 0"


def check_params(params: dict) -> list[tuple[str, str]]:
    per = params.get("per")
    if not (is_number(per) and per > 0):
        return [("per", "per (points per item) must be a number > 0")]
    return []


def value_schema(m) -> dict:
    return number_schema(m.unit, integer=True)


def parse(m, raw):
    return read_count(raw, m.unit)


def fraction(m, value) -> float:
    if m.points <= 0:
        return 0.0
    earned = round(value * m.params["per"], 9)  # 3 * 0.3 is 0.8999999999999999 in binary
    return min(earned, m.points) / m.points


def column(m, x):
    """fraction over a numpy array of counts: round(v * per, 9) is Python's own, once per distinct value."""
    import numpy as np

    if m.points <= 0:
        return np.zeros(len(x))
    distinct, back = np.unique(x * m.params["per"], return_inverse=True)
    earned = np.array([round(v, 9) for v in distinct.tolist()], dtype=np.float64)[back].reshape(np.shape(x))
    return np.minimum(earned, m.points) / m.points


def target(m):
    """The number of items that earns full points."""
    per = m.params["per"]
    return math.ceil(round(m.points / per, 9)) if per else None


def next_target(m, value):
    """The count for full points."""
    return target(m)


# --- What the rest of the engine asks of this method, beyond scoring (tests/test_method_knowledge.py walks
# the registry for every piece). Kept at the end of the module, imports included, so that it stays one block.
from ._words import (  # noqa: E402,F401
    as_number as current, base_hint, no_dropdown as dropdown, no_notes as schema_notes,
    no_warnings as param_warnings, per_item,
)

WHOLE = True
"""Its values are whole numbers >= 0 (a schema's minimum is then at least 0)."""
RANGED = ()
"""Its parameters that are values a submission may report: rubric lint warns when one is outside [min, max]."""
RATINGS = False
"""It takes the ratings: section (one rating per assessor)."""
TARGET_IS_BOUND = True
"""Its target is a bound a value may pass, shown with ≥ ('≥ 4个')."""


def describe(m) -> str:
    """The method and its parameters in a few words: 'count 0.5/item'."""
    return per_item(m)


def direction(m) -> str:
    """Which way is better: more items."""
    return "higher"


def template_hint(m) -> str:
    """What a template says of the measure and what to write."""
    return base_hint(m, describe(m), target(m), EXPECTS)


example = target
"""The value a schema offers in completion: the one that earns full points."""


TITLE = ("计数", "count")
"""Its name in `rubric show`'s tree, (zh, en)."""


def in_words(m, say) -> str:
    """`rubric show`'s words for its parameters, through ``say`` (engine.describe.Say: numbers as people write
    them, in the tree's language); '' when its name says it all."""
    return say.per_item(m.params.get("per", 1), m.params.get("cap"))
