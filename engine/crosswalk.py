"""Rubric versions (SPEC 9): how the ids of one version line up with a later one's, for compare (pure).

A rubric may declare ``replaces: ID@VERSION`` and ``crosswalk: {old_id: new_id | null}``.  Across one such
step an old node (measure or group) goes to the crosswalk's id for it (null: dropped), else to the same id
when the new version still has it, else nowhere; a chain of versions composes its steps.  Ids that map one
to one are compared; an old id that goes nowhere, two old ids that go to one new id (merged) and a new id
that nothing goes to are listed as not comparable.  Between two versions with no crosswalk on the way
(versions of one rubric id without ``replaces``, or a step without ``crosswalk``) only totals are compared.

``lint`` checks a crosswalk where compare meets it: its targets must be nodes of its own rubric, its keys
nodes of the version it replaces (when that version is among the rubrics compared), and it needs
``replaces``; each problem at the crosswalk entry in the rubric file.
"""
from __future__ import annotations

from dataclasses import dataclass

from .model import Loc, Rubric, same_version
from .problems import Problem, did_you_mean, read_yaml


@dataclass(frozen=True)
class Link:
    """How the scorecards of rubric ``before`` compare with those of rubric ``after``."""

    before: str
    after: str
    """The two rubrics' refs ('id@version')."""
    crosswalk: bool
    """False: no crosswalk leads from one to the other, so only the totals are compared."""
    pairs: dict
    """Old node id -> new node id, for the nodes that map one to one (empty without a crosswalk)."""
    not_comparable: tuple[tuple[str, str, str], ...] = ()
    """(id, why, what) for every other node: why 'dropped' (the crosswalk maps it to null), 'absent' (the
    version ``what`` has no such id), 'merged' (into the node ``what``, with others) or 'new' (in ``what``)."""


def replaced(rubric: Rubric) -> tuple[str, str] | None:
    """(id, version) of the rubric this one replaces, None when it replaces none."""
    rid, at, version = rubric.replaces.rpartition("@")
    return (rid, version) if at and rid else None


def replaces(new: Rubric, old: Rubric) -> bool:
    """Whether ``new`` declares that it replaces ``old``."""
    named = replaced(new)
    return named is not None and named[0] == old.id and same_version(named[1], old.version)


def chain(before: Rubric, after: Rubric, rubrics) -> list[Rubric] | None:
    """The versions from ``before`` to ``after`` along ``replaces`` (both ends included), among ``rubrics``;
    None when ``after`` does not descend from ``before`` through them."""
    path = [after]
    while path[-1].ref != before.ref:
        up = [r for r in rubrics if replaces(path[-1], r) and all(r.ref != p.ref for p in path)]
        if not up:
            return None
        path.append(up[0])
    return path[::-1]


def related(a: Rubric, b: Rubric) -> bool:
    """Versions of one rubric: the same id, or one replaces the other."""
    return a.id == b.id or replaces(a, b) or replaces(b, a)


def link(before: Rubric, after: Rubric, rubrics) -> Link:
    """How ``before``'s ids line up with ``after``'s (``rubrics``: the versions known to compare)."""
    path = chain(before, after, rubrics)
    if path is None or any(not r.crosswalk for r in path[1:]):
        return Link(before.ref, after.ref, False, {})
    target = {n: n for n in before.by_id}
    gone: dict[str, tuple[str, str]] = {}
    for old, new in zip(path, path[1:]):
        for src, mid in list(target.items()):
            to = new.crosswalk[mid] if mid in new.crosswalk else mid if mid in new.by_id else None
            if to is None:
                gone[src] = ("dropped", "") if mid in new.crosswalk else ("absent", new.ref)
                del target[src]
            else:
                target[src] = to
    return _one_to_one(before, after, target, gone)


def _one_to_one(before: Rubric, after: Rubric, target: dict, gone: dict) -> Link:
    sources: dict[str, list[str]] = {}
    for src, to in target.items():
        sources.setdefault(to, []).append(src)
    pairs = {src[0]: to for to, src in sources.items() if len(src) == 1}
    why = dict(gone)
    why.update({s: ("merged", to) for to, src in sources.items() if len(src) > 1 for s in src})
    out = [(n, *why[n]) for n in before.by_id if n in why]
    out += [(n, "new", after.ref) for n in after.by_id if n not in sources]
    return Link(before.ref, after.ref, True, pairs, tuple(out))


def lint(rubrics) -> list[Problem]:
    """Every problem of the crosswalks of ``rubrics`` (the versions compare is given), located."""
    rubrics = list(rubrics)
    out = []
    for r in rubrics:
        if not r.crosswalk:
            continue
        old = next((o for o in rubrics if replaces(r, o)), None)
        out += [Problem(_where(r, key, value), message, code="crosswalk") for key, value, message in _faults(r, old)]
    return out


def _faults(rubric: Rubric, old: Rubric | None):
    if replaced(rubric) is None:
        yield None, False, (f"a crosswalk needs `replaces: ID@VERSION`: the version whose ids it maps "
                            f"({rubric.ref} replaces none)")
    for key, to in rubric.crosswalk.items():
        if old is not None and key not in old.by_id:
            yield key, False, f"crosswalk: {key!r} is not a node of {old.ref}{did_you_mean(key, old.by_id)}"
        if to is not None and to not in rubric.by_id:
            yield key, True, (f"crosswalk: {key} -> {to!r}: {to!r} is not a node of {rubric.ref}"
                              f"{did_you_mean(to, rubric.by_id)}")


def _where(rubric: Rubric, key: str | None, value: bool) -> Loc:
    """The crosswalk entry (its key, or its value) in the rubric file; the file's start when unknown."""
    file = rubric.loc.file
    doc, _ = read_yaml(file) if file else (None, [])
    if doc is None:
        return Loc(file)
    path = ("crosswalk",) if key is None else ("crosswalk", key)
    return Loc(file, *doc.where(path, key=not value))
