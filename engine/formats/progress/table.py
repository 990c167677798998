"""table: filing progress in the terminal (rich), in one of three views (see common.VIEWS): the summary (a row
per subject and period, then every unit across them, the one that owes most first), the detail (per subject a
row per unit and its coverage) or one unit's list of what it still owes (duties)."""
from __future__ import annotations

import io

from ...progress import Progress, SubjectProgress, duties
from ...safe_text import console as new_console, styled, text
from ..common import num, pct
from ..fit import column
from ..gaps.table_views import new_table
from ..words import owner_name, word
from .common import COLUMNS, SHOWN_IDS, SUMMARY, by_rubric, cover_text, duties_text, figures, heading, owes_text, silent_short, \
    silent_text, subject_figures, summary_title, ui_of, view_of

NAME = "table"
SUFFIX = ".txt"
SCREENFUL = 20
"""Subjects a terminal's summary lists whole; past it, the BEHIND furthest behind."""
BEHIND = 15
DETAIL = 5
"""Subjects a terminal's --detail shows past a screenful."""
DUTY_ROWS = 40
"""Rows of a unit's list a terminal shows."""
NAME_CELLS = {"zh": 16, "en": 12}
"""A summary row cuts the name of the first unit that filed nothing to this many cells (a hint: --detail and
the machine formats have them all), so that at 80 columns the row stays two lines."""
WIDE = 100
"""From this console width on, a unit row lists SHOWN_IDS measure ids it owes and how many in all; below it
one fewer and '…' (its missing and invalid columns give the count), so that at 80 columns it stays two lines."""


def render(prog: Progress, lang: str | None = None, width: int = 120, view: str | None = None) -> str:
    buf = io.StringIO()
    show(prog, new_console(buf, width=width, no_color=True), lang, view, whole=True)
    return buf.getvalue()


def show(prog: Progress, console, lang: str | None = None, view: str | None = None, whole: bool = False) -> None:
    """The chosen view; on a terminal (not ``whole``) past a screenful, the subjects furthest behind (summary),
    the first few subjects (detail) or the first rows (duties), and what the rest are."""
    ui = ui_of(prog, lang)
    if not prog.subjects:
        console.print(text(word("progress_none", ui), "dim"))
        return
    view = view_of(prog, view)
    if view == "duties":
        show_duties(prog, console, ui, None if whole else DUTY_ROWS)
        return
    if view == "summary":
        for rubric, subjects in by_rubric(prog):
            shown = subjects if whole or len(subjects) <= SCREENFUL else behind(subjects)
            console.print(summary_table(rubric, shown, lang, ui, len(subjects)))
            if len(shown) < len(subjects):
                console.print(text(rest_line(subjects, shown, ui), "yellow"))
    else:
        shown = prog.subjects if whole or len(prog.subjects) <= DETAIL else prog.subjects[:DETAIL]
        for s in shown:
            show_subject(s, console, lang, ui, console.width >= WIDE)
        if len(shown) < len(prog.subjects):
            console.print(text(rest_line(prog.subjects, shown, ui, "progress_rest_detail"), "yellow"))
    if len(prog.subjects) > 1:
        console.print(totals_table(prog, ui))
    console.print(text(word("progress_note", ui), "dim"))
    if view == "summary":
        console.print(text(word("progress_hint", ui), "dim"))


def show_subject(s: SubjectProgress, console, lang, ui: str, wide: bool = True) -> None:
    console.print(unit_table(s, lang, ui, wide) if s.units else text(heading(s, lang), "bold"))
    console.print(text(cover_text(s, ui), "bold" if s.missing or s.invalid else "green"))
    if s.filed_nothing:
        console.print(styled((f"{word('progress_silent', ui)}: ", "magenta"), silent_text(s, ui)))
    console.print()


def new_progress_table(title: str):
    """A table whose columns share their padding (one space and the rule between them, not three): the
    units' names are long and the figures narrow, so at 80 columns a name keeps some 20 cells."""
    t = new_table(title)
    t.collapse_padding = True
    return t


def tight(t):
    """``t`` with each figure column (right-justified) no wider than its longest cell or the longest word of its
    header (an English header folds at its spaces: 'points / missing'), so the names get the room."""
    from rich.cells import cell_len

    for c in t.columns:
        if c.justify == "right":
            words = str(c.header).split() or [""]
            c.max_width = max([cell_len(w) for w in words] + [cell_len(str(x)) for x in c.cells])
    return t


def _head(t, first: str, ui: str, extra=(), keys=COLUMNS) -> None:
    column(t, first)
    for key in (*extra, *keys):
        column(t, word(key, ui), "right")


def behind(subjects: list) -> list:
    """The BEHIND subjects with the most points missing (in their order where equal)."""
    order = sorted(range(len(subjects)), key=lambda i: (-subjects[i].points, -len(subjects[i].missing), i))
    return [subjects[i] for i in order[:BEHIND]]


def rest_line(subjects: list, shown: list, ui: str, key: str = "progress_rest") -> str:
    """What the subjects not listed are: how many, how many have filed everything, the spread of coverage, and how
    to list them all."""
    listed = {id(s) for s in shown}
    rest = [s for s in subjects if id(s) not in listed]
    covers = sorted(s.coverage for s in rest if s.coverage is not None)
    done = sum(1 for s in rest if not s.missing and not s.invalid)
    spread = word("progress_rest_cover", ui, low=pct(covers[0]), median=pct(covers[len(covers) // 2]),
                  high=pct(covers[-1])) if covers else ""
    return word(key, ui, n=len(rest), shown=len(shown), done=done, spread=spread)


def summary_table(rubric, subjects, lang, ui: str, of: int | None = None):
    """A row per subject and period of one rubric: coverage, filed, invalid, missing, points missing, the units
    that have filed nothing (``of``: how many there are when only those furthest behind are given)."""
    title = summary_title(rubric, lang, ui)
    if of is not None and of > len(subjects):
        title += word("progress_behind", ui, n=len(subjects), of=of)
    t = new_progress_table(title)
    _head(t, word("subject", ui), ui, ("period",), SUMMARY)
    column(t, word("progress_silent_short", ui))
    t.columns[0].min_width = name_cells(subjects)
    for s in subjects:
        *cells, points = subject_figures(s)
        t.add_row(text(s.filing.subject_name), text(str(s.filing.period)), *cells, text(points, "bold"),
                  text(silent_short(s, ui, fit=lambda n: cut(n, NAME_CELLS[ui])), "magenta"))
    return tight(t)


NAME_WHOLE = 18
"""Cells of a subject's name kept on one line (示例市（虚构示例）): the units that filed nothing fold first."""


def name_cells(subjects) -> int:
    """The subject column's least width: its longest name, up to NAME_WHOLE cells, and the cell of padding on
    either side (rich counts it in min_width)."""
    from rich.cells import cell_len

    return 2 + max(2, min(NAME_WHOLE, max((cell_len(s.filing.subject_name) for s in subjects), default=2)))


def cut(name: str, cells: int) -> str:
    """``name`` cut to ``cells`` terminal cells (a Chinese character is two), ending in '…' when cut."""
    from rich.cells import cell_len

    if cell_len(name) <= cells:
        return name
    while name and cell_len(name) + 1 > cells:
        name = name[:-1]
    return name.rstrip() + "…"


def unit_table(s: SubjectProgress, lang, ui: str, wide: bool = True):
    t = new_progress_table(heading(s, lang))
    _head(t, word("progress_unit", ui), ui)
    column(t, word("progress_owes", ui))
    t.columns[-1].min_width = max((len(i) for u in s.units for i in u.owes[:1]), default=2)  # an id stays whole
    for u in s.units:
        style = "magenta" if u.filed_nothing else ""
        *counts, points = figures(u)
        t.add_row(text(owner_name(s.rubric, u.unit, ui), style), *counts, text(points, "bold"),
                  text(owes_text(u.owes, ui, SHOWN_IDS if wide else SHOWN_IDS - 1, count=wide)))
    return tight(t)


def totals_table(prog: Progress, ui: str):
    t = new_progress_table(word("progress_totals", ui))
    _head(t, word("progress_unit", ui), ui, ("progress_subjects",))
    column(t, word("progress_nothing", ui), "right")
    for u in prog.units:
        *counts, points = figures(u)
        t.add_row(text(owner_name(u.rubric, u.unit, ui)), str(u.subjects), *counts, text(points, "bold"),
                  str(u.filed_nothing) if u.filed_nothing else "")
    return tight(t)


def show_duties(prog: Progress, console, ui: str, cap: int | None = None) -> None:
    """One unit's list (``prog`` holds only that unit): per subject and period, each measure it still owes (the
    first ``cap`` rows, and how many more)."""
    console.print(text(duties_text(prog, ui), "bold"))
    every = [(s, d) for s in prog.subjects for u in s.units for d in duties(s, u)]
    rows = every if cap is None else every[:cap]
    if not rows:
        console.print(text(word("progress_all_filed", ui), "green"))
        return
    t = new_progress_table(word("progress_duties", ui))
    for key, justify in (("subject", "left"), ("id", "left"), ("progress_label", "left"),
                         ("progress_role", "left"), ("status", "left"), ("progress_points", "right")):
        column(t, word(key, ui), justify)
    last = None
    for s, d in rows:
        where = "" if s is last else f"{s.filing.subject_name} {s.filing.period}"
        last = s
        t.add_row(text(where), text(d.measure.id), text(d.measure.label.get(ui)),
                  word("progress_lead" if d.lead else "progress_co", ui),
                  text(word(f"progress_{d.status}", ui), "red" if d.status == "invalid" else ""),
                  text(num(d.points), "bold"))
    console.print(tight(t))
    if len(rows) < len(every):
        console.print(text(word("progress_rest_duties", ui, n=len(every) - len(rows), shown=len(rows)), "yellow"))
    console.print(text(word("progress_note", ui), "dim"))
