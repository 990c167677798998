"""markdown: the league, the heatmap of group attainment and the trends, ready to paste into a report."""
from __future__ import annotations

from ...compare import Comparison, League, Trend
from ..common import num, pct
from ...safe_text import md, md_code
from ..markdown import bold, row
from ..words import ui_lang, word
from .common import attainment, coverage_note, delta_text, rank_text, unranked_note, group_light, league_title, periods, slip_groups, step_change, \
    trend_groups, version_note

NAME = "markdown"
SUFFIX = ".md"
LIGHTS = {"green": "🟢", "yellow": "🟡", "orange": "🟠", "red": "🔴", None: "⚪"}


def render(comparisons, lang: str | None = None) -> str:
    return "\n\n".join(comparison_md(c, lang) for c in comparisons) + "\n"



def comparison_md(c: Comparison, lang) -> str:
    lg = c.league
    ui = ui_lang(lang, lg.rubric)
    lines = [f"# {md(lg.rubric.title.get(lang))}", "", f"## {md(league_title(lg, ui))}", ""]
    lines += league_md(lg, lang, ui)
    lines += ["", f"## {word('heatmap', ui)}", ""] + heatmap_md(lg, lang, ui)
    if c.trends:
        lines += ["", f"## {word('trends', ui)}"]
        for t in c.trends:
            lines += ["", *trend_md(t, lang, ui)]
    return "\n".join(lines)


def league_md(lg: League, lang, ui: str) -> list[str]:
    mixed = len(lg.periods) > 1
    head = row(word("rank", ui), word("subject", ui), *([word("period", ui)] if mixed else []), word("total", ui),
               word("grade", ui), word("coverage_head", ui), *[f"{g.id} {g.label.get(lang)}" for g in lg.groups])
    out = [head, "|--:|---|" + ("---|" if mixed else "") + "--:|---|--:|" + "--:|" * len(lg.groups)]
    for s in lg.standings:
        card = s.card
        grade = card.grade.label.get(lang) + (f" ({word('vetoed_short', ui)}: {', '.join(card.vetoed_by)})"
                                              if card.vetoed else "")
        scores = [f"{num(card.group(g.id).score)} / {num(g.worth)}" if card.group(g.id).fraction is not None
                  else "—" for g in lg.groups]
        when = [card.submission.period] if mixed else []
        out.append(row(rank_text(s, ui), card.submission.subject_name, *when, bold(num(card.total)), grade,
                       pct(s.coverage), *scores))
    if unranked_note(lg, ui):
        out += ["", md(unranked_note(lg, ui))]
    if lg.absent:
        names = ", ".join(f"{a.submission.subject_name} ({word('latest', ui)} {a.submission.period})"
                          for a in lg.absent)
        out += ["", f"{md(word('unranked', ui, period=lg.period))}: {md(names)}"]
    return out


def heatmap_md(lg: League, lang, ui: str) -> list[str]:
    out = [row(word("subject", ui), *[g.id for g in lg.groups]), "|---|" + "--:|" * len(lg.groups)]
    for s in lg.standings:
        cells = []
        for g in lg.groups:
            pct = attainment(s.card, g.id)
            cells.append("—" if pct is None else f"{LIGHTS[group_light(s.card, g.id)]} {pct:.0f}%")
        out.append(row(s.card.submission.subject_name, *cells))
    return out


def trend_md(tr: Trend, lang, ui: str) -> list[str]:
    sid, name = tr.subject
    groups = trend_groups(tr)
    out = [f"### {md(name)}", "", row(word("period", ui), word("total", ui), word("change", ui), word("grade", ui),
                                       *groups), "|---|--:|--:|---|" + "--:|" * len(groups)]
    first = tr.cards[0]
    out.append(row(first.submission.period, num(first.total), "", first.grade.label.get(lang), *["" for _ in groups]))
    for s in tr.steps:
        out.append(row(s.after.submission.period, num(s.after.total), delta_text(s.total),
                       s.after.grade.label.get(lang), *[delta_text(step_change(s, gid)) for gid in groups]))
    for s in tr.steps:
        if coverage_note(s, ui):
            out += ["", md(coverage_note(s, ui))]
        if version_note(s, ui):
            out += ["", f"{md(periods(s))}: {md(version_note(s, ui))}"]
        for title, slips in slip_groups(s, ui):
            items = ", ".join(f"{md_code(x.id)} {md(s.after.rubric.by_id[x.id].label.get(lang))} "
                              f"{x.before * 100:.0f}%→{x.after * 100:.0f}%" for x in slips)
            out += ["", f"{md(title)} ({periods(s)}): {items}"]
    return out
