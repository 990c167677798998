"""The waivers of a long table (SPEC 9): a row whose value cell is waived (不适用, 豁免) waives its measure for
its subject and period, with the row's reason, approved_by and expires cells (理由, 批准单位, 有效期至).

Each waiver is read and checked by engine.waivers exactly as a per-subject table's is (table_rows), once per
distinct (measure, cells), and re-made at each row's cells; the rows are found with masks, column by column.
"""
from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd

from ... import waivers
from ...model import Loc, Waiver
from ...problems import Problem
from . import cells

Said = tuple[int, str, str, str, str]
"""A problem without its file and line: (column, message, id, level, code)."""


def stray(t, rows: np.ndarray, j: np.ndarray) -> None:
    """A waiver cell filled on a row that does not waive its measure (``rows``: a mask): an error at the cell,
    in a per-subject table's words; the row is bad."""
    for f in waivers.FIELDS:
        if f not in t.text:
            continue
        codes, uniques = pd.factorize(t.text[f])
        filled = np.array([bool(u.strip()) for u in uniques] + [False])
        t.error(np.flatnonzero(rows & filled[codes]), f, waivers.stray(f), lambda i: t.rubric.measures[j[i]].id,
                code="waiver")


def collect(t, read: cells.Cells, usable: np.ndarray, j: np.ndarray, key: np.ndarray, pairs: int) -> list[dict]:
    """Per (subject, period) pair its valid waivers, measure id -> Waiver located at its row; each waiver's
    problems at its cells (a row with an error is bad)."""
    out: list[dict[str, Waiver]] = [{} for _ in range(pairs)]
    rows = np.flatnonzero(usable & read.waived)
    if not len(rows):
        return out
    fields = tuple(f for f in waivers.FIELDS if f in t.text)
    texts = zip(*(t.text[f][rows].tolist() for f in fields)) if fields else ((),) * len(rows)
    seen: dict[tuple, tuple[Waiver | None, list[Said]]] = {}
    for i, c, k, line, given in zip(rows.tolist(), j[rows].tolist(), key[rows].tolist(), t.line[rows].tolist(),
                                    texts):
        found = seen.get((c, given))
        if found is None:
            found = seen[c, given] = _checked(t, t.rubric.measures[c].id, dict(zip(fields, given)))
        waiver, said = found
        t.problems.extend(Problem(Loc(t.name, line, col), message, mid, level=level, code=code)
                          for col, message, mid, level, code in said)
        if any(level == "error" for _, _, _, level, _ in said):
            t.bad[i] = True
        if waiver is not None:
            out[k][t.rubric.measures[c].id] = replace(waiver, loc=Loc(t.name, line, waiver.loc.col))
    return out


def _checked(t, mid: str, cells_of: dict[str, str]) -> tuple[Waiver | None, list[Said]]:
    """One row's waiver read and checked as a per-subject table's (engine.table_rows._Table.waiver, then
    engine.waivers.check); its places are columns only (line 0), for each row to be put at its own line."""
    head = Loc("", 0, t.cols["measure"] + 1)
    places = {f: Loc("", 0, t.cols[f] + 1) for f in cells_of}
    given = {f: text.strip() for f, text in cells_of.items() if text.strip()}
    said: list[Problem] = []
    raw = waivers.one(mid, given, lambda *path, key=False: head if key or not path else places.get(path[0], head),
                      said, waivers.TABLE_SHAPE)
    held, more = waivers.check([raw], t.rubric, {})
    return held.get(mid), [(p.loc.col, p.message, p.id, p.level, p.code) for p in said + more]
