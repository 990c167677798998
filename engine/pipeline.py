"""One pipeline for every input and every command: read -> assemble -> validate -> score.

    for outcome in pipeline.run(paths, RubricFinder(rubric, rubrics_dir)):
        outcome.problems, outcome.card     # one Outcome per submission

A submission is a file, the parts that name one rubric, subject and period (engine.assemble), or a
(subject, period) of a long table.  Files are read and checked on every core (engine.parallel) and
scored one by one (engine.scoring); a long table is read and checked column-wise and scored at once
(engine.vector), its scorecards made only when asked for.  One bad input never stops the others.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Callable, Iterator

from . import parallel, rules, validate
from .assemble import Part, _in_order, assemble, filing, group, key_of
from .campaign import PartInfo
from .finder import RubricFinder
from .inputs import files
from .model import Loc, Rubric
from .outcome import Outcome
from .problems import Problem, RubricError, cap
from .stages import score_stages
from . import long_input as tables

Progress = Callable[[int, int], None]
"""Called with the number of inputs read so far and their number."""


def run(paths: list[str], finder: RubricFinder, scoring: bool = True, jobs: int | None = None,
        force_long: bool = False, progress: Progress | None = None) -> Iterator[Outcome]:
    """An Outcome per submission, in the order the inputs were given; ``scoring=False`` only validates."""
    return run_files(files(paths), finder, scoring, jobs, force_long, progress)


def run_files(paths: list[Path], finder: RubricFinder, scoring: bool = True, jobs: int | None = None,
              force_long: bool = False, progress: Progress | None = None) -> Iterator[Outcome]:
    """Outcomes for a list of files (see run)."""
    parallel.relax_gc(len(paths))
    longs = {p for p in paths if tables.is_long(p, force_long)}
    singles = [p for p in paths if p not in longs]
    parts = _read(singles, finder, jobs, progress)
    read = [tables.load(p, finder) for p in paths if p in longs]
    if progress:
        progress(len(paths), len(paths))
        for t in read:
            if hasattr(t, "chunks"):  # a big table: the bar goes on over its rows, a chunk at a time
                t.progress = progress
    taken = {p.key for p in parts if p.key is not None}
    for n, t in enumerate(read):
        if taken and t.clashes(taken):
            t.as_parts(check_raw, finder)
        if n + 1 < len(read):  # a table's keys matter only to the tables after it (a big one's cost a pass)
            taken |= t.keys()
    order = {str(p): i for i, p in enumerate(paths)}
    every = sorted(parts + [q for t in read for q in t.parts], key=lambda q: order[q.path])  # stable: in input order
    units = [(order[g[0].path], i, g) for i, g in enumerate(group(every))]
    units += [(order[t.path], -1, t) for t in read if not t.parts]
    def each():
        for _, _, unit in sorted(units, key=lambda u: (u[0], u[1])):
            if isinstance(unit, list):
                yield _finish(unit, finder, scoring)
            else:
                yield from unit.rated(scoring)
    locate = lambda value, mid: _locate(value, mid, finder)  # noqa: E731
    if len(units) == 1 and hasattr(units[0][2], "chunks"):  # a big table alone: its subjects' periods are all in
        for chunk in units[0][2].chunks(scoring):             # one chunk, so each is let go when it is checked
            yield from rules.over_periods(chunk, locate)
        return
    yield from rules.over_periods(each(), locate)


def _read(paths: list[Path], finder: RubricFinder, jobs: int | None, progress: Progress | None) -> list:
    """Every file read and checked, in order: Parts, or on worker processes Held parts (every part must be
    in before any submission is assembled, and a held one costs a tenth of the memory)."""
    out = []
    for part in parallel.map_ordered(_held if parallel.forks(jobs, len(paths)) else check_one, paths, finder, jobs):
        out.append(part)
        if progress and len(out) % 16 == 0:
            progress(len(out), len(paths))
    return out


class Held:
    """A Part as its worker sent it, kept packed until its submission is assembled (what group() reads of a
    Part is kept beside it)."""

    __slots__ = ("path", "key", "rubric_error", "blob")

    def __init__(self, part: Part):
        import pickle, zlib  # a batch's held parts only: not on a one-file run's path

        self.path, self.key, self.rubric_error = part.path, part.key, part.rubric_error
        self.blob = zlib.compress(pickle.dumps(part, protocol=pickle.HIGHEST_PROTOCOL), 1)

    def unpack(self) -> Part:
        import pickle, zlib

        return pickle.loads(zlib.decompress(self.blob))


def _held(path: Path, finder: RubricFinder) -> Held:
    return Held(check_one(path, finder))


def run_one(path: Path, finder: RubricFinder, scoring: bool = True) -> Outcome:
    """The Outcome of one submission file on its own."""
    return next(run_files([Path(path)], finder, scoring))


def check_one(path: Path, finder: RubricFinder) -> Part:
    """Read and check a file: first recording only where each entry and its value are (fast: the JSON result's
    source and the rubric's rules need no more); if the file has a problem, again with every place, so every
    problem is located."""
    quick = _check(path, finder, marks=False)
    if quick.problems or quick.rubric_error:
        return _check(path, finder, marks=True)
    return quick


def _check(path: Path, finder: RubricFinder, marks: bool) -> Part:
    raw, problems = tables.read_file(path, marks)
    if raw is None:
        return Part(str(path), None, tuple(problems))
    part = check_raw(raw, problems, finder)
    return part if marks else replace(part, located=False)


def check_raw(raw, problems: list[Problem], finder: RubricFinder) -> Part:
    """A raw submission checked against the rubric it names (or --rubric)."""
    where = raw.locs.get("rubric", Loc(raw.path))
    try:
        found = finder.for_ref(raw.rubric, where)
    except RubricError as e:
        return Part(raw.path, None, tuple(problems), rubric_error=tuple(e.problems))
    if isinstance(found, Problem):
        return Part(raw.path, None, tuple(problems + [found]))
    sub, more = validate.check(raw, found)
    problems = cap(sorted(problems + more, key=lambda p: (p.loc.line, p.loc.col)))  # one limit, one count
    return Part(raw.path, sub, tuple(problems), raw.rubric, where, key_of(found.id, raw.subject_id, raw.period),
                info=PartInfo(raw.path, raw.filed_by, raw.assessor, raw.stage))


def finish(parts: list, finder: RubricFinder, scoring: bool) -> Outcome:
    """Assemble the parts of one submission and score it (the rubric comes from this process's finder)."""
    return _finish(parts, finder, scoring)[0]


def _finish(parts: list, finder: RubricFinder, scoring: bool) -> tuple[Outcome, dict]:
    """finish, and the values the rubric's rules read of the submission (engine.rules)."""
    for p in parts:
        if p.rubric_error:
            raise RubricError(list(p.rubric_error))
    parts = [p.unpack() if isinstance(p, Held) else p for p in parts]
    done = assemble(parts)
    if len(parts) > 1 and done.problems and not all(p.located for p in parts):
        parts = [p if p.located else _check(Path(p.path), finder, marks=True) for p in parts]
        done = assemble(parts)  # once more with every place known, for the problems that point into both files
    path = parts[0].path
    rubric = finder.for_ref(parts[0].ref, parts[0].ref_loc) if parts[0].key is not None or parts[0].ok else None
    values = {}
    if isinstance(rubric, Rubric) and rubric.rules and done.submission is not None:
        parts, done, values = _ruled(parts, done, rubric, finder)
    filed = filing(parts, rubric, done.problems) if isinstance(rubric, Rubric) else None
    if done.submission is None or not scoring:  # None whenever any problem is an error
        return Outcome(path, None, done.problems, done.parts, filing=filed), values
    return Outcome(path, score_stages(rubric, done.submission), done.problems, done.parts, filing=filed), values


def _ruled(parts: list, done, rubric: Rubric, finder: RubricFinder) -> tuple:
    """The rubric's lte / sum_lte rules checked on an assembled submission (a rule may span parts): its
    problems added (each located at a value: the parts are read again with every place when one fires),
    the submission dropped when one is an error.  Returns (parts, assembled, the values rules read)."""
    values = rules.of_submission(rubric, done.submission)
    said = rules.check(rubric, values)
    if said and not all(p.located for p in parts) and not all(_placed(q.loc) for q in said):
        parts = [p if p.located else _check(Path(p.path), finder, marks=True) for p in parts]
        done = assemble(parts)
        if done.submission is None:
            return parts, done, {}
        values = rules.of_submission(rubric, done.submission)
        said = rules.check(rubric, values)
    if not said:
        return parts, done, values
    problems = _in_order(list(done.problems) + said, done.parts)
    sub = None if any(q.is_error for q in said) else done.submission
    return parts, replace(done, submission=sub, problems=problems), values


def _placed(loc: Loc) -> bool:
    """Whether a rule's problem has its value's place: a file read without marks still places each entry's
    value (engine.readers.yaml_file), and leaves anything else at 1:1, where no value of a submission stands."""
    return (loc.line, loc.col) != (1, 1)


def _locate(value, mid: str, finder: RubricFinder) -> Loc | None:
    """Where a value of a submission read without places was written: its parts read again with them."""
    for path in value.parts:
        part = _check(Path(path), finder, marks=True)
        sub = part.submission
        e = sub and (sub.verified.get(mid) or sub.entries.get(mid))
        if e is not None and e.loc is not None:
            return e.loc
    return None


__all__ = ["Outcome", "RubricFinder", "RubricError", "run", "run_files", "run_one", "files"]
