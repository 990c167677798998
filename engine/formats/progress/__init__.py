"""Renderers of filing progress (`scorecard progress`, 填报进度), one module per format, in an explicit registry.

Each module has NAME, SUFFIX and render(progress, lang=None) -> str (progress: engine.progress.Progress);
the terminal view (table) also has show(progress, console, lang).
"""
from __future__ import annotations

from types import ModuleType

from ...registry import lookup

from . import csv_fmt, json_fmt, markdown, table

FORMATS: dict[str, ModuleType] = {m.NAME: m for m in (table, json_fmt, markdown, csv_fmt)}


def get(name: str) -> ModuleType:
    return lookup(FORMATS, name)
