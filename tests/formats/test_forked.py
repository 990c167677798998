"""A long table's scorecards rendered by forked workers (engine.formats.forked) are the text one process writes,
byte for byte, on a varied table (approximate and scaled values, missing cells, hostile names and evidence), in
both languages and with other scorecards before and after the batch."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from engine import parallel
from engine.cli import app
from engine.formats import forked
from tests.test_report_scale import RUBRIC, TOP, _table


def run(*args):
    return CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def table(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(TOP / "rubrics", tmp_path / "rubrics")
    return _table(tmp_path / "long.csv", 30)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_workers_write_what_one_process_writes(table, tmp_path, monkeypatch, lang):
    monkeypatch.setattr(parallel, "MIN_FILES", 1)
    calls = []
    real = forked._slice
    monkeypatch.setattr(forked, "_slice", lambda b, s: calls.append(b) or real(b, s))
    monkeypatch.setenv("SCORECARD_JOBS", "1")
    one = run("score", table, "--rubric", RUBRIC, "-f", "table", "-o", "one.txt", "--lang", lang)
    assert one.exit_code in (0, 1), one.output
    assert len(calls) > 1  # cut into slices even in one process
    monkeypatch.setenv("SCORECARD_JOBS", "2")
    two = run("score", table, "--rubric", RUBRIC, "-f", "table", "-o", "two.txt", "--lang", lang)
    assert two.exit_code == one.exit_code
    text = (tmp_path / "one.txt").read_text(encoding="utf-8")
    assert (tmp_path / "two.txt").read_text(encoding="utf-8") == text
    assert text.count("测试市000") == 20 and "<b>粗</b> | ##\\[error]x市4" in text  # a third of the names are hostile


def test_a_batch_among_single_cards_keeps_its_place(table, tmp_path, monkeypatch):
    """A per-subject file before and after the table: the table's cards between them, in order."""
    monkeypatch.setattr(parallel, "MIN_FILES", 1)
    monkeypatch.setenv("SCORECARD_JOBS", "2")
    sub = TOP / "submissions" / "example-city"
    shutil.copytree(sub, tmp_path / "example-city")
    files = sorted(p for p in (tmp_path / "example-city").rglob("*.yaml"))[:2]
    r = run("score", files[0], table, files[-1], "--rubric", RUBRIC, "-f", "table", "-o", "mixed.txt")
    assert r.exit_code in (0, 1), r.output
    monkeypatch.setenv("SCORECARD_JOBS", "1")
    run("score", files[0], table, files[-1], "--rubric", RUBRIC, "-f", "table", "-o", "single.txt")
    mixed = (tmp_path / "mixed.txt").read_text(encoding="utf-8")
    assert mixed == (tmp_path / "single.txt").read_text(encoding="utf-8")
    at = [mixed.find(f"测试市{i:05d}") for i in range(30) if i % 3 != 1]
    assert all(a >= 0 for a in at) and at == sorted(at)
