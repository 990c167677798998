"""csv's measure view of a batch row (engine.formats.gaps.batch): each gap's line joined from the row's head,
a text per (measure, status, value cell) and the row's own numbers, every piece encoded once as
csv_fmt's writer would write it."""
from __future__ import annotations

import csv
import io

from .. import display
from ..common import safe_cell
from ..words import ui_lang
from .batch import Row
from .common import gap_dict


def fields(cells) -> str:
    """Cells as csv_fmt writes them, without the line end: pieces joined with ',' make the same line."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="").writerow(["", *(safe_cell(cell_text(c)) for c in cells)])
    return buf.getvalue()[1:]


def cell_text(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return " ".join(map(str, value))
    return "" if value is None else value


def measure_lines(row: Row, lang: str | None, top: int | None) -> str:
    """The row's lines of the measure view, as csv_fmt._measure_rows gives them."""
    b, i = row.shared, row.i
    memo, measures = b.memo, b.rubric.measures
    v, batch = b.gaps.batch.values, b.gaps.batch
    head = fields((v.subjects[i], v.names[i], v.periods[i], float(batch.total[i]),
                   b.rubric.grades[int(batch.grade_index[i])].label.get(lang))) + ","
    chosen = int(b.gaps.path[0][i])
    status, cells, rec = b.status[i], b.cells[i], b.recoverable[i]
    out = []
    for k, j in enumerate(b.order[i][:top]):
        key = ("csv", j, status[j], cells[j])
        piece = memo.get(key)
        if piece is None:
            piece = memo[key] = _piece(b.gap(i, j), lang, ui_lang(lang, b.rubric))
        out.append(f"{head}{k + 1},{piece[0]},{_num(memo, rec[j])},{'true' if k < chosen else 'false'},{piece[1]}\n")
    for j in b.excluded(i):
        key = ("csv-excluded", j)
        piece = memo.get(key)
        if piece is None:
            m = measures[j]
            piece = memo[key] = fields(("", m.id, m.label.get(lang), "excluded", None, m.unit, "", "", "", "", 0.0,
                                        False, " ".join(m.owners))) + "\n"
        out.append(head + piece)
    return "".join(out)


def _piece(g, lang: str | None, ui: str) -> tuple[str, str]:
    """(id .. distance_pct, owners) of a gap's line."""
    d, m = gap_dict(g, lang), g.result.measure
    return (fields((d["id"], d["label"], d["status"], display.cell(m, d["value"], ui), d["unit"],
                    display.cell(m, d["target"], ui), display.cell(m, d["next_target"], ui), d["distance"],
                    d["distance_pct"])), fields((" ".join(d["owners"]),)))


def _num(memo: dict, x: float) -> str:
    """A recoverable figure as the line holds it (r2, written as the csv writer writes a float)."""
    key = ("r2", x)
    found = memo.get(key)
    if found is None:
        from ...results import r2

        found = memo[key] = fields((r2(x),))
    return found
