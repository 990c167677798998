"""A two-group rubric and five subjects, every figure worked out by hand.

A (worth 60): A.1 check, 10 points.  B (worth 40): B.1 rating on [0, 10], 10 points.  Grades a >= 60, f.
min_coverage 0.5.  total = 100 * (60 fA a + 40 fB b) / (60 fA + 40 fB) with a, b the fractions and fA, fB the
groups' factors.
  s1: A.1 true, B.1 0           -> 60 (a), rank 2; under noise a exactly when fA >= fB: probability 1/2.
  s4: the same as s1            -> 60 (a), rank 2 (tied with s1).
  s3: A.1 true, B.1 10          -> 100 (a), rank 1, whatever the weights.
  s2: A.1 false, B.1 [10, 10, 0] -> 40 * 2/3 = 26.67 (f), rank 4; never above 48 (fB/fA at most 1.5).
  s5: nothing filed             -> coverage 0: unranked.
"""
from __future__ import annotations

import pytest

RUBRIC = """\
rubric: sv
version: "1"
title: {zh: 稳健性测评, en: Robustness}
min_coverage: 0.5
grades:
  - {id: a, label: {zh: 优秀, en: Excellent}, min: 60}
  - {id: f, label: {zh: 不合格, en: Fail}, min: 0}
tree:
  - id: A
    label: {zh: 组织, en: Org}
    weight: 60
    children:
      - {id: A.1, label: {zh: 小组, en: Group}, method: check, points: 10}
  - id: B
    label: {zh: 评议, en: Review}
    weight: 40
    children:
      - {id: B.1, label: {zh: 专家评分, en: Panel}, method: rating, scale: [0, 10], points: 10}
"""
SUBJECTS = {"s1": "A.1: true\n  B.1: 0", "s2": "A.1: false\n  B.1: [10, 10, 0]", "s3": "A.1: true\n  B.1: 10",
            "s4": "A.1: true\n  B.1: 0", "s5": None}


def submission(sid: str, values: str | None) -> str:
    body = f"values:\n  {values}\n" if values else "values: {}\n"
    return f"rubric: sv@1\nsubject: {{id: {sid}, name: 市{sid}}}\nperiod: 2024\n" + body


@pytest.fixture
def files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rubrics").mkdir()
    (tmp_path / "rubrics" / "sv.yaml").write_text(RUBRIC, encoding="utf-8")
    (tmp_path / "subs").mkdir()
    for sid, values in SUBJECTS.items():
        (tmp_path / "subs" / f"{sid}.yaml").write_text(submission(sid, values), encoding="utf-8")
    return tmp_path


@pytest.fixture
def loaded(files):
    """(LongValues, rubric) as the command builds them."""
    from engine.cli.common import run
    from engine.cli.sensitivity_cmd import by_rubric
    from engine.outcome import Cards

    (pair,) = by_rubric(Cards(run(["subs"], None, "rubrics")).runs())
    return pair
