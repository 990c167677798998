"""Numbers the way officials print them: full-width digits, 1,234, 85%, 3.6万, 2亿, 6000余人.

One grammar serves both the reader (``parse_number``) and the submission JSON Schema
(``schema_pattern``), so an editor and ``scorecard validate`` accept the same texts.  Anything
that is not a number raises ``NotANumber`` (never a silent zero).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

MAGNITUDES = {"万": 10_000, "亿": 100_000_000}
MAX_NUMBER = 1e15
"""Larger numbers are refused (as the YAML loader refuses them)."""
APPROX_BEFORE = ("约", "近", "超过", "逾")
APPROX_AFTER = ("余", "多")

# Full-width ASCII (U+FF01..U+FF5E) and the ideographic space read as their ASCII forms.
_WIDE = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)} | {0x3000: 0x20, 0x2212: 0x2D}


def _grammar(wide: bool) -> str:
    """The number grammar as a regex; ``wide`` also admits the full-width characters."""
    def cls(ascii_chars: str) -> str:
        extra = "".join(chr(ord(c) + 0xFEE0) for c in ascii_chars) if wide else ""
        minus = "\u2212" if wide and "-" in ascii_chars else ""
        return "[" + re.escape(ascii_chars) + extra + minus + "]"

    d, comma, dot = cls("0123456789"), cls(","), cls(".")
    num = f"(?:{d}{{1,3}}(?:{comma}{d}{{3}})+|{d}+)(?:{dot}{d}+)?"
    pre = "(?:" + "|".join(APPROX_BEFORE) + ")"
    post, mag = "[" + "".join(APPROX_AFTER) + "]", "[" + "".join(MAGNITUDES) + "]"
    unit = "(?:(?![万亿余多])[\u4e00-\u9fff]){1,3}"
    return (f"(?P<pre>{pre})?(?P<sign>{cls('+-')})?(?P<num>{num})(?P<pct>{cls('%')})?"
            f"(?:(?P<mag>{mag})(?P<post>{post})?|(?P<post2>{post})(?P<mag2>{mag})?)?(?P<unit>{unit})?")


_NUMBER = re.compile(_grammar(wide=False))


def schema_pattern(unit: str = "") -> str:
    """An ECMA-262 pattern for the texts parse_number accepts (with ``unit`` allowed to trail)."""
    g = re.sub(r"\(\?P<\w+>", "(", _grammar(wide=True))
    tail = f"(?:\\s*{re.escape(unit)})?" if unit and unit != "%" else ""
    return f"^\\s*{g}{tail}\\s*$"


class NotANumber(ValueError):
    """The text is not a number in any form the engine accepts."""


@dataclass(frozen=True)
class Number:
    """A number read from text, with how it was read."""

    value: float | int
    notes: tuple[str, ...] = ()
    """Normalisations applied, e.g. "'3.6万' read as 36000"."""
    approximate: bool = False
    """True when the text said 约/近/余/多: accepted with a warning."""


def parse_number(raw: object, unit: str = "") -> Number:
    """Read a number from a YAML/CSV value; ``unit`` (the measure's unit) may trail the text."""
    if isinstance(raw, bool) or raw is None:
        raise NotANumber(f"expected a number, got {show(raw)}")
    if isinstance(raw, (int, float)):
        if isinstance(raw, float) and not math.isfinite(raw):
            raise NotANumber("NaN and infinity are not numbers here")
        if abs(raw) > MAX_NUMBER:
            raise NotANumber(f"{show(raw)} is too large a number (at most {MAX_NUMBER:g})")
        return Number(raw)
    if not isinstance(raw, str):
        raise NotANumber(f"expected a number, got {show(raw)}")
    return _parse_text(raw, unit)


def _parse_text(raw: str, unit: str) -> Number:
    stripped = raw.strip()
    text = stripped.translate(_WIDE)
    notes = ["full-width characters"] if text != stripped else []
    if unit and unit != "%" and text.endswith(unit) and len(text) > len(unit):
        text = text[: -len(unit)].rstrip()
        notes.append(f"unit {unit} dropped")
    m = _NUMBER.fullmatch(text)
    if not m:
        raise NotANumber(f"expected a number, got {raw!r}")
    digits = m["num"]
    number = float(digits.replace(",", "")) * (-1 if m["sign"] == "-" else 1)
    if "," in digits:
        notes.append("thousands separators")
    magnitude = m["mag"] or m["mag2"]
    if magnitude:
        number *= MAGNITUDES[magnitude]
        notes.append(f"{magnitude} = {MAGNITUDES[magnitude]:,}")
    if m["pct"]:
        notes.append("percent sign")
    if m["unit"]:
        notes.append(f"unit {m['unit']} dropped")
    if not math.isfinite(number) or abs(number) > MAX_NUMBER:
        raise NotANumber(f"{show(raw)} is too large a number (at most {MAX_NUMBER:g})")
    value = _tidy(number)
    approximate = bool(m["pre"] or m["post"] or m["post2"])
    if approximate:
        notes.append("approximate: " + "".join(x for x in (m["pre"], m["post"], m["post2"]) if x))
    if notes:
        notes = [f"{raw!r} read as {value:,}" + f" ({'; '.join(notes)})"]
    return Number(value, tuple(notes), approximate)


def _tidy(x: float) -> float | int:
    """3.6 * 10000 is 36000.00000000001 in binary; give it as people wrote it."""
    r = round(x, 6)
    return int(r) if r.is_integer() else r


def show(raw: object) -> str:
    """A value as a message shows it."""
    if isinstance(raw, bool):
        return "true" if raw else "false"
    if raw is None:
        return "nothing"
    if isinstance(raw, (list, dict)):
        return "a list" if isinstance(raw, list) else "a map"
    text = repr(raw)
    return text if len(text) <= 40 else text[:36] + "…" + text[-3:]
