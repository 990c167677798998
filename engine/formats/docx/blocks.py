"""Paragraphs, runs and tables of the Word report: every text through ``clean``, every run with its East
Asian font, every table with a repeated, shaded header row and its columns' widths and alignment."""
from __future__ import annotations

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.shared import Cm
from docx.table import _Cell
from docx.text.run import Run

from . import rows as tablerows, style
from .text import clean

HEADER_FILL = "D9E2F3"


def heading(doc, title: str, level: int = 1):
    """A real Word heading (style 'Heading <level>', or 'Title' for level 0)."""
    par = paragraph(doc, "Title" if level == 0 else f"Heading {level}")
    add(par, title, font=style.HEAD)
    return par


def para(doc, *pieces, style_name: str | None = None):
    """A paragraph of pieces: a text, or (text, bold)."""
    par = paragraph(doc, style_name)
    for piece in pieces:
        text, bold = piece if isinstance(piece, tuple) else (piece, False)
        add(par, text, bold)
    return par


def paragraph(doc, name: str | None = None):
    """An empty paragraph in the named style (its id looked up once per document: python-docx's own lookup
    scans every style on every call)."""
    par = doc.add_paragraph()
    if name is not None:
        par._p.style = style_id(doc, name)
    return par


def style_id(doc, name: str) -> str:
    ids = doc.__dict__.setdefault("_scorecard_style_ids", {})
    if name not in ids:
        ids[name] = doc.styles[name].style_id
    return ids[name]


def add(par, text, bold: bool = False, font: tuple[str, str] = style.BODY):
    """A run of literal text with the Latin and East Asian fonts named on it. The w:t is set whole
    (Run.text would look at every character for tabs and breaks, which ``clean`` has already shown)."""
    r = par._p.add_r()
    rpr = r.get_or_add_rPr()
    rpr.append(style.rfonts(*font))
    if bold:
        rpr._add_b()
    r.add_t(clean(text))
    return Run(r, par)


def table(doc, head: list[str], rows, widths: list[float], right: frozenset[int] = frozenset()):
    """A grid table: the header row shaded, bold and repeated on every page; ``widths`` in cm; the columns
    in ``right`` (numbers) right-aligned. Each row is a list of cell texts (a cell may be (text, bold))."""
    t = grid(doc, widths)
    t._tbl.tblStyle_val, t.alignment = style_id(doc, "Table Grid"), WD_TABLE_ALIGNMENT.CENTER
    tablerows.append(t._tbl, widths, rows, right, style.BODY, head, HEADER_FILL)
    return t


def grid(doc, widths: list[float]):
    """An empty table of fixed columns ``widths`` cm wide (each row added takes its cells' widths from them)."""
    t = doc.add_table(rows=0, cols=len(widths))
    t.autofit = False
    for col, width in zip(t.columns, widths):
        col.width = Cm(width)
    return t


def cells(row) -> list[_Cell]:
    """The cells of a row the report made (no merged cells: Row.cells would work out the grid each time)."""
    return [_Cell(tc, row.table) for tc in row._tr.tc_lst]
