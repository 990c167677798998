"""scorecard report: the full report set, written atomically, and a table of what was written."""
import json
import re

import pytest
from typer.testing import CliRunner

from engine import report_set
from engine.cli import app
from tests.compare.conftest import SERIES, TREND, sub


@pytest.fixture
def files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rubrics").mkdir()
    (tmp_path / "rubrics" / "trend.yaml").write_text(TREND, encoding="utf-8")
    for rel, text in {**SERIES, "km/2026.yaml": sub("km", "=昆明市", 2026, True, 100)}.items():
        (tmp_path / "submissions" / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "submissions" / rel).write_text(text, encoding="utf-8")
    return tmp_path


def run(*args):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def test_writes_the_report_set(files):
    r = run("report", "submissions/")
    assert r.exit_code == 0, r.output
    written = sorted(str(p.relative_to(files / "reports")) for p in (files / "reports").rglob("*") if p.is_file())
    per = [f"zt/{y}.trend.{k}" for y in range(2022, 2027) for k in
           ("gaps-by-owner.csv", "gaps.csv", "gaps.json", "gaps.md", "html", "score.csv", "score.json", "score.md")]
    assert written == sorted(["compare.csv", "compare.json", "compare.md", "index.html"] + per + [
        f"km/2026.trend.{k}" for k in ("gaps-by-owner.csv", "gaps.csv", "gaps.json", "gaps.md", "html", "score.csv",
                                       "score.json", "score.md")])
    assert "已写入 52 个文件到 reports/" in r.stdout and "reports/zt/2025.trend.* (8)" in r.stdout  # the rubric's zh
    assert "wrote 52 files to reports/" in run("report", "submissions/", "--lang", "en").stdout
    assert "reports/zt/2025.trend.html" in r.stdout and "reports/index.html" in r.stdout
    assert "reports/compare.* (3)" in r.stdout


def test_report_contents(files):
    run("report", "submissions")
    out = files / "reports"
    assert json.loads((out / "zt/2025.trend.gaps.json").read_text(encoding="utf-8"))["total"] == 22.0
    md = (out / "zt/2025.trend.gaps.md").read_text(encoding="utf-8")
    assert "## 失分项" in md and "## 各指标得分率" in md and "## 责任单位任务清单" in md
    assert "> 距「合格」（60 分）还差 38 分：以下 1 项拿满即可（合计可提 50 分）\n> → `G1.M1`" in md
    compare = (out / "compare.md").read_text(encoding="utf-8")
    assert "| 1 | =昆明市 | **100** | 良好 | 100% | 50 / 50 | 50 / 50 |" in compare
    raw = (out / "compare.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfrubric,") and "'=昆明市".encode() in raw and b",=" not in raw
    assert "'=昆明市".encode() in (out / "km/2026.trend.score.csv").read_bytes()


def test_other_folder_and_invalid_input(files):
    (files / "submissions" / "zt" / "2027.yaml").write_text("rubric: trend@1\nsubject: zt\nperiod: 2027\n"
                                                             "values: {G1.M1: maybe}\n", encoding="utf-8")
    r = run("report", "submissions", "-o", "out")
    assert r.exit_code == 1 and "submissions/zt/2027.yaml" in r.stderr
    assert (files / "out" / "zt" / "2026.trend.gaps.md").exists() and not (files / "out/zt/2027.trend.gaps.md").exists()


def test_refuses_rubrics_and_submissions(files):
    for target in ("submissions", "rubrics/out"):
        r = run("report", "submissions", "-o", target)
        assert r.exit_code == 2 and "never writes into" in r.stderr
    assert not (files / "rubrics" / "out").exists()


def test_file_names_from_submitted_text_stay_in_the_folder():
    assert report_set.part("../../etc/passwd").startswith("_.._etc_passwd-")
    assert report_set.part("..").startswith("_-") and report_set.part("昭通 市").startswith("昭通_市-")
    assert report_set.part("zt") == "zt" and report_set.part("昭通市") == "昭通市"
    seen: set[str] = set()
    assert [report_set.unique("a/1.r", seen) for _ in range(3)] == ["a/1.r", "a/1.r-2", "a/1.r-3"]


def test_help_teaches():
    assert "Example: scorecard report submissions/" in run("report", "--help").stdout


def test_past_a_screenful_the_written_table_lists_the_first(tmp_path, monkeypatch):
    """The table of what was written: the first SHOWN submissions, one line for the rest, then compare and index;
    every file is still written."""
    from engine.cli.report_cmd import SCREENFUL, SHOWN
    from tests.views.test_table_rest import RUBRIC

    monkeypatch.chdir(tmp_path)
    (tmp_path / "rubrics").mkdir()
    (tmp_path / "rubrics" / "tiny.yaml").write_text(RUBRIC, encoding="utf-8")
    n = SCREENFUL + 4
    for i in range(1, n + 1):
        p = tmp_path / "subs" / f"s{i:02d}" / "2024.yaml"
        p.parent.mkdir(parents=True)
        p.write_text(f"rubric: tiny\nsubject: {{id: s{i:02d}, name: 市{i:02d}}}\nperiod: 2024\nvalues:\n  G1.M1: {i}\n",
                     encoding="utf-8")
    r = CliRunner().invoke(app, ["report", "subs", "-o", "out"], catch_exceptions=False)
    assert r.exit_code == 0
    listed = [line for line in r.stdout.splitlines() if "市" in line and "2024" in line]
    assert [x.split()[0] for x in listed] == [f"市{i:02d}" for i in range(1, SHOWN + 1)]
    assert re.search(rf"…\s+另有 {n - SHOWN} 份\s", r.stdout) and "out/index.html" in r.stdout
    assert len(list((tmp_path / "out").glob("s*/2024.tiny.html"))) == n


@pytest.mark.parametrize("columns", [100, 80])
def test_the_written_paths_stay_whole_where_they_fit(tmp_path, monkeypatch, columns):
    """Long subject names (示例市（虚构示例）, a company's): at 100 columns every path is one line (the name folds
    if need be); at 80 a path folds after a '/', never inside a name."""
    from tests.views.test_table_rest import RUBRIC

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", str(columns))
    (tmp_path / "rubrics").mkdir()
    (tmp_path / "rubrics" / "tiny.yaml").write_text(RUBRIC, encoding="utf-8")
    for sid, name in (("example-city", "示例市（虚构示例）"), ("bayannur-power", "巴彦淖尔供电公司")):
        p = tmp_path / "subs" / sid / "2025.yaml"
        p.parent.mkdir(parents=True)
        p.write_text(f"rubric: tiny\nsubject: {{id: {sid}, name: {name}}}\nperiod: 2025\nvalues:\n  G1.M1: 1\n",
                     encoding="utf-8")
    folder = "reports/weekly-campaign-2025"
    out = CliRunner().invoke(app, ["report", "subs", "-o", folder], catch_exceptions=False).stdout
    assert max(len(line) for line in out.splitlines()) <= columns
    html = [f"{folder}/{sid}/2025.tiny.html" for sid in ("example-city", "bayannur-power")]
    if columns == 100:
        assert all(p in out for p in html)
    else:
        assert not any(p in out for p in html) and f"{folder}/ " in out and "bayannur-power/2025.tiny.html" in out
        assert not re.search(r"[a-z0-9-] *\n *[a-z0-9-]", out)  # broken after a '/', never inside a name
