"""Comparing scorecards (the pure core of `scorecard compare`): a league per rubric, trends per subject.

Scorecards are ranked only within one rubric (id and version).  The league ranks each subject's
latest scorecard (or every scorecard of one chosen period), vetoed subjects last whatever their total;
a trend follows one subject across its periods, and across the versions of its rubric (SPEC 9).  Nothing here prints.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from . import crosswalk
from .coverage import below, share
from .model import Group, Rubric
from .problems import RubricError
from .results import Scorecard
from .trends import FLAT, Change, Slip, Step, Trend, arrow, period_key, trends  # noqa: F401  (re-exported)


@dataclass(frozen=True)
class Standing:
    """One row of a league."""

    rank: int | None
    """1 for the best; equal totals share a rank; vetoed subjects rank after every other; None: unranked, its
    coverage below the rubric's min_coverage (数据不足, listed after every ranked subject)."""
    card: Scorecard

    @property
    def coverage(self) -> float:
        return share(self.card)


@dataclass(frozen=True)
class League:
    """The subjects of one rubric ranked for one period."""

    rubric: Rubric
    period: Any
    """The period asked for; None: each subject's latest scorecard is ranked."""
    standings: tuple[Standing, ...]
    absent: tuple[Scorecard, ...] = ()
    """With a period: each subject without a scorecard for it, by its latest scorecard (not ranked)."""

    @property
    def periods(self) -> tuple:
        """The periods of the ranked scorecards, oldest first."""
        keys = {period_key(s.card.submission.period): s.card.submission.period for s in self.standings}
        return tuple(keys[k] for k in sorted(keys))

    @property
    def unranked(self) -> tuple[Standing, ...]:
        """The standings below the rubric's min_coverage (after the ranked ones)."""
        return tuple(s for s in self.standings if s.rank is None)

    @property
    def groups(self) -> tuple[Group, ...]:
        """The top-level groups that carry points: the league's columns."""
        return tuple(n for n in self.rubric.tree if isinstance(n, Group) and n.worth > 0)


@dataclass(frozen=True)
class Comparison:
    """Everything `scorecard compare` says about the scorecards of one rubric."""

    league: League
    trends: tuple[Trend, ...]
    """Subjects with two or more periods."""


def compare(cards: Iterable[Scorecard], period: Any = None) -> tuple[Comparison, ...]:
    """A league and the trends for each rubric, in the order the rubrics first appear.

    A subject's trend runs across the versions of its rubric (engine.crosswalk: through the crosswalk, or
    totals only) and is shown with the version of its latest period.  RubricError when a crosswalk is wrong."""
    groups = by_rubric(cards)
    rubrics = [g[0].rubric for g in groups.values()]
    problems = crosswalk.lint(rubrics)
    if problems:
        raise RubricError(problems)
    placed: dict[tuple[str, str], list[Trend]] = {key: [] for key in groups}
    for family in families(groups):
        for t in trends([c for key in family for c in groups[key]]):
            placed[_key(t.cards[-1].rubric)].append(t)
    return tuple(Comparison(league(group, period), tuple(placed[key])) for key, group in groups.items())


def families(groups: dict) -> list[list[tuple[str, str]]]:
    """The rubric keys of ``groups`` gathered into versions of one rubric (crosswalk.related), in order."""
    out: list[list[tuple[str, str]]] = []
    for key, cards in groups.items():
        near = [f for f in out if any(crosswalk.related(cards[0].rubric, groups[k][0].rubric) for k in f)]
        merged = [k for f in near for k in f] + [key]
        out = [f for f in out if f not in near] + [merged]
    return out


def _key(rubric: Rubric) -> tuple[str, str]:
    return rubric.id, rubric.version


def of_runs(runs, period: Any = None) -> tuple[Comparison, ...]:
    """compare() over engine.outcome.Cards.runs(): one whole scored batch and nothing else is ranked from the
    batch's arrays (engine.vector.league); anything else card by card."""
    runs = _light(runs)
    if runs and all(r[0] == "rows" for r in runs) and len({id(r[2]) for r in runs}) == 1:
        from .vector.league import joined, of_rows

        return of_rows(joined([r[1] for r in runs]), runs[0][2], period)
    if any(r[0] == "rows" for r in runs):
        return compare([c for r in runs for c in (r[1] if r[0] == "cards" else r[1].cards)], period)
    if any(r[0] == "batch" for r in runs):
        from .vector.cards import to_scorecards

        return compare([c for r in runs for c in (r[1] if r[0] == "cards" else to_scorecards(r[1], r[2]))], period)
    return compare([c for r in runs for c in r[1]], period)


def _light(runs) -> list:
    """The runs with each whole batch made into what ranking reads of it (engine.vector.league.Rows) as it comes,
    so a big table's chunks are let go one by one; several batches' rows are ranked together when every one is of
    the same rubric."""
    from .vector.league import rows_of

    out = []
    for r in runs:
        out.append(("rows", rows_of(r[1], r[2]), r[2]) if r[0] == "batch" and len(r[1]) else r)
    return out


def by_rubric(cards: Iterable[Scorecard]) -> dict[tuple[str, str], list[Scorecard]]:
    out: dict[tuple[str, str], list[Scorecard]] = {}
    for c in cards:
        out.setdefault(_key(c.rubric), []).append(c)
    return out


def league(cards: list[Scorecard], period: Any = None) -> League:
    """Rank the scorecards of one rubric: each subject's latest, or only those for ``period`` when given."""
    latest = latest_cards(cards)
    if period is None:
        now, absent = latest, []
    else:
        now = [c for c in latest_cards(cards, period) if period_key(c.submission.period) == period_key(period)]
        here = {c.submission.subject_id for c in now}
        absent = [c for c in latest if c.submission.subject_id not in here]
    if now and period is not None:
        period = now[0].submission.period  # as the submissions write it (2024, not '2024')
    rubric = cards[0].rubric
    ranked = sorted((c for c in now if not below(c, rubric)), key=lambda c: (c.vetoed, -c.total, c.submission.subject_id))
    standings: list[Standing] = []
    for i, c in enumerate(ranked):
        tie = standings and (standings[-1].card.vetoed, standings[-1].card.total) == (c.vetoed, c.total)
        standings.append(Standing(standings[-1].rank if tie else i + 1, c))
    short = sorted((c for c in now if below(c, rubric)), key=lambda c: (-share(c), c.submission.subject_id))
    return League(rubric, period, tuple(standings) + tuple(Standing(None, c) for c in short), tuple(absent))


def latest_cards(cards: list[Scorecard], upto: Any = None) -> list[Scorecard]:
    """Each subject's latest scorecard (up to period ``upto``), in subject order; a later file wins a tie."""
    best: dict[str, Scorecard] = {}
    for c in cards:
        key = period_key(c.submission.period)
        if upto is not None and key > period_key(upto):
            continue
        have = best.get(c.submission.subject_id)
        if have is None or key >= period_key(have.submission.period):
            best[c.submission.subject_id] = c
    return [best[s] for s in sorted(best)]
