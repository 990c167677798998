"""What the gap renderers share: the JSON-ready view of a GapReport and the texts of its cells."""
from __future__ import annotations

from typing import Any

from ... import waivers
from ...gaps import Gap, GapReport
from ...results import MeasureResult, r2
from .. import display
from ..common import coverage_dict, num
from ..words import VALUE_MISSING, owner_name, word


def target_text(gap: Gap, lang: str, goal: Any = None) -> str:
    """The value that earns full points (or ``goal``), with ≥/≤ for numbers: '≥95%', an option by its label."""
    return display.target(gap.result.measure, gap.aim.target if goal is None else goal, lang)


def next_text(gap: Gap, lang: str, sep: str = " ") -> str:
    """The next band or option when it differs from full marks; a linear measure's next whole point."""
    return sep.join(next_parts(gap, lang))


def next_parts(gap: Gap, lang: str) -> list[str]:
    """next_text in the pieces a narrow table puts on lines of their own: ['下一档', '≥20个']."""
    aim, m = gap.aim, gap.result.measure
    if aim.next != aim.target:
        return [word('next', lang), target_text(gap, lang, aim.next)]
    if aim.next_point is not None:
        return [word("next_point", lang, value=display.qty(aim.next_point, m.unit, lang),
                     points=num(aim.next_point_score))]
    return []


def to_go_text(gap: Gap, lang: str, sep: str = " ") -> str:
    """How far the value is from full marks, absolute and in % of the target: '6963元 (12%)'."""
    return sep.join(to_go_parts(gap, lang))


def to_go_parts(gap: Gap, lang: str) -> list[str]:
    """to_go_text in pieces: ['6963元', '(12%)'] (['—'] when there is no distance)."""
    aim, unit = gap.aim, gap.result.measure.unit
    if aim.distance is None:
        return ["—"]
    return [display.qty(aim.distance, unit, lang)] + ([] if aim.distance_pct is None else [f"({aim.distance_pct:.0f}%)"])


def value_text(m: MeasureResult, lang: str) -> str:
    """The value as people read it ('3.6万人次', '是', an option's label); 未填报 / missing when not reported."""
    if m.entry is None:
        return VALUE_MISSING[lang != "zh"]
    return display.value(m.measure, m.value, lang)


def owners_text(m: MeasureResult, lang: str, rubric) -> str:
    """The lead unit's name, then how many co-owners: '市统计局 +2'."""
    return lead_text(m.measure.owners, lang, rubric)


def lead_text(names: tuple, lang: str, rubric) -> str:
    """owners_text of a measure's owners."""
    if not names:
        return "—"
    more = f" +{len(names) - 1}" if len(names) > 1 else ""
    return owner_name(rubric, names[0], lang) + more


def path_text(rep: GapReport, lang: str) -> str:
    """One sentence on the next grade: what it needs and whether any score can reach it."""
    card, ng = rep.card, rep.next_grade
    if ng is None:
        return word("top", lang, grade=card.grade.label.get(lang))
    fields = dict(grade=ng.grade.label.get(lang), min=num(ng.grade.min), needs=num(ng.needs),
                  n=len(ng.measures), gain=num(ng.gain))
    if ng.vetoed_by:
        ids = ", ".join(f"{i} {card.rubric.by_id[i].label.get(lang)}" for i in ng.vetoed_by)
        return word("vetoed", lang, ids=ids, grade=fields["grade"])
    return word("path" if ng.reachable else "short", lang, **fields)


def plain(x: Any) -> Any:
    """A whole float as an int (a count target of 4.0 is 4)."""
    return int(x) if isinstance(x, float) and x.is_integer() else x


def gap_dict(g: Gap, lang: str | None, path: tuple[str, ...] = ()) -> dict:
    m, aim = g.result, g.aim
    return {
        "rank": g.rank, "id": g.id, "label": m.measure.label.get(lang), "owners": list(m.measure.owners),
        "value": m.value, "unit": m.measure.unit, "target": plain(aim.target), "next_target": plain(aim.next),
        "next_point": r2(aim.next_point), "direction": aim.direction, "distance": r2(aim.distance),
        "distance_pct": r2(aim.distance_pct), "score": r2(m.score), "max": r2(m.max), "weight": r2(m.weight),
        "recoverable": r2(g.recoverable), "status": m.status, "in_path": g.id in path,
    }


def report_dict(rep: GapReport, lang: str | None = None, top: int | None = None) -> dict:
    """The JSON object of one gap report."""
    card, ng = rep.card, rep.next_grade
    sub, rubric = card.submission, card.rubric
    path = ng.measures if ng else ()
    return {
        "rubric": {"id": rubric.id, "version": rubric.version},
        "subject": {"id": sub.subject_id, "name": sub.subject_name},
        "period": sub.period, "file": sub.path, "total": card.total, "max": r2(card.max),
        "grade": {"id": card.grade.id, "label": card.grade.label.get(lang)},
        "vetoed": card.vetoed, "vetoed_by": list(card.vetoed_by), "recoverable": r2(rep.recoverable),
        "coverage": coverage_dict(card),
        "next_grade": None if ng is None else {
            "id": ng.grade.id, "label": ng.grade.label.get(lang), "min": ng.grade.min, "needs": ng.needs,
            "measures": list(ng.measures), "gain": r2(ng.gain), "reachable": ng.reachable,
            "vetoed_by": list(ng.vetoed_by)},
        "gaps": [gap_dict(g, lang, path) for g in rep.gaps[:top]],
        "missing": [{"id": i.id, "label": i.result.measure.label.get(lang), "method": i.result.measure.method,
                     "owners": list(i.result.measure.owners), "status": i.result.status,
                     "at_stake": r2(i.at_stake)} for i in rep.missing],
        "evidence_missing": [{"id": m.id, "label": m.measure.label.get(lang), "owners": list(m.measure.owners)}
                             for m in rep.evidence],
        "waivers": [{**waivers.as_dict(m.id, w), "label": m.measure.label.get(lang), "max": r2(m.max)}
                    for m, w in waivers.listed(card)],
        "by_owner": [{"unit": o.unit, "name": owner_name(rubric, o.unit, lang or "zh") if o.unit else None,
                      "lead": [g.id for g in o.lead], "lead_points": r2(o.lead_points),
                      "co": [g.id for g in o.co], "co_points": r2(o.co_points),
                      "missing": list(o.missing), "evidence_missing": list(o.evidence)} for o in rep.owners],
        "by_indicator": [{"id": i.result.id, "label": i.result.group.label.get(lang), "depth": i.depth,
                          "score": r2(i.result.score), "max": r2(i.result.max), "pct": r2(i.pct), "light": i.light,
                          "recoverable": r2(i.recoverable), "gaps": i.gaps} for i in rep.indicators],
    }
