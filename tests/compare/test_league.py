"""engine.compare.league: ranks, ties, vetoed last, latest or chosen period, one league per rubric."""
from engine import compare

from .conftest import LEAGUE, sub


def standings(lg):
    return [(s.rank, s.card.submission.subject_id, s.card.submission.period, s.card.total, s.card.vetoed)
            for s in lg.standings]


def test_each_subjects_latest_ranked_vetoed_last_ties_share_a_rank(cards):
    (c,) = compare.compare(cards(LEAGUE))
    assert c.league.period is None and c.league.periods == (2024, 2025)
    assert standings(c.league) == [(1, "dali", 2025, 95.0, False), (2, "anning", 2024, 80.0, False),
                                   (2, "chuxiong", 2024, 80.0, False), (4, "baoshan", 2024, 90.0, True)]
    assert c.league.absent == ()
    assert [g.id for g in c.league.groups] == ["G1", "G2"]  # V holds only a veto: no column


def test_a_chosen_period(cards):
    got = cards(LEAGUE)
    lg = compare.league(got, "2024")
    assert lg.period == 2024  # as the submissions write it
    assert standings(lg) == [(1, "anning", 2024, 80.0, False), (1, "chuxiong", 2024, 80.0, False),
                             (3, "dali", 2024, 60.0, False), (4, "baoshan", 2024, 90.0, True)]
    later = compare.league(got, 2025)
    assert standings(later) == [(1, "dali", 2025, 95.0, False)]
    assert [c.submission.subject_id for c in later.absent] == ["anning", "baoshan", "chuxiong"]


OTHER = """\
rubric: other
version: "2"
title: 另一套测评
grades: [{id: ok, label: 达标, min: 50}, {id: no, label: 未达标, min: 0}]
tree:
  - id: X
    label: 一组
    children:
      - {id: X.M1, label: 一项, method: check, points: 100}
"""


def test_several_rubrics_compare_only_within_a_rubric(cards):
    files = dict(LEAGUE)
    files["anning/2024.other.yaml"] = "rubric: other@2\nsubject: {id: anning, name: 安宁市}\nperiod: 2024\n" \
                                      "values: {X.M1: true}\n"
    comparisons = compare.compare(cards(files, {"other.yaml": OTHER}))
    assert [(c.league.rubric.id, len(c.league.standings)) for c in comparisons] == [("other", 1), ("trend", 4)]
    assert standings(comparisons[0].league) == [(1, "anning", 2024, 100.0, False)]


def test_periods_in_time_order_then_text():
    periods = ["2024-H1", 2023, "2022", 2100, "2024-H2", "第三期", "2024年第三季度", "2024年第二季度", "2024-10", "2024-9"]
    assert sorted(periods, key=compare.period_key) == [
        "2022", 2023, "2024-H1", "2024年第二季度", "2024-H2", "2024年第三季度", "2024-9", "2024-10", 2100, "第三期"]


def test_two_files_for_the_same_period_are_parts_of_one_submission(tmp_path):
    """SPEC 8: they are assembled, not ranked twice; a measure they both give differently is an error in both."""
    from engine import pipeline

    from .conftest import TREND

    (tmp_path / "r.yaml").write_text(TREND, encoding="utf-8")
    files = {"a/2024.again.yaml": sub("a", "甲", 2024, True, 0), "a/2024.yaml": sub("a", "甲", 2024, True, 100)}
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    (o,) = pipeline.run([str(tmp_path / "a")], pipeline.RubricFinder(str(tmp_path / "r.yaml")))
    assert o.parts == (str(tmp_path / "a/2024.again.yaml"), str(tmp_path / "a/2024.yaml")) and not o.ok
    twice = [p for p in o.problems if p.code == "duplicate" and p.level == "error"]
    assert sorted(p.loc.file for p in twice) == sorted(o.parts)
