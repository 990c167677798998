"""engine.sensitivity on the hand-made league of conftest.py."""
from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from engine.sensitivity import batches, draw, league_ranks, sensitivity


def by_id(s):
    return {str(sid): i for i, sid in enumerate(s.subjects)}


def test_zero_noise_is_the_plain_league(loaded):
    values, rubric = loaded
    s = sensitivity(values, rubric, weights=0, runs=50, seed=3)
    assert list(s.subjects) == ["s3", "s1", "s4", "s2", "s5"]  # league order, the unranked last
    assert s.rank.tolist()[:4] == [1, 2, 2, 4] and not s.ranked[4]
    assert s.median.tolist()[:4] == [1, 2, 2, 4] and s.low.tolist()[:4] == [1, 2, 2, 4] == s.high.tolist()[:4]
    assert np.isnan(s.median[4])
    assert [rubric.grades[g].id for g in s.grade] == ["a", "a", "a", "f", "f"]
    assert (s.grades[np.arange(5), s.grade] == 1).all()


def test_zero_noise_ranks_equal_compare(loaded):
    from engine.compare import league
    from engine.scoring import score

    values, rubric = loaded
    s = sensitivity(values, rubric, weights=0, runs=5, seed=1)
    cards = [score(rubric, sub) for sub in _submissions()]
    plain = {st.card.submission.subject_id: st.rank for st in league(cards).standings}
    assert plain == {str(sid): (int(r) if ok else None) for sid, r, ok in zip(s.subjects, s.median, s.ranked)}


def _submissions():
    from pathlib import Path

    from engine.cli.common import run

    return [o.card.submission for o in run([str(Path("subs"))], None, "rubrics")]


def test_same_seed_same_figures_another_seed_differs(loaded):
    values, rubric = loaded
    a = sensitivity(values, rubric, runs=400, seed=11, raters=True)
    b = sensitivity(values, rubric, runs=400, seed=11, raters=True)
    c = sensitivity(values, rubric, runs=400, seed=12, raters=True)
    assert np.array_equal(a.grades, b.grades) and np.array_equal(a.median, b.median, equal_nan=True)
    assert not np.array_equal(a.grades, c.grades)


def test_grade_flips_with_probability_one_half(loaded):
    """s1 (and s4) keep 60 (grade a) exactly when A's factor >= B's: probability 1/2 by symmetry."""
    values, rubric = loaded
    s = sensitivity(values, rubric, weights=0.2, runs=2000, seed=5)
    at = by_id(s)
    p = s.grades[at["s1"], 0]
    assert 0.45 < p < 0.55 and s.grades[at["s1"], 1] == pytest.approx(1 - p)
    d = draw(values, rubric, 0.2, False, 2000, 5)
    assert p == np.mean(d.factors[:, 0] >= d.factors[:, 1])  # exactly the runs where fA >= fB
    assert s.grades[at["s3"], 0] == 1 and s.grades[at["s2"], 1] == 1  # 100 stays 100; 26.67 never reaches 60
    assert s.median[at["s3"]] == 1 and s.high[at["s2"]] == 4


def test_raters_change_only_subjects_with_rating_lists(loaded):
    values, rubric = loaded
    d = draw(values, rubric, weights=0, raters=True, runs=300, seed=2)
    (_, _, total, _), = batches(d, rubric)
    rows = {str(sid): i for i, sid in enumerate(d.batch.subject)}
    for sid in ("s1", "s3", "s4", "s5"):
        assert (total[:, rows[sid]] == d.batch.total[rows[sid]]).all()
    s2 = total[:, rows["s2"]]
    # resamples of [10, 10, 0]: 0, 1, 2 or 3 tens of three -> 0, 13.33, 26.67 or 40 points
    assert set(s2.tolist()) == {0.0, 13.33, 26.67, 40.0}


def test_scalar_check_with_perturbed_weights(loaded):
    """A few runs recomputed by engine.scoring.score on the rubric with the groups' weights multiplied."""
    from engine.scoring import score

    values, rubric = loaded
    d = draw(values, rubric, weights=0.3, runs=6, seed=9)
    (_, _, total, grade), = batches(d, rubric)
    subs = {s.subject_id: s for s in _submissions()}
    for r in range(6):
        f = dict(zip((g.id for g in rubric.groups), d.factors[r]))
        tree = tuple(dataclasses.replace(n, weight=n.worth * float(f[n.id])) for n in rubric.tree)
        changed = dataclasses.replace(rubric, tree=tree)
        for i, sid in enumerate(d.batch.subject):
            card = score(changed, subs[str(sid)])
            assert card.total == total[r, i]
            assert card.grade.id == rubric.grades[grade[r, i]].id


def test_league_ranks_ties_and_vetoes():
    total = np.array([[50.0, 70.0, 70.0, 90.0, 10.0]])
    vetoed = np.array([False, False, False, True, False])
    ranked = np.array([True, True, True, True, False])
    assert league_ranks(total, vetoed, ranked).tolist() == [[3, 1, 1, 4, 0]]


def test_bad_spread_is_refused(loaded):
    values, rubric = loaded
    with pytest.raises(ValueError):
        sensitivity(values, rubric, weights=1.0)


def reweighted(rubric, factors: dict):
    """The rubric with every group's weight its worth times its factor, nested groups too."""
    from engine.model import Group

    def node(n):
        if not isinstance(n, Group):
            return n
        return dataclasses.replace(n, weight=n.worth * float(factors[n.id]), children=tuple(map(node, n.children)))

    return dataclasses.replace(rubric, tree=tuple(map(node, rubric.tree)))


def test_scalar_check_on_the_national_rubric(monkeypatch):
    """Nested groups, bonus and deduction caps and vetoes: the shipped examples, run by run, as engine.scoring
    scores them on the rubric with the perturbed weights."""
    from pathlib import Path

    from engine.cli.common import run
    from engine.cli.sensitivity_cmd import by_rubric
    from engine.outcome import Cards
    from engine.scoring import score

    monkeypatch.chdir(Path(__file__).resolve().parents[2])
    values, rubric = next(p for p in by_rubric(Cards(run(["submissions"], None, "rubrics")).runs())
                          if p[1].id == "ethnic-unity-city")
    assert any(g.children and any(hasattr(c, "children") for c in g.children) for g in rubric.groups)
    subs = {(o.card.submission.subject_id, o.card.submission.period): o.card.submission
            for o in run(["submissions"], None, "rubrics") if o.scored and o.card.rubric.id == rubric.id}
    d = draw(values, rubric, weights=0.4, runs=4, seed=21)
    (_, _, total, grade), = batches(d, rubric)
    for r in range(4):
        changed = reweighted(rubric, dict(zip((g.id for g in rubric.groups), d.factors[r])))
        for i, (sid, period) in enumerate(zip(d.batch.subject, d.batch.period)):
            sub = subs[(sid, period)]
            card = score(changed, sub)
            assert card.total == total[r, i], (sid, r)
            assert card.grade.id == rubric.grades[grade[r, i]].id
    assert len(d.batch) >= 5 and not (total == d.batch.total).all()  # the runs did move the totals
