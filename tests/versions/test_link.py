"""How the ids of two rubric versions line up (engine.crosswalk), and trends across them, by hand."""
from __future__ import annotations

from engine import compare
from engine.crosswalk import link

from .conftest import BARE, FILES


def of(comparisons, ref="trend@2"):
    """The comparison of one rubric version (each version keeps its own league)."""
    return next(c for c in comparisons if c.league.rubric.ref == ref)


def rubrics(cards):
    return {c.rubric.ref: c.rubric for c in cards}


def test_the_crosswalk_lines_up_renamed_ids_and_lists_the_rest(score):
    r = rubrics(score())
    got = link(r["trend@1"], r["trend@2"], r.values())
    assert got.crosswalk
    assert got.pairs == {"G1": "G1", "G1.M1": "G1.M10", "G2": "G3", "G2.M1": "G3.M1", "V": "V"}
    assert got.not_comparable == (("V.M1", "dropped", ""), ("G1.M20", "new", "trend@2"), ("V.M2", "new", "trend@2"))


def test_a_trend_across_versions_through_the_crosswalk(score):
    old, c = compare.compare(score())
    assert (old.league.rubric.ref, old.trends) == ("trend@1", ())  # shown with its latest period's version
    (t,) = c.trends
    (s,) = t.steps
    assert (s.total.before, s.total.after, s.total.delta, s.total.arrow) == (90.0, 55.0, -35.0, "↓")
    # G1: 50 -> 0 + 10; G3 (was G2): 40 -> 45; V carries no points
    assert [(g.id, g.before, g.after, g.arrow) for g in s.groups] == [("G1", 50.0, 10.0, "↓"), ("G3", 40.0, 45.0, "↑")]
    assert [(x.id, x.before, x.after) for x in s.slipped] == [("G1.M10", 1.0, 0.0)]
    assert not s.totals_only and s.link.before == "trend@1"


def test_without_a_crosswalk_only_totals_are_compared(score):
    (s,) = of(compare.compare(score(v2=BARE))).trends[0].steps
    assert s.totals_only and (s.total.before, s.total.after) == (90.0, 55.0)
    assert s.groups == () and s.slipped == ()


def test_replaces_without_a_crosswalk_is_totals_only_too(score):
    from .conftest import V2

    text = "".join(line for line in V2.splitlines(True) if not line.startswith("crosswalk:"))
    (s,) = of(compare.compare(score(v2=text))).trends[0].steps
    assert s.totals_only


def test_versions_under_another_id_are_linked_by_replaces(score):
    from .conftest import V2

    files = {k: v.replace("rubric: trend@2", "rubric: trend-b@2") for k, v in FILES.items()}
    c1, c2 = compare.compare(score(files, V2.replace("rubric: trend\n", "rubric: trend-b\n")))
    assert (c1.league.rubric.ref, c1.trends) == ("trend@1", ())
    (s,) = c2.trends[0].steps
    assert s.link.crosswalk and [g.id for g in s.groups] == ["G1", "G3"]


def test_merged_and_absent_ids_are_not_comparable(score):
    from .conftest import V2

    merged = V2.replace("crosswalk: {G1.M1: G1.M10, G2: G3, G2.M1: G3.M1, V.M1: null}",
                        "crosswalk: {G1.M1: G3.M1, G2: G3, G2.M1: G3.M1}")
    r = rubrics(score(v2=merged))
    got = link(r["trend@1"], r["trend@2"], r.values())
    # G1.M1 and G2.M1 both go to G3.M1; V.M1 is in no crosswalk and trend@2 has no V.M1
    assert got.pairs == {"G1": "G1", "G2": "G3", "V": "V"}
    assert got.not_comparable == (("G1.M1", "merged", "G3.M1"), ("G2.M1", "merged", "G3.M1"),
                                  ("V.M1", "absent", "trend@2"), ("G1.M10", "new", "trend@2"),
                                  ("G1.M20", "new", "trend@2"), ("V.M2", "new", "trend@2"))


def test_a_later_version_scored_first_is_totals_only(score):
    from .conftest import v2_sub
    from tests.compare.conftest import sub

    files = {"zt/2024.yaml": v2_sub("zt", "昭通市", 2024, True, True, 100),
             "zt/2025.yaml": sub("zt", "昭通市", 2025, True, 0)}
    cards = score(files)
    r = rubrics(cards)
    assert not link(r["trend@2"], r["trend@1"], r.values()).crosswalk
    assert of(compare.compare(cards), "trend@1").trends[0].steps[0].totals_only


def test_within_one_version_nothing_changes(score):
    from tests.compare.conftest import sub

    files = {**FILES, "zt/2023.yaml": sub("zt", "昭通市", 2023, True, 40)}  # 70
    (t,) = of(compare.compare(score(files))).trends
    first, second = t.steps
    assert first.link is None and [g.id for g in first.groups] == ["G1", "G2"] and first.total.delta == 20.0
    assert second.link is not None


def test_a_chain_of_versions_composes_its_crosswalks(score, tmp_path):
    from .conftest import V2, v2_sub

    v3 = V2.replace('version: "2"', 'version: "3"').replace("replaces: trend@1", "replaces: trend@2") \
        .replace("crosswalk: {G1.M1: G1.M10, G2: G3, G2.M1: G3.M1, V.M1: null}", "crosswalk: {G1.M10: G1.M11}") \
        .replace("G1.M10, label", "G1.M11, label")
    (tmp_path / "rubrics").mkdir(exist_ok=True)
    (tmp_path / "rubrics/trend-3.yaml").write_text(v3, encoding="utf-8")
    files = {**FILES, "qj/2024.yaml": FILES["zt/2024.yaml"].replace("zt", "qj"),
             "qj/2026.yaml": v2_sub("qj", "曲靖市", 2026, True, True, 50).replace("trend@2", "trend@3")
             .replace("G1.M10", "G1.M11")}
    cards = score(files)
    r = rubrics(cards)
    got = link(r["trend@1"], r["trend@3"], r.values())
    assert got.crosswalk and got.pairs["G1.M1"] == "G1.M11" and got.pairs["G2.M1"] == "G3.M1"
    assert ("V.M1", "dropped", "") in got.not_comparable
    (t,) = of(compare.compare(cards), "trend@3").trends
    (s,) = t.steps  # qj: 2024 under trend@1 (90) to 2026 under trend@3 (40 + 10 + 25 = 75)
    assert (t.subject[0], s.total.delta, [(g.id, g.before, g.after) for g in s.groups]) == \
        ("qj", -15.0, [("G1", 50.0, 50.0), ("G3", 40.0, 25.0)])
