"""Progress made of shared objects (one UnitProgress per gap a plan meets, totals counted per object) gives what
counting every submission measure by measure gives, on random filings of the campaign rubric and of the
shipped 127-measure one."""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from engine import rubric as rubrics
from engine.campaign import Filing, PartInfo
from engine.progress import progress

ROOT = Path(__file__).resolve().parents[2]


def naive(filings):
    """Every figure of engine.progress worked out one measure at a time (the module's first form)."""
    out, sums = [], {}
    for f in filings:
        base = [m.id for m in f.rubric.measures if not m.is_modifier]
        weights = _weights(f.rubric)
        invalid = {i for i in base if i in f.invalid}
        filed = {i for i in base if (i in f.filed or i in f.waived) and i not in invalid}
        by = {p.filed_by for p in f.parts}
        units = []
        for unit, lead, co in _units(f.rubric, base):
            ids = lead + co
            done = tuple(i for i in ids if i in filed)
            u = (unit, lead, co, done, tuple(i for i in ids if i in invalid),
                 tuple(i for i in ids if i not in filed and i not in invalid),
                 sum(weights[i] for i in ids if i not in filed), not done and not by & {unit})
            units.append(u)
            t = sums.setdefault(unit, [0, 0, 0, 0, 0, 0, 0.0, 0])
            for k, x in enumerate((1, len(lead), len(co), len(done), len(u[4]), len(u[5]), u[6], u[7])):
                t[k] += x
        out.append((tuple(units), tuple(i for i in base if i in filed), tuple(i for i in base if i in invalid),
                    tuple(i for i in base if i not in filed and i not in invalid),
                    sum(weights[i] for i in base if i not in filed)))
    return out, sums


def _weights(rubric):
    from engine.gap_views import nominal_weights

    return nominal_weights(rubric)


def _units(rubric, base):
    from engine.progress import plan

    return plan(rubric).units


def filings(rubric, n, seed):
    rng = random.Random(seed)
    base = [m.id for m in rubric.measures]
    units = list(rubric.units) or ["u"]
    out = []
    for k in range(n):
        lacking = rng.choice([0.0, 0.02, 0.05, 0.3, 1.0])
        filed = {i: rng.choice([None, *units]) for i in base if rng.random() >= lacking}
        invalid = frozenset(i for i in base if rng.random() < lacking / 3)
        waived = {i: None for i in base if i not in filed and rng.random() < 0.05}
        parts = tuple(PartInfo(f"p{k}/{u}.yaml", u) for u in units if rng.random() < 0.2)
        out.append(Filing(rubric, f"s{k % (n // 2 + 1)}", f"市{k}", 2024 + k % 2, parts, filed, invalid, waived))
    return out


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("which", ["campaign", "shipped"])
def test_shared_objects_count_as_every_submission_counted_alone(which, seed, campaign):
    rubric = campaign if which == "campaign" else rubrics.load(ROOT / "rubrics" / "ethnic-unity-city.yaml")
    given = filings(rubric, 300, seed)
    prog = progress(given)
    subjects, sums = naive(given)
    for s, (units, filed, invalid, missing, points) in zip(prog.subjects, subjects):
        assert tuple((u.unit, u.lead, u.co, u.filed, u.invalid, u.missing, u.points, u.filed_nothing)
                     for u in s.units) == units
        assert (s.filed, s.invalid, s.missing, s.points) == (filed, invalid, missing, points)
    assert {t.unit: [t.subjects, t.lead, t.co, t.filed, t.invalid, t.missing, t.points, t.filed_nothing]
            for t in prog.units} == sums
    assert len({id(u) for s in prog.subjects for u in s.units}) < sum(len(s.units) for s in prog.subjects)
