"""The one way a command writes what it made: a format module, the items, the destination.

A format module says how it is written: ``show(items, console, lang, ...)`` for the terminal view,
``chunks(items, lang, ...)`` to stream, else ``render(items, lang, ...)``; and ``ENCODING`` (csv:
utf-8 with a BOM, for Excel; everything else utf-8).
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from .common import emit_chunks, out_console


def write(module, items, output: Optional[Path], lang: Optional[str] = None, console=None, **options) -> None:
    """Write items with the format module: to the terminal (its show view when it has one), to stdout with
    -o -, or to the file -o names (replaced whole, once everything is written)."""
    if output is None and hasattr(module, "show"):
        module.show(items, out_console(), lang, **options)
        return
    if hasattr(module, "chunks"):
        pieces = module.chunks(items, lang, **options)
    else:
        pieces = iter([module.render(items if isinstance(items, list) else list(items), lang, **options)])
    emit_chunks(pieces, output, console, encoding(module))


def encoding(module) -> str:
    """The encoding a format declares (utf-8 unless it says otherwise)."""
    return getattr(module, "ENCODING", "utf-8")
