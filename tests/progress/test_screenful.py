"""`scorecard progress` in the terminal past a screenful: the summary lists the BEHIND subjects with the most points
missing and says what the rest are (how many filed everything, the spread of coverage); --detail shows the first
DETAIL subjects; a unit's list its first DUTY_ROWS rows; -o FILE holds every subject and row."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from engine.cli import app
from engine.formats.progress.table import BEHIND, DETAIL, DUTY_ROWS, SCREENFUL
from tests.progress.test_counts import CAMPAIGN

N = SCREENFUL + 11
"""Subject i files M1 always, M2 when i is even, M4 when i % 3 == 0, M3 and M5 when i > N - 4 (those file all)."""


def filed(i: int) -> dict:
    v = {"M1": True}
    if i % 2 == 0:
        v["M2"] = 80
    if i % 3 == 0:
        v["M4"] = 3
    if i > N - 4:
        v |= {"M2": 80, "M3": 95, "M4": 3, "M5": True}
    return v


@pytest.fixture
def table(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("rubric.yaml").write_text(CAMPAIGN, encoding="utf-8")
    rows = ["subject,subject_name,period,measure,value"]
    for i in range(1, N + 1):
        rows += [f"s{i:02d},市{i:02d},2024,{m},{str(v).lower()}" for m, v in filed(i).items()]
    Path("long.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return "long.csv"


def progress(*args):
    return CliRunner().invoke(app, ["progress", *args, "--rubric", "rubric.yaml"], catch_exceptions=False)


def listed(out: str) -> list[str]:
    return re.findall(r"^\s+(市\d\d)\s+2024\s", out.split("各单位合计")[0], re.M)


def points(i: int) -> float:
    """Points of the total missing for subject i (M1 20, M2 40, M3 10, M4 10, M5 20: see CAMPAIGN)."""
    v = filed(i)
    return sum(p for m, p in (("M2", 40), ("M3", 10), ("M4", 10), ("M5", 20)) if m not in v)


def test_the_summary_lists_those_furthest_behind(table):
    out = progress(table).stdout
    want = sorted(range(1, N + 1), key=lambda i: (-points(i), i))[:BEHIND]
    assert listed(out) == [f"市{i:02d}" for i in want]
    assert f"缺失分值最多的 {BEHIND} 个（共 {N} 个）" in out
    assert re.search(rf"另有 {N - BEHIND} 个对象未列出（终端只列出缺失分值最多的 {BEHIND} 个）：4\s*个已全部填报", out)
    assert "各单位合计" in out  # the units across every subject stay


def test_o_file_lists_every_subject(table, tmp_path):
    assert progress(table, "-o", "all.txt").exit_code == 0
    whole = (tmp_path / "all.txt").read_text(encoding="utf-8")
    assert len(listed(whole)) == N and "另有" not in whole


def test_detail_shows_the_first_few(table):
    out = progress(table, "--detail").stdout
    assert re.findall(r"^(市\d\d) · 2024", out, re.M) == [f"市{i:02d}" for i in range(1, DETAIL + 1)]
    assert f"另有 {N - DETAIL} 个对象未显示（终端只显示前 {DETAIL} 个）" in out


def test_a_units_list_shows_its_first_rows(table, tmp_path):
    out = progress(table, "--unit", "mzw").stdout
    owed = sum(("M3" not in filed(i)) + ("M4" not in filed(i)) for i in range(1, N + 1))
    assert owed > DUTY_ROWS
    assert f"另有 {owed - DUTY_ROWS} 行未显示（终端只显示前 {DUTY_ROWS} 行）" in out
    assert progress(table, "--unit", "mzw", "-o", "all.txt").exit_code == 0
    assert "另有" not in (tmp_path / "all.txt").read_text(encoding="utf-8")
