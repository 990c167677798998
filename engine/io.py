"""Files in and out, safely.

Reading: only regular files, opened without blocking and checked after opening (a FIFO, a device or
a socket is never read, and never hangs), and never through a symbolic link that leads out of the
folder tree the command was given (``allow``).

Writing: only regular files the engine creates, never through a symbolic link, never onto a file
the command reads, never into rubrics/ or submissions/. Content goes to an unnamed temporary file
(O_TMPFILE, Linux) that is linked in place when complete, so a killed command leaves nothing behind;
elsewhere a named temporary file is removed on failure, Ctrl-C and SIGTERM. Every failure
(disk full, read-only, permission, a folder in the way, a name too long) is a UsageError (exit 2).
"""
from __future__ import annotations

import errno
import os
import stat
from contextlib import contextmanager
from pathlib import Path

from .problems import UsageError

PROTECTED = ("rubrics", "submissions")
NAME_MAX = 255
"""Bytes in one file name on every common file system."""

_INPUTS: set[Path] = set()
"""Folders the current command reads submissions or rubrics from."""
_READ: set[tuple[int, int]] = set()
"""(device, inode) of every file the command read or was given: never written."""
_TREES: set[tuple[str, str]] = set()
"""(absolute path as given, real path) of each tree the command reads: links may not lead out."""


class Refused(OSError):
    """A file the engine will not open; ``strerror`` says why (readers print it as 'cannot read: ...')."""

    def __init__(self, why: str):
        super().__init__(errno.EPERM, why)


# --- reading -----------------------------------------------------------------------------------


def allow(tree: str | Path) -> None:
    """Read files under this folder (or, for a file, its folder) only where they really lie inside it."""
    p = Path(tree)
    folder = p if p.is_dir() else p.parent
    _TREES.add((os.path.abspath(folder), os.path.realpath(folder)))


def inside(real: str, folder: str) -> bool:
    return real == folder or real.startswith(folder.rstrip(os.sep) + os.sep)


def leaves_tree(path: str | Path) -> str | None:
    """The tree that ``path`` (a path inside it as written) leads out of through a link, or None. The
    tree is the innermost one given that holds the path: a link may not lead from one into another."""
    given = os.path.abspath(path)
    trees = [t for t in _TREES if inside(given, t[0])]
    if not trees:
        return None
    tree, real_tree = max(trees, key=lambda t: len(t[0]))
    return None if inside(os.path.realpath(path), real_tree) else tree


def kind(mode: int) -> str:
    """What a non-regular file is, in words."""
    for test, name in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISLNK,
                        "a symbolic link"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device")):
        if test(mode):
            return name
    return "a regular file" if stat.S_ISREG(mode) else "not a regular file"


def open_fd(path: str | Path, follow: bool = True) -> int:
    """A read-only descriptor on a regular file, or Refused. ``follow``: a link is followed when it
    stays inside the trees given (else the path itself must not be a link)."""
    if follow:
        out = leaves_tree(path)
        if out is not None:
            raise Refused(f"a symbolic link that leads outside {out}; not followed")
    target = os.path.realpath(path) if follow else os.fspath(path)
    before = os.lstat(target)
    if not stat.S_ISREG(before.st_mode):
        raise Refused(f"not a regular file ({kind(before.st_mode)})")
    fd = os.open(target, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode) or (st.st_dev, st.st_ino) != (before.st_dev, before.st_ino):
        os.close(fd)
        raise Refused("the file changed while it was opened")
    _READ.add((st.st_dev, st.st_ino))
    return fd


def open_file(path: str | Path, follow: bool = True):
    """A binary file object on a regular file (see open_fd)."""
    return os.fdopen(open_fd(path, follow), "rb")


def read_bytes(path: str | Path, limit: int | None = None, follow: bool = True) -> bytes:
    """The bytes of a regular file (see open_fd); at most ``limit`` + 1 of them when a limit is given."""
    with open_file(path, follow) as f:
        return f.read(-1 if limit is None else limit + 1)


def forget() -> None:
    """A new command begins: the inputs and input folders noted by the last one are not this one's (a test runs
    many commands in one process, and a deleted input's inode number may be a new file's)."""
    _READ.clear()
    _INPUTS.clear()


def note_input(path: str | Path) -> None:
    """This file is an input of the command (it is never written)."""
    try:
        st = os.stat(path)
        _READ.add((st.st_dev, st.st_ino))
    except OSError:
        pass


# --- where writing is allowed ------------------------------------------------------------------


def protect(folder: str | Path) -> None:
    """Never write into this folder (an input folder of the current command)."""
    _INPUTS.add(Path(folder).resolve())


def guard(path: Path, stdout_hint: bool = True) -> Path:
    """The resolved path, or UsageError when it lies in a rubrics/ or submissions/ folder (anywhere) or
    in a folder the command reads its input from, or is not a regular file, or is an input file."""
    path = Path(path)
    existing = lstat_or_none(path)
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        hint = "; use -o - for standard output" if stdout_hint and not stat.S_ISDIR(existing.st_mode) else ""
        raise UsageError(f"refusing to write {path}: it is {kind(existing.st_mode)}; the engine writes only "
                         f"regular files{hint}")
    if existing is not None and (existing.st_dev, existing.st_ino) in _READ:
        raise UsageError(f"refusing to write {path}: it is an input of this command")
    target = path.resolve()
    refuse_protected(target.parent, path)
    if len(target.name.encode("utf-8", "surrogateescape")) > NAME_MAX:
        raise UsageError(f"cannot write {path}: the file name is longer than {NAME_MAX} bytes")
    return target


def refuse_protected(folder: Path, shown: Path) -> None:
    """UsageError when folder is, or lies in, a rubrics/ or submissions/ folder or an input folder."""
    folder = folder.resolve()
    for f in (folder, *folder.parents):
        if f.name in PROTECTED:
            raise UsageError(f"refusing to write {shown}: the engine never writes into {f.name}/ ({f})")
        if f in _INPUTS:
            raise UsageError(f"refusing to write {shown}: {f} holds this command's input")


def lstat_or_none(path: Path):
    """lstat, None when nothing is there, a UsageError when it cannot be looked at."""
    try:
        return os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as e:
        raise failure(path, e) from None


def failure(path, e: OSError) -> UsageError:
    """A clear message for a write that failed."""
    why = {errno.ENOSPC: "no space left on the device", errno.EDQUOT: "the disk quota is exceeded",
           errno.EROFS: "the file system is read-only", errno.EACCES: "permission denied",
           errno.EPERM: "operation not permitted", errno.EISDIR: "a folder is in the way",
           errno.ENOTDIR: "a part of the path is not a folder", errno.ENAMETOOLONG: "a name in the path is too long (at most 255 bytes each)",
           errno.ELOOP: "a symbolic link is in the way", errno.EEXIST: "something else is already there"}
    return UsageError(f"cannot write {path}: {why.get(e.errno, e.strerror or str(e))}")


def make_folder(folder: Path) -> None:
    """Create a folder and its parents, as a UsageError when it cannot be."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise failure(folder, e) from None
    if not folder.is_dir():
        raise UsageError(f"cannot write into {folder}: it is not a folder")


# --- writing one file --------------------------------------------------------------------------


def write_atomic(path: str | Path, text: str, encoding: str = "utf-8") -> Path:
    """Write text to path (a regular file the engine creates or replaces whole)."""
    return write_bytes_atomic(path, text.encode(encoding))


def write_bytes_atomic(path: str | Path, data: bytes) -> Path:
    """Write bytes to path (a regular file the engine creates or replaces whole)."""
    with atomic_file(path, binary=True) as f:
        f.write(data)
    return Path(path).resolve()


def write_private(path: Path, data: bytes) -> None:
    """A file of the engine's own (the rubric cache): replaced whole, never through a link."""
    with _Staged(path, 0o600) as f:
        f.write(data)


@contextmanager
def atomic_text(path: str | Path, encoding: str = "utf-8"):
    """A text sink whose content replaces path only when the block ends without error."""
    with atomic_file(path, encoding=encoding) as f:
        yield f


@contextmanager
def atomic_file(path: str | Path, binary: bool = False, encoding: str = "utf-8"):
    """A sink (``write(str | bytes)``) on an unnamed file beside path, put in place when the block succeeds."""
    target = guard(Path(path))
    make_folder(target.parent)
    with _Staged(target, 0o666 & ~_umask(), None if binary else encoding, shown=Path(path)) as f:
        f.recheck = lambda: guard(Path(path))  # still no link, device or input there when it is put in place
        yield f


class _Staged:
    """The content of one file on its way: written to an unnamed (O_TMPFILE) or hidden temporary file in
    the target's folder, linked or renamed over the target on success, gone on failure."""

    def __init__(self, target: Path, mode: int, encoding: str | None = None, shown: Path | None = None):
        self.target, self.mode, self.shown = target, mode, shown or target
        import codecs

        self.encoder = codecs.getincrementalencoder(encoding)() if encoding else None
        self.fd, self.tmp = -1, None
        self.recheck = lambda: None

    def __enter__(self):
        try:
            if not os.path.isdir("/proc/self/fd"):
                raise OSError(errno.ENOENT, "no /proc to link an unnamed file from")
            self.fd = os.open(self.target.parent, os.O_TMPFILE | os.O_RDWR | os.O_CLOEXEC, self.mode)
        except (AttributeError, OSError):  # no O_TMPFILE here (or not on this file system): a named file
            self._named()
        return self

    def _named(self) -> None:
        import tempfile

        try:
            self.fd, name = tempfile.mkstemp(prefix=f".{self.target.name[:200]}.", suffix=".tmp",
                                             dir=self.target.parent)
        except OSError as e:
            raise failure(self.shown, e) from None
        self.tmp = Path(name)
        os.chmod(self.fd, self.mode)
        _cleanup_on_term(self.tmp)

    def write(self, piece) -> None:
        data = self.encoder.encode(piece) if self.encoder is not None and isinstance(piece, str) else piece
        try:
            write_all(self.fd, data)
        except OSError as e:
            raise failure(self.shown, e) from None

    def __exit__(self, exc_type, exc, tb):
        try:
            if exc_type is None:
                self._commit()
        finally:
            if self.fd >= 0:
                os.close(self.fd)
            if self.tmp is not None:
                self.tmp.unlink(missing_ok=True)
                _cleanup_on_term(self.tmp, False)
        return False

    def _commit(self) -> None:
        self.recheck()
        try:
            if self.tmp is None:
                try:
                    self.tmp = _link_unnamed(self.fd, self.target)
                except OSError as e:
                    if e.errno not in _NO_LINKAT:
                        raise
                    self._copy_to_named()
            if self.tmp is not None:
                os.replace(self.tmp, self.target)
                self.tmp = None
        except OSError as e:
            raise failure(self.shown, e) from None


    def _copy_to_named(self) -> None:
        """Where an unnamed file cannot be given a name (no linkat through /proc): its content into a
        named temporary file instead."""
        unnamed, self.fd = self.fd, -1
        try:
            self._named()
            os.lseek(unnamed, 0, os.SEEK_SET)
            while piece := os.read(unnamed, 1 << 20):
                write_all(self.fd, piece)
        finally:
            os.close(unnamed)


_NO_LINKAT = {errno.ENOENT, errno.EXDEV, errno.EPERM, errno.EINVAL, errno.EOPNOTSUPP, errno.ENOSYS}
"""What linkat says where an O_TMPFILE file cannot be linked through /proc/self/fd."""


def _link_unnamed(fd: int, target: Path) -> Path | None:
    """Give the unnamed file a name: the target itself when it does not exist yet (None is returned),
    else a hidden name beside it, to be renamed over the target."""
    source = f"/proc/self/fd/{fd}"
    folder = os.open(target.parent, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:  # with a dir_fd, os.link is linkat(AT_SYMLINK_FOLLOW): it links the file, not the /proc link
        try:
            os.link(source, target.name, dst_dir_fd=folder, follow_symlinks=True)
            return None
        except FileExistsError:
            pass
        import secrets

        tmp = f".{target.name[:200]}.{secrets.token_hex(4)}.tmp"
        os.link(source, tmp, dst_dir_fd=folder, follow_symlinks=True)
        return target.parent / tmp
    finally:
        os.close(folder)


def write_all(fd: int, data: bytes) -> None:
    """Every byte, or OSError (a short write is retried)."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_PENDING: set[Path] = set()


def _cleanup_on_term(path: Path, add: bool = True) -> None:
    """Named temporary files are removed when the command is stopped by SIGTERM (Ctrl-C raises
    KeyboardInterrupt, which the blocks above already handle)."""
    (_PENDING.add if add else _PENDING.discard)(path)
    import signal

    try:
        if add and signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
            signal.signal(signal.SIGTERM, _on_term)
    except ValueError:  # not the main thread: no handler can be set
        pass


def _on_term(signum, frame):
    for p in list(_PENDING):
        try:
            if p.is_dir() and not p.is_symlink():
                import shutil

                shutil.rmtree(p, ignore_errors=True)
            else:
                p.unlink(missing_ok=True)
        except OSError:
            pass
    os._exit(128 + signum)
