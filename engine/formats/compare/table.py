"""table: the comparison in the terminal (rich): league, heatmap of group attainment, trends."""
from __future__ import annotations

import io

from rich.padding import Padding

from ...compare import Comparison, League, Trend
from ...safe_text import console as new_console, styled, text
from ..common import num, pct
from ..gaps.table_views import column, new_table
from ..plain_table import print_table
from ..words import ui_lang, word
from .common import attainment, coverage_note, delta_text, rank_text, unranked_note, group_light, league_title, periods, slip_groups, step_change, \
    trend_groups, version_note

NAME = "table"
SUFFIX = ".txt"
KEEP = {"rank": 8, "subject": 8, "period": 4, "total": 5, "grade": 6, "coverage": 4}
"""Cells a league column keeps before it folds (8: four Chinese characters, 数据不足 or a city's name)."""
GROUP_CELLS = 5
"""A group score's cells ('10.23')."""
LEAGUE_TOP, LEAGUE_BOTTOM = 10, 5
"""A league past a screenful shows on a terminal its top and bottom this many, the rest counted between them."""
SCREENFUL = 10
"""Standings beyond the top and bottom that a terminal still shows whole."""
TRENDS = 5
"""Subjects' trend tables a terminal shows."""
HEAT = {"green": "black on green", "yellow": "black on yellow", "orange": "black on dark_orange",
        "red": "white on red", None: "dim"}


def render(comparisons, lang: str | None = None, width: int = 120) -> str:
    buf = io.StringIO()
    show(comparisons, new_console(buf, width=width, no_color=True), lang, whole=True)
    return buf.getvalue()


def show(comparisons, console, lang: str | None = None, whole: bool = False) -> None:
    """Each comparison; on a terminal (not ``whole``) a league past a screenful shows its top and bottom, and
    only the first few trends."""
    for c in comparisons:
        show_comparison(c, console, lang, whole)


def show_comparison(c: Comparison, console, lang, whole: bool = True) -> None:
    lg = c.league
    ui = ui_lang(lang, lg.rubric)
    rows = list(lg.standings) if whole else ends(list(lg.standings))
    console.print(styled((lg.rubric.title.get(lang), "bold"), " ", (lg.rubric.ref, "dim")))
    _print(console, league_table(lg, lang, ui, _groups_fit(lg, console.width), rows))
    _print(console, heatmap(lg, lang, ui, rows))
    console.print(text(" · ".join(f"{g.id} {g.label.get(lang)}" for g in lg.groups), "dim"))
    if unranked_note(lg, ui):
        console.print(text(unranked_note(lg, ui), "yellow"))
    if lg.absent:
        names = ", ".join(f"{a.submission.subject_name} ({word('latest', ui)} {a.submission.period})"
                          for a in lg.absent)
        console.print(styled((f"{word('unranked', ui, period=lg.period)}:", "yellow"), f" {names}"))
    trends = c.trends if whole else c.trends[:TRENDS]
    for t in trends:
        _print(console, trend_table(t, lang, ui, console.width >= 120))
        for s in t.steps:
            if coverage_note(s, ui):
                console.print(Padding(text(coverage_note(s, ui), "yellow"), (0, 0, 0, 2)))
            if version_note(s, ui):
                console.print(Padding(styled((f"{periods(s)}: ", "yellow"), version_note(s, ui)), (0, 0, 0, 2)))
            for title, slips in slip_groups(s, ui):
                console.print(slip_line(s, title, slips))
    if len(rows) < len(lg.standings) or len(trends) < len(c.trends):
        from ..table_rest import spread_line

        console.print(text(spread_line([s.card for s in lg.standings], lang)))
        more = word("league_trends", ui, n=len(c.trends), shown=len(trends)) if len(trends) < len(c.trends) else ""
        console.print(text(word("league_how", ui, trends=more), "yellow"))
    console.print()


def _print(console, table) -> None:
    """print_table (plain lines, not rich's rendering, for a file), also for the league's row styles and the
    heatmap's unwrapped columns: without colour a style changes no character, and a table no wider than the
    console at its cells' natural widths folds nothing, wrapped or not."""
    if console.color_system is None and not console.is_terminal:
        for row in table.rows:
            row.style = None
        kept = [c for c in table.columns if c.no_wrap]
        if kept and not table.expand and _natural_width(console, table) <= console.options.max_width:
            for c in kept:
                c.no_wrap = False
    print_table(console, table)


def _natural_width(console, table) -> int:
    """The table's width with every column as wide as its widest line (header included)."""
    from rich.cells import cell_len

    def widest(cell) -> int:
        plain = console.render_str(cell).plain if isinstance(cell, str) else getattr(cell, "plain", None)
        if plain is None:
            return console.options.max_width + 1  # not a text: leave it to rich
        return max(map(cell_len, plain.splitlines() or [""]))

    cols = [max(c.min_width or 0, *(widest(x) for x in [c.header, *c._cells])) + table._get_padding_width(c._index)
            for c in table.columns]
    return sum(cols) + table._extra_width


def ends(standings: list) -> list:
    """The top LEAGUE_TOP and the bottom LEAGUE_BOTTOM of a league past a screenful, None between them."""
    from ..table_rest import ends as cut

    return cut(standings, LEAGUE_TOP, LEAGUE_BOTTOM, LEAGUE_TOP + LEAGUE_BOTTOM + SCREENFUL)


def _groups_fit(lg: League, width: int) -> bool:
    """Whether the league's group scores fit beside its key columns without folding a number: on a narrower
    console they are left to the heatmap just below, which shows the same groups (as attainment)."""
    key = sum(KEEP.values()) - (0 if len(lg.periods) > 1 else KEEP["period"])
    columns = 6 + len(lg.groups)
    return key + GROUP_CELLS * len(lg.groups) + 2 * columns <= width


def league_table(lg: League, lang, ui: str, groups: bool = True, rows: list | None = None):
    """Rank, subject, total, grade, coverage and (when ``groups``) each top-level group's score: every column at
    any width (text folds); ``rows`` the standings shown (None where the rest of the league stands)."""
    t = new_table(league_title(lg, ui))
    mixed = len(lg.periods) > 1
    column(t, word("rank", ui), "right", min_width=KEEP["rank"])  # 数据不足 whole; the groups fold first
    column(t, word("subject", ui), min_width=KEEP["subject"])
    if mixed:
        column(t, word("period", ui), min_width=KEEP["period"])
    column(t, word("total", ui), "right", min_width=KEEP["total"])
    column(t, word("grade", ui), min_width=KEEP["grade"])
    column(t, word("coverage_head", ui), "right", min_width=KEEP["coverage"])
    shown = lg.groups if groups else ()
    for g in shown:
        column(t, g.id, "right", min_width=GROUP_CELLS)
    rows = lg.standings if rows is None else rows
    for s in rows:
        if s is None:
            t.add_row("…", text(word("rest_between", ui, n=len(lg.standings) - len(rows) + 1), "dim"))
            continue
        card = s.card
        grade = styled(card.grade.label.get(lang), *([" ", (word("vetoed_short", ui), "red")] if card.vetoed else []))
        scores = [num(card.group(g.id).score) if card.group(g.id).fraction is not None else "—" for g in shown]
        when = [text(card.submission.period)] if mixed else []
        t.add_row(rank_text(s, ui), text(card.submission.subject_name), *when, text(num(card.total), "bold"), grade,
                  pct(s.coverage), *scores, style="red" if card.vetoed else "dim" if s.rank is None else None)
    return t


def heatmap(lg: League, lang, ui: str, rows: list | None = None):
    t = new_table(f"{word('heatmap', ui)} (%)", expand=False)
    column(t, word("subject", ui))
    for g in lg.groups:
        column(t, g.id, "right", no_wrap=True)
    rows = lg.standings if rows is None else rows
    for s in rows:
        if s is None:
            t.add_row("…", *["" for _ in lg.groups])
            continue
        cells = []
        for g in lg.groups:
            pct = attainment(s.card, g.id)
            cells.append("—" if pct is None else styled((f" {pct:.0f} ", HEAT[group_light(s.card, g.id)])))
        t.add_row(text(s.card.submission.subject_name), *cells)
    return t


def trend_table(tr: Trend, lang, ui: str, wide: bool = True):
    """A subject's totals period by period; group changes as numbers when wide, as arrows when not."""
    sid, name = tr.subject
    groups = trend_groups(tr)
    t = new_table(f"{word('trends', ui)} · {name}", expand=False)
    column(t, word("period", ui))
    column(t, word("total", ui), "right")
    column(t, word("change", ui), "right")
    column(t, word("grade", ui))
    for gid in groups:
        column(t, gid, "right")
    cell = (lambda c: _arrow(delta_text(c))) if wide else (lambda c: _arrow(c.arrow))
    first = tr.cards[0]
    t.add_row(text(first.submission.period), num(first.total), "", text(first.grade.label.get(lang)),
              *["" for _ in groups])
    for s in tr.steps:
        t.add_row(text(s.after.submission.period), num(s.after.total), _arrow(delta_text(s.total)),
                  text(s.after.grade.label.get(lang)), *[cell(step_change(s, gid)) for gid in groups])
    return t


def _arrow(value: str):
    return text(value, "green" if value.startswith("↑") else "red" if value.startswith("↓") else "dim")


def slip_line(s, title: str, slips):
    items = ", ".join(f"{x.id} {x.before * 100:.0f}%→{x.after * 100:.0f}%" for x in slips)
    return Padding(styled((title, "red"), f" ({periods(s)}): {items}"), (0, 0, 0, 2))
