"""What the gap formats share to write a long table's rows from its scored batch (engine.vector.gaps) rather
than from a Scorecard and GapReport per subject.

``units(items)`` turns what a gap format is given (GapReports, or ``Runs`` of engine.outcome.Cards.runs())
into a stream of Report (a GapReport) and Row (one batch row); a Row is written from the batch's arrays and
per-measure texts worked out once for each (measure, status, value cell) by the general functions, so the
text is theirs.  A row the fast writers do not cover (one with waivers) goes the general way: ``Row.report``.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from ...gaps import Gap, GapReport, analyse
from ...parallel import relax_gc
from ...results import STATUSES, MeasureResult
from ...targets import aim
from ...vector.gaps import BatchGaps
from .runs import Runs

MISSING_AT, EXCLUDED_AT = STATUSES.index("missing"), STATUSES.index("excluded")


def units(items):
    """Report or Row for each submission, in order, made as they are iterated."""
    if not isinstance(items, Runs):
        yield from items
        return
    for run in items.runs:
        if run[0] == "cards":
            yield from (analyse(c) for c in run[1])
        else:
            relax_gc(len(run[1]))  # the rows' texts are made of many small lists and tuples, none in a cycle
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
        self._excluded = self._absent = self._bare = None
        self.memo: dict = {}
        """A format's own cache of texts, by its own keys."""

    def excluded(self, i: int) -> list[int]:
        """Row ``i``'s excluded measures' columns, in rubric order."""
        if self._excluded is None:
            self._excluded = _by_row(self.gaps.batch.status == EXCLUDED_AT)
        return self._excluded.get(i, [])

    def absent(self, i: int) -> list[int]:
        """Row ``i``'s missing and excluded measures' columns, in rubric order."""
        if self._absent is None:
            self._absent = _by_row(np.isin(self.gaps.batch.status, (MISSING_AT, EXCLUDED_AT)))
        return self._absent.get(i, [])

    def bare(self, i: int) -> list[int]:
        """Row ``i``'s measures with evidence: required submitted without any (engine.gaps.lacking_evidence)."""
        if self._bare is None:
            self._bare = _by_row(self._bare_mask())
        return self._bare.get(i, [])

    def _bare_mask(self) -> np.ndarray:
        from ...table_rows import SPLIT

        v = self.gaps.batch.values
        need = np.array([m.evidence == "required" for m in self.rubric.measures], dtype=bool)
        out = np.zeros(v.present.shape, dtype=bool)
        if not need.any():
            return out
        texts = v.cells.get("evidence")
        given = v.present & need[None, :]
        if texts is None:
            return given
        cells = texts[v.rows[given]].tolist()
        empty = {t: not any(s.strip() for s in SPLIT.split(t)) for t in set(cells)}
        out[given] = [empty[t] for t in cells]
        return out

    @cached_property
    def aims(self):
        from .aims import Aims

        return Aims(self.gaps.batch, self.rubric)

    def key(self, i: int, j: int) -> tuple:
        """What a gap's texts other than its value, distance and % depend on: (measure, status, the step its
        value reached) for a number read plainly (``number`` then gives them), else (measure, status, cell)."""
        a = self.aims
        if a.numeric[j] and a.values[i][j] is not None:
            return (j, self.status[i][j], a.steps[i][j], True)
        return (j, self.status[i][j], self.cells[i][j], False)

    def gap(self, i: int, j: int) -> Gap:
        """A Gap (rank 0) for measure column ``j`` with row ``i``'s status and value: every text that depends
        on the measure and its value only is the same for any row with that value cell."""
        key = self.key(i, j)
        found = self._gaps.get(key)
        if found is None:
            found = self._gaps[key] = self._make(i, j, self.status[i][j])
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


def missing(b: Batch, i: int) -> list[tuple[int, float | None]]:
    """(measure column, points at stake) of row ``i``'s measures without a value (engine.gap_views.missing)."""
    from ... import methods
    from ...gap_views import nominal_weights

    if "nominal" not in b.memo:
        b.memo["nominal"] = nominal_weights(b.rubric)
        b.memo["bonus"] = [methods.get(m.method).KIND == "bonus" for m in b.rubric.measures]
    nominal, bonus, measures = b.memo["nominal"], b.memo["bonus"], b.rubric.measures
    out = []
    for j in b.absent(i):
        m = measures[j]
        stake = m.params.get("cap") if bonus[j] else None if m.is_modifier else \
            b.recoverable[i][j] if b.status[i][j] == MISSING_AT else nominal[m.id]
        out.append((j, stake))
    return out


def _by_row(mask: np.ndarray) -> dict[int, list[int]]:
    """row -> the columns where ``mask`` holds, in order."""
    out: dict[int, list[int]] = {}
    rows, cols = np.nonzero(mask)
    for r, c in zip(rows.tolist(), cols.tolist()):
        out.setdefault(r, []).append(c)
    return out


def owners(b: Batch, i: int) -> list[tuple]:
    """(unit, lead gap columns, co gap columns, missing ids, evidence ids, lead points, co points) of row ``i``,
    ranked as engine.gap_views.owners ranks them (units with nothing to do left out)."""
    measures, g = b.rubric.measures, b.gaps
    lead: dict[str, list] = {}
    co: dict[str, list] = {}
    for j in b.order[i]:
        names = measures[j].owners or ("",)
        lead.setdefault(names[0], []).append(j)
        for unit in names[1:]:
            co.setdefault(unit, []).append(j)
    absent: dict[str, tuple] = {}
    for j in b.absent(i):
        if not measures[j].is_modifier:
            absent[g.lead_unit[j]] = absent.get(g.lead_unit[j], ()) + (measures[j].id,)
    bare: dict[str, tuple] = {}
    for j in b.bare(i):
        bare[g.lead_unit[j]] = bare.get(g.lead_unit[j], ()) + (measures[j].id,)
    order = list(b.rubric.units) + [""]
    units = [u for u in order if u in lead or u in co or u in absent or u in bare]
    units += sorted({*lead, *co, *absent, *bare} - set(units))
    points = g.unit_points
    out = [(u, lead.get(u, []), co.get(u, []), absent.get(u, ()), bare.get(u, ()),
            float(points[u][0][i]) if u in points else 0.0, float(points[u][1][i]) if u in points else 0.0)
           for u in units]
    return sorted(out, key=lambda o: (-round(o[5], 9), -round(o[6], 9)))
