"""Text made inert for the formats the engine writes for other programs to read: Markdown, URIs, and JSON and
XML whose text a CI log shows (engine.safe_text says what each destination must not see; the terminal's and
rich's functions are there, these are imported by the formats that need them, not on every start).

- ``md`` / ``md_code``: Markdown that renders as the text, nothing else;
- ``uri``: a path as a percent-encoded relative URI (RFC 3986);
- ``json_ci`` / ``xml_ci``: lossless character references for what a log must not see raw.
"""
from __future__ import annotations

import re

from .safe_text import BIDI, BREAKS, visible


# --- CI logs --------------------------------------------------------------------------------------------

JSON_UNSAFE = re.compile(f"[\x7f-\x9f{BIDI}\u2028\u2029\ud800-\udfff]")


def json_ci(text: str) -> str:
    """Serialised JSON (ensure_ascii=False) with the characters a terminal or a log could act on written as
    \\u escapes: the same data, decoded, but nothing raw reaches the log (JSON already escapes C0). A lone
    surrogate, which no UTF-8 file can hold, becomes its \\u escape too. (``##[`` is ASCII and none of those
    characters, so the two are replaced apart: one character class scans fast.)"""
    if "##[" in text:
        text = text.replace("##[", "##\\u005b")
    return JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


XML_COMMAND = re.compile(rf"(^|[{BREAKS}])(\s*)::")


def xml_ci(text: str) -> str:
    """Serialised XML with a CI command neutralised by character references (the same document once parsed):
    ``##[`` as ``##&#91;``, a line starting with ``::`` as ``&#58;:``; tab, CR, C1 and bidi controls as
    references too (a CR would end the runner's line)."""
    text = XML_COMMAND.sub(lambda m: m.group(1) + m.group(2) + "&#58;:", text).replace("##[", "##&#91;")
    return XML_RAW.sub(lambda m: f"&#{ord(m.group())};", text)


XML_RAW = re.compile(f"[\t\r\x7f-\x9f{BIDI}\u2028\u2029]")


# --- Markdown -------------------------------------------------------------------------------------------

MD_ALWAYS = re.compile(r"[\\`*_~\[\]|$]")
MD_LEAD = re.compile(r"^(\s*)(>|[#+=-](?=[\s#+=-]|$)|\d{1,9}[.)](?=\s|$))")
"""What opens a block at the start of a line: a quote, a heading, a list item, a rule or an underline."""
MD_BREAKS = re.compile(f"\r\n|[{BREAKS}]")
MD_AUTOLINK = re.compile(r"(?i):(?=//)|www\.")
MD_PLAIN_CODE = re.compile(r"[\w./:@+,=-]+")


def md(value) -> str:
    """Text that a Markdown viewer (CommonMark, GFM, GitHub) shows as written, on one line, safe in a table
    cell, a heading or a list item: line breaks become spaces, controls visible escapes, HTML (&, <) entities,
    and every character that could open a link, image, emphasis, code, math, table cell or block (leading
    # > - + = and "1."), or an autolink (``://``, ``www.``) is backslash-escaped."""
    s = visible(MD_BREAKS.sub(" ", str(value)))
    s = MD_ALWAYS.sub(lambda m: "\\" + m.group(), s).replace("&", "&amp;").replace("<", "&lt;")
    s = MD_AUTOLINK.sub(lambda m: m.group()[:-1] + "\\" + m.group()[-1], s)
    return MD_LEAD.sub(lambda m: m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1], s)


def md_code(value) -> str:
    """An id or a path as inline code when it is plain (letters, digits, . / : @ + , = - _), else as ``md``
    text: a backtick or a pipe in a code span would end it, or the table cell it sits in."""
    s = str(value)
    return f"`{s}`" if MD_PLAIN_CODE.fullmatch(s) else md(s)


# --- URIs -----------------------------------------------------------------------------------------------

def uri(path) -> str:
    """A file path as a URI reference (RFC 3986): relative paths stay relative, every character outside the
    unreserved set and "/" percent-encoded as UTF-8 (spaces, %, #, ?, :, non-ASCII, controls); an absolute
    path becomes a file:// URI. A lone surrogate (no UTF-8 form) is encoded as "?" (%3F)."""
    from urllib.parse import quote

    s = str(path).encode("utf-8", "replace").decode("utf-8")
    if s.startswith("/"):
        return "file://" + quote("/" + s.lstrip("/"), safe="/")
    return quote(s, safe="/")
