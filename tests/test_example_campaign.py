"""The shipped example campaign (submissions/example-city/, SPEC 8) assembles into one submission of its
seven parts: four units' filings, two assessors' ratings and the province's verification.

Every figure below is worked out by hand from the parts and the rubric (rubrics/ethnic-unity-city.yaml:
scale 100, no group weights, so a measure's points are its points of the total).
"""
from pathlib import Path

import pytest

from engine import pipeline

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "submissions" / "example-city"
PARTS = ["assessor-A01.yaml", "assessor-A02.yaml", "jyj.yaml", "tzb.yaml", "verified.yaml", "wlj.yaml", "xcb.yaml"]
SELF = {
    # tzb: D1.I01.M01 1.5, M04 0.5, M06 (92-60)/(100-60) of 0.5 = 0.4, D1.I02.M01 1, D1.I04.M03 3 x 0.5 capped at 1
    "tzb": 1.5 + 0.5 + 0.4 + 1 + 1,
    # xcb: three checks 1 + 0.5 + 0.5; bands 320 -> 1 of 1, 260000 -> 0.6 of 1; counts 12 x 0.05 and 6 x 0.1
    # capped at 0.5 each; bands 60000 -> 0.5 of 0.5, 14 -> 0.6 of 0.5
    "xcb": 1 + 0.5 + 0.5 + 1 + 0.6 + 0.5 + 0.5 + 0.5 + 0.3,
    # jyj: 97 >= 95 -> 1.5; 240 -> 0.6 of 1; 100% -> 0.5; 820 -> 0.6 of 0.5; 15000 -> 0.6 of 0.5; (85-50)/50 of 1;
    # (98.6-95)/4 of 1
    "jyj": 1.5 + 0.6 + 0.5 + 0.3 + 0.3 + 0.7 + 0.9,
    # wlj: 12 x 0.05 capped 0.5; 3 x 0.25; 1 x 0.5; 4 x 0.1; bands 64 -> 0.6 of 0.5; 8 x 0.1; 3 x 0.1; (80-50)/50 of 0.5
    "wlj": 0.5 + 0.75 + 0.5 + 0.4 + 0.3 + 0.8 + 0.3 + 0.3,
}
RATINGS = {"D2.I06.M05": (0.5, {"A01": [4, 3], "A02": [5, 4]}),  # [3,4,4,5] trimmed -> 4 -> (4-1)/4 of 0.5
           "D5.I16.M07": (1, {"A01": [4], "A02": [3, 4]}),         # [3,4,4] trimmed -> 4 -> 0.75 of 1
           "D6.I20.M04": (1, {"A01": [5, 4], "A02": [4]})}         # [4,4,5] trimmed -> 4 -> 0.75 of 1
BONUS = 2  # tzb's D7.M01: one item x 2
CHANGED = {"D2.I05.M02": -0.4,  # bands: 320 -> 1 of 1, verified 180 -> 0.6 of 1
           "D2.I07.M01": -0.3,  # linear 80..95: 97 -> 1.5, verified 92 -> 12/15 of 1.5 = 1.2
           "D7.M01": -2.0}      # bonus: 1 item -> 2, verified 0 -> 0


@pytest.fixture(scope="module")
def card():
    outcomes = list(pipeline.run([str(EXAMPLE)], pipeline.RubricFinder(None, str(ROOT / "rubrics"))))
    assert len(outcomes) == 1, [o.path for o in outcomes]
    out = outcomes[0]
    assert out.ok, [str(p) for p in out.problems if p.level == "error"]
    return out.card


def test_every_file_says_it_is_an_example():
    assert "an example of a campaign's parts, not a seed city's facts" in (EXAMPLE / "README.md").read_text("utf-8")
    for name in PARTS:
        head = (EXAMPLE / "2025" / name).read_text(encoding="utf-8").splitlines()[:3]
        assert any("an example of a campaign's parts, not a seed city's facts" in ln for ln in head), name


def test_the_seven_parts_assemble_into_one_submission(card):
    sub = card.submission
    assert (sub.subject_id, sub.period) == ("example-city", 2025)
    assert sorted(Path(p).name for p in sub.parts) == PARTS


def test_each_self_assessed_value_is_filed_by_the_unit_whose_part_gave_it(card):
    entries = card.self_card.submission.entries
    assert entries["D1.I01.M01"].filed_by == "tzb"  # co-owned: its lead 市委办公室 files nothing
    assert entries["D2.I05.M02"].filed_by == "xcb"
    assert entries["D2.I07.M01"].filed_by == "jyj"
    assert entries["D4.I14.M04"].filed_by == "wlj"
    assert entries["D2.I06.M05"].filed_by is None  # the assessors' ratings
    by_unit = {}
    for e in entries.values():
        by_unit[e.filed_by] = by_unit.get(e.filed_by, 0) + 1
    assert by_unit == {"tzb": 6, "xcb": 9, "jyj": 7, "wlj": 8, None: 3}


def test_both_assessors_ratings_are_joined_before_trim(card):
    entries = card.submission.entries
    for mid, (_, given) in RATINGS.items():
        assert {who: list(nums) for who, nums in entries[mid].ratings} == given, mid
        result = next(m for m in card.measures if m.id == mid)
        assert result.score == pytest.approx(0.75 * RATINGS[mid][0]), mid


def test_self_and_verified_totals_differ_by_the_three_changes(card):
    self_total = sum(SELF.values()) + sum(0.75 * pts for pts, _ in RATINGS.values()) + BONUS
    assert card.stages["self"] == pytest.approx(self_total, abs=0.01)
    assert card.stages["verified"] == pytest.approx(self_total + sum(CHANGED.values()), abs=0.01)
    assert card.total == pytest.approx(card.stages["verified"])
    assert {c.id: c.delta for c in card.changed} == pytest.approx(CHANGED)
    assert [(c.self, c.verified) for c in card.changed] == [(320, 180), (97, 92), (1, 0)]
    assert sorted(card.submission.verified) == sorted(CHANGED)
    assert all(c.note.startswith("核验：") for c in card.changed)
