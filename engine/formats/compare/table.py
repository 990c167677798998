"""table: the comparison in the terminal (rich): league, heatmap of group attainment, trends."""
from __future__ import annotations

import io

from rich.markup import escape

from ...compare import Comparison, League, Trend
from ..common import num
from ..gaps.table_views import new_table
from ..words import ui_lang, word
from .common import attainment, delta_text, group_light, league_title, periods, slip_groups

NAME = "table"
SUFFIX = ".txt"
HEAT = {"green": "black on green", "yellow": "black on yellow", "orange": "black on dark_orange",
        "red": "white on red", None: "dim"}


def render(comparisons, lang: str | None = None, width: int = 120) -> str:
    from rich.console import Console

    buf = io.StringIO()
    show(comparisons, Console(file=buf, width=width, no_color=True, highlight=False), lang)
    return buf.getvalue()


def show(comparisons, console, lang: str | None = None) -> None:
    for c in comparisons:
        show_comparison(c, console, lang)


def show_comparison(c: Comparison, console, lang) -> None:
    lg = c.league
    ui = ui_lang(lang, lg.rubric)
    console.print(f"[bold]{escape(lg.rubric.title.get(lang))}[/] [dim]{lg.rubric.ref}[/]")
    console.print(league_table(lg, lang, ui, console.width >= 120))
    console.print(heatmap(lg, lang, ui))
    legend = " · ".join(f"{g.id} {g.label.get(lang)}" for g in lg.groups)
    console.print(f"[dim]{escape(legend)}[/]")
    if lg.absent:
        names = ", ".join(f"{a.submission.subject_name} ({word('latest', ui)} {a.submission.period})"
                          for a in lg.absent)
        console.print(f"[yellow]{escape(word('unranked', ui, period=lg.period))}:[/] {escape(names)}")
    for t in c.trends:
        console.print(trend_table(t, lang, ui, console.width >= 120))
        for s in t.steps:
            for title, slips in slip_groups(s, ui):
                console.print(slip_line(s, title, slips))
    console.print()


def league_table(lg: League, lang, ui: str, wide: bool = True):
    """Rank, subject, total, grade; with each top-level group's score when there is room (else see heatmap)."""
    t = new_table(escape(league_title(lg, ui)))
    mixed = len(lg.periods) > 1
    t.add_column(word("rank", ui), justify="right", no_wrap=True)
    t.add_column(word("subject", ui), ratio=2, min_width=6, overflow="fold")
    if mixed:
        t.add_column(word("period", ui), no_wrap=True)
    t.add_column(word("total", ui), justify="right", no_wrap=True)
    t.add_column(word("grade", ui), overflow="fold")
    groups = lg.groups if wide else ()
    for g in groups:
        t.add_column(g.id, justify="right", overflow="fold")
    for s in lg.standings:
        card = s.card
        grade = escape(card.grade.label.get(lang)) + (f" [red]{word('vetoed_short', ui)}[/]" if card.vetoed else "")
        scores = [num(card.group(g.id).score) if card.group(g.id).fraction is not None else "—" for g in groups]
        when = [escape(str(card.submission.period))] if mixed else []
        t.add_row(str(s.rank), escape(card.submission.subject_name), *when, f"[bold]{num(card.total)}[/]", grade,
                  *scores, style="red" if card.vetoed else None)
    return t


def heatmap(lg: League, lang, ui: str):
    t = new_table(f"{word('heatmap', ui)} (%)", expand=False)
    t.add_column(word("subject", ui), ratio=2, min_width=6, overflow="fold")
    for g in lg.groups:
        t.add_column(g.id, justify="right", no_wrap=True)
    for s in lg.standings:
        cells = []
        for g in lg.groups:
            pct = attainment(s.card, g.id)
            cells.append("—" if pct is None else f"[{HEAT[group_light(s.card, g.id)]}] {pct:.0f} [/]")
        t.add_row(escape(s.card.submission.subject_name), *cells)
    return t


def trend_table(tr: Trend, lang, ui: str, wide: bool = True):
    """A subject's totals period by period; group changes as numbers when wide, as arrows when not."""
    sid, name = tr.subject
    groups = [g.id for g in tr.steps[-1].groups]
    t = new_table(escape(f"{word('trends', ui)} · {name}"), expand=False)
    t.add_column(word("period", ui), no_wrap=True)
    t.add_column(word("total", ui), justify="right", no_wrap=True)
    t.add_column(word("change", ui), justify="right", no_wrap=True)
    t.add_column(word("grade", ui), overflow="fold")
    for gid in groups:
        t.add_column(gid, justify="right", no_wrap=True)
    cell = (lambda c: _arrow(delta_text(c))) if wide else (lambda c: _arrow(c.arrow))
    first = tr.cards[0]
    t.add_row(escape(str(first.submission.period)), num(first.total), "", escape(first.grade.label.get(lang)),
              *["" for _ in groups])
    for s in tr.steps:
        t.add_row(escape(str(s.after.submission.period)), num(s.after.total), _arrow(delta_text(s.total)),
                  escape(s.after.grade.label.get(lang)), *[cell(g) for g in s.groups])
    return t


def _arrow(text: str) -> str:
    style = "green" if text.startswith("↑") else "red" if text.startswith("↓") else "dim"
    return f"[{style}]{text}[/]"


def slip_line(s, title: str, slips):
    from rich.padding import Padding

    items = ", ".join(f"{x.id} {x.before * 100:.0f}%→{x.after * 100:.0f}%" for x in slips)
    return Padding(f"[red]{escape(title)}[/] ({escape(periods(s))}): {escape(items)}", (0, 0, 0, 2))
