"""A small rubric and one submission, every figure worked out by hand.

A.1 知晓率 linear 50..90 for 40 points, owners tzb (lead), mzw; A.2 领导小组 check for 20 points, owner mzw;
B.1 培训人次 count 0.001 point a person up to 40 points, owners mzw (lead), tzb.
As filed: A.1 70% -> (70-50)/40 * 40 = 20; A.2 false -> 0; B.1 20000 -> 20: total 40, 不合格 (below 60).
"""
from __future__ import annotations

import pytest

RUBRIC = """\
rubric: wi
version: "1"
title: {zh: 示范市测评, en: Model city}
units:
  tzb: {zh: 统战部, en: United Front}
  mzw: {zh: 民宗委, en: Ethnic Affairs}
grades:
  - {id: a, label: {zh: 优秀, en: Excellent}, min: 90}
  - {id: b, label: {zh: 合格, en: Pass}, min: 60}
  - {id: f, label: {zh: 不合格, en: Fail}, min: 0}
tree:
  - id: A
    label: {zh: 组织领导, en: Leadership}
    children:
      - {id: A.1, label: {zh: 知晓率, en: Awareness}, method: linear, floor: 50, target: 90, points: 40, unit: "%",
         owners: [tzb, mzw]}
      - {id: A.2, label: {zh: 领导小组, en: Leading group}, method: check, points: 20, owners: [mzw]}
  - id: B
    label: {zh: 宣传教育, en: Education}
    children:
      - {id: B.1, label: {zh: 培训人次, en: Trainees}, method: count, per: 0.001, points: 40, unit: 人次,
         owners: [mzw, tzb]}
"""
SUBMISSION = """\
rubric: wi@1
subject: {id: jc, name: 金昌市}
period: 2024
values:
  A.1: 70
  A.2: false
  B.1: 20000
"""


@pytest.fixture
def files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rubrics").mkdir()
    (tmp_path / "rubrics" / "wi.yaml").write_text(RUBRIC, encoding="utf-8")
    (tmp_path / "jc").mkdir()
    (tmp_path / "jc" / "2024.yaml").write_text(SUBMISSION, encoding="utf-8")
    return tmp_path


@pytest.fixture
def rubric(files):
    from engine import rubric as rubrics

    return rubrics.load(files / "rubrics" / "wi.yaml")
