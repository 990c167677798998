"""Waivers (SPEC 9): a submission declares a measure not applicable, with a reason, an approver and an expiry.

    waivers:
      D3.I11.M04: {reason: 本市无牧区, approved_by: 自治区民委, expires: "2026-12-31"}

Reading (``read``) takes the texts as written; ``check`` holds them against the rubric (a measure of it, one
that may be waived: not ``waivable: false``, never a veto, and not also given a value); ``expired`` and
``dated`` hold them against the assessment date (`--as-of`), which validate and check apply.  A waived measure
is scored as an excluded one (engine.scoring), whatever the missing policy, and every report lists it.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any, Iterable, Iterator, Mapping

from . import methods
from .model import Entry, Loc, Measure, Rubric, Waiver
from .problems import Problem, did_you_mean, shown, unfit_text
from .raw import RawSubmission, RawWaiver

FIELDS = ("reason", "approved_by", "expires")
REQUIRED = ("reason", "approved_by")
SHAPE = "a waiver is {reason: ..., approved_by: ..., expires: \"YYYY-MM-DD\"} (expires may be left out)"
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def read(section: Any, at, problems: list) -> list[RawWaiver]:
    """The waivers: map of a YAML or JSON submission (``at(path, key=False)`` places a path of the file)."""
    if section is None:
        return []
    if not isinstance(section, dict):
        problems.append(Problem(at(("waivers",)), "'waivers' should be a map of measure id: "
                                "{reason, approved_by, expires}", code="schema"))
        return []
    return [one(str(mid), v, lambda *path, key=False: at(("waivers", mid) + path, key), problems)
            for mid, v in section.items()]


TABLE_SHAPE = "in a table, a waived row (value waived, 不适用) has the columns reason, approved_by and expires"


def one(mid: str, given: Any, at, problems: list, shape: str = SHAPE) -> RawWaiver:
    """One waiver as written: a map of FIELDS (``at(*path, key=False)`` places a path inside it); ``shape`` says
    how a waiver is written where it was read."""
    before = len(problems)
    if not isinstance(given, dict):
        problems.append(Problem(at(), f"{SHAPE}, got {shown(given)}", mid, code="waiver"))
        return RawWaiver(mid, key_loc=at(key=True), bad=True)
    for k in given:
        if k not in FIELDS:
            problems.append(Problem(at(k, key=True), f"unknown key {shown(k)} in a waiver{did_you_mean(k, FIELDS)}; "
                                    f"expected: {', '.join(FIELDS)}", mid, code="waiver"))
    texts = {k: _text(k, given.get(k), at(k), mid, problems) for k in FIELDS}
    for k in REQUIRED:
        if k not in given:
            problems.append(Problem(at(key=True), f"a waiver needs {k} ({_WHAT[k]}): {shape}", mid, code="waiver"))
    return RawWaiver(mid, texts["reason"], texts["approved_by"], texts["expires"], at(key=True),
                     {k: at(k) for k in given if k in FIELDS}, len(problems) > before)


_WHAT = {"reason": "why the measure does not apply", "approved_by": "who approved the waiver",
         "expires": "the last day it holds, YYYY-MM-DD"}


def _text(key: str, value: Any, loc: Loc, mid: str, problems: list) -> str:
    """A field's text; a problem for anything but a non-empty text (an expiry: a date YYYY-MM-DD)."""
    if value is None:
        return ""
    if not isinstance(value, str) or not value.strip():
        what = "a date written YYYY-MM-DD, e.g. \"2026-12-31\"" if key == "expires" else "a non-empty text"
        problems.append(Problem(loc, f"waiver {key} should be {what} ({_WHAT[key]}), got {shown(value)}", mid,
                                code="waiver"))
        return ""
    value = value.strip()
    if key == "expires" and parse_date(value) is None:
        problems.append(Problem(loc, f"waiver expires {shown(value)} is not a date: write it YYYY-MM-DD, "
                                "e.g. \"2026-12-31\"", mid, code="waiver"))
        return ""
    if key == "approved_by" and unfit_text(value):
        problems.append(Problem(loc, f"waiver approved_by has {unfit_text(value)}: write it as plain text", mid,
                                code="waiver"))
        return ""
    return value


def parse_date(text: str) -> dt.date | None:
    """A date written YYYY-MM-DD (a real day: 2026-02-30 is none), else None."""
    if not _DATE.fullmatch(text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def check(waivers: Iterable[RawWaiver], rubric: Rubric, entries: Mapping[str, Entry], hint=None,
          part: RawSubmission | None = None) -> tuple[dict[str, Waiver], list[Problem]]:
    """The waivers that hold, and a problem for each that cannot: not a measure of the rubric (did you mean),
    a measure that may not be waived, one the part may not file (SPEC 8: a unit waives only what it owns), a
    measure also given a value in the same file."""
    out: dict[str, Waiver] = {}
    problems: list[Problem] = []
    for w in waivers:
        said = refused(w.measure, rubric, hint)
        said = said or (not_theirs(part, rubric, rubric.by_id[w.measure]) if part is not None else "")
        if said:
            problems.append(Problem(w.key_loc, said, w.measure, code="waiver"))
        elif w.measure in entries:
            problems.append(conflict(w.measure, w.key_loc, entries[w.measure].loc))
        elif not w.bad:
            out[w.measure] = Waiver(w.reason, w.approved_by, w.expires, w.locs.get("expires", w.key_loc))
    return out, problems


def refused(mid: str, rubric: Rubric, hint=None) -> str:
    """Why a measure cannot be waived ('' when it can)."""
    m = rubric.by_id.get(mid)
    if not isinstance(m, Measure):
        if m is not None:
            return f"{shown(mid)} is a group, not a measure: waive its measures one by one"
        near = hint(mid) if hint else did_you_mean(mid, [x.id for x in rubric.measures])
        return f"{shown(mid)} is not a measure of this rubric{near}: a waiver names a measure id"
    if methods.get(m.method).KIND == "veto":
        return "a veto (一票否决) cannot be waived: leave it out, or give its value"
    if not m.waivable:
        return "this measure cannot be waived (the rubric says waivable: false): give its value"
    return ""


def not_theirs(part: RawSubmission, rubric: Rubric, m: Measure) -> str:
    """Why this part may not waive the measure ('' when it may): an assessor's part holds only ratings, and a
    unit's part only what the unit owns (SPEC 8)."""
    if part.assessor is not None:
        return (f"assessor {shown(part.assessor)}'s part holds only ratings: a waiver is filed in the subject's "
                "or a unit's part")
    unit = part.filed_by
    if unit is None or unit not in rubric.units or unit in m.owners:
        return ""
    if not m.owners:
        return (f"unit {shown(unit)} does not own this measure, so it cannot waive it: it has no responsible "
                "unit, so it is waived in the subject's own part (one without filed_by)")
    from .part_rules import owners_text

    return f"unit {shown(unit)} does not own this measure, so it cannot waive it; its owners: {owners_text(rubric, m)}"


def stray(field: str) -> str:
    """What a table says of a waiver cell (reason, approved_by, expires) on a row that does not waive its measure."""
    return f"{field} is for a waived measure: write waived (不适用) as its value, or leave this cell empty"


def conflict(mid: str, waiver_loc: Loc, value_loc: Loc | None) -> Problem:
    """A measure both waived and given a value: say which to remove."""
    where = f" (its value is at {value_loc})" if value_loc and value_loc.file else ""
    return Problem(waiver_loc, f"waived and also given a value{where}: remove the value if the measure does not "
                   "apply, or remove the waiver", mid, code="waiver")


def expired(waivers: Mapping[str, Waiver], as_of: dt.date) -> list[Problem]:
    """An error for each waiver whose expiry is before the assessment date (it holds through its last day)."""
    out = []
    for mid, w in waivers.items():
        day = parse_date(w.expires) if w.expires else None
        if day is not None and day < as_of:
            out.append(Problem(w.loc or Loc(""), f"waiver expired on {w.expires}, before the assessment date "
                               f"{as_of.isoformat()}: renew it (a later expires) or give the measure's value", mid,
                               code="waiver-expired"))
    return out


def dated(outcomes: Iterable, as_of: dt.date | None) -> Iterator:
    """The outcomes with an error for every expired waiver (``as_of`` None: as they are); one that gets such
    an error is invalid, and loses its scorecard like any invalid submission."""
    from .outcome import Outcome

    for o in outcomes:
        found = expired(waivers_of(o), as_of) if as_of is not None else []
        if not found:
            yield o
            continue
        rank = {p: i for i, p in enumerate(o.parts)}
        problems = sorted((*o.problems, *found), key=lambda q: (rank.get(q.loc.file, len(rank)), q.loc.line,
                                                                 q.loc.col))
        yield Outcome(o.path, None, problems, o.parts, where=o.where, filing=o.filing)


def waivers_of(outcome) -> Mapping[str, Waiver]:
    """An outcome's waivers: its filing's (valid or not), else its scorecard's."""
    filing = outcome.filing
    if filing is not None:
        return filing.waived
    card = outcome.card if outcome.ok else None
    return card.submission.waivers if card is not None else {}


def listed(card) -> list:
    """(MeasureResult, Waiver) of each waived measure of a scorecard, in rubric order: what every report lists."""
    given = card.submission.waivers
    return [(m, given[m.id]) for m in card.measures if m.status == "waived" and m.id in given]


def as_dict(mid: str, w: Waiver) -> dict:
    """A waiver in the JSON result (SPEC 9): its measure, reason, approver and expiry (null when none)."""
    return {"id": mid, "reason": w.reason, "approved_by": w.approved_by, "expires": w.expires or None}


def today() -> dt.date:
    return dt.date.today()
