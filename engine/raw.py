"""A submission as read, before any rubric looked at it: header fields and entries with their places.

Every reader (engine.readers) makes these; engine.validate checks them against a rubric.  The period and
header checks here are the words every reader uses.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from .model import Loc
from .problems import Problem, shown, unfit_text

HEADER_KEYS = ("rubric", "subject", "period", "values", "ratings", "waivers", "filed_by", "assessor", "stage")
CAMPAIGN_KEYS = ("filed_by", "assessor", "stage")
"""Header keys of a part of a submission (SPEC 8)."""
STAGES = ("self", "verified")
MAX_PERIOD = 32
"""A period written as text has at most this many characters ("2024H1", "2024年第一季度")."""
MAX_YEAR = 10 ** 8
"""A period written as a number is below this (2024, 202406, 20240630)."""
PERIOD_TYPE = 'period should be a year or a text such as 2024 or "2024H1"'
EVIDENCE_TYPE = "evidence should be a text or a list of texts"


@dataclass(frozen=True)
class RawEntry:
    """A value as written, before any rubric looked at it."""

    measure: str
    raw: Any
    evidence: tuple[str, ...] = ()
    note: str = ""
    loc: Loc = Loc("")
    key_loc: Loc = Loc("")
    section: str = "values"
    evidence_bad: bool = False
    """Evidence was given but is not a text or a list of texts (already reported as a problem)."""
    evidence_loc: Loc | None = None
    """Where the evidence is (or, in a table, its cell); None when nothing marks its place."""


@dataclass(frozen=True)
class RawWaiver:
    """A measure declared not applicable (SPEC 9), as written: its texts read, nothing checked against a rubric."""

    measure: str
    reason: str = ""
    approved_by: str = ""
    expires: str = ""
    """As written ('' when not given); engine.waivers checks it is a date."""
    key_loc: Loc = Loc("")
    """Where the measure id is."""
    locs: dict = field(default_factory=dict)
    """Field name (reason, approved_by, expires) -> where its value is."""
    bad: bool = False
    """Something in it is already reported as a problem (it is not applied)."""


@dataclass(frozen=True)
class RawSubmission:
    """A submission file's header and entries, located."""

    path: str
    rubric: str = ""
    subject_id: str = ""
    subject_name: str = ""
    period: Any = None
    entries: tuple[RawEntry, ...] = ()
    locs: dict = field(default_factory=dict)
    """Header key -> Loc."""
    read_problems: int = 0
    """How many problems reading found (before any were left out): engine.validate lists only as many
    more as the per-file limit leaves room for."""
    filed_by: str | None = None
    """The unit that files this part (SPEC 8); None: the subject's own part."""
    assessor: str | None = None
    """The assessor whose ratings this part holds."""
    stage: str = "self"
    waivers: tuple[RawWaiver, ...] = ()
    """The measures it declares not applicable (SPEC 9), in file order."""


def layout(path: str) -> tuple[str, str] | None:
    """(subject folder, period) a submission's path stands for: <subject>/<period>.yaml, or a part at
    <subject>/<period>/<any name>.yaml (SPEC 8); None when it is laid out neither way.  A period is told
    by its first character, a digit."""
    p = PurePath(path)
    stem = p.name.split(".")[0]
    if stem[:1].isdigit():
        return p.parent.name, stem
    if p.parent.name[:1].isdigit():
        return p.parent.parent.name, p.parent.name
    return None


def period_ok(value: Any) -> bool:
    """A period is a year (2024) or a non-empty text ("2024H1"); not a map, list, boolean or nothing."""
    if isinstance(value, bool):
        return False
    if isinstance(value, float):
        return value.is_integer()
    return isinstance(value, int) or (isinstance(value, str) and bool(value.strip()))


def header_problems(sid: str, sid_loc: Loc, period: Any, period_loc: Loc) -> list[Problem]:
    """A subject id and a period name files and reports: no control or invisible character in them,
    a period of reasonable length (a year, or a short text)."""
    out = []
    why = unfit_text(sid) if sid else ""
    if why:
        out.append(Problem(sid_loc, f"subject id {shown(sid)} has {why}: write it as plain text", code="schema"))
    said = period_problem(period)
    if said:
        out.append(Problem(period_loc, said, code="schema"))
    return out


def period_problem(period: Any) -> str:
    """What is wrong with a period as read ('' when nothing is), in every reader's words."""
    if isinstance(period, int) and not isinstance(period, bool) and not 0 < period < MAX_YEAR:
        return f"period {period} is not a year (a number from 1 to {MAX_YEAR - 1})"
    if isinstance(period, str) and (why := unfit_text(period)):
        return f"period {shown(period)} has {why}: write it as plain text"
    if isinstance(period, str) and len(period) > MAX_PERIOD:
        return f"period is {len(period)} characters long (at most {MAX_PERIOD}): {PERIOD_TYPE}"
    return ""


def campaign_keys(given: dict, problems: list) -> dict:
    """filed_by, assessor and stage as read from a header (``given``: key -> (value, Loc), as written):
    texts, the stage one of STAGES.  Problems for anything else; what is wrong is left out."""
    out: dict = {}
    for key in CAMPAIGN_KEYS:
        if key not in given:
            continue
        value, loc = given[key]
        if isinstance(value, int) and not isinstance(value, bool) and key == "assessor":
            value = str(value)
        if not isinstance(value, str) or not value.strip() or unfit_text(value):
            why = unfit_text(value) if isinstance(value, str) and value.strip() else ""
            said = f" has {why}" if why else f" should be a text, got {shown(value)}"
            problems.append(Problem(loc, f"{key}{said}", code="schema"))
            continue
        value = value.strip()
        if key == "stage" and value not in STAGES:
            problems.append(Problem(loc, f"stage {shown(value)} is not a stage: expected self (自评) or verified (核验)",
                                    code="schema"))
            continue
        out[key] = value
    if "filed_by" in out and "assessor" in out:
        problems.append(Problem(given["assessor"][1], "a part is filed by a unit (filed_by) or holds an assessor's "
                                "ratings (assessor), not both", code="schema"))
    return out
