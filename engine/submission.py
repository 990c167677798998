"""Read a submission file (SPEC 4) into a raw form: header fields and entries with their places.

This module only reads; engine.validate checks the entries against a rubric.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .model import Loc
from .problems import Problem, read_yaml
from .yamlstrict import Doc

SUFFIXES = (".yaml", ".yml", ".json", ".csv", ".xlsx")
TABLES = (".csv", ".xlsx")
"""Suffixes read as tables by engine.tabular."""
HEADER_KEYS = ("rubric", "subject", "period", "values", "ratings")


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


def read(path: str | Path, marks: bool = True) -> tuple[RawSubmission | None, list[Problem]]:
    """Read one YAML, JSON, CSV or XLSX submission; problems instead of exceptions."""
    if Path(path).suffix.lower() in TABLES:
        from .tabular import read_table

        return read_table(path)
    doc, problems = read_yaml(path, marks)
    return (None, problems) if doc is None else from_doc(doc, str(path))


def from_doc(doc: Doc, name: str) -> tuple[RawSubmission | None, list[Problem]]:
    data = doc.data
    unlocated = Loc(name)
    at = (lambda path, key=False: Loc(name, *doc.where(path, key))) if doc.located else (  # noqa: E731
        lambda path, key=False: unlocated)
    if not isinstance(data, dict):
        return None, [Problem(at(()), "a submission must be a map with rubric, subject, period and values")]
    problems = [Problem(at((k,), True), f"unknown key '{k}'; expected: {', '.join(HEADER_KEYS)}", code="schema")
                for k in data if k not in HEADER_KEYS]
    for key in ("rubric", "subject", "period"):
        if key not in data:
            problems.append(Problem(at(()), f"missing required key '{key}'", code="schema"))
    sid, sname = _subject(data.get("subject"), at, problems)
    entries = []
    for section in ("values", "ratings"):
        entries += _entries(data.get(section), section, doc, at, problems)
    raw = RawSubmission(name, _text(data.get("rubric")), sid, sname, data.get("period"), tuple(entries),
                        {k: at((k,)) for k in data})
    return raw, problems


def _subject(value: Any, at, problems: list) -> tuple[str, str]:
    if isinstance(value, str):
        return value, value
    if isinstance(value, dict) and isinstance(value.get("id"), (str, int)):
        return str(value["id"]), str(value.get("name", value["id"]))
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
        if "value" not in v:
            problems.append(Problem(at(path, True), "missing 'value'", mid, code="schema"))
            return None
        ev = v.get("evidence", ())
        evidence = (ev,) if isinstance(ev, str) else tuple(str(e) for e in ev or ())
        return RawEntry(mid, v.get("value"), evidence, str(v.get("note") or ""), at(path + ("value",)),
                        at(path, True), section)
    return RawEntry(mid, v, (), "", at(path), at(path, True), section)


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
