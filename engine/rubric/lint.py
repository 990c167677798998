"""The checks of SPEC 3.5 that a schema cannot express, on a document the meta-schema accepted."""
from __future__ import annotations

from typing import Iterator

from .. import methods
from ..model import Loc
from ..problems import Problem, did_you_mean
from ..yamlstrict import Doc

EPS = 1e-9


def lint_data(doc: Doc, file: str) -> list[Problem]:
    """Every semantic problem of the rubric, in file order."""
    data = doc.data
    ctx = _Ctx(doc, file)
    nodes = list(_walk(data["tree"], ("tree",)))
    ctx.check_ids(nodes)
    for path, node in nodes:
        ctx.check_node(path, node, set(data.get("units") or {}))
    ctx.check_grades(data["grades"])
    ctx.check_points(data)
    return sorted(ctx.problems, key=lambda p: (p.loc.line, p.loc.col))


def _walk(nodes: list, path: tuple) -> Iterator[tuple[tuple, dict]]:
    for i, node in enumerate(nodes):
        yield path + (i,), node
        if isinstance(node.get("children"), list):
            yield from _walk(node["children"], path + (i, "children"))


def worth(node: dict) -> float:
    """What a raw node is worth (3.2): weight, or points, or the sum of its children."""
    if "children" in node:
        if "weight" in node:
            return node["weight"]
        return sum(worth(c) for c in node["children"])
    if methods.METHODS.get(node.get("method"), methods.check).KIND != "base":
        return 0.0
    return node.get("points", 1)


class _Ctx:
    def __init__(self, doc: Doc, file: str):
        self.doc, self.file, self.problems = doc, file, []

    def add(self, path: tuple, message: str, node_id: str = "", key: bool = False, level: str = "error",
            code: str = "rubric") -> None:
        line, col = self.doc.where(path, key=key)
        self.problems.append(Problem(Loc(self.file, line, col), message, node_id, level, code))

    def check_ids(self, nodes: list) -> None:
        seen: dict[str, tuple] = {}
        for path, node in nodes:
            nid = node["id"]
            if nid in seen:
                first = self.doc.where(seen[nid] + ("id",))[0]
                self.add(path + ("id",), f"duplicate id (first used at line {first})", nid, code="duplicate-id")
            else:
                seen[nid] = path

    def check_node(self, path: tuple, node: dict, units: set) -> None:
        nid = node["id"]
        is_group, is_measure = "children" in node, "method" in node
        if is_group and is_measure:
            self.add(path, "a node is a group (children) or a measure (method), not both", nid, code="node-kind")
        elif not is_group and not is_measure:
            self.add(path, "a node needs either children (a group) or a method (a measure)", nid, code="node-kind")
        elif is_group:
            self.check_group(path, node)
        else:
            self.check_measure(path, node, units)

    def check_group(self, path: tuple, node: dict) -> None:
        stray = sorted(set(node) & (methods.param_names() | {"points", "owners", "unit", "min", "max"}))
        for key in stray:
            self.add(path + (key,), f"'{key}' belongs on a measure, not on a group", node["id"], key=True)
        if "weight" in node and not any(worth(c) > 0 for c in node["children"]):
            self.add(path + ("weight",), "group has a weight but no scored measure under it", node["id"], key=True)

    def check_measure(self, path: tuple, node: dict, units: set) -> None:
        nid, name = node["id"], node["method"]
        module = methods.get(name)
        for key, msg in module.check_params(node):
            self.add(path + (key,) if key in node else path, f"{name}: {msg}", nid, key=True, code="params")
        for key in sorted(set(node) & methods.param_names() - set(module.PARAMS)):
            self.add(path + (key,), f"'{key}' is not a parameter of method {name}"
                     f" (it takes: {', '.join(module.PARAMS) or 'none'})", nid, key=True, code="params")
        if module.KIND != "base" and "points" in node:
            self.add(path + ("points",), f"a {name} measure has no points (use per and cap)", nid, key=True,
                     code="params")
        for i, owner in enumerate(node.get("owners") or []):
            if owner not in units:
                self.add(path + ("owners", i), f"owner '{owner}' is not declared in units"
                         f"{did_you_mean(owner, units)}", nid, code="unknown-owner")
        if "min" in node and "max" in node and node["min"] > node["max"]:
            self.add(path + ("min",), f"min {node['min']} is above max {node['max']}", nid, key=True,
                     code="params")

    def check_grades(self, grades: list) -> None:
        seen: set = set()
        for i, g in enumerate(grades):
            if g["id"] in seen:
                self.add(("grades", i, "id"), f"duplicate grade id '{g['id']}'", code="grades")
            seen.add(g["id"])
            if i and not g["min"] < grades[i - 1]["min"]:
                self.add(("grades", i, "min"), f"grades must be strictly descending: min {g['min']} is not "
                         f"below {grades[i - 1]['min']} (grade '{grades[i - 1]['id']}')", code="grades")
        if grades[-1]["min"] > 0:
            self.add(("grades", len(grades) - 1, "min"), f"the lowest grade starts at {grades[-1]['min']}: "
                     "a lower total will still get it", level="warning", code="grades")

    def check_points(self, data: dict) -> None:
        total = sum(worth(n) for n in data["tree"])
        scale = data.get("scale", 100)
        if total <= 0:
            self.add(("tree",), "the base tree is worth nothing: it has no scored measure", key=True,
                     code="points")
        elif abs(total - scale) > EPS and not data.get("normalize", False):
            self.add(("tree",), f"the base tree is worth {total:g} points but scale is {scale:g}; "
                     "fix the points or add 'normalize: true'", key=True, code="points")
