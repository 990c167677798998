"""json: the league and trends as data (engine.formats.json_fmt's shape: an object for one
submission file, else an array with one comparison per rubric)."""
from __future__ import annotations

from ..json_fmt import dumps, shaped
from .common import comparison_dict

NAME = "json"
SUFFIX = ".json"


def render(comparisons, lang: str | None = None, single: bool | None = None) -> str:
    items = [comparison_dict(c, lang) for c in comparisons]
    data = shaped(items, single)
    return dumps(data) + "\n"
