"""scorecard rubric lint / show."""
from typer.testing import CliRunner

from engine.cli import app

from .test_score_cli import RUBRIC


def run(*args):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def test_lint_ok(tmp_path):
    (tmp_path / "r.yaml").write_text(RUBRIC, encoding="utf-8")
    r = run("rubric", "lint", str(tmp_path / "r.yaml"), "--lang", "en")
    assert r.exit_code == 0
    assert "ok — 2 groups, 2 measures worth 100" in r.stderr
    zh = run("rubric", "lint", str(tmp_path / "r.yaml"))  # the rubric's language by default
    assert zh.exit_code == 0 and "通过 — 2 个指标组，2 项测评指标共 100 分" in zh.stderr


def test_lint_problems_exit_1(tmp_path):
    (tmp_path / "r.yaml").write_text(RUBRIC.replace("floor: 50", "floor: 90"), encoding="utf-8")
    r = run("rubric", "lint", str(tmp_path / "r.yaml"))
    assert r.exit_code == 1
    assert f"{tmp_path / 'r.yaml'}:12:82: D1.M02: linear: floor and target are both 90" in r.stderr


def test_lint_missing_file_exit_2(tmp_path):
    assert run("rubric", "lint", str(tmp_path / "nope.yaml")).exit_code == 2


def test_show_draws_tree(tmp_path):
    (tmp_path / "r.yaml").write_text(RUBRIC, encoding="utf-8")
    r = run("rubric", "show", str(tmp_path / "r.yaml"), "--lang", "en")
    assert r.exit_code == 0
    assert "(100 pts)" in r.stdout and "linear 50→90%" in r.stdout
    zh = run("rubric", "show", str(tmp_path / "r.yaml")).stdout  # the rubric's language: its zh labels, 分
    assert "组织领导" in zh and "(100 分)" in zh and "分制 100" in zh
