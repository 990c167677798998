"""From paths to scorecards: find the files, find each one's rubric, read, check, score.

Each file gives an Outcome; one bad file never stops the others.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from . import rubric as rubrics
from . import io, parallel, submission, validate
from .model import Loc, Rubric, Submission, same_version
from .problems import Problem, RubricError, UsageError, cap, did_you_mean, errors
from .results import Scorecard
from .scoring import score

_HEADER = re.compile(r"^(rubric|version):\s*[\"']?([^\"'#\s]+)", re.M)


@dataclass(frozen=True)
class Outcome:
    """What became of one submission file."""

    path: str
    card: Scorecard | None
    """None when the file is invalid (or was only validated)."""
    problems: tuple[Problem, ...] = ()
    """Errors, warnings and notes, in file order."""

    @property
    def ok(self) -> bool:
        """True when the file has no error (it may have warnings and notes)."""
        return not errors(self.problems)


class RubricFinder:
    """Loads the rubric given by --rubric, or the one a submission names from a rubrics folder."""

    def __init__(self, rubric: str | None = None, rubrics_dir: str = "rubrics"):
        if rubric and not Path(rubric).is_file():
            raise UsageError(f"no such rubric file: {rubric}")
        self.fixed = rubrics.load(rubric) if rubric else None
        self.dir = Path(rubrics_dir)
        if self.dir.is_dir():
            io.protect(self.dir)
        elif rubric is None and rubrics_dir != "rubrics":
            raise UsageError(f"no such rubrics folder: {rubrics_dir}")
        self._index: dict[str, list[tuple[str, Path]]] | None = None
        self._cache: dict[Path, Rubric] = {}

    def for_ref(self, ref: str, where: Loc) -> Rubric | Problem:
        if self.fixed is not None:
            return self.fixed
        if not ref:
            return Problem(where, "no rubric: name one in the submission's 'rubric:' or pass --rubric")
        rid, _, version = ref.partition("@")
        found = self.index().get(rid, [])
        path = next((p for v, p in found if not version or same_version(v, version)), None)
        if path is None:
            return Problem(where, self._not_found(rid, version, found), code="unknown-rubric")
        if path not in self._cache:
            self._cache[path] = rubrics.load(path)
        return self._cache[path]

    def _not_found(self, rid: str, version: str, found: list) -> str:
        if found:
            have = ", ".join(v for v, _ in found)
            return f"rubric '{rid}' version {version} is not in {self.dir}/ (it has version {have})"
        hint = did_you_mean(rid, self.index())
        return f"rubric '{rid}' is not in {self.dir}/{hint}; pass --rubric or --rubrics-dir"

    def index(self) -> dict[str, list[tuple[str, Path]]]:
        """Rubric id -> [(version, path)], read from the first lines of each file."""
        if self._index is None:
            self._index = {}
            files = sorted(self.dir.glob("*.y*ml")) if self.dir.is_dir() else []
            for f in files:
                try:
                    text = f.read_text(encoding="utf-8", errors="replace")
                except OSError:
                    continue  # an unreadable file is not a rubric we can offer
                head = dict(m.groups() for m in _HEADER.finditer(text))
                if "rubric" in head:
                    self._index.setdefault(head["rubric"], []).append((head.get("version", ""), f))
        return self._index


def files(paths: list[str]) -> list[Path]:
    """The submission files under the given paths; UsageError for a path that does not exist."""
    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        raise UsageError(f"no such file or folder: {', '.join(missing)}")
    odd = [p for p in paths if not (Path(p).is_dir() or Path(p).is_file())]
    if odd:
        raise UsageError(f"not a regular file or folder: {', '.join(odd)}")
    for p in paths:
        if Path(p).is_dir():
            io.protect(p)
    return submission.find(paths)


def run(paths: list[str], finder: RubricFinder, scoring: bool = True, jobs: int | None = None
        ) -> Iterator[Outcome]:
    """An Outcome per submission file, in order; ``scoring=False`` only validates."""
    return run_files(files(paths), finder, scoring, jobs)


def run_files(paths: list[Path], finder: RubricFinder, scoring: bool = True, jobs: int | None = None
              ) -> Iterator[Outcome]:
    """Outcomes for a list of files, read and validated on several cores when there are many."""
    checked = parallel.map_ordered(check_one, paths, finder, jobs)
    for c in checked:
        yield finish(c, finder, scoring)


def run_one(path: Path, finder: RubricFinder, scoring: bool = True) -> Outcome:
    return finish(check_one(path, finder), finder, scoring)


@dataclass(frozen=True)
class Checked:
    """A file read and validated (the slow part), before scoring."""

    path: str
    submission: Submission | None
    problems: tuple[Problem, ...]
    ref: str = ""
    ref_loc: Loc | None = None
    rubric_error: tuple[Problem, ...] = ()
    """The rubric the file names could not be loaded (exit 2)."""


def check_one(path: Path, finder: RubricFinder) -> Checked:
    """Read and validate a file: first without recording places (fast); if anything is to be said
    about the file, again with places, so every problem is located."""
    quick = _check(path, finder, marks=False)
    if quick.problems or quick.rubric_error:
        return _check(path, finder, marks=True)
    return quick


def _check(path: Path, finder: RubricFinder, marks: bool) -> Checked:
    raw, problems = submission.read(path, marks)
    if raw is None:
        return Checked(str(path), None, tuple(problems))
    where = raw.locs.get("rubric", Loc(str(path)))
    try:
        found = finder.for_ref(raw.rubric, where)
    except RubricError as e:
        return Checked(str(path), None, tuple(problems), rubric_error=tuple(e.problems))
    if isinstance(found, Problem):
        return Checked(str(path), None, tuple(problems + [found]))
    sub, more = validate.check(raw, found)
    problems = cap(sorted(problems + more, key=lambda p: (p.loc.line, p.loc.col)))  # one limit, one count
    return Checked(str(path), None if errors(problems) else sub, tuple(problems), raw.rubric, where)


def finish(c: Checked, finder: RubricFinder, scoring: bool) -> Outcome:
    """Score a checked file in this process (the rubric comes from this process's finder)."""
    if c.rubric_error:
        raise RubricError(list(c.rubric_error))
    if c.submission is None or not scoring:
        return Outcome(c.path, None, c.problems)
    return Outcome(c.path, score(finder.for_ref(c.ref, c.ref_loc), c.submission), c.problems)


__all__ = ["Outcome", "RubricFinder", "RubricError", "run", "run_files", "run_one", "files"]
