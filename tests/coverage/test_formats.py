"""Every score, gaps, compare and report output shows the coverage (SPEC 10).

One submission of the 10-measure rubric: M1-M5 true, M6 false, M7 waived, M8-M10 missing: 6 of 9 owed
measures have a value, coverage 67% (0.6667); total 5 x 100/9 = 55.56 (M7's points spread over the rest).
"""
from __future__ import annotations

import csv
import io
import json

from typer.testing import CliRunner

from engine.cli import app

from .conftest import given, rubric_text, submission


def cli(*args: str) -> str:
    res = CliRunner().invoke(app, list(args), catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return res.output


def lay(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rubric.yaml").write_text(rubric_text(10, 0.8), encoding="utf-8")
    (tmp_path / "subs" / "x").mkdir(parents=True)
    (tmp_path / "subs" / "x" / "2024.yaml").write_text(submission("x", 2024, given(5, 1), ("G1.M7",)),
                                                       encoding="utf-8")
    (tmp_path / "subs" / "x" / "2025.yaml").write_text(submission("x", 2025, given(10)), encoding="utf-8")
    return "subs/x/2024.yaml"


def score(path: str, fmt: str, command: str = "score") -> str:
    return cli(command, path, "--rubric", "rubric.yaml", "--format", fmt)


def test_score_formats(tmp_path, monkeypatch):
    path = lay(tmp_path, monkeypatch)
    assert "覆盖率 67%（6/9 项基础指标有数值）" in " ".join(score(path, "table").split())
    assert json.loads(score(path, "json"))["coverage"] == {"share": 0.6667, "filed": 6, "base": 9}
    assert "· 覆盖率 67%（6/9 项基础指标有数值）" in score(path, "markdown")  # the Markdown card speaks the rubric's language
    rows = list(csv.reader(io.StringIO(score(path, "csv").lstrip("\ufeff"))))
    assert rows[0][-1] == "coverage" and {r[-1] for r in rows[1:]} == {"0.6667"}
    assert "<li><b>67%</b><span>覆盖率 6/9</span></li>" in score(path, "html")


def test_gaps_formats(tmp_path, monkeypatch):
    path = lay(tmp_path, monkeypatch)
    assert "覆盖率 67%（6/9 项基础指标有数值）" in " ".join(score(path, "table", "gaps").split())
    assert json.loads(score(path, "json", "gaps"))["coverage"] == {"share": 0.6667, "filed": 6, "base": 9}
    assert "· 覆盖率 67%（6/9 项基础指标有数值）" in score(path, "markdown", "gaps")


def test_report_index(tmp_path, monkeypatch):
    lay(tmp_path, monkeypatch)
    (tmp_path / "subs" / "y").mkdir()
    (tmp_path / "subs" / "y" / "2024.yaml").write_text(submission("y", 2024, given(2)), encoding="utf-8")
    cli("report", "subs", "--rubric", "rubric.yaml", "-o", "out")
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    league = index[index.index('<table class="league">'):]
    league = league[:league.index("</table>")]
    assert "<th class=\"n\">覆盖率</th>" in league and '<td class="n">100%</td></tr>' in league
    # 2024 -> 2025: 67% -> 100%, not comparable; the latest (2025) has every value and ranks 1
    assert '<td class="n">1</td>' in league and "≠ +44.44" in league
    # y states 2 of 10 (20% < min_coverage 0.8): listed after, dimmed, not ranked, and the page says why
    assert league.index("x市") < league.index("y市")
    assert '<tr class="unranked" style="opacity:.6"><td class="n">数据不足</td>' in league
    assert "数据不足，不参与排名（覆盖率低于 80%）：y市 (20%)" in index
    assert "2024→2025：不可比（≠），覆盖率 67% → 100%，相差超过 10 个百分点" in index
