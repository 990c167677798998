"""YAML 1.2 core-schema resolution of scalars, as an editor's language server reads them: only true/false
are booleans, 017 is 17, 1:30 and dates stay strings; numbers are bounded and NaN/infinity refused."""
from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the nodes of libyaml's path: this module is imported without PyYAML (engine.yamlfast)
    import yaml

MAX_NUMBER = 1e15
"""Larger numbers are refused: nothing assessed here is that large, and bigger ones overflow."""

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_OCT = re.compile(r"^0o[0-7]+$")
_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_SPECIAL = re.compile(r"^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$")

STD = "tag:yaml.org,2002:"


def where(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def scalar(node: yaml.ScalarNode, tag: str | None) -> Any:
    text = node.value
    if tag is None and node.style:  # libyaml gives '' for plain, PyYAML None
        return text  # quoted or block scalar: always a string
    if tag == STD + "str":
        return text
    value = _resolve_plain(text, node)
    if tag and tag != STD + "str":
        want = {STD + "int": int, STD + "float": float, STD + "bool": bool, STD + "null": type(None)}
        kind = want.get(tag)
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        if kind is not None and not isinstance(value, kind):
            raise _error(f"{text!r} is not a valid {tag.rsplit(':', 1)[1]}", *where(node))
    return value


def _int(text: str) -> int:
    if len(text) > 40:
        return 10 ** 40  # refused as too large below, without converting a huge text
    return int(text[2:], 8) if text.startswith("0o") else int(text[2:], 16) if text.startswith("0x") else int(text)


def _bounded(value: int | float, text: str) -> int | float:
    if math.isinf(value) or abs(value) > MAX_NUMBER:
        shown = text if len(text) <= 24 else text[:20] + "…"
        raise ValueError(f"{shown!r} is too large a number (at most {MAX_NUMBER:g})")
    return value


def resolve_plain(text: str) -> Any:
    """YAML 1.2 core schema resolution of a plain scalar; a refused value (too large, NaN, infinity)
    raises ValueError with the message to report."""
    if _NULL.match(text):
        return None
    if text in _BOOL:
        return _BOOL[text]
    if _INT.match(text) or _OCT.match(text) or _HEX.match(text):
        return _bounded(_int(text), text)
    if _FLOAT.match(text):
        return _bounded(float(text), text)
    if _SPECIAL.match(text):
        raise ValueError(f"{text!r}: NaN and infinity are not allowed")
    return text


def _resolve_plain(text: str, node: yaml.Node) -> Any:
    try:
        return resolve_plain(text)
    except ValueError as e:
        raise _error(str(e), *where(node)) from None


def _error(message: str, line: int, col: int):
    from .yamlstrict import YamlError  # the loader's error type (yamlstrict imports this module)

    return YamlError(message, line, col)
