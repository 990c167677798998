"""The charts of one report: attainment by dimension and indicator, gaps by recoverable points, and
recoverable points by responsible unit (inline SVG from engine.html.svg)."""
from __future__ import annotations

from ..formats.common import num
from ..formats.words import owner_name
from ..gaps import GapReport
from .page import esc
from .svg import LIGHTS, Bar, bars
from .words import w

TOP = 15
"""Gaps and units shown in their charts."""
STATUS_COLOURS = {"partial": LIGHTS["yellow"], "zero": LIGHTS["red"], "missing": LIGHTS[None]}


def figure(title: str, chart: str, legend: str = "", note: str = "") -> str:
    caption = f"<figcaption>{esc(note)}</figcaption>" if note else ""
    return f"<figure><h2>{esc(title)}</h2>{legend}{chart}{caption}</figure>"


def legend(names: str, classes: tuple[str, ...]) -> str:
    """A row of colour swatches from '|'-separated names."""
    items = "".join(f'<i class="l-{c}"></i>{esc(n)}' for n, c in zip(names.split("|"), classes))
    return f'<p class="legend">{items}</p>'


def attainment(rep: GapReport, ui: str, lang: str | None, depth: int) -> str:
    """One bar per group at ``depth`` (0: dimensions, 1: indicators), in traffic-light colours."""
    rows = [i for i in rep.indicators if i.depth == depth]
    if not rows:
        return ""
    g, y, o = rep.card.rubric.colors
    bars_ = [Bar(f"{i.result.id} {i.result.group.label.get(lang)}", i.pct or 0.0,
                 "—" if i.pct is None else f"{i.pct:.0f}% · {num(i.result.score)}/{num(i.result.max)}",
                 LIGHTS[i.light], strong=depth == 0) for i in rows]
    chart = bars(bars_, 100.0, w("dims" if depth == 0 else "inds", ui), track=True,
                 ticks=tuple((t, f"{t:g}%") for t in (o, y, g)), label_em=24 if depth == 0 else 20)
    key = legend(w("lights", ui, g=f"{g:g}", y=f"{y:g}", o=f"{o:g}"), ("green", "yellow", "orange", "red", "grey"))
    return figure(w("dims" if depth == 0 else "inds", ui), chart, key)


def gap_chart(rep: GapReport, ui: str, lang: str | None) -> str:
    """The biggest gaps, bar length = points of the total that full marks would recover."""
    gaps = [g for g in rep.gaps if g.recoverable > 1e-9][:TOP]
    if not gaps:
        return figure(w("gap_chart", ui), "", note=w("none", ui))
    rubric = rep.card.rubric
    rows = [Bar(f"{g.id} {g.result.measure.label.get(lang)}", g.recoverable, f"+{num(g.recoverable)}",
                STATUS_COLOURS.get(g.result.status, LIGHTS["orange"]),
                title=f"{g.id} {g.result.measure.label.get(lang)} · "
                      + "、".join(owner_name(rubric, u, lang or ui) for u in g.result.measure.owners))
            for g in gaps]
    chart = bars(rows, max(b.value for b in rows), w("gap_chart", ui), label_em=36)
    note = w("gap_note", ui, n=len(rep.gaps), points=num(rep.recoverable), top=len(rows))
    return figure(w("gap_chart", ui), chart, legend(w("gap_legend", ui), ("yellow", "red", "grey")), note)


def owner_chart(rep: GapReport, ui: str, lang: str | None) -> str:
    """Each unit's recoverable points as lead (dark) and as co-owner (light), biggest lead first."""
    units = [o for o in rep.owners if o.lead_points + o.co_points > 1e-9][:TOP]
    if not units:
        return ""
    rubric = rep.card.rubric
    rows = [Bar(owner_name(rubric, o.unit, lang or ui), o.lead_points,
                num(o.lead_points) + (f" + {num(o.co_points)}" if o.co_points > 1e-9 else ""), "#1e3a5f",
                rest=o.co_points) for o in units]
    chart = bars(rows, max(b.value + b.rest for b in rows), w("owner_chart", ui), label_em=20)
    return figure(w("owner_chart", ui), chart, legend(w("owner_legend", ui), ("lead", "co")), w("owner_note", ui))
