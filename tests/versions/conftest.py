"""Two versions of one rubric in a tmp dir: trend@1 (tests.compare's) and trend@2, which replaces it."""
from __future__ import annotations

import pytest

from engine import pipeline
from tests.compare.conftest import TREND, sub

V2 = """\
rubric: trend
version: "2"
title: {zh: 趋势测评（第二版）, en: Trend assessment v2}
replaces: trend@1
crosswalk: {G1.M1: G1.M10, G2: G3, G2.M1: G3.M1, V.M1: null}
grades:
  - {id: good, label: {zh: 良好, en: Good}, min: 80}
  - {id: pass, label: {zh: 合格, en: Pass}, min: 60}
  - {id: fail, label: {zh: 不合格, en: Fail}, min: 0}
tree:
  - id: G1
    label: {zh: 组织领导, en: Leadership}
    children:
      - {id: G1.M10, label: {zh: 领导小组, en: Leading group}, method: check, points: 40}
      - {id: G1.M20, label: {zh: 工作机制, en: Working rules}, method: check, points: 10}
  - id: G3
    label: {zh: 民生, en: Livelihood}
    children:
      - {id: G3.M1, label: {zh: 就业率, en: Employment}, method: linear, floor: 0, target: 100, points: 50, unit: "%"}
  - id: V
    label: {zh: 否决, en: Veto}
    children:
      - {id: V.M2, label: {zh: 重大事件, en: Major incident}, method: veto}
"""
# trend@1: total = 50 * G1.M1 + G2.M1 / 2;  trend@2: total = 40 * G1.M10 + 10 * G1.M20 + G3.M1 / 2

BARE = "".join(line for line in V2.splitlines(True) if not line.startswith(("replaces:", "crosswalk:")))
"""trend@2 with neither replaces nor crosswalk: versions of one id, totals only."""


def v2_sub(subject: str, name: str, period, m10: bool, m20: bool, m1) -> str:
    return (f"rubric: trend@2\nsubject: {{id: {subject}, name: {name}}}\nperiod: {period}\nvalues:\n"
            f"  G1.M10: {str(m10).lower()}\n  G1.M20: {str(m20).lower()}\n  G3.M1: {m1}\n")


FILES = {
    "zt/2024.yaml": sub("zt", "昭通市", 2024, True, 80),            # trend@1: 50 + 40 = 90
    "zt/2025.yaml": v2_sub("zt", "昭通市", 2025, False, True, 90),  # trend@2: 0 + 10 + 45 = 55
}


@pytest.fixture
def score(tmp_path):
    """Score {relative path: text} with trend@1 and a trend@2 given as text (V2 by default)."""

    def run(files: dict = FILES, v2: str = V2, expect_ok: bool = True):
        (tmp_path / "rubrics").mkdir(exist_ok=True)
        (tmp_path / "rubrics/trend.yaml").write_text(TREND, encoding="utf-8")
        (tmp_path / "rubrics/trend-2.yaml").write_text(v2, encoding="utf-8")
        for rel, text in files.items():
            (tmp_path / "subs" / rel).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / "subs" / rel).write_text(text, encoding="utf-8")
        finder = pipeline.RubricFinder(None, str(tmp_path / "rubrics"))
        outcomes = list(pipeline.run([str(tmp_path / "subs")], finder))
        assert all(o.ok for o in outcomes), [str(p) for o in outcomes for p in o.problems]
        return [o.card for o in outcomes]

    return run
