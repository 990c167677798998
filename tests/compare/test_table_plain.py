"""compare's table written to a file goes through engine.formats.plain_table (plain lines, not rich's
rendering), its league's row styles dropped and its heatmap's unwrapped columns let wrap when they fit whole:
the text must be rich's own, for vetoed and unranked rows, hostile and long names, at every width."""
from __future__ import annotations

from pathlib import Path

import pytest

from engine import compare as analysis
from engine import pipeline
from engine.formats.compare import table
from engine.outcome import Cards
from tests.test_gaps_batch import RUBRIC, ROOT
from tests.test_gaps_batch import table as long_table


def comparisons(paths: list[str], rubric: str | None):
    finder = pipeline.RubricFinder(rubric, str(ROOT / "rubrics"))
    return analysis.of_runs(Cards(pipeline.run(paths, finder, True)).runs())


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    root = tmp_path_factory.mktemp("compare-plain")
    long = long_table(root / "long.csv", n=30, seed=9)
    text = long.read_text(encoding="utf-8").replace("测试市00011", "测试市" + "很长的名字" * 30, 1)
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
