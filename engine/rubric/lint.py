"""The checks of SPEC 3.5 that a schema cannot express, on a document the meta-schema accepted (or,
after schema errors, wherever they can still run: see lint_data)."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from .. import methods, rules
from ..methods._common import is_number
from ..problems import Problem, did_you_mean, shown, unfit_text
from ..yamlstrict import Doc
from .places import Placed, in_file_order, placed

EPS = 1e-9
TOO_LARGE = 1e15
"""No points, weight, parameter or bound is larger (the YAML loader refuses larger numbers too; this
catches rubric data built in code)."""
SIZED_TOP = ("scale", "bonus_cap", "deduction_cap")
SIZED_NODE = ("points", "weight", "per", "cap", "target", "floor", "min", "max")
VERSION_NUMBER = 'version {v} is a number: write it quoted, e.g. version: "1.10", so it reads as written'


def lint_data(doc: Doc | Placed, file: str, faulted: Iterable[tuple] | None = None) -> list[Problem]:
    """Every semantic problem of the rubric, in file order.

    ``faulted``: the paths where the meta-schema found errors.  Given, the document may hold a wrong
    type anywhere, so every check is guarded (one that meets a wrong type is skipped, never a crash),
    nothing is said again about a place the schema already faulted, and the points are not added up
    when the tree itself is faulted."""
    data = doc.data
    ctx = _Ctx(doc, file, faulted)
    ctx.guard(ctx.check_version, data.get("version"))
    ctx.guard(ctx.check_min_coverage, data.get("min_coverage"))
    too_large = ctx.guard(ctx.check_sizes, data)
    tree = data.get("tree")
    nodes = list(_walk(tree, ("tree",))) if isinstance(tree, list) else []
    ctx.guard(ctx.check_ids, nodes)
    ctx.guard(ctx.check_id_texts, data, nodes)
    units = data.get("units")
    for path, node in nodes:
        ctx.guard(ctx.check_node, path, node, set(units) if isinstance(units, dict) else set())
    ctx.guard(ctx.check_grades, data.get("grades"))
    ctx.guard(ctx.check_rules, data.get("rules"), nodes)
    if not too_large and not any(f[:1] in (("tree",), ("scale",), ("normalize",)) for f in ctx.faulted):
        ctx.guard(ctx.check_points, data)
    return in_file_order(ctx.problems, ctx.doc)


def _walk(nodes: list, path: tuple) -> Iterator[tuple[tuple, dict]]:
    for i, node in enumerate(nodes):
        if not isinstance(node, dict):
            continue  # the meta-schema says so
        yield path + (i,), node
        if isinstance(node.get("children"), list):
            yield from _walk(node["children"], path + (i, "children"))


def _id_places(data: dict, nodes: list) -> Iterator[tuple[tuple, str, object, bool]]:
    """(path, what, the id, located at a key) for every id a rubric defines."""
    yield ("rubric",), "rubric id", data.get("rubric"), False
    for path, node in nodes:
        yield path + ("id",), "id", node.get("id"), False
        options = node.get("options")
        for key in options if isinstance(options, dict) else ():
            yield path + ("options", key), "option key", key, True
    units = data.get("units")
    for key in units if isinstance(units, dict) else ():
        yield ("units", key), "unit key", key, True
    grades = data.get("grades")
    for i, g in enumerate(grades if isinstance(grades, list) else []):
        if isinstance(g, dict):
            yield ("grades", i, "id"), "grade id", g.get("id"), False


def worth(node: dict) -> float:
    """What a raw node is worth (3.2): weight, or points, or the sum of its children."""
    if "children" in node:
        if "weight" in node:
            return node["weight"]
        return sum(worth(c) for c in node["children"])
    if methods.METHODS.get(node.get("method"), methods.check).KIND != "base":
        return 0.0
    return node.get("points", 1)


def _is_node(path: tuple) -> bool:
    """A path to a tree node (or the tree): problems there are about the node, not one of its keys."""
    return path == ("tree",) or (len(path) >= 2 and isinstance(path[-1], int) and path[-2] in ("tree", "children"))


def _id(node: dict) -> str:
    nid = node.get("id")
    return nid if isinstance(nid, str) else ""


def _big(x) -> str:
    if isinstance(x, int) and x.bit_length() > 64:
        return f"(a number of about {int(x.bit_length() * 0.30103) + 1} digits)"
    return f"{x:.6g}" if isinstance(x, float) else str(x)


class _Ctx:
    def __init__(self, doc: Doc | Placed, file: str, faulted: Iterable[tuple] | None = None):
        self.doc, self.file, self.problems = placed(doc, file), file, []
        self.safe = faulted is not None
        self.faulted = [tuple(f) for f in faulted or ()]

    def guard(self, check, *args):
        """Run a check; after schema errors, one that meets a wrong type is skipped, not a crash."""
        if not self.safe:
            return check(*args)
        try:
            return check(*args)
        except Exception:  # noqa: BLE001 - the meta-schema has already reported the wrong type
            return None

    def _said(self, path: tuple) -> bool:
        """The schema already faulted this key (or something in it, or around it)."""
        if _is_node(path):
            return False
        return any(f[:len(path)] == path or (f and not _is_node(f) and path[:len(f)] == f) for f in self.faulted)

    def add(self, path: tuple, message: str, node_id: str = "", key: bool = False, level: str = "error",
            code: str = "rubric") -> None:
        if self.faulted and self._said(path):
            return
        self.problems.append(Problem(self.doc.locate(path, key), message, node_id, level, code))

    def check_version(self, version) -> None:
        if is_number(version):
            self.add(("version",), VERSION_NUMBER.format(v=version), level="warning", code="version")

    def check_min_coverage(self, least) -> None:
        """min_coverage (SPEC 10) is a share: a number from 0 to 1."""
        if least is not None and not (is_number(least) and 0 <= least <= 1):
            self.add(("min_coverage",), f"min_coverage {shown(least)} is not a share from 0 to 1 "
                     "(e.g. 0.8: 80% of the base measures have a value)", code="rubric")

    def check_sizes(self, data: dict) -> bool:
        """Numbers above TOO_LARGE where points, weights, parameters and bounds go; True if any."""
        places = [((k,), data.get(k)) for k in SIZED_TOP]
        tree = data.get("tree")
        for path, node in _walk(tree, ("tree",)) if isinstance(tree, list) else ():
            places += [(path + (k,), node.get(k)) for k in SIZED_NODE]
            if isinstance(node.get("scale"), list):
                places += [(path + ("scale", i), x) for i, x in enumerate(node["scale"])]
            if isinstance(node.get("bands"), list):
                places += [(path + ("bands", i, "at"), b.get("at")) for i, b in enumerate(node["bands"])
                           if isinstance(b, dict)]
        found = False
        for path, x in places:
            if is_number(x) and not abs(x) <= TOO_LARGE:
                found = True
                name = next(k for k in reversed(path) if isinstance(k, str))
                nid = _id(self._node_at(path))
                self.add(path, f"{name} {_big(x)} is too large (at most 1e15)", nid, code="too-large")
        return found

    def _node_at(self, path: tuple) -> dict:
        cur, node = self.doc.data, {}
        for key in path:
            cur = cur[key]
            if isinstance(cur, dict) and "tree" in path:
                node = cur if "id" in cur else node
        return node

    def check_ids(self, nodes: list) -> None:
        seen: dict[str, tuple] = {}
        for path, node in nodes:
            nid = node.get("id")
            if not isinstance(nid, str):
                continue
            if nid in seen:
                first, here = self.doc.locate(seen[nid] + ("id",)), self.doc.locate(path + ("id",))
                at = f"line {first.line}" if first.file == here.file else f"{first.file}:{first.line}"
                self.add(path + ("id",), f"duplicate id (first used at {at})", nid, code="duplicate-id")
            else:
                seen[nid] = path

    def check_id_texts(self, data: dict, nodes: list) -> None:
        """Ids name files, columns and CLI options and are typed by officials: no control, zero-width or
        bidi character, and no trailing newline, so two ids never look the same and differ."""
        for path, what, text, key in _id_places(data, nodes):
            why = unfit_text(text) if isinstance(text, str) else ""
            if why:
                self.add(path, f"{what} {shown(text)} has {why}: an id must be plain text", key=key,
                         code="id-text")

    def check_node(self, path: tuple, node: dict, units: set) -> None:
        nid = _id(node)
        is_group, is_measure = "children" in node, "method" in node
        if is_group and is_measure:
            self.add(path, "a node is a group (children) or a measure (method), not both", nid, code="node-kind")
        elif not is_group and not is_measure:
            self.add(path, "a node needs either children (a group) or a method (a measure)", nid, code="node-kind")
        elif is_group:
            self.check_group(path, node)
        else:
            self.guard(self.check_owners, path, node, units)
            self.guard(self.check_bounds, path, node)
            if isinstance(node["method"], str) and node["method"] in methods.METHODS:
                self.check_measure(path, node)

    def check_group(self, path: tuple, node: dict) -> None:
        stray = sorted(set(node) & (methods.param_names() | {"points", "owners", "unit", "min", "max"}))
        for key in stray:
            self.add(path + (key,), f"'{key}' belongs on a measure, not on a group", _id(node), key=True)
        if "weight" in node and not any(worth(c) > 0 for c in node["children"]):
            self.add(path + ("weight",), "group has a weight but no scored measure under it", _id(node), key=True)

    def check_owners(self, path: tuple, node: dict, units: set) -> None:
        owners = node.get("owners")
        for i, owner in enumerate(owners if isinstance(owners, list) else []):
            if isinstance(owner, str) and owner not in units:
                self.add(path + ("owners", i), f"owner {shown(owner)} is not declared in units"
                         f"{did_you_mean(owner, units)}", _id(node), code="unknown-owner")

    def check_bounds(self, path: tuple, node: dict) -> None:
        lo, hi, nid = node.get("min"), node.get("max"), _id(node)
        if is_number(lo) and is_number(hi) and lo > hi:
            self.add(path + ("min",), f"min {lo} is above max {hi}", nid, key=True, code="params")
            return
        name = node["method"]
        if not (isinstance(name, str) and name in methods.METHODS):
            return
        for key in methods.get(name).RANGED:
            x = node.get(key)
            if is_number(x) and ((is_number(lo) and x < lo) or (is_number(hi) and x > hi)):
                self.add(path + (key,), f"{node['method']}: {key} {x} is outside the plausible range "
                         f"[{lo if is_number(lo) else '-inf'}, {hi if is_number(hi) else 'inf'}] (min, max) "
                         "that values are checked against", nid, key=True, level="warning", code="params")

    def check_measure(self, path: tuple, node: dict) -> None:
        nid, name = _id(node), node["method"]
        module = methods.get(name)
        said = module.check_params(node)
        if not said:
            self.guard(self.warn_params, path, node, module)
        for key, msg in said:
            self.add(path + (key,) if key in node else path, f"{name}: {msg}", nid, key=True, code="params")
        for key in sorted(set(node) & methods.param_names() - set(module.PARAMS)):
            self.add(path + (key,), f"'{key}' is not a parameter of method {name}"
                     f" (it takes: {', '.join(module.PARAMS) or 'none'})", nid, key=True, code="params")
        if module.KIND != "base" and "points" in node:
            self.add(path + ("points",), f"a {name} measure has no points (use per and cap)", nid, key=True,
                     code="params")

    def warn_params(self, path: tuple, node: dict, module) -> None:
        """The likely slips the method warns of in parameters it accepts (bands whose score rises as the value
        gets worse)."""
        for where, message in module.param_warnings(node):
            self.add(path + where, message, _id(node), level="warning", code="params")

    def check_grades(self, grades) -> None:
        if not isinstance(grades, list):
            return
        grades = [(i, g) for i, g in enumerate(grades) if isinstance(g, dict)]
        seen: set = set()
        for i, g in grades:
            gid = g.get("id")
            if isinstance(gid, str) and gid in seen:
                self.add(("grades", i, "id"), f"duplicate grade id '{gid}'", code="grades")
            seen.add(gid if isinstance(gid, str) else None)
        ranked = [(i, g) for i, g in grades if is_number(g.get("min"))]
        for (_, before), (i, g) in zip(ranked, ranked[1:]):
            if not g["min"] < before["min"]:
                self.add(("grades", i, "min"), f"grades must be strictly descending: min {g['min']} is not "
                         f"below {before['min']} (grade '{before.get('id')}')", code="grades")
        if ranked and ranked[-1][1]["min"] > 0 and ranked[-1][0] == grades[-1][0]:
            i, last = ranked[-1]
            self.add(("grades", i, "min"), f"the lowest grade starts at {last['min']}: "
                     "a lower total will still get it", level="warning", code="grades")

    def check_rules(self, raw, nodes: list) -> None:
        measures = {n["id"]: n for _, n in nodes if isinstance(n.get("id"), str) and "children" not in n}
        for path, message in rules.lint(raw, measures):
            self.add(path, message, code="rule")

    def check_points(self, data: dict) -> None:
        total = sum(worth(n) for n in data["tree"])
        scale = data.get("scale", 100)
        if total <= 0:
            self.add(("tree",), "the base tree is worth nothing: it has no scored measure", key=True,
                     code="points")
        elif abs(total - scale) > EPS and not data.get("normalize", False):
            self.add(("tree",), f"the base tree is worth {total:g} points but scale is {scale:g}; "
                     "fix the points or add 'normalize: true'", key=True, code="points")
