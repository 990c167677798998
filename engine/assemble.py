"""Parts of one submission put together (SPEC 8): every input that names the same rubric, subject and
period is a part of one submission, wherever it lies among the paths given.

Each part has been read and checked against its rubric on its own (so every problem is located in its
own file); here the parts are grouped, their entries joined in input order, and a measure given in two
parts is found: an error located in both files, or a warning naming both when the values agree.
This is the one place where parts meet; the campaign's rules (filed_by, assessor, stage) belong here.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from .campaign import STAGES, Filing, PartInfo
from . import waivers
from .model import Entry, Loc, Rubric, Submission, Waiver, same_version
from .numbers import show
from .problems import Problem, errors

Key = tuple[str, str, Any]
"""(rubric id, subject id, period): what makes two inputs parts of one submission."""


@dataclass(frozen=True)
class Part:
    """One input read and checked against its rubric, before it meets the other parts of its submission."""

    path: str
    submission: Submission | None
    """Every readable value (also when the part has errors); None when nothing could be read."""
    problems: tuple[Problem, ...]
    ref: str = ""
    ref_loc: Loc | None = None
    key: Key | None = None
    """None when the part names no subject or period: it stands alone."""
    rubric_error: tuple[Problem, ...] = ()
    """The rubric it names could not be loaded (exit 2)."""
    located: bool = True
    """Its entries carry their places (a file read without them, being clean, is read again when a
    problem of assembly has to point into it)."""
    info: PartInfo = PartInfo("")
    """Who filed it, and its stage (SPEC 8)."""

    @property
    def ok(self) -> bool:
        return self.submission is not None and not errors(self.problems)


def key_of(rubric_id: str, subject_id: str, period: Any) -> Key | None:
    """The assembly key, or None when subject or period is not known."""
    if not subject_id or period is None or isinstance(period, bool):
        return None
    return rubric_id, subject_id, period


def group(parts: list[Part]) -> list[list[Part]]:
    """The parts grouped by key, each group at the place of its first part; a part without a key alone."""
    out: list[list[Part]] = []
    at: dict[Key, int] = {}
    for p in parts:
        if p.key is None or p.rubric_error:
            out.append([p])
        elif p.key in at:
            out[at[p.key]].append(p)
        else:
            at[p.key] = len(out)
            out.append([p])
    return out


@dataclass(frozen=True)
class Assembled:
    """One submission made of its parts."""

    submission: Submission | None
    """None when a part could not be read, or any problem is an error."""
    problems: tuple[Problem, ...]
    parts: tuple[str, ...]
    filing: Filing | None = None
    """Who filed what (made by filing(), once the rubric is known)."""


def assemble(parts: list[Part]) -> Assembled:
    """Join the parts of one submission (SPEC 8): each stage's entries part by part, a rating measure's ratings
    joined across parts, a measure given twice in one stage found; a lone self-assessed part as it is."""
    paths = tuple(dict.fromkeys(p.path for p in parts))
    if len(parts) == 1 and parts[0].info.stage == "self":
        p = parts[0]
        return Assembled(p.submission if p.ok else None, p.problems, paths)
    stages: dict[str, dict[str, Entry]] = {s: {} for s in STAGES}
    said: list[Problem] = []
    for p in parts:
        said += _versions(p, parts[0])
        for mid, e in (p.submission.entries.items() if p.submission else ()):
            said += _add(stages[e.stage], mid, e)
    waived, more = join_waivers([p.submission for p in parts if p.submission is not None], stages)
    said += more
    problems = tuple(_in_order([q for p in parts for q in p.problems] + said, paths))
    readable = all(p.submission is not None for p in parts)
    head = next((p.submission for p in parts if p.submission is not None), None)
    sub = None if not readable or errors(problems) else Submission(
        head.rubric, head.subject_id, _name(parts), head.period, stages["self"], head.path, paths, stages["verified"],
        waived)
    return Assembled(sub, problems, paths)


def join_waivers(subs: list[Submission], stages: dict[str, dict[str, Entry]]) -> tuple[dict[str, Waiver], list]:
    """Every part's waivers (SPEC 9), in input order: a measure waived in two parts is an error in both unless
    the waivers are the same (then a warning in both), and a measure waived in one part and given a value in
    another is an error (one part's own conflicts are its validation's)."""
    out: dict[str, Waiver] = {}
    said: list[Problem] = []
    for s in subs:
        for mid, w in s.waivers.items():
            given = [e for st in stages.values() if (e := st.get(mid)) is not None and _loc(e).file != _file(w)]
            said += [waivers.conflict(mid, w.loc or Loc(s.path), e.loc) for e in given]
            if mid in out:
                said += _waived_twice(mid, out[mid], w)
            else:
                out[mid] = w
    return out, said


def _waived_twice(mid: str, a: Waiver, b: Waiver) -> list[Problem]:
    same = (a.reason, a.approved_by, a.expires) == (b.reason, b.approved_by, b.expires)
    level, how = ("warning", "the same waiver") if same else ("error", "another waiver: a measure is waived in "
                                                                   "one part of a submission")
    return [Problem(here.loc or Loc(""), f"also waived in {there.loc}, with {how}", mid, level=level,
                    code="duplicate") for here, there in ((b, a), (a, b))]


def _file(w: Waiver) -> str:
    return w.loc.file if w.loc else ""


def _add(entries: dict[str, Entry], mid: str, e: Entry) -> list[Problem]:
    """Put an entry among its stage's: ratings of a rating measure join those already there (in input order,
    before trim); any other measure given twice is a problem at both places."""
    if mid not in entries:
        entries[mid] = e
        return []
    had = entries[mid]
    if had.ratings and e.ratings and not {w for w, _ in had.ratings} & {w for w, _ in e.ratings}:
        ratings = had.ratings + e.ratings
        entries[mid] = replace(had, value=[x for _, given in ratings for x in given], ratings=ratings)
        return []
    return _twice(mid, had, e)


def filing(parts: list[Part], rubric: Rubric, said: tuple[Problem, ...]) -> Filing | None:
    """Who filed what in this submission: every part, each measure's valid value and who gave it, and the
    measures given with an error (``said``: the assembled problems, so two parts that disagree make their
    measure invalid too)."""
    subs = [p.submission for p in parts if p.submission is not None]
    if not subs:
        return None
    filed: dict[str, str | None] = {}
    for s in subs:
        for mid, e in s.entries.items():
            if filed.get(mid) is None:  # a unit's filing is told over the subject's own or the verifier's
                filed[mid] = e.filed_by
    invalid = frozenset(q.id for q in said if q.level == "error" and q.id in rubric.by_id)
    waived: dict[str, Waiver] = {}
    for s in subs:
        for mid, w in s.waivers.items():
            if mid not in invalid:
                waived.setdefault(mid, w)
    return Filing(rubric, subs[0].subject_id, _name(parts), subs[0].period, tuple(p.info for p in parts),
                  {k: v for k, v in filed.items() if k not in invalid}, invalid, waived)


def _twice(mid: str, a: Entry, b: Entry) -> list[Problem]:
    """A measure given in two parts: an error at both places, or a warning at both when the values agree."""
    same = a.value == b.value and type(a.value) is type(b.value)
    pairs = ((b, a), (a, b))
    if same:
        return [Problem(_loc(here), f"also given in {_loc(there)}, with the same value", mid, level="warning",
                        code="duplicate") for here, there in pairs]
    return [Problem(_loc(here), f"also given in {_loc(there)}: {show(_shown(here))} here, {show(_shown(there))} "
                    "there; a measure is filed in one part of a submission", mid, code="duplicate")
            for here, there in pairs]


def _loc(e: Entry) -> Loc:
    return e.loc or Loc("")


def _shown(e: Entry) -> Any:
    return e.value if e.raw is None else e.raw


def _versions(p: Part, head: Part) -> list[Problem]:
    """Parts of one submission are scored by one rubric: a part naming another version is an error."""
    mine, theirs = p.ref.partition("@")[2], head.ref.partition("@")[2]
    if p is head or not mine or not theirs or same_version(mine, theirs):
        return []  # a part naming the rubric without a version takes the version of the others
    return [Problem(p.ref_loc or Loc(p.path), f"names {p.ref}, but another part of this submission ({head.path}) "
                    f"names {head.ref}: the parts of a submission name one rubric version", code="rubric-mismatch")]


def _name(parts: list[Part]) -> str:
    """The subject's name: the first part's that is more than its id."""
    subs = [p.submission for p in parts if p.submission is not None]
    return next((s.subject_name for s in subs if s.subject_name and s.subject_name != s.subject_id),
                subs[0].subject_name)


def _in_order(problems: list[Problem], paths: tuple[str, ...]) -> list[Problem]:
    """Part by part, each in file order."""
    rank = {p: i for i, p in enumerate(paths)}
    return sorted(problems, key=lambda q: (rank.get(q.loc.file, len(rank)), q.loc.line, q.loc.col))
