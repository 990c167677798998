"""What the terminal shows of a gap run past a screenful of submissions: after the first few gap reports (in
full), the rest are summed up per rubric: their totals and grades (as `score` sums them up), then the measures
where most points are lost across them and the units that own those points, and how to get every report.

The points come straight from a long table's arrays (engine.vector) where the submissions were scored together,
from each scorecard otherwise: no gap report is made for a submission that is not shown."""
from __future__ import annotations

from dataclasses import dataclass, field

from ...safe_text import text
from ..common import num
from ..table_rest import block
from ..words import owner_name, ui_lang, word
from .common import lead_text
from .table_views import column, new_table

TOP = 10
"""Measures (and units) listed in the summary."""


@dataclass
class Losses:
    """One rubric's rest: the heads, and per measure the points of the total lost and by how many."""

    rubric: object
    heads: list = field(default_factory=list)
    points: dict = field(default_factory=dict)
    """measure id -> points of the total full marks would recover, summed over the submissions."""
    short: dict = field(default_factory=dict)
    """measure id -> submissions below full marks on it."""

    def add(self, mid: str, points: float, short: int) -> None:
        if short:
            self.points[mid] = self.points.get(mid, 0.0) + points
            self.short[mid] = self.short.get(mid, 0) + short


class Rest:
    """Gathers the submissions past the screenful as they stream by (a scored batch's rows summed at the end,
    with numpy)."""

    def __init__(self):
        self.by_rubric: dict[str, Losses] = {}
        self._rows: dict[int, tuple] = {}
        """id(batch) -> (batch, rubric, [row])"""

    def add(self, outcome) -> None:
        head = outcome.head
        losses = self.by_rubric.setdefault(head.rubric.ref, Losses(head.rubric))
        losses.heads.append(head)
        if outcome.row is None:
            for m in outcome.card.measures:
                losses.add(m.id, m.recoverable, int(m.recoverable > 0))
            return
        batch, rubric, i = outcome.row
        if id(batch) not in self._rows:
            self.done()  # a big table's chunks come one after another: each summed (and let go) when the next comes
        self._rows.setdefault(id(batch), (batch, rubric, []))[2].append(i)

    def done(self) -> "Rest":
        """The batches' rows summed into their rubric's losses."""
        for batch, rubric, rows in self._rows.values():
            lost = batch.recoverable(rubric)[rows]
            losses = self.by_rubric[rubric.ref]
            for mid, points, short in zip(batch.measures, lost.sum(axis=0).tolist(), (lost > 0).sum(axis=0).tolist()):
                losses.add(mid, points, short)
        self._rows.clear()
        return self

    def __len__(self) -> int:
        return sum(len(v.heads) for v in self.by_rubric.values())


def show_rest(rest: Rest, shown: int, console, lang: str | None, by=("measure",)) -> None:
    first = next(iter(rest.done().by_rubric.values()))
    ui = ui_lang(lang, first.rubric)
    console.print(text(word("gaps_rest_title", ui, n=len(rest), shown=shown), "bold"))
    for losses in rest.by_rubric.values():
        for part in block(losses.heads, lang):
            console.print(part)
        console.print(measures_lost(losses, lang))
        if "owner" in by:
            console.print(owners_lost(losses, lang))
    console.print(text(word("gaps_rest_how", ui), "yellow"))


def measures_lost(losses: Losses, lang: str | None):
    """The measures that lose the most points over the rest: how many fall short, the points lost on average
    and in all, and the lead unit."""
    rubric, n = losses.rubric, len(losses.heads)
    ui = ui_lang(lang, rubric)
    t = new_table(word("gaps_rest_measures", ui, top=TOP, n=n))
    column(t, word("measure", ui))
    for key in ("gaps_rest_short", "gaps_rest_mean", "gaps_rest_sum"):
        column(t, word(key, ui), "right")
    column(t, word("owners", ui))
    ranked = sorted(losses.points.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP]
    for mid, points in ranked:
        m = rubric.by_id[mid]
        lead = lead_text(m.owners, ui, rubric)
        t.add_row(text(f"{mid} {m.label.get(lang)}"), f"{losses.short[mid]:,}", num(points / n), f"{points:,.1f}",
                  text(lead))
    if not ranked:
        t.add_row(word("none", ui))
    return t


def owners_lost(losses: Losses, lang: str | None):
    """Each lead unit's points lost over the rest (a measure's points count for its lead unit)."""
    rubric, n = losses.rubric, len(losses.heads)
    ui = ui_lang(lang, rubric)
    units: dict[str, list] = {}
    for mid, points in losses.points.items():
        owners = rubric.by_id[mid].owners
        held = units.setdefault(owners[0] if owners else "", [0, 0.0])
        held[0] += 1
        held[1] += points
    t = new_table(word("gaps_rest_owners", ui, top=TOP, n=n))
    column(t, word("unit", ui))
    for key in ("items", "gaps_rest_mean", "gaps_rest_sum"):
        column(t, word(key, ui), "right")
    for unit, (items, points) in sorted(units.items(), key=lambda kv: (-kv[1][1], kv[0]))[:TOP]:
        t.add_row(text(owner_name(rubric, unit, ui)), str(items), num(points / n), f"{points:,.1f}")
    return t
