"""json: the league and trends as data (an object for one rubric, an array for several)."""
from __future__ import annotations

import json

from .common import comparison_dict

NAME = "json"
SUFFIX = ".json"


def render(comparisons, lang: str | None = None) -> str:
    items = [comparison_dict(c, lang) for c in comparisons]
    data = items[0] if len(items) == 1 else items
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
