"""table: the gap report in the terminal (rich): total, path to the next grade, then the chosen views."""
from __future__ import annotations

import io
from functools import partial

from ...gaps import GapReport
from ...safe_text import BREAK, console as new_console, styled, text
from ..common import coverage_text, num
from ..plain_table import print_table
from ..table import show_stages, show_waivers, then
from .. import display
from ..words import ui_lang, word
from . import table_views
from .common import next_parts, owners_text, path_text, target_text, to_go_parts, value_text
from .table_views import NEWLINE, column, joined, new_table

NAME = "table"
SUFFIX = ".txt"
MANY = 15
"""Above this many missing measures the terminal sums them up per top-level group."""


def render(reports, lang: str | None = None, by=("measure",), top: int | None = None, width: int = 120) -> str:
    return "".join(chunks(reports, lang, by, top, width))


def chunks(reports, lang: str | None = None, by=("measure",), top: int | None = None, width: int = 120):
    """The reports as ``show`` prints them at ``width`` columns, a report at a time; a long table's batches
    (``Runs``) on both cores, a slice of rows at a time (engine.formats.forked)."""
    from .runs import Runs

    if isinstance(reports, Runs):
        from ..forked import texts

        return texts(_Cards(reports), partial(_cards_text, lang=lang, by=by, top=top, width=width))
    return _each(reports, lang, by, top, width)


class _Cards:
    """What forked.texts reads of the pipeline's Cards: the runs of scorecards and batches (once)."""

    def __init__(self, runs):
        self._runs = runs.runs

    def runs(self):
        return iter(self._runs)


def _cards_text(cards, lang: str | None, by, top: int | None, width: int) -> str:
    """The gap reports of ``cards`` as chunks writes them (a fresh console stands as one after a report: each
    ends its line)."""
    from ...gaps import analyse

    return "".join(_each((analyse(c) for c in cards), lang, by, top, width))


def _each(reports, lang: str | None, by, top: int | None, width: int):
    buf = io.StringIO()
    console = new_console(buf, width=width, no_color=True)
    for rep in reports:
        show_report(rep, console, lang, by, top)
        yield buf.getvalue()
        buf.seek(0)
        buf.truncate()


def show(reports, console, lang: str | None = None, by=("measure",), top: int | None = None) -> None:
    """Every gap report in full; on a terminal (``reports`` the pipeline's Cards), every one in full up to a screenful, past it the first SHOWN in full and
    the rest summed up (engine.formats.gaps.rest), no gap report made for those."""
    if not hasattr(reports, "scored"):
        for rep in reports:
            show_report(rep, console, lang, by, top)
        return
    from ...gaps import analyse
    from ..table_rest import split
    from .rest import Rest, show_rest

    whole, more = split(reports.scored())
    for o in whole:
        show_report(analyse(o.card), console, lang, by, top)
    rest = Rest()
    for o in more:
        rest.add(o)
    if len(rest):
        show_rest(rest, len(whole), console, lang, by)


def show_report(rep: GapReport, console, lang, by, top) -> None:
    ui = ui_lang(lang, rep.card.rubric)
    console.print(header(rep, lang, ui, console.width))
    show_stages(rep.card, console, lang)
    style = "bold red" if rep.card.vetoed else "bold" if rep.next_grade else "green"
    console.print(text(path_text(rep, ui), style))
    if rep.next_grade and rep.next_grade.measures:
        from rich.padding import Padding

        console.print(Padding(text("→ " + ", ".join(rep.next_grade.measures)), (0, 0, 0, 2), style="cyan"))
    views = {"measure": measure_view, "indicator": table_views.indicator_view, "owner": table_views.owner_view}
    for view in by:
        views[view](rep, console, lang, ui, top)
    show_waivers(rep.card, console, lang)  # not gaps, but never hidden (SPEC 9), whatever the view
    console.print()


def header(rep: GapReport, lang, ui: str, width: int = 120):
    card = rep.card
    sub = card.submission
    totals = styled((f"{word('total', ui)} {num(card.total)} / {num(card.max)}", "bold"), f"  {word('grade', ui)} ",
                    (card.grade.label.get(lang), "bold " + ("red" if card.vetoed else "cyan")),
                    f"   {word('recoverable', ui)} {num(rep.recoverable)}")
    return styled((sub.subject_name, "bold"), f" · {sub.period} · {card.rubric.title.get(lang)}", BREAK,
                  *then(totals, coverage_text(card, ui), width))


def measure_view(rep: GapReport, console, lang, ui: str, top) -> None:
    wide = console.width >= 100
    print_table(console, gaps_table(rep, lang, ui, top, wide))
    base = [i for i in rep.missing if not i.is_modifier]
    if base:
        print_table(console, missing_table(rep, lang, ui) if len(base) <= MANY else missing_summary(rep, base, lang, ui))
    mods = [i.id for i in rep.missing if i.is_modifier]
    if mods:
        console.print(text(f"{word('modifiers_missing', ui)}: {', '.join(mods)}", "dim"))
    if rep.evidence:
        console.print(styled((f"{word('evidence', ui)}:", "yellow"), f" {', '.join(m.id for m in rep.evidence)}"))


def gaps_table(rep: GapReport, lang, ui: str, top, wide: bool = True):
    """The ranked gaps, every column at any width (narrow: the next step and the % on lines of their own)."""
    t = new_table(word("gaps", ui))
    column(t, "#", "right")
    column(t, word("measure", ui))
    for key in ("value", "target", "to_go", "points"):
        column(t, word(key, ui), "right")
    column(t, word("owners", ui))
    path = rep.next_grade.measures if rep.next_grade else ()
    sep = " " if wide else NEWLINE
    for g in rep.gaps[:top]:
        m, more = g.result, next_parts(g, ui)
        t.add_row(str(g.rank), styled(("▶ ", "cyan") if g.id in path else "", f"{g.id} {m.measure.label.get(lang)}"),
                  text(value_text(m, ui), "magenta" if m.entry is None else ""),
                  styled(target_text(g, ui), *((NEWLINE, *joined(more, sep, "dim")) if more else ())),
                  styled(*joined(to_go_parts(g, ui), sep)), text(num(g.recoverable), "bold"),
                  text(owners_text(m, ui, rep.card.rubric)))
    if not rep.gaps:
        t.add_row("", word("none", ui))
    return t


def missing_table(rep: GapReport, lang, ui: str):
    t = new_table(word("missing", ui))
    column(t, word("measure", ui))
    column(t, word("status", ui))
    column(t, word("at_stake", ui), "right")
    column(t, word("owners", ui))
    for i in rep.missing:
        if i.is_modifier:
            continue
        m = i.result
        t.add_row(text(f"{m.id} {m.measure.label.get(lang)}"), display.status(m.status, ui), num(i.at_stake),
                  text(owners_text(m, ui, rep.card.rubric)))
    return t


def missing_summary(rep: GapReport, items, lang, ui: str):
    """Missing measures counted per top-level group, with the points at stake and their ids."""
    groups: dict[str, list] = {}
    for i in items:
        groups.setdefault(top_group(rep.card.rubric, i.id), []).append(i)
    t = new_table(f"{word('missing', ui)} ({len(items)})")
    column(t, word("group", ui))
    column(t, word("items", ui), "right")
    column(t, word("at_stake", ui), "right")
    column(t, word("measure", ui))
    for gid, its in groups.items():
        label = rep.card.rubric.by_id[gid].label.get(lang) if gid else ""
        t.add_row(text(f"{gid} {label}"), str(len(its)), num(sum(i.at_stake or 0 for i in its)),
                  text(", ".join(i.id for i in its)))
    return t


def top_group(rubric, node_id: str) -> str:
    """The top-level group a node sits in ('' for a measure at the top)."""
    parents, node = rubric.parents, node_id
    while parents.get(node):
        node = parents[node]
    return node if node != node_id else ""
