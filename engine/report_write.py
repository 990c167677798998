"""Writing a report set into a folder whole or not at all (`scorecard report`).

Every file is first written into a hidden staging folder inside the output folder (same file system,
so the moves below are renames). Only when all of them are written are they moved into place: a file
of the previous set is moved aside first and put back if a later move fails, so a failure at any
point leaves the previous set as it was. Files in the folder that are not part of the new set (a
user's own, or an earlier set's subject that is gone) are never touched. Nothing is written through
a symbolic link: a link, a FIFO or a device where the set has a file or a folder is refused before
anything is written. A killed run (SIGKILL) can leave its staging folder; the next run removes it.
"""
from __future__ import annotations

import errno
import os
import secrets
import shutil
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from . import io
from .problems import UsageError

STAGING = ".scorecard-staging-"


def write_set(folder: Path, files) -> None:
    """Put exactly these files (relative path, content; a list, or an iterable made as it is read, so a set of
    thousands of reports is never held whole) in folder, replacing the engine's previous set. ``files`` may
    instead be a function that is given the set's Stage, puts every file through it (worker processes may share
    the work) and returns the relative paths staged, in the order they are to be moved in."""
    folder = Path(folder)
    check_folder(folder)
    if isinstance(files, list):
        for rel, _ in files:
            _check_target(folder, rel)
    created = not os.path.lexists(folder)
    io.make_folder(folder)
    _clear_stale_staging(folder)
    staging = folder / f"{STAGING}{os.getpid()}-{secrets.token_hex(4)}"
    io._cleanup_on_term(staging)
    try:
        stage = Stage.make(folder, staging)
        staged = list(files(stage)) if callable(files) else [stage.put(rel, data) for rel, data in files]
        _commit(folder, staging, staged)
    except BaseException:
        if created:
            shutil.rmtree(staging, ignore_errors=True)
            _remove_empty(folder)  # the folders the commit made are gone with the undo
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        io._cleanup_on_term(staging, False)


def check_folder(folder: Path) -> None:
    """UsageError unless the set may be written into folder (absent, or a real folder, not a link)."""
    st = io.lstat_or_none(folder)
    if st is not None and not stat.S_ISDIR(st.st_mode):
        raise UsageError(f"refusing to write into {folder}: it is {io.kind(st.st_mode)}, not a folder")
    io.refuse_protected(folder, folder)  # never in rubrics/, submissions/ or an input folder


def _check_target(folder: Path, rel: PurePosixPath) -> None:
    """The set's file may be written: every folder on its way is a real folder (or absent), and the file
    is absent or a regular file that is not an input of this command."""
    if rel.is_absolute() or ".." in rel.parts or any(len(p.encode("utf-8", "surrogateescape")) > io.NAME_MAX
                                                       for p in rel.parts):
        raise UsageError(f"cannot write {folder / rel}: not a safe file name")
    here = folder
    for part in rel.parts[:-1]:
        here = here / part
        st = io.lstat_or_none(here)
        if st is None:
            return
        if not stat.S_ISDIR(st.st_mode):
            raise UsageError(f"refusing to write into {here}: it is {io.kind(st.st_mode)}, not a folder")
    io.guard(folder / rel, stdout_hint=False)


@dataclass(frozen=True)
class Stage:
    """The hidden folder a set is written into before it is moved in; ``put`` may be called from forked worker
    processes (each file is its own, every folder below the staging folder made if absent, never the staging
    folder itself: once it is gone, a late worker's file fails instead of making it again)."""

    folder: Path
    path: Path
    mode: int

    @classmethod
    def make(cls, folder: Path, staging: Path) -> "Stage":
        try:
            os.mkdir(staging, 0o700)
        except OSError as e:
            raise io.failure(folder, e) from None
        return cls(folder, staging, 0o666 & ~io._umask())

    def put(self, rel: PurePosixPath, data: bytes) -> PurePosixPath:
        """Write one file of the set below staging, its target checked first (nothing is moved in before all are
        staged); UsageError (disk full, read-only, ...) names the file it was for. Returns rel."""
        _check_target(self.folder, rel)
        try:
            here = self.path
            for part in rel.parts[:-1]:
                here = here / part
                try:
                    os.mkdir(here)
                except FileExistsError:
                    pass
            fd = os.open(here / rel.parts[-1], os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC,
                         self.mode)
            try:
                io.write_all(fd, data)
            finally:
                os.close(fd)
        except OSError as e:
            raise io.failure(self.folder / rel, e) from None
        return rel


def _commit(folder: Path, staging: Path, new: list[PurePosixPath]) -> None:
    """Move the staged files in, each old one aside first; on any failure undo every move made."""
    aside = staging / ".previous"
    undo: list[tuple[Path, Path | None]] = []
    try:
        for rel in new:
            target = folder.joinpath(*rel.parts)
            undo += [(made, None) for made in _make_folders(folder, rel)]
            _check_target(folder, rel)
            old = aside.joinpath(*rel.parts) if os.path.lexists(target) else None
            if old is not None:
                _move(target, old)
            undo.append((target, old))
            os.replace(staging.joinpath(*rel.parts), target)
    except OSError as e:
        _undo(undo)
        raise io.failure(folder, e) from None
    except BaseException:
        _undo(undo)
        raise


def _move(source: Path, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    os.replace(source, dest)


def _make_folders(folder: Path, rel: PurePosixPath) -> list[Path]:
    """The folders on the way to rel that had to be made."""
    here, made = folder, []
    for part in rel.parts[:-1]:
        here = here / part
        try:
            os.mkdir(here)
            made.append(here)
        except FileExistsError:
            pass
    return made


def _undo(undo: list[tuple[Path, Path | None]]) -> None:
    for target, old in reversed(undo):
        try:
            if old is None and target.is_dir() and not target.is_symlink():
                os.rmdir(target)  # a folder the commit made (its files were undone first)
            elif old is None:
                os.unlink(target)
            else:
                os.replace(old, target)
        except OSError:
            pass


def _remove_empty(folder: Path) -> None:
    try:
        os.rmdir(folder)
    except OSError:
        pass


def _clear_stale_staging(folder: Path) -> None:
    """Staging folders of runs that were killed (their process is gone)."""
    for entry in os.scandir(folder):
        if not entry.name.startswith(STAGING) or not entry.is_dir(follow_symlinks=False):
            continue
        pid = entry.name[len(STAGING):].split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(entry.path, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError as e:
        return e.errno == errno.EPERM
    return True
