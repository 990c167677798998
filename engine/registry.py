"""The one lookup every registry of renderers shares (formats, gap, compare and progress formats)."""
from __future__ import annotations

from collections.abc import Mapping
from importlib import import_module
from types import ModuleType


def lookup(registry: dict[str, ModuleType], name: str) -> ModuleType:
    """The module registered as ``name``; a KeyError that lists the known names otherwise."""
    try:
        return registry[name]
    except KeyError:
        raise KeyError(f"unknown format {name!r}; known: {', '.join(registry)}") from None


class Lazy(Mapping):
    """Name -> module of a package, each imported when first looked up: the names cost nothing (``scorecard
    check`` imports engine.formats.fit, and so this package, and needs none of its formats)."""

    def __init__(self, package: str, modules: dict[str, str]):
        self.package, self.modules = package, modules

    def __getitem__(self, name: str) -> ModuleType:
        return import_module(f"{self.package}.{self.modules[name]}")

    def __iter__(self):
        return iter(self.modules)

    def __len__(self) -> int:
        return len(self.modules)
