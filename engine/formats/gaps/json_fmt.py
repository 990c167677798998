"""json: the gap report as data (engine.formats.json_fmt's shape: an object for one
submission file, an array for several or a folder); every view is included.  A long table's rows are
written from the batch's arrays (json_rows), each the very text json_indent writes of its report_dict
(json_ci'd)."""
from __future__ import annotations

import itertools

from ..json_fmt import items
from ..json_indent import dumps as indented
from .common import report_dict

NAME = "json"
SUFFIX = ".json"


def render(reports, lang: str | None = None, by=("measure",), top: int | None = None,
           single: bool | None = None) -> str:
    return "".join(chunks(reports, lang, by, top, single))


def chunks(reports, lang: str | None = None, by=("measure",), top: int | None = None, single: bool | None = None):
    """The JSON text a report at a time (json_fmt.items' text)."""
    from ...safe_text import json_ci

    from .batch import Row, units  # numpy: not for the check path, which loads this registry
    from .json_rows import row_text

    it = units(reports)
    head = list(itertools.islice(it, 2))
    if len(head) < 2:
        yield from items((report_dict(_report(u), lang, top) for u in head), single)
        return
    first = True
    for u in itertools.chain(head, it):
        text = row_text(u, lang, top) if isinstance(u, Row) and u.plain else \
            json_ci(indented(report_dict(_report(u), lang, top), 2, 1))
        yield ("[\n  " if first else ",\n  ") + text
        first = False
    yield "\n]\n"


def _report(unit):
    from .batch import Row

    return unit.report() if isinstance(unit, Row) else unit
