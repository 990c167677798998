"""``json.dumps(data, ensure_ascii=False, indent=2)``'s very text, at the C encoder's speed.

The standard library writes indented JSON with its pure-Python encoder; a gap report of thousands of
subjects then takes longer to encode than to compute.  Here every run of scalars in an object and every
array of scalars is written by the C encoder with the indentation as its item separator, and only the
nesting is walked in Python.  Anything the fast walk does not know (a type the encoder would call
``default`` for, a key that is not text in an object holding containers) falls back to the standard
library, so the text (or the error) is always its own.
"""
from __future__ import annotations

import json
from functools import lru_cache

SCALARS = (str, int, float, type(None))
"""bool is an int."""


class _General(Exception):
    """Something only the standard encoder's walk handles."""


def dumps(data, indent: int = 2, depth: int = 0) -> str:
    """The indented JSON text of ``data`` (no escaping beyond the encoder's: see json_fmt.dumps), its lines
    after the first indented ``depth`` levels more (an item of an array written piece by piece)."""
    try:
        return _value(data, depth, " " * indent)
    except _General:
        text = json.dumps(data, ensure_ascii=False, indent=indent)
        return text.replace("\n", "\n" + " " * (indent * depth)) if depth else text


@lru_cache(maxsize=64)
def _encoder(sep: str):
    """The C encoder writing a container's items one per line at the depth ``sep`` indents to."""
    from json.encoder import c_make_encoder, encode_basestring, JSONEncoder

    if c_make_encoder is None:  # no C accelerator: the standard walk is as fast
        raise _General
    c = c_make_encoder(None, JSONEncoder().default, encode_basestring, None, ": ", sep, False, False, True)
    return lambda x: "".join(c(x, 0))


def _value(x, depth: int, step: str) -> str:
    if isinstance(x, SCALARS):
        return _encoder(",")(x)
    if isinstance(x, dict):
        return _object(x, depth, step) if x else "{}"
    if isinstance(x, (list, tuple)):
        return _array(x, depth, step) if x else "[]"
    raise _General


def _array(x, depth: int, step: str) -> str:
    inner = "\n" + step * (depth + 1)
    if all(isinstance(v, SCALARS) for v in x):
        body = _encoder("," + inner)(x)[1:-1]
    else:
        body = ("," + inner).join(_value(v, depth + 1, step) for v in x)
    return "[" + inner + body + "\n" + step * depth + "]"


def _object(x: dict, depth: int, step: str) -> str:
    inner = "\n" + step * (depth + 1)
    sep = "," + inner
    encode = _encoder(sep)
    pieces, run = [], {}
    for k, v in x.items():
        if isinstance(v, SCALARS):
            run[k] = v
            continue
        if type(k) is not str:
            raise _General
        if run:
            pieces.append(encode(run)[1:-1])
            run = {}
        pieces.append(_encoder(",")(k) + ": " + _value(v, depth + 1, step))
    if run:
        pieces.append(encode(run)[1:-1])
    return "{" + inner + sep.join(pieces) + "\n" + step * depth + "}"
