"""Recoverable points when deductions exceed the base: the total is clamped at 0, so full marks on a
measure add only what lifts the total above 0 (found by the red-team review)."""
from engine import pipeline
from engine.gaps import analyse

RUBRIC = """\
rubric: clamp
version: "1"
title: clamp
deduction_cap: 30
grades:
  - {id: pass, min: 20}
  - {id: fail, min: 0}
tree:
  - id: G
    children:
      - {id: A, method: check, points: 60}
      - {id: B, method: check, points: 40}
      - {id: X, method: deduction, per: 1}
"""
SUB = "rubric: clamp\nsubject: s\nperiod: 2024\nvalues:\n  A: false\n  B: true\n  X: 50\n"


def test_recoverable_respects_the_clamp_at_zero(tmp_path):
    (tmp_path / "r.yaml").write_text(RUBRIC, encoding="utf-8")
    (tmp_path / "s.yaml").write_text(SUB, encoding="utf-8")
    card = pipeline.run_one(tmp_path / "s.yaml", pipeline.RubricFinder(str(tmp_path / "r.yaml"))).card
    # base 40, deductions capped at 30: total 10. Full marks on A: 100 - 30 = 70, so A recovers 60.
    assert card.total == 10
    rep = analyse(card)
    assert [(g.id, round(g.recoverable, 6)) for g in rep.gaps] == [("A", 60.0)]
    assert rep.next_grade.measures == ("A",) and round(rep.next_grade.gain, 6) == 60.0


def test_recoverable_when_the_total_sits_at_zero(tmp_path):
    text = RUBRIC.replace("deduction_cap: 30", "deduction_cap: 50")
    (tmp_path / "r.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "s.yaml").write_text(SUB, encoding="utf-8")
    card = pipeline.run_one(tmp_path / "s.yaml", pipeline.RubricFinder(str(tmp_path / "r.yaml"))).card
    # base 40 - 50 = -10, clamped to 0. Full marks on A: 100 - 50 = 50: A recovers 50 of the total, not 60.
    assert card.total == 0
    rep = analyse(card)
    assert [(g.id, round(g.recoverable, 6)) for g in rep.gaps] == [("A", 50.0)]
    assert round(rep.recoverable, 6) == 50.0
