"""A long table's value cells as a human format shows them (engine.formats.md_batch, html_batch): each distinct
cell read once for each way of reading and showing it, exactly as engine.vector.cards reads it.

A plain number or true/false reads the same for every measure whose method reads cells alike (CELL, WHOLE),
and shows the same for every such measure of the same unit, so those measures share one memo; any other cell
(a percentage, '约120', '3.6万', ratings, an option) is read through cards.entry for its own measure.
"""
from __future__ import annotations

from collections.abc import Callable

import numpy as np

from .. import methods
from ..model import Measure, Rubric
from ..vector import cards
from .json_cells import codes, simple

OWN = None
"""What a shared memo holds for a cell that each measure reads apart."""


class Values:
    """Every value cell of a table as ``shown(measure, value, raw, approximate)`` says it (``raw``: the value as
    written when it differs), and ``shown(measure, None, None, None)`` where a row gives no value;
    ``fast(measure)`` may answer the plain cells of a measure more cheaply (md_batch_numbers)."""

    def __init__(self, v, rubric: Rubric, shown: Callable[..., str],
                 fast: Callable[[Measure], Callable[[str], str | None] | None] = lambda m: None):
        self.v, self.measures, self.shown = v, rubric.measures, shown
        self.codes, self.cells = codes(v.cells["value"])
        """Each table row's value cell as a code into ``cells``."""
        keys = [_key(m, j) for j, m in enumerate(self.measures)]
        self.memos = [{} for _ in keys]
        for j, k in enumerate(keys):  # measures that read and show cells alike share one memo
            self.memos[j] = self.memos[keys.index(k)]
        self.own: list[dict] = [{} for _ in keys]
        self.fast = [fast(m) for m in self.measures]
        self.none = np.array([shown(m, None, None, None) for m in self.measures], dtype=object)

    def texts(self, rows: np.ndarray) -> np.ndarray:
        """(rows x measures) the shown value of each cell; a measure's 'no value' where none was given."""
        v = self.v
        out = np.empty((len(rows), len(self.measures)), dtype=object)
        out[:] = self.none[None, :]
        given, at = v.present[rows], v.rows[rows]
        for j in range(len(self.measures)):
            where = np.flatnonzero(given[:, j])
            if len(where):
                table_rows = at[where, j]
                out[where, j] = self._column(j, self.codes[table_rows].tolist(), table_rows.tolist())
        return out

    def _column(self, j: int, cells: list, table_rows: list) -> list:
        memo, own = self.memos[j], self.own[j]
        out = []
        for code, at in zip(cells, table_rows):
            text = memo.get(code, 0)
            if text == 0:
                text = memo[code] = self._plain(j, code)
            if text is OWN:
                text = own.get(code)
                if text is None:
                    text = own[code] = self._read(j, at)
            out.append(text)
        return out

    def _plain(self, j: int, code: int) -> str | None:
        m, cell, fast = self.measures[j], self.cells[code], self.fast[j]
        text = fast(cell) if fast is not None and type(cell) is str else None
        if text is not None:
            return text
        plain = simple(cell, m) if type(cell) is str else None
        if plain is None:
            plain = cards.plain_reading(cell, m)
        return None if plain is None else self.shown(m, plain[0], plain[1], False)

    def _read(self, j: int, at: int) -> str:
        m = self.measures[j]
        e = cards.entry(self.v, m, at)
        return self.shown(m, e.value, e.raw, e.approximate)


def _key(m: Measure, j: int) -> tuple:
    """What a plain cell's shown value depends on: how the method reads it and the unit (an option's label: the
    measure itself)."""
    method = methods.get(m.method)
    if hasattr(method, "option_label"):
        return ("own", j)
    return method.CELL, method.WHOLE, m.unit
