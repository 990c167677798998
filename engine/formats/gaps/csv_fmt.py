"""csv: one row per gap (or per unit and gap with by=owner, per group with by=indicator), safe in Excel.

The writer adds the utf-8 BOM; every cell that could start a formula is neutralised.
"""
from __future__ import annotations

import csv
import io

from ... import waivers
from .. import display
from ..common import safe_cell
from ..words import owner_name, ui_lang
from ..csv_fmt import cell_text as _cell
from .common import gap_dict, report_dict

NAME = "csv"
SUFFIX = ".csv"
ENCODING = "utf-8-sig"
"""With a BOM, so Excel opens the Chinese text as UTF-8."""
HEAD = ("subject", "subject_name", "period", "total", "grade")
MEASURE = HEAD + ("rank", "measure", "label", "status", "value", "unit", "target", "next_target", "distance",
                  "distance_pct", "recoverable", "in_path", "owners")
OWNER = HEAD + ("unit", "unit_name", "role", "rank", "measure", "label", "status", "value", "target", "recoverable")
PIECE = 1 << 16
"""Characters of text per piece written."""
INDICATOR = HEAD + ("group", "label", "depth", "score", "max", "pct", "light", "gaps", "recoverable")


def render(reports, lang: str | None = None, by=("measure",), top: int | None = None) -> str:
    return "".join(chunks(reports, lang, by, top))


def chunks(reports, lang: str | None = None, by=("measure",), top: int | None = None):
    """The CSV text in pieces: the header row, then a report's rows at a time."""
    view = by[0] if by else "measure"
    columns, rows = {"measure": (MEASURE, _measure_rows), "owner": (OWNER, _owner_rows),
                     "indicator": (INDICATOR, _indicator_rows)}[view]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(columns)
    from .batch import Row, units  # numpy: not for the check path, which loads this registry
    from .csv_rows import measure_lines

    for unit in units(reports):
        if isinstance(unit, Row) and unit.plain and view == "measure":
            buf.write(measure_lines(unit, lang, top))
        else:
            rep = unit.report() if isinstance(unit, Row) else unit
            head = _head(rep, lang)
            w.writerows([safe_cell(_cell(v)) for v in head + row] for row in rows(rep, lang, top))
        if buf.tell() >= PIECE:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    if buf.tell():
        yield buf.getvalue()


def _head(rep, lang) -> tuple:
    card = rep.card
    return (card.submission.subject_id, card.submission.subject_name, card.submission.period, card.total,
            card.grade.label.get(lang))


def _measure_rows(rep, lang, top):
    path = rep.next_grade.measures if rep.next_grade else ()
    ui = ui_lang(lang, rep.card.rubric)
    for g in rep.gaps[:top]:
        d, m = gap_dict(g, lang, path), g.result.measure
        yield (d["rank"], d["id"], d["label"], d["status"], display.cell(m, d["value"], ui), d["unit"],
               display.cell(m, d["target"], ui), display.cell(m, d["next_target"], ui), d["distance"],
               d["distance_pct"], d["recoverable"], d["in_path"], " ".join(d["owners"]))
    for i in rep.missing:
        if i.result.status == "excluded":
            m = i.result.measure
            yield ("", i.id, m.label.get(lang), "excluded", None, m.unit, "", "", "", "", 0.0, False,
                   " ".join(m.owners))
    for m, w in waivers.listed(rep.card):  # not a gap, never hidden (SPEC 9): why it is left out, as its target
        yield ("", m.id, m.measure.label.get(lang), "waived", None, m.measure.unit, display.waiver(w, ui), "", "", "",
               0.0, False, " ".join(m.measure.owners))


def _owner_rows(rep, lang, top):
    rubric = rep.card.rubric
    ui = ui_lang(lang, rubric)
    for o in rep.owners:
        name = owner_name(rubric, o.unit, lang or "zh")
        roles = [("lead", g) for g in o.lead] + [("co", g) for g in o.co]
        for role, g in roles[:top]:
            d, m = gap_dict(g, lang), g.result.measure
            yield (o.unit, name, role, d["rank"], d["id"], d["label"], d["status"], display.cell(m, d["value"], ui),
                   display.cell(m, d["target"], ui), d["recoverable"])
        for mid in (i for i in o.missing if rep.card.measure(i).status == "excluded"):
            m = rubric.by_id[mid]
            yield (o.unit, name, "lead", "", mid, m.label.get(lang), rep.card.measure(mid).status, None, "", "")
    for r, w in waivers.listed(rep.card):  # each under its lead unit (none: ''), never hidden (SPEC 9)
        unit = r.measure.owners[0] if r.measure.owners else ""
        yield (unit, owner_name(rubric, unit, lang or "zh"), "lead", "", r.id, r.measure.label.get(lang), "waived",
               None, display.waiver(w, ui), 0.0)


def _indicator_rows(rep, lang, top):
    for d in report_dict(rep, lang)["by_indicator"]:
        yield (d["id"], d["label"], d["depth"], d["score"], d["max"], d["pct"], d["light"], d["gaps"],
               d["recoverable"])

