"""csv's measure view of a batch row (engine.formats.gaps.batch): each gap's line joined from the row's head,
pieces made once per gap key (Batch.key) and the row's own numbers, every piece encoded once as csv_fmt's
writer would write it."""
from __future__ import annotations

import csv
import io

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
    measures, a = b.rubric.measures, b.aims
    v, batch = b.gaps.batch.values, b.gaps.batch
    head = fields((v.subjects[i], v.names[i], v.periods[i], float(batch.total[i]),
                   b.rubric.grades[int(batch.grade_index[i])].label.get(lang))) + ","
    chosen = int(b.gaps.path[0][i])
    t = _texts(b)
    rec, dist, pct, pieces, ranks = t["recoverable"][i], t["distance"][i], t["distance_pct"][i], t["pieces"], t["ranks"]
    numeric, values, steps, status, cells = a.numeric, a.values[i], a.steps[i], b.status[i], b.cells[i]
    out = []
    for k, j in enumerate(b.order[i][:top]):
        x, path = values[j], "true" if k < chosen else "false"
        if numeric[j] and x is not None:
            key = (j, status[j], steps[j], True)
            p = pieces.get(key) or _made(b, pieces, i, j, key, lang)
            out.append(f"{head}{ranks[k]},{p[0]},{x},{p[2]},{dist[j]},{pct[j]},{rec[j]},{path},{p[5]}\n")
        else:
            key = (j, status[j], cells[j], False)
            p = pieces.get(key) or _made(b, pieces, i, j, key, lang)
            out.append(f"{head}{ranks[k]},{p[0]},{p[1]},{p[2]},{p[3]},{p[4]},{rec[j]},{path},{p[5]}\n")
    for j in b.excluded(i):
        key = ("excluded", j)
        piece = pieces.get(key)
        if piece is None:
            m = measures[j]
            piece = pieces[key] = fields(("", m.id, m.label.get(lang), "excluded", None, m.unit, "", "", "", "", 0.0,
                                          False, " ".join(m.owners))) + "\n"
        out.append(head + piece)
    return "".join(out)


def _texts(b) -> dict:
    """The batch's recoverable points, distances and %s as the lines write them (each distinct value once), the
    ranks' texts, and the pieces made so far by key."""
    found = b.memo.get("csv texts")
    if found is None:
        from .json_texts import mapped_texts, r2_texts

        a, blank = b.aims, (lambda u: "" if u != u else repr(u))
        found = b.memo["csv texts"] = {
            "recoverable": r2_texts(b.gaps.recoverable), "distance": mapped_texts(a.distance_r2, blank),
            "distance_pct": mapped_texts(a.pct_r2, blank), "pieces": {},
            "ranks": [str(k + 1) for k in range(len(b.rubric.measures))]}
    return found


def _made(b, pieces: dict, i: int, j: int, key: tuple, lang: str | None) -> tuple:
    pieces[key] = p = _piece(b.gap(i, j), lang, ui_lang(lang, b.rubric), key[-1])
    return p


def _piece(g, lang: str | None, ui: str, numeric: bool) -> tuple:
    """(id,label,status | value | unit,target,next_target | distance | distance_pct | owners) of a gap's line
    (for a number the value, distance and % are the row's own)."""
    d, m = gap_dict(g, lang), g.result.measure
    return (fields((d["id"], d["label"], d["status"])), fields((display.cell(m, d["value"], ui),)),
            fields((d["unit"], display.cell(m, d["target"], ui), display.cell(m, d["next_target"], ui))),
            fields((d["distance"],)), fields((d["distance_pct"],)), fields((" ".join(d["owners"]),)))
