"""Use both cores for many files: an ordered map over worker processes that inherit the rubric.

Workers are forked, so each inherits the already-loaded rubric finder instead of re-reading it;
they return small, picklable results. Where fork is unavailable, or for few files, it runs here.
"""
from __future__ import annotations

import gc
import os
from typing import Callable, Iterator

MIN_FILES = 48
"""Fewer files than this are not worth starting workers for."""
BATCH_GC = (50_000, 20, 100)
"""Garbage-collection thresholds for a batch of files: reading them makes millions of small dicts, lists and
tuples, nearly none in a cycle, and the default thresholds (700, 10, 10) spend a fifth of a batch's time
walking them again and again."""
_STATE: tuple = ()


def workers(requested: int | None, n_items: int) -> int:
    """How many processes: SCORECARD_JOBS or the request, else one per core (at most 8)."""
    env = os.environ.get("SCORECARD_JOBS", "")
    want = requested or (int(env) if env.isdigit() else 0) or min(os.cpu_count() or 1, 8)
    return 1 if n_items < MIN_FILES else max(1, want)


def relax_gc(n_items: int) -> None:
    """Collect garbage less often from here on in this process (and the workers it forks), for a batch."""
    if n_items >= MIN_FILES and gc.get_threshold()[0] < BATCH_GC[0]:
        gc.set_threshold(*BATCH_GC)


def forks(jobs: int | None, n_items: int) -> bool:
    """Whether map_ordered will run on worker processes for this many items."""
    if workers(jobs, n_items) == 1:
        return False
    import multiprocessing  # only for a batch: a one-file check does not pay for it

    return "fork" in multiprocessing.get_all_start_methods()


def map_ordered(fn: Callable, items: list, shared, jobs: int | None = None) -> Iterator:
    """fn(item, shared) for every item, in order, on several processes when worth it."""
    if not forks(jobs, len(items)):
        return (fn(item, shared) for item in items)
    return _forked(fn, items, shared, workers(jobs, len(items)))


def _forked(fn: Callable, items: list, shared, n: int) -> Iterator:
    """Ordered results from forked workers. If a worker dies (the pool breaks), the items not yet
    returned are done here instead, so a batch never hangs on a lost task."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    global _STATE
    _STATE = (fn, shared)
    chunk = max(1, min(32, len(items) // (n * 8)))
    done = 0
    try:
        with ProcessPoolExecutor(n, mp_context=multiprocessing.get_context("fork")) as pool:
            for result in pool.map(_call, items, chunksize=chunk):
                done += 1
                yield result
    except BrokenProcessPool:
        for item in items[done:]:
            yield fn(item, shared)


def _call(item):
    fn, shared = _STATE
    return fn(item, shared)
