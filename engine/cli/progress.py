"""A progress bar for batches that take more than a second, on a terminal only."""
from __future__ import annotations

import time
from typing import Iterable, Iterator, TypeVar

T = TypeVar("T")
DELAY = 1.0
"""Seconds before the bar appears: short runs print nothing extra."""


def tracked(items: Iterable[T], total: int, console, label: str = "scoring") -> Iterator[T]:
    """Yield items; after DELAY seconds on a terminal, show a bar of how many of total are done."""
    if total < 2 or not console.is_terminal:
        yield from items
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from ..safe_text import visible

    start, bar, task = time.monotonic(), None, None
    try:
        for done, item in enumerate(items, 1):
            if bar is None and time.monotonic() - start > DELAY:
                bar = Progress(TextColumn(visible(label).replace("{", "{{").replace("}", "}}"), markup=False),
                               BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), console=console,
                               transient=True)
                bar.start()
                task = bar.add_task(visible(label), total=total)
            if bar is not None:
                bar.update(task, completed=done)
            yield item
    finally:
        if bar is not None:
            bar.stop()
