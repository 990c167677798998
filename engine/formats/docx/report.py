"""The gap report's sections in the Word document: the summary, the ranked gaps, missing data and
evidence, attainment by indicator, the verified stage's changes and the waivers (the per-unit task lists
are in tasks.py, the charts in charts.py). The same cells as the Markdown gap report."""
from __future__ import annotations

from ... import panels as campaign, waivers
from ...formats.common import coverage_text, num
from ...formats.gaps.common import next_text, path_text, target_text, to_go_text, value_text
from ...formats.display import status as status_word
from ...formats.words import owner_name, word
from ...gaps import GapReport
from ...html.words import w
from . import blocks
from .words import local

GAP_WIDTHS = [0.8, 5.0, 1.8, 2.4, 1.6, 1.2, 4.2]
"""cm of each column of a 17 cm A4 text width."""


def owners_cell(m, ui: str, rubric) -> str:
    """Every owner's full name, lead first: the task list's reader wants names, not '+2'."""
    sep = "、" if ui == "zh" else ", "
    return sep.join(owner_name(rubric, u, ui) for u in m.measure.owners) or "—"


def summary(doc, rep: GapReport, ui: str, lang: str | None) -> None:
    """Title, the subject's line, total and grade, veto, verified stage, and the way to the next grade."""
    card = rep.card
    sub = card.submission
    blocks.heading(doc, sub.subject_name, 0)
    blocks.para(doc, f"{sub.period} · {card.rubric.title.get(lang)} · {w('report', ui)}")
    blocks.para(doc, (f"{word('total', ui)} {num(card.total)} / {num(card.max)}", True), " · ",
                f"{word('grade', ui)} ", (card.grade.label.get(lang), True), " · ",
                f"{word('recoverable', ui)} {num(rep.recoverable)} · {coverage_text(card, ui)}")
    if card.vetoed:
        ids = "；".join(f"{i} {card.rubric.by_id[i].label.get(lang)}" for i in card.vetoed_by)
        blocks.para(doc, (w("veto", ui) + " ", True), w("veto_text", ui, ids=ids, grade=card.grade.label.get(lang)))
    st = campaign.stages(card)
    if st is not None:
        blocks.para(doc, (campaign.stage_line(st, ui), True))
    blocks.para(doc, path_text(rep, ui))


def gap_table(doc, rep: GapReport, ui: str, lang: str | None) -> None:
    """Every gap, ranked: the same rows as the JSON's "gaps" (the next grade's path in bold)."""
    rubric = rep.card.rubric
    path = rep.next_grade.measures if rep.next_grade else ()
    blocks.heading(doc, word("gaps", ui))
    if not rep.gaps:
        blocks.para(doc, word("none", ui))
        return
    if path:
        blocks.para(doc, local("in_path", ui))
    head = ["#", word("measure", ui), word("value", ui), word("target", ui), word("to_go", ui), word("points", ui),
            word("owners", ui)]
    rows = [[(c, g.id in path) for c in gap_cells(g, ui, lang, rubric)] for g in rep.gaps]
    blocks.table(doc, head, rows, GAP_WIDTHS, frozenset({0, 2, 3, 4, 5}))


def gap_cells(g, ui: str, lang: str | None, rubric) -> list[str]:
    m, more = g.result, next_text(g, ui)
    return [str(g.rank), f"{g.id} {m.measure.label.get(lang)}", value_text(m, ui),
            target_text(g, ui) + (f" ({more})" if more else ""), to_go_text(g, ui), num(g.recoverable),
            owners_cell(m, ui, rubric)]


def missing(doc, rep: GapReport, ui: str, lang: str | None) -> None:
    """Base measures with no value, the points at stake; modifiers not reported; evidence not given."""
    rubric = rep.card.rubric
    base = [i for i in rep.missing if not i.is_modifier]
    if base:
        blocks.heading(doc, word("missing", ui), 2)
        rows = [[f"{i.id} {i.result.measure.label.get(lang)}", status_word(i.result.status, ui), num(i.at_stake),
                 owners_cell(i.result, ui, rubric)] for i in base]
        blocks.table(doc, [word(k, ui) for k in ("measure", "status", "at_stake", "owners")], rows,
                     [7.0, 3.0, 2.0, 5.0], frozenset({2}))
    mods = [i.id for i in rep.missing if i.is_modifier]
    if mods:
        blocks.para(doc, f"{word('modifiers_missing', ui)}: " + ", ".join(mods))
    if rep.evidence:
        blocks.heading(doc, word("evidence", ui), 2)
        for m in rep.evidence:
            blocks.para(doc, f"{m.id} {m.measure.label.get(lang)}", style_name="List Bullet")


def indicators(doc, rep: GapReport, ui: str, lang: str | None) -> None:
    """Every group's score, attainment, gaps and what they are worth, top-level groups in bold."""
    blocks.heading(doc, word("by_indicator", ui))
    rows = []
    for i in rep.indicators:
        g = i.result
        pct = word("excluded", ui) if i.pct is None else f"{i.pct:.1f}%"
        cells = [f"{'　' * i.depth}{g.id} {g.group.label.get(lang)}", f"{num(g.score)} / {num(g.max)}", pct,
                 str(i.gaps or ""), num(i.recoverable) if i.gaps else ""]
        rows.append([(c, i.depth == 0) for c in cells])
    head = [word(k, ui) for k in ("group", "score", "attainment", "n_gaps", "points")]
    blocks.table(doc, head, rows, [8.0, 2.5, 2.5, 2.0, 2.0], frozenset({1, 2, 3, 4}))


def stage_changes(doc, rep: GapReport, ui: str, lang: str | None) -> None:
    """The measures whose verified value changed the score (SPEC 8), when there is a verified stage."""
    st = campaign.stages(rep.card)
    if st is None or not st.changed:
        return
    blocks.heading(doc, word("stage_changed", ui))
    head = [word(k, ui) for k in ("id", "measure", "stage_self_value", "stage_verified_value", "stage_delta",
                                  "stage_note")]
    blocks.table(doc, head, [campaign.change_cells(c, ui, lang) for c in st.changed], [1.8, 5.2, 2.4, 2.4, 1.8, 3.4],
                 frozenset({2, 3, 4}))


def waived(doc, rep: GapReport, ui: str, lang: str | None) -> None:
    """The waived measures with reason, approver and expiry (SPEC 9: never hidden)."""
    found = waivers.listed(rep.card)
    if not found:
        return
    blocks.heading(doc, word("waivers", ui))
    head = [word(k, ui) for k in ("id", "measure", "max", "waiver_reason", "waiver_by", "waiver_expires")]
    rows = [[m.id, m.measure.label.get(lang), num(m.max), v.reason, v.approved_by, v.expires or word("waiver_open", ui)]
            for m, v in found]
    blocks.table(doc, head, rows, [1.8, 4.5, 1.4, 4.3, 2.8, 2.2], frozenset({2}))


def footer(doc, rep: GapReport, ui: str) -> None:
    card = rep.card
    blocks.para(doc, local("footer", ui, ref=card.rubric.ref, file=card.submission.path or "—"))
