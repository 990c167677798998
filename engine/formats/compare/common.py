"""What the compare renderers share: the JSON-ready view of a Comparison and small texts."""
from __future__ import annotations

from ...compare import Change, Comparison, League, Standing, Step, Trend
from ...coverage import GAP, share
from ...gap_views import light
from ...model import Group
from ...results import Scorecard, r2
from ..common import num, pct, r4
from ..words import ui_lang, word


def attainment(card: Scorecard, gid: str) -> float | None:
    """A group's score in % of its worth; None when excluded."""
    g = card.group(gid)
    return None if g.fraction is None else 100.0 * g.fraction


def group_light(card: Scorecard, gid: str) -> str | None:
    return light(attainment(card, gid), card.rubric.colors)


def delta_text(c: Change) -> str:
    """'↑ +3.5', '→ -0.2', '·'."""
    from .. import display

    return display.change(c.arrow, c.delta)


def rank_text(s: Standing, ui: str) -> str:
    """'3', or '数据不足' / 'insufficient data' for a subject below the rubric's min_coverage (SPEC 10)."""
    return word("coverage_short", ui) if s.rank is None else str(s.rank)


def unranked_note(lg: League, ui: str) -> str:
    """One line on the subjects left unranked for their coverage ('' when none is)."""
    if not lg.unranked:
        return ""
    least = pct(lg.rubric.min_coverage)
    if len(lg.unranked) == len(lg.standings):
        return word("coverage_all_unranked", ui, least=least)
    names = ", ".join(f"{s.card.submission.subject_name} ({pct(s.coverage)})" for s in lg.unranked)
    return word("coverage_unranked", ui, least=least, names=names)


def coverage_note(step: Step, ui: str) -> str:
    """'' when the step is comparable; else the line saying its coverage differs too much (SPEC 10)."""
    if step.comparable:
        return ""
    a, b = step.coverage
    return word("coverage_not_comparable", ui, when=periods(step), a=pct(a), b=pct(b), gap=f"{100 * GAP:g}")


def coverage_step(step: Step) -> dict:
    a, b = step.coverage
    return {"from": r4(a), "to": r4(b), "comparable": step.comparable}


def league_title(lg: League, ui: str) -> str:
    """'排名 · 2025', or '排名（各对象最新一期） · 2022–2025'."""
    if lg.period is not None:
        return f"{word('league', ui)} · {lg.period}"
    span = lg.periods
    when = f"{span[0]}–{span[-1]}" if len(span) > 1 else f"{span[0]}" if span else ""
    return word("league_latest", ui) + (f" · {when}" if when else "")


def slip_groups(step: Step, ui: str) -> list[tuple[str, list]]:
    """The step's slips split into 'moved away from the target' and 'not reported this time'."""
    moved = [x for x in step.slipped if not x.unreported]
    gone = [x for x in step.slipped if x.unreported]
    return [(word(key, ui), xs) for key, xs in (("slipped", moved), ("unreported", gone)) if xs]


def periods(step: Step) -> str:
    return f"{step.before.submission.period}→{step.after.submission.period}"


def trend_groups(tr: Trend) -> list[str]:
    """The trend's group columns: the top-level groups that carry points in its latest period's rubric."""
    return [g.id for g in tr.cards[-1].rubric.tree if isinstance(g, Group) and g.worth > 0]


def step_change(step: Step, gid: str) -> Change:
    """The step's change of a group; nothing to compare (·) when the step does not line it up."""
    return next((c for c in step.groups if c.id == gid), Change(gid, None, None))


def version_note(step: Step, ui: str) -> str:
    """'' within one rubric version; else which versions, whether through a crosswalk or totals only, and the
    ids that are not comparable."""
    link = step.link
    if link is None:
        return ""
    if not link.crosswalk:
        return word("version_totals_only", ui, a=link.before, b=link.after)
    head = word("version_crosswalked", ui, a=link.before, b=link.after)
    items = [f"{nid} ({word('version_' + why, ui, x=what)})" for nid, why, what in link.not_comparable]
    return head + (word("version_not_comparable", ui, items=", ".join(items)) if items else "")


def versions_dict(step: Step, ui: str) -> dict | None:
    """The JSON of a step across two rubric versions (None within one)."""
    link = step.link
    if link is None:
        return None
    return {"from": link.before, "to": link.after, "crosswalk": link.crosswalk,
            "compared": "crosswalk" if link.crosswalk else "totals",
            "renamed": {old: new for old, new in link.pairs.items() if old != new},
            "not_comparable": [{"id": nid, "why": why, "with": what or None} for nid, why, what in link.not_comparable],
            "note": version_note(step, ui)}


def subject_dict(card: Scorecard) -> dict:
    return {"id": card.submission.subject_id, "name": card.submission.subject_name}


def card_row(card: Scorecard, lang: str | None) -> dict:
    return {
        "subject": subject_dict(card), "period": card.submission.period, "total": card.total,
        "grade": {"id": card.grade.id, "label": card.grade.label.get(lang)},
        "vetoed": card.vetoed, "vetoed_by": list(card.vetoed_by),
        "groups": {g.id: {"score": r2(card.group(g.id).score) if card.group(g.id).fraction is not None else None,
                          "max": r2(g.worth), "pct": r2(attainment(card, g.id)), "light": group_light(card, g.id)}
                   for g in card.rubric.tree if isinstance(g, Group) and g.worth > 0},
    }


def league_dict(lg: League, lang: str | None, standings=None) -> dict:
    """The league's JSON (``standings`` in place of its standings' list when given: json_rows writes them)."""
    return {
        "period": lg.period,
        "periods": list(lg.periods),
        "groups": [{"id": g.id, "label": g.label.get(lang), "max": r2(g.worth)} for g in lg.groups],
        "standings": standings if standings is not None else [
            {"rank": s.rank, **card_row(s.card, lang), "coverage": r4(s.coverage),
             **({"unranked": "insufficient data"} if s.rank is None else {})} for s in lg.standings],
        "min_coverage": lg.rubric.min_coverage,
        "absent": [{"subject": subject_dict(c), "latest_period": c.submission.period} for c in lg.absent],
    }


def change_dict(c: Change) -> dict:
    return {"id": c.id, "before": r2(c.before), "after": r2(c.after), "delta": c.delta, "arrow": c.arrow}


def trend_dict(t: Trend, lang: str | None) -> dict:
    sid, name = t.subject
    return {
        "subject": {"id": sid, "name": name},
        "series": [{"period": c.submission.period, "total": c.total, "grade": c.grade.label.get(lang),
                    "coverage": r4(share(c))}
                   for c in t.cards],
        "steps": [{"from": s.before.submission.period, "to": s.after.submission.period,
                   "versions": versions_dict(s, ui_lang(lang, s.after.rubric)),
                   "coverage": coverage_step(s),
                   "total": change_dict(s.total), "groups": [change_dict(g) for g in s.groups],
                   "slipped": [{"id": x.id, "label": s.after.rubric.by_id[x.id].label.get(lang),
                                "before": r2(x.before), "after": r2(x.after), "value_before": x.value_before,
                                "value_after": x.value_after, "unreported": x.unreported}
                               for x in s.slipped]} for s in t.steps],
    }


def comparison_dict(c: Comparison, lang: str | None = None, standings=None) -> dict:
    rubric = c.league.rubric
    return {"rubric": {"id": rubric.id, "version": rubric.version, "title": rubric.title.get(lang)},
            "league": league_dict(c.league, lang, standings), "trends": [trend_dict(t, lang) for t in c.trends]}
