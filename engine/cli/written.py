"""How report's table of what was written fits the terminal: a path is what a reader copies, so it stays on one
line wherever it can, the subject's name folding first; only when even that leaves too little room is a path
folded, after a '/'."""
from __future__ import annotations

import io
import re

from rich.cells import cell_len

from ..formats.fit import column, fit_table
from ..safe_text import BREAK, joined, styled

SUBJECT_MIN = 8
"""Cells the subject column keeps when it folds for the paths (four Chinese characters)."""
PATH_MIN = 16
"""Cells a path column keeps however narrow the terminal."""


def path_room(table, paths: list[str], subjects: list[str], width: int) -> int | None:
    """None when every path fits whole on one line (the paths column then keeps them whole, and the subject folds
    if need be), else the cells a path line may take: the room the other columns leave (at least PATH_MIN), or
    the longest piece between two '/' where the subject can fold to make room for it.
    ``table``: the table with every column but no path yet."""
    from ..safe_text import console

    longest = max((cell_len(p) for p in paths), default=0)
    header = table.columns[-1].header
    others = console(io.StringIO(), width=10_000).measure(table).maximum - cell_len(str(header))
    subject = max((cell_len(s) for s in subjects), default=0)
    room, slack = width - others, max(0, subject - SUBJECT_MIN)
    if longest <= room + slack:
        return None
    piece = max((cell_len(part) for p in paths for part in re.findall(r"[^/]+/?", p)), default=0)
    return max(room, min(piece, room + slack), PATH_MIN)  # folded after a '/': the subject folds only for a piece


def fold(path: str, room: int | None) -> list[str]:
    """The path as lines of at most ``room`` cells, each broken after a '/' where one falls within it."""
    if room is None:
        return [path]
    lines = []
    while cell_len(path) > room:
        cut = path.rfind("/", 0, room) + 1 or room
        lines.append(path[:cut])
        path = path[cut:]
    return lines + [path]


class Fitted:
    """The table of what was written, laid out for the console it is printed on (a rich renderable): ``heads`` the
    five column heads, ``rows`` (subject, period, total, grade, [paths])."""

    def __init__(self, title, heads: list[str], rows: list):
        self.title, self.heads, self.rows = title, heads, rows

    def __rich_console__(self, console, options):
        from rich import box

        t = fit_table(title=self.title, title_justify="left", box=box.SIMPLE_HEAD, expand=True)
        for i, head in enumerate(self.heads):
            column(t, head, "right" if i == 2 else "left")
        for row in self.rows:
            t.add_row(*row[:4], "")
        paths = [p for row in self.rows for p in row[4]]
        room = path_room(t, paths, [getattr(r[0], "plain", r[0]) for r in self.rows], options.max_width)
        t.columns[-1].no_wrap, t.columns[-1].width = room is None, room  # whole or folded: the subject folds first
        t.columns[-1]._cells = [styled(*joined([line for p in row[4] for line in fold(p, room)], BREAK))
                                for row in self.rows]
        yield t
