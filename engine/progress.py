"""Filing progress (填报进度, SPEC 8): who still owes which measures, and what they are worth (pure).

Filings (engine.campaign.Filing, one per submission, valid or not) in, a Progress out; nothing is read
or printed here.  The counts, per subject and period and per responsible unit:

- assigned: the base measures (not the bonus, deduction and veto items: not filing them costs no points,
  so they are left out of every count) whose owners include the unit; as lead when it is owners[0]
  (牵头), as co-owner otherwise (配合).
- filed: assigned measures with a valid value, whoever gave it (the unit, a co-owner, the subject's own
  part, in any stage): once the city or a co-owner has filed a measure the lead owes nothing on it.
- invalid: assigned measures given with an error in some part (an error wins over a valid value given
  elsewhere: it must be fixed before the measure counts).
- missing: assigned - filed - invalid.
- points missing: the sum, over the missing and invalid measures, of the points of the total full marks
  on each are worth when every measure is reported (the rubric's nominal weights, gap_views.nominal_weights;
  under ``missing: exclude`` a scorecard spreads an unreported measure's weight over the others, so this is
  what filing it puts at stake, not what its absence takes off now).  A co-owned measure counts for each
  of its owners, so the units' points add up to more than the subject's.
- coverage: the share of the subject's base measures that are filed, a waived one being out of the base
  (engine.coverage's definition).
- filed nothing: units with assigned measures none of which is filed, and no part filed by them.

``Progress.units`` adds every unit up across subjects, the unit that owes most points first.
``select`` keeps one subject or one unit (``--subject``, ``--unit``); ``duties`` is one unit's list of what it
still owes in a submission, measure by measure (the 责任清单).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Iterable

from .campaign import Filing, PartInfo
from .gap_views import nominal_weights
from .model import Measure, Rubric
from .problems import UsageError, did_you_mean


@dataclass(frozen=True)
class UnitProgress:
    """One unit's share of one submission."""

    unit: str
    """Key into rubric.units (a key the rubric does not declare is shown as it is)."""
    lead: tuple[str, ...]
    """Ids of the base measures it leads, rubric order."""
    co: tuple[str, ...]
    """Ids of the base measures it shares as a co-owner."""
    filed: tuple[str, ...]
    invalid: tuple[str, ...]
    missing: tuple[str, ...]
    points: float
    """Points of the total the missing and invalid measures are worth (unrounded)."""
    filed_nothing: bool

    @property
    def assigned(self) -> int:
        return len(self.lead) + len(self.co)

    @property
    def owes(self) -> tuple[str, ...]:
        """Missing and invalid measure ids, rubric order."""
        return tuple(m for m in self.lead + self.co if m in self.missing or m in self.invalid)


@dataclass(frozen=True)
class SubjectProgress:
    """One submission (subject and period): its units and its coverage."""

    filing: Filing
    units: tuple[UnitProgress, ...]
    """Units with assigned measures, in the order of rubric.units (undeclared keys after, sorted)."""
    base: int
    """How many base measures the rubric has."""
    filed: tuple[str, ...]
    invalid: tuple[str, ...]
    missing: tuple[str, ...]
    points: float
    """Points of the total the subject's missing and invalid measures are worth, each counted once."""

    @property
    def rubric(self) -> Rubric:
        return self.filing.rubric

    @property
    def coverage(self) -> float | None:
        """Share of the base measures filed (0 to 1), as engine.coverage defines it for a scorecard: a waived
        measure is out of the base (it is owed by nobody); 1.0 when every one is waived; None for a rubric
        without base measures."""
        if not self.base:
            return None
        waived = sum(1 for i in self.filed if i in self.filing.waived)
        owed = self.base - waived
        return (len(self.filed) - waived) / owed if owed else 1.0

    @property
    def filed_nothing(self) -> tuple[str, ...]:
        return tuple(u.unit for u in self.units if u.filed_nothing)


@dataclass(frozen=True)
class UnitTotal:
    """One unit across every subject given."""

    unit: str
    rubric: Rubric
    """The first rubric that assigns it measures (where its name comes from)."""
    subjects: int
    """Submissions in which it has assigned measures."""
    lead: int
    co: int
    filed: int
    invalid: int
    missing: int
    points: float
    filed_nothing: int
    """Submissions in which it has filed nothing."""


@dataclass(frozen=True)
class Progress:
    subjects: tuple[SubjectProgress, ...]
    units: tuple[UnitTotal, ...]
    """Most points missing first, then most measures missing, then first seen."""


def progress(filings: Iterable[Filing]) -> Progress:
    """The progress of every filing, in the order given."""
    plans: dict[int, Plan] = {}
    subjects = tuple(subject(f, plans.get(id(f.rubric)) or plans.setdefault(id(f.rubric), plan(f.rubric)))
                     for f in filings)
    return Progress(subjects, totals(subjects))


@dataclass(frozen=True)
class Plan:
    """What every submission of one rubric shares: its base measures, what each is worth, who owns which."""

    base: tuple[str, ...]
    weights: dict
    units: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]
    """(unit, lead ids, co ids), in unit_order."""
    complete: dict = field(default_factory=dict, compare=False)
    """(unit, has a part) -> its UnitProgress when it has filed everything: one object shared by every
    submission (the common case at a national table's scale)."""


def plan(rubric: Rubric) -> Plan:
    base = [m for m in rubric.measures if not m.is_modifier]
    by_unit: dict[str, tuple[list, list]] = {}
    for m in base:
        for i, unit in enumerate(m.owners):
            by_unit.setdefault(unit, ([], []))[i > 0].append(m.id)
    return Plan(tuple(m.id for m in base), nominal_weights(rubric),
                tuple((u, tuple(by_unit[u][0]), tuple(by_unit[u][1])) for u in unit_order(rubric, by_unit)))


def subject(filing: Filing, shared: Plan | None = None) -> SubjectProgress:
    p = shared or plan(filing.rubric)
    invalid = {i for i in p.base if i in filing.invalid}
    filed = {i for i in p.base if (i in filing.filed or i in filing.waived) and i not in invalid}
    parts_by = {part.filed_by for part in filing.parts}
    units = tuple(_done(p, u, lead, co, u in parts_by) if filed.issuperset(lead) and filed.issuperset(co) else
                  _unit(u, lead, co, filed, invalid, p.weights, u in parts_by) for u, lead, co in p.units)
    missing = tuple(i for i in p.base if i not in filed and i not in invalid)
    return SubjectProgress(filing, units, len(p.base), tuple(i for i in p.base if i in filed),
                           tuple(i for i in p.base if i in invalid), missing,
                           sum(p.weights[i] for i in p.base if i not in filed))


def _done(p: Plan, unit: str, lead: tuple, co: tuple, has_part: bool) -> UnitProgress:
    """A unit that has filed everything it owns, made once per plan."""
    key = (unit, has_part)
    done = p.complete.get(key)
    if done is None:
        done = p.complete[key] = UnitProgress(unit, lead, co, lead + co, (), (), 0, not (lead or co) and not has_part)
    return done


def _unit(unit: str, lead: tuple, co: tuple, filed: set, invalid: set, weights: dict, has_part: bool) -> UnitProgress:
    ids = lead + co
    done = tuple(i for i in ids if i in filed)
    bad = tuple(i for i in ids if i in invalid)
    missing = tuple(i for i in ids if i not in filed and i not in invalid)
    return UnitProgress(unit, lead, co, done, bad, missing, sum(weights[i] for i in ids if i not in filed),
                        not done and not has_part)


def unit_order(rubric: Rubric, units) -> list[str]:
    """``units`` in the order rubric.units declares them, undeclared keys after them, sorted."""
    declared = [u for u in rubric.units if u in units]
    return declared + sorted(set(units) - set(declared))


def totals(subjects: tuple[SubjectProgress, ...]) -> tuple[UnitTotal, ...]:
    """Every unit added up across subjects."""
    sums: dict[str, list] = {}
    for s in subjects:
        for u in s.units:
            t = sums.get(u.unit)
            if t is None:
                t = sums[u.unit] = [s.rubric, 0, 0, 0, 0, 0, 0, 0.0, 0]
            t[1] += 1
            t[2] += len(u.lead)
            t[3] += len(u.co)
            t[4] += len(u.filed)
            t[5] += len(u.invalid)
            t[6] += len(u.missing)
            t[7] += u.points
            t[8] += u.filed_nothing
    seen = {unit: UnitTotal(unit, *t) for unit, t in sums.items()}
    order = list(seen)
    return tuple(sorted(seen.values(), key=lambda t: (-round(t.points, 9), -t.missing, order.index(t.unit))))


@dataclass(frozen=True)
class Duty:
    """One measure a unit still owes in one submission: a row of its 责任清单."""

    subject: SubjectProgress
    measure: Measure
    lead: bool
    """True when the unit leads it (牵头), False when it is a co-owner (配合)."""
    status: str
    """"missing" or "invalid"."""
    points: float
    """Points of the total full marks on it are worth (nominal weights, as UnitProgress.points)."""


def duties(s: SubjectProgress, u: UnitProgress) -> tuple[Duty, ...]:
    """What ``u`` still owes in ``s``: its missing and invalid measures, the ones it leads first (rubric order)."""
    weights = nominal_weights(s.rubric)
    return tuple(Duty(s, s.rubric.by_id[i], i in u.lead, "invalid" if i in u.invalid else "missing", weights[i])
                 for i in u.owes)


def select(prog: Progress, subject: str | None = None, unit: str | None = None) -> Progress:
    """Only the submissions of ``subject`` (its id or name: every period), and in them only ``unit`` (its key
    or its name in any language), the subjects that assign it nothing left out; the totals made anew.
    A subject or unit the progress does not hold is a UsageError with the closest one."""
    subjects = prog.subjects
    if not subjects:  # nothing was read: the command says so, not the filter
        return prog
    if subject is not None:
        subjects = tuple(s for s in subjects if subject in (s.filing.subject_id, s.filing.subject_name))
        if not subjects:
            known = dict.fromkeys(s.filing.subject_id for s in prog.subjects)
            raise UsageError(f"--subject {subject!r}: no such subject in the paths given{did_you_mean(subject, known)}")
    if unit is not None:
        key = unit_key(subjects, unit)
        subjects = tuple(replace(s, units=tuple(u for u in s.units if u.unit == key)) for s in subjects
                         if any(u.unit == key for u in s.units))
    return Progress(subjects, totals(subjects))


def unit_key(subjects: Iterable[SubjectProgress], unit: str) -> str:
    """The key of the unit called ``unit`` (a key, or a name in any language) among the subjects' units."""
    names: dict[str, str] = {}
    for s in subjects:
        for u in s.units:
            label = s.rubric.units.get(u.unit)
            names.setdefault(u.unit, u.unit)
            for _, text in (label.texts if label is not None else ()):
                names.setdefault(text, u.unit)
    if unit in names:
        return names[unit]
    raise UsageError(f"--unit {unit!r}: no unit of that key or name has measures in the paths given"
                     f"{did_you_mean(unit, names)}")


def filing_of(card) -> Filing:
    """The Filing a valid scorecard stands for (what the HTML index has): the measures with a value and who
    gave them, nothing invalid; its parts' files (who filed a part is known from the values it gave, which
    is all ``filed_nothing`` needs: a unit's part can only give measures the unit owns)."""
    sub = card.submission
    filed = {mid: e.filed_by for mid, e in {**sub.entries, **sub.verified}.items()}
    parts = tuple(PartInfo(p) for p in sub.parts or (sub.path,))
    return Filing(card.rubric, sub.subject_id, sub.subject_name, sub.period, parts, filed, waived=sub.waivers)


def has_units(card) -> bool:
    """True when some value of the scorecard was filed by a unit's part (a campaign, SPEC 8)."""
    sub = card.submission
    return any(e.filed_by for e in (*sub.entries.values(), *sub.verified.values()))
