"""The bad-input corpus (tests/cases/invalid): each file's exact messages and locations, and the
generated JSON Schema rejecting whatever it can express."""
from __future__ import annotations

from pathlib import Path

import pytest
from jsonschema import Draft7Validator
from typer.testing import CliRunner

from engine import pipeline
from engine import rubric as rubrics
from engine.cli import app
from engine.schema import submission_schema
from engine.yamlstrict import YamlError, load_file

ROOT = Path(__file__).parent / "cases" / "invalid"
RUBRIC = ROOT / "rubric.yaml"
CASES = sorted(p.with_suffix(".yaml") for p in ROOT.rglob("*.expected"))
SCHEMA_BLIND = {"wrongsubject/2023.yaml": "the file's path is not part of the document"}
VALID = {"approximate-warns.yaml"}


def name(path: Path) -> str:
    return str(path.relative_to(ROOT))


@pytest.mark.parametrize("path", CASES, ids=name)
def test_exact_messages(path):
    outcome = pipeline.run_one(path, pipeline.RubricFinder(str(RUBRIC)), scoring=False)
    shown = [str(p).replace(f"{path}:", "") for p in outcome.problems if p.level != "info"]
    expected = path.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    assert shown == expected
    assert outcome.ok == (name(path) in VALID)


@pytest.fixture(scope="module")
def validator():
    return Draft7Validator(submission_schema(rubrics.load(RUBRIC)))


@pytest.mark.parametrize("path", CASES, ids=name)
def test_schema_agrees(path, validator):
    try:
        data = load_file(path).data
    except YamlError:
        return  # rejected before any schema could see it
    if name(path) in SCHEMA_BLIND:
        assert validator.is_valid(data)
        return
    assert validator.is_valid(data) == (name(path) in VALID), list(validator.iter_errors(data))


def test_cli_reports_every_file_and_summary(monkeypatch):
    monkeypatch.chdir(ROOT)
    r = CliRunner().invoke(app, ["validate", ".", "--rubric", "rubric.yaml", "--lang", "en"], catch_exceptions=False)
    assert r.exit_code == 1
    assert "many-problems-one-file.yaml:8:10: X.V01: veto: expected true or false" in r.stderr
    # the cases all name one subject and period: parts of one submission (SPEC 8), each still reported
    assert f"in {len(CASES) + 1} file(s) checked: 0 valid" in r.stderr.replace("\n", " ")
    assert all(f"{name(c)}:" in r.stderr for c in CASES if name(c) not in VALID)


def test_cli_valid_file_exit_0(monkeypatch):
    monkeypatch.chdir(ROOT)
    r = CliRunner().invoke(app, ["validate", "approximate-warns.yaml", "--rubric", "rubric.yaml", "--lang", "en"],
                           catch_exceptions=False)
    assert r.exit_code == 0
    assert "info:" not in r.stderr  # notes are off by default: the one real problem must stand out
    assert "1 note(s) not shown" in r.stderr and "--verbose lists them" in r.stderr
    assert "1 file(s) checked: 1 valid, 0 invalid (0 error(s), 1 warning(s))" in r.stderr


@pytest.mark.parametrize("flag", ["--verbose", "-v"])
def test_cli_verbose_lists_the_notes(monkeypatch, flag):
    monkeypatch.chdir(ROOT)
    r = CliRunner().invoke(app, ["validate", "approximate-warns.yaml", "--rubric", "rubric.yaml", "--lang", "en", flag],
                           catch_exceptions=False)
    assert r.exit_code == 0
    assert "approximate-warns.yaml:5:11: info: D1.M06: '12个' read as 12 (unit 个 dropped)" in r.stderr
    assert "not shown" not in r.stderr


def test_check_verbose_lists_warnings_and_notes(monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    args = ["check", "approximate-warns.yaml", "--rubric", "rubric.yaml", "--lang", "en"]
    quiet = CliRunner().invoke(app, args, catch_exceptions=False)
    loud = CliRunner().invoke(app, [*args, "-v"], catch_exceptions=False)
    assert quiet.exit_code == loud.exit_code == 0
    note = "approximate-warns.yaml:5:11: info: D1.M06: '12个' read as 12 (unit 个 dropped)"
    assert note not in quiet.stderr and note in loud.stderr
