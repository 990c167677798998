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

from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cached_property
from itertools import chain, filterfalse
from operator import attrgetter
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
    partial: dict = field(default_factory=dict, compare=False)
    """(unit, has a part, the ids it lacks, the invalid ones among them) -> its UnitProgress: one object shared
    by every submission with that gap (most often none: at a national table's scale most units filed all)."""

    @cached_property
    def owned(self) -> tuple[frozenset, ...]:
        """The ids each of ``units`` owns (lead and co)."""
        return tuple(frozenset(lead + co) for _, lead, co in self.units)

    @cached_property
    def at(self) -> dict[str, int]:
        """Base id -> its place in ``base``."""
        return {i: n for n, i in enumerate(self.base)}


def plan(rubric: Rubric) -> Plan:
    base = [m for m in rubric.measures if not m.is_modifier]
    by_unit: dict[str, tuple[list, list]] = {}
    for m in base:
        for i, unit in enumerate(m.owners):
            by_unit.setdefault(unit, ([], []))[i > 0].append(m.id)
    return Plan(tuple(m.id for m in base), nominal_weights(rubric),
                tuple((u, tuple(by_unit[u][0]), tuple(by_unit[u][1])) for u in unit_order(rubric, by_unit)))


def subject(filing: Filing, shared: Plan | None = None) -> SubjectProgress:
    """One filing's progress.  Set operations over the few measures it lacks (not filed, or invalid) rather than
    passes over every measure: at a national table's scale most units have filed everything."""
    p = shared or plan(filing.rubric)
    invalid = filing.invalid.intersection(p.at) if filing.invalid else frozenset()
    lack = set(p.at).difference(filing.filed, filing.waived) | invalid
    parts_by = {part.filed_by for part in filing.parts}
    units = tuple(_unit(p, u, lead, co, lack & owned, invalid, u in parts_by)
                  for (u, lead, co), owned in zip(p.units, p.owned))
    ordered = sorted(lack, key=p.at.__getitem__)
    return SubjectProgress(filing, units, len(p.base), tuple(filterfalse(lack.__contains__, p.base)),
                           tuple(i for i in ordered if i in invalid), tuple(i for i in ordered if i not in invalid),
                           sum(p.weights[i] for i in ordered))


def _unit(p: Plan, unit: str, lead: tuple, co: tuple, lack: set, invalid: frozenset, has_part: bool) -> UnitProgress:
    """A unit's share when it lacks some of its measures (``lack``: those not filed, or invalid), made once per
    plan for each such gap."""
    key = (unit, has_part, frozenset(lack), frozenset(lack & invalid) if invalid else frozenset())
    made = p.partial.get(key)
    if made is None:
        ids = lead + co
        done = tuple(filterfalse(lack.__contains__, ids))
        made = p.partial[key] = UnitProgress(
            unit, lead, co, done, tuple(i for i in ids if i in key[3]),
            tuple(i for i in ids if i in lack and i not in key[3]), sum(p.weights[i] for i in ids if i in lack),
            not done and not has_part)
    return made


def unit_order(rubric: Rubric, units) -> list[str]:
    """``units`` in the order rubric.units declares them, undeclared keys after them, sorted."""
    declared = [u for u in rubric.units if u in units]
    return declared + sorted(set(units) - set(declared))


def totals(subjects: tuple[SubjectProgress, ...]) -> tuple[UnitTotal, ...]:
    """Every unit added up across subjects: the counts of each distinct UnitProgress once, times the subjects
    that share it (a plan makes one object per gap, engine.progress._unit); the points added one by one, in the
    subjects' order (so the sums are those of adding them up subject by subject)."""
    first: dict[str, Rubric] = {}
    known: set = set()
    for s in subjects:
        names = tuple(map(_UNIT, s.units))
        if names not in known:
            known.add(names)
            for unit in names:
                first.setdefault(unit, s.rubric)
    every = list(chain.from_iterable(s.units for s in subjects))
    sums = {unit: [r, 0, 0, 0, 0, 0, 0, 0.0, 0] for unit, r in first.items()}
    times = Counter(map(id, every))  # by identity: hashing a UnitProgress hashes all its tuples
    for key, u in dict(zip(map(id, every), every)).items():
        n, t = times[key], sums[u.unit]
        t[1] += n
        t[2] += n * len(u.lead)
        t[3] += n * len(u.co)
        t[4] += n * len(u.filed)
        t[5] += n * len(u.invalid)
        t[6] += n * len(u.missing)
        t[8] += n * u.filed_nothing
    for u in every:
        if u.points:
            sums[u.unit][7] += u.points
    order = {unit: k for k, unit in enumerate(sums)}
    return tuple(sorted((UnitTotal(unit, *t) for unit, t in sums.items()),
                        key=lambda t: (-round(t.points, 9), -t.missing, order[t.unit])))


_UNIT = attrgetter("unit")


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
