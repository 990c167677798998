"""threshold: full points once the value reaches the target, none before."""
from ._common import REQUIRED, check_direction, is_number, number_schema, read_number

NAME = "threshold"
KIND = "base"
CELL = "number"
"""How a table cell is read on the vectorised fast path: a number."""
PARAMS = {"target": REQUIRED, "direction": "higher"}
EXPECTS = "a number"


def check_params(params: dict) -> list[tuple[str, str]]:
    problems = check_direction(params)
    if not is_number(params.get("target")):
        problems.append(("target", "target must be a number"))
    return problems


def value_schema(m) -> dict:
    return number_schema(m.unit)


def parse(m, raw):
    return read_number(raw, m.unit)


def reaches(value: float, goal: float, direction: str) -> bool:
    """True when ``value`` is at or beyond ``goal`` in the better direction."""
    return value <= goal if direction == "lower" else value >= goal


def fraction(m, value) -> float:
    p = m.params
    return 1.0 if reaches(value, p["target"], p.get("direction", "higher")) else 0.0


def column(m, x):
    """fraction over a numpy array of values: the same comparison, value by value."""
    import numpy as np

    p = m.params
    return np.where(reaches(x, p["target"], p.get("direction", "higher")), 1.0, 0.0)


def target(m):
    return m.params["target"]


def next_target(m, value):
    """The target: a threshold has no steps."""
    return target(m)


# --- What the rest of the engine asks of this method, beyond scoring (tests/test_method_knowledge.py walks
# the registry for every piece). Kept at the end of the module, imports included, so that it stays one block.
from ._words import (  # noqa: E402,F401
    as_number as current, base_hint, mark, no_dropdown as dropdown, no_notes as schema_notes,
    no_warnings as param_warnings, said_direction as direction,
)

WHOLE = False
"""Its values are whole numbers >= 0 (a schema's minimum is then at least 0)."""
RANGED = ("target",)
"""Its parameters that are values a submission may report: rubric lint warns when one is outside [min, max]."""
RATINGS = False
"""It takes the ratings: section (one rating per assessor)."""
TARGET_IS_BOUND = True
"""Its target is a bound a value may pass, shown with ≥ or ≤ ('≥ 95%')."""


def describe(m) -> str:
    """The method and its parameters in a few words: 'threshold ≥ 95%'."""
    return f"threshold {mark(m.params)} {m.params['target']:g}{m.unit}"


def template_hint(m) -> str:
    """What a template says of the measure and what to write."""
    return base_hint(m, describe(m), target(m), EXPECTS)


example = target
"""The value a schema offers in completion: the one that earns full points."""


TITLE = ("达标", "threshold")
"""Its name in `rubric show`'s tree, (zh, en)."""


def in_words(m, say) -> str:
    """`rubric show`'s words for its parameters, through ``say`` (engine.describe.Say: numbers as people write
    them, in the tree's language); '' when its name says it all."""
    return f"{say.sign} {say.qty(m.params['target'])}"
