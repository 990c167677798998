"""Renderers of a what-if (`scorecard whatif`, SPEC 10), one module per format, in an explicit registry.

Each module has NAME, SUFFIX and render(result, lang=None) -> str (result: engine.whatif.WhatIf); the
terminal view (table) also has show(result, console, lang).
"""
from __future__ import annotations

from types import ModuleType

from ...registry import lookup

from . import json_fmt, markdown, table

FORMATS: dict[str, ModuleType] = {m.NAME: m for m in (table, json_fmt, markdown)}


def get(name: str) -> ModuleType:
    return lookup(FORMATS, name)
