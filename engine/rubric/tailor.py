"""Tailored rubrics (SPEC 9): a rubric file that ``extends`` another and changes it.

- ``extends: ID@VERSION`` (or ``ID``: any version) is looked up like a submission's rubric, in the
  tailoring file's own folder, then in the rubrics folder of the command (``--rubrics-dir``).
- Any top-level key given again replaces the parent's, except ``units``, which merge (a province
  adds its own units to the nation's; a key given again replaces that unit's label). ``replaces`` and
  ``crosswalk`` are never inherited: they tell a rubric's own version history.
- Then, in this order: ``remove: [ids]`` drops nodes with their subtree; ``override: {id: {key:
  value}}`` replaces keys of a node (``null`` drops the key; ``id`` and ``children`` cannot be
  overridden: remove and add instead); ``add: [{parent: GROUP_ID or "", node: {...}}]`` appends a
  node under a group ("" = the top of the tree), an earlier added group included.
- A chain may be of any depth (at most MAX_CHAIN); a cycle is an error naming the chain.

The merged data is an ordinary rubric document, checked as a whole by the meta-schema and lint; a
MergedDoc places every part of it in the file it came from (see places.py).
"""
from __future__ import annotations

import copy
import os
from pathlib import Path

from ..problems import Problem, did_you_mean, errors, read_yaml
from .meta import check_meta
from .places import FileDoc, MergedDoc, Placed, in_file_order, is_tailoring

MAX_CHAIN = 16
OPERATIONS = ("remove", "override", "add")
NOT_INHERITED = ("replaces", "crosswalk")
FIXED = ("id", "children")


def resolve(child: FileDoc, rubrics_dir: Path | None, chain: tuple = ()) -> tuple[MergedDoc | None, list[Problem]]:
    """The merged document of a tailoring file and its chain, or None and the problems that stop it."""
    problems = check_meta(child.doc, child.file, semantic=False)
    if errors(problems):
        return None, problems
    chain = chain or ((os.path.realpath(child.file), _ref(child.data)),)
    path, said = _find(child, rubrics_dir, chain)
    if said:
        return None, problems + [said]
    parent, said = _parent(path, rubrics_dir, chain)
    if parent is None:
        return None, problems + said
    merged, said = _Merge(parent, child).run()
    return (None if errors(said) else merged), problems + said


def _ref(data: dict) -> str:
    return f"{data.get('rubric')}@{data.get('version')}"


def lookup_folders(file: str, rubrics_dir: Path | None) -> list[Path]:
    own = Path(file).parent
    extra = [rubrics_dir] if rubrics_dir is not None and Path(rubrics_dir).resolve() != own.resolve() else []
    return [own] + extra


def _find(child: FileDoc, rubrics_dir: Path | None, chain: tuple) -> tuple[Path | None, Problem | None]:
    """The parent's file, or the problem at the ``extends`` value (not found, a cycle, too long a chain)."""
    from ..finder import folder_index, not_found, pick  # the finder loads rubrics: imported late

    ref, where = str(child.data["extends"]), child.locate(("extends",))
    rid, _, version = ref.partition("@")
    folders = lookup_folders(child.file, rubrics_dir)
    for folder in folders:
        path = pick(folder_index(folder)[0].get(rid, []), version)
        if path is not None:
            break
    else:
        index = folder_index(folders[-1])[0]
        return None, Problem(where, f"extends: {not_found(folders[-1], index, rid, version)}", code="extends")
    seen = [real for real, _ in chain]
    if os.path.realpath(path) in seen:
        names = [name for _, name in chain[seen.index(os.path.realpath(path)):]] + [ref]
        return None, Problem(where, f"extends makes a cycle: {' → '.join(names)}", code="extends")
    if len(chain) >= MAX_CHAIN:
        return None, Problem(where, f"a chain of extends is at most {MAX_CHAIN} rubrics long", code="extends")
    return path, None


def _parent(path: Path, rubrics_dir: Path | None, chain: tuple) -> tuple[Placed | None, list[Problem]]:
    """The parent, checked: a rubric of its own, or itself a tailoring (merged first)."""
    name = str(path)
    doc, problems = read_yaml(path)
    if doc is None:
        return None, problems
    if is_tailoring(doc.data):
        return resolve(FileDoc(doc, name), rubrics_dir, chain + ((os.path.realpath(path), _ref(doc.data)),))
    problems = check_meta(doc, name)
    return (None if errors(problems) else FileDoc(doc, name)), problems


def _subtree(node: dict, path: tuple, container: list | None = None):
    """(node, path, the list it stands in) for a raw node and every node below it."""
    yield node, path, container
    kids = node.get("children")
    for i, kid in enumerate(kids if isinstance(kids, list) else ()):
        if isinstance(kid, dict):
            yield from _subtree(kid, path + ("children", i), kids)


class _Merge:
    """One tailoring file applied to its (already merged) parent."""

    def __init__(self, parent: Placed, child: FileDoc):
        self.parent, self.child, self.problems = parent, child, []
        self.data = {k: copy.deepcopy(v) for k, v in parent.data.items() if k not in NOT_INHERITED}
        self.top = {(k,): (parent, (k,)) for k in self.data}
        self.origin: dict[int, tuple] = {}
        """id() of a merged node dict -> (source, path there); ``keep`` holds every such dict alive."""
        self.keys: dict[int, dict] = {}
        self.keep: list = []
        self.tailored = dict(parent.tailored)
        self.removed: set[str] = set()

    def run(self) -> tuple[MergedDoc, list[Problem]]:
        self._top_keys()
        self.index = {}
        for i, node in enumerate(self.data["tree"]):
            source, at = self.top[("tree",)]
            self._register(node, source, at + (i,), self.data["tree"], fresh=False)
        self.known = list(self.index)
        for op in OPERATIONS:
            getattr(self, "_" + op)(self.child.data.get(op))  # None when the file does not give it
        changed = next((k for k in ("add", "override", "remove", "tree") if k in self.child.data), None)
        if changed:
            self.top[("tree",)] = (self.child, (changed,))
        merged = MergedDoc(self.data, self._origins(), self.child, self.parent, self.tailored)
        return merged, in_file_order(self.problems, self.child)

    def _top_keys(self) -> None:
        for key, value in self.child.data.items():
            if key in OPERATIONS:
                continue
            if key == "units" and isinstance(self.data.get("units"), dict):
                self.data["units"] = {**self.data["units"], **copy.deepcopy(value)}
                self.top.update({("units", k): (self.child, ("units", k)) for k in value})
            else:
                self.data[key] = copy.deepcopy(value)
                self.top[(key,)] = (self.child, (key,))

    def _register(self, node: dict, source, at: tuple, container: list, fresh: bool) -> None:
        """Remember where a node (and its subtree) came from; ``fresh``: added by this file."""
        for sub, rel, holder in _subtree(node, (), container):
            self.origin[id(sub)] = (source, at + rel)
            self.keep.append(sub)
            nid = sub.get("id")
            if isinstance(nid, str) and nid not in self.index:
                self.index[nid] = (sub, holder)
            if fresh and isinstance(nid, str):
                self.tailored[nid] = "added"

    def _remove(self, ids: list | None) -> None:
        for i, nid in enumerate(ids or ()):
            if nid not in self.index:
                self._unknown(("remove", i), nid, "remove")
                continue
            node, container = self.index[nid]
            container[:] = [n for n in container if n is not node]
            for sub, _, _ in _subtree(node, ()):
                gone = sub.get("id")
                self.index.pop(gone, None)
                self.tailored.pop(gone, None)
                self.removed.add(gone)

    def _override(self, overrides: dict | None) -> None:
        for nid, keys in (overrides or {}).items():
            if nid not in self.index:
                self._unknown(("override", nid), nid, "override", key=True)
                continue
            node = self.index[nid][0]
            for key, value in keys.items():
                if key in FIXED:
                    self._say(("override", nid, key), f"override cannot change a node's '{key}': remove the node "
                              "and add a new one", nid, key=True)
                elif value is None:
                    node.pop(key, None)
                else:
                    node[key] = copy.deepcopy(value)
                    self.keys.setdefault(id(node), {})[key] = (self.child, ("override", nid, key))
            self.tailored.setdefault(nid, "changed")

    def _add(self, items: list | None) -> None:
        for i, item in enumerate(items or ()):
            pid, node = item["parent"], copy.deepcopy(item["node"])
            if pid == "":
                container = self.data["tree"]
            elif pid not in self.index:
                self._unknown(("add", i, "parent"), pid, "add")
                continue
            elif "children" not in self.index[pid][0]:
                self._say(("add", i, "parent"), f"add: '{pid}' is a measure: a node is added under a group", pid)
                continue
            else:
                container = self.index[pid][0]["children"]
            container.append(node)
            self._register(node, self.child, ("add", i, "node"), container, fresh=True)

    def _unknown(self, path: tuple, nid, op: str, key: bool = False) -> None:
        if nid in self.removed:
            why = f"{op}: '{nid}' is removed by this file's remove"
        else:
            why = f"{op}: no node '{nid}' in {self.child.data['extends']}{did_you_mean(nid, self.known)}"
        self._say(path, why, str(nid), key)

    def _say(self, path: tuple, message: str, nid: str, key: bool = False) -> None:
        self.problems.append(Problem(self.child.locate(path, key), message, nid, code="tailoring"))

    def _origins(self) -> dict:
        """Merged path prefix -> (source, path there), for every node where it now stands."""
        out = dict(self.top)
        for i, node in enumerate(self.data["tree"]):
            for sub, rel, _ in _subtree(node, ("tree", i)):
                out[rel] = self.origin[id(sub)]
                out.update({rel + (k,): o for k, o in self.keys.get(id(sub), {}).items()})
        return out

