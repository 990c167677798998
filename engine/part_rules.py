"""The rules of a part of a submission (SPEC 8), checked on each part on its own: a unit files only the
measures it owns, an assessor files only ratings.  Each entry is marked with who gave it and its stage, for
engine.assemble to join and override."""
from __future__ import annotations

from dataclasses import replace

from . import methods
from .model import Entry, Label, Loc, Measure, Rubric
from .problems import Problem, did_you_mean, shown
from .raw import RawEntry, RawSubmission


def check(raw: RawSubmission, rubric: Rubric, entries: dict[str, Entry]) -> list[Problem]:
    """Problems of the part's header and of each entry it may not hold; ``entries`` marked in place (an
    entry it may not hold is taken out: the part is in error anyway)."""
    if raw.filed_by is None and raw.assessor is None and raw.stage == "self" and \
            all(e.section == "values" for e in raw.entries):
        return []  # the subject's own self-assessed values: no rule to apply, nothing to mark
    problems = _unit(raw, rubric)
    for e in raw.entries:
        said = _may_not_hold(raw, rubric, e) if isinstance(rubric.by_id.get(e.measure), Measure) else None
        if said:
            problems.append(Problem(e.key_loc, said, e.measure, code="owner"))
            entries.pop(e.measure, None)
    sections = {}
    for e in raw.entries:
        sections.setdefault(e.measure, e.section)
    for mid, entry in entries.items():
        entries[mid] = _marked(raw, rubric.by_id[mid], entry, sections.get(mid, "values"))
    return problems


def _unit(raw: RawSubmission, rubric: Rubric) -> list[Problem]:
    if raw.filed_by is None or raw.filed_by in rubric.units:
        return []
    known = ", ".join(rubric.units) or "none: the rubric has no units"
    return [Problem(raw.locs.get("filed_by", Loc(raw.path)), f"filed_by {shown(raw.filed_by)} is not a unit of "
                    f"rubric '{rubric.id}'{did_you_mean(raw.filed_by, rubric.units)}; its units: {known}",
                    code="owner")]


def _may_not_hold(raw: RawSubmission, rubric: Rubric, e: RawEntry) -> str | None:
    """Why this part may not hold this entry (None when it may)."""
    m = rubric.by_id[e.measure]
    if raw.assessor is not None and e.section != "ratings":
        return (f"assessor {shown(raw.assessor)}'s part holds only ratings: write this measure's rating under "
                "ratings:, and its value in the subject's or a unit's part")
    if raw.filed_by is None or raw.filed_by not in rubric.units or raw.filed_by in m.owners:
        return None
    if not m.owners:
        return (f"unit {shown(raw.filed_by)} does not own this measure: it has no responsible unit, so it is "
                "filed in the subject's own part (one without filed_by)")
    return (f"unit {shown(raw.filed_by)} ({_name(rubric, raw.filed_by)}) does not own this measure; its owners: "
            f"{owners_text(rubric, m)}")


def owners_text(rubric: Rubric, m: Measure) -> str:
    """'a 名称 (lead 牵头), b 名称 (co-owner 配合)'."""
    return ", ".join(f"{o} {_name(rubric, o)} ({'lead 牵头' if i == 0 else 'co-owner 配合'})"
                     for i, o in enumerate(m.owners))


def _name(rubric: Rubric, unit: str) -> str:
    return rubric.units.get(unit, Label.of(unit)).get()


def _marked(raw: RawSubmission, m: Measure, entry: Entry, section: str) -> Entry:
    """The entry with who gave it and its stage; a rating measure's ratings with who gave them."""
    ratings = ()
    if methods.get(m.method).RATINGS and section == "ratings":
        values = entry.value if isinstance(entry.value, list) else [entry.value]
        ratings = ((raw.assessor or raw.path, tuple(values)),)
    return replace(entry, filed_by=raw.filed_by, stage=raw.stage, ratings=ratings)
