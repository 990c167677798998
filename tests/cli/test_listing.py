"""`scorecard validate` past PER_KIND warnings of one kind in one file: the first PER_KIND listed, then one line with
how many more (and how many in all), --all lists every one; errors, other kinds and other files are untouched, and
the summary counts everything."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from engine.cli import app
from engine.cli.listing import PER_KIND
from tests.views.test_table_rest import RUBRIC

N = PER_KIND + 13


@pytest.fixture
def table(tmp_path, monkeypatch):
    """N subjects whose one value is written 约i (approximate: a warning each), and one file with one more."""
    monkeypatch.chdir(tmp_path)
    Path("rubric.yaml").write_text(RUBRIC, encoding="utf-8")
    rows = ["subject,subject_name,period,measure,value"] + [f"s{i:02d},市{i:02d},2024,G1.M1,约{i}" for i in range(1, N + 1)]
    Path("long.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    Path("one.yaml").write_text("rubric: tiny\nsubject: {id: t, name: 镇}\nperiod: 2024\nvalues:\n  G1.M1: 约5\n",
                                encoding="utf-8")
    return tmp_path


def validate(*args):
    return CliRunner().invoke(app, ["validate", "long.csv", "one.yaml", "--rubric", "rubric.yaml", "--lang", "en",
                                    *args], catch_exceptions=False)


def warned(err: str, file: str) -> list[str]:
    return re.findall(rf"^{re.escape(file)}:\d+:\d+: warning: G1\.M1: '约(\d+)'", err, re.M)


def test_a_kind_by_the_thousand_is_counted_past_the_first(table):
    r = validate()
    assert r.exit_code == 0
    assert warned(r.stderr, "long.csv") == [str(i) for i in range(1, PER_KIND + 1)]
    assert warned(r.stderr, "one.yaml") == ["5"]
    assert f"long.csv: … {N - PER_KIND} more warning(s) of this kind not listed" in r.stderr
    assert f"{N} in all): --all lists every one" in r.stderr
    assert f"({0} error(s), {N + 1} warning(s))" in r.stderr


def test_all_lists_every_one(table):
    r = validate("--all")
    assert warned(r.stderr, "long.csv") == [str(i) for i in range(1, N + 1)] and "more warning(s)" not in r.stderr
