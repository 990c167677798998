"""Read a YAML or JSON submission (SPEC 4) into a RawSubmission: header fields and entries with their places.

This module only reads; engine.validate checks the entries against a rubric.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from ..model import Loc
from ..problems import Problem, cap, did_you_mean, read_yaml
from ..raw import (CAMPAIGN_KEYS, EVIDENCE_TYPE, HEADER_KEYS, PERIOD_TYPE, RawEntry, RawSubmission, campaign_keys,
                   header_problems, period_ok)
from ..yamlstrict import REJECTED, Doc, Rejected
from .. import waivers as waiving

SUFFIXES = (".yaml", ".yml", ".json")


def read(path: str | Path, marks: bool = True) -> list[tuple[str, RawSubmission | None, list[Problem]]]:
    """The file as one item: (name, the submission or None, its problems)."""
    return [(str(path), *read_raw(path, marks))]


def read_raw(path: str | Path, marks: bool = True) -> tuple[RawSubmission | None, list[Problem]]:
    """Read one YAML or JSON submission; problems instead of exceptions."""
    doc, problems = read_yaml(path, marks, collect=True)
    if doc is None:
        return None, problems
    if not doc.located and isinstance(doc.data, dict) and doc.data.get("waivers"):
        return read_raw(path, True)  # a waiver's expiry may be found past later (--as-of): it must be placed
    raw, more = from_doc(doc, str(path))
    return raw, cap(problems + more)  # the loader's problems count towards the file's limit too


def from_doc(doc: Doc, name: str) -> tuple[RawSubmission | None, list[Problem]]:
    data = doc.data
    at = (lambda path, key=False: Loc(name, *doc.where(path, key))) if doc.located else _value_places(doc, name)
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
        entries += section_entries(data.get(section), section, doc, at, problems)
    waived = waiving.read(data.get("waivers"), at, problems)
    part = campaign_keys({k: (data[k], at((k,))) for k in CAMPAIGN_KEYS
                          if k in data and not isinstance(data[k], Rejected)}, problems)
    raw = RawSubmission(name, _text(data.get("rubric")), sid, sname, period, tuple(entries),
                        {k: at((k,)) for k in data}, len(problems), **part, waivers=tuple(waived))
    return raw, cap(problems)


def _value_places(doc: Doc, name: str):
    """Places for a file read without marks: only each entry's value is placed (the JSON result's source);
    a file with a problem is read again with every place."""
    unlocated = Loc(name)
    get = doc.marks.get

    def at(path: tuple, key: bool = False) -> Loc:
        if key or len(path) != 2 and (not path or path[-1] != "value"):
            return unlocated
        found = get(path) or get(path[:2])
        return Loc(name, found[0], found[1]) if found else unlocated
    return at


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


def section_entries(section: Any, name: str, doc: Doc, at, problems: list) -> list[RawEntry]:
    if section is None:
        return []
    if not isinstance(section, dict):
        problems.append(Problem(at((name,)), f"'{name}' should be a map of measure id: value", code="schema"))
        return []
    entries = (_entry(mid, v, name, at, problems) for mid, v in section.items())
    return [e for e in entries if e is not None]


_ENTRY_KEYS = frozenset(("value", "evidence", "note"))


def _entry(mid: str, v: Any, section: str, at, problems: list) -> RawEntry | None:
    path = (section, mid)
    if isinstance(v, dict) and section == "values":
        if not _ENTRY_KEYS.issuperset(v):
            for k in v:
                if k not in _ENTRY_KEYS:
                    problems.append(Problem(at(path + (k,), True), f"unknown key '{k}' (a value may have value, "
                                            "evidence and note)", mid, code="schema"))
        evidence, evidence_bad = _evidence(v, path, mid, at, problems) if "evidence" in v else ((), False)
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
    ev = v["evidence"]
    if isinstance(ev, str) and ev:
        return (ev,), False
    if isinstance(ev, list) and ev:
        bad = _first_not_text(ev)
        if bad is None:
            return tuple(ev), False
    elif ev == "" or ev == []:
        problems.append(Problem(at(path + ("evidence",)), "evidence is empty: name at least one document, or "
                                "leave the key out", mid, code="schema"))
        return (), True
    else:
        bad = None
    where = path + ("evidence",) + (() if bad is None else (bad,))
    problems.append(Problem(at(where), EVIDENCE_TYPE, mid, code="schema"))
    return (), True


def _first_not_text(items: list) -> int | None:
    for i, e in enumerate(items):
        if not isinstance(e, str):
            return i
    return None


def _text(value: Any) -> str:
    return "" if value is None else str(value)
