"""A long table read in chunks of whole subjects (engine.readers.long.chunks), in the pipeline as one table.

Each chunk is read, checked and scored as a table of its own and its outcomes given out before the next is read,
so a 32,000-subject table takes the memory of one chunk (and what the command keeps of each outcome).  What
belongs to the table rather than to a row (its header's problems, the encoding note) is said once, with the first
chunk.  The (subject, period) keys, needed only when other inputs are given with the table, take a pass of their
own.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from .assemble import Key
from .outcome import Outcome


class Chunked:
    """engine.long_input.Table's interface over the chunks of one big table."""

    def __init__(self, path: str, finder, plan):
        self.path, self.finder, self.plan = path, finder, plan
        self.parts: list = []
        self._keys: set[Key] | None = None
        self.progress = None
        """Called with (rows read, rows in all) as each chunk is reached (engine.pipeline's progress bar)."""

    def tables(self) -> Iterator:
        """Each chunk as an engine.long_input.Table (the rubric found from the first one's)."""
        from .long_input import Table
        from .model import Loc
        from .problems import Problem
        from .readers.long.chunks import frames
        from .readers.long_table import LongTable

        from .parallel import relax_gc

        rubric = None
        rows = self.plan.bounds[-1][1]
        relax_gc(rows // 100)  # as engine.long_input.load does for a table read whole
        for n, df in enumerate(frames(self.plan)):
            if self.progress is not None:
                self.progress(self.plan.bounds[n][0], rows)
            table = LongTable(self.path, df)
            if rubric is None:
                rubric = self.finder.for_ref(table.rubric_ref, Loc(self.path))
                if isinstance(rubric, Problem):
                    yield Table(self.path, None, table, None, [rubric], [None])
                    return
            values, problems, owners = table.validate(rubric)
            if n:  # the header's problems and the encoding note were said with the first chunk
                kept = [i for i, (p, o) in enumerate(zip(problems, owners)) if o is not None or p.loc.line > 1]
                problems, owners = [problems[i] for i in kept], [owners[i] for i in kept]
            yield Table(self.path, rubric, table, values, list(problems), list(owners))
        if self.progress is not None:
            self.progress(rows, rows)

    def keys(self) -> set[Key]:
        if self._keys is None:
            self._keys = set().union(*(t.keys() for t in self.tables()))
        return self._keys

    def clashes(self, taken: set[Key]) -> bool:
        return bool(self.keys() & taken)

    def as_parts(self, check_raw, finder) -> None:
        for t in self.tables():
            t.as_parts(check_raw, finder)
            self.parts += t.parts

    def rated(self, scoring: bool) -> Iterator[tuple[Outcome, dict]]:
        for t in self.tables():
            yield from t.rated(scoring)

    def chunks(self, scoring: bool) -> Iterator[Iterator[tuple[Outcome, dict]]]:
        """rated, a chunk at a time (every subject's periods stand in one chunk)."""
        return (t.rated(scoring) for t in self.tables())

    def outcomes(self, scoring: bool) -> Iterator[Outcome]:
        return (o for o, _ in self.rated(scoring))


def planned(path: Path):
    """The chunks of a big CSV long table whose subjects stand together (None: read it whole), after the checks
    every read makes (a regular file, no link out of its folder)."""
    import os

    from . import io
    from .readers.long.chunks import plan

    try:
        io.allow(path)
        os.close(io.open_fd(path))
    except OSError:
        return None  # the whole-table reader says why it cannot be read
    return plan(path)
