"""A strict YAML loader that reads YAML as YAML 1.2 does and remembers where every node stood.

libyaml (``CSafeLoader``) composes the node graph; the scalars are then resolved here by the
YAML 1.2 core schema, so ``yes``/``on`` stay strings, ``017`` is 17, ``1:30`` and dates stay
strings.  Duplicate keys, Python tags, NaN/infinity, oversized files and alias bombs are
errors that carry a line and column.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import yamlfast
from .yaml12 import MAX_NUMBER, STD, scalar, where  # noqa: F401 (MAX_NUMBER: part of this API)

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
_DEEP_SCAN = 2_000
"""Texts that could nest deeper than this are checked for depth before composing: libyaml's composer
recurses in C (tens of thousands of levels overflow its stack), newer libyamls stop at 1,000 levels with
a message of their own, and the pure-Python composer at Python's recursion limit."""
_LONG_LINE = re.compile(r"[^\n]{%d}" % (_DEEP_SCAN // 2))
"""Block nesting needs two columns a level, at most: only a line this long can nest that deep."""

Path_ = tuple  # a path into the document: keys and list indices

_ALLOWED_TAGS = {f"{STD}{t}" for t in ("str", "int", "float", "bool", "null", "map", "seq")}
_LIBYAML = ("yaml", "_KIND_TAG", "_Base", "_Loader")
"""Made on first use (_libyaml): a text that engine.yamlfast reads needs no PyYAML (10 ms of every start)."""


def _libyaml() -> None:
    """Import PyYAML and make the loader of libyaml's path (once)."""
    if "_Loader" in globals():
        return
    import yaml

    kind_tag = {yaml.ScalarNode: STD + "str", yaml.SequenceNode: STD + "seq", yaml.MappingNode: STD + "map"}
    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class _Loader(base):
        """libyaml's parser and composer; tags are not resolved (YAML 1.1 rules), the builder resolves."""

        def resolve(self, kind, value, implicit):
            return _KIND_TAG.get(kind, STD + "str")

    globals().update(yaml=yaml, _KIND_TAG=kind_tag, _Base=base, _Loader=_Loader)


def __getattr__(name: str):
    if name in _LIBYAML:
        _libyaml()
        return globals()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
    return by_libyaml(text, marks, collect)


def by_libyaml(text: str, marks: bool = True, collect: bool = False) -> Doc:
    """load_text through libyaml, for any text (load_text tries engine.yamlfast first)."""
    _libyaml()
    nodes = _compose(text)
    if len(nodes) > 1:
        m = nodes[1].start_mark
        raise YamlError("expected one YAML document, found a second one", m.line + 1, m.column + 1)
    builder = _Builder(text, marks, collect)
    data = builder.build(nodes[0], (), 0) if nodes else None
    return Doc(data, builder.marks or {}, builder.key_marks, located=marks, problems=tuple(builder.problems),
               left_out=builder.left_out)


def _compose(text: str) -> list:
    """libyaml's node graph of the text, once the limits that protect its composer have been checked."""
    try:
        if _may_nest_deeply(text) or "&" in text or "*" in text:
            check_events(text)  # depth, anchors and aliases, before anything recurses
        try:
            return list(yaml.compose_all(text, Loader=_Loader))
        except RecursionError:  # the pure-Python composer (no libyaml installed)
            check_events(text)
            raise YamlError("the document nests too deeply to be read") from None
    except yaml.YAMLError as e:
        raise _parser_error(text, e) from None


def _may_nest_deeply(text: str) -> bool:
    return text.count("[") + text.count("{") > _DEEP_SCAN or _LONG_LINE.search(text) is not None


def check_events(text: str) -> None:
    """Walk the event stream (no recursion) and refuse, located, nesting deeper than MAX_DEPTH, an alias
    inside the node it names, and aliases that repeat more than MAX_ALIAS_NODES nodes in all."""
    _libyaml()
    _Events().walk(yaml.parse(text, Loader=_Loader))


class _Events:
    """Depth, and the size of every anchored node, counted over parse events in document order."""

    def __init__(self):
        self.stack: list[list] = [[None, 0]]  # [anchor, nodes so far] of each open collection
        self.sizes: dict[str, int] = {}
        self.open: dict[str, tuple[int, int]] = {}  # anchors of open collections -> where they stand
        self.defined: dict[str, tuple[int, int]] = {}
        self.repeated = 0

    def walk(self, events) -> None:
        for event in events:
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                self._start(event)
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                self._end()
            elif isinstance(event, yaml.AliasEvent):
                self._alias(event)
            elif isinstance(event, yaml.ScalarEvent):
                self.stack[-1][1] += 1
                if event.anchor:
                    self._anchor(event)
                    self.sizes[event.anchor] = 1

    def _start(self, event) -> None:
        if len(self.stack) > MAX_DEPTH:
            raise _Fatal(f"nesting deeper than {MAX_DEPTH} levels", *_mark(event))
        self.stack.append([event.anchor, 1])
        if event.anchor:
            self.open[event.anchor] = self._anchor(event)

    def _anchor(self, event) -> tuple[int, int]:
        name, here = event.anchor, _mark(event)
        if name in self.defined:
            line, col = self.defined[name]
            raise _Fatal(f"anchor &{name} is defined twice (first at line {line}, column {col})", *here)
        self.defined[name] = here
        return here

    def _end(self) -> None:
        anchor, size = self.stack.pop()
        if anchor:
            self.sizes[anchor] = size
            self.open.pop(anchor, None)
        self.stack[-1][1] += size

    def _alias(self, event) -> None:
        name = event.anchor
        if name in self.open:
            line, col = self.open[name]
            raise _Fatal(f"alias *{name} stands inside the value it names (&{name} at line {line}, column {col}): "
                         "a value cannot contain itself", *_mark(event))
        if name not in self.sizes:
            raise _Fatal(f"alias *{name} names no anchor &{name} written before it", *_mark(event))
        size = self.sizes[name]
        self.repeated += size
        if self.repeated > MAX_ALIAS_NODES:
            raise _Fatal(f"aliases repeat more than {MAX_ALIAS_NODES} nodes (an alias bomb?); *{name} alone "
                         f"repeats {size}", *_mark(event))
        self.stack[-1][1] += size


def _mark(event) -> tuple[int, int]:
    return event.start_mark.line + 1, event.start_mark.column + 1


def _parser_error(text: str, e: yaml.YAMLError) -> YamlError:
    """The engine's message for what the parser refused. A parser that stops at a limit of its own (newer
    libyamls refuse 1,000 levels of nesting) says so in words of its own; the same limits are checked
    here on the text before that point, so every libyaml gives the same located message."""
    if isinstance(e, yaml.reader.ReaderError):
        line, col = _position(text, e.position)
        code = e.character if isinstance(e.character, int) else ord(e.character)
        return YamlError(f"invalid YAML: control character U+{code:04X} is not allowed in YAML text", line, col)
    if not isinstance(e, yaml.MarkedYAMLError):
        return YamlError(f"invalid YAML: {e}")
    mark = e.problem_mark or e.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    try:  # the engine's own refusal (depth, aliases) of the text before that point, if it has one
        if getattr(mark, "index", None):
            check_events(text[:mark.index])
    except _Fatal as limit:
        return limit
    except yaml.YAMLError:
        pass  # the text cut short there ends wrongly: not the engine's to say
    return YamlError(f"invalid YAML: {e.problem or e.context}", line, col)


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


class _Builder:
    """Turns a composed node graph into plain data, counting nodes to bound aliases.

    With ``marks`` it also records where every value and key stood; without, only where the values of the
    top two levels stood (a submission's entries: ``values: {id: ...}``), and skips the rest of that work
    (the fast path for valid files: a file with any problem is read again with marks)."""

    def __init__(self, text: str, marks: bool = True, collect: bool = False):
        self.text = text
        self.collect = collect
        self.problems: list[YamlError] = []
        self.left_out = 0
        self._said: set = set()  # (line, col, message): a value repeated by aliases is reported once
        self.tags = "!" in text
        self.count = 0
        self.marks: dict = {}
        self.key_marks: dict = {}
        self.deep = MAX_DEPTH if marks else SHALLOW
        """Paths longer than this are not followed (their places not recorded)."""

    def build(self, node: yaml.Node, path: Path_ | None, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _Fatal(f"document expands to more than {MAX_NODES} nodes (an alias bomb?)", *where(node))
        if depth >= MAX_DEPTH and not isinstance(node, yaml.ScalarNode):
            raise _Fatal(f"nesting deeper than {MAX_DEPTH} levels", *where(node))
        if path is not None:
            self.marks.setdefault(path, where(node))
        try:
            return self._value(node, path, depth)
        except YamlError as e:
            if not self.collect or isinstance(e, _Fatal):
                raise
            e.path = getattr(e, "path", None) or path
            self._collect(e)
            return REJECTED

    def _collect(self, error: YamlError) -> None:
        said = (error.line, error.col, error.message)
        if said not in self._said:
            self._said.add(said)
            if len(self.problems) < MAX_COLLECTED:
                self.problems.append(error)
            else:
                self.left_out += 1

    def _value(self, node: yaml.Node, path: Path_ | None, depth: int) -> Any:
        tag = self._explicit_tag(node) if self.tags else None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            if path is None or len(path) >= self.deep:
                return [self.build(n, None, depth + 1) for n in node.value]
            return [self.build(n, path + (i,), depth + 1) for i, n in enumerate(node.value)]
        return scalar(node, tag)

    def _explicit_tag(self, node: yaml.Node) -> str | None:
        """The tag written in the text, if any; only the core-schema tags are allowed."""
        idx = getattr(node.start_mark, "index", None)
        if idx is None or not self.text.startswith("!", idx):
            return None
        if self.text.startswith(("! ", "!\t", "!\n", "!\r"), idx):
            return STD + "str"  # the non-specific tag '!': a plain string
        if node.tag not in _ALLOWED_TAGS:
            raise YamlError(f"tag {node.tag!r} is not allowed (only plain YAML data)", *where(node))
        return node.tag

    def _mapping(self, node: yaml.MappingNode, path: Path_ | None, depth: int) -> dict:
        out: dict = {}
        seen: dict = {}
        for knode, vnode in node.value:
            key = self._key(knode)
            if key in seen:
                first, again = seen[key], where(knode)[0]
                error = YamlError(f"duplicate key {key!r}: first at line {first}, again at line {again}",
                                  *where(knode))
                if not self.collect:
                    raise error
                error.path = None if path is None else path + (key,)
                self._collect(error)  # the first value stands
                continue
            seen[key] = knode.start_mark.line + 1
            if path is None or len(path) >= self.deep:
                if key == "value" and path is not None and len(path) == self.deep:
                    self.marks.setdefault(path + (key,), where(vnode))  # an entry's value: where a rule points
                out[key] = self.build(vnode, None, depth + 1)
                continue
            if self.deep == MAX_DEPTH:
                self.key_marks[path + (key,)] = where(knode)
            out[key] = self.build(vnode, path + (key,), depth + 1)
        return out

    def _key(self, knode: yaml.Node) -> str:
        if not isinstance(knode, yaml.ScalarNode):
            raise YamlError("a mapping key must be a plain value, not a list or map", *where(knode))
        key = scalar(knode, self._explicit_tag(knode) if self.tags else None)
        if key is None:
            raise YamlError("a mapping key must not be empty", *where(knode))
        return key if isinstance(key, str) else str(key)
