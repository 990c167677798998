"""The pure scoring core (SPEC 3.2-3.4): a rubric and a submission in, a Scorecard out.

Every group's score is the worth-weighted mean of its present children's fractions times its
own worth; a measure excluded for missing data drops out of that mean, so its worth is spread
over its present siblings.  Nothing here reads files or prints.
"""
from __future__ import annotations

from . import methods
from .model import Group, Measure, Node, Rubric, Submission, worth
from .results import GroupResult, MeasureResult, Scorecard, Totals, lost_points, r2


def score(rubric: Rubric, submission: Submission) -> Scorecard:
    """Score one submission against its rubric."""
    fractions: dict[str, float | None] = {}
    policy = rubric.missing
    for node in rubric.tree:
        _fraction(node, submission, policy, fractions)
    weights: dict[str, float] = {}
    _spread(rubric.tree, rubric.scale, fractions, weights)
    base = rubric.scale * (_mean(rubric.tree, fractions) or 0.0)
    mods = {m.id: _modifier_result(m, submission.entries.get(m.id)) for m in rubric.measures if m.is_modifier}
    bonus = _capped(mods.values(), "bonus", rubric.bonus_cap)
    deductions = _capped(mods.values(), "deduction", rubric.deduction_cap)
    totals = Totals.of(rubric, base, bonus, deductions)
    measures = tuple(mods[m.id] if m.is_modifier else _base_result(m, submission, fractions, weights, totals)
                     for m in rubric.measures)
    groups = tuple(_group_result(g, fractions, weights) for g in rubric.groups)
    total = r2(totals.total())
    vetoed_by = tuple(m.id for m in measures if m.measure.method == "veto" and m.status == "triggered")
    grade = rubric.grades[-1] if vetoed_by else grade_for(rubric, total)
    return Scorecard(rubric, submission, measures, groups, base, bonus, deductions, total, grade, vetoed_by)


def grade_for(rubric: Rubric, total: float):
    """The first grade whose min <= the rounded total (the last grade if none)."""
    rounded = r2(total)
    return next((g for g in rubric.grades if g.min <= rounded), rubric.grades[-1])


def _fraction(node: Node, sub: Submission, policy: str, out: dict) -> float | None:
    """Fill ``out`` with every node's fraction; None means excluded (or not part of the base)."""
    if isinstance(node, Measure):
        out[node.id] = _measure_fraction(node, sub, policy)
        return out[node.id]
    own = node.missing or policy
    for child in node.children:
        _fraction(child, sub, own, out)
    out[node.id] = _mean(node.children, out)
    return out[node.id]


def _measure_fraction(m: Measure, sub: Submission, policy: str) -> float | None:
    if m.is_modifier:
        return None
    entry = sub.entries.get(m.id)
    if entry is None:
        return None if (m.missing or policy) == "exclude" else 0.0
    return methods.get(m.method).fraction(m, entry.value)


def _mean(children: tuple[Node, ...], fractions: dict) -> float | None:
    """Worth-weighted mean of the present children's fractions."""
    present = [(worth(c), fractions[c.id]) for c in children if fractions[c.id] is not None and worth(c) > 0]
    total = sum(w for w, _ in present)
    return sum(w * f for w, f in present) / total if total > 0 else None


def _spread(children: tuple[Node, ...], share: float, fractions: dict, out: dict) -> None:
    """Give each node the points of the total it is worth at full score."""
    present = sum(worth(c) for c in children if fractions[c.id] is not None and worth(c) > 0)
    for c in children:
        ok = present > 0 and fractions[c.id] is not None
        out[c.id] = share * worth(c) / present if ok else 0.0
        if isinstance(c, Group):
            _spread(c.children, out[c.id], fractions, out)


def _base_result(m: Measure, sub: Submission, fractions: dict, weights: dict, totals: Totals) -> MeasureResult:
    entry = sub.entries.get(m.id)
    f = fractions[m.id]
    if entry is None:
        status = "excluded" if f is None else "missing"
    else:
        status = "full" if f >= 1.0 else "zero" if f <= 0.0 else "partial"
    weight = weights[m.id]
    return MeasureResult(m, entry, status, f, (f or 0.0) * m.points, m.points, weight,
                         recoverable=totals.gain(lost_points(weight, f)))


def _modifier_result(m: Measure, entry) -> MeasureResult:
    cap = m.params.get("cap")
    if entry is None:
        return MeasureResult(m, None, "missing", None, 0.0, cap)
    amount = methods.get(m.method).amount(m, entry.value)
    status = "triggered" if amount > 0 else "not-triggered"
    return MeasureResult(m, entry, status, None, 0.0 if m.method == "veto" else amount, cap)


def _group_result(g: Group, fractions: dict, weights: dict) -> GroupResult:
    f = fractions[g.id]
    return GroupResult(g, (f or 0.0) * g.worth, g.worth, f, weights[g.id])


def _capped(results, method: str, cap: float | None) -> float:
    total = sum(r.score for r in results if r.measure.method == method)
    return total if cap is None else min(total, cap)
