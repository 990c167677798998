"""A cache of checked rubrics, so a pre-commit hook or CI step does not lint the same rubric again.

The key is the rubric's path and bytes plus a fingerprint of the engine code that builds rubrics;
any change to either misses. A tailored rubric (SPEC 9) also names, in its entry, each file of
its chain with the digest of its bytes, and misses when any of them changed or is gone; the
folder its parents are looked up in (``lookup``) is part of the key. Set SCORECARD_CACHE_DIR to
move it, SCORECARD_NO_CACHE=1 to turn it off. A cache that cannot be read or written is ignored.

An entry is plain JSON (encode/loads below), never pickle: whatever is planted in the folder can at
worst miss. It names the digest of the rubric bytes and the engine fingerprint it was made from, and
is used only when both match the file just read; the model is rebuilt from the engine's own
dataclasses and nothing else.
"""
from __future__ import annotations

from _blake2 import blake2b  # hashlib would load OpenSSL: +15 ms on every start
import dataclasses
import json
import os
import re
from functools import lru_cache
from pathlib import Path

from .. import __version__
from .. import model, rules

ENGINE = Path(__file__).resolve().parent.parent
FORMAT = "scorecard-rubric-cache/1"
MAX_ENTRY = 16_000_000
"""A larger entry is not ours (a rubric file is at most a few MB)."""


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
    """The engine version and the size and mtime of every engine module and of the JSON files beside them."""
    h = blake2b(__version__.encode())
    cut = len(str(ENGINE)) + 1  # each path relative to the engine's folder
    modules, data = _modules(str(ENGINE)), [e for e in os.scandir(ENGINE) if e.name.endswith(".json")]
    for entry in sorted(modules, key=_path) + sorted(data, key=_path):
        st = entry.stat()
        h.update(f"{entry.path[cut:]}:{st.st_size}:{st.st_mtime_ns}".encode())
    return h.hexdigest()


def _path(entry: os.DirEntry) -> str:
    return entry.path


def _modules(folder: str) -> list[os.DirEntry]:
    """Every .py under folder (os.scandir, its entries' stat and no pathlib: 1 ms less on every start)."""
    out = []
    for entry in os.scandir(folder):
        if entry.is_dir(follow_symlinks=False) and entry.name != "__pycache__":
            out += _modules(entry.path)
        elif entry.name.endswith(".py"):
            out.append(entry)
    return out


def _digest(path: Path, data: bytes, lookup: str = "") -> str:
    return blake2b(f"{path}\0{fingerprint()}\0{lookup}\0".encode() + data).hexdigest()


def _chain(files) -> list[list[str]]:
    """[file, digest of its bytes] for each parent file of a tailored rubric (OSError if one is unreadable)."""
    from .. import io

    return [[str(f), blake2b(io.read_bytes(f)).hexdigest()] for f in files]


def _entry(digest: str) -> Path | None:
    where = folder()
    return None if where is None else where / f"rubric-{digest[:40]}.json"


_SEEN: dict[str, bytes] = {}
"""The bytes get() saw for each path: put() stores nothing if the file changed since (its lint may have
read other bytes than the ones the entry would vouch for)."""


def get(path: str | Path, data: bytes | None = None, lookup: str = ""):
    """The cached Rubric for this file (``data``: its bytes, when already read), or None."""
    from .. import io

    try:
        data = io.read_bytes(path) if data is None else data
        _SEEN[str(path)] = data
        digest = _digest(Path(path), data, lookup)
        entry = _entry(digest)
        if entry is None:
            return None
        head, _, body = io.read_bytes(entry, limit=MAX_ENTRY, follow=False).partition(b"\n")
        head = json.loads(head)
        chain = head.pop("chain", [])
        if head != {"format": FORMAT, "digest": digest, "engine": fingerprint()}:
            return None
        if chain != _chain(f for f, _ in chain):  # a file of a tailoring's chain changed, or is gone
            return None
        rubric = loads(body)
        return rubric if _claims(rubric, path, data) else None
    except Exception:  # a missing, stale, foreign or unreadable entry is no cache
        return None


def _claims(rubric, path, data: bytes) -> bool:
    """The entry is a Rubric of this file: its own path, and the id and version the file's text names."""
    if type(rubric) is not model.Rubric or rubric.loc.file != str(path):
        return False
    text = data.decode("utf-8", errors="replace")
    return all(re.search(rf"^{key}:\s*[\"']?{re.escape(value)}", text, re.M)
               for key, value in (("rubric", rubric.id), ("version", rubric.version)))


def put(path: str | Path, rubric, data: bytes | None = None, lookup: str = "", chain=()) -> None:
    """Remember a rubric that passed lint; only when it is plain data (encode: loads() then rebuilds the same
    rubric, of the same types). ``chain``: the parent files of a tailored rubric, read again now (an entry
    vouches for these bytes)."""
    from .. import io

    try:
        data = io.read_bytes(path) if data is None else data
        digest = _digest(Path(path), data, lookup)
        entry = _entry(digest)
        if entry is None or _SEEN.get(str(path), data) != data:
            return
        body = encode_text(rubric)
        head = {"format": FORMAT, "digest": digest, "engine": fingerprint()}
        head = json.dumps({**head, "chain": _chain(chain)} if chain else head).encode()
        entry.parent.mkdir(parents=True, exist_ok=True)
        io.write_private(entry, head + b"\n" + body)
    except Exception:
        return


# --- the rubric as plain JSON -----------------------------------------------------------------

_TYPES = {cls.__name__: cls for cls in (model.Rubric, model.Group, model.Measure, model.Grade, model.Label,
                                        model.Loc, rules.Lte, rules.SumLte, rules.MaxChange)}
"""The only classes an entry can name: the engine's own frozen model (no __post_init__, nothing to run)."""
_FIELDS = {name: frozenset(f.name for f in dataclasses.fields(cls)) | {"$o"} for name, cls in _TYPES.items()}
_PLAIN = (str, int, float, bool, type(None))


_NAMES = {cls: tuple(f.name for f in dataclasses.fields(cls)) for cls in _TYPES.values()}
_EXACT = frozenset(_PLAIN)


def encode(obj):
    """JSON-ready data for a model object; TypeError for anything that is not plain data. Types are matched
    exactly (a str or int subclass is refused, not turned into a plain one): what loads() rebuilds from it is
    equal, of the same types."""
    kind = type(obj)
    if kind in _EXACT:
        return obj
    names = _NAMES.get(kind)
    if names is not None:
        out = {name: encode(getattr(obj, name)) for name in names}
        out["$o"] = kind.__name__
        return out
    if kind is tuple:
        return {"$t": [encode(v) for v in obj]}
    if kind is list:
        return [encode(v) for v in obj]
    if kind is dict:
        return {"$m": [[encode(k), encode(v)] for k, v in obj.items()]}
    raise TypeError(f"not plain data: {kind.__name__}")


def encode_text(rubric) -> bytes:
    """An entry's body: the rubric as JSON (UTF-8)."""
    return json.dumps(encode(rubric), ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def loads(text: str | bytes):
    """The model object in an entry's JSON text; ValueError/KeyError/TypeError for anything else."""
    return json.loads(text, object_hook=_object)


def _object(d: dict):
    """Each JSON object, innermost first: a tuple, a mapping or a model object, nothing else."""
    if "$o" in d:
        kind = d["$o"]
        if d.keys() != _FIELDS[kind]:
            raise ValueError(f"not the fields of {kind}")
        obj = object.__new__(_TYPES[kind])  # as pickle does: the fields, set directly, and no code run
        del d["$o"]
        obj.__dict__.update(d)
        return obj
    (tag, body), = d.items()
    if tag == "$t":
        return tuple(body)
    if tag == "$m":
        return dict(body)  # an unhashable key is a TypeError: no cache
    raise ValueError(f"unknown tag {tag!r}")
