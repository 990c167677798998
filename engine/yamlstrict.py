"""A strict YAML loader that reads YAML as YAML 1.2 does and remembers where every node stood.

engine.yamlfast reads the plain YAML that submissions and rubrics are written in; anything else goes to
engine.yamllib, where libyaml (``CSafeLoader``) composes the node graph and the scalars are resolved by the
YAML 1.2 core schema, so ``yes``/``on`` stay strings, ``017`` is 17, ``1:30`` and dates stay
strings.  Duplicate keys, Python tags, NaN/infinity, oversized files and alias bombs are
errors that carry a line and column.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import yamlfast
from .yaml12 import MAX_NUMBER, STD  # noqa: F401 (part of this API)

MAX_BYTES = 8 * 1024 * 1024
"""Files larger than this are refused before they are parsed."""
MAX_NODES = 100_000
"""At most this many nodes after alias expansion (a 'billion laughs' file fails here)."""
MAX_ALIAS_NODES = 10_000
"""At most this many nodes repeated through aliases (``*name``); a value may not contain itself."""
MAX_DEPTH = 64
MAX_COLLECTED = 200
"""Refused values kept per document (``collect=True``); past this they are only counted (Doc.left_out)."""
"""At most this deep a nesting of maps and lists."""
Path_ = tuple  # a path into the document: keys and list indices

LIBYAML = frozenset({"by_libyaml", "check_events", "yaml", "_Loader", "_KIND_TAG", "_Builder", "_compose"})
"""Names of engine.yamllib, libyaml's path, still found here: it and PyYAML are imported only when a text is
not in engine.yamlfast's subset (PyYAML alone is 10 ms of a start)."""


def __getattr__(name: str):
    if name not in LIBYAML:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from . import yamllib

    return getattr(yamllib, name)


class Rejected:
    """Stands where a value was refused (NaN, a number too large, a disallowed tag) when the loader
    collects problems: the problem is already reported, so later checks say nothing more of it."""

    def __repr__(self) -> str:
        return "<rejected>"


REJECTED = Rejected()


class YamlError(Exception):
    """A YAML problem at a place in the text (1-based line and column)."""

    def __init__(self, message: str, line: int = 1, col: int = 1):
        super().__init__(message)
        self.message, self.line, self.col = message, line, col


class _Fatal(YamlError):
    """A limit of the whole document (depth, size, aliases): reported once, never collected per value."""


@dataclass(frozen=True)
class Doc:
    """A loaded document: plain Python data plus where each part of it was written."""

    data: Any
    """dicts, lists, str, int, float, bool and None."""
    marks: dict = field(default_factory=dict)
    """path tuple -> (line, col) of the value at that path."""
    key_marks: dict = field(default_factory=dict)
    """path tuple -> (line, col) of the key that introduces the value at that path."""
    located: bool = True
    """False when loaded without marks (every place then reads as 1:1)."""
    problems: tuple = ()
    """YamlErrors collected instead of raised (``collect=True``): the values stand as REJECTED."""
    left_out: int = 0
    """Further distinct refused values, counted but not kept (past MAX_COLLECTED)."""

    def where(self, path: Path_, key: bool = False) -> tuple[int, int]:
        """The closest known (line, col) for a path, walking up to its parents."""
        path = tuple(path)
        table = self.key_marks if key else self.marks
        while path:
            if path in table:
                return table[path]
            if path in self.marks:
                return self.marks[path]
            path = path[:-1]
        return self.marks.get((), (1, 1))


def load_file(path: str | Path, marks: bool = True, collect: bool = False) -> Doc:
    """Read and load one YAML file; raises YamlError with a location. ``marks=False`` skips
    recording where each value stood (faster; problems found later cannot then be located)."""
    p = Path(path)
    size = p.stat().st_size
    if size > MAX_BYTES:
        raise YamlError(f"file is {size / 1e6:.1f} MB; the limit is {MAX_BYTES / 1e6:.0f} MB")
    from .io import read_bytes  # a regular file only, never through a link out of the folders given

    raw = read_bytes(p, size)  # not a buffer of MAX_BYTES for every small file
    if len(raw) > size:  # it grew since: read it again, up to the limit
        raw = read_bytes(p, MAX_BYTES)
    return load_text(raw, marks, collect)


def load_text(raw: bytes | str, marks: bool = True, collect: bool = False) -> Doc:
    """Load YAML text (bytes are decoded as UTF-8, a BOM allowed). With ``collect``, problems in single
    values (a duplicate key, NaN, a number too large, a disallowed tag) are all gathered in
    Doc.problems instead of stopping at the first; a broken document still raises YamlError."""
    text = _decode(raw) if isinstance(raw, bytes) else raw
    if len(text) > MAX_BYTES:
        raise YamlError(f"text is over {MAX_BYTES / 1e6:.0f} MB")
    fast = yamlfast.load(text, MAX_DEPTH if marks else SHALLOW)  # the plain subset, without libyaml
    if fast is not None:
        return Doc(*fast, located=marks)
    from .yamllib import by_libyaml

    return by_libyaml(text, marks, collect)


def _position(text: str | bytes, index: int) -> tuple[int, int]:
    """1-based line and column of a character (or byte) index."""
    before, nl = text[:index], "\n" if isinstance(text, str) else b"\n"
    return before.count(nl) + 1, index - (before.rfind(nl) + 1) + 1


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise YamlError(f"not UTF-8 text (byte 0x{raw[e.start]:02x})", *_position(raw, e.start)) from None


SHALLOW = 2
"""How deep places are recorded without marks: a submission's header keys and each entry of its sections."""
