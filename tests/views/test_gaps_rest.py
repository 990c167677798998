"""`scorecard gaps` in the terminal past a few reports: the first SHOWN gap reports in full, the rest summed up
(totals and grades, the measures losing the most points over them with how many fall short, the lead units) and
how to get every report; -o FILE and the machine formats still hold every report.  The sums are checked against
the per-measure points of `gaps --format json`, for files (card by card) and for a long table (numpy)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from engine.cli import app
from engine.formats.gaps.rest import SHOWN

RUBRIC = """\
rubric: tiny
version: "1"
title: {zh: 小测, en: Tiny}
units:
  edu: {zh: 市教育局, en: Education Bureau}
  stat: {zh: 市统计局, en: Statistics Bureau}
grades:
  - {id: good, label: {zh: 良好, en: Good}, min: 60}
  - {id: poor, label: {zh: 差, en: Poor}, min: 0}
tree:
  - id: G1
    label: {zh: 组, en: Group}
    children:
      - {id: G1.M1, label: {zh: 普及率, en: Coverage}, method: linear, points: 60, target: 100, floor: 0, owners: [edu]}
      - {id: G1.M2, label: {zh: 满意度, en: Satisfaction}, method: linear, points: 40, target: 100, floor: 0,
         owners: [stat, edu]}
"""
N = SHOWN + 9


def value(i: int) -> tuple[int, int]:
    return 10 * i, min(100, 40 + 10 * i)  # M2 reaches full marks from subject 6 on; M1 never does


@pytest.fixture
def place(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("rubrics").mkdir()
    Path("rubrics/tiny.yaml").write_text(RUBRIC, encoding="utf-8")
    return tmp_path


def files() -> str:
    for i in range(1, N + 1):
        p = Path(f"subs/s{i:02d}/2024.yaml")
        p.parent.mkdir(parents=True)
        a, b = value(i)
        p.write_text(f"rubric: tiny\nsubject: {{id: s{i:02d}, name: 市{i:02d}}}\nperiod: 2024\n"
                     f"values:\n  G1.M1: {a / 10}\n  G1.M2: {b}\n", encoding="utf-8")
    return "subs"


def table() -> str:
    rows = ["subject,subject_name,period,measure,value"]
    for i in range(1, N + 1):
        a, b = value(i)
        rows += [f"s{i:02d},市{i:02d},2024,G1.M1,{a / 10}", f"s{i:02d},市{i:02d},2024,G1.M2,{b}"]
    Path("long.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return "long.csv"


def gaps(*args):
    return CliRunner().invoke(app, ["gaps", *args, "--rubric", "rubrics/tiny.yaml"], catch_exceptions=False)


def expected() -> dict[str, tuple[int, float]]:
    """measure -> (reports short of full marks, points lost) over the submissions past the first SHOWN, from the
    JSON of every report."""
    out = json.loads(gaps(files(), "--format", "json").stdout)
    reports = out["reports"] if isinstance(out, dict) else out
    got: dict[str, list] = {}
    for rep in reports[SHOWN:]:
        for g in rep["gaps"]:
            held = got.setdefault(g["id"], [0, 0.0])
            held[0] += 1
            held[1] += g["recoverable"]
    return {k: (n, round(p, 1)) for k, (n, p) in got.items()}


def reports(out: str) -> int:
    return len(re.findall(r"^市\d\d · 2024 ·", out, re.M))


def summed(out: str, mid: str) -> tuple[int, float]:
    table = out.split("失分最多的 10 项指标", 1)[1]
    line = next(x for x in table.splitlines() if mid in x)
    short, _mean, lost = re.findall(r"([\d,]+(?:\.\d+)?)", line.split(mid, 1)[1])[:3]
    return int(short.replace(",", "")), float(lost.replace(",", ""))


@pytest.mark.parametrize("source", [files, table])
def test_past_a_few_reports_the_rest_is_summed_up(place, source):
    want = expected()
    import shutil

    shutil.rmtree("subs")
    out = gaps(source()).stdout
    assert reports(out) == SHOWN
    assert f"另有 {N - SHOWN} 份差距报告未逐份显示（终端只完整显示前 {SHOWN} 份）" in out
    assert f"{N - SHOWN} 份 · 总分" in out and "最高" in out and "最低" in out
    assert f"这 {N - SHOWN} 份失分最多的 10 项指标" in out
    assert summed(out, "G1.M1") == want["G1.M1"]
    assert summed(out, "G1.M2") == want["G1.M2"]
    assert want["G1.M2"][0] < N - SHOWN  # some reach full marks on M2: counted as not short
    assert "市教育局" in out and "市统计局 +1" in out
    assert "-o 文件名" in out and "--format" in out and "csv|json|markdown" in out


def test_by_owner_adds_the_lead_units(place):
    out = gaps(files(), "--by", "owner").stdout
    assert "失分最多的 10 个牵头单位" in out
    table = out.split("失分最多的 10 个牵头单位", 1)[1]
    units = [x for x in table.splitlines() if re.match(r"\s+市(教育|统计)局\s+\d", x)]
    assert len(units) == 2
    assert units[0].split()[0] == "市教育局"  # M1 loses more than M2, and edu leads M1


def test_a_few_are_shown_whole_and_o_writes_every_report(place, tmp_path):
    src = files()
    assert reports(gaps(src).stdout) == SHOWN
    assert gaps(src, "-o", "all.txt").exit_code == 0
    assert reports((tmp_path / "all.txt").read_text(encoding="utf-8")) == N


def test_in_english(place):
    out = gaps(files(), "--lang", "en").stdout
    assert f"{N - SHOWN} more gap reports not shown in full (a terminal shows the first {SHOWN}); together:" in out
    assert "The 10 measures losing the most points" in out and "Every gap report in full: add -o FILE" in out
