"""Renderers of gap reports (`scorecard gaps`), one module per format, in an explicit registry.

Each module has NAME, SUFFIX and render(reports, lang=None, by=("measure",), top=None) -> str; the terminal
view (table) also has show(reports, console, lang, by, top).  ``by`` names the views to include:
measure, indicator, owner (VIEWS).  JSON always carries every view.
"""
from __future__ import annotations

from types import ModuleType

from ...registry import lookup

from . import csv_fmt, json_fmt, markdown, table
from .runs import Runs

FORMATS: dict[str, ModuleType] = {m.NAME: m for m in (table, json_fmt, markdown, csv_fmt)}
VIEWS = ("measure", "indicator", "owner")


def get(name: str) -> ModuleType:
    return lookup(FORMATS, name)
