"""json: the machine-readable result of SPEC 6 (an object for one submission, an array for several)."""
from __future__ import annotations

import json

from .common import card_dict

NAME = "json"
SUFFIX = ".json"


def render(cards, lang: str | None = None) -> str:
    items = [card_dict(c, lang) for c in cards]
    data = items[0] if len(items) == 1 else items
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
