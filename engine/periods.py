"""A period as a point in time, for drawing periods to scale: 2024 → 2024.0, '2024H2' → 2024.5.

A period is placed at its start, in years: a year at itself, a half, quarter or month at the year plus the
fraction of the year before it ('2024Q3' → 2024.5, '2024-06' → 2024 + 5/12).  Forms read: years (2024,
'2024'; a number outside 1000-9999 is a sequence number, not a year), '2024H1' / '2024-H2' / '2024年上半年',
'2024Q3' / '2024-Q3' / '2024年第三季度' / '2024年3季度', '2024-06' / '2024/6' / '2024年6月'.  Anything else
is not a time (None): the caller decides what to do.
"""
from __future__ import annotations

import math
import re
from typing import Any

_CN = {"一": 1, "二": 2, "三": 3, "四": 4, "上": 1, "下": 2}
_N = r"(\d{1,2}|[一二三四])"
_FORMS: tuple[tuple[re.Pattern, int], ...] = (
    (re.compile(r"(\d{4})\s*[-_/ ]?\s*[Hh]([12])"), 2),
    (re.compile(r"(\d{4})\s*年?\s*([上下])半年"), 2),
    (re.compile(r"(\d{4})\s*[-_/ ]?\s*[Qq]([1-4])"), 4),
    (re.compile(rf"(\d{{4}})\s*年?\s*第?{_N}季度?"), 4),
    (re.compile(r"(\d{4})\s*[-/]\s*(\d{1,2})"), 12),
    (re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月份?"), 12),
)
"""(pattern matching the whole period: year and part, parts in a year)."""


def time_value(period: Any) -> float | None:
    """The start of ``period`` in years, or None when it cannot be read as a time."""
    text = str(period).strip()
    try:
        value = float(text)
        return value if math.isfinite(value) and 1000 <= value < 10000 else None
    except ValueError:
        pass
    for pattern, parts in _FORMS:
        m = pattern.fullmatch(text)
        if m:
            part = _CN.get(m.group(2)) or int(m.group(2))
            return int(m.group(1)) + (part - 1) / parts if 1 <= part <= parts else None
    return None


def time_values(periods: list[Any]) -> list[float] | None:
    """The times of ``periods``, or None unless every one is a time and they strictly increase in order."""
    times = [time_value(p) for p in periods]
    if any(t is None for t in times) or any(b <= a for a, b in zip(times, times[1:])):
        return None
    return times  # type: ignore[return-value]


def gap_months(a: float, b: float) -> int:
    """Whole months from time ``a`` to time ``b``."""
    return round((b - a) * 12)
