"""A fast reader for the plain YAML that submissions are written in; anything else is declined.

The subset: block mappings (plain or quoted keys, any indentation), block sequences of scalars and of
mappings (``- id: x``), plain and quoted one-line scalars, one-line flow lists (of scalars, or of flow lists
of scalars) and maps of scalars, the plain block scalars of a rubric's prose (``>``, ``>-``, ``|``, ``|-``
with lines of one indentation and no blank line between them), comments and blank lines, LF or CRLF.
Anything else (anchors, aliases, tags, directives, several documents, other block scalars, multi-line
scalars, tabs, unusual escapes, a duplicate key, a refused value, a deep or very large document) makes
``load`` return None, and engine.yamlstrict reads the text with libyaml instead, so every problem is reported by
that one path.  Where this reader answers, its data and places are the ones libyaml's path gives (a
differential test holds it to that on the YAML test suite and every shipped file).
"""
from __future__ import annotations

import re

from .yamlfast_scalars import (KEY_CHECK, KEYS, MAX_KEY, Decline, after, key_text, plain, quoted, scalar_of,
                               scalar_start)

MAX_TEXT = 150_000
"""Longer texts are declined: below this, no text can expand past yamlstrict.MAX_NODES (a value needs two
characters at least), so that limit needs no counting here."""
_MAX_LEVELS = 32
"""Deeper nesting is left to libyaml's path (which limits it)."""

_ODD = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]"
                  "|^(?:---|\\.\\.\\.)", re.M)
"""Tabs, lone CRs, control characters, a BOM, YAML 1.1 line breaks, document markers: left to libyaml. (The
characters named, not the complement of those allowed: a class of a few small ranges compiles in a tenth of
the time, on every start; tests/test_yamlfast.py holds the two to the same characters.)"""
_KEY = r"""[^\s#'"\[\]{},&*!|>%@`?:\-][^:#'"\[\]{},\n]*?|"[^"\\\n]*"|'[^'\n]*'"""
_ROW = re.compile(rf"""^( *)(?:({_KEY})( *:(?: +|$))(.*?)|(-)(?:( +)(.*?))?|\#.*)? *$""", re.M)
"""Every line: (indent, key, ' : ', value text, '', '', '') for a key, (indent, '', '', '', '-', gap, item text)
for a list item; a blank or comment line leaves key and dash empty."""
_SCALAR = (r"""(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'"""
           r"""|((?:[^\s,\[\]{}#&*!|>'"%@`?:\-]|-(?=[^\s,\[\]{}]))[^,\[\]{}:#]*?))""")
"""A scalar in a flow collection: (double-quoted body, single-quoted body, plain text)."""
_ITEM = re.compile(rf" *{_SCALAR} *([,\]])")
_NEXT = re.compile(r" *([,\]])")
"""After a flow list inside a flow list: the comma or bracket that follows it."""
_ITEM_KEY = re.compile(rf"({_KEY})( *:(?: +|$))(.*)")
"""A list item that opens a mapping (``- id: D1``): its first key, ' : ' and value text, as a row has them."""
_BLOCK_HEAD = re.compile(r": +[|>]")
"""A text that may hold a block scalar: its lines are read one by one (the others, all at once)."""
_BLOCK_STYLES = frozenset((">", ">-", "|", "|-"))
_BLANK_ROW = ("",) * 7
_PAIR_KEY = re.compile(rf" *({_KEY}) *: +")
_PAIR_VALUE = re.compile(rf"{_SCALAR} *([,}}])")
_PAIR = re.compile(rf" *({_KEY}) *: +{_SCALAR} *([,}}])")
"""_PAIR_KEY and _PAIR_VALUE in one match (a label's ``zh: 合格,``): where it matches, so do they, alike."""
_END = re.compile(r" *([,}])")
_COMPOUND = frozenset("\"'[{>|")
"""The first characters of a value that is no plain scalar: quoted, a flow collection or a block scalar."""


def load(text: str, deep: int) -> tuple | None:
    """(data, marks, key_marks) as yamlstrict builds them, or None when the text is not in the subset.
    Places are recorded for paths of at most ``deep`` parts, and keys' places only when ``deep`` is more
    than _MAX_LEVELS (yamlstrict's full marks)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    if len(text) > MAX_TEXT or _ODD.search(text):
        return None
    if _BLOCK_HEAD.search(text):
        rows, blocks = _with_blocks(text.split("\n"))
        if rows is None:
            return None
    else:
        rows, blocks = _ROW.findall(text), None
        if len(rows) != text.count("\n") + 1:
            return None  # a line that is not a key, a list item, a comment or blank
    try:
        return _Tree(deep, blocks).read(rows)
    except Decline:
        return None


def _with_blocks(lines: list[str]) -> tuple[list | None, dict]:
    """The rows of a text with block scalars: each block's lines as blank rows, its value by its key's line
    number. (None, {}) when a line is no row or a block is not a plain one."""
    rows: list = []
    blocks: dict = {}
    i = 0
    while i < len(lines):
        m = _ROW.fullmatch(lines[i])
        if m is None:
            return None, {}
        row = m.groups("")
        rows.append(row)
        i += 1
        if row[1] and row[3] in _BLOCK_STYLES:
            value, end = _block(lines, i, len(row[0]), row[3])
            if value is None:
                return None, {}
            blocks[len(rows)] = value
            rows += [_BLANK_ROW] * (end - i)
            i = end
    return rows, blocks


def _block(lines: list[str], i: int, indent: int, style: str) -> tuple[str | None, int]:
    """The value of the block scalar whose lines start at lines[i] (its key at ``indent``), and the index
    past them: only lines of one indentation deeper than the key, none blank or ending in a space, then a line
    no deeper than the key (or blank lines and then such a line)."""
    body: list[str] = []
    deep = None
    while i < len(lines):
        line = lines[i]
        words = line.lstrip(" ")
        at = len(line) - len(words)
        if not words:
            if line or _deeper_after(lines, i, indent):
                return None, i  # a line of spaces, or a blank line inside the block
            break
        if at <= indent:
            break
        if (deep is not None and at != deep) or line.endswith(" "):
            return None, i
        deep = at
        body.append(words)
        i += 1
    if not body:
        return None, i
    value = (" " if style[0] == ">" else "\n").join(body)
    return (value if style.endswith("-") else value + "\n"), i


def _deeper_after(lines: list[str], i: int, indent: int) -> bool:
    """Whether the first line after the blank ones from lines[i] is deeper than ``indent`` (the block goes on)."""
    for rest in lines[i:]:
        if rest:
            return len(rest) - len(rest.lstrip(" ")) > indent
    return False


class _Tree:
    """Builds the data from the rows, line by line, with a stack of the open block collections."""

    def __init__(self, deep: int, blocks: dict | None = None):
        self.deep = deep
        self.blocks = blocks or {}
        """Line number of a ``key: >-`` -> the value of its block scalar (see _with_blocks)."""
        self.marks: dict = {}
        self.key_marks: dict | None = {} if deep > _MAX_LEVELS else None
        self.stack: list = []  # (indent, container, path) of each open block collection
        self.pending = None  # (indent, dict, key, path, line, col) of a key whose value has not begun

    def read(self, rows: list) -> tuple:
        marks, deep, key_marks, check = self.marks, self.deep, self.key_marks, KEY_CHECK
        # the mapping the last key line went into, while no line opens or closes a collection:
        top, node, path, placed = -1, None, (), True  # placed: its values have their places recorded
        for no, (indent, raw, sep, text, dash, gap, item) in enumerate(rows, 1):
            if not raw:
                if not dash:
                    continue
                self._line(len(indent), True, no)
                pair = _ITEM_KEY.fullmatch(item) if ":" in item else None
                if pair is None:
                    self._item(item, no, len(indent) + len(gap) + 2)
                    node = None
                    continue
                raw, sep, text = pair.groups()  # a mapping in the list: its first key, as a key line's
                ind = len(indent) + len(gap) + 1
                top, node, path = self._map_item(ind, no)
                placed = key_marks is not None or len(path) < deep
            else:
                ind = len(indent)
                if ind != top or node is None or self.pending is not None:
                    self._line(ind, False, no)
                    top, node, path = self.stack[-1]
                    placed = key_marks is not None or len(path) < deep
            if raw[0] in check or len(raw) > MAX_KEY:
                key = KEYS.get(raw) or key_text(raw)
            else:
                key = raw
            if key in node:
                raise Decline  # a duplicate: libyaml's path says where both are
            if not text or text[0] == "#":
                here = path + (key,)
                if key_marks is not None:
                    key_marks[here] = (no, ind + 1)
                self.pending = (ind, node, key, here, no, ind + len(raw) + sep.index(":") + 2)
                continue
            first = text[0]
            mark = placed or (key == "value" and len(path) == deep)  # an entry's value is placed at any depth
            if not mark and first not in _COMPOUND:
                node[key] = plain(text)  # the common value, deeper than any place is recorded
                continue
            here = path + (key,)
            if key_marks is not None:
                key_marks[here] = (no, ind + 1)
            col = ind + len(raw) + len(sep) + 1
            if mark:
                marks[here] = (no, col)
            node[key] = self._compound(text, here, no, col) if first in _COMPOUND else plain(text)
        if not self.stack:
            raise Decline  # an empty document
        if self.pending is not None:
            self._null()
        return self.stack[0][1], marks, key_marks or {}

    def _placed(self, path: tuple) -> bool:
        """Whether a value at this path has its place recorded: within ``deep`` parts, and the ``value`` of an
        entry one part deeper (where a rule's problem points, as yamlstrict's builder records it too)."""
        deep = self.deep
        return len(path) <= deep or (len(path) == deep + 1 and path[-1] == "value")

    def _line(self, ind: int, is_list: bool, no: int) -> None:
        """A line that may open or close collections: the first, one after ``key:``, or one indented
        differently from the line before."""
        if not self.stack:
            self._open(ind, is_list, (), no)
        elif self.pending is not None:
            self._after_key(ind, is_list, no)
        else:
            self._close_to(ind, is_list)

    def _open(self, ind: int, is_list: bool, path: tuple, no: int):
        if len(self.stack) >= _MAX_LEVELS:
            raise Decline
        node = [] if is_list else {}
        self.stack.append((ind, node, path))
        if self._placed(path):
            self.marks[path] = (no, ind + 1)
        return node

    def _after_key(self, ind: int, is_list: bool, no: int) -> None:
        """The line after ``key:``: its value nested under it, a list at its indentation, or nothing (null)."""
        pind, parent, key, path, _, _ = self.pending
        if ind > pind or (ind == pind and is_list):
            self.pending = None
            parent[key] = self._open(ind, is_list, path, no)
        else:
            self._null()
            self._close_to(ind, is_list)

    def _null(self) -> None:
        _, parent, key, path, line, col = self.pending
        self.pending = None
        parent[key] = None
        if self._placed(path):
            self.marks[path] = (line, col)

    def _close_to(self, ind: int, is_list: bool) -> None:
        """Close the collections this line is outside of; it must then continue the innermost one."""
        stack = self.stack
        while stack and (ind < stack[-1][0] or (ind == stack[-1][0] and not is_list
                                                and isinstance(stack[-1][1], list))):
            stack.pop()
        if not stack or stack[-1][0] != ind or isinstance(stack[-1][1], list) != is_list:
            raise Decline  # indentation that matches no open collection, a list item among keys, ...

    def _map_item(self, ind: int, no: int) -> tuple:
        """A mapping opened by a list item (``- id: D1``) at column ``ind``: (ind, the mapping, its path)."""
        items, path = self.stack[-1][1:]
        here = path + (len(items),)
        items.append(self._open(ind, False, here, no))
        return self.stack[-1]

    def _item(self, text: str, no: int, col: int) -> None:
        node, path = self.stack[-1][1:]
        if not text or text[0] == "#":
            raise Decline  # an empty item, or one whose value is on the lines below
        node.append(self._value(text, path + (len(node),), no, col))

    def _value(self, text: str, path: tuple, no: int, col: int):
        if len(path) <= self.deep:
            self.marks[path] = (no, col)
        return self._compound(text, path, no, col) if text[0] in "\"'[{" else plain(text)

    def _compound(self, text: str, path: tuple, no: int, col: int):
        """A quoted scalar, a flow collection or a block scalar (its own place already recorded)."""
        first = text[0]
        if first == ">" or first == "|":
            if no not in self.blocks:
                raise Decline
            return self.blocks[no]
        if "\\" not in text and text.count('"') == 2:
            if first == '"' and text[-1] == '"':
                return text[1:-1]  # "text"
            if text.startswith('["') and text.endswith('"]'):  # ["text"], the usual evidence
                if len(path) < self.deep:
                    self.marks[path + (0,)] = (no, col + 1)
                return [text[2:-2]]
        if first == "[" or first == "{":
            value, end = (self._flow_list if first == "[" else self._flow_map)(text, 0, path, no, col)
            return after(text, end, value)
        return quoted(text)

    def _flow_list(self, text: str, pos: int, path: tuple, no: int, col: int,
                   nested: bool = True) -> tuple[list, int]:
        """A one-line flow list from text[pos] ('['): the list and the index past its ']'. Its entries are
        scalars, or (when ``nested``) flow lists of scalars; no empty or trailing entry."""
        out: list = []
        if text[pos + 1:].lstrip(" ").startswith("]"):
            return out, text.index("]", pos) + 1
        pos += 1
        while True:
            if nested and text[pos:].lstrip(" ")[:1] == "[":
                pos = text.index("[", pos)
                if len(path) < self.deep:
                    self.marks[path + (len(out),)] = (no, col + pos)
                inner, pos = self._flow_list(text, pos, path + (len(out),), no, col, False)
                out.append(inner)
                m = _NEXT.match(text, pos)
                if m is None:
                    raise Decline
                pos = m.end()
                if m.group(1) == "]":
                    return out, pos
                continue
            m = _ITEM.match(text, pos)
            if m is None:
                raise Decline
            out.append(scalar_of(*m.group(1, 2, 3)))
            if len(path) < self.deep:
                self.marks[path + (len(out) - 1,)] = (no, col + scalar_start(m, 1))
            pos = m.end()
            if m.group(4) == "]":
                return out, pos

    def _flow_map(self, text: str, pos: int, path: tuple, no: int, col: int,
                  nested: bool = True) -> tuple[dict, int]:
        """A one-line flow map from text[pos] ('{') whose values are scalars, flow lists of scalars or (when
        ``nested``) flow maps of those (a grade's ``label: {zh: 合格, en: Pass}``)."""
        out: dict = {}
        if text[pos + 1:].lstrip(" ").startswith("}"):
            return out, text.index("}", pos) + 1
        pos += 1
        while True:
            m = _PAIR.match(text, pos)
            if m is not None:  # a key and a scalar
                pos = self._pair(m, out, path, no, col)
                if m.group(5) == "}":
                    return out, pos
                continue
            m = _PAIR_KEY.match(text, pos)
            if m is None:
                raise Decline
            key = key_text(m.group(1))
            if key in out:
                raise Decline
            here, pos = path + (key,), m.end()
            if self.key_marks is not None:
                self.key_marks[here] = (no, col + m.start(1))
            if text.startswith("[", pos) or (nested and text.startswith("{", pos)):
                if self._placed(here):
                    self.marks[here] = (no, col + pos)
                if text[pos] == "[":
                    out[key], pos = self._flow_list(text, pos, here, no, col, False)
                else:
                    out[key], pos = self._flow_map(text, pos, here, no, col, False)
                m = _END.match(text, pos)
            else:
                m = _PAIR_VALUE.match(text, pos)
                if m is not None:
                    out[key] = scalar_of(*m.group(1, 2, 3))
                    if self._placed(here):
                        self.marks[here] = (no, col + scalar_start(m, 1))
            if m is None:
                raise Decline
            pos = m.end()
            if m.group(m.lastindex) == "}":
                return out, pos


    def _pair(self, m: re.Match, out: dict, path: tuple, no: int, col: int) -> int:
        """A flow map's key and scalar value (a _PAIR match) put in ``out``: the index past them."""
        key = key_text(m.group(1))
        if key in out:
            raise Decline
        here = path + (key,)
        if self.key_marks is not None:
            self.key_marks[here] = (no, col + m.start(1))
        out[key] = scalar_of(*m.group(2, 3, 4))
        if self._placed(here):
            self.marks[here] = (no, col + scalar_start(m, 2))
        return m.end()
