"""A value's magnitude and unit words reconciled with the measure's `unit` (万元, 亿元, 人, 万人, %, ‰ ...).

A unit is read as a power of ten and a base word: 万元 is (4, 元), 人 is (0, 人), % is (-2, %), ‰ is
(-3, %), 万 alone is (4, '').  A value given in a unit with the measure's base is converted (0.015亿元
for a measure in 万元 is 150); a value in another base (3人 for a measure counted in 个, 85% for one in
万元, $ for one in 元) is refused, saying what the measure expects.  A bare number is in the measure's
unit.  A measure without a unit takes every form, magnitudes applied and unit words dropped (SPEC 4).
A unit with an alternative in brackets (个（名）) takes either word.  Another word for a count (3人 or
3项 for a measure counted in 个) is refused rather than guessed: 人次 is not 人, and the message says
to write the bare number.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

MAGNITUDES = {"万亿": 12, "千万": 7, "百万": 6, "亿": 8, "万": 4, "千": 3}
"""Magnitude words, as powers of ten, longest first (a regex alternation tries them in this order)."""
PERCENT = {"%": -2, "‰": -3}
PERCENT_WORDS = {"％": -2, "百分比": -2, "百分率": -2, "千分比": -3, "千分率": -3}
"""Measure units that are percentages by another name (a value still writes % or ‰)."""
CURRENCY = {"¥": "元", "￥": "元", "$": "美元"}
"""A currency sign and the unit word it stands for."""
RATIO = "%"
"""The base of % and ‰."""


@dataclass(frozen=True)
class Unit:
    """A unit as a power of ten of a base word."""

    exp: int
    base: str


class Incompatible(ValueError):
    """The value's unit is not the measure's (another base word, a percentage for a count, ...)."""


def unit_of(text: str) -> Unit | None:
    """The measure unit ``text`` as (power of ten, base); None when the measure has no unit."""
    text = text.strip()
    if not text:
        return None
    if text in PERCENT or text in PERCENT_WORDS:
        return Unit(PERCENT.get(text, PERCENT_WORDS.get(text)), RATIO)
    for word, exp in MAGNITUDES.items():
        if text.startswith(word):
            return Unit(exp, text[len(word):].strip())
    return Unit(0, text)


@dataclass(frozen=True)
class Written:
    """The unit parts of a number as written: '约0.015亿元' has magnitude 亿 and word 元."""

    pct: str = ""
    magnitude: str = ""
    word: str = ""
    currency: str = ""


def convert(number: Decimal, w: Written, unit: str) -> tuple[Decimal, list[str], bool]:
    """The number in the measure's unit, what was done, and whether it changed the measure's unit into
    another (0.015亿元 -> 150万元); Incompatible when it cannot be."""
    target = unit_of(unit)
    if target is None:
        return number.scaleb(MAGNITUDES.get(w.magnitude, 0)), _dropped(w), False
    shift = _given(w, target, unit).exp - target.exp
    base = w.word or (CURRENCY[w.currency] if w.currency else "")
    said = w.pct or (w.magnitude + base)
    if shift and (w.pct or base):
        notes = [f"{said} → {unit}"]
    elif shift:
        notes = [f"{w.magnitude} = {10 ** MAGNITUDES[w.magnitude]:,} {target.base}".rstrip()]
    else:
        notes = [n for n in (_same(w, unit),) if n]
    if w.currency:
        notes.append(f"currency sign {w.currency}")
    return number.scaleb(shift), notes, shift != 0


def _same(w: Written, unit: str) -> str:
    """What was dropped from a value written in the measure's own unit."""
    if w.pct:
        return "percent sign" if w.pct == "%" else "per-mille sign"
    if w.word:
        return f"unit {w.magnitude}{w.word} dropped"
    return f"{w.magnitude} = {unit}" if w.magnitude else ""


def _given(w: Written, target: Unit, unit: str) -> Unit:
    """The unit the value is written in (the measure's base when it names none); Incompatible if foreign."""
    if w.pct:
        if target.base != RATIO:
            raise Incompatible(f"is a percentage, but this measure is in {unit}: write the number in {unit}")
        if w.currency:
            raise Incompatible(f"is a percentage with a currency sign {w.currency}; write the number (in {unit})")
        return Unit(PERCENT[w.pct], RATIO)
    if target.base == RATIO and (w.magnitude or w.word or w.currency):
        raise Incompatible(f"is not a percentage, but this measure is in {unit}: write it as a number or with {unit}")
    exp = MAGNITUDES.get(w.magnitude, 0)
    if w.word:
        word = unit_of(w.word)
        if word.base not in bases(target.base):
            raise Incompatible(f"is in {w.word}, but this measure is in {unit}: write the number in {unit} "
                               "(a bare number is taken in the measure's unit)")
        exp += word.exp
    elif not w.magnitude and not w.currency:
        exp = target.exp  # a bare number is in the measure's unit (¥12 is in 元)
    if w.currency and CURRENCY[w.currency] != target.base:
        raise Incompatible(f"is in {CURRENCY[w.currency]} ({w.currency}), but this measure is in {unit}")
    return Unit(exp, target.base)


_ALTERNATIVES = re.compile(r"(.+?)\s*[（(](.+?)[）)]")


def bases(base: str) -> tuple[str, ...]:
    """The base words that name the same unit: 个（名） is 个（名）, 个 or 名."""
    found = _ALTERNATIVES.fullmatch(base)
    return (base, found[1].strip(), found[2].strip()) if found else (base,)


def compatible_words(unit: str) -> tuple[str, ...]:
    """The unit words a value may carry for a measure in ``unit`` (besides magnitudes before them)."""
    target = unit_of(unit)
    if target is None or target.base == RATIO:
        return ()
    words = (unit.strip(), *bases(target.base))
    return tuple(dict.fromkeys(w for w in words if w and unit_of(w).base in bases(target.base)))


def allows_percent(unit: str) -> bool:
    target = unit_of(unit)
    return target is None or target.base == RATIO


def allows_magnitude(unit: str) -> bool:
    target = unit_of(unit)
    return target is None or target.base != RATIO


def currencies(unit: str) -> str:
    """The currency signs a value may carry for a measure in ``unit``."""
    target = unit_of(unit)
    return "".join(c for c, base in CURRENCY.items() if target is None or base == target.base)


def _dropped(w: Written) -> list[str]:
    notes = [f"{w.magnitude} = {10 ** MAGNITUDES[w.magnitude]:,}"] if w.magnitude else []
    if w.pct:
        notes.append("percent sign" if w.pct == "%" else "per-mille sign")
    if w.word:
        notes.append(f"unit {w.word} dropped")
    if w.currency:
        notes.append(f"currency sign {w.currency}")
    return notes
