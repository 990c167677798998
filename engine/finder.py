"""Which rubric scores a submission: the one given by --rubric, or the one it names, from a rubrics folder."""
from __future__ import annotations

import re
from pathlib import Path

from . import io
from . import rubric as rubrics
from .inputs import _skip, explicit_file, folder_given, walk, warn
from .model import Loc, Rubric, same_version
from .problems import Problem, RubricError, UsageError, did_you_mean  # noqa: F401 - RubricError for callers

_HEADER = re.compile(r"^(rubric|version):\s*[\"']?([^\"'#\s]+)", re.M)


class RubricFinder:
    """Loads the rubric given by --rubric, or the one a submission names from a rubrics folder."""

    def __init__(self, rubric: str | None = None, rubrics_dir: str = "rubrics"):
        if rubric:
            explicit_file(rubric, "rubric file")
            io.allow(rubric)
        self.dir = Path(rubrics_dir)
        lookup = self.dir if self.dir.is_dir() and not self.dir.is_symlink() else None  # for a tailoring's parent
        self.fixed = rubrics.load(rubric, lookup) if rubric else None
        if self.dir.is_dir() and not (rubric and self.dir.is_symlink()):  # with --rubric it is never read
            folder_given(self.dir)
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
        path = pick(self.index().get(rid, []), version)
        if path is None:
            return Problem(where, not_found(self.dir, self.index(), rid, version), code="unknown-rubric")
        if path not in self._cache:
            self._cache[path] = rubrics.load(path, self.dir)
        return self._cache[path]

    def index(self) -> dict[str, list[tuple[str, Path]]]:
        """Rubric id -> [(version, path)], read from the first lines of each file (only regular files
        inside the rubrics folder: a FIFO, a device or a link out of the folder is skipped, and said)."""
        if self._index is None:
            self._index, skipped = folder_index(self.dir)
            warn(skipped)
        return self._index


def folder_index(folder: Path) -> tuple[dict[str, list[tuple[str, Path]]], list[Problem]]:
    """Rubric id -> [(version, path)] of a folder's rubric files, and a warning for each file skipped."""
    index: dict[str, list[tuple[str, Path]]] = {}
    files, skipped = walk(folder, ("*.yaml", "*.yml"), recurse=False) if folder.is_dir() else ([], [])
    for f in files:
        try:
            text = io.read_bytes(f, HEAD_BYTES)[:HEAD_BYTES].decode("utf-8", errors="replace")
        except OSError as e:
            skipped.append(_skip(f, e.strerror or str(e)))
            continue
        head = dict(m.groups() for m in _HEADER.finditer(text))
        if "rubric" in head:
            index.setdefault(head["rubric"], []).append((head.get("version", ""), f))
    return index, skipped


def pick(found: list[tuple[str, Path]], version: str) -> Path | None:
    """The file of the version asked for (any version when none is asked for)."""
    return next((p for v, p in found if not version or same_version(v, version)), None)


def not_found(folder: Path, index: dict, rid: str, version: str) -> str:
    """Why 'rid@version' is not in the folder, with the versions it has or a near id."""
    found = index.get(rid, [])
    if found:
        have = ", ".join(v for v, _ in found)
        return f"rubric '{rid}' version {version} is not in {folder}/ (it has version {have})"
    return f"rubric '{rid}' is not in {folder}/{did_you_mean(rid, index)}; pass --rubric or --rubrics-dir"


HEAD_BYTES = 65536
"""How much of each file in the rubrics folder the lookup reads for its rubric: and version: lines."""
