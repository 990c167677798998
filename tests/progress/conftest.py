"""A small campaign rubric (three units, co-owned measures, modifiers) and two filings of it, built by hand
(engine.campaign.Filing), with every figure of their progress worked out below."""
from __future__ import annotations

import pytest

from engine import rubric as rubrics
from engine.campaign import Filing, PartInfo
from tests.conftest import dedent

# Points of the total at full marks (nominal weights): G1 weight 60 over 10 + 20: M1 = 20, M2 = 40;
# G2 weight 40 over 5 + 5 + 10: M3 = 10, M4 = 10, M5 = 20.  V holds a bonus (owned by jyj) and a veto.
CAMPAIGN = """\
rubric: drive
version: "1"
title: {zh: 创建测评, en: Campaign}
grades:
  - {id: a, label: {zh: 合格, en: Pass}, min: 60}
  - {id: f, label: {zh: 不合格, en: Fail}, min: 0}
units:
  jyj: {zh: 市教育局, en: Education Bureau}
  tjj: {zh: 市统计局, en: Statistics Bureau}
  mzw: {zh: 市民族宗教事务委员会, en: Ethnic Affairs Commission}
tree:
  - id: G1
    label: {zh: 组织领导, en: Leadership}
    weight: 60
    children:
      - {id: M1, label: {zh: 领导小组, en: Leading group}, method: check, points: 10, owners: [jyj, tjj]}
      - {id: M2, label: {zh: 知晓率, en: Awareness}, method: linear, floor: 50, target: 90, points: 20, unit: "%",
         owners: [tjj]}
  - id: G2
    label: {zh: 民生, en: Welfare}
    weight: 40
    children:
      - {id: M3, label: {zh: 满意度, en: Satisfaction}, method: threshold, target: 90, points: 5, owners: [mzw, jyj]}
      - {id: M4, label: {zh: 教育基地, en: Bases}, method: threshold, target: 3, points: 5, owners: [mzw]}
      - {id: M5, label: {zh: 平安建设, en: Safety}, method: check, points: 10}
  - id: V
    label: {zh: 加分与否决, en: Bonus and veto}
    children:
      - {id: B1, label: {zh: 创新加分, en: Innovation}, method: bonus, per: 1, cap: 3, owners: [jyj]}
      - {id: X1, label: {zh: 重大事件, en: Incident}, method: veto, owners: [mzw]}
"""


@pytest.fixture
def load(tmp_path):
    """A Rubric from YAML text (CAMPAIGN unless given)."""

    def make(text: str = CAMPAIGN):
        path = tmp_path / "rubric.yaml"
        path.write_text(dedent(text), encoding="utf-8")
        return rubrics.load(path)

    return make


@pytest.fixture
def campaign(load):
    return load()


def jinchang(rubric, name="金昌市"):
    """M1 filed by its co-owner tjj (its lead jyj owes nothing), M5 by the city's own part, M2 invalid; the
    bonus filed (not counted); nothing of mzw's.
    jyj: lead M1, co M3; filed M1; missing M3 -> 10 points.   tjj: lead M2, co M1; filed M1; invalid M2 -> 40.
    mzw: lead M3 M4; nothing filed, no part -> missing M3 M4, 20 points, filed nothing.
    Subject: 5 base, filed M1 M5 (40%), invalid M2, missing M3 M4, points 40 + 10 + 10 = 60."""
    return Filing(rubric, "jc", name, 2024, (PartInfo("jc/2024/tjj.yaml", "tjj"), PartInfo("jc/2024/city.yaml")),
                  {"M1": "tjj", "M5": None, "B1": "jyj"}, frozenset({"M2"}))


def wuwei(rubric):
    """Only M2 filed (by tjj); mzw's part gave M4 with an error; jyj filed no part.
    jyj: missing M1 M3 -> 30, filed nothing.   tjj: filed M2, missing M1 -> 20.
    mzw: invalid M4, missing M3 -> 20 (it has a part: not 'filed nothing').
    Subject: filed M2 (20%), invalid M4, missing M1 M3 M5, points 20 + 10 + 10 + 20 = 60."""
    return Filing(rubric, "ww", "武威市", 2024, (PartInfo("ww/2024/tjj.yaml", "tjj"), PartInfo("ww/2024/mzw.yaml", "mzw")),
                  {"M2": "tjj"}, frozenset({"M4"}))
