"""table: the terminal view (rich): total, grade, veto banner, a bar per group, every measure."""
from __future__ import annotations

import io
from functools import partial

from .. import panels as campaign, waivers
from ..results import Scorecard
from ..safe_text import BREAK, console as new_console, joined, styled, text
from . import display
from .common import coverage_text, num
from .fit import column, fit_table
from .plain_table import print_table
from .words import ui_lang, word

NAME = "table"
SUFFIX = ".txt"
STATUS_STYLE = {"full": "green", "partial": "yellow", "zero": "red", "missing": "magenta", "excluded": "dim",
                "triggered": "bold cyan", "not-triggered": "dim", "waived": "blue"}


def render(cards, lang: str | None = None, width: int = 120) -> str:
    return "".join(chunks(cards, lang, width))


def chunks(cards, lang: str | None = None, width: int = 120):
    """Every scorecard in full (as ``show`` prints a list of them) at ``width`` columns: a card at a time, a long
    table's on both cores (engine.formats.forked)."""
    from .forked import texts

    return texts(cards, partial(_cards_text, lang=lang, width=width))


def _cards_text(cards, lang: str | None, width: int) -> str:
    buf = io.StringIO()
    console = new_console(buf, width=width, no_color=True)
    for card in cards:
        show_card(card, console, lang)
    return buf.getvalue()


def show(cards, console, lang: str | None = None) -> None:
    """Every scorecard in full; on a terminal (``cards`` the pipeline's Cards), every one in full up to a
    screenful, past it the first SHOWN in full and the rest summed up (engine.formats.table_rest), their light
    heads never made into full scorecards."""
    if not hasattr(cards, "scored"):
        for card in cards:
            show_card(card, console, lang)
        return
    from .table_rest import show_rest, split

    whole, rest = split(cards.scored())
    for o in whole:
        show_card(o.card, console, lang)
    heads = [o.head for o in rest]
    if heads:
        show_rest(heads, len(whole), console, lang)


def show_card(card: Scorecard, console, lang: str | None = None) -> None:
    from rich.panel import Panel

    console.print(_header(card, lang, console.width))
    if card.vetoed:
        names = "; ".join(f"{i} {card.rubric.by_id[i].label.get(lang)}" for i in card.vetoed_by)
        graded = word("graded_anyway", ui_lang(lang, card.rubric), grade=card.grade.label.get(lang))
        banner = "一票否决" if ui_lang(lang, card.rubric) == "zh" else "一票否决 VETOED"
        console.print(Panel(styled((banner, "bold"), ": ", names, BREAK, graded), style="bold red"))
    show_stages(card, console, lang)
    print_table(console, groups_table(card, lang))
    print_table(console, measures_table(card, lang))
    show_waivers(card, console, lang)
    show_panels(card, console, lang)


def _header(card: Scorecard, lang, width: int = 120):
    sub, ui = card.submission, ui_lang(lang, card.rubric)
    totals = styled((f"{word('total', ui)} {num(card.total)} / {num(card.max)}", "bold"), f"  {word('grade', ui)} ",
                    (card.grade.label.get(lang), "bold " + ("red" if card.vetoed else "cyan")),
                    f"   {word('base', ui)} {num(card.base)}  {word('bonus', ui)} {display.added(card.bonus)}  "
                    f"{word('deductions', ui)} {display.deducted(card.deductions)}")
    return styled((sub.subject_name, "bold"), f"  {sub.period}  {card.rubric.title.get(lang)}", BREAK,
                  *then(totals, coverage_text(card, ui), width))


def then(line, more: str, width: int) -> tuple:
    """Parts for ``styled``: ``line``, then ``more`` after it when both fit in ``width`` columns, else on a line of
    its own (a Chinese sentence is never cut in the middle by the terminal's wrap)."""
    from rich.cells import cell_len

    fits = line.cell_len + 3 + cell_len(more) <= width
    return (line, "   " if fits else BREAK, more)


def attainment_style(card: Scorecard, pct: float) -> str:
    green, yellow, orange = card.rubric.colors
    return "green" if pct >= green else "yellow" if pct >= yellow else "dark_orange" if pct >= orange else "red"


def bar(pct: float, width: int = 20) -> str:
    full = round(max(0.0, min(pct, 100.0)) / 100 * width)
    return "█" * full + "░" * (width - full)


def groups_table(card: Scorecard, lang):
    ui = ui_lang(lang, card.rubric)
    t = fit_table(title=word("groups", ui), title_justify="left", expand=False)
    for col, just in (("id", "left"), ("group", "left"), ("score", "right"), ("max", "right"),
                      ("attainment", "left")):
        column(t, word(col, ui), just)
    depth = _depths(card)
    for g in card.groups:
        if not g.max:
            continue
        pct = 100 * g.score / g.max if g.fraction is not None else 0.0
        style = attainment_style(card, pct)
        cell = word("excluded", ui) if g.fraction is None else styled((bar(pct), style), f" {pct:5.1f}%")
        t.add_row(text(g.id), text("  " * depth[g.id] + g.group.label.get(lang)), num(g.score), num(g.max), cell)
    return t


def measures_table(card: Scorecard, lang):
    ui = ui_lang(lang, card.rubric)
    t = fit_table(title=word("measures", ui), title_justify="left")
    for col, just in (("id", "left"), ("measure", "left"), ("value", "right"), ("score", "right"),
                      ("max", "right"), ("status", "left")):
        column(t, word(col, ui), just)
    for m in card.measures:
        style = STATUS_STYLE.get(m.status, "")
        value = "—" if m.entry is None else display.value(m.measure, m.value, ui)
        t.add_row(text(m.id), text(m.measure.label.get(lang)), text(value), num(m.score), num(m.max),
                  text(display.status(m.status, ui), style))
    return t


def show_waivers(card: Scorecard, console, lang) -> None:
    """The waived measures with reason, approver and expiry (SPEC 9: never hidden); nothing when none is."""
    found = waivers.listed(card)
    if found:
        print_table(console, waivers_table(found, lang, ui_lang(lang, card.rubric)))


def waivers_table(found, lang, ui: str):
    t = fit_table(title=word("waivers", ui), title_justify="left")
    for key, just in (("id", "left"), ("measure", "left"), ("max", "right"), ("waiver_reason", "left"),
                      ("waiver_by", "left"), ("waiver_expires", "left")):
        column(t, word(key, ui), just)
    for m, w in found:
        t.add_row(text(m.id), text(m.measure.label.get(lang)), num(m.max), text(w.reason), text(w.approved_by),
                  text(w.expires or word("waiver_open", ui)))
    return t


def show_stages(card: Scorecard, console, lang) -> None:
    """自评分 · 核定分 (Δ) and the measures the verified stage changed; nothing without a verified stage."""
    st = campaign.stages(card)
    if st is None:
        return
    ui = ui_lang(lang, card.rubric)
    console.print(text(campaign.stage_line(st, ui), "bold"))
    if st.changed:
        print_table(console, changed_table(st, lang, ui))


def changed_table(st: campaign.Stages, lang, ui: str):
    t = fit_table(title=word("stage_changed", ui), title_justify="left")
    for key, just in (("id", "left"), ("measure", "left"), ("stage_self_value", "right"),
                      ("stage_verified_value", "right"), ("stage_delta", "right"), ("stage_note", "left")):
        column(t, word(key, ui), just)
    for c in st.changed:
        cells = campaign.change_cells(c, ui, lang)
        t.add_row(*map(text, cells[:4]), text(cells[4], "red" if c.change.delta < 0 else "green"), text(cells[5]),
                  end_section=c is not st.changed[-1])
    return t


def show_panels(card: Scorecard, console, lang) -> None:
    """Each rating measure's assessors, when two or more sources rated it; nothing otherwise."""
    found = campaign.panels(card)
    if found:
        ui = ui_lang(lang, card.rubric)
        print_table(console, panels_table(found, lang, ui))
        console.print(text(word("panel_note", ui), "dim"))


def panels_table(found, lang, ui: str):
    t = fit_table(title=word("panel_title", ui), title_justify="left")
    for key, just in (("measure", "left"), ("panel_ratings", "left"), ("panel_kept", "left"), ("panel_mean", "right"),
                      ("panel_spread", "right"), ("panel_disagree", "left")):
        column(t, word(key, ui), just)
    for p in found:
        who = joined([f"{name}: {campaign.ratings_text(rs)}" for name, rs in p.rows], BREAK)
        t.add_row(text(f"{p.measure.id} {p.measure.label.get(lang)}"), styled(*who),
                  text(campaign.ratings_text(p.kept)), num(p.mean), num(p.spread),
                  text(campaign.flag_text(p, ui), "bold red"), end_section=p is not found[-1])
    return t


def _depths(card: Scorecard) -> dict[str, int]:
    parents, out = card.rubric.parents, {}
    for g in card.groups:
        p = parents.get(g.id, "")
        out[g.id] = 0 if not p else out.get(p, 0) + 1
    return out
