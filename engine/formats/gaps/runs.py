"""Runs: what a gap format is given for a long table (engine.outcome.Cards.runs()), importable without numpy
(the check path loads the format registry)."""
from __future__ import annotations


class Runs:
    """A gap format's input as engine.outcome.Cards.runs() yields it: ("cards", [card]) or ("batch", batch, rubric)."""

    def __init__(self, runs):
        self.runs = runs

    def __iter__(self):
        """Every run's GapReports (the general path, for a format without a fast writer)."""
        from .batch import Row, units

        for unit in units(self):
            yield unit.report() if isinstance(unit, Row) else unit
