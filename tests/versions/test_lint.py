"""A wrong crosswalk stops compare (exit 2), each problem located at its entry in the rubric file."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from engine import compare
from engine.cli import app
from engine.problems import RubricError

from .conftest import V2

CROSSWALK = "crosswalk: {G1.M1: G1.M10, G2: G3, G2.M1: G3.M1, V.M1: null}"
BAD = {
    # a target the new version lacks, at the value
    "crosswalk: {G1.M1: G1.M11, G2: G3}": "trend-2.yaml:5:20: crosswalk: G1.M1 -> 'G1.M11': 'G1.M11' is not a node of "
                                         "trend@2 (did you mean 'G1.M10'?)",
    # a key the old version lacks, at the key
    "crosswalk: {G1.M9: G1.M10, G2: G3}": "trend-2.yaml:5:13: crosswalk: 'G1.M9' is not a node of trend@1 (did you "
                                         "mean 'G1.M1'?)",
}


@pytest.mark.parametrize("line", BAD)
def test_a_wrong_entry_is_located(score, tmp_path, line):
    cards = score(v2=V2.replace(CROSSWALK, line))
    with pytest.raises(RubricError) as e:
        compare.compare(cards)
    assert [str(p).replace(str(tmp_path / "rubrics") + "/", "") for p in e.value.problems] == [BAD[line]]


def test_a_crosswalk_needs_replaces(score, tmp_path):
    cards = score(v2=V2.replace("replaces: trend@1\n", ""))
    with pytest.raises(RubricError) as e:
        compare.compare(cards)
    assert [str(p).replace(str(tmp_path / "rubrics") + "/", "") for p in e.value.problems] == [
        "trend-2.yaml:4:1: a crosswalk needs `replaces: ID@VERSION`: the version whose ids it maps (trend@2 "
        "replaces none)"]


def test_compare_exits_2_naming_the_place(score, tmp_path, monkeypatch):
    score(v2=V2.replace(CROSSWALK, "crosswalk: {G1.M1: G1.M11}"))
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(app, ["compare", "subs", "--rubrics-dir", "rubrics"], catch_exceptions=False)
    out = " ".join(r.output.split())
    assert r.exit_code == 2 and "rubrics/trend-2.yaml:5:20: crosswalk: G1.M1 -> 'G1.M11'" in out


def test_a_good_crosswalk_has_no_problem(score):
    assert compare.compare(score())
