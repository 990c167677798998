"""min_coverage (SPEC 10): a subject below it is listed as 数据不足, unranked, after the ranked ones, in the
per-card league (engine.compare) and in a long table's (engine.vector.league) alike."""
from __future__ import annotations

import json

import pytest

from engine import compare
from engine.formats.compare import get

from .conftest import LEAGUE, runs

EXPECTED = [("a", 1, 100.0, 1.0), ("b", 2, 80.0, 0.8), ("d", 3, 50.0, 0.9), ("c", None, 70.0, 0.7),
            ("e", None, 20.0, 0.2)]


@pytest.mark.parametrize("path, kind", [("subs", "cards"), ("long.csv", "batch")])
def test_unranked_after_the_ranked(tree, path, kind):
    tree({s: {2024: v} for s, v in LEAGUE.items()})
    got = runs(path)
    assert {r[0] for r in got} == {kind}
    (c,) = compare.of_runs(got)
    rows = [(s.card.submission.subject_id, s.rank, s.card.total, s.coverage) for s in c.league.standings]
    assert rows == [(sid, rank, total, pytest.approx(cov)) for sid, rank, total, cov in EXPECTED]
    assert [s.card.submission.subject_id for s in c.league.unranked] == ["c", "e"]


def test_without_min_coverage_everyone_ranks(tree):
    tree({s: {2024: v} for s, v in LEAGUE.items()}, min_coverage=None)
    for path in ("subs", "long.csv"):
        (c,) = compare.of_runs(runs(path))
        assert [(s.card.submission.subject_id, s.rank) for s in c.league.standings] == [
            ("a", 1), ("b", 2), ("c", 3), ("d", 4), ("e", 5)]


def test_every_compare_format_says_so(tree):
    tree({s: {2024: v} for s, v in LEAGUE.items()})
    for path in ("subs", "long.csv"):
        comps = compare.of_runs(runs(path))
        text = get("table").render(comps, width=160)
        rows = [x.split() for x in text.splitlines() if x.strip().startswith(("1 ", "2 ", "3 ", "数据不足"))]
        assert [r[:6] for r in rows[:5]] == [["1", "a市", "100", "良好", "100%", "100"],
                                             ["2", "b市", "80", "良好", "80%", "80"],
                                             ["3", "d市", "50", "不合格", "90%", "50"],
                                             ["数据不足", "c市", "70", "不合格", "70%", "70"],
                                             ["数据不足", "e市", "20", "不合格", "20%", "20"]]
        assert "数据不足，不参与排名（覆盖率低于 80%）：c市 (70%), e市 (20%)" in text
        md = get("markdown").render(comps)
        assert "| 数据不足 | c市 | **70** | 不合格 | 70% | 70 / 100 |" in md
        assert "| 3 | d市 | **50** | 不合格 | 90% | 50 / 100 |" in md
        data = json.loads(get("json").render(comps))
        lg = data["league"] if isinstance(data, dict) else data[0]["league"]
        assert lg["min_coverage"] == 0.8
        assert [(s["rank"], s["coverage"], s.get("unranked")) for s in lg["standings"]][2:] == [
            (3, 0.9, None), (None, 0.7, "insufficient data"), (None, 0.2, "insufficient data")]
        lines = get("csv").render(comps).splitlines()
        assert lines[0].endswith(",G1,coverage")
        assert lines[3].startswith("cov,1,2024,c,c市,insufficient data,70.0,") and lines[3].endswith(",0.7")


def test_all_unranked_says_why_in_one_line(tree):
    tree({"c": {2024: LEAGUE["c"]}, "e": {2024: LEAGUE["e"]}})
    text = get("table").render(compare.of_runs(runs("subs")), width=160)
    assert "所有对象的覆盖率都低于 80%，不排名：公布的数据太少，排名会误导。" in text
    en = get("table").render(compare.of_runs(runs("subs")), "en", width=160)
    assert "Every subject's coverage is below 80%, so none is ranked" in en and "insufficient data" in en
