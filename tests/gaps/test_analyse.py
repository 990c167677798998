"""engine.gaps.analyse: ranking by points of the total, the next-grade path, veto, owners, missing data."""
import pytest

from engine import gaps, pipeline
from engine.results import r2
from engine.gaps import total_with

from engine import readers, scoring, validate

from .rubrics import DONE, NOT_DONE, TOWN, TOWN_66, town_sub


@pytest.fixture
def town(score_text):
    """Analyse a TOWN submission given as measure values."""

    def run(**values):
        outcome = score_text(TOWN, town_sub(**values))
        assert outcome.ok, [str(p) for p in outcome.problems]
        return gaps.analyse(outcome.card)

    return run


def test_ranked_by_points_of_the_total_in_a_weighted_rubric(town):
    rep = town(**TOWN_66)
    assert rep.card.total == 66.0 and rep.card.grade.id == "c"
    # A.M2 is a 20-point measure at 0.75 in a group of weight 60 over 30 points: 40 * 0.25 = 10.
    # B.M2 is missing (scored 0): 10 of the total; B.M3 silver: 20 * 0.5 = 10; B.M1 6 -> 0.6: 10 * 0.4 = 4.
    # Ties keep rubric order.
    assert [(g.rank, g.id, round(g.recoverable, 9)) for g in rep.gaps] == [
        (1, "A.M2", 10.0), (2, "B.M2", 10.0), (3, "B.M3", 10.0), (4, "B.M1", 4.0)]
    assert rep.recoverable == pytest.approx(34.0)


def test_a_ten_point_measure_under_weight_60_is_worth_20_of_the_total(town):
    rep = town(**{**TOWN_66, "A_M1": NOT_DONE})
    top = rep.gaps[0]
    assert (top.id, top.result.measure.points, top.recoverable) == ("A.M1", 10, pytest.approx(20.0))


def test_targets_and_distances(town):
    by = {g.id: g for g in town(**TOWN_66).gaps}
    a = by["A.M2"].aim
    assert (a.target, a.next, a.direction, a.distance) == (90, 90, "higher", pytest.approx(10.0))
    assert a.distance_pct == pytest.approx(100 * 10 / 90)
    # 20 points from 50 to 90: 15 earned at 80, the 16th point at 50 + 40 * 16/20 = 82.
    assert (a.next_point, a.next_point_score) == (pytest.approx(82.0), 16.0)
    b = by["B.M1"].aim
    assert (b.target, b.next, b.distance, b.next_distance) == (10, 10, 4.0, 4.0)
    assert by["B.M3"].aim.target == "gold" and by["B.M3"].aim.distance is None
    assert by["B.M2"].aim.current is None and by["B.M2"].value is None


def test_next_grade_takes_the_fewest_measures_biggest_first(town):
    ng = town(**TOWN_66).next_grade
    # 66 -> good (80) needs 14: A.M2 (+10) reaches 76, B.M2 (+10) reaches 86.
    assert (ng.grade.id, ng.needs, ng.measures, ng.gain, ng.reachable) == ("b", 14.0, ("A.M2", "B.M2"), 20.0, True)


def test_one_measure_is_enough_when_it_covers_the_need(town):
    ng = town(**{**TOWN_66, "A_M1": NOT_DONE}).next_grade
    # 46 (fail) -> pass (60) needs 14; A.M1 alone recovers 20.
    assert (ng.grade.id, ng.needs, ng.measures, ng.reachable) == ("c", 14.0, ("A.M1",), True)


def test_top_grade_has_no_next_grade(town):
    rep = town(A_M1=DONE, A_M2=95, B_M1=12, B_M2=91, B_M3="gold")
    assert rep.card.total == 100.0 and rep.next_grade is None and rep.gaps == ()


def test_vetoed_no_score_closes_it(town):
    rep = town(**TOWN_66, V_M1=True)
    ng = rep.next_grade
    assert rep.card.grade.id == "f"
    assert (ng.grade.id, ng.needs, ng.measures, ng.reachable, ng.vetoed_by) == ("c", None, (), False, ("V.M1",))


def test_missing_section_with_points_at_stake(town):
    rep = town(**TOWN_66)
    assert [(i.id, i.result.status, i.at_stake) for i in rep.missing] == [
        ("B.M2", "missing", 10.0), ("V.M1", "missing", None), ("V.M2", "missing", 3)]
    assert [i.id for i in rep.missing if i.is_modifier] == ["V.M1", "V.M2"]


def test_required_evidence_absent(town, make_files):
    assert town(**TOWN_66).evidence == ()
    # Validation refuses such a file; the gap report still names the measure when handed the scorecard.
    files = make_files(TOWN, town_sub(**{**TOWN_66, "A_M1": True}))
    rubric = pipeline.RubricFinder(str(files["rubric"])).fixed
    sub, problems = validate.check(readers.read_one(files["submission"])[0], rubric)
    assert [p.code for p in problems] == ["evidence"]
    rep = gaps.analyse(scoring.score(rubric, sub))
    assert [m.id for m in rep.evidence] == ["A.M1"]
    assert [(o.unit, o.evidence) for o in rep.owners if o.evidence] == [("mzw", ("A.M1",))]


def test_owners_lead_and_co_owner_totals(town):
    rep = town(**TOWN_66)
    table = [(o.unit, [g.id for g in o.lead], o.lead_points, [g.id for g in o.co], o.co_points, o.missing, o.evidence)
             for o in rep.owners]
    # jyj leads B.M1 (4) and B.M2 (10); mzw leads B.M3 (10) and co-owns A.M2 and B.M2 (20);
    # tjj leads A.M2 (10) and co-owns A.M1, which has full marks.  Equal lead totals: bigger co total first.
    assert table == [
        ("jyj", ["B.M2", "B.M1"], 14.0, [], 0, ("B.M2",), ()),
        ("mzw", ["B.M3"], 10.0, ["A.M2", "B.M2"], 20.0, (), ()),
        ("tjj", ["A.M2"], 10.0, [], 0, (), ()),
    ]


def test_indicators_attainment_and_lights(town):
    rows = [(i.result.id, i.depth, round(i.pct, 2), i.light, i.recoverable, i.gaps) for i in town(**TOWN_66).indicators]
    # A: (10 + 15) / 30 = 83.33% (yellow: 70 <= x < 85); B: (3 + 0 + 5) / 20 = 40% (red below 50).
    assert rows == [("A", 0, 83.33, "yellow", 10.0, 1), ("B", 0, 40.0, "red", 24.0, 3)]


EXCLUDE = TOWN.replace('title: {zh: 城镇测评, en: Town assessment}\n',
                       'title: {zh: 城镇测评, en: Town assessment}\nmissing: exclude\n')


def test_excluded_measure_at_stake_is_its_nominal_worth(score_text):
    card = score_text(EXCLUDE, town_sub(A_M1=NOT_DONE, B_M1=10, B_M2=95, B_M3="gold")).card
    rep = gaps.analyse(card)
    # A.M2 is excluded: A.M1 carries the whole weight of A (60) and recovers all of it.
    assert [(g.id, g.recoverable) for g in rep.gaps] == [("A.M1", pytest.approx(60.0))]
    assert [(i.id, i.result.status, i.at_stake) for i in rep.missing if not i.is_modifier] == [
        ("A.M2", "excluded", pytest.approx(40.0))]
    assert [(o.unit, o.missing) for o in rep.owners if o.missing] == [("tjj", ("A.M2",))]


ROUNDING = """\
rubric: edge
version: "1"
title: edge
deduction_cap: 50
grades:
  - {id: good, label: Good, min: 80}
  - {id: pass, label: Pass, min: 60}
  - {id: fail, label: Fail, min: 0}
tree:
  - {id: X, label: X, method: check, points: 79.5}
  - {id: Y, label: Y, method: check, points: 0.495}
  - {id: Z, label: Z, method: check, points: 20.005}
  - {id: D, label: D, method: deduction, per: 20.005}
"""


def test_rounded_total_decides_the_path(score_text):
    sub = "rubric: edge\nsubject: s\nperiod: 1\nvalues: {X: true, Y: false, Z: true, D: 1}\n"
    card = score_text(ROUNDING, sub).card
    # 79.5 + 20.005 - 20.005 = 79.5; Y adds 0.495 -> 79.995, which rounds half-up to 80.
    assert card.total == 79.5 and card.grade.id == "pass"
    assert total_with(card, 0.495) == 80.0 and total_with(card, 0.494) == 79.99
    ng = gaps.analyse(card).next_grade
    assert (ng.grade.id, ng.needs, ng.measures, ng.reachable) == ("good", 0.5, ("Y",), True)


def test_unreachable_when_deductions_outweigh_every_gap(score_text):
    sub = "rubric: edge\nsubject: s\nperiod: 1\nvalues: {X: false, Y: false, Z: true, D: 2}\n"
    card = score_text(ROUNDING, sub).card
    # base 20.005 - 40.01 clamps to 0; even every gap (79.995) reaches only 100 - 40.01 = 59.99.
    ng = gaps.analyse(card).next_grade
    assert card.total == 0.0
    assert (ng.grade.id, ng.needs, ng.measures, ng.reachable) == ("pass", 60.0, ("X", "Y"), False)
    # gain is what those measures add to the total once the clamp at 0 is applied: 59.99, not 79.995
    assert r2(ng.gain) == 59.99 and total_with(card, 79.995) == 59.99
