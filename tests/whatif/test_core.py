"""engine.whatif on its own: a Rubric, a Submission and entries in; totals, deltas and units by hand."""
from engine.model import Entry, Submission
from engine.whatif import applied, per_unit, what_if


def filed(**more) -> Submission:
    entries = {"A.1": Entry(70), "A.2": Entry(False), "B.1": Entry(20000), **more}
    return Submission("wi@1", "jc", "金昌市", 2024, entries, "jc/2024.yaml")


def test_nothing_changed_is_zero(rubric):
    r = what_if(rubric, filed(), {"A.2": Entry(False)})
    assert r.before.total == r.after.total == 40 and r.delta == 0
    assert [(c.score_before, c.score_after, c.delta) for c in r.changes] == [(0, 0, 0)]


def test_grade_flip_and_deltas(rubric):
    r = what_if(rubric, filed(), {"B.1": Entry(60000), "A.1": Entry(90)})  # B.1 capped at 40 points
    assert (r.before.total, r.after.total) == (40, 80)
    assert (r.before.grade.id, r.after.grade.id) == ("f", "b")
    assert [(c.id, c.delta) for c in r.changes] == [("A.1", 20), ("B.1", 20)]
    assert [(u.unit, u.leads, u.shares, u.delta) for u in r.units] == [
        ("tzb", ("A.1",), ("B.1",), 40), ("mzw", ("B.1",), ("A.1",), 40)]


def test_missing_measure_given(rubric):
    sub = filed()
    sub = Submission(sub.rubric, sub.subject_id, sub.subject_name, sub.period,
                     {k: v for k, v in sub.entries.items() if k != "A.1"}, sub.path)
    r = what_if(rubric, sub, {"A.1": Entry(80)})  # 0 -> (80-50)/40*40 = 30
    assert (r.before.total, r.after.total) == (20, 50)
    assert r.changes[0].before is None and r.changes[0].after == 80


def test_verified_stage_gets_the_changes():
    sub = Submission("wi@1", "jc", "", 2024, {"A.1": Entry(70)}, verified={"A.1": Entry(60)})
    out = applied(sub, {"A.1": Entry(90)})
    assert out.entries["A.1"].value == 70 and out.verified["A.1"].value == 90


def test_per_unit_without_owners_is_empty():
    from engine.whatif import MeasureChange

    assert per_unit([MeasureChange("X", 1, 2, 0, 1, 1.0, ())]) == ()


def test_leading_units_come_first():
    from engine.whatif import MeasureChange

    found = per_unit([MeasureChange("X", 0, 1, 0, 1, 1.5, ("u1", "u2")),
                      MeasureChange("Y", 0, 1, 0, 2, -0.25, ("u3", "u2"))])
    assert [(u.unit, u.leads, u.shares, u.delta) for u in found] == [
        ("u1", ("X",), (), 1.5), ("u3", ("Y",), (), -0.25), ("u2", (), ("X", "Y"), 1.25)]
