"""`scorecard score` in the terminal past a screenful (SCREENFUL): the first SHOWN scorecards in full, the rest summed up
(how many, the spread of totals, each grade's count, the top and the bottom) and how to get every one;
-o FILE still writes every scorecard whole."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from engine.cli import app
from engine.formats.table_rest import ENDS, SCREENFUL, SHOWN

RUBRIC = """\
rubric: tiny
version: "1"
title: {zh: 小测, en: Tiny}
grades:
  - {id: good, label: {zh: 良好, en: Good}, min: 60}
  - {id: poor, label: {zh: 差, en: Poor}, min: 0}
tree:
  - id: G1
    label: 组
    children:
      - {id: G1.M1, label: 值, method: linear, points: 100, target: 100, floor: 0}
"""


@pytest.fixture
def many(tmp_path, monkeypatch):
    """n subjects s01.. with totals 1, 2, ..., n (linear to 100 on 100 points)."""
    monkeypatch.chdir(tmp_path)
    Path("rubrics").mkdir()
    Path("rubrics/tiny.yaml").write_text(RUBRIC, encoding="utf-8")

    def make(n: int) -> None:
        for i in range(1, n + 1):
            p = Path(f"subs/s{i:02d}/2024.yaml")
            p.parent.mkdir(parents=True)
            p.write_text(f"rubric: tiny\nsubject: {{id: s{i:02d}, name: 市{i:02d}}}\nperiod: 2024\n"
                         f"values:\n  G1.M1: {i}\n", encoding="utf-8")
    return make


def cards(out: str) -> int:
    """How many full scorecards: each has a header line 'Total N / 100' (总分 N / 100)."""
    return len(re.findall(r"^(?:总分|Total) [\d.]+ / 100", out, re.M))


def run(*args):
    return CliRunner().invoke(app, ["score", *args], catch_exceptions=False)


def test_a_screenful_is_shown_whole(many):
    many(SCREENFUL)
    out = run("subs").stdout
    assert cards(out) == SCREENFUL and "另有" not in out


def test_past_a_screenful_the_rest_is_summed_up(many):
    many(SCREENFUL + 13)  # totals 1..23: the first 3 files in full, then 20 summed up (totals 4..23)
    out = run("subs").stdout
    assert cards(out) == SHOWN
    assert "另有 20 份未逐份显示（终端只完整显示前 3 份）" in out
    assert "20 份 · 总分 4–23，中位数 13.5 · 差 20" in out
    rows = [line for line in out.splitlines() if re.search(r"│ 市\d\d ", line)]
    assert len(rows) == 2 * ENDS and "最高" in rows[0] and "市23" in rows[0] and "最低" in rows[-1] and "市04" in rows[-1]
    assert [re.search(r"市(\d\d)", r)[1] for r in rows] == ["23", "22", "21", "20", "19", "08", "07", "06", "05", "04"]
    assert "中间还有 10 份" in out and "-o" in out and "--format" in out


def test_o_file_writes_every_card(many, tmp_path):
    many(SCREENFUL + 3)
    assert run("subs", "-o", "all.txt").exit_code == 0
    assert cards((tmp_path / "all.txt").read_text(encoding="utf-8")) == SCREENFUL + 3


def test_in_english(many):
    many(SCREENFUL + 2)
    out = run("subs", "--lang", "en").stdout
    assert "9 more submissions not shown in full (the terminal shows the first 3 whole):" in out
    assert "9 submissions · totals 4–12, median 8 · Poor 9" in out and "Every scorecard: add -o FILE" in out
