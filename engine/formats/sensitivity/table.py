"""table: a robustness analysis in the terminal (rich): per subject its rank, median rank, 5–95% interval,
plain grade and the probability of each grade; the unranked (数据不足) listed apart."""
from __future__ import annotations

import io
from typing import TYPE_CHECKING

from ...safe_text import console as new_console, text
from ..common import num
from ..fit import column, fit_table
from ..words import ui_lang, word

if TYPE_CHECKING:  # engine.sensitivity imports numpy: the full app must not load it for validate
    from ...sensitivity import Sensitivity

NAME = "table"
SUFFIX = ".txt"


SCREENFUL = 25
"""Subjects a terminal lists whole; past it, the top TOP and the bottom BOTTOM, and the WIDEST least certain."""
TOP, BOTTOM, WIDEST = 10, 5, 5


def render(results, lang: str | None = None, width: int = 100) -> str:
    buf = io.StringIO()
    show(results, new_console(buf, width=width, no_color=True), lang, whole=True)
    return buf.getvalue()


def show(results, console, lang: str | None = None, whole: bool = False) -> None:
    for s in results:
        show_one(s, console, lang, whole)


def show_one(s: Sensitivity, console, lang: str | None = None, whole: bool = True) -> None:
    ui = ui_lang(lang, s.rubric)
    console.print(text(f"{word('sens_title', ui)}: {s.rubric.title.get(lang)}  {s.rubric.ref}", "bold"))
    console.print(text(line(s, ui), "dim"))
    ranked = [i for i in range(len(s.subjects)) if s.ranked[i]]
    if ranked and not whole and len(ranked) > SCREENFUL:
        ranked.sort(key=lambda i: int(s.rank[i]))
        from ..table_rest import ends

        console.print(_table(s, ends(ranked, TOP, BOTTOM), lang, ui, ranked=True))
        wide = sorted(ranked, key=lambda i: (-(float(s.high[i]) - float(s.low[i])), int(s.rank[i])))[:WIDEST]
        console.print(_table(s, wide, lang, ui, ranked=True, title=word("sens_widest", ui, n=WIDEST)))
        console.print(text(word("sens_how", ui, n=len(ranked), shown=TOP + BOTTOM), "yellow"))
    elif ranked:
        console.print(_table(s, ranked, lang, ui, ranked=True))
    else:
        console.print(text(word("sens_none_ranked", ui), "yellow"))
    low = [i for i in range(len(s.subjects)) if not s.ranked[i]]
    if low:
        console.print(_table(s, low, lang, ui, ranked=False, title=word("sens_unranked", ui)))
    console.print(text(word("sens_note", ui), "dim"))


def line(s: Sensitivity, ui: str) -> str:
    return word("sens_line", ui, runs=s.runs, lo=num(1 - s.weights), hi=num(1 + s.weights),
                raters=word("sens_raters", ui) if s.raters else "", seed="—" if s.seed is None else s.seed)


def _table(s: Sensitivity, rows: list[int], lang, ui: str, ranked: bool, title: str | None = None):
    t = fit_table(title=title, title_justify="left")
    heads = [("sens_rank", "right"), ("subject", "left"), ("sens_median", "right"), ("sens_interval", "right"),
             ("sens_grade", "left")] if ranked else [("subject", "left"), ("sens_grade", "left")]
    for key, just in heads:
        column(t, word(key, ui), just)
    for g in s.rubric.grades:
        column(t, g.label.get(lang), "right")
    for i in rows:
        if i is None:
            t.add_row("…", text(word("rest_between", ui, n=sum(1 for x in s.ranked if x) - TOP - BOTTOM)))
            continue
        grade = s.rubric.grades[int(s.grade[i])].label.get(lang)
        cells = ([str(int(s.rank[i])), str(s.names[i]), num(float(s.median[i])),
                  f"{num(float(s.low[i]))}–{num(float(s.high[i]))}", grade] if ranked else [str(s.names[i]), grade])
        t.add_row(*map(text, cells + [percent(p) for p in s.grades[i]]))
    return t


def percent(p: float) -> str:
    """'—' for never, '<1%' / '>99%' near the ends, else a whole percent."""
    if p <= 0:
        return "—"
    if p >= 1:
        return "100%"
    return "<1%" if p < 0.01 else ">99%" if p > 0.99 else f"{round(p * 100)}%"
