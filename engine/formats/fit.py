"""Terminal tables that keep every column at any width: text folds inside its cell instead.

Piped output and CI logs are 80 columns wide; a column must never be cropped or dropped there, and at 40 the
table must still have every column (Chinese text is two cells a character, so a column is at least two).
"""
from __future__ import annotations

from ..safe_text import text

NARROW = 60
"""Below this many columns a table drops its padding (columns stay a space apart) so every column keeps room."""


def fit_table(**options):
    """A rich Table (same options) that keeps every column at any console width: see FitTable."""
    return _fit_table()(**options)


def column(t, header: str, justify: str = "left", no_wrap: bool = False, min_width: int = 2) -> None:
    """A column that folds its text at any width rather than cropping it (or the table) at a narrow one;
    at least two cells wide, so that a Chinese character always fits. ``no_wrap`` only for a few cells of
    coloured background that must stay whole (the heatmap's ' 90 ')), ``min_width`` for a column that must not
    fold below a few characters (a rank, a name, a grade) while wide ones fold first."""
    t.add_column(text(header), justify=justify, overflow="fold", min_width=min_width, no_wrap=no_wrap)


_FIT = None


def _fit_table():
    global _FIT
    if _FIT is None:
        from rich.table import Table

        class FitTable(Table):
            """A Table that tightens its padding on a narrow console rather than losing a column."""

            def __rich_console__(self, console, options):
                if options.max_width < NARROW:
                    self.padding, self.show_edge = (0, 0), False
                yield from super().__rich_console__(console, options)

            def _calculate_column_widths(self, console, options):
                """rich's widths, then the widest columns narrowed again where its last resort (every column
                cut evenly, then each put back to its minimum) left the table wider than the console."""
                widths = super()._calculate_column_widths(console, options)
                room = options.max_width  # rich has taken the borders off already
                floors = [(c.min_width or 1) + self._get_padding_width(c._index) for c in self.columns]
                while sum(widths) > room:
                    i = max(range(len(widths)), key=lambda k: widths[k] - floors[k])
                    if widths[i] <= floors[i]:
                        break
                    widths[i] -= 1
                return widths

        _FIT = FitTable
    return _FIT
