"""json: the gap report as data (engine.formats.json_fmt's shape: an object for one
submission file, an array for several or a folder); every view is included."""
from __future__ import annotations

from ..json_fmt import items
from .common import report_dict

NAME = "json"
SUFFIX = ".json"


def render(reports, lang: str | None = None, by=("measure",), top: int | None = None,
           single: bool | None = None) -> str:
    return "".join(chunks(reports, lang, by, top, single))


def chunks(reports, lang: str | None = None, by=("measure",), top: int | None = None, single: bool | None = None):
    """The JSON text a report at a time."""
    return items((report_dict(r, lang, top) for r in reports), single)
