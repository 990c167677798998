"""Numbers the way officials print them: full-width digits, 1,234, 85%, 3.6万, 0.015亿元, ¥1,234, 6000余人.

One grammar serves both the reader (``parse_number``) and the submission JSON Schema
(``schema_pattern``), so an editor and ``scorecard validate`` accept the same texts.  The grammar is
built for the measure's unit (engine.units): a text whose unit cannot be the measure's is refused by
both, the reader saying what the measure expects.  Anything that is not a number raises
``NotANumber`` (never a silent zero).  Whitespace is the one class SPACE, in the reader and the pattern.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from . import units
from .units import Incompatible, Written

MAGNITUDES = {word: 10 ** exp for word, exp in units.MAGNITUDES.items()}
"""Magnitude words and what they multiply by (万 = 10,000, 亿 = 100,000,000, ...)."""
MAX_NUMBER = 1e15
"""Larger YAML/JSON numbers are refused (as the YAML loader refuses them)."""
MAX_DIGITS, MAX_DECIMALS = 15, 20
"""A number as text has at most this many digits before and after its decimal point."""
APPROX_BEFORE = ("约", "近", "超过", "逾")
APPROX_AFTER = ("余", "多")
SPACE = r"[\t\n\x0b\x0c\r \u00a0\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]"
"""What may stand around a value (spaces of every kind, and the zero-width ones); other control
characters are not whitespace and make the text no number."""
_NOT_WORD = "万亿千百十余多约近逾超"
"""Characters a unit word never has: magnitudes, and the approximate markers (so '4 约5' is two ratings)."""
WORD = f"(?:(?![{_NOT_WORD}])[\u4e00-\u9fff]){{1,3}}"
"""A Chinese unit word (人, 个, 人次, 万元 is magnitude 万 and word 元)."""

# Full-width ASCII (U+FF01..U+FF5E) and the ideographic space read as their ASCII forms.
_WIDE = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)} | {0x3000: 0x20, 0x2212: 0x2D}


def escape(text: str) -> str:
    """``text`` as a literal in a pattern that Python and ECMA-262 (with or without the u flag) read alike."""
    return "".join("\\" + c if c in "\\^$.*+?()[]{}|/" else c for c in text)  # not '-': u-mode refuses \\-


def _cls(chars: str, wide: bool) -> str:
    """A character class of ``chars``, with their full-width forms when ``wide``."""
    extra = "".join(chr(ord(c) + 0xFEE0) for c in chars if "!" <= c <= "~") if wide else ""
    minus = "\u2212" if wide and "-" in chars else ""
    return "[" + "".join("\\-" if c == "-" else escape(c) for c in chars) + extra + minus + "]"  # '-' escaped in []


def _lit(text: str, wide: bool) -> str:
    """A literal text, each ASCII character also full-width when ``wide``."""
    return "".join(_cls(c, wide) if wide and "!" <= c <= "~" else escape(c) for c in text)


def _alt(words, wide: bool) -> str:
    return "(?:" + "|".join(_lit(w, wide) for w in sorted(words, key=len, reverse=True)) + ")"


def _grammar(unit: str, wide: bool, strict: bool) -> str:
    """The number grammar for a measure in ``unit``; ``strict`` admits only what the reader accepts,
    else every form is admitted (and the reader says why an incompatible one is refused)."""
    s, d = SPACE, _cls("0123456789", wide)
    comma, dot = _cls(",", wide), _cls(".", wide)
    num = (f"(?:{d}{{1,3}}(?:{comma}{d}{{3}}){{1,{(MAX_DIGITS - 1) // 3}}}|{d}{{1,{MAX_DIGITS}}})"
           f"(?:{dot}{d}{{1,{MAX_DECIMALS}}})?")
    cur = units.currencies(unit) if strict else "".join(units.CURRENCY)
    sign = _cls("+-", wide)
    head = f"(?:(?P<cur>[{cur}]){s}*(?P<sign>{sign})?|(?P<sign2>{sign})(?P<cur2>[{cur}])?)" if cur else \
        f"(?P<sign>{sign})"
    literal = units.compatible_words(unit)
    word = (_alt(literal, wide) if literal else None) if strict and units.unit_of(unit) else \
        "(?:" + "|".join(filter(None, [_alt(literal, wide) if literal else "", WORD])) + ")"
    mag, post = _alt(units.MAGNITUDES, False), "[" + "".join(APPROX_AFTER) + "]"
    tails = []
    if not strict or units.allows_percent(unit):
        tails.append(f"(?P<pct>{_cls('%', wide)}|‰)(?P<post0>{post})?")
    if not strict or units.allows_magnitude(unit):
        w = f"(?:{s}*(?P<word>{word}))?" if word else ""
        tails.append(f"(?P<mag>{mag})(?P<post>{post})?{w}")
        tails.append(f"(?P<post2>{post})(?P<mag2>{mag})?" + (f"(?:{s}*(?P<word2>{word}))?" if word else ""))
        if word:
            tails.append(f"(?P<word4>{word})")
    else:
        tails.append(f"(?P<post2>{post})")  # 85余 for a measure in %: approximate, in the measure's unit
    tail = f"(?:{s}*(?:{'|'.join(tails)}))?" if tails else ""
    pre = "(?P<pre>" + "|".join(APPROX_BEFORE) + ")"
    return f"{pre}?{head}?(?P<num>{num}){tail}"


@lru_cache(maxsize=256)
def _reader(unit: str) -> re.Pattern:
    return re.compile(f"{SPACE}*{_grammar(_narrow(unit), wide=False, strict=False)}{SPACE}*")


@lru_cache(maxsize=256)
def _words(unit: str) -> tuple[str, ...]:
    return units.compatible_words(_narrow(unit))


def _reader_for(unit: str, text: str) -> re.Pattern:
    """_reader(unit), or the reader of no unit when none of the unit's own words is in ``text``: the reader
    admits every form (strict=False), so a unit shapes it only by the words it tries before any Chinese word,
    and a word absent from the text cannot change a match.  A table of many units then compiles one or two
    patterns (some 4 ms each) instead of one a unit."""
    return _reader(unit) if any(w in text for w in _words(unit)) else _reader("")


@lru_cache(maxsize=256)
def number_grammar(unit: str = "") -> str:
    """The strict grammar of one number (no anchors, no named groups), full-width forms included."""
    return re.sub(r"\(\?P<\w+>", "(?:", _grammar(_narrow(unit), wide=True, strict=True))


def schema_pattern(unit: str = "") -> str:
    """An ECMA-262 pattern for exactly the texts parse_number accepts for a measure in ``unit``."""
    return f"^{SPACE}*{number_grammar(unit)}{SPACE}*$"


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


class Shown(str):
    """A spreadsheet cell as its number format shows it: the text to read ('85%' for 0.85 shown as 85%),
    with what the cell showed (for notes) and whether it is a date."""

    shown: str
    date: bool

    def __new__(cls, text: str, shown: str | None = None, date: bool = False):
        self = super().__new__(cls, text)
        self.shown, self.date = text if shown is None else shown, date
        return self

    def __reduce__(self):  # pickles (and copies) as what it is
        return Shown, (str(self), self.shown, self.date)


def parse_number(raw: object, unit: str = "") -> Number:
    """Read a number from a YAML/JSON/CSV/XLSX value for a measure in ``unit``."""
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
    if isinstance(raw, Shown) and raw.date:
        raise NotANumber(f"the cell is a date (shown as {raw.shown}), not a number: format it as a number")
    return _parse_text(raw, unit)


def _narrow(text: str) -> str:
    return text.translate(_WIDE).strip()


def _parse_text(raw: str, unit: str) -> Number:
    text = raw.translate(_WIDE)
    m = _reader_for(unit, text).fullmatch(text)
    if not m:
        raise NotANumber(_why_not(raw, text))
    g = {k: v for k, v in m.groupdict().items() if v}
    written = Written(g.get("pct", ""), g.get("mag") or g.get("mag2", ""),
                      next((g[k] for k in ("word", "word2", "word4") if k in g), ""),
                      g.get("cur") or g.get("cur2", ""))
    try:
        number, notes, converted = units.convert(Decimal(g["num"].replace(",", "")), written, _narrow(unit))
    except Incompatible as e:
        raise NotANumber(f"{show(raw)} {e}") from None
    if g.get("sign", g.get("sign2")) == "-":
        number = -number
    value = _tidy(number)
    if raw[m.start("num"):m.end("num")] != g["num"]:
        notes.insert(0, "full-width characters")
    if "," in g["num"]:
        notes.insert(1 if notes[:1] == ["full-width characters"] else 0, "thousands separators")
    approx = "".join(g.get(k, "") for k in ("pre", "post0", "post", "post2"))
    if approx:
        notes.append("approximate: " + approx)
    return Number(value, _said(raw, value, unit if converted else "", notes), bool(approx))


def _said(raw: str, value, unit: str, notes: list[str]) -> tuple[str, ...]:
    """One note saying how the text was read (none when it needed no reading)."""
    unit = _narrow(unit) if units.unit_of(unit) else ""
    unit = f" {unit}" if unit[:1].isascii() and unit[:1].isalpha() else unit
    if isinstance(raw, Shown):
        notes = [n for n in notes if not n.startswith(_FORMAT_ONLY)]
        return (f"cell shown as {raw.shown} read as {value:,}" + (f"{unit} ({'; '.join(notes)})" if notes else ""),)
    if not notes:
        return ()
    return (f"{raw!r} read as {value:,}{unit}" + f" ({'; '.join(notes)})",)


_FORMAT_ONLY = ("unit ", "percent sign", "per-mille sign", "currency sign", "thousands separators")
"""Notes a cell's number format explains by itself."""


def _why_not(raw: str, text: str) -> str:
    """Why a text is no number: too many digits, a control character, or not a number at all."""
    runs = re.findall(r"(\.?)([0-9]+)", text)
    whole = max((len(r) for dot, r in runs if not dot), default=0)
    decimals = max((len(r) for dot, r in runs if dot), default=0)
    if whole > MAX_DIGITS:
        return f"{show(raw)} is too large a number ({whole:,} digits in a row; at most {MAX_DIGITS} before the " \
               "decimal point)"
    if decimals > MAX_DECIMALS:
        return f"{show(raw)} has too many decimals ({decimals:,}; at most {MAX_DECIMALS})"
    if re.search(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]", text):
        return f"expected a number, got {show(raw)} (it holds a control character)"
    return f"expected a number, got {show(raw)}"


def _tidy(x: Decimal) -> float | int:
    """A whole number as an int (when a float holds it exactly), anything else as the nearest float."""
    if x == x.to_integral_value() and abs(x) < 2 ** 53:
        return int(x)
    return float(x)


def show(raw: object) -> str:
    """A value as a message shows it."""
    if isinstance(raw, bool):
        return "true" if raw else "false"
    if raw is None:
        return "nothing"
    if isinstance(raw, (list, dict)):
        return "a list" if isinstance(raw, list) else "a map"
    if isinstance(raw, int) and raw.bit_length() > 128:  # repr() refuses past 4,300 digits
        return f"a number of about {int(raw.bit_length() * 0.30103):,} digits"
    text = repr(str(raw) if isinstance(raw, Shown) else raw)
    return text if len(text) <= 40 else text[:36] + "…" + text[-3:]


BOOLEANS = {"是": True, "否": False, "true": True, "false": False}
"""Texts read as booleans (true/false in any case, as a CSV cell or a quoted YAML string says them)."""
YAML11_BOOLS = {"yes", "no", "on", "off", "y", "n"}
"""Booleans in YAML 1.1, strings in YAML 1.2 (any case): refused with a hint."""


def _caseless(word: str) -> str:
    return "".join(f"[{c.lower()}{c.upper()}]" if c.isascii() and c.isalpha() else escape(c) for c in word)


BOOL_PATTERN = f"^{SPACE}*(?:{'|'.join(map(_caseless, BOOLEANS))}){SPACE}*$"
"""The texts parse_bool accepts, for the schema."""
_BOOL = re.compile(BOOL_PATTERN)
_EDGES = re.compile(f"^{SPACE}+|{SPACE}+$")


def parse_bool(raw: object) -> tuple[bool, tuple[str, ...]]:
    """A boolean, or one of the texts BOOLEANS (around it any SPACE); NotANumber (with a hint) else."""
    if isinstance(raw, bool):
        return raw, ()
    word = _EDGES.sub("", raw) if isinstance(raw, str) else None
    if word is not None and _BOOL.fullmatch(raw):
        value = BOOLEANS[word.lower()]
        said = () if word.lower() in ("true", "false") else (f"{show(raw)} read as {str(value).lower()}",)
        return value, said
    if word is not None and word.lower() in YAML11_BOOLS:
        raise NotANumber(f"expected true or false; {show(raw)} is a string in YAML 1.2 (write true or false)")
    raise NotANumber(f"expected true or false (or 是/否), got {show(raw)}")


LIST_SEPARATOR = f"(?:{SPACE}*[,，、;；]{SPACE}*|{SPACE}+)"
"""Between the numbers of a list typed in one text: '4,5,4,3,5', '4 5 4', '4、5；3'."""


def list_pattern(unit: str = "") -> str:
    """The texts parse_list reads as two or more numbers."""
    one = number_grammar(unit)
    return f"^{SPACE}*{one}(?:{LIST_SEPARATOR}{one})+{SPACE}*$"


def parse_list(raw: str, unit: str = "") -> list[Number] | None:
    """Two or more numbers typed in one text, each read as parse_number reads it; None when it is not
    such a list.  Each number is the longest that a separator or the end follows ('1,234 5' is 1234, 5)."""
    text, items = raw.translate(_WIDE), []
    pos = _LEAD.match(text).end()
    while True:
        m = _item(unit).match(text, pos)
        if not m:
            return None
        items.append(raw[m.start():m.end()])
        if _TRAIL.fullmatch(text, m.end()):
            break
        pos = _SEPARATOR.match(text, m.end()).end()
    if len(items) < 2:
        return None
    return [parse_number(item, unit) for item in items]


_LEAD, _TRAIL = re.compile(f"{SPACE}*"), re.compile(f"{SPACE}*")
_SEPARATOR = re.compile(LIST_SEPARATOR)


@lru_cache(maxsize=256)
def _item(unit: str) -> re.Pattern:
    grammar = _grammar(_narrow(unit), wide=False, strict=True)
    return re.compile(f"{grammar}(?={LIST_SEPARATOR}|{SPACE}*\\Z)")
