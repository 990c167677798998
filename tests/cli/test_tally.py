"""The running tally of a batch counts every problem a capped list stands for."""
from __future__ import annotations

import io

from rich.console import Console

from engine.cli.common import Tally
from engine.model import Loc
from engine.pipeline import Outcome
from engine.problems import MAX_PROBLEMS, Problem, cap


def test_a_capped_list_counts_what_it_left_out():
    found = [Problem(Loc("a.yaml", i + 1, 3), f"bad {i}", "M1") for i in range(MAX_PROBLEMS + 50)]
    found += [Problem(Loc("a.yaml", 900 + i, 1), f"approx {i}", "M2", level="warning") for i in range(5)]
    tally = Tally(Console(file=io.StringIO(), width=80))
    tally.add(Outcome("a.yaml", None, tuple(cap(found))))
    assert (tally.errors, tally.warnings, tally.invalid) == (MAX_PROBLEMS + 50, 5, 1)
