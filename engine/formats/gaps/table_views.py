"""The terminal views of a gap report by responsible unit and by indicator (rich)."""
from __future__ import annotations

from ...gaps import GapReport
from ...safe_text import BREAK as NEWLINE, joined, styled, text
from ..fit import column, fit_table
from ..plain_table import print_table
from ..common import num
from ..words import owner_name, word
from .common import target_text, value_text

LIGHT_STYLE = {"green": "green", "yellow": "yellow", "orange": "dark_orange", "red": "red", None: "dim"}


def new_table(title: str, expand: bool = True):
    """A table whose title is shown literally; add its columns with ``column``."""
    from rich import box

    return fit_table(title=text(title), title_justify="left", title_style="bold", expand=expand, box=box.SIMPLE_HEAD)


def light_cell(pct, light, width: int = 20):
    """A coloured bar and the percentage: '█████░░░  62.5%'."""
    if pct is None:
        return "—"
    full = round(max(0.0, min(pct, 100.0)) / 100 * width)
    return styled((f"{'█' * full}{'░' * (width - full)}", LIGHT_STYLE[light]), f" {pct:5.1f}%")


def indicator_view(rep: GapReport, console, lang, ui: str, top) -> None:
    t = new_table(word("by_indicator", ui))
    column(t, word("group", ui))
    column(t, word("score", ui), "right")
    column(t, word("attainment", ui))
    column(t, word("n_gaps", ui), "right")
    column(t, word("points", ui), "right")
    bar = 20 if console.width >= 120 else 10 if console.width >= 60 else 5
    for i in rep.indicators:
        g = i.result
        label = text(f"{'  ' * i.depth}{g.id} {g.group.label.get(lang)}", "bold" if i.depth == 0 else "")
        cell = light_cell(i.pct, i.light, bar) if i.pct is not None else text(word("excluded", ui), "dim")
        t.add_row(label, f"{num(g.score)}/{num(g.max)}", cell, str(i.gaps) if i.gaps else "",
                  num(i.recoverable) if i.gaps else "")
    print_table(console, t)


def owner_view(rep: GapReport, console, lang, ui: str, top) -> None:
    rubric = rep.card.rubric
    t = new_table(word("by_owner", ui))
    column(t, word("unit", ui))
    for key in ("lead", "lead_pts", "co", "co_pts", "missing_n"):
        column(t, word(key, ui), "right")
    for o in rep.owners:
        t.add_row(text(owner_name(rubric, o.unit, ui)), _n(len(o.lead)),
                  text(num(o.lead_points), "bold") if o.lead else "", _n(len(o.co)),
                  num(o.co_points) if o.co else "", _n(len(o.missing)))
    print_table(console, t)
    for o in rep.owners:
        if o.lead or o.co:
            print_table(console, unit_table(rep, o, lang, ui, top))
        extra = [f"{word('missing_n', ui)}: {', '.join(o.missing)}"] if o.missing else []
        extra += [f"{word('evidence', ui)}: {', '.join(o.evidence)}"] if o.evidence else []
        if extra:
            name = owner_name(rubric, o.unit, ui)
            console.print(styled((name, "magenta"), " — " + "; ".join(extra)))


def unit_table(rep: GapReport, o, lang, ui: str, top):
    t = new_table(unit_title(rep, o, ui))
    column(t, "")
    column(t, word("measure", ui))
    column(t, word("value", ui), "right")
    column(t, word("target", ui), "right")
    column(t, word("points", ui), "right")
    rows = [(word("lead", ui), g, "bold") for g in o.lead] + [(word("co", ui), g, "dim") for g in o.co]
    for role, g, style in rows[:top]:
        m = g.result
        t.add_row(text(role, style), text(f"{g.id} {m.measure.label.get(lang)}"), text(value_text(m, ui)),
                  text(target_text(g, ui)), text(num(g.recoverable), style))
    return t


def unit_title(rep: GapReport, o, ui: str) -> str:
    """'市统计局 (tjj) — 牵头 1 项 +8，配合 2 项 +4.67' (a part with nothing in it left out)."""
    parts = [f"{word(role, ui)} {len(gs)} {word('items', ui)} +{num(points)}"
             for role, gs, points in (("lead", o.lead, o.lead_points), ("co", o.co, o.co_points)) if gs]
    name = owner_name(rep.card.rubric, o.unit, ui) + (f" ({o.unit})" if o.unit else "")
    return f"{name} — " + ("，" if ui == "zh" else ", ").join(parts)


def _n(count: int) -> str:
    return str(count) if count else ""
