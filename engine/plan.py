"""A rubric compiled once into a scoring plan (SPEC 3.2-3.4), the one statement both executors follow.

engine.scoring scores one submission on it (plain floats, no numpy, so `scorecard check` stays light);
engine.vector.score scores a matrix of subjects x measures on it (numpy arrays).  The plan holds what
the rules need, resolved once: the measures in rubric order and their methods, which are base and which
modifiers, the groups and the tree as indices, each measure's missing policy, worths, caps, the scale
and the grade bounds.  The formulas that do not depend on the tree's shape (the caps, the grade
decision; the total's clamp is engine.results.Totals) are written once here with ``where``/``minimum``,
which take plain numbers or numpy arrays alike, so the two executors cannot drift apart.
"""
from __future__ import annotations

import weakref
from dataclasses import dataclass
from types import ModuleType

from . import methods
from .model import Group, Measure, Node, Rubric, worth


@dataclass(frozen=True)
class Child:
    """One child of a group (or of the tree's top) as the executors walk it."""

    group: bool
    """True for a group (``index`` into Plan.groups), False for a measure (``index`` into Plan.measures)."""
    index: int
    worth: float
    """What it is worth at full score in its parent's units (model.worth: 0 for a modifier)."""


@dataclass(frozen=True)
class Plan:
    """A rubric compiled for scoring: everything as tuples indexed like ``measures`` and ``groups``.  It holds
    no reference to the rubric itself (the cache must not keep a rubric alive)."""

    measures: tuple[Measure, ...]
    """Rubric order: the columns of the vectorised executor."""
    column: dict[str, int]
    """Measure id -> its index in ``measures``."""
    methods: tuple[ModuleType, ...]
    """Each measure's method module."""
    kind: tuple[str, ...]
    """Each measure's method KIND: 'base', 'bonus', 'deduction' or 'veto'."""
    policy: tuple[str, ...]
    """Each measure's resolved missing policy, 'zero' or 'exclude' (resolve_policy)."""
    base: tuple[int, ...]
    """Indices of the base measures."""
    bonus: tuple[int, ...]
    deduction: tuple[int, ...]
    veto: tuple[int, ...]
    groups: tuple[Group, ...]
    """Rubric order (depth first, parents before children)."""
    group_index: dict[str, int]
    worths: tuple[float, ...]
    """Each group's worth (SPEC 3.2)."""
    top: tuple[Child, ...]
    """The tree's top level."""
    children: tuple[tuple[Child, ...], ...]
    """Each group's children, in rubric order (the order both executors sum them in)."""
    parent: tuple[int, ...]
    """Each group's parent group index; -1 at the top."""
    measure_parent: tuple[int, ...]
    """Each measure's group index; -1 at the top."""
    scale: float
    bonus_cap: float | None
    deduction_cap: float | None
    grade_mins: tuple[float, ...]
    """The grades' bounds, highest grade first."""

    @property
    def bottom_up(self) -> range:
        """Group indices, every group after all the groups below it (reverse rubric order)."""
        return range(len(self.groups) - 1, -1, -1)

    def capped(self, amounts, kind: str, zero=0):
        """The sum of the modifiers' amounts of ``kind`` ('bonus' or 'deduction'), added in rubric order to
        ``zero``, after the rubric's cap for that kind (SPEC 3.2).  ``amounts[j]`` is measure j's points added
        or taken off (a number, or an array with ``zero`` an array of zeros as long)."""
        total = zero
        for j in (self.bonus if kind == "bonus" else self.deduction):
            total = total + amounts[j]
        cap = self.bonus_cap if kind == "bonus" else self.deduction_cap
        return total if cap is None else minimum(total, cap)

    def grade(self, total, vetoed):
        """Index into rubric.grades (SPEC 3.3): the first grade whose min <= the rounded ``total``, the last
        when none does or when ``vetoed``.  Numbers or arrays alike."""
        last = len(self.grade_mins) - 1
        out = last
        for i in range(last, -1, -1):  # the best grade reached is written last, so it wins
            out = where(self.grade_mins[i] <= total, i, out)
        return where(vetoed, last, out)


def resolve_policy(rubric: Rubric, node_id: str) -> str:
    """SPEC 3.4's missing policy for a node: its own, else its nearest enclosing group's, else the rubric's."""
    while node_id:
        own = rubric.by_id[node_id].missing
        if own:
            return own
        node_id = rubric.parents.get(node_id, "")
    return rubric.missing


def where(cond, yes, no):
    """``yes`` where ``cond`` holds, else ``no``: numpy.where for arrays, a plain choice for numbers."""
    if getattr(cond, "ndim", 0):
        import numpy as np

        return np.where(cond, yes, no)
    return yes if cond else no


def minimum(a, b):
    """min for numbers, numpy.minimum when either is an array."""
    if getattr(a, "ndim", 0) or getattr(b, "ndim", 0):
        import numpy as np

        return np.minimum(a, b)
    return min(a, b)


def maximum(a, b):
    """max for numbers, numpy.maximum when either is an array."""
    if getattr(a, "ndim", 0) or getattr(b, "ndim", 0):
        import numpy as np

        return np.maximum(a, b)
    return max(a, b)


_PLANS: dict[int, tuple[weakref.ref, Plan]] = {}
"""id(rubric) -> (the rubric, weakly; its plan).  A Rubric holds dicts, so it cannot key a WeakKeyDictionary."""


def plan(rubric: Rubric) -> Plan:
    """The rubric's plan, compiled on first use and kept while the rubric object lives."""
    key = id(rubric)
    held = _PLANS.get(key)
    if held is not None and held[0]() is rubric:
        return held[1]
    done = compile_plan(rubric)
    _PLANS[key] = (weakref.ref(rubric), done)
    weakref.finalize(rubric, _PLANS.pop, key, None)
    return done


def compile_plan(rubric: Rubric) -> Plan:
    """Compile a rubric (uncached: use plan())."""
    measures, groups = rubric.measures, rubric.groups
    column = {m.id: j for j, m in enumerate(measures)}
    group_index = {g.id: k for k, g in enumerate(groups)}
    kinds = [methods.get(m.method).KIND for m in measures]

    def child(n: Node) -> Child:
        is_group = isinstance(n, Group)
        return Child(is_group, (group_index if is_group else column)[n.id], worth(n))

    def parent_of(node_id: str) -> int:
        return group_index.get(rubric.parents.get(node_id, ""), -1)

    return Plan(
        measures, column, tuple(methods.get(m.method) for m in measures), tuple(kinds),
        tuple(resolve_policy(rubric, m.id) for m in measures),
        *(tuple(j for j, k in enumerate(kinds) if k == kind) for kind in ("base", "bonus", "deduction", "veto")),
        groups, group_index, tuple(g.worth for g in groups), tuple(map(child, rubric.tree)),
        tuple(tuple(map(child, g.children)) for g in groups), tuple(parent_of(g.id) for g in groups),
        tuple(parent_of(m.id) for m in measures), rubric.scale, rubric.bonus_cap, rubric.deduction_cap,
        tuple(g.min for g in rubric.grades))
