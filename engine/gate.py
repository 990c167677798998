"""The CI gate (scorecard check): which submissions pass, and why the others fail. Pure."""
from __future__ import annotations

from dataclasses import dataclass

from .model import Loc
from .pipeline import Outcome
from .problems import Problem, UsageError, errors


@dataclass(frozen=True)
class Bar:
    """What a submission must reach."""

    min_grade: str | None = None
    """A grade id: the submission's grade must be this one or better."""
    min_score: float | None = None
    """The rounded total must be at least this."""

    def describe(self) -> str:
        parts = [f"grade {self.min_grade} or better"] if self.min_grade else []
        parts += [f"total >= {self.min_score:g}"] if self.min_score is not None else []
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
    """The verdict for one outcome; UsageError when --min-grade names no grade of its rubric."""
    if not outcome.ok:
        return Verdict(outcome, tuple(errors(outcome.problems)))
    card = outcome.card
    if card is None:
        return Verdict(outcome, ())
    return Verdict(outcome, tuple(_below_bar(card, bar, Loc(outcome.path))))


def _below_bar(card, bar: Bar, loc: Loc) -> list[Problem]:
    who = f"{card.submission.subject_name} {card.submission.period}"
    label = card.grade.label.get()
    out = []
    if card.vetoed:
        out.append(Problem(loc, f"{who}: vetoed (一票否决) by {', '.join(card.vetoed_by)}: graded {label}",
                           code="vetoed"))
        return out
    ids = [g.id for g in card.rubric.grades]
    if bar.min_grade in ids and ids.index(card.grade.id) > ids.index(bar.min_grade):
        out.append(Problem(loc, f"{who}: grade {label} ({card.grade.id}, total {card.total:g}) is below "
                           f"the required grade {bar.min_grade}", code="below-grade"))
    if bar.min_score is not None and card.total < bar.min_score:
        out.append(Problem(loc, f"{who}: total {card.total:g} is below the required {bar.min_score:g}",
                           code="below-score"))
    return out


def check_bar(bar: Bar, verdicts: list[Verdict]) -> None:
    """UsageError when --min-grade is a grade of none of the rubrics the submissions use."""
    rubrics = {v.outcome.card.rubric.ref: v.outcome.card.rubric for v in verdicts if v.outcome.card}
    if not bar.min_grade or not rubrics:
        return
    if not any(bar.min_grade in [g.id for g in r.grades] for r in rubrics.values()):
        known = "; ".join(f"{r.id}: {', '.join(g.id for g in r.grades)}" for r in rubrics.values())
        raise UsageError(f"--min-grade {bar.min_grade!r} is not a grade of any rubric used ({known})")
