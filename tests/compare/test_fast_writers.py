"""compare's table written to a file goes through engine.formats.plain_table (plain lines, not rich's
rendering), its league's row styles dropped and its heatmap's unwrapped columns let wrap when they fit whole;
its json writes the standings from %-formats (engine.formats.compare.json_rows).  The texts must be the
general ones (rich's, the encoder's over league_dict), for vetoed rows, several periods and rubrics, hostile,
long and control-laden names, in both languages and at every width."""
from __future__ import annotations

from pathlib import Path

import pytest

from engine import compare as analysis
from engine import pipeline
from engine.formats.compare import json_fmt, table
from engine.formats.compare.common import comparison_dict
from engine.formats.json_fmt import dumps, shaped
from engine.outcome import Cards
from tests.test_gaps_batch import RUBRIC, ROOT
from tests.test_gaps_batch import table as long_table


ODD = ("甲\u202e乙", "c1\x85\x9b[2J", "行\u2028段", "##[warning]坏", "百分%s%%d", "::error::x")


def comparisons(paths: list[str], rubric: str | None):
    finder = pipeline.RubricFinder(rubric, str(ROOT / "rubrics"))
    return analysis.of_runs(Cards(pipeline.run(paths, finder, True)).runs())


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    root = tmp_path_factory.mktemp("compare-plain")
    long = long_table(root / "long.csv", n=30, seed=9)
    text = long.read_text(encoding="utf-8").replace("测试市00011", "测试市" + "很长的名字" * 30, 1)
    for k, odd in enumerate(ODD):
        text = text.replace(f"测试市0001{k + 2},", f"测试市{odd},")
    long.write_text(text, encoding="utf-8")
    return {"long": comparisons([str(long)], RUBRIC), "submissions": comparisons([str(ROOT / "submissions")], None)}


@pytest.mark.parametrize("which", ["long", "submissions"])
@pytest.mark.parametrize("width", [120, 80, 60, 40])
def test_plain_lines_are_richs_text(inputs, which, width, monkeypatch):
    fast = table.render(inputs[which], width=width)
    monkeypatch.setattr(table, "_print", lambda console, t: console.print(t))
    assert fast == table.render(inputs[which], width=width)


def test_the_long_league_holds_what_is_tested(inputs):
    league = inputs["long"][0].league
    assert any(s.card.vetoed for s in league.standings)
    assert "很长的名字" * 5 in table.render(inputs["long"], width=120)


@pytest.mark.parametrize("which", ["long", "submissions"])
@pytest.mark.parametrize("lang", [None, "en"])
@pytest.mark.parametrize("single", [None, False])
def test_json_standings_are_the_encoders_text(inputs, which, lang, single):
    got = json_fmt.render(inputs[which], lang, single)
    assert got == dumps(shaped([comparison_dict(c, lang) for c in inputs[which]], single)) + "\n"


def test_json_keeps_odd_names_escaped(inputs):
    got = json_fmt.render(inputs["long"])
    assert "百分%s%%d" in got and "\\u202e" in got and "##\\u005bwarning" in got and "\\u2028" in got
    assert not any(c in got for c in "\u202e\x85\x9b\u2028") and "##[" not in got
