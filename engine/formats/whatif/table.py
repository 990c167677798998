"""table: a what-if in the terminal (rich): total and grade before → after, the changed measures, the units.

The cells are shared with the Markdown view (line, change_cells, unit_cells)."""
from __future__ import annotations

import io

from ...panels import signed, stage_value
from ...safe_text import console as new_console, text
from ...whatif import MeasureChange, UnitChange, WhatIf
from ..common import num
from ..fit import column, fit_table
from ..words import owner_name, ui_lang, word

NAME = "table"
SUFFIX = ".txt"
CHANGE_KEYS = (("id", "left"), ("measure", "left"), ("whatif_before", "right"), ("whatif_after", "right"),
               ("whatif_points", "right"), ("whatif_delta", "right"))
UNIT_KEYS = (("whatif_unit", "left"), ("whatif_leads", "left"), ("whatif_shares", "left"), ("whatif_delta", "right"))


def render(result: WhatIf, lang: str | None = None, width: int = 80) -> str:
    buf = io.StringIO()
    show(result, new_console(buf, width=width, no_color=True), lang)
    return buf.getvalue()


def show(result: WhatIf, console, lang: str | None = None) -> None:
    ui = ui_lang(lang, result.before.rubric)
    sub = result.before.submission
    console.print(text(f"{word('whatif_title', ui)}: {sub.subject_name}  {sub.period}  "
                       f"{result.before.rubric.title.get(lang)}", "bold"))
    console.print(text(line(result, lang), "bold"))
    console.print(_table(word("whatif_changes", ui), CHANGE_KEYS, ui,
                         [change_cells(c, result, lang) for c in result.changes]))
    if result.units:
        console.print(_table(word("whatif_units", ui), UNIT_KEYS, ui,
                             [unit_cells(u, result, lang) for u in result.units]))
    console.print(text(word("whatif_note", ui), "dim"))


def _table(title: str, keys, ui: str, rows):
    t = fit_table(title=title, title_justify="left")
    for key, just in keys:
        column(t, word(key, ui), just)
    for cells in rows:
        delta = cells[-1]
        style = "green" if delta.startswith("+") else "red" if delta.startswith("−") else ""
        t.add_row(*map(text, cells[:-1]), text(delta, style))
    return t


def line(result: WhatIf, lang: str | None) -> str:
    """'总分 72 → 80 (+8) · 等级 良好 → 优秀'."""
    b, a = result.before, result.after
    ui = ui_lang(lang, b.rubric)
    return word("whatif_line", ui, total=word("total", ui), before=num(b.total), after=num(a.total),
                delta=signed(result.delta), grade=word("grade", ui), grade_before=b.grade.label.get(lang),
                grade_after=a.grade.label.get(lang))


def change_cells(c: MeasureChange, result: WhatIf, lang: str | None) -> tuple[str, ...]:
    """id, label, value before, value after, own points before → after, delta in points of the total."""
    m = result.before.rubric.by_id[c.id]
    ui = ui_lang(lang, result.before.rubric)
    return (c.id, m.label.get(lang), stage_value(c.before, m, ui), stage_value(c.after, m, ui),
            f"{num(c.score_before)} → {num(c.score_after)}", signed(c.delta))


def unit_cells(u: UnitChange, result: WhatIf, lang: str | None) -> tuple[str, ...]:
    """unit name, the changed measures it leads, those it shares, the sum of their deltas."""
    ui = ui_lang(lang, result.before.rubric)
    return (owner_name(result.before.rubric, u.unit, ui), " ".join(u.leads) or "—", " ".join(u.shares) or "—",
            signed(u.delta))
