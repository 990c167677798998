"""National-scale batches: one long table (subject, period, measure, value) scored at once, vectorised.

    df = read_long("province-2024.csv")              # pandas, every cell as text
    values, problems = validate_long(df, rubric)     # located problems; the valid subjects' values
    batch = score_long(values, rubric)               # totals, grades, group and measure scores
    cards = to_scorecards(batch, rubric, ["c0001"])  # engine.results.Scorecard for a few subjects

pandas and numpy are imported only by the modules of this package, never by this file:
``is_long_table`` (engine.readers.long_table) reads the start of a file with the csv module, so
`scorecard validate` and `scorecard check` stay free of them.
"""
from __future__ import annotations

from pathlib import Path

_EXPORTS = {"read_long": "..readers.long.read", "validate_long": "..readers.long.validate",
            "score_long": "..vector.score", "to_scorecards": "..vector.cards", "iter_scorecards": "..vector.cards",
            "BatchResult": "..vector.result", "LongValues": "..vector.values"}


def __getattr__(name: str):
    """The package's functions, imported (with pandas) on first use."""
    if name in _EXPORTS:
        import importlib

        where = _EXPORTS[name]
        module = f"engine.{where[2:]}" if where.startswith("..") else f"{__name__}.{where}"
        return getattr(importlib.import_module(module), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def long_tables(paths, force: bool = False) -> list[str]:
    """The paths (as given) that are long tables (engine.readers.long_table.long_tables)."""
    from ..readers import long_table

    return long_table.long_tables(paths, force)


def is_long_table(path: str | Path, force: bool = False) -> bool:
    """engine.readers.long_table.is_long_table."""
    from ..readers import long_table

    return long_table.is_long_table(path, force)
