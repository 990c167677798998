"""Paragraphs, runs and tables of the Word report: every text through ``clean``, every run with its East
Asian font, every table with a repeated, shaded header row and its columns' widths and alignment."""
from __future__ import annotations

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm

from . import style
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
    """A run of literal text with the Latin and East Asian fonts named on it."""
    run = par.add_run(clean(text))
    if bold:
        run.bold = True
    run._r.get_or_add_rPr().insert(0, style.rfonts(*font))
    return run


def table(doc, head: list[str], rows, widths: list[float], right: frozenset[int] = frozenset()):
    """A grid table: the header row shaded, bold and repeated on every page; ``widths`` in cm; the columns
    in ``right`` (numbers) right-aligned. Each row is a list of cell texts (a cell may be (text, bold))."""
    t = grid(doc, widths)
    t._tbl.tblStyle_val, t.alignment = style_id(doc, "Table Grid"), WD_TABLE_ALIGNMENT.CENTER
    fill_row(t.add_row(), head, right, bold=True)
    _header(t.rows[0])
    for cells in rows:
        fill_row(t.add_row(), cells, right)
    return t


def grid(doc, widths: list[float]):
    """An empty table of fixed columns ``widths`` cm wide (each row added takes its cells' widths from them)."""
    t = doc.add_table(rows=0, cols=len(widths))
    t.autofit = False
    for col, width in zip(t.columns, widths):
        col.width = Cm(width)
    return t


def fill_row(row, texts, right, bold: bool = False) -> None:
    for i, (cell, value) in enumerate(zip(row.cells, texts)):
        text, strong = value if isinstance(value, tuple) else (value, bold)
        par = cell.paragraphs[0]
        if i in right:
            par.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        add(par, text, strong)


def _header(row) -> None:
    """Shade the header cells and repeat the row at the top of every page the table runs onto."""
    row._tr.get_or_add_trPr().append(row._tr.makeelement(qn("w:tblHeader"), {qn("w:val"): "true"}))
    for cell in row.cells:
        tcpr = cell._tc.get_or_add_tcPr()
        tcpr.append(tcpr.makeelement(qn("w:shd"), {qn("w:val"): "clear", qn("w:color"): "auto",
                                                   qn("w:fill"): HEADER_FILL}))
