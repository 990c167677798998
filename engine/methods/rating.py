"""rating: an assessment team's marks on a scale, averaged after dropping the k highest and lowest."""
from ._common import BadValue, Parsed, clamp, is_number, show

NAME = "rating"
KIND = "base"
PARAMS = {"scale": None, "trim": 0}
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
    return problems


def value_schema(m) -> dict:
    lo, hi = m.params["scale"]
    one = {"type": "number", "minimum": lo, "maximum": hi}
    return {"anyOf": [one, {"type": "array", "items": one, "minItems": 1}]}


def parse(m, raw):
    items = raw if isinstance(raw, list) else [raw]
    if not items:
        raise BadValue("expected at least one rating")
    lo, hi = m.params["scale"]
    values, notes = [], []
    for item in items:
        if not is_number(item):
            raise BadValue(f"expected a rating number on the scale [{lo}, {hi}], got {show(item)}")
        if not lo <= item <= hi:
            raise BadValue(f"rating {item!r} is outside the scale [{lo}, {hi}]")
        values.append(item)
    return Parsed(values if isinstance(raw, list) else values[0])


def mean(m, value) -> float:
    """The trimmed mean (去掉最高分和最低分) of the ratings."""
    ratings = sorted(value) if isinstance(value, list) else [value]
    k = m.params.get("trim", 0)
    if k and len(ratings) > 2 * k:
        ratings = ratings[k:-k]
    return sum(ratings) / len(ratings)


def fraction(m, value) -> float:
    lo, hi = m.params["scale"]
    return clamp((mean(m, value) - lo) / (hi - lo))


def target(m):
    return m.params["scale"][1]


def next_target(m, value):
    """The top of the scale."""
    return target(m)
