"""The index page of a report set: per rubric a league table, a heatmap of group attainment across
subjects, a trend line per subject with two or more periods, and a link to every report."""
from __future__ import annotations

from .. import compare, periods as timeline
from ..compare import Comparison, Trend
from ..formats import display
from ..formats.common import num, pct
from ..formats.compare.common import attainment, coverage_note, group_light, league_title, periods, \
    rank_text, unranked_note, version_note
from ..formats.words import ui_lang, word
from ..results import Scorecard
from . import page
from .card_charts import legend
from .page import esc
from .svg import LIGHTS, Cell, bars, heatmap, line
from .words import w

NUM = ' class="n"'
UNRANKED = ' class="unranked" style="opacity:.6"'
"""A league row below the rubric's min_coverage (SPEC 10): listed, dimmed, not ranked."""

def render(cards: list[Scorecard], hrefs: list[str], lang: str | None = None, progress=None) -> str:
    """The index document; ``hrefs[i]`` is the relative link to the report of ``cards[i]``; with ``progress``
    (engine.progress.Progress) a filing-progress section after the league tables (a newcomer sees the ranking
    first; the campaign's open work follows it)."""
    links = {id(c): h for c, h in zip(cards, hrefs)}
    comparisons = compare.compare(cards)
    ui = ui_lang(lang, cards[0].rubric) if cards else "zh"
    head = (f'<header class="top"><div><h1>{esc(w("index", ui))}</h1><p class="sub">'
            f'{esc(w("index_sub", ui, n=len(cards), m=len(comparisons)))}</p></div></header>')
    body = "\n".join(section(c, [x for x in cards if _same(x, c)], links, ui, lang)
                     for c in comparisons)
    if progress is not None:
        body = body + "\n" + progress_section(progress, ui, lang)
    return page.document(w("index", ui), head + "\n" + body, ui)


def _same(card: Scorecard, c: Comparison) -> bool:
    return (card.rubric.id, card.rubric.version) == (c.league.rubric.id, c.league.rubric.version)


def section(c: Comparison, cards: list[Scorecard], links: dict, ui: str, lang: str | None) -> str:
    rubric = c.league.rubric
    parts = [f'<h2>{esc(rubric.title.get(lang))} <span class="note">{esc(rubric.ref)}</span></h2>',
             league_table(c, links, ui, lang), rank_intervals(c, cards, ui), group_heatmap(c, ui, lang),
             trend_grid(c.trends, ui, lang),
             report_list(cards, links, ui, lang)]
    return "<section>\n" + "\n".join(p for p in parts if p) + "\n</section>"


def _link(card: Scorecard, links: dict, text: str) -> str:
    href = links.get(id(card))
    return f'<a href="{esc(href)}">{esc(text)}</a>' if href else esc(text)


def league_table(c: Comparison, links: dict, ui: str, lang: str | None) -> str:
    """Rank, subject (linked to its report), period, total, grade and the change since its previous period."""
    changes = {id(s.after): s.total for t in c.trends for s in t.steps}
    heads = [w(k, ui) for k in ("rank", "subject", "period")] + [w("total", ui), w("grade", ui), w("change", ui),
                                                                 word("coverage_head", ui)]
    rows = []
    for s in c.league.standings:
        card, change = s.card, changes.get(id(s.card))
        moved = esc(display.change(change.arrow, change.delta)) if change else "—"
        veto = f' <span class="badge b-red">{esc(w("vetoed_short", ui))}</span>' if card.vetoed else ""
        rows.append(f'<tr{UNRANKED if s.rank is None else ""}><td class="n">{esc(rank_text(s, ui))}</td><td><b>{_link(card, links, card.submission.subject_name)}</b></td>'
                    f'<td>{esc(card.submission.period)}</td><td class="n"><b>{num(card.total)}</b></td>'
                    f"<td>{page.badge(card.grade, card.rubric, card.vetoed, lang)}{veto}</td>"
                    f'<td>{moved}</td><td class="n">{pct(s.coverage)}</td></tr>')
    head = "".join(f"<th{NUM if i in (0, 3, 6) else ''}>{esc(h)}</th>" for i, h in enumerate(heads))
    note = unranked_note(c.league, ui)
    return (f'<h3>{esc(league_title(c.league, ui))}</h3><table class="league"><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>" + (f'<p class="note">{esc(note)}</p>' if note else ""))


def rank_intervals(c: Comparison, cards: list[Scorecard], ui: str, top: int = 40) -> str:
    """Each ranked subject's 5–95% rank interval under ±20% group-weight noise (engine.sensitivity, seed 0):
    a band from its best to its worst rank on an axis of all the ranks, the median after it."""
    from ..sensitivity import sensitivity
    from ..vector.values import from_submissions
    from .svg import Bar

    ranked = [s for s in c.league.standings if s.rank is not None]
    if len(ranked) < 2:
        return ""
    s = sensitivity(from_submissions(c.league.rubric, [x.submission for x in cards]), c.league.rubric, runs=1000, seed=0)
    rows = [Bar(str(s.names[i]), float(s.low[i]) - 1, f"{num(float(s.median[i]))} ({num(float(s.low[i]))}–"
                f"{num(float(s.high[i]))})", "none", rest=float(s.high[i] - s.low[i]) + 1)
            for i in range(len(s.subjects)) if s.ranked[i]][:top]
    more = len(ranked) > top
    return (f"<h3>{esc(w('sens_chart', ui))}</h3>" + bars(rows, float(len(ranked)), w("sens_chart", ui), track=True)
            + (f'<p class="note">{esc(w("sens_chart_more", ui, top=top, n=len(ranked)))}</p>' if more else ""))


def group_heatmap(c: Comparison, ui: str, lang: str | None) -> str:
    """Each ranked subject's attainment of each top-level group, in the rubric's traffic-light colours."""
    groups, standings = c.league.groups, c.league.standings
    if not groups or not standings:
        return ""
    cells = []
    for s in standings:
        row = []
        for g in groups:
            pct = attainment(s.card, g.id)
            text = "—" if pct is None else f"{pct:.0f}%"
            tip = f"{s.card.submission.subject_name} · {g.id} {g.label.get(lang)}: {text}"
            row.append(Cell(text, LIGHTS[group_light(s.card, g.id)], tip, 1.0 if pct is None else .3 + .7 * pct / 100))
        cells.append(row)
    chart = heatmap([s.card.submission.subject_name for s in standings],
                    [f"{g.id} {g.label.get(lang)}" for g in groups], cells, w("heatmap", ui))
    g, y, o = c.league.rubric.colors
    key = legend(w("lights", ui, g=f"{g:g}", y=f"{y:g}", o=f"{o:g}"), ("green", "yellow", "orange", "red", "grey"))
    note = f"<figcaption>{esc(w('heat_note', ui))}</figcaption>"
    return f"<figure><h3>{esc(w('heatmap', ui))}</h3>{key}{chart}{note}</figure>"


def trend_grid(trends: tuple[Trend, ...], ui: str, lang: str | None) -> str:
    """A small line chart of the total per period for each subject with two or more periods."""
    if not trends:
        return ""
    figures = [f"<figure>{trend_chart(t, ui, lang)}</figure>" for t in trends]
    return (f"<h3>{esc(w('trends', ui))}</h3><p class=\"note\">{esc(w('trend_note', ui))}</p>"
            f'<div class="grid">{"".join(figures)}</div>')


def trend_chart(t: Trend, ui: str, lang: str | None) -> str:
    rubric = t.cards[-1].rubric
    top = max([rubric.scale] + [c.total for c in t.cards])
    points = [(str(c.submission.period), c.total, page.SHADES[page.shade(c.grade, rubric, c.vetoed)]) for c in t.cards]
    guides = [(g.min, f"{num(g.min)} {g.label.get(lang)}") for g in rubric.grades if g.min > 0]
    name = t.subject[1]
    times = timeline.time_values([p for p, _, _ in points])
    notes = "".join(f"<br><small>{esc(periods(s))}: {esc(version_note(s, ui))}</small>" for s in t.steps if s.link)
    notes += "".join(f"<br><small>{esc(coverage_note(s, ui))}</small>" for s in t.steps if not s.comparable)
    axis = _axis_note([p for p, _, _ in points], times, ui)
    notes += f"<br><small>{esc(axis)}</small>" if axis else ""
    return f'<figcaption><b>{esc(name)}</b>{notes}</figcaption>' + line(points, top, guides,
                                                                         f"{name} · {w('trends', ui)}", times=times)


def _axis_note(names: list[str], times: list[float] | None, ui: str) -> str:
    """How the chart spaces its periods, when that is not plain: evenly because a period is no time (or the
    times run out of order), or to time with uneven gaps ('2020→2024 4 years · 2024→2025 1 year')."""
    if len(names) < 2:
        return ""
    if times is None:
        bad = next((n for n in names if timeline.time_value(n) is None), None)
        return word("time_even", ui, p=bad) if bad is not None else word("time_unordered", ui)
    months = [timeline.gap_months(a, b) for a, b in zip(times, times[1:])]
    if len(set(months)) < 2:
        return ""
    steps = [f"{a}→{b} {_span(m, ui)}" for a, b, m in zip(names, names[1:], months)]
    return word("time_gaps", ui, g=" · ".join(steps))


def _span(months: int, ui: str) -> str:
    if months % 12:
        return word("time_month", ui) if months == 1 else word("time_months", ui, n=months)
    return word("time_year", ui) if months == 12 else word("time_years", ui, n=months // 12)


def report_list(cards: list[Scorecard], links: dict, ui: str, lang: str | None) -> str:
    """Every report of the rubric: subject, period, total and grade, linked."""
    order = sorted(cards, key=lambda x: (x.submission.subject_id, compare.period_key(x.submission.period)))
    items = [f"<li>{_link(x, links, f'{x.submission.subject_name} · {x.submission.period}')} — "
             f"{num(x.total)} · {esc(x.grade.label.get(lang))}</li>" for x in order]
    return f"<h3>{esc(w('all_reports', ui))}</h3><ul class=\"reports\">{''.join(items)}</ul>"


def progress_section(prog, ui: str, lang: str | None) -> str:
    """Filing progress (填报进度): every unit across subjects, the one that owes most points first, then per
    subject its coverage, the units that have filed nothing and what each unit still owes."""
    from ..formats.progress.common import COLUMNS, cover_text, figures, heading, silent_text
    from ..formats.words import owner_name

    parts = [f"<h2>{esc(w('progress_title', ui))}</h2>", f"<p class=\"note\">{esc(w('progress_note', ui))}</p>"]
    if len(prog.subjects) > 1:
        rows = [[owner_name(u.rubric, u.unit, ui), str(u.subjects), *figures(u), str(u.filed_nothing or "")]
                for u in prog.units]
        parts += [f"<h3>{esc(w('progress_totals', ui))}</h3>",
                  _table(["progress_unit", "progress_subjects", *COLUMNS, "progress_nothing"], rows, ui)]
    for s in prog.subjects:
        parts += [f"<h3>{esc(heading(s, lang))}</h3>", f"<p>{esc(cover_text(s, ui))}</p>"]
        if s.filed_nothing:
            parts.append(f"<p><b>{esc(w('progress_silent', ui))}</b>: {esc(silent_text(s, ui))}</p>")
        rows = [[owner_name(s.rubric, u.unit, ui), *figures(u), " ".join(u.owes)] for u in s.units]
        parts.append(_table(["progress_unit", *COLUMNS, "progress_owes"], rows, ui) if rows else "")
    return "<section>\n" + "\n".join(p for p in parts if p) + "\n</section>"


def _table(heads: list[str], rows: list[list[str]], ui: str) -> str:
    """A table of text cells (escaped here), the first and a last text column left-aligned, figures right."""
    last = len(heads) - 1 if heads[-1] == "progress_owes" else len(heads)

    def cls(i: int) -> str:
        return NUM if 0 < i < last else ""

    head = "".join(f"<th{cls(i)}>{esc(w(h, ui))}</th>" for i, h in enumerate(heads))
    body = "".join("<tr>" + "".join(f"<td{cls(i)}>{esc(c)}</td>" for i, c in enumerate(r)) + "</tr>" for r in rows)
    return f'<table class="league"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
