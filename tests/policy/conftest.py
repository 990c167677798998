"""A small rubric, submissions made by hand, and the policy every test starts from."""
from __future__ import annotations

from dataclasses import replace

import pytest

from engine.model import Entry, Loc, Submission, Waiver
from engine.outcome import Outcome
from engine.rubric import load
from engine.scoring import score

RUBRIC = """\
rubric: pol
version: "1"
title: {zh: 政策测试}
grades:
  - {id: excellent, label: {zh: 优秀}, min: 90}
  - {id: pass, label: {zh: 合格}, min: 60}
  - {id: fail, label: {zh: 不合格}, min: 0}
tree:
  - id: D1
    children:
      - {id: D1.M01, method: check, points: 20}
      - {id: D1.M02, method: linear, floor: 0, target: 100, points: 20}
  - id: D2
    children:
      - {id: D2.M03, method: check, points: 60}
"""

POLICY = """\
min_grade: pass
min_score: 60
min_coverage: 0.6
max_waivers: 1
require: [D1.M02]
groups:
  D1: {min_score: 20}
"""


@pytest.fixture
def rubric(tmp_path):
    (tmp_path / "rubrics").mkdir(exist_ok=True)
    path = tmp_path / "rubrics/pol.yaml"
    path.write_text(RUBRIC, encoding="utf-8")
    return load(path)


def outcome(rubric, values: dict, waived: tuple = (), name: str = "subs/s/2024.yaml") -> Outcome:
    """A scored submission of some values; waivers are set on the card afterwards, so that only their
    count (what max_waivers reads) differs from the same submission without them."""
    sub = Submission("pol", "s", "某市", 2024, {k: Entry(v) for k, v in values.items()}, path=name)
    card = score(rubric, sub)
    waivers = {mid: Waiver("不适用", "民委") for mid in waived}
    card = replace(card, submission=replace(card.submission, waivers=waivers))
    return Outcome(name, card, where=Loc(name, 1, 1))
