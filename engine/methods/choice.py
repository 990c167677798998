"""choice: one of a set of named options, each worth a fraction of the points."""
from ._common import BadValue, Parsed, is_number

NAME = "choice"
KIND = "base"
PARAMS = {"options": None}
EXPECTS = "one of the options"


def check_params(params: dict) -> list[tuple[str, str]]:
    options = params.get("options")
    if not isinstance(options, dict) or not options:
        return [("options", "options must be a non-empty map of option: score")]
    return [
        ("options", f"option {k!r} score {v!r} must be a number in [0, 1]")
        for k, v in options.items()
        if not (is_number(v) and 0 <= v <= 1)
    ]


def value_schema(m) -> dict:
    return {"type": "string", "enum": list(m.params["options"])}


def parse(m, raw):
    key = str(raw) if isinstance(raw, (str, int)) and not isinstance(raw, bool) else None
    if key is None or key not in m.params["options"]:
        names = ", ".join(map(str, m.params["options"]))
        raise BadValue(f"expected one of: {names}; got {raw!r}")
    return Parsed(key)


def fraction(m, value) -> float:
    return float(m.params["options"][value])


def target(m):
    """The best option."""
    options = m.params["options"]
    return max(options, key=options.get)


def next_target(m, value):
    """The option scoring least among those that score more than ``value`` (the best when none do)."""
    options = m.params["options"]
    now = options.get(value, 0.0) if value is not None else 0.0
    better = [k for k, s in options.items() if s > now]
    return min(better, key=options.get) if better else target(m)
