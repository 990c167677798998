"""linear: from nothing at the floor to full points at the target, straight in between."""
from ._common import REQUIRED, clamp, clamp_column, is_number, number_schema, read_number

NAME = "linear"
KIND = "base"
CELL = "number"
"""How a table cell is read on the vectorised fast path: a number."""
PARAMS = {"floor": REQUIRED, "target": REQUIRED}
EXPECTS = "a number"


def check_params(params: dict) -> list[tuple[str, str]]:
    floor, goal = params.get("floor"), params.get("target")
    problems = [(k, f"{k} must be a number") for k in ("floor", "target") if not is_number(params.get(k))]
    if not problems and floor == goal:
        problems.append(("target", f"floor and target are both {goal}: the scale has no length"))
    return problems


def value_schema(m) -> dict:
    return number_schema(m.unit)


def parse(m, raw):
    return read_number(raw, m.unit)


def fraction(m, value) -> float:
    floor, goal = m.params["floor"], m.params["target"]
    return clamp((value - floor) / (goal - floor))


def column(m, x):
    """fraction over a numpy array of values: the same IEEE operations, value by value."""
    floor, goal = m.params["floor"], m.params["target"]
    return clamp_column((x - floor) / (goal - floor))


def target(m):
    return m.params["target"]


def next_target(m, value):
    """The target: every step towards it earns points."""
    return target(m)


def next_point(m, value):
    """The value that earns the next whole point; None when that would be full marks anyway."""
    floor, goal = m.params["floor"], m.params["target"]
    earned = (0.0 if value is None else fraction(m, value)) * m.points
    step = int(earned + 1e-9) + 1
    if step >= m.points:
        return None
    return floor + (goal - floor) * step / m.points


# --- What the rest of the engine asks of this method, beyond scoring (tests/test_method_knowledge.py walks
# the registry for every piece). Kept at the end of the module, imports included, so that it stays one block.
from ._words import (  # noqa: E402,F401
    as_number as current, base_hint, no_dropdown as dropdown, no_notes as schema_notes,
    no_warnings as param_warnings,
)

WHOLE = False
"""Its values are whole numbers >= 0 (a schema's minimum is then at least 0)."""
RANGED = ("target", "floor")
"""Its parameters that are values a submission may report: rubric lint warns when one is outside [min, max]."""
RATINGS = False
"""It takes the ratings: section (one rating per assessor)."""
TARGET_IS_BOUND = True
"""Its target is a bound a value may pass, shown with ≥ or ≤ ('≥ 100%')."""


def describe(m) -> str:
    """The method and its parameters in a few words: 'linear 60→100%'."""
    return f"linear {m.params['floor']:g}→{m.params['target']:g}{m.unit}"


def direction(m) -> str:
    """Which way is better: from the floor towards the target."""
    return "higher" if m.params["floor"] < m.params["target"] else "lower"


def template_hint(m) -> str:
    """What a template says of the measure and what to write."""
    return base_hint(m, describe(m), target(m), EXPECTS)


example = target
"""The value a schema offers in completion: the one that earns full points."""


TITLE = ("线性", "linear")
"""Its name in `rubric show`'s tree, (zh, en)."""


def in_words(m, say) -> str:
    """`rubric show`'s words for its parameters, through ``say`` (engine.describe.Say: numbers as people write
    them, in the tree's language); '' when its name says it all."""
    return f"{say.plain(m.params['floor'])}→{say.qty(m.params['target'])}"
