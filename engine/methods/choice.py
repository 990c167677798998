"""choice: one of a set of named options, each worth a fraction of the points.

An option is given by its key, or by its label (``labels: {key: text or {zh: ..., en: ...}}``) with a
note; spaces around either are dropped.  Anything else is refused with the keys to type.
"""
import re

from ..numbers import SPACE, escape, show
from ._common import BadValue, Parsed, is_number

NAME = "choice"
KIND = "base"
CELL = "choice"
"""How a table cell is read on the vectorised fast path: one of the option keys."""
PARAMS = {"options": None, "labels": None}
EXPECTS = "one of the options"
_EDGES = re.compile(f"^{SPACE}+|{SPACE}+$")


def check_params(params: dict) -> list[tuple[str, str]]:
    options = params.get("options")
    if not isinstance(options, dict) or not options:
        return [("options", "options must be a non-empty map of option: score")]
    problems = [
        ("options", f"option {k!r} score {v!r} must be a number in [0, 1]")
        for k, v in options.items()
        if not (is_number(v) and 0 <= v <= 1)
    ]
    return problems + _check_labels(params.get("labels"), options)


def _check_labels(labels, options: dict) -> list[tuple[str, str]]:
    if labels is None:
        return []
    if not isinstance(labels, dict):
        return [("labels", "labels must be a map of option: label")]
    out = [("labels", f"labels names {k!r}, which is not an option (options: {', '.join(map(str, options))})")
           for k in labels if k not in options]
    seen: dict[str, object] = {str(k): k for k in options}
    for key in labels:
        for text in _texts(labels[key]):
            if seen.setdefault(text, key) != key:
                out.append(("labels", f"the label {text!r} of option {key!r} is also {seen[text]!r}: "
                            "a label must name one option"))
    return out


def _texts(label) -> list[str]:
    """Every language's text of a label."""
    texts = label.values() if isinstance(label, dict) else [label]
    return [str(t).strip() for t in texts if t is not None and str(t).strip()]


def words(m) -> dict[str, str]:
    """What may be typed for each option: its key, and each of its labels' texts -> the option key."""
    out = {str(k): k for k in m.params["options"]}
    for key, label in (m.params.get("labels") or {}).items():
        for text in _texts(label):
            out.setdefault(text, key)
    return out


def value_schema(m) -> dict:
    keys = list(m.params["options"])
    pattern = "^" + SPACE + "*(?:" + "|".join(map(escape, sorted(words(m), key=len, reverse=True))) \
        + ")" + SPACE + "*$"
    return {"anyOf": [{"type": "string", "enum": keys}, {"type": "string", "pattern": pattern}]}


def parse(m, raw):
    if isinstance(raw, (str, int)) and not isinstance(raw, bool):
        text = _EDGES.sub("", str(raw))
        key = words(m).get(text)
        if key is not None:
            said = () if str(key) == text else (f"{show(raw)} read as the option {key} (its label)",)
            return Parsed(key, said)
    said = repr(raw) if len(repr(raw)) <= 40 else show(raw)
    raise BadValue(f"expected one of: {_menu(m)}; got {said}")


def _menu(m) -> str:
    labels = m.params.get("labels") or {}
    return ", ".join(f"{k} ({'/'.join(_texts(labels[k]))})" if _texts(labels.get(k)) else str(k)
                     for k in m.params["options"])


def fraction(m, value) -> float:
    return float(m.params["options"][value])


def column(m, x):
    """fraction over a numpy array of option indices (a choice's value in a matrix is its option's position)."""
    import numpy as np

    scores = np.array([float(s) for s in m.params["options"].values()])
    return scores[np.where(np.isnan(x), 0, x).astype(np.int64)]


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


# --- What the rest of the engine asks of this method, beyond scoring (tests/test_method_knowledge.py walks
# the registry for every piece). Kept at the end of the module, imports included, so that it stays one block.
from ._words import (  # noqa: E402,F401
    base_hint, no_direction as direction, no_number as current, no_warnings as param_warnings,
)

WHOLE = False
"""Its values are whole numbers >= 0 (a schema's minimum is then at least 0)."""
RANGED = ()
"""Its parameters that are values a submission may report: rubric lint warns when one is outside [min, max]."""
RATINGS = False
"""It takes the ratings: section (one rating per assessor)."""
TARGET_IS_BOUND = False
"""Its target is a bound a value may pass, shown with ≥ or ≤; an option is no bound."""


def describe(m) -> str:
    """The method and its parameters in a few words: 'choice A:1, B:0.6, C:0'."""
    return "choice " + ", ".join(f"{k}:{v:g}" for k, v in m.params["options"].items())


def template_hint(m) -> str:
    """What a template says of the measure and what to write: the option keys."""
    return base_hint(m, describe(m), target(m), "one of: " + ", ".join(map(str, m.params["options"])))


def dropdown(m) -> tuple[str, ...]:
    """The values a spreadsheet template offers in a drop-down: the option keys."""
    return tuple(str(k) for k in m.params["options"])


def schema_notes(m, lang: str | None) -> str:
    """The options with their labels (what an official may type instead of the key), for a schema's hover."""
    from ..model import Label  # engine.model imports the registry: read it when called, not when loaded

    labels = m.params.get("labels")
    if not labels:
        return ""
    return "options: " + "; ".join(f"{k} = {Label.of(labels[k]).get(lang)}" if k in labels else str(k)
                                   for k in m.params["options"])


def option_label(m, key, lang: str | None) -> str:
    """An option as a report shows it: its label in ``lang`` (the key when it has none)."""
    from ..model import Label

    label = (m.params.get("labels") or {}).get(key)
    text = Label.of(label).get(lang) if label is not None else ""
    return text or str(key)


example = target
"""The value a schema offers in completion: the best option."""


TITLE = ("选项", "choice")
"""Its name in `rubric show`'s tree, (zh, en)."""


def in_words(m, say) -> str:
    """`rubric show`'s words for its parameters, through ``say`` (engine.describe.Say: numbers as people write
    them, in the tree's language); '' when its name says it all."""
    return say.options(m.params)
