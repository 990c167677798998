"""CI policies (SPEC 9): the rules `scorecard check --policy FILE` holds every submission to.

A policy is a YAML map, each key optional::

    min_grade: pass              # a grade of each submission's rubric (its id or a label), or better
    min_score: 60                # the rounded total
    min_coverage: 0.8            # share (0-1) of the base measures with a value; waived ones are not base
    max_waivers: 2               # measures the submission waives
    require: [D1.I01.M01]        # measures that must have a value
    groups: {D1: {min_score: 20}}  # a group's score in its own points (before its parents' scaling)

It is read with the strict YAML loader and checked whole before any submission is judged: an unknown key,
a wrong type, or an id or grade its submissions' rubrics do not have is a located usage error (exit 2).
Every unmet rule is its own failure (code ``policy.<rule>``; ``require`` and ``groups`` one per id).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from .coverage import counts
from .model import Loc, Rubric
from .problems import Problem, UsageError, did_you_mean, read_yaml
from .results import r2

KEYS = ("min_grade", "min_score", "min_coverage", "max_waivers", "require", "groups")
GROUP_KEYS = ("min_score",)


@dataclass(frozen=True)
class Rule:
    """One rule of a policy: what JUnit names a testcase and a failure's code names."""

    code: str
    """'policy.min_coverage', 'policy.require', ..."""
    id: str
    """The measure or group a require or groups rule is about, else ''."""
    value: object
    """What the policy asks: a grade, a number of points, a share, a count; None for require."""
    loc: Loc
    """Where the policy file states it."""

    @property
    def name(self) -> str:
        """'policy.min_coverage >= 0.8', 'policy.require D1.M01', 'policy.groups D1 >= 20'."""
        what = {"policy.min_grade": "{v} or better", "policy.max_waivers": "<= {v}"}.get(self.code, ">= {v}")
        parts = [self.code, self.id, "" if self.value is None else what.format(v=self.value)]
        return " ".join(p for p in parts if p)


@dataclass(frozen=True)
class Policy:
    file: str
    rules: tuple[Rule, ...]

    def rule(self, code: str) -> Rule | None:
        return next((r for r in self.rules if r.code == code), None)

    def describe(self) -> str:
        return f"policy {self.file} ({len(self.rules)} rule{'s' if len(self.rules) != 1 else ''})"

    def as_dict(self) -> dict:
        return {"file": self.file, "rules": [{"rule": r.code, "id": r.id or None, "value": r.value,
                                               "line": r.loc.line, "col": r.loc.col} for r in self.rules]}


class PolicyError(UsageError):
    """A policy that cannot be used (exit 2): every problem of it, located in the policy file."""

    def __init__(self, what: str, problems: list[Problem]):
        super().__init__(f"{what}: " + "; ".join(map(str, problems)))
        self.what, self.problems = what, problems


def load(path: str) -> Policy:
    """The policy in a file, or PolicyError listing every problem of it at FILE:LINE:COL."""
    doc, problems = read_yaml(path)
    if doc is not None and not problems:
        rules, problems = _rules(doc, str(path))
        if not problems:
            return Policy(str(path), tuple(rules))
    raise PolicyError(f"the policy {path} cannot be used", problems)


def _rules(doc, file: str) -> tuple[list[Rule], list[Problem]]:
    data = doc.data
    at = lambda path, key=False: Loc(file, *doc.where(path, key))  # noqa: E731
    if not isinstance(data, dict):
        return [], [Problem(at(()), f"a policy is a YAML map with some of the keys {', '.join(KEYS)}",
                            code="policy")]
    rules, problems = [], _unknown(data, KEYS, (), at)
    for key in KEYS[:4]:
        if key in data:
            error = _SCALARS[key](data[key])
            problems += [Problem(at((key,)), f"{key}: {error}", code="policy")] if error else []
            rules.append(Rule(f"policy.{key}", "", data[key], at((key,))))
    if "require" in data:
        rules += _require(data["require"], at, problems)
    if "groups" in data:
        rules += _groups(data["groups"], at, problems)
    return rules, problems


def _unknown(data: dict, known, path: tuple, at) -> list[Problem]:
    return [Problem(at(path + (k,), True), f"unknown key {k!r}{did_you_mean(k, known)}: a policy "
                    f"{'group takes' if path else 'takes'} {', '.join(known)}", code="policy")
            for k in data if k not in known]


def _number(v) -> str:
    ok = isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)
    return "" if ok else f"{v!r} is not a number of points (e.g. 60)"


def _share(v) -> str:
    if _number(v) or not 0 <= v <= 1:
        return f"{v!r} is not a share from 0 to 1 (0.8 = 80% of the base measures with a value)"
    return ""


def _count(v) -> str:
    ok = isinstance(v, int) and not isinstance(v, bool) and v >= 0
    return "" if ok else f"{v!r} is not a count of waived measures (0, 1, 2, ...)"


def _grade(v) -> str:
    return "" if isinstance(v, str) and v.strip() else f"{v!r} is not a grade: give its id, e.g. pass"


_SCALARS = {"min_grade": _grade, "min_score": _number, "min_coverage": _share, "max_waivers": _count}


def _require(ids, at, problems: list) -> list[Rule]:
    if not isinstance(ids, list):
        problems.append(Problem(at(("require",)), "require: give a list of measure ids, e.g. [D1.M01]",
                                code="policy"))
        return []
    out = []
    for i, mid in enumerate(ids):
        if not isinstance(mid, str) or not mid:
            problems.append(Problem(at(("require", i)), f"require: {mid!r} is not a measure id", code="policy"))
        elif mid not in [r.id for r in out]:
            out.append(Rule("policy.require", mid, None, at(("require", i))))
    return out


def _groups(groups, at, problems: list) -> list[Rule]:
    if not isinstance(groups, dict):
        problems.append(Problem(at(("groups",)), "groups: give a map of group ids, e.g. {D1: {min_score: 20}}",
                                code="policy"))
        return []
    out = []
    for gid, rule in groups.items():
        path = ("groups", gid)
        if not isinstance(rule, dict) or "min_score" not in rule:
            problems.append(Problem(at(path), f"groups: {gid}: give {{min_score: POINTS}}", code="policy"))
            continue
        problems += _unknown(rule, GROUP_KEYS, path, at)
        error = _number(rule["min_score"])
        problems += [Problem(at(path + ("min_score",)), f"groups: {gid}: min_score: {error}", code="policy")] \
            if error else []
        out.append(Rule("policy.groups", str(gid), rule["min_score"], at(path + ("min_score",))))
    return out


def check(policy: Policy, rubrics) -> None:
    """PolicyError when a rule names a grade, measure or group one of the submissions' rubrics lacks."""
    problems = [p for rubric in rubrics for rule in policy.rules if (p := _unknown_id(rule, rubric))]
    if problems:
        raise PolicyError(f"the policy {policy.file} does not fit the rubrics checked", problems)


def _unknown_id(rule: Rule, rubric: Rubric) -> Problem | None:
    from .gate import find_grade, grade_names

    if rule.code == "policy.min_grade" and find_grade(rubric, rule.value) is None:
        return Problem(rule.loc, f"min_grade: {rule.value!r} is not a grade of {rubric.ref}: give one of "
                       f"{grade_names(rubric)}", code="policy")
    kinds = {"policy.require": ("measure", [m.id for m in rubric.measures]),
             "policy.groups": ("group", [g.id for g in rubric.groups])}
    if rule.code in kinds and rule.id not in kinds[rule.code][1]:
        kind, known = kinds[rule.code]
        return Problem(rule.loc, f"{rule.code[7:]}: {rule.id!r} is not a {kind} of {rubric.ref}"
                       f"{did_you_mean(rule.id, known)}", code="policy")
    return None



def unmet(policy: Policy, card, loc: Loc, who: str) -> list[Problem]:
    """A failure for each rule the scorecard does not meet, at the submission ``loc``."""
    out = []
    for rule in policy.rules:
        why = _UNMET[rule.code](rule, card)
        if why:
            out.append(Problem(loc, f"{who}: {why} (policy {rule.loc})", id=rule.id, code=rule.code))
    return out


def _below_grade(rule, card) -> str:
    from .gate import find_grade

    goal, grades = find_grade(card.rubric, rule.value), card.rubric.grades
    if goal is None or grades.index(card.grade) <= grades.index(goal):
        return ""
    return f"grade {card.grade.label.get()} ({card.grade.id}) is below the policy's min_grade {goal.id}"


def _below_score(rule, card) -> str:
    return "" if card.total >= rule.value else f"total {card.total:g} is below the policy's min_score {rule.value:g}"


def _below_coverage(rule, card) -> str:
    filed, base = counts(card)
    share = filed / base if base else 1.0
    return "" if share >= rule.value else (f"coverage {share:.0%} ({filed} of {base} base measures with a value) "
                                           f"is below the policy's min_coverage {rule.value:g}")


def _over_waivers(rule, card) -> str:
    waived = sorted(card.submission.waivers)
    return "" if len(waived) <= rule.value else (f"{len(waived)} measures waived ({', '.join(waived)}), more "
                                                 f"than the policy's max_waivers {rule.value}")


def _not_given(rule, card) -> str:
    m = next((m for m in card.measures if m.id == rule.id), None)
    if m is None or m.entry is not None:
        return ""
    return f"required measure {rule.id} is {'waived' if m.status == 'waived' else 'without a value'}"


def _group_below(rule, card) -> str:
    g = next((g for g in card.groups if g.id == rule.id), None)
    if g is None or r2(g.score) >= rule.value:
        return ""
    return (f"group {rule.id} scored {r2(g.score):g} of {r2(g.max):g}"
            f"{' (every measure excluded)' if g.fraction is None else ''}, below the policy's min_score "
            f"{rule.value:g}")


_UNMET = {"policy.min_grade": _below_grade, "policy.min_score": _below_score, "policy.min_coverage": _below_coverage,
          "policy.max_waivers": _over_waivers, "policy.require": _not_given, "policy.groups": _group_below}
