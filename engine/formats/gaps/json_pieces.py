"""The pieces JSON rows are joined from without the general encoder walking them (gaps' batch rows,
compare's standings): a %-format cut from json_indent's text of a dict around the values each row fills in,
and the texts of those values.  Every text is json_ci'd as it is made, so the joined text is json_ci's text
of the whole (json_ci rewrites single characters and ``##[``, and no piece ends inside a ``##[``: each ends
at a JSON token's edge).  No numpy: compare's JSON of a few files uses these too."""
from __future__ import annotations

from json.encoder import encode_basestring

from ...safe_text import json_ci
from ..json_indent import dumps as indented

MARK = "\x00\x01{}\x01\x00"
"""A text no data holds in its place, for the values a template leaves open."""


def format_of(d: dict, keys: tuple, depth: int) -> str:
    """indented(d, 2, depth), json_ci'd, as a %-format with a %s for each value of ``keys`` (in d's order)."""
    return format_marked({**d, **{k: MARK.format(k) for k in keys}}, keys, depth)


def format_marked(d: dict, names: tuple, depth: int) -> str:
    """format_of of a dict that holds MARK.format(name) where each value of ``names`` goes (at any depth, in
    the order of the text)."""
    text = indented(d, 2, depth)
    pieces = []
    for k in names:
        head, text = text.split(indented(MARK.format(k)), 1)
        pieces.append(head)
    return "%s".join(json_ci(p).replace("%", "%%") for p in pieces + [text])


def pad_list(items: list[str] | None, depth: int) -> str:
    """indented(list, 2, depth) of a list whose items are JSON texts already."""
    if not items:
        return "[]"
    inner = "\n" + "  " * (depth + 1)
    return "[" + inner + ("," + inner).join(items) + "\n" + "  " * depth + "]"


def string(s: str) -> str:
    """A text as JSON writes it, json_ci'd."""
    return json_ci(encode_basestring(s))


def json_float(u: float) -> str:
    """A float as the JSON encoder writes it."""
    return "NaN" if u != u else "Infinity" if u == INF else "-Infinity" if u == -INF else repr(u)


INF = float("inf")
