"""The shipped demonstration campaign (submissions/example-city/, SPEC 8) assembles each period into one
submission of its twenty parts: thirteen units' filings, the campaign office's own part, five assessors'
ratings and the province's verification.

Every figure below is worked out by hand from the parts and the rubric (rubrics/ethnic-unity-city.yaml:
scale 100, no group weights; the measures checked here lie outside the two indicators with a waiver, so a
measure's points are its points of the total).
"""
from pathlib import Path

import pytest

from engine import pipeline

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "submissions" / "example-city"
MARK = "虚构示例 · FICTIONAL EXAMPLE"
UNITS = ["fgw", "jyj", "mzw", "nyj", "rsj", "sfj", "swzb", "tjj", "tzb", "wlj", "xcb", "zfw", "zzb"]
ASSESSORS = ["A01", "A02", "A03", "A04", "A05"]
PARTS = sorted([f"{u}.yaml" for u in UNITS] + [f"assessor-{a}.yaml" for a in ASSESSORS]
               + ["cjb.yaml", "verified.yaml"])
# 2025's ratings, scale 1-5, trim 1 (one highest and one lowest dropped from all the assessors' ratings joined)
RATINGS = {
    # [4, 5, 4, 4, 4, 4] trimmed -> [4, 4, 4, 4]: mean 4 -> (4-1)/4 = 0.75 of 0.5
    "D2.I06.M05": (0.375, {"A01": [4, 5], "A02": [4], "A03": [4], "A04": [4], "A05": [4]}),
    # [5, 4, 3, 5, 4] trimmed -> [4, 4, 5]: mean 13/3 -> (13/3-1)/4 = 5/6 of 1
    "D5.I16.M07": (5 / 6, {"A01": [5], "A02": [4], "A03": [3], "A04": [5], "A05": [4]}),
    # [4, 4, 4, 5, 5] trimmed -> [4, 4, 5]: 5/6 of 1
    "D6.I20.M04": (5 / 6, {"A01": [4], "A02": [4], "A03": [4], "A04": [5], "A05": [5]}),
}
# What the province changed in 2025, in points of the total
CHANGED = {"D2.I05.M02": -0.4,   # bands 300/150: 320 -> 1 of 1, verified 280 -> 0.6 of 1
           "D4.I15.M01": -0.6,   # bands 200/100: 208 -> 1 of 2, verified 196 -> 0.7 of 2
           "D5.I18.M04": -0.15,  # linear 70..90: 92 -> 1.5, verified 88 -> 18/20 of 1.5 = 1.35
           "D7.M02": -1.0,       # bonus 1 a time: 3 -> 3, verified 2 -> 2
           "V.M05": -0.5}        # deduction 0.5 a time: 0 -> nothing, verified 1 -> 0.5 off


def card_of(period):
    outcomes = list(pipeline.run([str(EXAMPLE / str(period))], pipeline.RubricFinder(None, str(ROOT / "rubrics"))))
    assert len(outcomes) == 1, [o.path for o in outcomes]
    out = outcomes[0]
    assert out.ok, [str(p) for p in out.problems if p.level == "error"]
    return out.card


@pytest.fixture(scope="module")
def card():
    return card_of(2025)


def test_every_file_says_it_is_a_fictional_example():
    readme = (EXAMPLE / "README.md").read_text("utf-8")
    assert "**虚构示例 · FICTIONAL EXAMPLE.**" in readme
    assert "not a seed city's facts" in readme  # what exempts the folder from tests/test_seed_citations.py
    for period in ("2024", "2025"):
        assert sorted(p.name for p in (EXAMPLE / period).iterdir()) == PARTS
        for name in PARTS:
            head = (EXAMPLE / period / name).read_text(encoding="utf-8").splitlines()[:3]
            assert any(MARK in ln for ln in head), (period, name)


def test_the_twenty_parts_assemble_into_one_submission(card):
    sub = card.submission
    assert (sub.subject_id, sub.subject_name, sub.period) == ("example-city", "示例市（虚构示例）", 2025)
    assert sorted(Path(p).name for p in sub.parts) == PARTS


def test_each_self_assessed_value_is_filed_by_the_unit_whose_part_gave_it(card):
    entries = card.self_card.submission.entries
    assert entries["D1.I01.M01"].filed_by == "tzb"  # co-owned: its lead 市委办公室 files its other measures
    assert entries["D1.I01.M02"].filed_by == "swzb"
    assert entries["D2.I05.M02"].filed_by == "xcb"
    assert entries["D3.I10.M01"].filed_by == "rsj"
    assert entries["D4.I13.M07"].filed_by is None  # 市民政局 files through the campaign office's own part
    assert entries["D2.I06.M05"].filed_by is None  # the assessors' ratings
    units = {e.filed_by for e in entries.values()} - {None}
    assert sorted(units) == UNITS


def test_five_assessors_ratings_are_joined_before_trim(card):
    entries = card.submission.entries
    for mid, (score, given) in RATINGS.items():
        assert {who: list(nums) for who, nums in entries[mid].ratings} == given, mid
        result = next(m for m in card.measures if m.id == mid)
        assert result.score == pytest.approx(score), mid


def test_self_and_verified_totals_differ_by_the_five_changes(card):
    assert card.stages == {"self": pytest.approx(88.19, abs=0.005), "verified": pytest.approx(85.54, abs=0.005)}
    assert card.stages["verified"] - card.stages["self"] == pytest.approx(sum(CHANGED.values()), abs=0.01)
    assert card.total == pytest.approx(card.stages["verified"])
    assert {c.id: c.delta for c in card.changed} == pytest.approx(CHANGED)
    assert [(c.self, c.verified) for c in card.changed] == [(320, 280), (208, 196), (92, 88), (3, 2), (0, 1)]
    assert sorted(card.submission.verified) == sorted(CHANGED)
    assert all(c.note.startswith("核验：") for c in card.changed)


def test_the_waivers_are_the_city_offices_and_drop_out_of_the_base(card):
    assert sorted(card.submission.waivers) == ["D2.I07.M06", "D3.I11.M02"]
    waived = [m for m in card.measures if m.status == "waived"]
    assert [m.id for m in waived] == ["D2.I07.M06", "D3.I11.M02"] and all(m.score == 0 for m in waived)
    # D2.I07 keeps its 5 points over the 4 measures left: D2.I07.M03 (96% on linear 60..100 = 0.9 of its
    # 0.5 points) is worth 0.5 * 5/4 of the total
    d2i07 = next(g for g in card.groups if g.group.id == "D2.I07")
    assert d2i07.max == 5
    m03 = next(m for m in card.measures if m.id == "D2.I07.M03")
    assert m03.score == pytest.approx(0.45)
