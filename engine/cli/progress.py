"""A progress bar for work that takes more than a second, on a terminal only."""
from __future__ import annotations

import time
from typing import Iterable, Iterator, TypeVar

T = TypeVar("T")
DELAY = 1.0
"""Seconds before the bar appears: short runs print nothing extra."""


class Bar:
    """A progress callback (done, total), as engine.pipeline calls it: after DELAY seconds on a terminal,
    a bar of how many of total are done; nothing otherwise. Use it as a context manager (it clears itself)."""

    def __init__(self, console, label: str = "scoring"):
        self.console, self.label = console, label
        self.start, self.bar, self.task = time.monotonic(), None, None

    def __call__(self, done: int, total: int) -> None:
        if total < 2 or not self.console.is_terminal:
            return
        if self.bar is None and time.monotonic() - self.start > DELAY:
            self._begin(total)
        if self.bar is not None:
            self.bar.update(self.task, completed=done, total=total)

    def _begin(self, total: int) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        from ..safe_text import visible

        from .common import voice
        from .lines import LINES, say

        label = visible(say(f"bar_{self.label}", voice()) if f"bar_{self.label}" in LINES else self.label)
        self.bar = Progress(TextColumn(label.replace("{", "{{").replace("}", "}}"), markup=False), BarColumn(),
                            MofNCompleteColumn(), TimeRemainingColumn(), console=self.console, transient=True)
        self.bar.start()
        self.task = self.bar.add_task(label, total=total)

    def __enter__(self) -> "Bar":
        return self

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()


def tracked(items: Iterable[T], total: int, console, label: str = "scoring") -> Iterator[T]:
    """Yield items, with a Bar of how many of total are done."""
    with Bar(console, label) as bar:
        for done, item in enumerate(items, 1):
            bar(done, total)
            yield item
