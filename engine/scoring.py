"""The per-submission executor of the scoring plan (SPEC 3.2-3.4): a rubric and a submission in, a Scorecard out.

Every group's score is the worth-weighted mean of its present children's fractions times its own worth; a
measure excluded for missing data, or waived as not applicable (SPEC 9), drops out of that mean, so its worth
is spread over its present siblings.
The rules are engine.plan's; engine.vector.score runs the same plan over many subjects at once, with the
same additions in the same order.  No numpy here, and nothing reads files or prints.
"""
from __future__ import annotations

from .model import Rubric, Submission
from .plan import Child, Plan, plan
from .results import GroupResult, MeasureResult, Scorecard, Totals, lost_points, r2


def score(rubric: Rubric, submission: Submission) -> Scorecard:
    """Score one submission against its rubric."""
    p = plan(rubric)
    entries = [submission.entries.get(m.id) for m in p.measures]
    waived = [m.id in submission.waivers for m in p.measures]
    frac = [None if waived[j] else _fraction(p, j, e) for j, e in enumerate(entries)]
    gfrac, weight, gweight = _tree(p, frac)
    base = p.scale * (_mean(p.top, frac, gfrac) or 0.0)
    amounts = [None if e is None or p.kind[j] == "base" or waived[j] else
               p.methods[j].amount(p.measures[j], e.value) for j, e in enumerate(entries)]
    scores = [0.0 if a is None else a for a in amounts]
    totals = Totals.of(rubric, base, p.capped(scores, "bonus"), p.capped(scores, "deduction"))
    measures = tuple(_result(p, j, entries[j], frac[j], weight[j], amounts[j], totals, waived[j])
                     for j in range(len(frac)))
    groups = tuple(GroupResult(g, (gfrac[k] or 0.0) * g.worth, g.worth, gfrac[k], gweight[k])
                   for k, g in enumerate(p.groups))
    total = r2(totals.total())
    vetoed_by = tuple(p.measures[j].id for j in p.veto if amounts[j] is not None and amounts[j] > 0)
    grade = rubric.grades[p.grade(total, bool(vetoed_by))]
    return Scorecard(rubric, submission, measures, groups, base, totals.bonus, totals.deductions, total, grade,
                     vetoed_by)


def grade_for(rubric: Rubric, total: float):
    """The first grade whose min <= the rounded total (the last grade if none)."""
    return rubric.grades[plan(rubric).grade(r2(total), False)]


def _fraction(p: Plan, j: int, entry) -> float | None:
    """A base measure's fraction; None when excluded for missing data, and for every modifier."""
    if p.kind[j] != "base":
        return None
    if entry is None:
        return None if p.policy[j] == "exclude" else 0.0
    return p.methods[j].fraction(p.measures[j], entry.value)


def _tree(p: Plan, frac: list) -> tuple[list, list, list]:
    """Each group's fraction (bottom up), then each measure's and group's points of the total (top down)."""
    gfrac: list[float | None] = [None] * len(p.groups)
    for k in p.bottom_up:
        gfrac[k] = _mean(p.children[k], frac, gfrac)
    weight, gweight = [0.0] * len(frac), [0.0] * len(gfrac)
    _spread(p, p.top, p.scale, frac, gfrac, weight, gweight)
    return gfrac, weight, gweight


def _mean(children: tuple[Child, ...], frac: list, gfrac: list) -> float | None:
    """Worth-weighted mean of the present children's fractions (None when none is present)."""
    present = [(c.worth, f) for c in children if (f := (gfrac if c.group else frac)[c.index]) is not None
               and c.worth > 0]
    total = sum(w for w, _ in present)
    return sum(w * f for w, f in present) / total if total > 0 else None


def _spread(p: Plan, children: tuple[Child, ...], share: float, frac, gfrac, weight, gweight) -> None:
    """Give each node the points of the total it is worth at full score, given its parent's ``share``."""
    fs = [(gfrac if c.group else frac)[c.index] for c in children]
    present = sum(c.worth for c, f in zip(children, fs) if f is not None and c.worth > 0)
    for c, f in zip(children, fs):
        w = share * c.worth / present if present > 0 and f is not None else 0.0
        if c.group:
            gweight[c.index] = w
            _spread(p, p.children[c.index], w, frac, gfrac, weight, gweight)
        else:
            weight[c.index] = w


def _result(p: Plan, j: int, entry, f, weight: float, amount, totals: Totals, waived: bool) -> MeasureResult:
    m = p.measures[j]
    if waived:  # not applicable (SPEC 9): out of the base like an excluded measure, whatever the policy
        return MeasureResult(m, None, "waived", None, 0.0, m.points if p.kind[j] == "base" else m.params.get("cap"))
    if p.kind[j] != "base":
        return _modifier_result(p, j, entry, amount)
    if entry is None:
        status = "excluded" if f is None else "missing"
    else:
        status = "full" if f >= 1.0 else "zero" if f <= 0.0 else "partial"
    return MeasureResult(m, entry, status, f, (f or 0.0) * m.points, m.points, weight,
                         recoverable=totals.gain(lost_points(weight, f)))


def _modifier_result(p: Plan, j: int, entry, amount) -> MeasureResult:
    m = p.measures[j]
    cap = m.params.get("cap")
    if entry is None:
        return MeasureResult(m, None, "missing", None, 0.0, cap)
    status = "triggered" if amount > 0 else "not-triggered"
    return MeasureResult(m, entry, status, None, 0.0 if p.kind[j] == "veto" else amount, cap)
