"""What differs between two rubrics (`scorecard rubric diff A B`): nodes added, removed and changed,
key by key, and the rubric's own keys (scale, grades, units, ...). Values are plain JSON data."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from ..model import Group, Label, Measure, Node, Rubric

TOP_KEYS = ("title", "scale", "missing", "bonus_cap", "deduction_cap", "normalize", "colors", "source", "extends",
            "min_coverage", "replaces")
SKIPPED = ("id", "children", "loc", "params")
"""Node fields not compared as such: a group's children are nodes of their own, params key by key."""


@dataclass(frozen=True)
class Change:
    key: str
    old: object
    new: object

    def as_json(self) -> dict:
        return {"key": self.key, "old": self.old, "new": self.new}


@dataclass(frozen=True)
class RubricDiff:
    a: str
    b: str
    rubric: tuple[Change, ...]
    added: tuple[dict, ...]
    removed: tuple[dict, ...]
    changed: tuple[tuple[str, tuple[Change, ...]], ...]

    @property
    def empty(self) -> bool:
        return not (self.rubric or self.added or self.removed or self.changed)

    def as_json(self) -> dict:
        return {"a": self.a, "b": self.b, "rubric": [c.as_json() for c in self.rubric],
                "added": list(self.added), "removed": list(self.removed),
                "changed": [{"id": nid, "changes": [c.as_json() for c in cs]} for nid, cs in self.changed]}


def plain(value):
    """A model value as JSON data: a label as its texts, tuples as lists, a grade as a map."""
    if isinstance(value, Label):
        return dict(value.texts) if any(code for code, _ in value.texts) else value.get()
    if dataclasses.is_dataclass(value):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value) if f.name != "loc"}
    if isinstance(value, (tuple, list)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    return value


def diff(a: Rubric, b: Rubric) -> RubricDiff:
    old, new = a.by_id, b.by_id
    changed = tuple((nid, cs) for nid in new if nid in old for cs in [_node_changes(a, b, nid)] if cs)
    return RubricDiff(
        a.ref, b.ref,
        rubric=_changes(_top(a), _top(b)),
        added=tuple(_summary(b, n) for nid, n in new.items() if nid not in old),
        removed=tuple(_summary(a, n) for nid, n in old.items() if nid not in new),
        changed=changed,
    )


def _top(r: Rubric) -> dict:
    """The rubric's own keys; a grade as grades.ID and a unit as units.KEY, so each is a change of its own."""
    out = {k: getattr(r, k) for k in TOP_KEYS}
    out["grades (order)"] = [g.id for g in r.grades]
    out.update({f"grades.{g.id}": {"label": plain(g.label), "min": g.min} for g in r.grades})
    out.update({f"units.{k}": v for k, v in r.units.items()})
    out.update({f"crosswalk.{k}": v for k, v in r.crosswalk.items()})
    out["rules"] = [_rule(x) for x in r.rules]
    return out


def _rule(rule) -> dict:
    """A data-quality rule as plain data: its kind and fields, without its place."""
    from dataclasses import fields

    return {"kind": type(rule).__name__, **{f.name: getattr(rule, f.name) for f in fields(rule) if f.name != "loc"}}


def _summary(r: Rubric, node: Node) -> dict:
    kind = "group" if isinstance(node, Group) else "measure"
    out = {"id": node.id, "parent": r.parents.get(node.id, ""), "kind": kind, "label": plain(node.label)}
    if isinstance(node, Measure):
        out.update(method=node.method, points=None if node.is_modifier else node.points)
    return out


def _fields(r: Rubric, node: Node) -> dict:
    out = {f.name: getattr(node, f.name) for f in dataclasses.fields(node) if f.name not in SKIPPED}
    out["kind"] = "group" if isinstance(node, Group) else "measure"
    out["parent"] = r.parents.get(node.id, "")
    if isinstance(node, Measure):
        out.update({f"params.{k}": v for k, v in node.params.items()})
    return out


def _node_changes(a: Rubric, b: Rubric, nid: str) -> tuple[Change, ...]:
    return _changes(_fields(a, a.by_id[nid]), _fields(b, b.by_id[nid]))


def _changes(old: dict, new: dict) -> tuple[Change, ...]:
    keys = list(old) + [k for k in new if k not in old]
    out = []
    for k in keys:
        was, now = plain(old.get(k)), plain(new.get(k))
        if was != now:
            out.append(Change(k, was, now))
    return tuple(out)
