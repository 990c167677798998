"""The terminal views of a gap report by responsible unit and by indicator (rich)."""
from __future__ import annotations

from rich.markup import escape

from ...gaps import GapReport
from ..common import num
from ..words import owner_name, word
from .common import target_text, value_text

LIGHT_STYLE = {"green": "green", "yellow": "yellow", "orange": "dark_orange", "red": "red", None: "dim"}


def new_table(title: str, expand: bool = True):
    from rich import box
    from rich.table import Table

    return Table(title=title, title_justify="left", title_style="bold", expand=expand, box=box.SIMPLE_HEAD)


def light_cell(pct, light, width: int = 20) -> str:
    """A coloured bar and the percentage: '█████░░░  62.5%'."""
    if pct is None:
        return "—"
    full = round(max(0.0, min(pct, 100.0)) / 100 * width)
    return f"[{LIGHT_STYLE[light]}]{'█' * full}{'░' * (width - full)}[/] {pct:5.1f}%"


def indicator_view(rep: GapReport, console, lang, ui: str, top) -> None:
    t = new_table(word("by_indicator", ui))
    t.add_column(word("group", ui), ratio=3, min_width=12, overflow="fold")
    t.add_column(word("score", ui), justify="right", no_wrap=True)
    t.add_column(word("attainment", ui), no_wrap=True)
    t.add_column(word("n_gaps", ui), justify="right", no_wrap=True)
    t.add_column(word("points", ui), justify="right", no_wrap=True)
    bar = 20 if console.width >= 120 else 10
    for i in rep.indicators:
        g = i.result
        label = f"{'  ' * i.depth}{g.id} {escape(g.group.label.get(lang))}"
        cell = light_cell(i.pct, i.light, bar) if i.pct is not None else f"[dim]{word('excluded', ui)}[/]"
        t.add_row(f"[bold]{label}[/]" if i.depth == 0 else label, f"{num(g.score)}/{num(g.max)}", cell,
                  str(i.gaps) if i.gaps else "", num(i.recoverable) if i.gaps else "")
    console.print(t)


def owner_view(rep: GapReport, console, lang, ui: str, top) -> None:
    rubric = rep.card.rubric
    t = new_table(word("by_owner", ui))
    t.add_column(word("unit", ui), ratio=3, min_width=10, overflow="fold")
    for key in ("lead", "lead_pts", "co", "co_pts", "missing_n"):
        t.add_column(word(key, ui), justify="right", overflow="fold")
    for o in rep.owners:
        t.add_row(escape(owner_name(rubric, o.unit, ui)), _n(len(o.lead)),
                  f"[bold]{num(o.lead_points)}[/]" if o.lead else "", _n(len(o.co)),
                  num(o.co_points) if o.co else "", _n(len(o.missing)))
    console.print(t)
    for o in rep.owners:
        if o.lead or o.co:
            console.print(unit_table(rep, o, lang, ui, top))
        extra = [f"{word('missing_n', ui)}: {', '.join(o.missing)}"] if o.missing else []
        extra += [f"{word('evidence', ui)}: {', '.join(o.evidence)}"] if o.evidence else []
        if extra:
            name = owner_name(rubric, o.unit, ui)
            console.print(f"[magenta]{escape(name)}[/] — " + escape("; ".join(extra)))


def unit_table(rep: GapReport, o, lang, ui: str, top):
    t = new_table(escape(unit_title(rep, o, ui)))
    t.add_column("", no_wrap=True)
    t.add_column(word("measure", ui), ratio=1, min_width=12, overflow="fold")
    t.add_column(word("value", ui), justify="right", overflow="fold")
    t.add_column(word("target", ui), justify="right", overflow="fold")
    t.add_column(word("points", ui), justify="right", no_wrap=True)
    rows = [(word("lead", ui), g, "bold") for g in o.lead] + [(word("co", ui), g, "dim") for g in o.co]
    for role, g, style in rows[:top]:
        m = g.result
        t.add_row(f"[{style}]{role}[/]", f"{g.id} {escape(m.measure.label.get(lang))}", escape(value_text(m, ui)),
                  escape(target_text(g, ui)), f"[{style}]{num(g.recoverable)}[/]")
    return t


def unit_title(rep: GapReport, o, ui: str) -> str:
    """'市统计局 (tjj) — 牵头 1 项 +8，配合 2 项 +4.67' (a part with nothing in it left out)."""
    parts = [f"{word(role, ui)} {len(gs)} {word('items', ui)} +{num(points)}"
             for role, gs, points in (("lead", o.lead, o.lead_points), ("co", o.co, o.co_points)) if gs]
    name = owner_name(rep.card.rubric, o.unit, ui) + (f" ({o.unit})" if o.unit else "")
    return f"{name} — " + ("，" if ui == "zh" else ", ").join(parts)


def _n(count: int) -> str:
    return str(count) if count else ""
