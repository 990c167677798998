"""What the progress renderers share: the JSON-ready view of a Progress and the texts of its cells."""
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
