"""The HTML report's bar charts in the Word report: a borderless table per chart, one row per bar, the
label and the figure as Word text (editable, in the document's CJK font) and the bar as a PNG image.

Why not one picture per chart: a picture's text would need a font rasteriser (Pillow, cairo or a
browser); text in the table stays sharp, searchable and in the reader's own fonts, and the bars need
nothing but zlib.
"""
from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO

from docx.shared import Cm, RGBColor

from ...formats.common import num
from ...formats.words import owner_name
from ...gaps import GapReport
from ...html.card_charts import STATUS_COLOURS, TOP
from ...html.svg import LIGHTS
from ...html.words import w
from . import blocks, png
from .text import clean
from .words import local

BAR_CM, LABEL_CM, TEXT_CM = 8.0, 6.0, 3.0
"""Columns of a chart's table; the bar's picture is 0.5 cm narrower than its cell (the cell's margins)."""
LEAD, CO = "#1e3a5f", "#9fb3cc"


@dataclass(frozen=True)
class Row:
    label: str
    share: float
    """Of the full bar, 0..1."""
    text: str
    colour: str
    rest: float = 0.0
    strong: bool = False


def chart(doc, title: str, rows: list[Row], key: list[tuple[str, str]] = (), note: str = "",
          ticks: tuple[float, ...] = (), track: bool = False) -> None:
    """Heading, colour key, the bars, a note."""
    blocks.heading(doc, title, 2)
    if key:
        legend(doc, key)
    t = blocks.grid(doc, [LABEL_CM, BAR_CM, TEXT_CM])
    for r in rows:
        bar_row(t, r, ticks, track)
    if note:
        blocks.para(doc, note)


def bar_row(t, r: Row, ticks: tuple[float, ...], track: bool) -> None:
    """Label, the bar's picture (with the label and figure as its alt text), the figure."""
    label, bar, figure = (cell.paragraphs[0] for cell in blocks.cells(t.add_row()))
    for par in (label, bar, figure):  # a borderless table takes the body's 10 pt after a paragraph
        par.paragraph_format.space_after = 0
    blocks.add(label, r.label, r.strong)
    shape = bar.add_run().add_picture(BytesIO(png.bar(r.share, r.colour, r.rest, CO, ticks, track)),
                                      width=Cm(BAR_CM - 0.5))
    shape._inline.docPr.set("descr", clean(f"{r.label}: {r.text}"))
    blocks.add(figure, r.text)


def legend(doc, key: list[tuple[str, str]]) -> None:
    """A line of coloured squares, each followed by its name."""
    par = doc.add_paragraph()
    for name, colour in key:
        blocks.add(par, "■ ").font.color.rgb = RGBColor.from_string(colour.lstrip("#").upper())
        blocks.add(par, name + "　")


def attainment(doc, rep: GapReport, ui: str, lang: str | None, depth: int) -> None:
    """One bar per group at ``depth`` (0: dimensions, 1: indicators) in traffic-light colours, with marks
    at the rubric's colour thresholds."""
    groups = [i for i in rep.indicators if i.depth == depth]
    if not groups:
        return
    g, y, o = rep.card.rubric.colors
    rows = [Row(f"{i.result.id} {i.result.group.label.get(lang)}", (i.pct or 0.0) / 100,
                "—" if i.pct is None else f"{i.pct:.0f}% · {num(i.result.score)}/{num(i.result.max)}",
                LIGHTS[i.light], strong=depth == 0) for i in groups]
    names = w("lights", ui, g=f"{g:g}", y=f"{y:g}", o=f"{o:g}").split("|")
    key = list(zip(names, [LIGHTS[k] for k in ("green", "yellow", "orange", "red", None)]))
    chart(doc, w("dims" if depth == 0 else "inds", ui), rows, key, ticks=(o / 100, y / 100, g / 100), track=True)


def gaps(doc, rep: GapReport, ui: str, lang: str | None) -> None:
    """The biggest gaps, bar length = points of the total full marks would recover."""
    top = [g for g in rep.gaps if g.recoverable > 1e-9][:TOP]
    if not top:
        return
    most = max(g.recoverable for g in top)
    rows = [Row(f"{g.id} {g.result.measure.label.get(lang)}", g.recoverable / most, f"+{num(g.recoverable)}",
                STATUS_COLOURS.get(g.result.status, LIGHTS["orange"])) for g in top]
    key = list(zip(w("gap_legend", ui).split("|"), (LIGHTS["yellow"], LIGHTS["red"], LIGHTS[None])))
    note = w("gap_note", ui, n=len(rep.gaps), points=num(rep.recoverable), top=len(rows))
    chart(doc, local("gap_chart", ui, n=len(rows)), rows, key, note)


def owners(doc, rep: GapReport, ui: str, lang: str | None) -> None:
    """Each unit's recoverable points as lead (dark) and as co-owner (light), biggest lead first."""
    units = [o for o in rep.owners if o.lead_points + o.co_points > 1e-9][:TOP]
    if not units:
        return
    most = max(o.lead_points + o.co_points for o in units)
    rows = [Row(owner_name(rep.card.rubric, o.unit, lang or ui), o.lead_points / most,
                num(o.lead_points) + (f" + {num(o.co_points)}" if o.co_points > 1e-9 else ""), LEAD,
                rest=o.co_points / most) for o in units]
    key = list(zip(w("owner_legend", ui).split("|"), (LEAD, CO)))
    chart(doc, w("owner_chart", ui), rows, key, w("owner_note", ui))
