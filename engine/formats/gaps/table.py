"""table: the gap report in the terminal (rich): total, path to the next grade, then the chosen views."""
from __future__ import annotations

import io

from rich.markup import escape

from ...gaps import GapReport
from ..common import num
from ..words import status_word, ui_lang, word
from . import table_views
from .common import next_text, owners_text, path_text, target_text, to_go_text, value_text
from .table_views import new_table

NAME = "table"
SUFFIX = ".txt"
MANY = 15
"""Above this many missing measures the terminal sums them up per top-level group."""


def render(reports, lang: str | None = None, by=("measure",), top: int | None = None, width: int = 120) -> str:
    from rich.console import Console

    buf = io.StringIO()
    show(reports, Console(file=buf, width=width, no_color=True, highlight=False), lang, by, top)
    return buf.getvalue()


def show(reports, console, lang: str | None = None, by=("measure",), top: int | None = None) -> None:
    for rep in reports:
        show_report(rep, console, lang, by, top)


def show_report(rep: GapReport, console, lang, by, top) -> None:
    ui = ui_lang(lang, rep.card.rubric)
    console.print(header(rep, lang, ui))
    style = "bold red" if rep.card.vetoed else "bold" if rep.next_grade else "green"
    console.print(f"[{style}]{escape(path_text(rep, ui))}[/]")
    if rep.next_grade and rep.next_grade.measures:
        from rich.padding import Padding

        console.print(Padding("→ " + ", ".join(rep.next_grade.measures), (0, 0, 0, 2), style="cyan"))
    views = {"measure": measure_view, "indicator": table_views.indicator_view, "owner": table_views.owner_view}
    for view in by:
        views[view](rep, console, lang, ui, top)
    console.print()


def header(rep: GapReport, lang, ui: str):
    from rich.text import Text

    card = rep.card
    sub = card.submission
    t = Text()
    t.append(sub.subject_name, style="bold")
    t.append(f" · {sub.period} · {card.rubric.title.get(lang)}\n")
    t.append(f"{word('total', ui)} {num(card.total)} / {num(card.max)}", style="bold")
    t.append(f"  {word('grade', ui)} ")
    t.append(card.grade.label.get(lang), style="bold " + ("red" if card.vetoed else "cyan"))
    t.append(f"   {word('recoverable', ui)} {num(rep.recoverable)}")
    return t


def measure_view(rep: GapReport, console, lang, ui: str, top) -> None:
    wide = console.width >= 100
    console.print(gaps_table(rep, lang, ui, top, wide))
    base = [i for i in rep.missing if not i.is_modifier]
    if base:
        console.print(missing_table(rep, lang, ui) if len(base) <= MANY else missing_summary(rep, base, lang, ui))
    mods = [i.id for i in rep.missing if i.is_modifier]
    if mods:
        console.print(f"[dim]{escape(word('modifiers_missing', ui))}: {', '.join(mods)}[/]")
    if rep.evidence:
        console.print(f"[yellow]{escape(word('evidence', ui))}:[/] {', '.join(m.id for m in rep.evidence)}")


def gaps_table(rep: GapReport, lang, ui: str, top, wide: bool = True):
    """The ranked gaps; below 100 columns the owners column is left to --by owner."""
    t = new_table(word("gaps", ui))
    t.add_column("#", justify="right", no_wrap=True)
    t.add_column(word("measure", ui), ratio=3, min_width=12, overflow="fold")
    for key in ("value", "target", "to_go"):
        t.add_column(word(key, ui), justify="right", overflow="fold")
    t.add_column(word("points", ui), justify="right", no_wrap=True)
    if wide:
        t.add_column(word("owners", ui), ratio=2, min_width=6, overflow="fold")
    path = rep.next_grade.measures if rep.next_grade else ()
    for g in rep.gaps[:top]:
        m, more, value = g.result, next_text(g, ui, " " if wide else "\n"), value_text(g.result, ui)
        cells = [str(g.rank), f"{'[cyan]▶[/] ' if g.id in path else ''}{g.id} {escape(m.measure.label.get(lang))}",
                 f"[magenta]{escape(value)}[/]" if m.entry is None else escape(value),
                 escape(target_text(g, ui)) + (f"\n[dim]{escape(more)}[/]" if more else ""),
                 escape(to_go_text(g, ui, " " if wide else "\n")), f"[bold]{num(g.recoverable)}[/]"]
        t.add_row(*cells, *([escape(owners_text(m, ui, rep.card.rubric))] if wide else []))
    if not rep.gaps:
        t.add_row("", word("none", ui))
    return t


def missing_table(rep: GapReport, lang, ui: str):
    t = new_table(word("missing", ui))
    t.add_column(word("measure", ui), ratio=3, min_width=12, overflow="fold")
    t.add_column(word("status", ui), overflow="fold")
    t.add_column(word("at_stake", ui), justify="right", no_wrap=True)
    t.add_column(word("owners", ui), ratio=2, min_width=6, overflow="fold")
    for i in rep.missing:
        if i.is_modifier:
            continue
        m = i.result
        t.add_row(f"{m.id} {escape(m.measure.label.get(lang))}", status_word(m.status, ui), num(i.at_stake),
                  escape(owners_text(m, ui, rep.card.rubric)))
    return t


def missing_summary(rep: GapReport, items, lang, ui: str):
    """Missing measures counted per top-level group, with the points at stake and their ids."""
    groups: dict[str, list] = {}
    for i in items:
        groups.setdefault(top_group(rep.card.rubric, i.id), []).append(i)
    t = new_table(f"{word('missing', ui)} ({len(items)})")
    t.add_column(word("group", ui), ratio=2, min_width=10, overflow="fold")
    t.add_column(word("items", ui), justify="right", no_wrap=True)
    t.add_column(word("at_stake", ui), justify="right", no_wrap=True)
    t.add_column(word("measure", ui), ratio=3, min_width=10, overflow="fold")
    for gid, its in groups.items():
        label = rep.card.rubric.by_id[gid].label.get(lang) if gid else ""
        t.add_row(f"{gid} {escape(label)}", str(len(its)), num(sum(i.at_stake or 0 for i in its)),
                  ", ".join(i.id for i in its))
    return t


def top_group(rubric, node_id: str) -> str:
    """The top-level group a node sits in ('' for a measure at the top)."""
    parents, node = rubric.parents, node_id
    while parents.get(node):
        node = parents[node]
    return node if node != node_id else ""
