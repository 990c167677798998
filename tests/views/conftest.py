"""A small campaign, scored: a linear and a check measure the province verified, and a rating measure five
assessors rated, with every figure worked out by hand.

Self-assessed: A.1 知晓率 80% -> (80-50)/40 * 40 = 30; A.2 true -> 20; B.1 ratings 3 4 5 5 1, trim 1 keeps
3 4 5, mean 4 -> (4-1)/4 * 40 = 30: total 80.  Verified: A.1 70% -> (70-50)/40 * 40 = 20 (delta -10): total 70.
"""
from __future__ import annotations

from dataclasses import replace

import pytest

from engine import rubric as rubrics
from engine.model import Entry, Submission
from engine.results import Change
from engine.scoring import score

RUBRIC = """\
rubric: camp
version: "1"
title: {zh: 示范市测评, en: Model city}
grades:
  - {id: a, label: {zh: 优秀, en: Excellent}, min: 90}
  - {id: b, label: {zh: 合格, en: Pass}, min: 60}
  - {id: f, label: {zh: 不合格, en: Fail}, min: 0}
tree:
  - id: A
    label: {zh: 组织领导, en: Leadership}
    children:
      - {id: A.1, label: {zh: 知晓率, en: Awareness}, method: linear, floor: 50, target: 90, points: 40, unit: "%"}
      - {id: A.2, label: {zh: 领导小组, en: Leading group}, method: check, points: 20}
  - id: B
    label: {zh: 群众评议, en: Public review}
    children:
      - {id: B.1, label: {zh: 群众满意度评议, en: Satisfaction panel}, method: rating, scale: [1, 5], trim: 1,
         points: 40}
"""
PANEL = (("专家甲", (3,)), ("专家乙", (4,)), ("专家丙", (5,)), ("专家丁", (5,)), ("专家戊", (1,)))
NOTE = "抽查问卷 200 份，知晓率核定为 70%"


@pytest.fixture(scope="session")
def camp(tmp_path_factory):
    path = tmp_path_factory.mktemp("views") / "camp.yaml"
    path.write_text(RUBRIC, encoding="utf-8")
    return rubrics.load(path)


def submission(a1=80, ratings=PANEL, **more) -> Submission:
    joined = [x for _, rs in ratings for x in rs]
    entries = {"A.1": Entry(a1), "A.2": Entry(True), "B.1": Entry(joined, ratings=ratings), **more}
    return Submission("camp@1", "jc", "金昌市", 2024, entries, "submissions/jc/2024.yaml")


def verified(card, note=NOTE, **changes):
    """The card as main will make it once the province verified A.1 at 70%."""
    change = Change("A.1", 80, 70, 30.0, 20.0, -10.0, note, **changes)
    return replace(card, stages={"self": 80.0, "verified": 70.0}, changed=(change,))


@pytest.fixture
def cards(camp):
    """(self-assessed card, verified card): the verified one has A.1 at 70 and the stages set."""
    own = score(camp, submission())
    return own, verified(score(camp, submission(a1=70)))


@pytest.fixture
def rated(tmp_path):
    """A card of the rubric with disagree: 2 on B.1, its ratings given by source."""
    path = tmp_path / "camp2.yaml"
    path.write_text(RUBRIC.replace("trim: 1,", "trim: 1, disagree: 2,"), encoding="utf-8")
    rubric = rubrics.load(path)
    return lambda *rows: score(rubric, submission(ratings=rows))
