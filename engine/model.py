"""The rubric and submission model: frozen dataclasses built by the loaders, read by scoring."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Iterator, Mapping, Union


from .methods import MODIFIERS


@dataclass(frozen=True)
class Loc:
    """Where something was written."""

    file: str
    """Path as the user gave it."""
    line: int = 1
    col: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


@dataclass(frozen=True)
class Label:
    """A text in one or more languages."""

    texts: tuple[tuple[str, str], ...]
    """(language code, text) pairs; a plain string label has the code ''."""

    @classmethod
    def of(cls, raw: Any) -> "Label":
        if isinstance(raw, Mapping):
            return cls(tuple((str(k), str(v)) for k, v in raw.items()))
        return cls((("", "" if raw is None else str(raw)),))

    def get(self, lang: str | None = None) -> str:
        """The text in ``lang``, else zh, else en, else any."""
        cache = self._by_lang
        if lang not in cache:
            d = dict(self.texts)
            found = next((d[c] for c in (lang, "zh", "", "en") if d.get(c)), None)
            cache[lang] = found if found is not None else next((t for t in d.values() if t), "")
        return cache[lang]

    @cached_property
    def _by_lang(self) -> dict:
        return {}

    def has(self, lang: str) -> bool:
        return any(code == lang and text for code, text in self.texts)


@dataclass(frozen=True)
class Measure:
    """A leaf of the tree: one thing that is assessed."""

    id: str
    label: Label
    method: str
    """Key into engine.methods.METHODS."""
    points: float
    """What full marks are worth (0 for modifiers)."""
    params: Mapping[str, Any] = field(default_factory=dict)
    """The method's parameters (target, floor, bands, options, scale, trim, per, cap, direction)."""
    owners: tuple[str, ...] = ()
    """Responsible units, lead unit first."""
    evidence: str = "optional"
    """'required' or 'optional'."""
    unit: str = ""
    """Display unit of the value ('%', '个', ...)."""
    guidance: str = ""
    """How the value is measured and what evidence counts."""
    assess: tuple[str, ...] = ()
    """How assessors verify it (测评方法)."""
    missing: str | None = None
    """Own missing-value policy ('zero' | 'exclude'); None inherits."""
    min: float | None = None
    """Plausibility bound: a smaller value is invalid."""
    max: float | None = None
    """Plausibility bound: a larger value is invalid."""
    loc: Loc = Loc("")
    waivable: bool = True
    """False: a submission may not waive it as not applicable (SPEC 9); vetoes never can be."""

    @property
    def is_modifier(self) -> bool:
        return self.method in MODIFIERS


@dataclass(frozen=True)
class Group:
    """An inner node: a dimension, an indicator, any level of grouping."""

    id: str
    label: Label
    children: tuple["Node", ...]
    weight: float | None = None
    """Worth of the group; None means the sum of its children's worth."""
    missing: str | None = None
    """Missing-value policy for the measures below; None inherits."""
    loc: Loc = Loc("")

    @cached_property
    def worth(self) -> float:
        """Weight if given, else the sum of the children's worth (modifiers are worth 0)."""
        return self.weight if self.weight is not None else sum(worth(c) for c in self.children)


Node = Union[Group, Measure]


def worth(node: Node) -> float:
    """What a node is worth at full score, in its own units (3.2)."""
    if isinstance(node, Group):
        return node.worth
    return 0.0 if node.is_modifier else node.points


@dataclass(frozen=True)
class Grade:
    """A grade band; the first whose min <= total wins."""

    id: str
    label: Label
    min: float


@dataclass(frozen=True)
class Rubric:
    """A whole indicator system."""

    id: str
    version: str
    title: Label
    tree: tuple[Node, ...]
    grades: tuple[Grade, ...]
    source: str = ""
    scale: float = 100.0
    missing: str = "zero"
    bonus_cap: float | None = None
    deduction_cap: float | None = None
    normalize: bool = False
    units: Mapping[str, Label] = field(default_factory=dict)
    """Responsible units by key."""
    colors: tuple[float, float, float] = (85.0, 70.0, 50.0)
    """Attainment (%) at which a group turns green / yellow / orange (below: red)."""
    loc: Loc = Loc("")
    extends: str = ""
    """The rubric this one tailors ('id@version'; SPEC 9), '' when it stands alone."""
    tailored: Mapping[str, str] = field(default_factory=dict)
    """Node id -> 'added' or 'changed' (by this rubric's tailoring or its chain's), for `rubric show`."""
    replaces: str = ""
    """The rubric version this one succeeds ('id@version'; SPEC 9)."""
    crosswalk: Mapping[str, str | None] = field(default_factory=dict)
    """Old measure id -> its id here (None: dropped), for comparing across versions."""
    rules: tuple = ()
    """Data-quality rules (engine.rules: Lte, SumLte, MaxChange; SPEC 10), in file order."""
    min_coverage: float | None = None
    """A subject whose coverage (engine.coverage) is below this share is unranked in a league (SPEC 10)."""

    @cached_property
    def worth(self) -> float:
        """What the base tree is worth before scaling."""
        return sum(worth(n) for n in self.tree)

    @cached_property
    def measures(self) -> tuple[Measure, ...]:
        return tuple(n for n in walk(self.tree) if isinstance(n, Measure))

    @cached_property
    def groups(self) -> tuple[Group, ...]:
        return tuple(n for n in walk(self.tree) if isinstance(n, Group))

    @cached_property
    def by_id(self) -> dict[str, Node]:
        return {n.id: n for n in walk(self.tree)}

    @cached_property
    def parents(self) -> dict[str, str]:
        """Node id -> id of its group ('' at the top)."""
        out: dict[str, str] = {}
        for g in self.groups:
            for c in g.children:
                out[c.id] = g.id
        for n in self.tree:
            out[n.id] = ""
        return out

    @property
    def ref(self) -> str:
        return f"{self.id}@{self.version}"


def walk(nodes: tuple[Node, ...]) -> Iterator[Node]:
    """Every node, depth first, parents before children."""
    for n in nodes:
        yield n
        if isinstance(n, Group):
            yield from walk(n.children)


@dataclass(frozen=True)
class Entry:
    """One submitted value."""

    value: Any
    """The value as scoring reads it (numbers normalised)."""
    raw: Any = None
    """The value as written, when it differed (e.g. '3.6万余')."""
    evidence: tuple[str, ...] = ()
    note: str = ""
    notes: tuple[str, ...] = ()
    """How the value was normalised."""
    approximate: bool = False
    """Written with 约/近/余/多."""
    loc: Loc | None = None
    filed_by: str | None = None
    """The unit whose part gave it (SPEC 8); None: the subject's own part, or an assessor's."""
    ratings: tuple[tuple[str, tuple], ...] = ()
    """A rating measure's ratings by who gave them, in input order: (assessor id, or the file of a part
    without one; its ratings).  ``value`` is then every rating joined, which trim applies to."""
    stage: str = "self"
    """'self' (自评) or 'verified' (核验): the stage of the part that gave it."""


@dataclass(frozen=True)
class Waiver:
    """A measure declared not applicable (SPEC 9): dropped from the base like an excluded one, always listed."""

    reason: str
    approved_by: str
    expires: str = ""
    """ISO date (YYYY-MM-DD), '' when it does not expire."""
    loc: Loc | None = None


@dataclass(frozen=True)
class Submission:
    """One subject's values for one period."""

    rubric: str
    """The rubric it names: 'id' or 'id@version'."""
    subject_id: str
    subject_name: str
    period: Any
    entries: Mapping[str, Entry]
    """Measure id -> submitted entry (the self-assessed stage)."""
    path: str = ""
    parts: tuple[str, ...] = ()
    """The files it was assembled from, in input order (SPEC 8)."""
    verified: Mapping[str, Entry] = field(default_factory=dict)
    """Measure id -> entry of a verified-stage part: it overrides the self-assessed one."""
    waivers: Mapping[str, Waiver] = field(default_factory=dict)
    """Measure id -> its waiver (SPEC 9)."""


def same_version(a: str, b: str) -> bool:
    """'1.10' written unquoted in YAML reads as 1.1: versions that are the same number match."""
    if a == b:
        return True
    try:
        return float(a) == float(b)
    except ValueError:
        return False
