"""`scorecard check` in the terminal past a screenful: the table lists the failures first (the first ROWS of them,
or the first passes when nothing failed), then counts the rest and says how to get every verdict; -o FILE and the
machine formats keep every row."""
from __future__ import annotations

import re

from typer.testing import CliRunner

from engine.cli import app
from engine.ci.text import ROWS, SCREENFUL
from tests.views.test_table_rest import many  # noqa: F401 - the fixture: n subjects with totals 1..n

N = SCREENFUL + 5


def check(*args):
    return CliRunner().invoke(app, ["check", "subs", "--format", "text", "--lang", "en", *args], catch_exceptions=False)


def rows(out: str) -> list[str]:
    return re.findall(r"│ (市\d\d)\s", out)


def test_the_failures_are_listed_and_the_passes_counted(many):  # noqa: F811
    many(N)
    r = check("--min-score", "10")  # 市01..市09 fail
    assert r.exit_code == 1
    assert rows(r.stdout) == [f"市{i:02d}" for i in range(1, 10)]
    assert re.findall(r"^subs/s(\d\d)/2024\.yaml:1:1: 市\d\d 2024: total \d+ is below", r.stdout, re.M) == \
        [f"{i:02d}" for i in range(1, 10)]
    assert f"{N} checked: {N - 9} passed, 9 failed" in r.stdout
    assert re.search(rf"{N - 9} passed, not listed \(a terminal lists the first 9\)", r.stdout)


def test_many_failures_list_the_first_rows(many):  # noqa: F811
    many(N)
    out = check("--min-score", "1000").stdout
    assert rows(out) == [f"市{i:02d}" for i in range(1, ROWS + 1)]
    assert f"{N - ROWS} more failed, not listed" in out and f"{N} checked: 0 passed, {N} failed" in out


def test_nothing_failed_lists_the_first_passes(many):  # noqa: F811
    many(N)
    out = check().stdout
    assert rows(out) == [f"市{i:02d}" for i in range(1, ROWS + 1)] and f"{N - ROWS} passed, not listed" in out


def test_a_screenful_and_o_file_are_whole(many, tmp_path):  # noqa: F811
    many(SCREENFUL)
    assert len(rows(check("--min-score", "1000").stdout)) == SCREENFUL
    assert check("--min-score", "1000", "-o", "all.txt").exit_code == 1
    assert len(rows((tmp_path / "all.txt").read_text(encoding="utf-8"))) == SCREENFUL
