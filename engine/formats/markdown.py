"""markdown: a scorecard that reads well pasted into a report or a pull request.

Every string from a rubric or a submission goes through ``safe_text.md`` (ids through ``md_code``): the same
escaping in every Markdown output of the engine (score, gaps, compare, the report set, the step summary).
"""
from __future__ import annotations

from functools import lru_cache

from .. import panels as campaign, waivers
from ..html.memo import Memo
from ..results import Scorecard
from ..safe_text import md, md_code
from . import display
from .common import coverage_text, num
from .words import ui_lang, word

NAME = "markdown"
SUFFIX = ".md"


def render(cards, lang: str | None = None) -> str:
    return "".join(chunks(cards, lang))


def chunks(cards, lang: str | None = None):
    for i, page in enumerate(pages(cards, lang)):
        yield ("\n" if i else "") + page + "\n"


def pages(cards, lang: str | None = None):
    """Each scorecard's card_md text; a long table's whole scored batch (engine.outcome.Cards.runs()) written
    from its arrays (engine.formats.md_batch), with no Scorecard per subject."""
    if not hasattr(cards, "runs"):
        yield from (card_md(c, lang) for c in cards)
        return
    for run in cards.runs():
        if run[0] == "cards":
            yield from (card_md(c, lang) for c in run[1])
        elif run[1].values.rows is not None and "value" in run[1].values.cells:
            from .md_batch import pages as batch_pages

            yield from batch_pages(run[1], run[2], lang)
        else:
            from ..vector.cards import iter_scorecards

            yield from (card_md(c, lang) for c in iter_scorecards(run[1], run[2]))


class Raw(str):
    """A cell already written as Markdown (its text from files passed through ``md``): kept as it is."""


def row(*cells) -> str:
    """A table row, every cell escaped but a Raw one."""
    return "| " + " | ".join(c if isinstance(c, Raw) else _cell(c) for c in cells) + " |"


def _cell(c) -> str:
    return _md(c) if type(c) is str else md(c)


@lru_cache(maxsize=1 << 16)
def _md(cell: str) -> str:
    """``md`` remembered: a long table's thousands of cards repeat the same labels, ids and numbers."""
    return md(cell)


def bold(value) -> Raw:
    return Raw(f"**{md(value)}**")


def card_md(card: Scorecard, lang: str | None = None) -> str:
    sub, rubric = card.submission, card.rubric
    ui = ui_lang(lang, rubric)
    lines = [f"# {md(sub.subject_name)} · {md(sub.period)} · {md(rubric.title.get(lang))}", ""]
    if card.vetoed:
        ids = ", ".join(f"{md_code(i)} {md(rubric.by_id[i].label.get(lang))}" for i in card.vetoed_by)
        graded = word("graded_anyway", ui, grade=card.grade.label.get(lang))
        lines += [f"> **{display.say('vetoed', ui)}**{display.say('colon', ui)}{ids}{display.say('stop', ui)}"
                  f"{md(graded)}", ""]
    lines += [
        f"**{word('total', ui)} {num(card.total)} / {num(card.max)}** · {word('grade', ui)} "
        f"**{md(card.grade.label.get(lang))}** · {word('base', ui)} {num(card.base)} · {word('bonus', ui)} "
        f"{display.added(card.bonus)} · {word('deductions', ui)} {display.deducted(card.deductions)} · "
        f"{md(coverage_text(card, ui))}",
        "",
        *stages_md(card, lang),
        *groups_head(ui),
    ]
    for g in card.groups:
        pct = "—" if not g.max else f"{100 * g.score / g.max:.0f}%"
        lines.append(row(g.id, g.group.label.get(lang), num(g.score), num(g.max), pct))
    lines += ["", *measures_head(ui)]
    lines += [measure_row(m, ui, lang) for m in card.measures]
    return "\n".join(lines + waivers_md(card, lang) + panels_md(card, lang))


def groups_head(ui: str) -> list[str]:
    """The group table's head and rule."""
    return [row(*(word(k, ui) for k in ("id", "group", "score", "max", "attainment"))), "|---|---|--:|--:|--:|"]


def measures_head(ui: str) -> list[str]:
    """The measure table's head and rule."""
    return [row(*(word(k, ui) for k in ("id", "measure", "value", "score", "max", "status"))),
            "|---|---|--:|--:|--:|---|"]


def measure_row(m, ui: str, lang: str | None) -> str:
    """row(id, label, value, score, max, status) of one measure, each piece made once per run (engine.html.memo)."""
    meas = m.measure
    return _named((meas,), lang) + _value((meas,), m.value, ui) + _points((), m.score, m.max) + _status(m.status, ui)


_named = Memo(lambda meas, lang: f"| {_cell(meas.id)} | {_cell(meas.label.get(lang))} | ")
_value = Memo(lambda meas, v, ui: _cell(display.value(meas, v, ui)))
_points = Memo(lambda score, top: f" | {_cell(num(score))} | {_cell(num(top))}")


@lru_cache(maxsize=256)
def _status(status: str, ui: str) -> str:
    return f" | {_cell(display.status(status, ui))} |"


def waivers_md(card: Scorecard, lang: str | None = None) -> list[str]:
    """The waived measures with reason, approver and expiry after a blank line (SPEC 9); [] when none is."""
    found = waivers.listed(card)
    if not found:
        return []
    ui = ui_lang(lang, card.rubric)
    out = ["", f"## {md(word('waivers', ui))}", "",
           row(*(word(k, ui) for k in ("id", "measure", "max", "waiver_reason", "waiver_by", "waiver_expires"))),
           "|---|---|--:|---|---|---|"]
    return out + [row(m.id, m.measure.label.get(lang), num(m.max), w.reason, w.approved_by,
                      w.expires or word("waiver_open", ui)) for m, w in found]


def stages_md(card: Scorecard, lang: str | None = None) -> list[str]:
    """The bold line 自评分 · 核定分 (Δ) and the table of the measures the verified stage changed, each block
    followed by a blank line; [] without a verified stage."""
    st = campaign.stages(card)
    if st is None:
        return []
    ui = ui_lang(lang, card.rubric)
    out = [bold(campaign.stage_line(st, ui)), ""]
    if st.changed:
        out += [f"## {md(word('stage_changed', ui))}", "",
                row(*(word(k, ui) for k in ("id", "measure", "stage_self_value", "stage_verified_value",
                                            "stage_delta", "stage_note"))), "|---|---|--:|--:|--:|---|"]
        out += [row(*campaign.change_cells(c, ui, lang)) for c in st.changed] + [""]
    return out


def panels_md(card: Scorecard, lang: str | None = None) -> list[str]:
    """The assessor panels after a blank line (rating measures rated by two or more sources); [] when none."""
    found = campaign.panels(card)
    if not found:
        return []
    ui = ui_lang(lang, card.rubric)
    out = ["", f"## {md(word('panel_title', ui))}", "",
           row(*(word(k, ui) for k in ("measure", "panel_ratings", "panel_kept", "panel_mean", "panel_spread",
                                       "panel_disagree"))), "|---|---|---|--:|--:|---|"]
    for p in found:
        who = "; ".join(f"{name}: {campaign.ratings_text(rs)}" for name, rs in p.rows)
        flag = campaign.flag_text(p, ui)
        out.append(row(f"{p.measure.id} {p.measure.label.get(lang)}", who, campaign.ratings_text(p.kept),
                       num(p.mean), num(p.spread), bold(flag) if flag else ""))
    return out + ["", md(word("panel_note", ui))]


esc = md
"""The old name of ``safe_text.md``."""
