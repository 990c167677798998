"""`scorecard score --format markdown` for a scored batch (a long table): each subject's page as
engine.formats.markdown.card_md writes it, built from the batch's arrays instead of a Scorecard per subject.

A page is its head (title, veto, totals and coverage), its group rows and its measure rows.  A measure row is
four pieces: the measure's own id and label (made once per run), its value (each distinct value cell made once
for each way of reading and showing it: engine.formats.md_batch_values), its score (each distinct number once
per chunk) and its max and status (once per measure and status).  A subject with a waiver listed on its page is
written from its Scorecard (card_md): waivers are few, and their section is that function's.  The text is
card_md(card) of the row's card, character for character (tests/formats/test_md_batch.py holds it to that).
"""
from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pandas as pd

from ..model import Measure, Rubric
from ..results import STATUSES
from ..safe_text import md, md_code
from ..vector.cards import card
from ..vector.result import BatchResult
from . import display, md_batch_slices as slices
from .common import num, pct
from .markdown import _cell, card_md, groups_head, measures_head
from .md_batch_numbers import shower
from .md_batch_values import Values
from .words import ui_lang, word

WAIVED = STATUSES.index("waived")


CHUNK = 200
"""Subjects whose pages are made together: a national table is written without holding its pages all at once."""


def pages(batch: BatchResult, rubric: Rubric, lang: str | None = None, size: int = CHUNK,
          jobs: int | None = 1) -> Iterator[str]:
    """Each row's card_md text, in row order: slices of ``size`` rows written together (md_batch_slices), on one
    process by default (at 3,200 subjects forked workers saved nothing on a busy machine and cost 10% more CPU)."""
    return slices.texts(batch, rubric, lang, _Fixed, _pages, size, jobs)


def _pages(fixed: "_Fixed", rows: np.ndarray) -> list[str]:
    batch, out = fixed.batch, []
    groups, measures = _group_lines(batch, fixed, rows), _measure_lines(batch, fixed, rows)
    for r, i in enumerate(rows.tolist()):
        if fixed.waived(i):
            out.append(card_md(card(batch, fixed.rubric, i), fixed.lang))
        else:
            out.append(_head(batch, fixed, i) + fixed.groups_head + groups[r] + fixed.measures_head + measures[r])
    return out


class _Fixed:
    """What a run writes the same on every page: the title's end, the table heads, each measure's id, label,
    max and status pieces, each group's id and label."""

    def __init__(self, batch: BatchResult, rubric: Rubric, lang: str | None):
        ui = self.ui = ui_lang(lang, rubric)
        self.batch, self.rubric, self.lang, ms = batch, rubric, lang, rubric.measures
        self.title = " · " + md(rubric.title.get(lang))
        self.veto_names = {m.id: f"{md_code(m.id)} {md(m.label.get(lang))}" for m in ms}
        self.grades = [md(g.label.get(lang)) for g in rubric.grades]
        self.grade_labels = [g.label.get(lang) for g in rubric.grades]
        self.words = {k: word(k, ui) for k in ("total", "grade", "base", "bonus", "deductions")}
        self.top = num(rubric.scale)
        self.groups_head = "\n".join(["", "", *groups_head(ui)])
        self.group_starts = [f"\n| {_cell(g.id)} | {_cell(g.label.get(lang))} | " for g in rubric.groups]
        self.worth = [g.worth for g in rubric.groups]
        self.group_ends = [f" | {_cell(num(w))} | " for w in self.worth]
        self.measures_head = "\n".join(["", "", *measures_head(ui), ""])
        self.named = np.array([f"| {_cell(m.id)} | {_cell(m.label.get(lang))} | " for m in ms], dtype=object)
        self.ends = np.array([[f" | {_cell(num(top(m)))} | {_cell(display.status(s, ui))} |" for s in STATUSES]
                              for m in ms], dtype=object)
        self.base = np.array([not m.is_modifier for m in ms], dtype=bool)
        self.values = Values(batch.values, rubric, lambda m, value, raw, approximate:
                             _cell(display.value(m, value, ui)), lambda m: shower(m, ui, _cell))
        given, ids = batch.values.waivers, [m.id for m in ms]
        self.waived_at = [[j for j, mid in enumerate(ids) if mid in w] for w in given] if given else None
        self.status = batch.status

    def waived(self, i: int) -> bool:
        """True when row ``i``'s page lists a waiver (a waived measure the row has a waiver for)."""
        return bool(self.waived_at) and any(self.status[i, j] == WAIVED for j in self.waived_at[i])


def top(m: Measure):
    """MeasureResult.max of a measure: a modifier's cap (None without one), a base measure's points."""
    return m.params.get("cap") if m.is_modifier else m.points


def _head(batch: BatchResult, fixed: _Fixed, i: int) -> str:
    """The page's lines before the group table: title, veto, totals and coverage, and a blank line."""
    v, ui, words = batch.values, fixed.ui, fixed.words
    grade = int(batch.grade_index[i])
    lines = [f"# {md(str(v.names[i]))} · {md(v.periods[i])}{fixed.title}", ""]
    vetoed_by = batch.vetoed_by(i)
    if vetoed_by:
        ids = ", ".join(fixed.veto_names[mid] for mid in vetoed_by)
        graded = word("graded_anyway", ui, grade=fixed.grade_labels[grade])
        lines += [f"> **{display.say('vetoed', ui)}**{display.say('colon', ui)}{ids}{display.say('stop', ui)}"
                  f"{md(graded)}", ""]
    base = fixed.base & (batch.status[i] != WAIVED)
    filed, owed = int((base & v.present[i]).sum()), int(base.sum())
    coverage = word("coverage_line", ui, pct=pct(filed / owed if owed else 1.0), filed=filed, base=owed)
    lines.append(
        f"**{words['total']} {num(float(batch.total[i]))} / {fixed.top}** · {words['grade']} "
        f"**{fixed.grades[grade]}** · {words['base']} {num(float(batch.base[i]))} · {words['bonus']} "
        f"{display.added(float(batch.bonus[i]))} · {words['deductions']} "
        f"{display.deducted(float(batch.deductions[i]))} · {md(coverage)}")
    return "\n".join(lines)


def _group_lines(batch: BatchResult, fixed: _Fixed, rows: np.ndarray) -> list[str]:
    """Each row's group table rows, each after a newline: id, label, score, max and attainment, each distinct
    score of the chunk shown once and each distinct (group, score) row once."""
    score = batch.group_score[rows]
    codes, uniques = pd.factorize(score.ravel(), use_na_sentinel=False)
    values, n = uniques.tolist(), score.shape[1]
    shown = [_cell(num(x)) for x in values]
    pairs, found = pd.factorize(codes * n + np.tile(np.arange(n), len(rows)))
    which, group = np.divmod(np.asarray(found, dtype=np.int64), n)
    texts = [fixed.group_starts[k] + shown[c] + fixed.group_ends[k] + _share(values[c], fixed.worth[k])
             for c, k in zip(which.tolist(), group.tolist())]
    return ["".join(line) for line in np.array(texts + [""], dtype=object)[pairs].reshape(score.shape).tolist()]


def _share(score: float, top) -> str:
    """A group row's attainment cell and the row's end (card_md's)."""
    return _cell("—" if not top else f"{100 * score / top:.0f}%") + " |"


def _measure_lines(batch: BatchResult, fixed: _Fixed, rows: np.ndarray) -> list[str]:
    """Each row's measure table rows, joined by newlines."""
    score = batch.measure_score[rows]
    codes, uniques = pd.factorize(score.ravel(), use_na_sentinel=False)
    scores = np.array([" | " + _cell(num(u)) for u in uniques.tolist()], dtype=object)[codes].reshape(score.shape)
    ends = fixed.ends[np.arange(fixed.ends.shape[0])[None, :], batch.status[rows]]
    lines = fixed.named[None, :] + fixed.values.texts(rows) + scores + ends
    return ["\n".join(line) for line in lines.tolist()]
