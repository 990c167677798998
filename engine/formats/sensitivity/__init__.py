"""Renderers of a robustness analysis (`scorecard sensitivity`, SPEC 10), one module per format, in a registry.

Each module has NAME, SUFFIX and render(results, lang=None) -> str (results: engine.sensitivity.Sensitivity,
one per rubric); the terminal view (table) also has show(results, console, lang).
"""
from __future__ import annotations

from types import ModuleType

from ...registry import lookup

from . import json_fmt, table

FORMATS: dict[str, ModuleType] = {m.NAME: m for m in (table, json_fmt)}


def get(name: str) -> ModuleType:
    return lookup(FORMATS, name)
