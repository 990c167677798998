"""A trend between two periods whose coverage differs by more than 0.1 is not comparable (≠, no arrow)."""
from __future__ import annotations

import json

import pytest

from engine import compare, coverage
from engine.formats.compare import get

from .conftest import given, runs


@pytest.mark.parametrize("a, b, ok", [(0.5, 0.61, False), (0.5, 0.59, True), (0.5, 0.6, True), (0.9, 0.5, False)])
def test_the_gap(a, b, ok):
    assert coverage.comparable(a, b) is ok


def trend(tree, before: int, after: int):
    """100 one-point measures: ``before`` true in 2024, ``after`` true in 2025, the rest not given."""
    tree({"z": {2024: given(before), 2025: given(after)}}, n=100, min_coverage=None)
    (c,) = compare.of_runs(runs("subs"))
    (t,) = c.trends
    return c, t.steps[0]


def test_coverage_differs_by_011_not_comparable(tree):
    c, step = trend(tree, 50, 61)  # coverage 0.50 -> 0.61
    assert step.coverage == (0.5, 0.61) and not step.comparable
    assert (step.total.delta, step.total.arrow) == (11.0, "≠")
    assert [g.arrow for g in step.groups] == ["≠"]
    text = get("table").render((c,), width=160)
    assert "2024→2025：不可比（≠），覆盖率 50% → 61%，相差超过 10 个百分点" in text
    assert "↑" not in text.split("变化趋势")[1]
    data = json.loads(get("json").render((c,)))
    s = (data if isinstance(data, dict) else data[0])["trends"][0]["steps"][0]
    assert s["coverage"] == {"from": 0.5, "to": 0.61, "comparable": False} and s["total"]["arrow"] == "≠"
    md = get("markdown").render((c,))
    assert "| 2025 | 61 | ≠ +11 | 不合格 | ≠ +11 |" in md and "不可比（≠）" in md
    assert get("csv").render((c,)).splitlines()[2].split(",")[5:9] == ["1", "61.0", "11.0", "≠"]


def test_coverage_differs_by_009_compared(tree):
    c, step = trend(tree, 50, 59)  # coverage 0.50 -> 0.59
    assert step.comparable and (step.total.delta, step.total.arrow) == (9.0, "↑")
    text = get("table").render((c,), width=160)
    assert "不可比" not in text and "↑ +9" in text
