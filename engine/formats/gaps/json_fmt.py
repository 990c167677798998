"""json: the gap report as data (an object for one submission, an array for several); every view is included."""
from __future__ import annotations

import json

from .common import report_dict

NAME = "json"
SUFFIX = ".json"


def render(reports, lang: str | None = None, by=("measure",), top: int | None = None) -> str:
    items = [report_dict(r, lang, top) for r in reports]
    data = items[0] if len(items) == 1 else items
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
