"""A cache of checked rubrics, so a pre-commit hook or CI step does not lint the same rubric again.

The key is the rubric's path and bytes plus a fingerprint of the engine code that builds rubrics;
any change to either misses. Set SCORECARD_CACHE_DIR to move it, SCORECARD_NO_CACHE=1 to turn
it off. A cache that cannot be read or written is ignored.
"""
from __future__ import annotations

from _blake2 import blake2b  # hashlib would load OpenSSL: +15 ms on every start
import os
import pickle
from functools import lru_cache
from pathlib import Path

from .. import __version__

ENGINE = Path(__file__).resolve().parent.parent


def folder() -> Path | None:
    if os.environ.get("SCORECARD_NO_CACHE"):
        return None
    explicit = os.environ.get("SCORECARD_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "scorecard"


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """The engine version and the size and mtime of every engine module."""
    h = blake2b(__version__.encode())
    for f in sorted(ENGINE.rglob("*.py")) + sorted(ENGINE.glob("*.json")):
        st = f.stat()
        h.update(f"{f.relative_to(ENGINE)}:{st.st_size}:{st.st_mtime_ns}".encode())
    return h.hexdigest()


def _entry(path: Path, data: bytes) -> Path | None:
    where = folder()
    if where is None:
        return None
    key = blake2b(f"{path}\0{fingerprint()}\0".encode() + data).hexdigest()
    return where / f"rubric-{key[:40]}.pickle"


def get(path: str | Path):
    """The cached Rubric for this file, or None."""
    try:
        entry = _entry(Path(path), Path(path).read_bytes())
        if entry is None or not entry.exists():
            return None
        return pickle.loads(entry.read_bytes())
    except Exception:  # a stale or unreadable cache is no cache
        return None


def put(path: str | Path, rubric) -> None:
    try:
        entry = _entry(Path(path), Path(path).read_bytes())
        if entry is None:
            return
        entry.parent.mkdir(parents=True, exist_ok=True)
        tmp = entry.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(pickle.dumps(rubric, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, entry)
    except Exception:
        return
