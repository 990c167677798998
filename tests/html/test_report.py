"""`scorecard report` writes an HTML report per submission and an index page; `score --format html`."""
import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from engine import formats, report_set
from engine.cli import app
from engine.html import index

from .conftest import HOSTILE, ROOT
from .parse import parse


def run(*args):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


@pytest.fixture
def shipped(tmp_path, monkeypatch):
    """A copy of the shipped rubrics and submissions to run the commands in."""
    for name in ("rubrics", "submissions"):
        shutil.copytree(ROOT / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_report_writes_html_and_index(shipped):
    r = run("report", "submissions/", "-o", "out")
    assert r.exit_code == 0, r.output
    out = shipped / "out"
    pages = sorted(str(p.relative_to(out)) for p in out.rglob("*.html"))
    files = [p.relative_to(shipped / "submissions") for p in (shipped / "submissions").rglob("*.yaml")]
    subs = {p.parent if len(p.parts) == 3 else p for p in files}  # SUBJECT/PERIOD/PART: the parts of one
    assert len(pages) == len(subs) + 1 and "index.html" in pages and "zhaotong/2024.ethnic-unity-city.html" in pages
    # the table of what was written shows the first submissions and elides the rest (20 of them since the demo
    # got a second period): the first subject's page is on it
    assert "out/baotou/2022.ethnic-unity-city.html" in r.stdout.replace("\n", "").replace(" ", "")
    home = (out / "index.html").read_text(encoding="utf-8")
    # a newcomer sees the ranking first, the fictional demonstration in it with its marker, then the filing
    # progress of the campaign
    league, progress = home.index('class="league"'), home.index("填报进度")
    assert league < progress and league < home.index("示例市（虚构示例）") < progress
    links = [a["href"] for a in parse(home).all("a")]
    assert sorted(set(links)) == sorted(p for p in pages if p != "index.html")
    for page in pages:
        if page != "index.html":
            doc = (out / page).read_text(encoding="utf-8")
            back = [a["href"] for a in parse(doc).all("a")]
            assert back == ["../index.html"] and (out / page).parent.joinpath(back[0]).resolve() == out / "index.html"


def test_index_page(series):
    hrefs = [f"{c.submission.subject_id}/{c.submission.period}.html" for c in series]
    doc = index.render(series, hrefs)
    p = parse(doc)
    assert p.errors == [] and "<h1>测评报告汇总</h1>" in doc and "6 份报告 · 1 套评分标准" in doc
    league = doc[doc.index("<h3>排名"):doc.index("</table>")]
    assert re.findall(r'<td class="n">(\d+)</td><td><b><a href="([^"]+)">', league) == [
        ("1", "km/2026.html"), ("2", "zt/2026.html")]
    assert "≠ +28" in league  # zt 2025 → 2026: coverage 100% -> 50%, not comparable (SPEC 10)
    assert "2025→2026：不可比（≠），覆盖率 100% → 50%，相差超过 10 个百分点" in doc
    heat = [a for a in p.all("svg") if a["aria-label"] == "各指标组得分率"]
    assert len(heat) == 1 and ">G1 组织领导</tspan>" in doc and ">100%</tspan>" in doc
    trends = [a for a in p.all("svg") if a["aria-label"].endswith("变化趋势")]
    assert [a["aria-label"] for a in trends] == ["昭通市 · 变化趋势"]  # km has one period: no line
    assert doc.count('<circle cx=') == 5 and ">60 合格</tspan>" in doc
    assert sorted(a["href"] for a in p.all("a")) == sorted(hrefs + ["km/2026.html", "zt/2026.html"])


def test_index_escapes_subject_names_in_svg(series):
    evil = [replace(c, submission=replace(c.submission, subject_name=HOSTILE)) for c in series]
    doc = index.render(evil, ["a.html"] * len(evil), "en")
    p = parse(doc)
    assert p.errors == [] and len(p.all("script")) == 1 and p.all("img") == []
    assert "<script>alert" not in doc and "&lt;script&gt;alert(1)&lt;/script&gt;" in doc
    assert "League table" in doc and "Group attainment" in doc


def test_single_submission_has_no_index(shipped):
    r = run("report", "submissions/zhaotong/2024.yaml", "-o", "one")
    assert r.exit_code == 0, r.output
    assert not (shipped / "one" / "index.html").exists()
    doc = (shipped / "one" / "zhaotong" / "2024.ethnic-unity-city.html").read_text(encoding="utf-8")
    assert parse(doc).all("a") == [] and "昭通市" in doc


def test_report_files_kinds(full_card, hostile_card):
    files = report_set.plan([full_card, hostile_card])
    kinds = [(str(f.path), f.kind) for f in files if f.path.suffix == ".html"]
    assert kinds == [("full/2024.ethnic-unity-city.html", "html"), ("full/2024.ethnic-unity-city-2.html", "html"),
                     ("index.html", "index")]
    assert not [f for f in files if f.path.name.endswith(".score.html")]


def test_score_format_html(shipped):
    assert "html" in formats.FORMATS and formats.get("html").SUFFIX == ".html"
    r = run("score", "submissions/zhaotong/2024.yaml", "--format", "html")
    assert r.exit_code == 0 and r.stdout.startswith("<!DOCTYPE html>") and "29.26" in r.stdout
    r = run("score", "submissions/zhaotong/", "--format", "html", "-o", "out/z.html", "--lang", "en")
    assert r.exit_code == 0, r.output
    doc = Path("out/z.html").read_text(encoding="utf-8")
    p = parse(doc)
    assert p.errors == [] and len(p.all("article")) == 5 and len(p.all("script")) == 1
    assert "All measures" in doc and "article+article{break-before:page" in doc
