"""Writing outputs: atomically (temporary file, then rename), and never into rubrics/ or submissions/."""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

from .problems import UsageError

PROTECTED = ("rubrics", "submissions")


_INPUTS: set[Path] = set()
"""Folders the current command reads submissions or rubrics from."""


def protect(folder: str | Path) -> None:
    """Never write into this folder (an input folder of the current command)."""
    _INPUTS.add(Path(folder).resolve())


def guard(path: Path) -> Path:
    """The resolved path, or UsageError when it lies in a rubrics/ or submissions/ folder (anywhere) or
    in a folder the command reads its input from."""
    target = path.resolve()
    for folder in target.parents:
        if folder.name in PROTECTED:
            raise UsageError(f"refusing to write {path}: the engine never writes into {folder.name}/ ({folder})")
        if folder in _INPUTS:
            raise UsageError(f"refusing to write {path}: {folder} holds this command's input")
    return target


def write_atomic(path: str | Path, text: str, encoding: str = "utf-8") -> Path:
    """Write text to path via a temporary file in the same folder, then rename."""
    return write_bytes_atomic(path, text.encode(encoding))


def write_bytes_atomic(path: str | Path, data: bytes) -> Path:
    """Write bytes to path via a temporary file in the same folder, then rename."""
    with atomic_file(path, binary=True) as f:
        f.write(data)
    return Path(path).resolve()


@contextmanager
def atomic_text(path: str | Path, encoding: str = "utf-8"):
    """A text file handle whose content replaces path only when the block ends without error."""
    with atomic_file(path, encoding=encoding) as f:
        yield f


@contextmanager
def atomic_file(path: str | Path, binary: bool = False, encoding: str = "utf-8"):
    """A file handle on a temporary file beside path, renamed over it only when the block succeeds."""
    target = guard(Path(path))
    target.parent.mkdir(parents=True, exist_ok=True)
    import tempfile  # only when writing

    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; a report is an ordinary file
    try:
        with (os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding=encoding, newline="")) as f:
            yield f
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
