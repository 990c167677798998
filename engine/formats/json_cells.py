"""A long table's value, evidence and note cells as the pieces of engine.formats.json_batch's lines: each
distinct value cell read once for each kind of measure (a plain number or true/false reads the same for every
measure whose method reads cells alike), any other cell once for its measure, exactly as
engine.vector.cards reads it; each distinct evidence and note cell encoded once.

Readings are held as numbers into growing arrays, so a chunk of rows looks its cells up with numpy, and
only cells not seen before are read in Python.
"""
from __future__ import annotations

import re

import numpy as np

from .. import methods
from ..model import Rubric
from ..vector import cards
from .common import ratings_by
from .json_card import encoded

NEW, OWN = -1, -2
"""A cell's slot before it is read for a kind, and for a cell that is read for each measure apart."""


class Cells:
    """Every value cell of a table read as (value text, ratings piece, original/approximate piece)."""

    def __init__(self, v, rubric: Rubric):
        self.v, self.measures = v, rubric.measures
        kind = [(methods.get(m.method).CELL, methods.get(m.method).WHOLE, methods.get(m.method).RATINGS)
                for m in self.measures]
        self.kinds = [kind.index(k) for k in kind]
        self.rated = [k[2] for k in kind]
        self.codes, self.cells = codes(v.cells["value"])
        """Each table row's value cell as a code into ``cells``."""
        self._slots: dict[int, np.ndarray] = {}
        self._own: dict[tuple[int, int], int] = {}
        self.said = _Growing()
        self.extras = extras(v)
        self.file = encoded(v.path or "FILE")
        """A plain cell's ratings are its file's (common.ratings_by)."""

    def slots(self, j: int, where: np.ndarray) -> np.ndarray:
        """The readings of measure column ``j``'s cells on table rows ``where``, as indices into ``said``."""
        k = self.kinds[j]
        slots = self._slots.get(k)
        if slots is None:
            slots = self._slots[k] = np.full(len(self.cells), NEW, dtype=np.int32)
        codes = self.codes[where]
        found = slots[codes]
        if (found == NEW).any():
            new = np.unique(codes[found == NEW])
            slots[new] = self._plains(j, new.tolist())
            found = slots[codes]
        own = np.flatnonzero(found == OWN)
        for at in own.tolist():
            found[at] = self._read_own(j, int(codes[at]), int(where[at]))
        return found

    def _plains(self, j: int, codes: list[int]) -> list[int]:
        """_plain of each cell, the plain numbers of a measure that reads numbers (most cells) in one pass."""
        method = methods.get(self.measures[j].method)
        if method.CELL in ("bool", "choice") or self.rated[j]:
            return [self._plain(j, c) for c in codes]
        whole, cells, out, said = method.WHOLE, self.cells, [], []
        for c in codes:
            cell = cells[c]
            if type(cell) is not str or not _SIMPLE.fullmatch(cell):
                out.append(self._plain(j, c))
                continue
            raw = float(cell) if "." in cell else int(cell)
            value = int(raw) if whole else raw
            text = float.__repr__(value) if type(value) is float else int.__repr__(value)
            said.append((text, "", "" if type(value) is type(raw) and value == raw else ',"original":' + encoded(raw)))
            out.append(None)
        if said:
            at = iter(self.said.extend(said))
            out = [next(at) if x is None else x for x in out]
        return out

    def _plain(self, j: int, code: int) -> int:
        m, cell = self.measures[j], self.cells[code]
        plain = simple(cell, m) if type(cell) is str else None
        if plain is None:
            plain = cards.plain_reading(cell, m)
        if plain is None:
            return OWN
        value, shown = plain
        text = encoded(value)
        ratings = ',"ratings":{' + self.file + ":[" + text + "]}" if self.rated[j] else ""
        return self.said.add((text, ratings, "" if shown is None else ',"original":' + encoded(shown)))

    def _read_own(self, j: int, code: int, row: int) -> int:
        got = self._own.get((j, code))
        if got is None:
            entry = cards.entry(self.v, self.measures[j], row)
            got = self._own[(j, code)] = self.said.add(reading(entry, self.rated[j]))
        return got


class _Growing:
    """Three object arrays (value, ratings, original) that grow as readings are added; the last slot of each
    is what a cell without a value shows ('null', '', '')."""

    def __init__(self):
        self.n = 0
        self.arrays = [np.empty(1024, dtype=object) for _ in range(3)]

    def add(self, said: tuple[str, str, str]) -> int:
        if self.n == len(self.arrays[0]) - 1:
            self.arrays = [np.concatenate([a, np.empty(len(a), dtype=object)]) for a in self.arrays]
        for a, x in zip(self.arrays, said):
            a[self.n] = x
        self.n += 1
        return self.n - 1

    def extend(self, said: list[tuple[str, str, str]]) -> range:
        """add each of ``said``; their slots."""
        start, end = self.n, self.n + len(said)
        while end >= len(self.arrays[0]):
            self.arrays = [np.concatenate([a, np.empty(len(a), dtype=object)]) for a in self.arrays]
        for a, column in zip(self.arrays, zip(*said)):
            a[start:end] = column
        self.n = end
        return range(start, end)

    def take(self, slots: np.ndarray) -> list[np.ndarray]:
        """The three pieces of each slot (-1: no value)."""
        out = []
        for a, none in zip(self.arrays, ("null", "", "")):
            a[len(a) - 1] = none
            out.append(a[slots])
        return out


def simple(cell: str, m) -> tuple | None:
    """cards.plain_reading of the commonest cells, without its general steps: 'true'/'false' for a method
    that reads true/false, and a plain number without spaces around or a sign in front for one that reads
    numbers; None for any other cell (the general reading decides)."""
    method = methods.get(m.method)
    if method.CELL == "bool":
        return (cell == "true", None) if cell in ("true", "false") else None
    if method.CELL == "choice" or not _SIMPLE.fullmatch(cell):
        return None
    raw = float(cell) if "." in cell else int(cell)
    value = int(raw) if method.WHOLE else raw
    return value, raw if type(value) is not type(raw) or value != raw else None


_SIMPLE = re.compile(r"-?(?:0|[1-9][0-9]{0,14})(?:\.[0-9]{1,20})?")
"""Within engine.table_rows.PLAIN_NUMBER (which it reads the same), and at most 38 characters."""


def reading(e, rating: bool) -> tuple[str, str, str]:
    """What an entry's value cell alone decides: its value, its ratings, and its original/approximate."""
    ratings = ',"ratings":' + encoded(ratings_by(e)) if rating else ""
    original = (',"original":' + encoded(e.raw) if e.raw is not None else "") + \
        (',"approximate":true' if e.approximate else "")
    return encoded(e.value), ratings, original


def codes(cells: np.ndarray) -> tuple[np.ndarray, list]:
    """Each cell as a code into a list of the distinct cells (equal text of another type, such as a workbook's
    shown number, is another cell)."""
    import pandas as pd

    listed = cells.tolist()
    if all(type(c) is str for c in listed):
        found, uniques = pd.factorize(cells, use_na_sentinel=False)
        return np.asarray(found, dtype=np.int64), uniques.tolist()
    seen: dict = {}
    found = [seen.setdefault((type(c), c), len(seen)) for c in listed]
    return np.array(found, dtype=np.int64), [c for _, c in seen]


def extras(v) -> np.ndarray:
    """The evidence and note pieces of every table row (each distinct cell encoded once)."""
    import pandas as pd

    out = np.full(len(v.cells["value"]), "", dtype=object)
    for field, piece in (("evidence", _evidence_piece), ("note", _note_piece)):
        if field in v.cells:
            found, uniques = pd.factorize(v.cells[field], use_na_sentinel=False)
            out = out + np.array([piece(u) for u in uniques.tolist()], dtype=object)[found]
    return out


def _evidence_piece(text) -> str:
    shown = cards._evidence(text)
    return ',"evidence":' + encoded(list(shown)) if shown else ""


def _note_piece(text) -> str:
    said = text.strip()
    return ',"note":' + encoded(said) if said else ""
