"""`scorecard rubric lint` checks a crosswalk as compare does (engine.crosswalk.lint): its targets against
the rubric itself, its keys against the version it replaces when that version is in the rubric's folder
or --rubrics-dir, and that it has `replaces`; each problem at its entry, with did-you-mean."""
from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from engine import rubric as rubrics
from engine.cli import app
from tests.compare.conftest import TREND

from .conftest import V2

CROSSWALK = "crosswalk: {G1.M1: G1.M10, G2: G3, G2.M1: G3.M1, V.M1: null}"
TARGET = "crosswalk: {G1.M1: G1.M11, G2: G3}"
KEY = "crosswalk: {G1.M9: G1.M10, G2: G3}"
TARGET_SAID = ("trend-2.yaml:5:20: crosswalk: G1.M1 -> 'G1.M11': 'G1.M11' is not a node of trend@2 "
               "(did you mean 'G1.M10'?)")
KEY_SAID = "trend-2.yaml:5:13: crosswalk: 'G1.M9' is not a node of trend@1 (did you mean 'G1.M1'?)"


def write(folder, name: str, text: str):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder / name


def said(problems, folder) -> list[str]:
    return [str(p).replace(f"{folder}/", "") for p in problems]


@pytest.fixture
def both(tmp_path):
    """trend@1 and a trend@2 (V2 with one line changed) side by side in rubrics/; the trend@2 file."""

    def make(old: str = CROSSWALK, new: str = CROSSWALK):
        write(tmp_path / "rubrics", "trend.yaml", TREND)
        return write(tmp_path / "rubrics", "trend-2.yaml", V2.replace(old, new))

    return make


@pytest.mark.parametrize("line, expected", [(TARGET, [TARGET_SAID]), (KEY, [KEY_SAID]),
                                            ("crosswalk: {G1.M9: G1.M11}",  # both wrong: the key at 13, the value at 20
                                             [KEY_SAID, TARGET_SAID.replace("G1.M1 ->", "G1.M9 ->")])])
def test_each_wrong_entry_is_located(both, tmp_path, line, expected):
    built, problems = rubrics.lint(both(new=line))
    assert built is None and said(problems, tmp_path / "rubrics") == expected


def test_a_crosswalk_without_replaces_is_an_error(both, tmp_path):
    built, problems = rubrics.lint(both("replaces: trend@1\n", ""))
    assert built is None and said(problems, tmp_path / "rubrics") == [
        "trend-2.yaml:4:1: a crosswalk needs `replaces: ID@VERSION`: the version whose ids it maps (trend@2 "
        "replaces none)"]


def test_the_old_version_is_found_in_rubrics_dir(tmp_path):
    """trend@1 lives in national/, trend@2 in local/: the keys are checked only with --rubrics-dir national."""
    write(tmp_path / "national", "trend.yaml", TREND)
    new = write(tmp_path / "local", "trend-2.yaml", V2.replace(CROSSWALK, KEY))
    built, problems = rubrics.lint(new)  # trend@1 not found: its keys cannot be checked
    assert built is not None and problems == []
    built, problems = rubrics.lint(new, tmp_path / "national")
    assert built is None and said(problems, tmp_path / "local") == [KEY_SAID]


def test_targets_are_checked_without_the_old_version(tmp_path):
    new = write(tmp_path / "rubrics", "trend-2.yaml", V2.replace(CROSSWALK, TARGET))
    assert said(rubrics.lint(new)[1], tmp_path / "rubrics") == [TARGET_SAID]


def test_only_this_files_crosswalk_is_checked(both, tmp_path):
    """trend@1's own (wrong) crosswalk is trend@1's to lint, not trend@2's."""
    both()
    write(tmp_path / "rubrics", "trend.yaml", TREND.replace('version: "1"\n', 'version: "1"\nreplaces: trend@0\n'
                                                            "crosswalk: {X: NOWHERE}\n"))
    built, problems = rubrics.lint(tmp_path / "rubrics" / "trend-2.yaml")
    assert built is not None and problems == []


def test_cli_exits_1_naming_the_place_and_0_when_good(both, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    both(new=TARGET)
    bad = CliRunner().invoke(app, ["rubric", "lint", "rubrics/trend-2.yaml", "--lang", "en"], catch_exceptions=False)
    out = " ".join(bad.output.split())
    assert bad.exit_code == 1 and "rubrics/trend-2.yaml:5:20: crosswalk: G1.M1 -> 'G1.M11'" in out
    assert "(did you mean 'G1.M10'?)" in out and "1 error(s)" in out
    both()
    good = CliRunner().invoke(app, ["rubric", "lint", "rubrics/trend-2.yaml", "--lang", "en"], catch_exceptions=False)
    assert good.exit_code == 0 and "rubrics/trend-2.yaml: ok" in good.output


def test_the_documented_versions_lint_clean():
    """docs/tailoring.md lints docs/examples/versions/rubrics/trend-2.yaml: its crosswalk is checked against
    trend@1 beside it, and holds."""
    folder = Path(__file__).resolve().parents[2] / "docs" / "examples" / "versions" / "rubrics"
    built, problems = rubrics.lint(folder / "trend-2.yaml")
    assert built is not None and problems == [] and built.crosswalk["G1.M1"] == "G1.M10"
