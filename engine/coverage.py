"""Coverage (SPEC 10): the share of a scorecard's base measures that have a value.

The base is every measure that is not a bonus, deduction or veto item, less the waived ones (a waiver
takes a measure out of what the subject owes).  One definition for policy, score, gaps, compare and the
league's ``min_coverage``; the batch form reads the same from a long table's status matrix.
"""
from __future__ import annotations

SHOWN = ("full", "partial", "zero")
"""The statuses of a base measure that has a value."""

GAP = 0.1
"""Two periods whose coverage differs by more than this are not comparable (SPEC 10)."""


def counts(card) -> tuple[int, int]:
    """(base measures with a value, base measures), a waived measure being no part of the base."""
    base = [m for m in card.measures if not m.measure.is_modifier and m.status != "waived"]
    return sum(m.entry is not None for m in base), len(base)


def share(card) -> float:
    """Coverage from 0 to 1; 1.0 when nothing is owed (no base measure, or every one waived).

    A league's BatchCard carries its coverage from the batch's arrays (``coverage``)."""
    have = getattr(card, "coverage", None)
    if have is not None:
        return have
    filed, base = counts(card)
    return filed / base if base else 1.0


def of_batch(batch, rubric):
    """Each row's coverage (numpy array), as share() gives it for the row's Scorecard."""
    import numpy as np

    from .results import STATUSES

    base = np.array([not rubric.by_id[mid].is_modifier for mid in batch.measures], dtype=bool)
    status = batch.status[:, base] if len(batch) else np.zeros((0, int(base.sum())), dtype=np.int64)
    owed = status != STATUSES.index("waived")
    shown = np.isin(status, [STATUSES.index(s) for s in SHOWN])
    n = owed.sum(axis=1)
    return np.where(n > 0, shown.sum(axis=1) / np.maximum(n, 1), 1.0)


def below(card, rubric) -> bool:
    """True when the rubric sets min_coverage and the card's coverage is under it (unranked)."""
    least = getattr(rubric, "min_coverage", None)
    return least is not None and share(card) < least


def comparable(a: float, b: float) -> bool:
    """Two coverages close enough for their totals to be compared (difference at most GAP)."""
    return abs(a - b) <= GAP + 1e-9
