"""One submission's HTML report: header (total, grade, base/bonus/deductions), veto banner, the way to the
next grade, charts, and the full measure table.  Pure: a Scorecard in, markup out."""
from __future__ import annotations

from .. import coverage
from ..formats import display
from ..formats.common import num, pct
from ..formats.gaps.common import path_text
from ..formats.words import ui_lang, word
from ..gaps import GapReport, analyse
from ..results import Scorecard
from . import card_charts, measure_table, page, panels, whatif
from .page import esc
from .words import w


def render(card: Scorecard, lang: str | None = None, index_href: str | None = None,
           rep: GapReport | None = None) -> str:
    """The complete, self-contained HTML document of one scorecard (``rep``: its gap report, when already made)."""
    return page.document(title(card, lang), article(card, lang, index_href, rep), ui_lang(lang, card.rubric))


def title(card: Scorecard, lang: str | None) -> str:
    sub = card.submission
    return f"{sub.subject_name} · {sub.period} · {card.rubric.title.get(lang)}"


def article(card: Scorecard, lang: str | None = None, index_href: str | None = None,
            rep: GapReport | None = None, table: str | None = None) -> str:
    """The report as an <article> (several can share one page: `score --format html`); ``table``: its measure
    table when already written (a long table's, from the batch's arrays: engine.formats.html_batch)."""
    ui, rep = ui_lang(lang, card.rubric), analyse(card) if rep is None else rep
    back = f'<p class="crumb"><a href="{esc(index_href)}">{esc(w("back", ui))}</a></p>' if index_href else ""
    parts = [back, header(card, ui, lang), veto(card, ui, lang), stats(rep, ui),
             "" if card.vetoed else f'<p class="next">{esc(path_text(rep, ui))}</p>', whatif.panel(rep, ui, lang),
             panels.stages(card, ui, lang),
             card_charts.attainment(rep, ui, lang, 0), card_charts.attainment(rep, ui, lang, 1),
             card_charts.gap_chart(rep, ui, lang), card_charts.owner_chart(rep, ui, lang),
             measure_table.section(card, ui, lang) if table is None else table, measure_table.waived(card, ui, lang),
             panels.assessors(card, ui, lang), footer(card, ui)]
    return "<article>\n" + "\n".join(p for p in parts if p) + "\n</article>"


def header(card: Scorecard, ui: str, lang: str | None) -> str:
    """Subject, period and rubric on the left; total / max and the grade badge on the right."""
    sub = card.submission
    return (f'<header class="top"><div><h1>{esc(sub.subject_name)}</h1>'
            f'<p class="sub">{esc(sub.period)} · {esc(card.rubric.title.get(lang))} · {esc(w("report", ui))}</p>'
            "</div>"
            f'<div class="score"><div class="total">{num(card.total)}<small> / {num(card.max)}</small></div>'
            f"{page.badge(card.grade, card.rubric, card.vetoed, lang)}</div></header>")


def veto(card: Scorecard, ui: str, lang: str | None) -> str:
    """A red banner naming every veto measure that fired."""
    if not card.vetoed:
        return ""
    ids = "；".join(f"{i} {card.rubric.by_id[i].label.get(lang)}" for i in card.vetoed_by)
    text = w("veto_text", ui, ids=ids, grade=card.grade.label.get(lang))
    return f'<div class="veto" role="alert"><b>{esc(w("veto", ui))}</b>{esc(text)}</div>'


def stats(rep: GapReport, ui: str) -> str:
    """Base, bonus, deductions, what the gaps are worth, and how many measures scored how."""
    card = rep.card
    base = [m for m in card.measures if not m.measure.is_modifier]
    count = {s: sum(1 for m in base if m.status == s) for s in ("full", "partial", "zero", "missing", "excluded")}
    items = [(num(card.base), w("base", ui)), (display.added(card.bonus), w("bonus", ui)),
             (display.deducted(card.deductions), w("deductions", ui)), (num(rep.recoverable), w("recoverable", ui))]
    items += [(f"{count[s]}", w("n_" + s, ui)) for s in ("full", "partial", "zero")]
    items.append((f"{count['missing'] + count['excluded']} / {len(base)}", w("n_missing", ui)))
    filed, owed = coverage.counts(card)
    items.append((pct(coverage.share(card)), f"{word('coverage_head', ui)} {filed}/{owed}"))
    waived = sum(1 for m in card.measures if m.status == "waived")
    items += [(f"{waived}", w("n_waived", ui))] if waived else []
    return '<ul class="stats">' + "".join(f"<li><b>{b}</b><span>{esc(t)}</span></li>" for b, t in items) + "</ul>"


def footer(card: Scorecard, ui: str) -> str:
    text = w("footer", ui, ref=card.rubric.ref, file=card.submission.path or "—")
    return f"<footer>{esc(text)}</footer>"
