"""Through `scorecard score`, `gaps` and `report` on a folder of parts: the city's self-assessment, five
assessors' ratings and the province's verification, assembled by main and shown by the views (figures as in
conftest: self-assessed 80, verified 70, A.1 -10; B.1's panel 3 4 5 5 1, mean 4, spread 4, disagreeing)."""
import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from engine.cli import app

from .conftest import NOTE, PANEL, RUBRIC

SELF = """\
rubric: camp@1
subject: {id: jc, name: 金昌市}
period: 2024
values:
  A.1: "80%"
  A.2: true
"""
VERIFIED = f"""\
rubric: camp@1
subject: {{id: jc, name: 金昌市}}
period: 2024
stage: verified
values:
  A.1: {{value: "70%", note: "{NOTE}"}}
"""


def assessor(who: str, rating: float) -> str:
    return f"rubric: camp@1\nsubject: {{id: jc, name: 金昌市}}\nperiod: 2024\nassessor: {who}\nratings:\n  B.1: {rating:g}\n"


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rubrics").mkdir()
    (tmp_path / "rubrics" / "camp.yaml").write_text(RUBRIC, encoding="utf-8")
    parts = tmp_path / "submissions" / "jc" / "2024"
    parts.mkdir(parents=True)
    (parts / "a-self.yaml").write_text(SELF, encoding="utf-8")
    for i, (who, (rating,)) in enumerate(PANEL):
        (parts / f"b-expert{i}.yaml").write_text(assessor(who, rating), encoding="utf-8")
    (parts / "c-verified.yaml").write_text(VERIFIED, encoding="utf-8")
    return tmp_path


def run(*args):
    return CliRunner().invoke(app, list(args), catch_exceptions=False, env={"COLUMNS": "80"})


def test_score_table_at_80_columns(folder):
    r = run("score", "submissions/")
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert max(cell_len(line) for line in lines) <= 80
    assert "自评分 80 · 核定分 70 (−10)" in lines
    assert any(line.startswith("│ A.1") and "80%" in line and "70%" in line and "−10" in line for line in lines)
    assert any("专家甲: 3" in line and "3 4 5" in line and "⚠ 分歧较大 >1" in line for line in lines)


def test_score_markdown(folder):
    r = run("score", "submissions/", "--format", "markdown")
    assert r.exit_code == 0, r.output
    assert "**自评分 80 · 核定分 70 (−10)**" in r.stdout
    assert f"| A.1 | 知晓率 | 80% | 70% | −10 | {NOTE} |" in r.stdout
    assert "| B.1 群众满意度评议 | 专家甲: 3; 专家乙: 4; 专家丙: 5; 专家丁: 5; 专家戊: 1 | 3 4 5 | 4 | 4 |" in r.stdout


def test_gaps(folder):
    r = run("gaps", "submissions/", "--format", "markdown")
    assert r.exit_code == 0, r.output
    assert "**自评分 80 · 核定分 70 (−10)**" in r.stdout and "评审组评分" not in r.stdout


def test_report(folder):
    r = run("report", "submissions/")
    assert r.exit_code == 0, r.output
    out = folder / "reports" / "jc"
    score_md = (out / "2024.camp.score.md").read_text(encoding="utf-8")
    page = (out / "2024.camp.html").read_text(encoding="utf-8")
    assert "**自评分 80 · 核定分 70 (−10)**" in score_md and "**⚠ 分歧较大 >1**" in score_md
    assert "<b>自评分 80 · 核定分 70 (−10)</b>" in page and "专家甲: 3<br>专家乙: 4" in page
    assert "核定分 70" in (out / "2024.camp.gaps.md").read_text(encoding="utf-8")
