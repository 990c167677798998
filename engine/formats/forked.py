"""A card-by-card text format of a long table rendered on both cores (``-f table -o`` of 3,200 scorecards).

Whole scored batches (engine.outcome.Cards.runs) are cut into slices of rows; forked workers
(engine.parallel.map_ordered: the batch and the rubric inherited, only the slice bounds sent) make each slice's
scorecards from the batch and render them with ``render``, sending back only the text, which comes out here in
the table's order.  Scorecards that come one by one, and small batches, are rendered here.  The text is the one
rendering the cards in this process writes: ``render`` must depend on nothing but the cards it is given.
"""
from __future__ import annotations

from typing import Callable, Iterator

SLICES = 64
"""A batch is cut into about this many slices (at most SLICE rows each): enough for the workers to share."""
SLICE = 64


def texts(cards, render: Callable[[list], str]) -> Iterator[str]:
    """``render`` of every scorecard, in order: a batch slice by slice, on worker processes when it is big."""
    if not hasattr(cards, "runs"):
        for card in cards:
            yield render([card])
        return
    for run in cards.runs():
        if run[0] == "cards":
            yield render(run[1])
            continue
        _, batch, rubric = run
        yield from mapped(_slice, len(batch), (batch, rubric, render))


def bounds(n: int, size: int | None = None) -> list[tuple[int, int]]:
    """The slices of ``n`` rows: of ``size`` rows each, by default about SLICES of at most SLICE rows."""
    size = size or max(1, min(SLICE, -(-n // SLICES)))
    return [(a, min(a + size, n)) for a in range(0, n, size)]


def mapped(fn: Callable, n: int, shared, size: int | None = None, jobs: int | None = None) -> Iterator:
    """fn(slice bounds, shared) of every slice of ``n`` rows, in order, on forked workers when worth it (the
    garbage collector relaxed for the batch, the workers let go at the end)."""
    from .. import parallel

    parallel.relax_gc(n)
    results = parallel.map_ordered(fn, bounds(n, size), shared, jobs)
    try:
        yield from results
    finally:
        getattr(results, "close", lambda: None)()


def _slice(rows: tuple[int, int], shared) -> str:
    from ..readers.long.checks import gc_paused
    from ..vector.cards import card

    batch, rubric, render = shared
    with gc_paused():
        return render([card(batch, rubric, i) for i in range(*rows)])
