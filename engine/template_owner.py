"""A unit's template (`scorecard init --owner UNIT`, SPEC 8): only the measures the unit owns, each marked.

A measure's owners are ``Measure.owners``: the first is the lead (牵头), the rest co-owners (配合).  Pure:
the rubric in, the unit's measures, roles, names and file names out; a unit the rubric does not have is a
UsageError that names the units it does have.
"""
from __future__ import annotations

import re
from typing import Iterable

from .model import Label, Measure, Rubric
from .problems import UsageError, did_you_mean, shown

ALL = "all"
"""``--owner all``: one template per unit that owns a measure."""
ROLES = {"lead": "牵头 lead", "co-owner": "配合 co-owner"}
"""A unit's role on a measure, as the templates write it (the XLSX role column, the YAML comments)."""
SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*")
"""A unit key that can name its template file as it is: no leading dot or dash, no '..', no trailing dot."""
RESERVED = re.compile(r"(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?")
"""Names Windows will not give a file, whatever follows the dot."""


def role(m: Measure, unit: str) -> str | None:
    """'lead' when the unit is the measure's first owner, 'co-owner' when another, None when not one."""
    if not m.owners or unit not in m.owners:
        return None
    return "lead" if m.owners[0] == unit else "co-owner"


def owned(pairs: Iterable[tuple[Measure, tuple]], unit: str | None) -> list[tuple[Measure, tuple]]:
    """The (measure, groups above it) pairs the unit owns, in rubric order; all of them when unit is None."""
    return [(m, path) for m, path in pairs if unit is None or role(m, unit)]


def unit_name(rubric: Rubric, unit: str, lang: str | None = None) -> str:
    """The unit's name (its key when the rubric's units do not name it)."""
    return rubric.units.get(unit, Label.of(unit)).get(lang)


def counts(rubric: Rubric, unit: str) -> dict[str, int]:
    """How many measures the unit owns as lead and as co-owner."""
    roles = [role(m, unit) for m in rubric.measures]
    return {r: roles.count(r) for r in ROLES}


def owning_units(rubric: Rubric) -> list[str]:
    """The units that own at least one measure, in the order the rubric declares its units."""
    owners = {o for m in rubric.measures for o in m.owners}
    return [u for u in rubric.units if u in owners]


def check_unit(rubric: Rubric, unit: str) -> None:
    """UsageError unless the unit is one of the rubric's and owns a measure; the message lists the choices."""
    known = list(rubric.units)
    if not known:
        raise UsageError(f"--owner: rubric {rubric.ref} declares no units, so no measure has an owner to file it")
    if unit not in known:
        raise UsageError(f"--owner {shown(unit)} is not a unit of rubric {rubric.ref}{did_you_mean(unit, known)}; "
                         f"its units: {', '.join(known)} (or --owner {ALL} -o DIR for one template each)")
    if not any(counts(rubric, unit).values()):
        owning = owning_units(rubric)
        raise UsageError(f"--owner {unit} ({unit_name(rubric, unit)}) owns no measure of rubric {rubric.ref}: "
                         f"there is nothing for it to file; units that own measures: {', '.join(owning) or 'none'}")


def file_names(units: list[str], suffix: str) -> dict[str, str]:
    """unit -> its template's file name (``<unit>.<suffix>``); UsageError, before anything is written, for a
    unit key that cannot be a file name as it is, or two that differ only in case."""
    bad = [u for u in units if not SAFE_NAME.fullmatch(u) or RESERVED.fullmatch(u)]
    if bad:
        raise UsageError(f"--owner {ALL}: unit key {shown(bad[0])} cannot name a file as it is; write that unit's "
                         f"template alone with --owner {shown(bad[0])} -o FILE, or rename the unit in the rubric")
    seen: dict[str, str] = {}
    for u in units:
        if u.lower() in seen:
            raise UsageError(f"--owner {ALL}: units {shown(seen[u.lower()])} and {shown(u)} differ only in case, "
                             "and their files would be one on some systems; write them one by one with -o FILE")
        seen[u.lower()] = u
    return {u: f"{u}.{suffix}" for u in units}
