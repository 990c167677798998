"""`scorecard sensitivity` in the terminal past a screenful: the top TOP and bottom BOTTOM of the ranking with the
rest counted between, then the WIDEST subjects whose rank is least certain, and how to get every one; -o FILE keeps
every subject."""
from __future__ import annotations

import re

from typer.testing import CliRunner

from engine.cli import app
from engine.formats.sensitivity.table import BOTTOM, SCREENFUL, TOP, WIDEST
from tests.views.test_table_rest import many  # noqa: F401 - n subjects with totals 1..n

N = SCREENFUL + 6


def sensitivity(*args):
    return CliRunner().invoke(app, ["sensitivity", "subs", "--runs", "50", "--seed", "1", *args],
                              catch_exceptions=False)


def ranks(out: str) -> list[int]:
    return [int(x) for x in re.findall(r"^│\s+(\d+) │ 市\d\d", out.split("名次最不确定")[0], re.M)]


def test_past_a_screenful_the_ends_and_the_least_certain(many):  # noqa: F811
    many(N)
    r = sensitivity()
    assert r.exit_code == 0, r.stdout
    assert ranks(r.stdout) == list(range(1, TOP + 1)) + list(range(N - BOTTOM + 1, N + 1))
    assert f"中间还有{N - TOP - BOTTOM}份" in r.stdout.replace("\n", "").replace("│", "").replace(" ", "")
    widest = r.stdout.split(f"名次最不确定的 {WIDEST} 个对象")[1]
    assert len(re.findall(r"^│\s+\d+ │ 市\d\d", widest, re.M)) == WIDEST
    assert f"共 {N} 个对象，终端只列出首尾 {TOP + BOTTOM} 个" in r.stdout


def test_o_file_keeps_every_subject(many, tmp_path):  # noqa: F811
    many(N)
    assert sensitivity("-o", "all.txt").exit_code == 0
    whole = (tmp_path / "all.txt").read_text(encoding="utf-8")
    assert ranks(whole) == list(range(1, N + 1)) and "名次最不确定" not in whole
