"""csv's measure view of a batch row (engine.formats.gaps.batch): each gap's line joined from the row's head,
pieces made once per gap key (Batch.key) and the row's own numbers, every piece encoded once as csv_fmt's
writer would write it."""
from __future__ import annotations

import csv
import io

from ...results import r2
from .. import display
from ..common import safe_cell
from ..words import ui_lang
from .batch import Row
from ..csv_fmt import cell_text
from .common import gap_dict


def fields(cells) -> str:
    """Cells as csv_fmt writes them, without the line end: pieces joined with ',' make the same line."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="").writerow(["", *(safe_cell(cell_text(c)) for c in cells)])
    return buf.getvalue()[1:]


def measure_lines(row: Row, lang: str | None, top: int | None) -> str:
    """The row's lines of the measure view, as csv_fmt._measure_rows gives them."""
    b, i = row.shared, row.i
    memo, measures, a = b.memo, b.rubric.measures, b.aims
    v, batch = b.gaps.batch.values, b.gaps.batch
    head = fields((v.subjects[i], v.names[i], v.periods[i], float(batch.total[i]),
                   b.rubric.grades[int(batch.grade_index[i])].label.get(lang))) + ","
    chosen = int(b.gaps.path[0][i])
    rec, values, dist, pct = b.recoverable[i], a.values[i], a.distance[i], a.distance_pct[i]
    out = []
    for k, j in enumerate(b.order[i][:top]):
        key = b.key(i, j)
        t = memo.get(("csv", key))
        if t is None:
            t = memo[("csv", key)] = _piece(b.gap(i, j), lang, ui_lang(lang, b.rubric), key[-1])
        if key[-1]:
            value, d, p = values[j], dist[j], pct[j]
            value, d, p = str(value), "" if d is None else repr(d), "" if p is None else repr(p)
        else:
            value, d, p = t[1], t[3], t[4]
        out.append(f"{head}{k + 1},{t[0]},{value},{t[2]},{d},{p},{_num(memo, rec[j])},"
                   f"{'true' if k < chosen else 'false'},{t[5]}\n")
    for j in b.excluded(i):
        key = ("csv-excluded", j)
        piece = memo.get(key)
        if piece is None:
            m = measures[j]
            piece = memo[key] = fields(("", m.id, m.label.get(lang), "excluded", None, m.unit, "", "", "", "", 0.0,
                                        False, " ".join(m.owners))) + "\n"
        out.append(head + piece)
    return "".join(out)


def _piece(g, lang: str | None, ui: str, numeric: bool) -> tuple:
    """(id,label,status | value | unit,target,next_target | distance | distance_pct | owners) of a gap's line
    (for a number the value, distance and % are the row's own)."""
    d, m = gap_dict(g, lang), g.result.measure
    return (fields((d["id"], d["label"], d["status"])), fields((display.cell(m, d["value"], ui),)),
            fields((d["unit"], display.cell(m, d["target"], ui), display.cell(m, d["next_target"], ui))),
            fields((d["distance"],)), fields((d["distance_pct"],)), fields((" ".join(d["owners"]),)))


def _num(memo: dict, x: float) -> str:
    """A recoverable figure as the line holds it (r2, written as the csv writer writes a float)."""
    key = ("r2", x)
    found = memo.get(key)
    if found is None:
        found = memo[key] = repr(r2(x))
    return found
