"""Renderers of comparisons (`scorecard compare`), one module per format, in an explicit registry.

Each module has NAME, SUFFIX and render(comparisons, lang=None) -> str; the terminal view (table) also
has show(comparisons, console, lang).
"""
from __future__ import annotations

from types import ModuleType

from ...registry import lookup

from . import csv_fmt, json_fmt, markdown, table

FORMATS: dict[str, ModuleType] = {m.NAME: m for m in (table, json_fmt, markdown, csv_fmt)}


def get(name: str) -> ModuleType:
    return lookup(FORMATS, name)
