"""`scorecard rubric diff` in the terminal: one row per added, removed or changed node and per changed key."""
from __future__ import annotations

import io
import json

from ..formats.fit import column, fit_table
from ..safe_text import console as new_console, styled, text
from .diff import RubricDiff

MARKS = (("+", "added", "green"), ("-", "removed", "red"), ("~", "changed", "yellow"))
LONGEST = 200
"""A value longer than this many characters (guidance, a label) is shown cut, ending in …; JSON has it whole."""


def value(v) -> str:
    """A value in a cell: text as it is, anything else as compact JSON; absent as —."""
    shown = "—" if v is None else v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)
    return shown if len(shown) <= LONGEST else shown[:LONGEST - 1] + "…"


def label(d: dict, lang) -> str:
    raw = d.get("label")
    if isinstance(raw, dict):
        return raw.get(lang) or raw.get("zh") or raw.get("en") or next(iter(raw.values()), "")
    return raw or ""


def table(found: RubricDiff, lang: str | None = None):
    t = fit_table(title=f"{found.a} → {found.b}", title_justify="left")
    for head, just in (("", "left"), ("id", "left"), ("label / key", "left"), ("old", "left"), ("new", "left")):
        column(t, head, just)
    for c in found.rubric:
        t.add_row(text("~", "yellow"), text("(rubric)"), text(c.key), text(value(c.old)), text(value(c.new)))
    for mark, kind, style in MARKS[:2]:
        for d in getattr(found, kind):
            what = f"{d['kind']} under {d['parent'] or '(top)'}" + _method(d)
            t.add_row(text(mark, style), text(d["id"], style), text(label(d, lang)),
                      text(what if kind == "removed" else ""), text(what if kind == "added" else ""))
    for nid, changes in found.changed:
        for c in changes:
            t.add_row(text("~", "yellow"), text(nid), text(c.key), text(value(c.old)), text(value(c.new)))
    return t


def _method(d: dict) -> str:
    if d["kind"] != "measure":
        return ""
    return f", {d['method']}" + (f" {d['points']:g} pts" if d["points"] is not None else "")


def summary(found: RubricDiff) -> str:
    if found.empty:
        return f"{found.a} and {found.b}: no differences"
    keys = sum(len(cs) for _, cs in found.changed)
    return (f"{len(found.added)} added, {len(found.removed)} removed, {len(found.changed)} changed "
            f"({keys} keys), {len(found.rubric)} rubric keys changed")


def show(found: RubricDiff, console, lang: str | None = None) -> None:
    if not found.empty:
        console.print(table(found, lang))
    console.print(styled((summary(found), "bold")))


def render(found: RubricDiff, lang: str | None = None, width: int = 120) -> str:
    buf = io.StringIO()
    show(found, new_console(buf, width=width, no_color=True), lang)
    return buf.getvalue()
