"""The lines of check, validate, rubric show and init that were still English (or raw keys) under zh: policy
failures, a grade bar by its label, a unit filing what it does not own, method words, and init's tally.

The rubric is the project's rubrics/ethnic-unity-city.yaml (its units and grades); the submissions are written here."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from engine.cli import app
from engine.messages_zh import message

ROOT = Path(__file__).resolve().parents[2]
HEAD = "rubric: ethnic-unity-city@2024.1\nsubject: {id: jc, name: 金昌市}\nperiod: 2024\n"


@pytest.fixture
def repo(tmp_path, monkeypatch):
    (tmp_path / "rubrics").mkdir()
    shutil.copy(ROOT / "rubrics" / "ethnic-unity-city.yaml", tmp_path / "rubrics")
    (tmp_path / "subs" / "jc").mkdir(parents=True)
    (tmp_path / "subs" / "jc" / "2024.yaml").write_text(HEAD + "values:\n  D1.I01.M04: 是\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "80")
    return tmp_path


def run(*args):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def test_check_names_the_grade_by_its_label(repo):
    out = run("check", "subs", "--min-grade", "pass").stdout
    assert "门槛：等级不低于 合格" in out and "低于要求的等级合格" in out
    assert "fail" not in out and "pass" not in out
    assert "bar: grade Pass or better" in run("check", "subs", "--min-grade", "pass", "--lang", "en").stdout


def test_policy_failures_in_chinese(repo):
    (repo / "policy.yaml").write_text("min_score: 60\nmin_coverage: 0.5\nrequire: [D1.I01.M01]\n", encoding="utf-8")
    out = run("check", "subs", "--policy", "policy.yaml").stdout
    assert "金昌市 2024：总分" in out and "低于策略要求的 60 分（策略 policy.yaml:1:12）" in out
    assert "低于策略要求的 50%（策略 policy.yaml:2:15）" in out and "必填指标 D1.I01.M01 没有数值" in out
    assert "below the policy" not in out
    en = run("check", "subs", "--policy", "policy.yaml", "--lang", "en").stdout
    assert "is below the policy's min_coverage 0.5 (policy policy.yaml:2:15)" in en


def test_unknown_grade_in_chinese(repo):
    r = run("check", "subs", "--min-grade", "gold")  # no rubric checked has it: a usage error
    assert r.exit_code == 2 and "错误：--min-grade 'gold' 不是 ethnic-unity-city@2024.1 的等级：请填以下之一：" in r.stderr
    assert message("below-grade", "某市 2024: --min-grade 'A' is not a grade of x@1: type one of pass (合格)") == \
        "某市 2024：--min-grade 'A' 不是 x@1 的等级：请填以下之一：pass (合格)"
    assert message("usage", "--min-grade 'A' is not a grade of x@1: type one of p; --min-grade 'A' is not a grade "
                   "of y@1: type one of q") == "--min-grade 'A' 不是 x@1 的等级：请填以下之一：p；--min-grade 'A' 不是 y@1 " \
        "的等级：请填以下之一：q"


def test_a_unit_filing_what_it_does_not_own(repo):
    part = repo / "subs" / "jc" / "2024"
    part.mkdir()
    (repo / "subs" / "jc" / "2024.yaml").rename(part / "self.yaml")
    (part / "jyj.yaml").write_text(HEAD + "filed_by: jyj\nvalues:\n  D1.I03.M01: 是\n", encoding="utf-8")
    out = run("validate", "subs").stderr
    assert "D1.I03.M01: 单位 'jyj'（市教育局）不负责该指标；其责任单位：xcb 市委宣传部（牵头），zzb 市委组织部（配合）" in out


@pytest.mark.parametrize("code, en, zh", [
    ("duplicate", "also given in a.yaml:3:3, with the same value", "在 a.yaml:3:3 中也填了，数值相同"),
    ("waiver", "a veto (一票否决) cannot be waived: leave it out, or give its value", "一票否决项不能豁免：不填，或填报其数值"),
    ("policy.groups", "某市 2024: group D1 scored 10 of 40, below the policy's min_score 20 (policy p.yaml:7:19)",
     "某市 2024：指标组 D1 得 10 分（满分 40），低于策略要求的 20 分（策略 p.yaml:7:19）"),
    ("policy.max_waivers", "某市 2024: 3 measures waived (A, B, C), more than the policy's max_waivers 2 (policy p:1:1)",
     "某市 2024：豁免了 3 项指标（A, B, C），超过策略允许的 2 项（策略 p:1:1）"),
    ("waiver", "a waiver needs reason (why the measure does not apply): a waiver is {reason: ..., approved_by: ..., "
     "expires: \"YYYY-MM-DD\"} (expires may be left out)", "豁免须写明 reason（该指标为何不适用）：豁免写成 {reason: ..., "
     "approved_by: ..., expires: \"YYYY-MM-DD\"}（expires 可不写）"),
    ("rubric-mismatch", "names version 2023.1 of rubric 'x', but the rubric is version 2024.1",
     "写明的是评分标准 'x' 的 2023.1 版，而该评分标准是 2024.1 版"),
])
def test_catalogue(code, en, zh):
    assert message(code, en) == zh


def test_rubric_show_says_each_method_once_in_its_language(repo):
    zh = run("rubric", "show", "rubrics/ethnic-unity-city.yaml").stdout
    en = run("rubric", "show", "rubrics/ethnic-unity-city.yaml", "--lang", "en").stdout
    for doubled in ("veto veto", "bonus bonus", "deduction deduction"):
        assert doubled not in zh and doubled not in en
    assert "判断：是或否" in zh and "check: true or false" not in zh and "一票否决：填“是”即否决" in zh
    assert "计数 每项0.5分" in zh and "加分 每项2分，最多6分" in zh and "/item" not in zh and "去掉最高、最低各1个" in zh and "trim" not in zh
    assert "check: true or false" in en and "veto (一票否决): true fires it" in en and "/item" in en
    assert "e+" not in zh and "e+" not in en


def test_init_tally_in_the_rubrics_language(repo):
    r = run("init", "rubrics/ethnic-unity-city.yaml", "--subject", "jc", "--period", "2025", "--owner", "all",
            "-o", "out/jc")
    assert r.exit_code == 0
    assert "/jc/jyj.yaml  jyj 市教育局：" in r.stderr and "共 33 个模板写入 out/jc" in r.stderr
    assert "（牵头" in r.stderr and "lead" not in r.stderr
    en = run("init", "rubrics/ethnic-unity-city.yaml", "--subject", "jc", "--period", "2025", "--owner", "all",
             "-o", "out2/jc", "--lang", "en").stderr
    assert "/jc/jyj.yaml  jyj 市教育局: " in en and "33 templates in out2/jc" in en and "lead 牵头" in en
