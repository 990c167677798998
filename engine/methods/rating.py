"""rating: an assessment team's marks on a scale, averaged after dropping the k highest and lowest."""
from ..numbers import NotANumber, list_pattern, parse_list, parse_number, schema_pattern, show
from ._common import BadValue, Parsed, clamp, clamp_column, is_number

NAME = "rating"
KIND = "base"
CELL = "number"
"""How a table cell is read on the vectorised fast path: a number."""
PARAMS = {"scale": None, "trim": 0, "disagree": None}
"""``disagree``: the assessors disagree widely when their highest rating minus their lowest exceeds it (on the
scale; None: a quarter of the scale's width, 1 on 1..5).  It only flags the panel in reports; scoring ignores it."""
EXPECTS = "a rating, or a list of ratings (one per assessor)"


def check_params(params: dict) -> list[tuple[str, str]]:
    scale = params.get("scale")
    problems = []
    if not (isinstance(scale, list) and len(scale) == 2 and all(map(is_number, scale))):
        problems.append(("scale", "scale must be [lo, hi]"))
    elif not scale[0] < scale[1]:
        problems.append(("scale", f"scale [{scale[0]}, {scale[1]}] must have lo < hi"))
    trim = params.get("trim", 0)
    if not (isinstance(trim, int) and not isinstance(trim, bool) and trim >= 0):
        problems.append(("trim", "trim must be a whole number >= 0"))
    disagree = params.get("disagree")
    if disagree is not None and not (is_number(disagree) and disagree > 0):
        problems.append(("disagree", "disagree must be a number > 0, on the rating scale (the highest rating minus "
                                     "the lowest above which the assessors disagree widely)"))
    return problems


def value_schema(m) -> dict:
    """A rating or a list of them: numbers, or texts the number reader takes ('４.５', '4,5,4,3,5')."""
    lo, hi = m.params["scale"]
    one = {"type": "number", "minimum": lo, "maximum": hi}
    text = {"type": "string", "pattern": schema_pattern(m.unit)}
    several = {"type": "string", "pattern": list_pattern(m.unit)}
    return {"anyOf": [one, text, several, {"type": "array", "items": {"anyOf": [one, text]}, "minItems": 1}]}


def parse(m, raw):
    """One rating, a list of them, or a text holding several ('4,5,4,3,5', '4 5 4'), each on the scale."""
    if isinstance(raw, list):
        if not raw:
            raise BadValue("expected at least one rating")
        read = [_one(m, item) for item in raw]
        return Parsed([p.value for p in read], tuple(n for p in read for n in p.notes), any(p.approximate for p in read))
    several = _several(m, raw)
    return several if several is not None else _one(m, raw)


def _one(m, raw) -> Parsed:
    lo, hi = m.params["scale"]
    if isinstance(raw, (list, dict)) or isinstance(raw, bool) or raw is None:
        raise BadValue(f"expected a rating number on the scale [{lo}, {hi}], got {show(raw)}")
    try:
        n = parse_number(raw, m.unit)
    except NotANumber as e:
        said = str(e).removeprefix("expected a number, ")
        raise BadValue(f"expected a rating number on the scale [{lo}, {hi}]{', ' if said != str(e) else ': '}{said}") \
            from None
    if not lo <= n.value <= hi:
        raise BadValue(f"rating {n.value!r} is outside the scale [{lo}, {hi}]")
    return Parsed(n.value, n.notes, n.approximate)


def _several(m, raw) -> Parsed | None:
    """Several ratings typed in one text, when it is no single rating on the scale; None otherwise."""
    if not isinstance(raw, str):
        return None
    lo, hi = m.params["scale"]
    try:
        if lo <= parse_number(raw, m.unit).value <= hi:
            return None
    except NotANumber:
        pass
    try:
        items = parse_list(raw, m.unit)
    except NotANumber as e:
        raise BadValue(f"expected ratings on the scale [{lo}, {hi}]: {e}") from None
    if items is None:
        return None
    for n in items:
        if not lo <= n.value <= hi:
            raise BadValue(f"rating {n.value!r} (in {show(raw)}) is outside the scale [{lo}, {hi}]")
    values = [n.value for n in items]
    note = f"{show(raw)} read as {len(values)} ratings: {', '.join(f'{v:g}' for v in values)}"
    return Parsed(values, (note,), any(n.approximate for n in items))


def kept(m, value) -> list:
    """The ratings the mean averages, lowest first: all of them less the ``trim`` highest and lowest (去掉最高分和
    最低分), or all when there are no more than 2 * trim."""
    ratings = sorted(value) if isinstance(value, (list, tuple)) else [value]
    k = m.params.get("trim", 0)
    if k and len(ratings) > 2 * k:
        ratings = ratings[k:-k]
    return ratings


def mean(m, value) -> float:
    """The trimmed mean (去掉最高分和最低分) of the ratings."""
    ratings = kept(m, value)
    return sum(ratings) / len(ratings)


def spread(value) -> float:
    """The highest rating less the lowest (0 for one rating)."""
    ratings = list(value) if isinstance(value, (list, tuple)) else [value]
    return round(max(ratings) - min(ratings), 9)  # 4.3 - 3.3 is 1, not 0.9999999999999996


def disagree_limit(m) -> float:
    """The spread above which the assessors disagree widely: the ``disagree`` parameter, else a quarter of the
    scale's width."""
    lo, hi = m.params["scale"]
    limit = m.params.get("disagree")
    return (hi - lo) / 4 if limit is None else limit


def disagrees(m, value) -> bool:
    """True when the ratings (all of them, before trim) spread wider than disagree_limit."""
    return spread(value) > disagree_limit(m)


def fraction(m, value) -> float:
    lo, hi = m.params["scale"]
    return clamp((mean(m, value) - lo) / (hi - lo))


def column(m, x):
    """fraction over a numpy array of single ratings (the mean of one rating is itself); a cell of several
    ratings goes through fraction."""
    lo, hi = m.params["scale"]
    return clamp_column((x - lo) / (hi - lo))


def target(m):
    return m.params["scale"][1]


def next_target(m, value):
    """The top of the scale."""
    return target(m)


# --- What the rest of the engine asks of this method, beyond scoring (tests/test_method_knowledge.py walks
# the registry for every piece). Kept at the end of the module, imports included, so that it stays one block.
from ._words import (  # noqa: E402,F401
    base_hint, no_dropdown as dropdown, no_notes as schema_notes, no_warnings as param_warnings,
)

WHOLE = False
"""Its values are whole numbers >= 0 (a schema's minimum is then at least 0)."""
RANGED = ()
"""Its parameters that are values a submission may report: rubric lint warns when one is outside [min, max]."""
RATINGS = True
"""It takes the ratings: section (one rating per assessor)."""
TARGET_IS_BOUND = False
"""Its target is a bound a value may pass, shown with ≥ or ≤; the top of the scale is shown bare (nothing is
beyond it)."""


def describe(m) -> str:
    """The method and its parameters in a few words: 'rating 0–5 trim 1'."""
    lo, hi = m.params["scale"]
    return f"rating {lo:g}–{hi:g}" + (f" trim {m.params['trim']}" if m.params.get("trim") else "")


def direction(m) -> str:
    """Which way is better: up the scale."""
    return "higher"


def current(m, value) -> float:
    """The value as one number: the trimmed mean of the ratings."""
    return mean(m, value)


def template_hint(m) -> str:
    """What a template says of the measure and what to write."""
    return base_hint(m, describe(m), target(m), EXPECTS)


example = target
"""The value a schema offers in completion: the one that earns full points."""


TITLE = ("评分", "rating")
"""Its name in `rubric show`'s tree, (zh, en)."""


def in_words(m, say) -> str:
    """`rubric show`'s words for its parameters, through ``say`` (engine.describe.Say: numbers as people write
    them, in the tree's language); '' when its name says it all."""
    return say.scale(m.params["scale"], m.params.get("trim"))
