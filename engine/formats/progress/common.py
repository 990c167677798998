"""What the progress renderers share: the JSON-ready view of a Progress, which view a reader gets, and the
texts of its cells.

The views of the readable formats (table, markdown): "summary" (a row per subject and period, then every
unit across them: the default for more than one), "detail" (a unit table per subject and period: the default
for one) and "duties" (one unit's list, measure by measure: --unit).  JSON and CSV have one shape each and
always the full lists of measure ids."""
from __future__ import annotations

from ...progress import Progress, SubjectProgress, UnitProgress, UnitTotal
from ...results import r2
from ..common import num
from ..words import owner_name, ui_lang, word

COLUMNS = ("progress_lead", "progress_co", "progress_filed", "progress_invalid", "progress_missing",
           "progress_points")
"""The figures of a unit's row, in order (the words of their headers)."""


def ui_of(prog: Progress, lang: str | None) -> str:
    """The language of the words: --lang, else that of the first subject's rubric."""
    return ui_lang(lang, prog.subjects[0].rubric) if prog.subjects else (lang or "zh")


def figures(u: UnitProgress | UnitTotal) -> list[str]:
    """A unit's row of figures as text, blank where a count is 0 (a row of zeros hides what matters)."""
    counts = [u.lead, u.co, u.filed, u.invalid, u.missing]
    counts = [c if isinstance(c, int) else len(c) for c in counts]
    return [str(c) if c else "" for c in counts] + [num(u.points) if u.points else ""]


VIEWS = ("summary", "detail", "duties")
SHOWN_IDS = 3
"""A unit row lists at most this many measure ids it owes, then how many in all (a row stays a line or two)."""
SHOWN_NAMES = 1
"""A summary row names at most this many of the units that have filed nothing, after their number."""


def view_of(prog: Progress, view: str | None) -> str:
    """The view asked for, else summary for more than one subject and period, detail for one."""
    return view or ("summary" if len(prog.subjects) > 1 else "detail")


def owes_text(ids, ui: str, shown: int = SHOWN_IDS, count: bool = True) -> str:
    """'D1.M01 D1.M02 D1.M03 …共7项' ('…7 in all'): the first ``shown`` ids, then, when there are more, how many
    in all (or only '…' without ``count``: the row's missing and invalid columns say it)."""
    ids = list(ids)
    head = " ".join(ids[:shown])
    if len(ids) <= shown:
        return head
    return f"{head} {word('progress_more', ui, n=len(ids)) if count else '…'}"


def silent_short(s: SubjectProgress, ui: str, shown: int = SHOWN_NAMES, fit=str) -> str:
    """'16：市人民政府办公室等' (en '16: General Office …'): how many units have filed nothing, and the first
    ``shown`` names, each passed through ``fit`` (the terminal cuts a long one)."""
    units = s.filed_nothing
    if not units:
        return ""
    sep, colon, more = ("、", "：", "等") if ui == "zh" else (", ", ": ", " …")
    names = sep.join(fit(owner_name(s.rubric, u, ui)) for u in units[:shown])
    return f"{len(units)}{colon}{names}{more if len(units) > shown else ''}"


def by_rubric(prog: Progress) -> list[tuple]:
    """(rubric, its subjects) for each rubric, in the order first given: a summary table each."""
    groups: dict = {}
    for s in prog.subjects:
        groups.setdefault((s.rubric.id, s.rubric.version), (s.rubric, []))[1].append(s)
    return list(groups.values())


def summary_title(rubric, lang: str | None, ui: str) -> str:
    return f"{word('progress_summary', ui)} · {rubric.title.get(lang)}"


def subject_figures(s: SubjectProgress) -> list[str]:
    """A subject's summary figures: coverage, filed, invalid, missing (blank when 0), points missing."""
    counts = [len(s.filed), len(s.invalid), len(s.missing)]
    return [pct(s.coverage)] + [str(c) if c else "" for c in counts] + [num(s.points) if s.points else ""]


SUMMARY = ("progress_coverage", "progress_filed", "progress_invalid", "progress_missing", "progress_points")
"""The figures of a subject's summary row, in order (the words of their headers)."""


def duties_text(prog: Progress, ui: str) -> str:
    """The line above a unit's list: its name, in how many subjects, what it owes and in how many it filed
    nothing (``prog`` holds the one unit, see engine.progress.select)."""
    t = prog.units[0]
    head = word("progress_duty_head", ui, unit=owner_name(t.rubric, t.unit, ui), subjects=t.subjects,
                owed=t.missing + t.invalid, invalid=t.invalid, points=num(t.points))
    return head + (word("progress_duty_nothing", ui, nothing=t.filed_nothing) if t.filed_nothing else "")


def pct(share: float | None) -> str:
    return "—" if share is None else f"{100 * share:.0f}%"


def heading(s: SubjectProgress, lang: str | None) -> str:
    f = s.filing
    return f"{f.subject_name} · {f.period} · {s.rubric.title.get(lang)}"


def cover_text(s: SubjectProgress, ui: str) -> str:
    """'覆盖率 60%（3/5 项基础指标已填报）· 有误 0 项 · 未填报 2 项 · 缺失分值 30 分'."""
    return word("progress_cover", ui, pct=pct(s.coverage), filed=len(s.filed), base=s.base,
                invalid=len(s.invalid), missing=len(s.missing), points=num(s.points))


def silent_text(s: SubjectProgress, ui: str) -> str:
    """The names of the units that have filed nothing: '市教育局、市统计局'."""
    return ("、" if ui == "zh" else ", ").join(owner_name(s.rubric, u, ui) for u in s.filed_nothing)


def unit_dict(u: UnitProgress, rubric, ui: str) -> dict:
    return {"unit": u.unit, "name": owner_name(rubric, u.unit, ui), "lead": len(u.lead), "co": len(u.co),
            "filed": len(u.filed), "invalid": len(u.invalid), "missing": len(u.missing),
            "points_missing": r2(u.points), "filed_nothing": u.filed_nothing,
            "lead_measures": list(u.lead), "co_measures": list(u.co),
            "missing_measures": list(u.missing), "invalid_measures": list(u.invalid)}


def subject_dict(s: SubjectProgress, ui: str) -> dict:
    f, rubric = s.filing, s.rubric
    return {"rubric": {"id": rubric.id, "version": rubric.version},
            "subject": {"id": f.subject_id, "name": f.subject_name}, "period": f.period,
            "parts": [p.path for p in f.parts], "base": s.base, "filed": len(s.filed), "invalid": len(s.invalid),
            "missing": len(s.missing), "coverage_pct": None if s.coverage is None else r2(100 * s.coverage),
            "points_missing": r2(s.points), "missing_measures": list(s.missing),
            "invalid_measures": list(s.invalid), "filed_nothing": list(s.filed_nothing),
            "units": [unit_dict(u, rubric, ui) for u in s.units]}


def total_dict(t: UnitTotal, ui: str) -> dict:
    return {"unit": t.unit, "name": owner_name(t.rubric, t.unit, ui), "subjects": t.subjects, "lead": t.lead,
            "co": t.co, "filed": t.filed, "invalid": t.invalid, "missing": t.missing,
            "points_missing": r2(t.points), "filed_nothing": t.filed_nothing}


def progress_dict(prog: Progress, lang: str | None = None) -> dict:
    ui = ui_of(prog, lang)
    return {"subjects": [subject_dict(s, ui) for s in prog.subjects],
            "units": [total_dict(t, ui) for t in prog.units]}
