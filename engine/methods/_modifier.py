"""What bonus and deduction share: so many points per item, up to a cap."""
from ._common import bool_schema, is_number, number_schema, read_count

PARAMS = {"per": 1, "cap": None}
EXPECTS = "a whole number >= 0, or true/false"


def check_params(params: dict) -> list[tuple[str, str]]:
    problems = []
    if not (is_number(params.get("per", 1)) and params.get("per", 1) > 0):
        problems.append(("per", "per must be a number > 0"))
    cap = params.get("cap")
    if cap is not None and not (is_number(cap) and cap >= 0):
        problems.append(("cap", "cap must be a number >= 0"))
    return problems


def value_schema(m) -> dict:
    return {"anyOf": [*number_schema(m.unit, integer=True)["anyOf"], *bool_schema()["anyOf"]]}


def parse(m, raw):
    return read_count(raw, m.unit, allow_bool=True)


# --- What the rest of the engine asks of this method, beyond scoring (tests/test_method_knowledge.py walks
# the registry for every piece). Kept in one block, imports included, above amount (scoring follows it).
from ._words import (  # noqa: E402,F401
    modifier_hint, no_dropdown as dropdown, no_notes as schema_notes, no_warnings as param_warnings, per_item,
)

WHOLE = True
"""Its values are whole numbers >= 0 (a schema's minimum is then at least 0)."""
RANGED = ()
"""Its parameters that are values a submission may report: rubric lint warns when one is outside [min, max]."""
RATINGS = False
"""It takes the ratings: section (one rating per assessor)."""


def describe(m) -> str:
    """The method and its parameters in a few words: 'bonus 1/item cap 5'."""
    return per_item(m)


def template_hint(m) -> str:
    """What a template says of the measure and what to write."""
    return modifier_hint(describe(m), EXPECTS)


def example(m) -> int:
    """The value a schema offers in completion: no items."""
    return 0


def amount(m, value) -> float:
    """Points added (bonus) or taken off (deduction), as a positive number."""
    points = value * m.params.get("per", 1)
    cap = m.params.get("cap")
    return points if cap is None else min(points, cap)


def column_amount(m, x):
    """amount over a numpy array of values (true/false as 1/0)."""
    import numpy as np

    points = x * m.params.get("per", 1)
    cap = m.params.get("cap")
    return points if cap is None else np.minimum(points, cap)


def in_words(m, say) -> str:
    """`rubric show`'s words for so many points per item, up to a cap, through ``say`` (engine.describe.Say)."""
    return say.per_item(m.params.get("per", 1), m.params.get("cap"))
