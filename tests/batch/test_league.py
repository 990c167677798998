"""league.ranks: vetoed last, highest total first, ties share a rank, subject id breaks the order."""
from __future__ import annotations

import numpy as np

from engine.vector import league
from engine.readers.long.validate import validate_long
from engine.vector.score import score_long
from engine.readers.long.read import read_long


def test_ranks_ties_and_vetoes(table, rubric):
    path = table("""
        subject,period,measure,value
        b,2024,D1.M01,true
        a,2024,D1.M01,true
        c,2024,D1.M01,true
        c,2024,X.V01,true
        d,2024,D1.M02,90
        e,2024,D1.M01,false
    """)
    values, problems = validate_long(read_long(path), rubric)
    assert problems == []
    batch = score_long(values, rubric)
    order, rank = league.ranks(batch)
    assert [(batch.subject[i], batch.total[i], r) for i, r in zip(order, rank)] == [
        ("a", 20.0, 1), ("b", 20.0, 1), ("d", 20.0, 1), ("e", 0.0, 4), ("c", 20.0, 5)]
    order, rank = league.ranks(batch, np.array([4, 1]))
    assert order.tolist() == [1, 4] and rank.tolist() == [1, 2]
