"""--lang zh: every command's terminal output is Chinese at 80 columns (headings, summaries, warnings, report's
table, check's table), but for ids, paths, numbers, rubric and submission text and command names; --lang en keeps
the English lines exactly (tests/cli/lang_en/, captured from the engine before --lang reached these lines).

The rubric is the project's rubrics/ethnic-unity-city.yaml; the long table is bench.long_table's (24 subjects:
past every screenful, so the summaries of score, gaps, check and report show)."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from engine import rubric as rubrics
from engine.cli import app

ROOT = Path(__file__).resolve().parents[2]
RUBRIC = ROOT / "rubrics" / "ethnic-unity-city.yaml"
GOLDEN = Path(__file__).parent / "lang_en"


def submission(sid: str, name: str, values: str) -> str:
    return f"rubric: ethnic-unity-city@2024.1\nsubject: {{id: {sid}, name: {name}}}\nperiod: 2024\nvalues:\n{values}"


GOOD = submission("jc", "金昌市", """\
  D1.I01.M04: 是
  D1.I04.M04: 6000余
  D2.I05.M04: 3.6万余
  D2.I07.M03: 85%
  D6.I21.M03: national_model
waivers:
  D2.I07.M04: {reason: 本市无中小学, approved_by: 市民委, expires: "2025-01-01"}
""")
OTHER = submission("xn", "西宁市", "  D1.I01.M04: 否\n  D1.I04.M04: 近300\n")
BAD = submission("bad", "某市", "  D1.I04.M04: 很多\n  D2.I07.M03: 130\n  D1.I01.M99: 是\n")


COMMANDS = {
    "validate": ["validate", "subs"],
    "validate-verbose": ["validate", "subs", "-v", "--as-of", "2024-06-30"],
    "validate-expired": ["validate", "subs"],
    "validate-bad": ["validate", "bad"],
    "validate-long": ["validate", "long.csv", "--rubric", "rubric.yaml"],
    "check": ["check", "subs", "--min-grade", "pass", "--as-of", "2024-06-30"],
    "check-bad": ["check", "bad"],
    "check-long": ["check", "long.csv", "--rubric", "rubric.yaml", "--min-score", "55"],
    "score": ["score", "subs"],
    "score-long": ["score", "long.csv", "--rubric", "rubric.yaml"],
    "score-bad": ["score", "bad"],
    "gaps": ["gaps", "subs"],
    "gaps-owner": ["gaps", "subs", "--by", "owner"],
    "gaps-indicator": ["gaps", "subs", "--by", "indicator"],
    "gaps-long": ["gaps", "long.csv", "--rubric", "rubric.yaml", "--by", "owner"],
    "compare": ["compare", "subs"],
    "compare-long": ["compare", "long.csv", "--rubric", "rubric.yaml"],
    "progress": ["progress", "subs"],
    "progress-long": ["progress", "long.csv", "--rubric", "rubric.yaml"],
    "progress-unit": ["progress", "long.csv", "--rubric", "rubric.yaml", "--unit", "mzw"],
    "report": ["report", "subs", "-o", "out"],
    "report-long": ["report", "long.csv", "--rubric", "rubric.yaml", "-o", "out-long"],
    "whatif": ["whatif", "subs/jc/2024.yaml", "--set", "D2.I07.M03=95"],
    "sensitivity": ["sensitivity", "long.csv", "--rubric", "rubric.yaml", "--runs", "20", "--seed", "1"],
    "score-file": ["score", "subs", "-f", "json", "-o", "score.json"],
}
"""Name -> the command line (run in the fixture folder, --lang added)."""
AS_OF = {"validate", "validate-bad", "validate-long", "check-bad", "check-long"}
"""Run with --as-of before the waiver expires (validate-expired and the rest of validate/check: today, after)."""


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return build(tmp_path_factory.mktemp("lang"))


def build(here: Path) -> Path:
    """The rubric, three submissions (one invalid) and the long table, in ``here``."""
    from bench.long_table import generate

    (here / "rubrics").mkdir()
    shutil.copy(RUBRIC, here / "rubrics" / RUBRIC.name)
    shutil.copy(RUBRIC, here / "rubric.yaml")
    for rel, text in {"subs/jc/2024.yaml": GOOD, "subs/xn/2024.yaml": OTHER, "bad/bad/2024.yaml": BAD}.items():
        (here / rel).parent.mkdir(parents=True, exist_ok=True)
        (here / rel).write_text(text, encoding="utf-8")
    generate(here / "long.csv", 24, seed=3)
    return here


def run(folder: Path, monkeypatch, name: str, lang: str, err_only: bool = False) -> str:
    """What the command printed, stdout then stderr (``err_only``: stderr), the folder's path as <folder>."""
    monkeypatch.chdir(folder)
    monkeypatch.setenv("COLUMNS", "80")
    args = COMMANDS[name] + ["--lang", lang] + (["--as-of", "2024-06-30"] if name in AS_OF else [])
    r = CliRunner().invoke(app, args, catch_exceptions=False)
    assert r.exit_code in (0, 1), r.output
    return (r.stderr if err_only else r.stdout + r.stderr).replace(str(folder.resolve()), "<folder>")


SAFE = [
    r"\S*/\S*",  # paths (and a/b choices)
    r"\S+\.(yaml|csv|json|html|md|txt)\b",
    r"--(by|format|unit) \w+",  # options with their values
    r"(?<![\w-])--?[a-z][\w-]*",  # options
    r"\b[A-Z][A-Z0-9]*(\.[A-Z0-9]+)+\b",  # measure and group ids
    r"[\w-]+@[\d.]+",  # rubric refs
    r"\w+(\|\w+)+",  # format lists
    r"scorecard \w+",  # command names
    r"\b(yaml|aml|ml|csv|json|html|tml)\b",  # the end of a file name a table cell wrapped
    r"\b(min_coverage|disagree|trim|crosswalk|expires|value|evidence|values|ratings|true|false|YYYY-MM-DD)\b",
]
"""What may stay Latin in a Chinese line: the formats' own names, keys and the commands."""
KNOWN: set = set()
"""English left in a Chinese line (none now: the score table's veto panel says 一票否决 alone in Chinese)."""


def data_words(rubric) -> set[str]:
    """Text of the rubric a line may show as it is: ids, unit keys, grade ids, methods, choice options, the rubric's
    id."""
    words = {rubric.id} | set(rubric.units) | {n.id for n in rubric.groups} | {m.id for m in rubric.measures}
    words |= {g.id for g in rubric.grades} | {m.method for m in rubric.measures} | KNOWN
    for m in rubric.measures:
        words |= set((m.params or {}).get("options") or ())
    return {w for w in words if isinstance(w, str)}


def english(text: str, data: set[str], messages: list[str]) -> list[str]:
    """The lines with a Latin word of three letters or more left once safe tokens and data are taken out (a wrapped
    cell's piece of a rubric key counts as the key)."""
    found = []
    for line in text.splitlines():
        rest = line
        for m in messages:
            rest = rest.replace(m, " ")
        for pattern in SAFE:
            rest = re.sub(pattern, " ", rest)
        words = [w for w in re.findall(r"[A-Za-z_]{3,}", rest) if w not in data and not any(w in d for d in data)]
        if words:
            found.append(f"{line!r}: {words}")
    return found


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_zh_output_is_chinese(folder, monkeypatch, name):
    rubric = rubrics.load(RUBRIC)
    out = run(folder, monkeypatch, name, "zh")
    assert out.strip()
    left = english(out, data_words(rubric), [r.message for r in rubric.rules if r.message])
    assert not left, "\n".join(left)


UI = ["warning", "checked", "valid", "invalid", "wrote", "files", "more", "passed", "failed", "listed", "note",
      "submission", "total", "grade", "subject", "period", "result", "below", "error", "read as", "approximate"]


@pytest.mark.parametrize("name", ["validate", "check-long", "report-long", "validate-bad", "score-long"])
def test_zh_has_none_of_the_english_lines_words(folder, monkeypatch, name):
    """Not even as part of a rubric key: the words of the English lines are gone from the Chinese ones."""
    out = run(folder, monkeypatch, name, "zh")
    for line in out.splitlines():
        if "/" in line or "@" in line:
            line = re.sub(r"\S*[/@]\S*", "", line)
        assert not [w for w in UI if re.search(rf"\b{w}\b", line)], line


@pytest.mark.parametrize("name", sorted(p.name.split(".")[0] for p in GOLDEN.glob("*.err.txt")))
def test_en_output_unchanged(folder, monkeypatch, name):
    """The command's own English lines (stderr: tallies, problems, summaries) as they were: NAME.err.txt holds what
    the engine printed before --lang zh reached them (validate: without --lang, which printed them in English).
    The reports on stdout are pinned by their formats' tests. Not here: check and report, whose tables under
    --lang en now show the grades' English labels (their English lines: tests/ci, tests/cli/test_report_cli.py)."""
    expected = (GOLDEN / f"{name}.err.txt").read_text(encoding="utf-8")
    assert run(folder, monkeypatch, name, "en", err_only=True) == expected


def test_zh_problem_lines_keep_file_line_col(folder, monkeypatch):
    out = run(folder, monkeypatch, "validate-bad", "zh")
    assert "bad/bad/2024.yaml:5:15: D1.I04.M04: bands：应为数字，实为 '很多'" in out
    assert "bad/bad/2024.yaml:7:3: D1.I01.M99: 'D1.I01.M99' 不是本评分标准中的指标（是否应为 'D1.I01.M06'？）" in out
    assert "数值 130 超出合理范围 [0, 100] %" in out
    assert "已检查 1 个文件：0 份有效，1 份有误（3 个错误，0 个警告）" in out


def test_zh_warnings_and_waivers(folder, monkeypatch):
    out = run(folder, monkeypatch, "validate-expired", "zh")
    assert "subs/jc/2024.yaml:6:15: 警告: D1.I04.M04: '6000余' 按 6,000 计（约数：余）" in out
    assert "豁免已于 2025-01-01 到期，早于评估日期" in out and "请续期" in out
    verbose = run(folder, monkeypatch, "validate-verbose", "zh")
    assert "说明: D2.I07.M03: '85%' 按 85 计（百分号）" in verbose
    tally = run(folder, monkeypatch, "score", "zh")
    assert "个警告：约数（约/近/余/多）按所写数值计（3）：运行 scorecard validate 可逐条列出" in tally


def test_validate_and_check_take_lang_on_the_quick_path(folder, monkeypatch):
    """engine.cli.quick reads --lang as typer does (and leaves a bad value to typer)."""
    from engine.cli import check_cmd, quick, validate_cmd

    assert quick.parse(validate_cmd.WORDS, ["subs", "--lang", "zh"]) == {"lang": "zh", "paths": ["subs"]}
    assert quick.parse(check_cmd.WORDS, ["--lang=en", "subs"]) == {"lang": "en", "paths": ["subs"]}
    assert quick.parse(check_cmd.WORDS, ["subs", "--lang", "fr"]) is None
    monkeypatch.chdir(folder)
    r = CliRunner().invoke(app, ["validate", "subs", "--lang", "fr"])
    assert r.exit_code == 2


def test_default_is_the_rubrics_language(folder, monkeypatch):
    """Without --lang, as every command: zh when the rubric has zh labels."""
    monkeypatch.chdir(folder)
    r = CliRunner().invoke(app, ["validate", "subs", "--as-of", "2024-06-30"], catch_exceptions=False)
    assert "已检查 2 个文件：2 份有效" in r.stderr


def test_usage_errors_in_chinese(folder, monkeypatch):
    """A usage error (exit 2) under --lang zh: 错误： and the catalogue's words (engine.messages_zh, "usage")."""
    monkeypatch.chdir(folder)
    said = {args[0]: CliRunner().invoke(app, [*args, "--lang", "zh"]) for args in (
        ["score", "nope"], ["gaps", "subs", "--as-of", "2024-13-01"], ["report", "subs", "-o", "rubrics/x"])}
    assert all(r.exit_code == 2 for r in said.values())
    assert said["score"].stderr == "错误：没有这个文件或文件夹：nope\n"
    assert "错误：--as-of '2024-13-01' 不是日期：请写成 YYYY-MM-DD" in said["gaps"].stderr
    assert "错误：拒绝写入 rubrics/x：本工具从不写入 rubrics/" in said["report"].stderr
    assert CliRunner().invoke(app, ["score", "nope", "--lang", "en"]).stderr == "error: no such file or folder: nope\n"
    r = CliRunner().invoke(app, ["report", "subs", "-o", "out-f", "--format", "pdx", "--lang", "zh"])
    assert r.exit_code == 2 and "错误：未知的 --format 'pdx'：可用 md, html" in r.stderr
    monkeypatch.setenv("PATH", str(folder / "no-browser-here"))
    r = CliRunner().invoke(app, ["report", "subs", "-o", "out-pdf", "--format", "pdf", "--lang", "zh"])
    assert r.exit_code == 2 and "错误：--format pdf 用无界面的 Chromium 打印 HTML 报告，但 PATH 中没有找到" in r.stderr
