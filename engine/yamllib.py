"""libyaml's path of engine.yamlstrict: any text that engine.yamlfast declines (anchors, tags, other block
scalars, several documents, a problem to locate) is composed by libyaml (``CSafeLoader``) here, and its nodes
built into plain data with the places of every value and key.
"""
from __future__ import annotations

import re
from typing import Any

import yaml

from .yaml12 import STD, scalar, where
from .yamlstrict import MAX_ALIAS_NODES, MAX_COLLECTED, MAX_DEPTH, MAX_NODES, REJECTED, SHALLOW, Doc, Path_, \
    YamlError, _Fatal, _position

_DEEP_SCAN = 2_000
"""Texts that could nest deeper than this are checked for depth before composing: libyaml's composer
recurses in C (tens of thousands of levels overflow its stack), newer libyamls stop at 1,000 levels with
a message of their own, and the pure-Python composer at Python's recursion limit."""
_LONG_LINE = re.compile(r"[^\n]{%d}" % (_DEEP_SCAN // 2))
"""Block nesting needs two columns a level, at most: only a line this long can nest that deep."""

_KIND_TAG = {yaml.ScalarNode: STD + "str", yaml.SequenceNode: STD + "seq", yaml.MappingNode: STD + "map"}
_ALLOWED_TAGS = {f"{STD}{t}" for t in ("str", "int", "float", "bool", "null", "map", "seq")}

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):
    """libyaml's parser and composer; tags are not resolved (YAML 1.1 rules), the builder resolves."""

    def resolve(self, kind, value, implicit):
        return _KIND_TAG.get(kind, STD + "str")


def by_libyaml(text: str, marks: bool = True, collect: bool = False) -> Doc:
    """load_text through libyaml, for any text (load_text tries engine.yamlfast first)."""
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
