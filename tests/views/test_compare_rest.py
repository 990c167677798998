"""`scorecard compare` in the terminal past a screenful: the league's top LEAGUE_TOP and bottom LEAGUE_BOTTOM with
the rest counted between (in the league and the heatmap alike), the spread of totals and grades, the first TRENDS
trends, and how to get all of it; -o FILE still holds every standing and trend."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from engine.cli import app
from engine.formats.compare.table import LEAGUE_BOTTOM, LEAGUE_TOP, SCREENFUL, TRENDS
from tests.views.test_table_rest import RUBRIC

N = LEAGUE_TOP + LEAGUE_BOTTOM + SCREENFUL + 7


@pytest.fixture
def league(tmp_path, monkeypatch):
    """N subjects s01.. with totals 1..N in 2024 (and 2023 at half, for trends when asked)."""
    monkeypatch.chdir(tmp_path)
    Path("rubrics").mkdir()
    Path("rubrics/tiny.yaml").write_text(RUBRIC, encoding="utf-8")

    def make(n: int = N, periods=(2024,)) -> str:
        for i in range(1, n + 1):
            for period in periods:
                p = Path(f"subs/s{i:02d}/{period}.yaml")
                p.parent.mkdir(parents=True, exist_ok=True)
                v = i if period == 2024 else i / 2
                p.write_text(f"rubric: tiny\nsubject: {{id: s{i:02d}, name: 市{i:02d}}}\nperiod: {period}\n"
                             f"values:\n  G1.M1: {v}\n", encoding="utf-8")
        return "subs"
    return make


def run(*args):
    return CliRunner().invoke(app, ["compare", *args], catch_exceptions=False)


def ranked(out: str) -> list[str]:
    """The subjects of the league table's rows, in order."""
    league = out.split("各指标组得分率")[0]
    return re.findall(r"^\s+\d+\s+(市\d\d)\s", league, re.M)


def test_past_a_screenful_the_league_shows_its_ends(league):
    out = run(league()).stdout
    want = [f"市{i:02d}" for i in range(N, N - LEAGUE_TOP, -1)] + [f"市{i:02d}" for i in range(LEAGUE_BOTTOM, 0, -1)]
    assert ranked(out) == want
    hidden = N - LEAGUE_TOP - LEAGUE_BOTTOM
    assert out.count(f"中间还有 {hidden} 份") == 1
    heat = out.split("各指标组得分率")[1]
    assert len(re.findall(r"^\s+市\d\d\s", heat, re.M)) == LEAGUE_TOP + LEAGUE_BOTTOM and re.search(r"^\s+…", heat, re.M)
    assert f"{N} 份 · 总分 1–{N}" in out and "终端只显示排名的首尾" in out and "-o 文件名" in out


def test_a_screenful_is_shown_whole(league):
    n = LEAGUE_TOP + LEAGUE_BOTTOM + SCREENFUL
    out = run(league(n)).stdout
    assert len(ranked(out)) == n and "中间还有" not in out and "终端只显示" not in out


def test_o_file_holds_every_standing_and_trend(league, tmp_path):
    assert run(league(periods=(2023, 2024)), "-o", "all.txt").exit_code == 0
    whole = (tmp_path / "all.txt").read_text(encoding="utf-8")
    assert len(ranked(whole)) == N and "中间还有" not in whole
    assert whole.count("趋势 · ") == N


def test_only_the_first_trends_on_a_terminal(league):
    out = run(league(periods=(2023, 2024))).stdout
    assert out.count("趋势 · ") == TRENDS
    assert f"和 {N} 个对象中前 {TRENDS} 个的趋势" in out
