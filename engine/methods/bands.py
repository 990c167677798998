"""bands: the score of the best band the value reaches (e.g. >= 95%: 1, >= 90%: 0.6)."""
from ._common import check_direction, is_number, number_schema, read_number
from .threshold import reaches

NAME = "bands"
KIND = "base"
CELL = "number"
"""How a table cell is read on the vectorised fast path: a number."""
PARAMS = {"bands": None, "direction": "higher"}
EXPECTS = "a number"


def check_params(params: dict) -> list[tuple[str, str]]:
    bands = params.get("bands")
    if not isinstance(bands, list) or not bands:
        return [("bands", "bands must be a non-empty list of {at: x, score: s}")]
    problems = check_direction(params)
    for i, b in enumerate(bands):
        if not (isinstance(b, dict) and is_number(b.get("at")) and is_number(b.get("score"))):
            problems.append(("bands", f"band {i + 1} must be {{at: number, score: number}}"))
        elif not 0 <= b["score"] <= 1:
            problems.append(("bands", f"band {i + 1} score {b['score']} is outside [0, 1] (a fraction of the points)"))
    if not problems:
        problems += _order(bands, params.get("direction", "higher"))
    return problems


def _order(bands: list, direction: str) -> list[tuple[str, str]]:
    ats = [b["at"] for b in bands]
    best_first = all(reaches(a, b, direction) and a != b for a, b in zip(ats, ats[1:]))
    if best_first:
        return []
    way = "descending" if direction == "higher" else "ascending"
    return [("bands", f"bands must be ordered best first ('at' strictly {way} for direction {direction})")]


def value_schema(m) -> dict:
    return number_schema(m.unit)


def parse(m, raw):
    return read_number(raw, m.unit)


def fraction(m, value) -> float:
    direction = m.params.get("direction", "higher")
    for band in m.params["bands"]:
        if reaches(value, band["at"], direction):
            return float(band["score"])
    return 0.0


def column(m, x):
    """fraction over a numpy array of values: the first band reached wins, so the best is written last."""
    import numpy as np

    direction = m.params.get("direction", "higher")
    out = np.zeros(len(x))
    for band in reversed(m.params["bands"]):
        out = np.where(reaches(x, band["at"], direction), float(band["score"]), out)
    return out


def target(m):
    """The value that earns the best band's score."""
    return m.params["bands"][0]["at"]


def next_target(m, value):
    """The `at` of the next better band than the one ``value`` reaches (the lowest scoring band when none)."""
    bands, direction = m.params["bands"], m.params.get("direction", "higher")
    now = 0.0 if value is None else fraction(m, value)
    reached = next((i for i, b in enumerate(bands) if value is not None and reaches(value, b["at"], direction)),
                   len(bands))
    better = [b for b in bands[:reached] if b["score"] > now]
    return better[-1]["at"] if better else target(m)


# --- What the rest of the engine asks of this method, beyond scoring (tests/test_method_knowledge.py walks
# the registry for every piece). Kept at the end of the module, imports included, so that it stays one block.
from ._words import (  # noqa: E402,F401
    as_number as current, base_hint, mark, no_dropdown as dropdown, no_notes as schema_notes,
    said_direction as direction,
)

WHOLE = False
"""Its values are whole numbers >= 0 (a schema's minimum is then at least 0)."""
RANGED = ()
"""Its parameters that are values a submission may report: rubric lint warns when one is outside [min, max]."""
RATINGS = False
"""It takes the ratings: section (one rating per assessor)."""
TARGET_IS_BOUND = True
"""Its target is a bound a value may pass, shown with ≥ or ≤ ('≥ 95%')."""


def describe(m) -> str:
    """The method and its parameters in a few words: 'bands ≥95:1, ≥90:0.6'."""
    sign = mark(m.params)
    return "bands " + ", ".join(f"{sign}{b['at']:g}:{b['score']:g}" for b in m.params["bands"])


def template_hint(m) -> str:
    """What a template says of the measure and what to write."""
    return base_hint(m, describe(m), target(m), EXPECTS)


example = target
"""The value a schema offers in completion: the one that earns full points."""


def param_warnings(params: dict) -> list[tuple[tuple, str]]:
    """(where under the measure, message) of likely slips check_params accepts: bands are ordered best value
    first, and a worse value that scores more is almost always a slip."""
    bands = params["bands"]
    return [(("bands", i), f"bands: at {worse['at']} (a worse value) scores {worse['score']}, more than "
             f"{better['score']} at {better['at']}; the score should not rise as the value gets worse")
            for i, (better, worse) in enumerate(zip(bands, bands[1:]), start=1) if worse["score"] > better["score"]]


TITLE = ("分档", "bands")
"""Its name in `rubric show`'s tree, (zh, en)."""


def in_words(m, say) -> str:
    """`rubric show`'s words for its parameters, through ``say`` (engine.describe.Say: numbers as people write
    them, in the tree's language); '' when its name says it all."""
    return say.bands(m.params["bands"])
