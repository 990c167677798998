"""The CI gate (scorecard check): which submissions pass, and why the others fail. Pure."""
from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .model import Grade, Loc, Rubric
from .problems import Problem, UsageError, errors

if TYPE_CHECKING:  # a policy is read, and its rules imported, only with --policy
    from .outcome import Outcome
    from .policy import Policy


@dataclass(frozen=True)
class Bar:
    """What a submission must reach."""

    min_grade: str | None = None
    """A grade as typed: its id or its label in any language of the rubric (find_grade); the submission's
    grade must be this one or better."""
    min_score: float | None = None
    """The rounded total must be at least this."""
    policy: Policy | None = None
    """check --policy: rules on top of the two above (each must be met: the stricter of two bars binds)."""

    def __post_init__(self) -> None:
        if self.min_score is not None and not math.isfinite(self.min_score):
            raise UsageError(f"--min-score {self.min_score!r} is not a number of points: give e.g. --min-score 60")

    def describe(self) -> str:
        parts = [f"grade {self.min_grade} or better"] if self.min_grade else []
        parts += [f"total >= {self.min_score:g}"] if self.min_score is not None else []
        parts += [self.policy.describe()] if self.policy else []
        return " and ".join(parts) or "valid"


@dataclass(frozen=True)
class Verdict:
    """One submission's result at the gate."""

    outcome: Outcome
    failures: tuple[Problem, ...]
    """Errors and threshold failures; empty when it passes."""

    @property
    def passed(self) -> bool:
        return not self.failures

    @property
    def invalid(self) -> bool:
        return not self.outcome.ok


def judge(outcome: Outcome, bar: Bar) -> Verdict:
    """The verdict for one outcome (a --min-grade its rubric has no grade for is one of its failures)."""
    if not outcome.ok:
        return Verdict(outcome, tuple(errors(outcome.problems)))
    card = outcome.head
    if card is None:
        return Verdict(outcome, ())
    failures = _below_bar(card, bar, outcome.where)
    if bar.policy:  # its rules read measures and groups: the full card (a long table's is made here)
        from .policy import unmet

        failures += unmet(bar.policy, outcome.card, outcome.where, _who(card))
    return Verdict(outcome.settled(), tuple(failures))


def _who(card) -> str:
    return f"{card.submission.subject_name} {card.submission.period}"


def _below_bar(card, bar: Bar, loc: Loc) -> list[Problem]:
    who = _who(card)
    label = card.grade.label.get()
    out = []
    if card.vetoed:
        out.append(Problem(loc, f"{who}: vetoed (一票否决) by {', '.join(card.vetoed_by)}: graded {label}",
                           code="vetoed"))
        return out
    if bar.min_grade is not None:
        out += _below_grade(card, bar.min_grade, who, label, loc)
    if bar.min_score is not None and card.total < bar.min_score:
        out.append(Problem(loc, f"{who}: total {card.total:g} is below the required {bar.min_score:g}",
                           code="below-score"))
    return out


def _below_grade(card, typed: str, who: str, label: str, loc: Loc) -> list[Problem]:
    """The grade bar for this submission's own rubric: a failure when it is below, or when the rubric has no
    grade by that name (a bar that cannot be applied never passes silently)."""
    grades = card.rubric.grades
    goal = find_grade(card.rubric, typed)
    if goal is None:
        # the grade check itself failed: every reporter (JUnit's grade testcase too) shows it there
        return [Problem(loc, f"{who}: {unknown_grade(card.rubric, typed)}", code="below-grade")]
    if grades.index(card.grade) > grades.index(goal):
        return [Problem(loc, f"{who}: grade {label} ({card.grade.id}, total {card.total:g}) is below the required "
                        f"grade {goal.id} ({goal.label.get()})", code="below-grade")]
    return []


def find_grade(rubric: Rubric, typed: str) -> Grade | None:
    """The grade ``typed`` names: its id, else its label in any language of the rubric; ids and labels match
    whatever their case, width (ｐａｓｓ) or surrounding spaces.  None when it names none, or several."""
    found = matches(rubric, typed)
    return found[0] if len(found) == 1 else None


def matches(rubric: Rubric, typed: str) -> list[Grade]:
    """The grades ``typed`` may name, by the closest rule that finds any: exact id, id, label."""
    key = _key(typed)
    for same in (lambda g: g.id == typed, lambda g: _key(g.id) == key,
                 lambda g: any(_key(text) == key for _, text in g.label.texts if text)):
        found = [g for g in rubric.grades if same(g)]
        if found:
            return found
    return []


def _key(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().casefold()


def grade_names(rubric: Rubric) -> str:
    """What --min-grade takes for a rubric: 'excellent (优秀, Excellent), good (良好, Good), ...'."""
    def names(g: Grade) -> str:
        texts = list(dict.fromkeys(t for _, t in g.label.texts if t and t != g.id))
        return f"{g.id} ({', '.join(texts)})" if texts else g.id
    return ", ".join(names(g) for g in rubric.grades)


def unknown_grade(rubric: Rubric, typed: str) -> str:
    """Why ``typed`` names no grade of the rubric, and what to type instead."""
    several = matches(rubric, typed)
    what = f"names several grades of {rubric.ref} ({', '.join(g.id for g in several)})" if several else \
        f"is not a grade of {rubric.ref}"
    return f"--min-grade {typed!r} {what}: type one of {grade_names(rubric)}"


def check_bar(bar: Bar, verdicts: list[Verdict]) -> None:
    """UsageError when --min-grade names a grade of none of the rubrics the submissions use (saying what to
    type for each), or the policy names a grade, measure or group one of them lacks."""
    rubrics = {v.outcome.head.rubric.ref: v.outcome.head.rubric for v in verdicts if v.outcome.head}
    if bar.policy:
        from .policy import check as check_policy

        check_policy(bar.policy, rubrics.values())
    if bar.min_grade is None or not rubrics:
        return
    if not any(find_grade(r, bar.min_grade) for r in rubrics.values()):
        raise UsageError("; ".join(unknown_grade(r, bar.min_grade) for r in rubrics.values()))
