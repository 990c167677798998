"""`scorecard score --format html` for a scored batch (a long table): each subject's <article> as
engine.html.card.article writes it, its measure table built from the batch's arrays.

The measure table is an article's largest piece: a row per measure, six pieces each.  What a measure says of itself
(its id, label, target and owners, with its status: engine.html.measure_table's cells) is made once per run;
its value and 'as written' cells once per distinct value cell (engine.formats.md_batch_values); its score cell
once per distinct score of the chunk for each kind of measure; its evidence and note cells once per distinct
cell of the table.  The rest of the article (header, charts, gaps, what-if) is written from the row's
Scorecard as before.  tests/formats/test_html_batch.py holds the text to card.article's, character for
character.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator

import numpy as np
import pandas as pd

from .. import methods
from ..html import measure_table as mt
from ..html.card import article
from ..html.page import esc
from ..model import Measure, Rubric
from ..results import STATUSES
from ..vector import cards
from ..vector.result import BatchResult
from . import display, md_batch_slices as slices
from .md_batch import top
from .md_batch_numbers import shower
from .md_batch_values import Values
from .words import ui_lang

EMPTY = '<td class="s"></td>'


def articles(batch: BatchResult, rubric: Rubric, lang: str | None = None,
             size: int | None = None) -> Iterator[tuple[str, str]]:
    """(title, article) of each row, in row order (the title card.title gives its Scorecard): slices of ``size``
    rows, whose measure tables are made together, written on both cores when there are enough of them
    (md_batch_slices)."""
    return slices.texts(batch, rubric, lang, _Fixed, _articles, size)


def _articles(fixed: "_Fixed", rows: np.ndarray) -> list[tuple[str, str]]:
    batch, rubric, lang = fixed.batch, fixed.rubric, fixed.lang
    v, name = batch.values, rubric.title.get(lang)
    return [(f"{v.names[i]} · {v.periods[i]} · {name}", article(cards.card(batch, rubric, i), lang, table=table))
            for i, table in zip(rows.tolist(), _tables(batch, fixed, rows))]


class _Fixed:
    """What a run writes the same in every table: each measure's cells before and after its value and score (by
    status), each distinct evidence and note cell."""

    def __init__(self, batch: BatchResult, rubric: Rubric, lang: str | None):
        ui = self.ui = ui_lang(lang, rubric)
        self.batch, self.rubric, self.lang, ms, v = batch, rubric, lang, rubric.measures, batch.values
        self.starts = np.array([[f'<tr data-status="{s}">' + mt.fixed_cells((m, rubric), ui, lang) for s in STATUSES]
                                for m in ms], dtype=object)
        self.targets = np.array([mt._target_cell((m,), ui) for m in ms], dtype=object)
        self.ends = np.array([[mt.status_cell(s, ui) + mt._owners_cell((m, rubric), ui, lang) for s in STATUSES]
                              for m in ms], dtype=object)
        kinds = [(m.is_modifier, methods.get(m.method).SIGN if m.is_modifier else None, top(m)) for m in ms]
        self.kinds = np.array([kinds.index(k) for k in kinds], dtype=np.int64)
        self.kind_of = [ms[kinds.index(k)] for k in kinds]
        self.values = Values(v, rubric, _shown(ui), lambda m: _fast(m, ui))
        self.extras = _Extras(v)


def _shown(ui: str) -> Callable[..., str]:
    """A measure table row's value and 'as written' cells (approximate None: no value given)."""
    def shown(m: Measure, value, raw, approximate) -> str:
        if approximate is None:
            return mt._value_cell((m,), None, False, True, ui) + EMPTY
        return mt._value_cell((m,), value, bool(approximate), False, ui) + \
            f'<td class="s">{esc(display.written(raw, ui))}</td>'
    return shown


def _fast(m: Measure, ui: str) -> Callable[[str], str | None] | None:
    """The value and 'as written' cells of a plain number cell (md_batch_numbers: None for any other)."""
    text = shower(m, ui, esc)
    if text is None:
        return None

    def cells(cell: str) -> str | None:
        said = text(cell)
        if said is None:
            return None
        key = repr(float(cell) if "." in cell else float(int(cell)))  # the value's float: -0 is the integer 0
        return f'<td class="n" data-v="{key}">{said}</td>' + EMPTY
    return cells


class _Extras:
    """The evidence and note cells (and the row's end) of every table row, each distinct cell made once."""

    def __init__(self, v):
        self.codes, self.texts = [], []
        for field, piece in (("evidence", _evidence), ("note", _note)):
            if field in v.cells:
                found, uniques = pd.factorize(v.cells[field], use_na_sentinel=False)
                self.codes.append(np.asarray(found, dtype=np.int64))
                self.texts.append(np.array([piece(u) for u in uniques.tolist()], dtype=object))
        self.none = EMPTY if "evidence" not in v.cells else ""
        self.tail = EMPTY + "</tr>" if "note" not in v.cells else "</tr>"

    def at(self, table_rows: np.ndarray) -> np.ndarray:
        out = np.full(table_rows.shape, self.none, dtype=object)
        for codes, texts in zip(self.codes, self.texts):
            out = out + texts[codes[table_rows]]
        return out + self.tail


def _evidence(cell) -> str:
    return '<td class="s">' + "<br>".join(esc(e) for e in cards._evidence(cell)) + "</td>"


def _note(cell) -> str:
    return f'<td class="s">{esc(cell.strip())}</td>'


def _tables(batch: BatchResult, fixed: _Fixed, rows: np.ndarray) -> list[str]:
    """Each row's measure table section (measure_table.section of its Scorecard)."""
    status, given, at = batch.status[rows], batch.values.present[rows], batch.values.rows[rows]
    j = np.arange(status.shape[1])[None, :]
    extras = np.where(given, fixed.extras.at(np.where(given, at, 0)), EMPTY + EMPTY + "</tr>")
    lines = (fixed.starts[j, status] + fixed.values.texts(rows) + fixed.targets[None, :] +
             _scores(batch, fixed, rows) + fixed.ends[j, status] + extras)
    frames = _frames(status, fixed.ui)
    return [before + "\n".join(line) + after for (before, after), line in zip(frames, lines.tolist())]


def _scores(batch: BatchResult, fixed: _Fixed, rows: np.ndarray) -> np.ndarray:
    """(rows x measures) the score cells, each distinct (kind of measure, score) of the chunk made once."""
    score = batch.measure_score[rows]
    codes, uniques = pd.factorize(score.ravel(), use_na_sentinel=False)
    values, n = uniques.tolist(), len(fixed.kind_of)
    kinds = np.broadcast_to(fixed.kinds[None, :], score.shape).ravel()
    pairs, found = pd.factorize(codes * n + kinds)
    which, kind = np.divmod(np.asarray(found, dtype=np.int64), n)
    texts = [mt._score_cell((fixed.kind_of[k],), values[c], top(fixed.kind_of[k]))
             for c, k in zip(which.tolist(), kind.tolist())]
    return np.array(texts + [""], dtype=object)[pairs].reshape(score.shape)


def _frames(status: np.ndarray, ui: str) -> list[tuple[str, str]]:
    """Each row's section around its rows: its status select offers the statuses the row has."""
    seen = [(status == k).any(axis=1) for k in range(len(STATUSES))]
    present = [tuple(s for s, there in zip(STATUSES, has) if there) for has in zip(*(x.tolist() for x in seen))]
    return [mt.frame(p, ui) for p in present]
