"""What every output format shares: the JSON-ready view of a scorecard (SPEC 6) and small helpers."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from .. import coverage, methods, waivers
from ..results import GroupResult, MeasureResult, Scorecard, r2
from ..safe_text import visible

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def card_dict(card: Scorecard, lang: str | None = None, measures: bool = True) -> dict:
    """The JSON result object of SPEC 6 for one scorecard (without its "measures" unless ``measures``: for
    engine.formats.json_card, which writes them itself)."""
    sub, rubric = card.submission, card.rubric
    return {
        "rubric": {"id": rubric.id, "version": rubric.version},
        "subject": {"id": sub.subject_id, "name": sub.subject_name},
        "period": sub.period,
        "file": sub.path,
        "total": card.total,
        "base": r2(card.base),
        "bonus": r2(card.bonus),
        "deductions": r2(card.deductions),
        "max": r2(card.max),
        "grade": {"id": card.grade.id, "label": card.grade.label.get(lang)},
        "vetoed": card.vetoed,
        "vetoed_by": list(card.vetoed_by),
        "coverage": coverage_dict(card),
        "nodes": [group_dict(g, lang) for g in card.groups],
        **({"measures": [measure_dict(m, lang, sub.waivers.get(m.id)) for m in card.measures]} if measures else {}),
        "parts": list(sub.parts or (sub.path,)),
        "waivers": [waivers.as_dict(m.id, w) for m, w in waivers.listed(card)],
        **_stages(card),
    }


def coverage_dict(card: Scorecard) -> dict:
    """SPEC 10: the share of the base measures with a value (waived ones are not base), and the two counts."""
    filed, base = coverage.counts(card)
    return {"share": r4(coverage.share(card)), "filed": filed, "base": base}


def coverage_text(card: Scorecard, ui: str) -> str:
    """'覆盖率 24%（31/127 项基础指标有数值）' / 'coverage 24% (31 of 127 base measures with a value)'."""
    from .words import word

    filed, base = coverage.counts(card)
    return word("coverage_line", ui, pct=pct(coverage.share(card)), filed=filed, base=base)


def pct(share: float | None) -> str:
    """A share as a whole percentage: '24%'; '—' for None."""
    return "—" if share is None else f"{100 * share:.0f}%"


def r4(x: float) -> float:
    return round(x, 4)


def _stages(card: Scorecard) -> dict:
    """SPEC 8: both totals and the measures the verification changed, when a verified stage exists."""
    if card.stages is None:
        return {}
    return {"stages": dict(card.stages), "changed": [
        {"id": c.id, "self": c.self, "verified": c.verified, "delta": c.delta, "self_score": c.self_score,
         "verified_score": c.verified_score, "note": c.note} for c in card.changed]}


def group_dict(g: GroupResult, lang: str | None = None) -> dict:
    return {
        "id": g.id,
        "label": g.group.label.get(lang),
        "score": r2(g.score),
        "max": r2(g.max),
        "status": g.status,
        "weight": r2(g.weight),
    }


def measure_dict(m: MeasureResult, lang: str | None = None, waiver=None) -> dict:
    out: dict[str, Any] = {
        "id": m.id,
        "label": m.measure.label.get(lang),
        "method": m.measure.method,
        "value": m.value,
        "score": r2(m.score),
        "max": r2(m.max),
        "status": m.status,
        "gap": r2(m.gap),
        "recoverable": r2(m.recoverable),
        "owners": list(m.measure.owners),
        "unit": m.measure.unit,
        **filed(m),
    }
    if m.status == "waived":  # not applicable (SPEC 9): why it is left out (gap stays SPEC 6's max - score, as
        w = waiver                # for an excluded measure; recoverable, 0, says nothing is to be won)
        if w is not None:
            out["waiver"] = {k: v for k, v in waivers.as_dict(m.id, w).items() if k != "id"}
    if m.entry is not None:
        if m.entry.raw is not None:
            out["original"] = m.entry.raw
        if m.entry.approximate:
            out["approximate"] = True
        if m.entry.evidence:
            out["evidence"] = list(m.entry.evidence)
        if m.entry.note:
            out["note"] = m.entry.note
    return out


def filed(m: MeasureResult) -> dict:
    """SPEC 8: who filed the value and where it is written; a rating measure's ratings by who gave them."""
    e = m.entry
    out: dict[str, Any] = {"filed_by": None if e is None else e.filed_by,
                           "source": None if e is None or e.loc is None or not e.loc.file else f"{e.loc.file}:{e.loc.line}"}
    if e is not None and e.stage != "self":
        out["stage"] = e.stage
    if e is not None and methods.get(m.measure.method).RATINGS:
        out["ratings"] = ratings_by(e)
    return out


def ratings_by(e) -> dict:
    """{assessor or file: [ratings]}: the ratings joined in a rating measure's value, by who gave them (a value
    given under values: is its file's)."""
    if e.ratings:
        joined: dict[str, list] = {}
        for who, given in e.ratings:
            joined.setdefault(who, []).extend(given)
        return joined
    where = e.loc.file if e.loc is not None and e.loc.file else "FILE"
    return {where: list(e.value) if isinstance(e.value, list) else [e.value]}


def safe_cell(value: Any) -> Any:
    """A spreadsheet cell that cannot run as a formula (a leading = + - @ gets a quote), hold a control
    character or a line break (shown as escapes: CSV is printed to terminals and CI logs too), or start or
    hold a CI workflow command (a leading :: gets the quote, ##[ a backslash)."""
    return _safe_text(value) if isinstance(value, str) else value


@lru_cache(maxsize=1 << 16)
def _safe_text(value: str) -> str:
    """safe_cell of a text, remembered (a long table's rows repeat the same ids, labels and statuses)."""
    value = visible(value).replace("##[", "##\\[")
    if value.startswith(FORMULA_START) or value.lstrip().startswith("::"):
        return "'" + value
    return value


def show_value(value: Any, unit: str = "", ui: str = "zh") -> str:
    """A submitted value as a person reads it in ``ui`` (engine.formats.display.qty; ratings as '4 5 4')."""
    from . import display

    return display.qty(value, unit, ui)


def num(x: float | None) -> str:
    """A score for display: 2 decimals at most, half-up, no trailing zeros."""
    if x is None:
        return "—"
    return f"{r2(x):.2f}".rstrip("0").rstrip(".")
