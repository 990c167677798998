"""A spreadsheet cell read the way Excel shows it, from its number format.

A cell formatted as a percentage that shows 85% holds 0.85: it is read as the text '85%' (and the
measure's unit decides what that is, engine.units).  A currency or unit in the format (¥, $, "元",
"万元") is read as written after the number; thousands separators and decimals are display only (the
held number is read in full).  A date cell is its text as shown ('2024', '2024-06-30', '2024年6月'),
marked as a date so that a number measure refuses it.  A text cell that starts with Excel's text
marker ' is read without it.  Each is a ``Shown`` text with what the cell showed, for the notes.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from .numbers import WORD, Shown
from .units import CURRENCY, MAGNITUDES

_TOKENS = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.|[0#?]|.', re.S)
_PLACEHOLDER = set("0#?")
_UNIT = re.compile(f"(?:{'|'.join(MAGNITUDES)})?{WORD}|(?:{'|'.join(MAGNITUDES)})|‰|%|％")
_ISO_DATE = {"mm-dd-yy", "m/d/yy", "yyyy-mm-dd", "yyyy/m/d", "m/d/yyyy"}
"""Built-in short-date formats whose look depends on the reader's locale: shown as 2024-06-30."""


def cell_value(value: Any, fmt: str | None) -> Any:
    """The value to read from a cell holding ``value`` with number format ``fmt``."""
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return Shown(date_text(value, fmt or ""), date=True)
    if isinstance(value, str):
        return value[1:] if value.startswith("'") else value
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not fmt:
        return value
    if isinstance(value, float) and not math.isfinite(value):
        return value  # no format shows NaN or infinity as a number: the reader refuses it, located
    return number_shown(value, fmt)


def _sections(fmt: str) -> list[str]:
    out, cur = [], ""
    for tok in _TOKENS.findall(fmt):
        if tok == ";":
            out.append(cur)
            cur = ""
        else:
            cur += tok
    return out + [cur]


def _section(fmt: str, value: float) -> str:
    """The format section Excel uses for the value (positive; negative; zero; text)."""
    parts = _sections(fmt)
    if value < 0 and len(parts) > 1 and any(c in parts[1] for c in _PLACEHOLDER):
        return parts[1]
    if value == 0 and len(parts) > 2 and any(c in parts[2] for c in _PLACEHOLDER):
        return parts[2]
    return parts[0]


def number_shown(value: float, fmt: str) -> Any:
    """A number as its format shows it: the held number, or a Shown text when the format adds a
    percentage, a currency or a unit."""
    tokens = _TOKENS.findall(_section(fmt, value))
    places = [i for i, t in enumerate(tokens) if t in _PLACEHOLDER]
    if not places or fmt.strip().lower() in ("general", "@"):
        return value
    first, last = places[0], places[-1]
    percent = sum(1 for t in tokens if t == "%")
    commas = len(re.match(r",*", "".join(t for t in tokens[last + 1:] if t in ",")).group()) if \
        tokens[last + 1:last + 2] == [","] else 0
    prefix = "".join(_literal(t) for t in tokens[:first])
    suffix = "".join(_literal(t) for t in tokens[last + 1:] if t not in (",", "%"))
    currency = next((c for c in CURRENCY if c in prefix or c in suffix), "")
    unit = _unit(suffix)
    if not (percent or commas or currency or unit):
        return value
    try:
        number = Decimal(repr(float(value)) if isinstance(value, float) else value)
    except InvalidOperation:
        return value
    number = number.scaleb(2 * percent - 3 * commas)
    text = _plain(abs(number))
    sign = "-" if number < 0 else ""
    written = f"{sign}{currency}{text}{'%' if percent else ''}{unit}"
    return Shown(written, _display(tokens, first, last, number, prefix, suffix, percent))


def _literal(tok: str) -> str:
    if tok.startswith('"'):
        return tok[1:-1]
    if tok.startswith("\\"):
        return tok[1:]
    if tok.startswith("[$"):
        return tok[2:-1].split("-", 1)[0]
    if tok.startswith(("[", "_", "*")) or tok in ".E+-e":
        return ""
    return tok


def _unit(suffix: str) -> str:
    """The unit words in a format's literal text after the number ('万元', '人', '‰'), '' when none."""
    found = _UNIT.search(suffix.replace(" ", ""))
    return found.group() if found else ""


def _plain(x: Decimal) -> str:
    text = format(x, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _display(tokens, first, last, number: Decimal, prefix: str, suffix: str, percent: int) -> str:
    """The cell's text as Excel shows it (for notes): decimals, thousands separators and literals."""
    body = tokens[first:last + 1]
    decimals = sum(1 for t in body[body.index("."):] if t in _PLACEHOLDER) if "." in body else 0
    grouped = "," in body
    shown = f"{abs(number):{',' if grouped else ''}.{decimals}f}"
    return ("-" if number < 0 else "") + prefix.strip() + shown + ("%" if percent else "") + suffix.strip()


_DATE_TOKENS = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.|(?i:yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s)|.', re.S)


def date_text(value, fmt: str) -> str:
    """A date (or time) cell's text as its format shows it ('yyyy' -> '2024', 'yyyy"年"m"月"' -> '2024年6月')."""
    section = _sections(fmt)[0] if fmt else ""
    if not section.strip() or section.lower() in _ISO_DATE or section.lower() == "general":
        whole = isinstance(value, dt.datetime) and value.time() == dt.time()
        return value.date().isoformat() if whole else value.isoformat()
    tokens = _DATE_TOKENS.findall(section)
    codes = [i for i, t in enumerate(tokens) if t.isalpha() and t.lower()[0] in "ymdhs" and len(set(t.lower())) == 1]
    out = []
    for i, tok in enumerate(tokens):
        if i not in codes:
            out.append(_date_literal(tok))
            continue
        at = codes.index(i)
        before = tokens[codes[at - 1]].lower()[0] if at else ""
        after = tokens[codes[at + 1]].lower()[0] if at + 1 < len(codes) else ""
        out.append(_code(tok.lower(), value, minute=before == "h" or after == "s"))
    return "".join(out)


def _date_literal(tok: str) -> str:
    if tok.startswith(("[", "*")) and not tok.startswith("[$"):
        return ""
    return " " if tok.startswith("_") else _literal(tok) if tok.startswith(('"', "\\", "[$")) else tok


def _code(c: str, value, minute: bool) -> str:
    def get(attr: str) -> int:
        return getattr(value, attr, 0)  # a date has no hour, a time no year

    if c in ("m", "mm") and minute:
        return f"{get('minute'):0{len(c)}d}"
    table = {"yyyy": f"{get('year'):04d}", "yy": f"{get('year') % 100:02d}", "m": str(get("month")),
             "mm": f"{get('month'):02d}", "d": str(get("day")), "dd": f"{get('day'):02d}",
             "h": str(get("hour")), "hh": f"{get('hour'):02d}", "s": str(get("second")),
             "ss": f"{get('second'):02d}"}
    if c in table:
        return table[c]
    names = {"mmm": "%b", "mmmm": "%B", "ddd": "%a", "dddd": "%A"}
    return value.strftime(names[c]) if c in names and hasattr(value, "strftime") else c
