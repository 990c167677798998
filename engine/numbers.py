"""Numbers the way officials print them: full-width digits, 1,234, 85%, 3.6万, 2亿, 6000余人.

``parse_number`` returns the number and the notes that say how it was read; anything that is
not a number raises ``NotANumber`` (never a silent zero).
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

MAGNITUDES = {"万": 10_000, "亿": 100_000_000}
APPROX_BEFORE = ("约", "近", "超过", "逾")
APPROX_AFTER = ("余", "多")

_NUM = re.compile(r"^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")


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
        return Number(raw)
    if not isinstance(raw, str):
        raise NotANumber(f"expected a number, got {show(raw)}")
    return _parse_text(raw, unit)


def _parse_text(raw: str, unit: str) -> Number:
    text = unicodedata.normalize("NFKC", raw).strip().replace("\u2212", "-").replace(" ", "")
    notes: list[str] = []
    if text != raw.strip():
        notes.append("full-width characters")
    text, approx_b = _strip_prefix(text, APPROX_BEFORE)
    if unit and unit != "%" and text.endswith(unit) and len(text) > len(unit):
        text = text[: -len(unit)]
    text, approx_a = _strip_suffix(text, APPROX_AFTER)
    text, magnitude = _strip_suffix(text, tuple(MAGNITUDES))
    if not approx_a:
        text, approx_a = _strip_suffix(text, APPROX_AFTER)
    percent = text.endswith("%")
    if percent:
        text = text[:-1]
    if not _NUM.match(text):
        raise NotANumber(f"expected a number, got {raw!r}")
    if "," in text:
        notes.append("thousands separators")
    number = float(text.replace(",", ""))
    if magnitude:
        number *= MAGNITUDES[magnitude]
        notes.append(f"{magnitude} = {MAGNITUDES[magnitude]:g}")
    if percent:
        notes.append("percent sign")
    value = int(number) if number.is_integer() and "." not in text and not magnitude else _tidy(number)
    approximate = bool(approx_b or approx_a)
    if notes or approximate:
        notes.insert(0, f"{raw!r} read as {value:g}")
    return Number(value, tuple(notes), approximate)


def _strip_prefix(text: str, words: tuple[str, ...]) -> tuple[str, str]:
    for w in words:
        if text.startswith(w):
            return text[len(w):], w
    return text, ""


def _strip_suffix(text: str, words: tuple[str, ...]) -> tuple[str, str]:
    for w in words:
        if text.endswith(w) and len(text) > len(w):
            return text[: -len(w)], w
    return text, ""


def _tidy(x: float) -> float | int:
    """3.6 * 10000 is 36000.00000000001 in binary; print it as people wrote it."""
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
    return repr(raw)
