"""table: filing progress in the terminal (rich): per subject a row per unit and its coverage, then every unit
across subjects, the one that owes most first."""
from __future__ import annotations

import io

from ...progress import Progress, SubjectProgress
from ...safe_text import console as new_console, styled, text
from ..gaps.table_views import new_table
from ..fit import column
from ..words import owner_name, word
from .common import COLUMNS, cover_text, figures, heading, silent_text, ui_of

NAME = "table"
SUFFIX = ".txt"


def render(prog: Progress, lang: str | None = None, width: int = 120) -> str:
    buf = io.StringIO()
    show(prog, new_console(buf, width=width, no_color=True), lang)
    return buf.getvalue()


def show(prog: Progress, console, lang: str | None = None) -> None:
    ui = ui_of(prog, lang)
    if not prog.subjects:
        console.print(text(word("progress_none", ui), "dim"))
        return
    for s in prog.subjects:
        show_subject(s, console, lang, ui)
    if len(prog.subjects) > 1:
        console.print(totals_table(prog, ui))
    console.print(text(word("progress_note", ui), "dim"))


def show_subject(s: SubjectProgress, console, lang, ui: str) -> None:
    console.print(unit_table(s, lang, ui) if s.units else text(heading(s, lang), "bold"))
    console.print(text(cover_text(s, ui), "bold" if s.missing or s.invalid else "green"))
    if s.filed_nothing:
        console.print(styled((f"{word('progress_silent', ui)}: ", "magenta"), silent_text(s, ui)))
    console.print()


def _head(t, first: str, ui: str, extra=()) -> None:
    column(t, first)
    for key in (*extra, *COLUMNS):
        column(t, word(key, ui), "right")


def unit_table(s: SubjectProgress, lang, ui: str):
    t = new_table(heading(s, lang))
    _head(t, word("progress_unit", ui), ui)
    column(t, word("progress_owes", ui))
    for u in s.units:
        style = "magenta" if u.filed_nothing else ""
        *counts, points = figures(u)
        t.add_row(text(owner_name(s.rubric, u.unit, ui), style), *counts, text(points, "bold"),
                  text(" ".join(u.owes)))
    return t


def totals_table(prog: Progress, ui: str):
    t = new_table(word("progress_totals", ui))
    _head(t, word("progress_unit", ui), ui, ("progress_subjects",))
    column(t, word("progress_nothing", ui), "right")
    for u in prog.units:
        *counts, points = figures(u)
        t.add_row(text(owner_name(u.rubric, u.unit, ui)), str(u.subjects), *counts, text(points, "bold"),
                  str(u.filed_nothing) if u.filed_nothing else "")
    return t
