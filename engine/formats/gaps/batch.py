"""What the gap formats share to write a long table's rows from its scored batch (engine.vector.gaps) rather
than from a Scorecard and GapReport per subject.

``units(items)`` turns what a gap format is given (GapReports, or ``Runs`` of engine.outcome.Cards.runs())
into a stream of Report (a GapReport) and Row (one batch row); a Row is written from the batch's arrays and
per-measure texts worked out once for each (measure, status, value cell) by the general functions, so the
text is theirs.  A row the fast writers do not cover (one with waivers) goes the general way: ``Row.report``.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ...gaps import Gap, GapReport, analyse
from ...results import STATUSES, MeasureResult
from ...targets import aim
from ...vector.gaps import BatchGaps

class Runs:
    """A gap format's input as engine.outcome.Cards.runs() yields it: ("cards", [card]) or ("batch", batch, rubric)."""

    def __init__(self, runs):
        self.runs = runs

    def __iter__(self):
        """Every run's GapReports (the general path, for a format without a fast writer)."""
        for unit in units(self):
            yield unit.report() if isinstance(unit, Row) else unit


def units(items):
    """Report or Row for each submission, in order, made as they are iterated."""
    if not isinstance(items, Runs):
        yield from items
        return
    for run in items.runs:
        if run[0] == "cards":
            yield from (analyse(c) for c in run[1])
        else:
            shared = Batch(BatchGaps(run[1], run[2]))
            yield from (Row(shared, i) for i in range(len(run[1])))


@dataclass(frozen=True)
class Row:
    """Row ``i`` of a scored batch."""

    shared: "Batch"
    i: int

    @property
    def plain(self) -> bool:
        """True when the fast writers cover it (no waiver)."""
        return self.shared.plain and not (self.shared.waivers and self.shared.waivers[self.i])

    def report(self) -> GapReport:
        """The general path's GapReport of this row."""
        from ...vector.cards import card

        g = self.shared.gaps
        return analyse(card(g.batch, g.rubric, self.i))


class Batch:
    """A batch's gap arrays, its rows' per-measure lists, and per (measure, status, value cell) a Gap to word
    the texts with (``gap``)."""

    def __init__(self, gaps: BatchGaps):
        self.gaps = gaps
        b, v = gaps.batch, gaps.batch.values
        self.rubric = gaps.rubric
        self.order = [o[:n] for o, n in zip(gaps.order.tolist(), gaps.count.tolist())]
        self.status = b.status.tolist()
        self.recoverable = gaps.recoverable.tolist()
        self.score, self.weight = b.measure_score.tolist(), b.measure_weight.tolist()
        self.waivers = v.waivers
        self.plain = v.rows is not None and "value" in v.cells and bool((v.rows[v.present] >= 0).all())
        """Every value read from a value cell (a long table's batch): the texts can be keyed by the cells."""
        cells = np.full(v.present.shape, None, dtype=object)
        if self.plain:
            cells[v.present] = v.cells["value"][v.rows[v.present]]
        self.cells = cells.tolist()
        self._gaps: dict = {}
        self._excluded: dict | None = None
        self.memo: dict = {}
        """A format's own cache of texts, by its own keys."""

    def excluded(self, i: int) -> list[int]:
        """Row ``i``'s excluded measures' columns, in rubric order."""
        if self._excluded is None:
            rows, cols = np.nonzero(self.gaps.batch.status == STATUSES.index("excluded"))
            self._excluded = {}
            for r, c in zip(rows.tolist(), cols.tolist()):
                self._excluded.setdefault(r, []).append(c)
        return self._excluded.get(i, [])

    def gap(self, i: int, j: int) -> Gap:
        """A Gap (rank 0) for measure column ``j`` with row ``i``'s status and value: every text that depends
        on the measure and its value only is the same for any row with that value cell."""
        status, cell = self.status[i][j], self.cells[i][j]
        key = (j, status, cell)
        found = self._gaps.get(key)
        if found is None:
            found = self._gaps[key] = self._make(i, j, status)
        return found

    def _make(self, i: int, j: int, status: int) -> Gap:
        from ...vector.cards import entry

        g, m = self.gaps, self.rubric.measures[j]
        v = g.batch.values
        e = None if self.cells[i][j] is None else entry(v, m, int(v.rows[i, j]))
        frac = g.batch.measure_fraction[i, j]
        result = MeasureResult(m, e, STATUSES[status], None if np.isnan(frac) else float(frac), self.score[i][j],
                               m.points, self.weight[i][j], recoverable=self.recoverable[i][j])
        return Gap(0, result, aim(m, result.value))
