"""markdown: filing progress as it reads pasted into the Monday e-mail: every unit across subjects, then per
subject its coverage, the units that have filed nothing and a row per unit with what it still owes."""
from __future__ import annotations

from ...progress import Progress, SubjectProgress
from ...safe_text import md, md_code
from ..markdown import Raw, bold, row
from ..words import owner_name, word
from .common import COLUMNS, cover_text, figures, heading, silent_text, ui_of

NAME = "markdown"
SUFFIX = ".md"
RIGHT = "|---|" + "--:|" * len(COLUMNS)


def render(prog: Progress, lang: str | None = None) -> str:
    ui = ui_of(prog, lang)
    lines = [f"# {md(word('progress_title', ui))}", ""]
    if not prog.subjects:
        return "\n".join(lines + [md(word("progress_none", ui))]) + "\n"
    if len(prog.subjects) > 1:
        lines += totals_md(prog, ui) + [""]
    for s in prog.subjects:
        lines += subject_md(s, lang, ui) + [""]
    return "\n".join(lines + [f"> {md(word('progress_note', ui))}"]) + "\n"


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
            owes = Raw(", ".join(md_code(i) for i in u.owes))
            out.append(row(owner_name(s.rubric, u.unit, ui), *counts, bold(points) if points else "", owes))
    return out
