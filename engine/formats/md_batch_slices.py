"""A scored batch's texts written slice by slice on both cores (engine.formats.forked's slices and
engine.parallel's forked workers, which inherit the batch): what md_batch and html_batch share.

``write(fixed, rows)`` gives the texts of a slice's rows; ``fixed`` (what a run writes the same on every row)
is made once in each process by ``make(batch, rubric, lang)``.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator

import numpy as np

from . import forked

_HELD: dict = {}
"""In each process: the fixed pieces of the run being written."""


def texts(batch, rubric, lang: str | None, make: Callable, write: Callable, size: int | None = None,
          jobs: int | None = None) -> Iterator:
    """write(fixed, rows) of every slice of ``size`` rows (forked's by default), in row order, on ``jobs``
    processes (engine.parallel.workers)."""
    try:
        for written in forked.mapped(_slice, len(batch), (batch, rubric, lang, make, write), size, jobs):
            yield from written
    finally:
        _HELD.clear()


def _slice(bounds: tuple[int, int], shared: tuple) -> list:
    from ..readers.long.checks import gc_paused

    batch, rubric, lang, make, write = shared
    if _HELD.get("run") is not shared:
        _HELD.clear()
        _HELD.update(run=shared, fixed=make(batch, rubric, lang))
    with gc_paused():
        return write(_HELD["fixed"], np.arange(*bounds))
