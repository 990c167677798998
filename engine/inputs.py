"""Which files the given paths stand for: regular files inside the folders given, in a stable order.

A path that does not exist, is no regular file or folder, or is a link out of its folder is a usage
error; in folders, what cannot be read (links out of the folder, FIFOs, devices, sockets) is skipped
with a warning naming it.
"""
from __future__ import annotations

import fnmatch
import os
import stat
from pathlib import Path

from . import io
from .model import Loc
from .problems import Problem, UsageError

from .readers import FILE_SUFFIXES as SUFFIXES  # what a folder walk picks up (a .parquet only when named)


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
            folder_given(path)
            io.protect(path)
            found, skipped = walk(path, tuple("*" + s for s in SUFFIXES))
            out += found
            warn(skipped)
        else:
            explicit_file(p, "file or folder")
            out.append(path)
    for f in out:
        io.note_input(f)
    return out


def folder_given(path: Path) -> None:
    """UsageError when a folder given is a symbolic link that leads out of the folder holding it (a link
    committed as submissions/x -> /etc, passed by a hook, must not make the engine read /etc)."""
    if path.is_symlink() and not io.inside(os.path.realpath(path), os.path.realpath(path.parent)):
        raise UsageError(f"refusing to read {path}: a symbolic link that leads outside {path.parent}")


def explicit_file(p: str, what: str) -> None:
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
