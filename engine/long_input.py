"""A long table in the pipeline: read and checked column-wise, scored at once, one Outcome per subject.

When a subject and period of the table is also filed by another input, the table goes the uniform way
instead: one raw submission per (subject, period), each checked and assembled like a file (so its
parts meet the other parts).  Nothing here imports pandas until a long table is actually read.
"""
from __future__ import annotations

from collections import defaultdict
from itertools import compress
from pathlib import Path
from typing import Iterator

from . import rules
from .assemble import Key, Part, key_of
from .campaign import Filing, PartInfo
from .model import Loc, Rubric
from .outcome import Outcome
from .problems import Problem, RubricError, errors
from .readers import TABLE_SUFFIXES


def is_long(path: Path, force: bool = False) -> bool:
    """A long table (many subjects in one .csv, or a .parquet)."""
    if Path(path).suffix.lower() not in TABLE_SUFFIXES:  # a .yaml: no need to import the table readers
        return False
    from .readers import long_table

    return long_table.sniff(path, force)



def read_file(path: Path, marks: bool):
    """A one-submission file: (RawSubmission | None, problems) (a file named with another suffix is read as
    YAML, as it always was)."""
    from .readers import read_one

    return read_one(path, marks)


class Table:
    """One long table read and checked against its rubric."""

    def __init__(self, path: str, rubric: Rubric | None, table, values, problems: list[Problem], owners: list):
        self.path, self.rubric, self.table, self.values = path, rubric, table, values
        self.problems, self.owners = problems, owners
        self.parts: list[Part] = []
        """Set when the table goes the uniform way (see as_parts)."""
        self._held: dict | None = None
        """(subject, period) -> the waivers of a pair left out for an error (made when first asked for)."""

    def keys(self) -> set[Key]:
        """(rubric id, subject, period) of every subject and period in the table (valid or not)."""
        if self.values is None:
            return set()
        pairs = list(zip(self.values.subjects.tolist(), self.values.periods.tolist())) + list(self.values.rejected)
        return {k for s, p in pairs if (k := key_of(self.rubric.id, str(s), p)) is not None}

    def clashes(self, taken: set[Key]) -> bool:
        return bool(self.keys() & taken)

    def as_parts(self, check_raw, finder) -> None:
        """The uniform way: each (subject, period) as a raw submission, checked like a file."""
        self.parts = [check_raw(raw, list(problems), finder) for raw, problems in self.table.raws()]

    def outcomes(self, scoring: bool) -> Iterator[Outcome]:
        """One Outcome per (subject, period), in the order the table first names them."""
        return (o for o, _ in self.rated(scoring))

    def rated(self, scoring: bool) -> Iterator[tuple[Outcome, dict]]:
        """outcomes, each with the values the rubric's rules read (engine.rules), its lte / sum_lte rules
        checked on its row."""
        if self.values is None:
            yield Outcome(self.path, None, self.problems), {}
            return
        owned: dict = defaultdict(list)
        loose = []
        for p, o in zip(self.problems, self.owners):
            (owned[o] if o is not None else loose).append(p)
        batch = None
        if scoring and len(self.values):
            from .vector.score import score_long

            batch = score_long(self.values, self.rubric)
        pairs = self._pairs(owned)
        if not pairs and not errors(loose):
            loose.append(Problem(Loc(self.path), "no subjects in the table: it has a header but no rows of values",
                                 code="empty"))
        if errors(loose) or not pairs:
            yield Outcome(self.path, None, loose), {}
            loose = []
        for n, (pair, row, line) in enumerate(pairs):
            said = (loose if n == 0 else []) + owned.get(pair, [])
            where = Loc(self.path, line)
            read = {}
            if row is not None and self.rubric.rules and not errors(said):
                read = rules.of_table_row(self.rubric, self.values, row)
                said = said + sorted(rules.check(self.rubric, read), key=lambda q: (q.loc.line, q.loc.col))
            filed = self._filing(pair, row, said)
            if row is None or errors(said):
                yield Outcome(self.path, None, said, where=where, filing=filed), read
            else:
                yield Outcome(self.path, None, said, row=(batch, self.rubric, row) if batch is not None else None,
                              where=where, filing=filed), read

    def _filing(self, pair: tuple, row: int | None, said: list[Problem]) -> Filing:
        """Who filed what for one (subject, period): the subject itself (a table has no filed_by), each measure
        with a value in its row, each valid waiver (done, SPEC 9); a pair left out for an error has only its
        invalid measures and its waivers known."""
        v = self.values
        filed = {} if row is None else dict.fromkeys(compress(v.measures, v.present[row].tolist()))
        invalid = frozenset(q.id for q in said if q.level == "error" and q.id in self.rubric.by_id) - filed.keys()
        name = str(v.names[row]) if row is not None else str(pair[0])
        waived = self._waivers(pair, row)
        if invalid:
            waived = {m: w for m, w in waived.items() if m not in invalid}
        return Filing(self.rubric, str(pair[0]), name, pair[1], (PartInfo(self.path),), filed, frozenset(invalid),
                      waived)

    def _waivers(self, pair: tuple, row: int | None) -> dict:
        """The waivers of a pair: its row's in the values, or, for a pair left out, those kept beside it."""
        v = self.values
        if row is not None:
            return dict(v.waivers[row]) if v.waivers else {}
        if not v.rejected_waivers:
            return {}
        if self._held is None:
            self._held = {tuple(p): w for p, w in zip(v.rejected, v.rejected_waivers)}
        return dict(self._held.get(tuple(pair), {}))

    def _pairs(self, owned: dict) -> list[tuple]:
        """(pair, row in the values or None, first line) for every pair, ordered by first line."""
        v = self.values
        out = []
        for i, pair in enumerate(zip(v.subjects.tolist(), v.periods.tolist())):
            at = v.rows[i][v.rows[i] >= 0] if v.rows is not None else ()
            out.append((pair, i, v.line(int(at.min())) if len(at) else 1))
        for pair in v.rejected:
            lines = [p.loc.line for p in owned.get(tuple(pair), [])]
            out.append((tuple(pair), None, min(lines) if lines else 1))
        return sorted(out, key=lambda x: x[2])


def load(path: Path, finder) -> Table:
    """Read a long table and check it against the rubric it names (or --rubric); problems, never exceptions
    (but a rubric that cannot be loaded is exit 2, as for a file)."""
    from . import readers
    from .long_chunked import Chunked, planned

    chunks = planned(path)
    if chunks is not None:
        return Chunked(str(path), finder, chunks)
    (name, table, problems), = readers.read(path, True, force_long=True)
    if table is None:
        return Table(name, None, None, None, list(problems), [None] * len(problems))
    found = finder.for_ref(table.rubric_ref, Loc(name))
    if isinstance(found, Problem):
        said = list(problems) + [found]
        return Table(name, None, table, None, said, [None] * len(said))
    from .parallel import relax_gc

    relax_gc(len(table.df) // 100)  # a table's checks, scores and outcomes make millions of acyclic objects
    values, more, owners = table.validate(found)
    return Table(name, found, table, values, list(problems) + list(more), [None] * len(problems) + list(owners))


__all__ = ["Table", "load", "is_long", "read_file", "RubricError"]
