"""json: the league and trends as data (engine.formats.json_fmt's shape: an object for one
submission file, else an array with one comparison per rubric)."""
from __future__ import annotations

from ..json_fmt import dumps, shaped
from .common import comparison_dict

NAME = "json"
SUFFIX = ".json"


def render(comparisons, lang: str | None = None, single: bool | None = None) -> str:
    """The comparisons' JSON, each league's standings written by json_rows into the text of the rest."""
    from .json_rows import STANDINGS, spliced

    text = dumps(shaped([comparison_dict(c, lang, STANDINGS) for c in comparisons], single)) + "\n"
    for c in comparisons:
        text = spliced(text, list(c.league.standings), lang)
    return text
