"""Each base method's fraction (engine.methods.*.fraction) over a whole column of values at once.

The arithmetic is the same IEEE operations in the same order as the per-value functions, so a
column's fractions equal theirs bit for bit.  Lists of ratings (rare) go through the method itself.
"""
from __future__ import annotations

import numpy as np

from .. import methods
from ..model import Measure


def fraction(m: Measure, x: np.ndarray) -> np.ndarray:
    """The fraction of the measure's points each value earns (x: float values, no NaN where it matters)."""
    return _BY_METHOD[m.method](m, x)


def _reaches(x: np.ndarray, goal, direction: str) -> np.ndarray:
    return x <= goal if direction == "lower" else x >= goal


def _check(m: Measure, x: np.ndarray) -> np.ndarray:
    return np.where(x != 0, 1.0, 0.0)


def _threshold(m: Measure, x: np.ndarray) -> np.ndarray:
    return np.where(_reaches(x, m.params["target"], m.params.get("direction", "higher")), 1.0, 0.0)


def _linear(m: Measure, x: np.ndarray) -> np.ndarray:
    floor, goal = m.params["floor"], m.params["target"]
    return _clamp((x - floor) / (goal - floor))


def _bands(m: Measure, x: np.ndarray) -> np.ndarray:
    direction = m.params.get("direction", "higher")
    out = np.zeros(len(x))
    for band in reversed(m.params["bands"]):  # the first band reached wins: write the best ones last
        out = np.where(_reaches(x, band["at"], direction), float(band["score"]), out)
    return out


def _choice(m: Measure, x: np.ndarray) -> np.ndarray:
    scores = np.array([float(s) for s in m.params["options"].values()])
    return scores[np.where(np.isnan(x), 0, x).astype(np.int64)]


def _rating(m: Measure, x: np.ndarray) -> np.ndarray:
    lo, hi = m.params["scale"]
    return _clamp((x - lo) / (hi - lo))


def _count(m: Measure, x: np.ndarray) -> np.ndarray:
    if m.points <= 0:
        return np.zeros(len(x))
    return np.minimum(round9(x * m.params["per"]), m.points) / m.points


def round9(x: np.ndarray) -> np.ndarray:
    """Python's round(v, 9) of each value (count's guard against 3 * 0.3 = 0.8999999999999999), computed
    once per distinct value: counts are whole numbers, so a column holds few."""
    distinct, back = np.unique(x, return_inverse=True)
    return np.array([round(v, 9) for v in distinct.tolist()], dtype=np.float64)[back].reshape(np.shape(x))


def _clamp(f: np.ndarray) -> np.ndarray:
    return np.where(f < 0.0, 0.0, np.where(f > 1.0, 1.0, f))


def amount(m: Measure, x: np.ndarray) -> np.ndarray:
    """A bonus's or deduction's points (engine.methods._modifier.amount); a veto's 1 or 0."""
    if m.method == "veto":
        return np.where(x != 0, 1.0, 0.0)
    points = x * m.params.get("per", 1)
    cap = m.params.get("cap")
    return points if cap is None else np.minimum(points, cap)


def listed(m: Measure, ratings: list) -> float:
    """The fraction of a cell with several ratings (the trimmed mean), by the method itself."""
    return methods.get(m.method).fraction(m, ratings)


_BY_METHOD = {"check": _check, "threshold": _threshold, "linear": _linear, "bands": _bands, "choice": _choice,
              "rating": _rating, "count": _count}
assert set(_BY_METHOD) == set(methods.BASE), "every base method needs a vectorised fraction"
