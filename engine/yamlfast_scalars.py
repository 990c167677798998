"""The one-line scalars of engine.yamlfast's subset: quoted bodies and their escapes, plain scalars resolved
under the YAML 1.2 core schema as engine.yaml12 resolves them, and keys; anything else raises Decline (the text
goes to libyaml's path)."""
from __future__ import annotations

import re

from .yaml12 import resolve_plain


class Decline(Exception):
    """The text is not in the subset (or has a problem): libyaml's path reads it."""


MAX_KEY = 1000
"""libyaml refuses implicit keys of over 1,024 characters: longer keys are left to it."""
NOT_TEXT_START = frozenset("0123456789+-.~nNtTfF")
"""A plain scalar starting otherwise is a string under the YAML 1.2 core schema (null, true, false, numbers)."""
KEY_CHECK = NOT_TEXT_START | {'"', "'"}
_PLAIN_START_NO = frozenset("#&*!|>'\"%@`?:,[]{}")
_WORDS = {"true": True, "false": False, "null": None, "~": None}
_DECIMAL = re.compile(r"[0-9]{1,15}\.[0-9]{1,15}")
"""A plain decimal such as 24.07: a float under the YAML 1.2 core schema, below yaml12.MAX_NUMBER."""
_ESCAPES = re.compile(r'\\(?:["\\/bfnrt]|u(?![dD][89abAB])[0-9a-fA-F]{4})')
"""The escapes YAML shares with JSON (no surrogates); any other backslash in a double-quoted scalar declines."""
_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})|\\.")
_JSON_ESCAPES = {"\\\\": "\\", '\\"': '"', "\\/": "/", "\\b": "\b", "\\f": "\f", "\\n": "\n", "\\r": "\r",
                 "\\t": "\t"}


def scalar_start(m: re.Match, first: int) -> int:
    """Where the scalar of a flow entry begins: its opening quote, or its first character."""
    for g in (first, first + 1):
        if m.start(g) >= 0:
            return m.start(g) - 1
    return m.start(first + 2)


def after(text: str, pos: int, out):
    """``out``, if nothing but a comment follows ``pos``."""
    rest = text[pos:]
    if rest and not (rest[0] == " " and rest.lstrip(" ")[:1] == "#"):
        raise Decline
    return out


def key_text(raw: str) -> str:
    if len(raw) > MAX_KEY:
        raise Decline
    first = raw[0]
    if first == '"' or first == "'":
        return quoted(raw)
    if first in NOT_TEXT_START and not isinstance(resolved(raw), str):
        raise Decline  # null or a number as a key: libyaml's path turns it into text or refuses it
    if len(KEYS) < MAX_KEYS:
        KEYS[raw] = raw
    return raw


KEYS: dict = {}
"""Plain keys already found to be text (``note``, ``name``, ``target``: they start as null or a number
could), so a batch of files resolves each once."""
MAX_KEYS = 4096


def scalar_of(dq: str | None, sq: str | None, plain: str | None):
    if dq is not None:
        return _unescape(dq) if "\\" in dq else dq
    if sq is not None:
        return sq.replace("''", "'")
    return resolved(plain)


def quoted(text: str) -> str:
    """A one-line quoted scalar, with nothing after it but a comment."""
    if text[0] == "'":
        end = text.find("'", 1)
        while end > 0 and text.startswith("''", end):
            end = text.find("'", end + 2)
        if end < 0:
            raise Decline
        after(text, end + 1, None)
        return text[1:end].replace("''", "'")
    end = text.find('"', 1)
    while end > 0 and _escaped(text, end):
        end = text.find('"', end + 1)
    if end < 0:
        raise Decline
    after(text, end + 1, None)
    body = text[1:end]
    return _unescape(body) if "\\" in body else body


def _escaped(text: str, quote: int) -> bool:
    """Whether the quote at this index is escaped (an odd number of backslashes before it)."""
    n = 0
    while text[quote - 1 - n] == "\\":
        n += 1
    return n % 2 == 1


def _unescape(body: str) -> str:
    """The escapes JSON shares with YAML (\\u without surrogates); any other backslash declines."""
    if "\\" in _ESCAPES.sub("", body):
        raise Decline
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)) if m.group(1) else _JSON_ESCAPES[m.group(0)], body)


def plain(text: str):
    """A one-line plain scalar, a trailing comment cut off."""
    cut = text.find(" #")
    if cut >= 0:
        text = text[:cut].rstrip(" ")
    if text[0] in _PLAIN_START_NO or ": " in text or text[-1] == ":" or (text[0] == "-" and text[1:2] in ("", " ")):
        raise Decline
    return resolved(text)


def resolved(text: str):
    if text[0] not in NOT_TEXT_START:
        return text
    if text in _WORDS:
        return _WORDS[text]
    if len(text) < 16 and text.isdigit() and text.isascii():
        return int(text)  # as yaml12 reads it (017 is 17), and within its bounds
    if len(text) < 32 and _DECIMAL.fullmatch(text):
        return float(text)  # as yaml12 reads it: at most 15 digits before the point is within its bounds
    try:
        return resolve_plain(text)
    except ValueError:
        raise Decline from None
