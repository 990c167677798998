"""engine.results.r2 over arrays: half-up to 2 decimals, equal to r2 on every value.

r2 rounds round(x, 9) half-up in decimal.  Away from a tie (x * 100 more than 1e-6 from k + 0.5) that is
simply the nearest k / 100, and numpy's k / 100.0 is the same correctly rounded double that
float(Decimal) gives.  The few values near a tie, and any too large for the margin, go through r2 itself.
"""
from __future__ import annotations

import numpy as np

from ..results import r2

MARGIN = 1e-6
"""Far more than the float error of x * 100 and the 5e-8 that round(x, 9) can move it."""
LIMIT = 1e9
"""Above this (in hundredths) the float error of x * 100 approaches the margin: r2 decides."""


def r2_array(x: np.ndarray) -> np.ndarray:
    """r2 of every element; NaN stays NaN (r2(None) is None)."""
    x = np.asarray(x, dtype=np.float64)
    t = x * 100.0
    k = np.floor(t + 0.5)
    out = k / 100.0 + 0.0
    near = np.isfinite(t) & ((np.abs(t - np.floor(t) - 0.5) <= MARGIN) | (np.abs(t) >= LIMIT))
    for i in np.flatnonzero(near).tolist():
        out.flat[i] = r2(float(x.flat[i]))
    return out
