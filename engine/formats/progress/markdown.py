"""markdown: filing progress as it reads pasted into the Monday e-mail, in the views of the terminal (see
common.VIEWS): the summary (a row per subject and period, then every unit across them), the detail (per
subject its coverage, the units that have filed nothing and a row per unit with the first measures it owes)
or one unit's list of what it still owes."""
from __future__ import annotations

from ...progress import Progress, SubjectProgress, duties
from ...safe_text import md, md_code
from ..common import num
from ..markdown import Raw, bold, row
from ..words import owner_name, word
from .common import COLUMNS, SHOWN_IDS, SUMMARY, by_rubric, cover_text, duties_text, figures, heading, silent_short, \
    silent_text, subject_figures, summary_title, ui_of, view_of

NAME = "markdown"
SUFFIX = ".md"
RIGHT = "|---|" + "--:|" * len(COLUMNS)


def render(prog: Progress, lang: str | None = None, view: str | None = None) -> str:
    ui = ui_of(prog, lang)
    lines = [f"# {md(word('progress_title', ui))}", ""]
    if not prog.subjects:
        return "\n".join(lines + [md(word("progress_none", ui))]) + "\n"
    view = view_of(prog, view)
    if view == "duties":
        return "\n".join(lines + duties_md(prog, ui)) + "\n"
    if view == "summary":
        for rubric, subjects in by_rubric(prog):
            lines += summary_md(rubric, subjects, lang, ui) + [""]
    if len(prog.subjects) > 1:
        lines += totals_md(prog, ui) + [""]
    if view == "detail":
        for s in prog.subjects:
            lines += subject_md(s, lang, ui) + [""]
    return "\n".join(lines + [f"> {md(word('progress_note', ui))}"]) + "\n"


def summary_md(rubric, subjects, lang, ui: str) -> list[str]:
    out = [f"## {md(summary_title(rubric, lang, ui))}", "",
           row(word("subject", ui), word("period", ui), *(word(k, ui) for k in SUMMARY),
               word("progress_silent_short", ui)), "|---|---|" + "--:|" * len(SUMMARY) + "---|"]
    for s in subjects:
        *cells, points = subject_figures(s)
        out.append(row(s.filing.subject_name, s.filing.period, *cells, bold(points) if points else "",
                       silent_short(s, ui)))
    return out


def totals_md(prog: Progress, ui: str) -> list[str]:
    out = [f"## {md(word('progress_totals', ui))}", "",
           row(word("progress_unit", ui), word("progress_subjects", ui), *(word(k, ui) for k in COLUMNS),
               word("progress_nothing", ui)), RIGHT + "--:|--:|"]
    for u in prog.units:
        *counts, points = figures(u)
        out.append(row(owner_name(u.rubric, u.unit, ui), u.subjects, *counts, bold(points) if points else "",
                       u.filed_nothing or ""))
    return out


def subject_md(s: SubjectProgress, lang, ui: str) -> list[str]:
    out = [f"## {md(heading(s, lang))}", "", md(cover_text(s, ui))]
    if s.filed_nothing:
        out += ["", f"**{md(word('progress_silent', ui))}**: {md(silent_text(s, ui))}"]
    if s.units:
        out += ["", row(word("progress_unit", ui), *(word(k, ui) for k in COLUMNS), word("progress_owes", ui)),
                RIGHT + "---|"]
        for u in s.units:
            *counts, points = figures(u)
            out.append(row(owner_name(s.rubric, u.unit, ui), *counts, bold(points) if points else "", owes_md(u.owes, ui)))
    return out


def owes_md(ids, ui: str) -> Raw:
    """The first SHOWN_IDS ids as code, then '… 共N项' when there are more (common.owes_text in Markdown)."""
    shown = ", ".join(md_code(i) for i in ids[:SHOWN_IDS])
    more = f" {md(word('progress_more', ui, n=len(ids)))}" if len(ids) > SHOWN_IDS else ""
    return Raw(shown + more)


def duties_md(prog: Progress, ui: str) -> list[str]:
    """One unit's list: the line that sums it up, then a row per measure it still owes."""
    out = [f"## {md(duties_text(prog, ui))}", ""]
    rows = [(s, d) for s in prog.subjects for u in s.units for d in duties(s, u)]
    if not rows:
        return out + [md(word("progress_all_filed", ui))]
    out += [row(*(word(k, ui) for k in ("subject", "period", "id", "progress_label", "progress_role",
                                        "status", "progress_points"))), "|---|---|---|---|---|---|--:|"]
    for s, d in rows:
        out.append(row(s.filing.subject_name, s.filing.period, Raw(md_code(d.measure.id)), d.measure.label.get(ui),
                       word("progress_lead" if d.lead else "progress_co", ui), word(f"progress_{d.status}", ui),
                       num(d.points)))
    return out + ["", f"> {md(word('progress_note', ui))}"]
