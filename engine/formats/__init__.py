"""Output formats, one module each, in an explicit registry.

Each module has NAME, SUFFIX and render(cards, lang) -> str; the terminal view (table) also has
show(cards, console, lang).
"""
from __future__ import annotations

from types import ModuleType

from ..registry import lookup

from . import csv_fmt, html, json_fmt, markdown, table

FORMATS: dict[str, ModuleType] = {m.NAME: m for m in (table, json_fmt, csv_fmt, markdown, html)}


def get(name: str) -> ModuleType:
    return lookup(FORMATS, name)
