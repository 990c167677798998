"""From paths to scorecards: find the files, find each one's rubric, read, check, score.

Each file gives an Outcome; one bad file never stops the others.
"""
from __future__ import annotations

import fnmatch
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from . import rubric as rubrics
from . import io, parallel, readers, validate
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
        if rubric:
            _explicit_file(rubric, "rubric file")
            io.allow(rubric)
        self.fixed = rubrics.load(rubric) if rubric else None
        self.dir = Path(rubrics_dir)
        if self.dir.is_dir() and not (rubric and self.dir.is_symlink()):  # with --rubric it is never read
            _folder_given(self.dir)
            io.protect(self.dir)
            io.allow(self.dir)
        elif rubric is None and rubrics_dir != "rubrics":
            raise UsageError(f"no such rubrics folder: {rubrics_dir}")
        self._index: dict[str, list[tuple[str, Path]]] | None = None
        self._cache: dict[Path, Rubric] = {}
        if self.fixed is None:
            self.index()  # now, once: forked workers inherit it, and what it skips is said once

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
        """Rubric id -> [(version, path)], read from the first lines of each file (only regular files
        inside the rubrics folder: a FIFO, a device or a link out of the folder is skipped, and said)."""
        if self._index is None:
            self._index = {}
            files, skipped = walk(self.dir, ("*.yaml", "*.yml"), recurse=False) if self.dir.is_dir() else ([], [])
            for f in files:
                try:
                    text = io.read_bytes(f, HEAD_BYTES)[:HEAD_BYTES].decode("utf-8", errors="replace")
                except OSError as e:
                    skipped.append(_skip(f, e.strerror or str(e)))
                    continue
                head = dict(m.groups() for m in _HEADER.finditer(text))
                if "rubric" in head:
                    self._index.setdefault(head["rubric"], []).append((head.get("version", ""), f))
            warn(skipped)
        return self._index


HEAD_BYTES = 65536
"""How much of each file in the rubrics folder the lookup reads for its rubric: and version: lines."""


def files(paths: list[str]) -> list[Path]:
    """The submission files under the given paths; UsageError for a path that does not exist, is no
    regular file or folder, or is a link out of its folder. In folders, what cannot be read (links out
    of the folder given, FIFOs, devices, sockets) is skipped with a warning naming it."""
    missing = [p for p in paths if not os.path.lexists(p)]
    if missing:
        raise UsageError(f"no such file or folder: {', '.join(missing)}")
    out: list[Path] = []
    for p in paths:
        path = Path(p)
        io.allow(path)
        if path.is_dir():
            _folder_given(path)
            io.protect(path)
            found, skipped = walk(path, tuple("*" + s for s in readers.FILE_SUFFIXES))
            out += found
            warn(skipped)
        else:
            _explicit_file(p, "file or folder")
            out.append(path)
    for f in out:
        io.note_input(f)
    return out


def _folder_given(path: Path) -> None:
    """UsageError when a folder given is a symbolic link that leads out of the folder holding it (a link
    committed as submissions/x -> /etc, passed by a hook, must not make the engine read /etc)."""
    if path.is_symlink() and not io.inside(os.path.realpath(path), os.path.realpath(path.parent)):
        raise UsageError(f"refusing to read {path}: a symbolic link that leads outside {path.parent}")


def _explicit_file(p: str, what: str) -> None:
    """UsageError unless p is a regular file (a link to one inside its own folder is followed)."""
    path = Path(p)
    if not os.path.lexists(path):
        raise UsageError(f"no such {what}: {p}")
    outside = io.leaves_tree(path)
    if outside is not None:
        raise UsageError(f"refusing to read {p}: a symbolic link that leads outside {outside}")
    try:
        mode = os.stat(path).st_mode
    except OSError as e:
        raise UsageError(f"cannot read {p}: {e.strerror or e}") from None
    if not stat.S_ISREG(mode):
        raise UsageError(f"not a regular {'file or folder' if 'folder' in what else 'file'}: {p} ({io.kind(mode)})")


def walk(root: Path, patterns: tuple[str, ...], recurse: bool = True) -> tuple[list[Path], list[Problem]]:
    """Regular files matching a pattern under root (no hidden file or folder), in a stable order, and
    a warning for each entry skipped: a link that leads out of root, a FIFO, a device, a socket.
    Links to folders are never descended (their files inside root are reached anyway)."""
    found: list[Path] = []
    skipped: list[Problem] = []
    for folder, dirs, names in os.walk(root, followlinks=False):
        here = Path(folder)
        dirs[:] = [d for d in dirs if not d.startswith(".")] if recurse else []
        for name in sorted(dirs):
            if (here / name).is_symlink() and io.leaves_tree(here / name):
                skipped.append(_skip(here / name, f"a symbolic link to a folder outside {root}; not followed"))
        for name in names:
            if name.startswith(".") or not any(fnmatch.fnmatch(name.lower(), pat) for pat in patterns):
                continue
            why = _unreadable(here / name)
            if why:
                skipped.append(_skip(here / name, why))
            else:
                found.append(here / name)
    return sorted(found), sorted(skipped, key=lambda p: p.loc.file)


def _unreadable(path: Path) -> str:
    """Why a file found in a folder is not read ('' when it is a regular file, or a link to one that
    stays inside the folder given)."""
    try:
        mode = os.lstat(path).st_mode
        if stat.S_ISLNK(mode):
            outside = io.leaves_tree(path)
            if outside is not None:
                return f"a symbolic link that leads outside {outside}; not followed"
            mode = os.stat(path).st_mode
    except OSError as e:
        return e.strerror or str(e)
    return "" if stat.S_ISREG(mode) else f"not a regular file ({io.kind(mode)})"


def _skip(path: Path, why: str) -> Problem:
    return Problem(Loc(str(path)), f"not read: {why}", level="warning", code="io")


def warn(skipped: list[Problem]) -> None:
    """Say on stderr what was skipped (the commands' own problem printer, so nothing in a file name is
    interpreted)."""
    if skipped:
        from .cli.common import err_console, print_problems

        print_problems(skipped, err_console(), levels=("warning",))


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
    raw, problems = readers.read_one(path, marks)
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
