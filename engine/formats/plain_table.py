"""A rich Table's lines as rich writes them to a file (no colour, no terminal), without rich's per-cell rendering.

``-o FILE`` of 3,200 scorecards is 3,200 measure tables of 140 rows: rich lays out and renders every cell
as segments, about 0.1 s a table.  Here rich still decides everything that needs judgement: the column
widths (its own algorithm, FitTable's included, run over the few rows that hold each column's widest text
and widest word, which is all its measurement reads) and the folding of any text wider than its cell
(rich's own wrap, remembered per text and width); the rest is padding and box characters, the way
rich's Table._render joins them.  A table or console using anything else falls back to rich itself
(tests/test_formats_scale.py holds the two to the same text).
"""
from __future__ import annotations

from functools import lru_cache

from .fit import NARROW


def print_table(console, table) -> None:
    """``console.print(table)``, written line by line when the console is a plain file one."""
    lines = table_lines(console, table)
    if lines is None:
        console.print(table)
    else:
        write = console.file.write
        for line in lines:  # the line and its end apart: the guard on the file looks for the last line's start
            write(line)     # in what it is given, in time that grows with the square of a line's length
            write("\n")


def table_lines(console, table) -> list[str] | None:
    """The lines console.print(table) writes, or None when this cannot tell them."""
    if not _plain_console(console) or not _plain_table(table):
        return None
    cells = [[_plain(console, c) for c in col._cells] for col in table.columns]
    if cells[0] is None or any(p is None for col in cells for p in col):
        return None
    options = console.options
    widths = _widths(console, table, cells, options)
    table_width = sum(widths) + table._extra_width
    if table_width > options.max_width or min(widths) < 3:
        return None
    box = table.box.substitute(options, safe=console.safe_box if table.safe_box is None else table.safe_box)
    out = []
    if table.title:
        title = _plain(console, console.render_str(table.title) if isinstance(table.title, str) else table.title)
        if title is None or "\n" in title or _len(title) > table_width or table.title_justify != "left":
            return None
        out.append(title + " " * (table_width - _len(title)))
    justify = [c.justify for c in table.columns]
    heads = [_plain(console, console.render_str(c.header) if isinstance(c.header, str) else c.header)
             for c in table.columns]
    if any(h is None for h in heads):
        return None
    out.append(box.get_top(widths))
    out += _row(heads, widths, justify, (box.head_left, box.head_vertical, box.head_right), console, "bottom")
    out.append(box.get_row(widths, "head", edge=True))
    n = len(table.rows)
    for i, row in enumerate(table.rows):
        edge = (box.foot_left, box.foot_vertical, box.foot_right) if i == n - 1 else \
            (box.mid_left, box.mid_vertical, box.mid_right)
        out += _row([col[i] for col in cells], widths, justify, edge, console, "top")
        if row.end_section and i < n - 1:
            out.append(box.get_row(widths, "row", edge=True))
    out.append(box.get_bottom(widths))
    return out


def _plain_console(console) -> bool:
    return (not console.is_terminal and console.color_system is None and not console.record and not console.legacy_windows
            and console.width >= NARROW)


def _plain_table(table) -> bool:
    t = table
    return bool(t.columns and t.box and t.show_edge and t.show_header and not t.show_footer and not t.show_lines
                and not t.leading and t.caption is None and t.width is None and t.min_width is None
                and tuple(t.padding) == (0, 1, 0, 1) and t.pad_edge and not t.collapse_padding and t.row_styles == []
                and all(c.vertical == "top" and not c.no_wrap and c.overflow == "fold" and c.width is None
                        and c.ratio is None and c.justify in ("left", "right") for c in t.columns)
                and all(r.style is None for r in t.rows))


def _plain(console, cell) -> str | None:
    """A cell's text (a str as rich would make it a Text), None for any other renderable or one with tabs
    or its own justification."""
    from rich.text import Text

    if isinstance(cell, str):
        cell = console.render_str(cell)
    if type(cell) is not Text or cell.justify or cell.overflow or cell.no_wrap or "\t" in cell.plain:
        return None
    return cell.plain


def _widths(console, table, cells: list[list[str]], options) -> list[int]:
    """rich's column widths, measured over the rows holding each column's widest text or widest word."""
    keep = set()
    for col in cells:
        if col:
            keep.add(max(range(len(col)), key=lambda i: _widest(col[i])))
            keep.add(max(range(len(col)), key=lambda i: _word(col[i])))
    rows = sorted(keep)
    saved = [c._cells for c in table.columns]
    try:
        for c in table.columns:
            c._cells = [c._cells[i] for i in rows]
        return table._calculate_column_widths(console, options.update_width(options.max_width - table._extra_width))
    finally:
        for c, kept in zip(table.columns, saved):
            c._cells = kept


@lru_cache(maxsize=1 << 16)
def _widest(text: str) -> int:
    lines = text.splitlines()
    return max(map(_len, lines)) if lines else 0


@lru_cache(maxsize=1 << 16)
def _word(text: str) -> int:
    words = text.split()
    return max(map(_len, words)) if words else _widest(text)


def _len(text: str) -> int:
    from rich.cells import cell_len

    return cell_len(text)


def _row(texts, widths, justify, edge, console, vertical: str) -> list[str]:
    """A row's lines: each cell folded to its width less the padding, padded, aligned, between the box's edges."""
    left, mid, right = edge
    cells = [_cell(console, t, w - 2, j) for t, w, j in zip(texts, widths, justify)]
    height = max(map(len, cells))
    if height == 1:
        return [left + mid.join(" " + c[0] + " " for c in cells) + right]
    lines = []
    for k in range(height):
        parts = []
        for c, w in zip(cells, widths):
            at = k if vertical == "top" else k - (height - len(c))
            parts.append(" " + c[at] + " " if 0 <= at < len(c) else " " * w)
        lines.append(left + mid.join(parts) + right)
    return lines


@lru_cache(maxsize=1 << 16)
def _cell(console, text: str, width: int, justify: str) -> tuple[str, ...]:
    """The lines of a cell's text at ``width`` cells, justified, as rich folds it."""
    size = _len(text)
    if size <= width and "\n" not in text and "\r" not in text and (justify == "left" or text == text.rstrip()):
        pad = " " * (width - size)
        return (text + pad,) if justify == "left" else (pad + text,)
    from rich.text import Text

    lines = Text(text).wrap(console, width, justify=justify, overflow="fold")
    return tuple(line.plain + " " * (width - _len(line.plain)) for line in lines)
