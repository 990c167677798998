"""What the terminal shows of a score run past a screenful of submissions: a person cannot read 3,200 full
scorecards, so after the first few (shown in full) the rest are summed up: how many, the spread of their totals
and grades, the top and the bottom, and how to get every one (-o FILE, --format)."""
from __future__ import annotations

from collections import Counter
from itertools import chain, islice

from ..safe_text import text
from .common import num
from .fit import column, fit_table
from .words import ui_lang, word

SCREENFUL = 10
"""Up to this many submissions a terminal shows every one in full; past it, the first SHOWN, the rest summed up."""
SHOWN = 3
"""Scorecards (and gap reports) shown in full past a screenful: one is a screen or more long."""
ENDS = 5
"""Submissions listed at the top and at the bottom of the rest."""


def ends(items: list, top: int, bottom: int, whole: int = 0) -> list:
    """``items`` as a terminal lists them: all of them when at most ``max(whole, top + bottom)``, else the first
    ``top``, None where the rest stand, and the last ``bottom``."""
    if len(items) <= max(whole, top + bottom):
        return items
    return items[:top] + [None] + items[-bottom:]


def split(outcomes) -> tuple[list, object]:
    """(shown in full, the rest): every outcome when there are at most SCREENFUL, else the first SHOWN and an
    iterator over the rest (read as it streams)."""
    it = iter(outcomes)
    first = list(islice(it, SCREENFUL + 1))
    if len(first) <= SCREENFUL:
        return first, iter(())
    return first[:SHOWN], chain(first[SHOWN:], it)


def show_rest(heads: list, shown: int, console, lang: str | None = None) -> None:
    """The summary of the submissions after the first ``shown`` (``heads``: Scorecards or their light stand-ins,
    each with submission, total, grade, vetoed and rubric), one block per rubric."""
    by_rubric: dict[str, list] = {}
    for h in heads:
        by_rubric.setdefault(h.rubric.ref, []).append(h)
    ui = ui_lang(lang, heads[0].rubric)
    console.print(text(word("rest_title", ui, n=len(heads), shown=shown), "bold"))
    for group in by_rubric.values():
        for part in block(group, lang):
            console.print(part)
    console.print(text(word("rest_how", ui), "yellow"))


def block(heads: list, lang: str | None) -> list:
    """One rubric's rest: its name, the totals' spread and each grade's count, then the best and the worst few."""
    rubric = heads[0].rubric
    ui = ui_lang(lang, rubric)
    said = [text(f"{rubric.title.get(lang)}  {rubric.ref}", "bold"), text(spread_line(heads, lang))]
    t = fit_table(expand=False)
    for name, justify in (("", "left"), (word("subject", ui), "left"), (word("period", ui), "left"),
                          (word("total", ui), "right"), (word("grade", ui), "left")):
        column(t, name, justify)
    order = sorted(heads, key=lambda h: (h.vetoed, -h.total, str(h.submission.subject_id)))
    shown = ends(order, ENDS, ENDS)
    for i, h in enumerate(shown):
        if h is None:
            t.add_row("…", text(word("rest_between", ui, n=len(order) - 2 * ENDS)), "", "", "")
            continue
        mark = word("rest_top", ui) if i == 0 else word("rest_bottom", ui) if i == len(shown) - 1 else ""
        veto = f" {word('vetoed_short', ui)}" if h.vetoed else ""  # a vetoed one ranks last, whatever its total
        t.add_row(text(mark), text(h.submission.subject_name), text(h.submission.period), num(h.total),
                  text(h.grade.label.get(lang) + veto))
    return said + [t]


def spread_line(heads: list, lang: str | None) -> str:
    """'3190 份 · 总分 38.7–72.75，中位数 55.19 · 合格 517 · 不合格 2673 · 264 份一票否决' (one rubric's heads)."""
    rubric = heads[0].rubric
    ui = ui_lang(lang, rubric)
    totals = sorted(h.total for h in heads)
    grades = Counter(h.grade.id for h in heads)
    spread = word("rest_spread", ui, low=num(totals[0]), median=num(_median(totals)), high=num(totals[-1]))
    counts = " · ".join(f"{g.label.get(lang)} {grades[g.id]}" for g in rubric.grades if grades[g.id])
    vetoed = sum(1 for h in heads if h.vetoed)
    tail = f" · {word('rest_vetoed', ui, n=vetoed)}" if vetoed else ""
    return f"{word('rest_count', ui, n=len(heads))} · {spread} · {counts}{tail}"


def _median(xs: list[float]) -> float:
    n = len(xs)
    return xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2
