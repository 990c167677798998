"""Turn a checked rubric document into the frozen model."""
from __future__ import annotations

from .. import methods, rules
from ..model import Grade, Group, Label, Loc, Measure, Node, Rubric
from ..yamlstrict import Doc
from .places import Placed, placed


def build(data: dict, doc: Doc | Placed, file: str) -> Rubric:
    """The Rubric for a document that passed check_meta and lint_data (a tailored one: its merged data)."""
    doc = placed(doc, file)
    colors = data.get("colors") or {}
    return Rubric(
        id=data["rubric"],
        version=str(data["version"]),
        title=Label.of(data["title"]),
        tree=tuple(_node(n, ("tree", i), doc) for i, n in enumerate(data["tree"])),
        grades=tuple(Grade(g["id"], Label.of(g.get("label", g["id"])), g["min"]) for g in data["grades"]),
        source=data.get("source", ""),
        scale=data.get("scale", 100),
        missing=data.get("missing", "zero"),
        bonus_cap=data.get("bonus_cap"),
        deduction_cap=data.get("deduction_cap"),
        normalize=data.get("normalize", False),
        min_coverage=data.get("min_coverage"),
        units={k: Label.of(v) for k, v in (data.get("units") or {}).items()},
        colors=(colors.get("green", 85.0), colors.get("yellow", 70.0), colors.get("orange", 50.0)),
        loc=Loc(file),
        replaces=str(data.get("replaces", "")),
        crosswalk=dict(data.get("crosswalk") or {}),
        extends=str(data.get("extends", "")),
        tailored=dict(doc.tailored),
        rules=rules.build(data.get("rules"), doc.locate),
    )


def _node(raw: dict, path: tuple, doc: Placed) -> Node:
    loc = doc.locate(path)
    label = Label.of(raw.get("label", raw["id"]))
    if "children" in raw:
        kids = tuple(_node(c, path + ("children", i), doc) for i, c in enumerate(raw["children"]))
        return Group(raw["id"], label, kids, raw.get("weight"), raw.get("missing"), loc)
    module = methods.get(raw["method"])
    params = {k: raw.get(k, default) for k, default in module.PARAMS.items() if k in raw or default is not methods.REQUIRED}
    return Measure(
        id=raw["id"],
        label=label,
        method=raw["method"],
        points=raw.get("points", 1) if module.KIND == "base" else 0.0,
        params=params,
        owners=tuple(raw.get("owners") or ()),
        evidence=raw.get("evidence", "optional"),
        unit=raw.get("unit", ""),
        guidance=raw.get("guidance", ""),
        assess=tuple(raw.get("assess") or ()),
        missing=raw.get("missing"),
        min=raw.get("min"),
        max=raw.get("max"),
        loc=loc,
        waivable=raw.get("waivable", True),
    )
