"""The one lookup every registry of renderers shares (formats, gap, compare and progress formats)."""
from __future__ import annotations

from types import ModuleType


def lookup(registry: dict[str, ModuleType], name: str) -> ModuleType:
    """The module registered as ``name``; a KeyError that lists the known names otherwise."""
    try:
        return registry[name]
    except KeyError:
        raise KeyError(f"unknown format {name!r}; known: {', '.join(registry)}") from None
