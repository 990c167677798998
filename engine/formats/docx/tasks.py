"""The per-unit task lists (责任单位任务清单) in the Word document: a summary table of every unit, then a
section per unit (a Word heading each, so a unit's list is found in the navigation pane and can be
printed on its own) with the gaps it leads and shares, its missing data and the evidence it owes."""
from __future__ import annotations

from ...formats.common import num
from ...formats.gaps.common import target_text, value_text
from ...formats.words import owner_name, word
from ...gaps import GapReport
from . import blocks

SUMMARY_WIDTHS = [7.0, 2.0, 2.0, 2.0, 2.0, 2.0]
TASK_WIDTHS = [1.6, 7.4, 2.6, 3.2, 2.2]


def task_lists(doc, rep: GapReport, ui: str, lang: str | None) -> None:
    """The summary of all units and one section per unit, from a new page (printed and handed out on its own)."""
    blocks.heading(doc, word("by_owner", ui)).paragraph_format.page_break_before = True
    if not rep.owners:
        blocks.para(doc, word("none", ui))
        return
    rubric = rep.card.rubric
    head = [word(k, ui) for k in ("unit", "lead", "lead_pts", "co", "co_pts", "missing_n")]
    rows = [[owner_name(rubric, o.unit, ui), str(len(o.lead) or ""), num(o.lead_points) if o.lead else "",
             str(len(o.co) or ""), num(o.co_points) if o.co else "", str(len(o.missing) or "")] for o in rep.owners]
    blocks.table(doc, head, rows, SUMMARY_WIDTHS, frozenset({1, 2, 3, 4, 5}))
    for o in rep.owners:
        unit_section(doc, rep, o, ui, lang)


def unit_section(doc, rep: GapReport, o, ui: str, lang: str | None) -> None:
    """One unit: its heading (name and key), its gaps as lead then as co-owner, then what it has not filed."""
    rubric = rep.card.rubric
    blocks.heading(doc, owner_name(rubric, o.unit, ui) + (f" ({o.unit})" if o.unit else ""), 2)
    roles = [(word("lead", ui), g) for g in o.lead] + [(word("co", ui), g) for g in o.co]
    if roles:
        head = ["", word("measure", ui), word("value", ui), word("target", ui), word("points", ui)]
        rows = [[role, f"{g.id} {g.result.measure.label.get(lang)}", value_text(g.result, ui), target_text(g, ui),
                 num(g.recoverable)] for role, g in roles]
        blocks.table(doc, head, rows, TASK_WIDTHS, frozenset({2, 3, 4}))
    for key, ids in (("missing_n", o.missing), ("evidence", o.evidence)):
        if ids:
            blocks.para(doc, (word(key, ui), True))
            for i in ids:
                blocks.para(doc, f"{i} {rubric.by_id[i].label.get(lang)}", style_name="List Bullet")
