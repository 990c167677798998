"""Read a submission file (SPEC 4) into a raw form: header fields and entries with their places.

This module only reads; engine.validate checks the entries against a rubric.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .model import Loc
from .problems import MAX_PROBLEMS, Problem, cap, did_you_mean, read_yaml, shown, unfit_text  # noqa: F401
from .yamlstrict import REJECTED, Doc, Rejected

SUFFIXES = (".yaml", ".yml", ".json", ".csv", ".xlsx")
TABLES = (".csv", ".xlsx")
"""Suffixes read as tables by engine.tabular."""
HEADER_KEYS = ("rubric", "subject", "period", "values", "ratings")
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


def read(path: str | Path, marks: bool = True) -> tuple[RawSubmission | None, list[Problem]]:
    """Read one YAML, JSON, CSV or XLSX submission; problems instead of exceptions."""
    if Path(path).suffix.lower() in TABLES:
        from .tabular import read_table

        return read_table(path)
    doc, problems = read_yaml(path, marks, collect=True)
    if doc is None:
        return None, problems
    raw, more = from_doc(doc, str(path))
    return raw, cap(problems + more)  # the loader's problems count towards the file's limit too


def from_doc(doc: Doc, name: str) -> tuple[RawSubmission | None, list[Problem]]:
    data = doc.data
    unlocated = Loc(name)
    at = (lambda path, key=False: Loc(name, *doc.where(path, key))) if doc.located else (  # noqa: E731
        lambda path, key=False: unlocated)
    if not isinstance(data, dict):
        return None, [Problem(at(()), "a submission must be a map with rubric, subject, period and values")]
    problems = [Problem(at((k,), True), f"unknown key '{k}'{did_you_mean(k, HEADER_KEYS)}; "
                        f"expected: {', '.join(HEADER_KEYS)}", code="schema")
                for k in data if k not in HEADER_KEYS]
    for key in ("rubric", "subject", "period"):
        if key not in data:
            problems.append(Problem(at(()), f"missing required key '{key}'", code="schema"))
    sid, sname = _subject(data.get("subject"), at, problems)
    period = data.get("period")
    if isinstance(period, Rejected):
        period = None  # the loader has said why
    elif "period" in data and not period_ok(period):
        problems.append(Problem(at(("period",)), PERIOD_TYPE, code="schema"))
        period = None
    elif isinstance(period, float):
        period = int(period)  # 2024.0 is the year 2024, as in a table
    problems += header_problems(sid, at(("subject", "id") if isinstance(data.get("subject"), dict) else ("subject",)),
                                period, at(("period",)))
    entries = []
    for section in ("values", "ratings"):
        entries += _entries(data.get(section), section, doc, at, problems)
    raw = RawSubmission(name, _text(data.get("rubric")), sid, sname, period, tuple(entries),
                        {k: at((k,)) for k in data}, len(problems))
    return raw, cap(problems)


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


def _subject(value: Any, at, problems: list) -> tuple[str, str]:
    if isinstance(value, str):
        return value, value
    if isinstance(value, dict) and isinstance(value.get("id"), (str, int)) and not isinstance(value["id"], bool):
        name = value.get("name", value["id"])
        return str(value["id"]), "" if isinstance(name, Rejected) else str(name)
    if isinstance(value, Rejected) or (isinstance(value, dict) and isinstance(value.get("id"), Rejected)):
        return "", ""  # the loader has said why
    if value is not None:
        problems.append(Problem(at(("subject",)), "subject should be {id: ..., name: ...}", code="schema"))
    return "", ""


def _entries(section: Any, name: str, doc: Doc, at, problems: list) -> list[RawEntry]:
    if section is None:
        return []
    if not isinstance(section, dict):
        problems.append(Problem(at((name,)), f"'{name}' should be a map of measure id: value", code="schema"))
        return []
    entries = (_entry(mid, v, name, at, problems) for mid, v in section.items())
    return [e for e in entries if e is not None]


def _entry(mid: str, v: Any, section: str, at, problems: list) -> RawEntry | None:
    path = (section, mid)
    if isinstance(v, dict) and section == "values":
        extra = [k for k in v if k not in ("value", "evidence", "note")]
        for k in extra:
            problems.append(Problem(at(path + (k,), True), f"unknown key '{k}' (a value may have value, "
                                    "evidence and note)", mid, code="schema"))
        evidence, evidence_bad = _evidence(v, path, mid, at, problems)
        note = v.get("note", "")
        if not isinstance(note, str):
            problems.append(Problem(at(path + ("note",)), "note should be a text", mid, code="schema"))
            note = ""
        if "value" not in v:  # still checked against the rubric (unknown id, evidence), with no value
            problems.append(Problem(at(path, True), "missing 'value'", mid, code="schema"))
        return RawEntry(mid, v.get("value", REJECTED), evidence, note, at(path + ("value",)), at(path, True),
                        section, evidence_bad, at(path + ("evidence",)) if "evidence" in v else None)
    return RawEntry(mid, v, (), "", at(path), at(path, True), section)


def _evidence(v: dict, path: tuple, mid: str, at, problems: list) -> tuple[tuple[str, ...], bool]:
    """The evidence of a {value, evidence, note} map: a text, or a list of texts; anything else
    (a number, true, a map, a list holding one) is a problem, never silently turned into text."""
    if "evidence" not in v:
        return (), False
    ev = v["evidence"]
    if ev == "" or ev == []:
        problems.append(Problem(at(path + ("evidence",)), "evidence is empty: name at least one document, or "
                                "leave the key out", mid, code="schema"))
        return (), True
    if isinstance(ev, str):
        return (ev,), False
    if isinstance(ev, list) and all(isinstance(e, str) for e in ev):
        return tuple(ev), False
    bad = next((i for i, e in enumerate(ev) if not isinstance(e, str)), None) if isinstance(ev, list) else None
    where = path + ("evidence",) + (() if bad is None else (bad,))
    problems.append(Problem(at(where), EVIDENCE_TYPE, mid, code="schema"))
    return (), True


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def find(paths: list[str]) -> list[Path]:
    """Submission files under the given files and folders, in a stable order."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES
                          and not any(part.startswith(".") for part in f.relative_to(p).parts))
        else:
            out.append(p)
    return out
