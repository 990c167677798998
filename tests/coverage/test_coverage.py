"""Coverage (SPEC 10), hand-computed: base measures with a value over base measures, waived ones left out."""
from __future__ import annotations

import pytest

from engine import coverage, policy
from engine.rubric import lint

from .conftest import cards, given, rubric_text, runs, submission


def one(tmp_path, values: dict, waived=(), n: int = 10):
    (tmp_path / "rubric.yaml").write_text(rubric_text(n, None), encoding="utf-8")
    (tmp_path / "s.yaml").write_text(submission("x", 2024, values, waived), encoding="utf-8")
    (card,) = cards(str(tmp_path / "s.yaml"))
    return card


def test_missing_and_waived(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    # 10 base measures: M1-M5 true, M6 false (a value: counts), M7 waived (out of the base), M8-M10 missing;
    # the veto V1 is no base measure.  6 with a value of 9 owed.
    card = one(tmp_path, given(5, 1), waived=("G1.M7",))
    assert coverage.counts(card) == (6, 9)
    assert coverage.share(card) == pytest.approx(6 / 9)
    assert policy.counts is coverage.counts  # one definition: the policy's min_coverage reads the same


def test_nothing_owed_is_full(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    card = one(tmp_path, {}, waived=("G1.M1", "G1.M2"), n=2)
    assert coverage.counts(card) == (0, 0) and coverage.share(card) == 1.0


def test_the_batch_reads_the_same(tree):
    from engine.vector.cards import to_scorecards

    tree({"a": {2024: given(5, 1)}, "b": {2024: given(10)}})
    (run,) = runs("long.csv")
    assert run[0] == "batch"
    shares = coverage.of_batch(run[1], run[2]).tolist()
    assert shares == [0.6, 1.0]  # a: 6 of 10 with a value; b: all 10
    assert shares == [coverage.share(c) for c in to_scorecards(run[1], run[2])]


@pytest.mark.parametrize("value, ok", [(0, True), (0.8, True), (1, True), (1.5, False), (-0.1, False)])
def test_min_coverage_is_a_share(tmp_path, value, ok):
    path = tmp_path / "r.yaml"
    path.write_text(rubric_text(10, value), encoding="utf-8")
    rubric, problems = lint(path)
    errors = [p for p in problems if p.level == "error"]
    if ok:
        assert errors == [] and rubric.min_coverage == value
    else:
        assert errors and "min_coverage" in errors[0].message


def test_without_min_coverage_nothing_changes(tmp_path):
    path = tmp_path / "r.yaml"
    path.write_text(rubric_text(10, None), encoding="utf-8")
    rubric, problems = lint(path)
    assert rubric.min_coverage is None
