"""Output formats, one module each, in an explicit registry.

Each module has NAME, SUFFIX and render(cards, lang) -> str; the terminal view (table) also has
show(cards, console, lang).
"""
from __future__ import annotations

from types import ModuleType

from ..registry import Lazy, lookup

FORMATS: dict[str, ModuleType] = Lazy(__name__, {"table": "table", "json": "json_fmt", "csv": "csv_fmt",
                                                 "markdown": "markdown", "html": "html"})
"""--format name -> module (each module's NAME), imported when used."""


def get(name: str) -> ModuleType:
    return lookup(FORMATS, name)
