"""Table rows as WordprocessingML, parsed by lxml in one go per table.

A report has thousands of cells; python-docx builds each cell, paragraph and run element by element in
Python (about 40 element insertions per cell). The rows here are the same elements python-docx would
make (w:tr > w:tc > w:tcPr/w:tcW, w:p > w:pPr/w:jc, w:r > w:rPr/w:rFonts, w:b, w:t), written as text
and parsed with python-docx's own parser, so python-docx reads them back as its own. Every text goes
through ``clean`` and is XML-escaped.
"""
from __future__ import annotations

from xml.sax.saxutils import escape

from docx.oxml import parse_xml
from docx.shared import Cm

from .text import clean

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def append(tbl, widths: list[float], rows, right: frozenset[int], fonts: tuple[str, str], header=None,
           fill: str = "") -> None:
    """Add the header row (bold, shaded ``fill``, repeated on every page) and ``rows`` to a w:tbl."""
    twips = [int(Cm(w).twips) for w in widths]
    xml = [] if header is None else [row(header, twips, right, fonts, True, fill)]
    xml += [row(cells, twips, right, fonts) for cells in rows]
    for tr in parse_xml(f'<w:tbl xmlns:w="{W}">{"".join(xml)}</w:tbl>'):
        tbl.append(tr)


def row(cells, twips: list[int], right: frozenset[int], fonts: tuple[str, str], bold: bool = False,
        fill: str = "") -> str:
    """One w:tr; a cell is a text or (text, bold)."""
    head = '<w:trPr><w:tblHeader w:val="true"/></w:trPr>' if fill else ""
    return f"<w:tr>{head}{''.join(cell(c, twips[i], i in right, fonts, bold, fill) for i, c in enumerate(cells))}</w:tr>"


def cell(value, twips: int, right: bool, fonts: tuple[str, str], bold: bool, fill: str) -> str:
    text, strong = value if isinstance(value, tuple) else (value, bold)
    shade = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
    jc = '<w:pPr><w:jc w:val="right"/></w:pPr>' if right else ""
    return (f'<w:tc><w:tcPr><w:tcW w:w="{twips}" w:type="dxa"/>{shade}</w:tcPr>'
            f"<w:p>{jc}{run(clean(text), fonts, strong)}</w:p></w:tc>")


def run(text: str, fonts: tuple[str, str], bold: bool) -> str:
    """A w:r of literal text ('' for none: an empty cell holds an empty paragraph)."""
    if not text:
        return ""
    latin, east = (escape(f, {'"': "&quot;"}) for f in fonts)
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return (f'<w:r><w:rPr><w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:cs="{latin}" w:eastAsia="{east}"/>'
            f'{"<w:b/>" if bold else ""}</w:rPr><w:t{space}>{escape(text)}</w:t></w:r>')
