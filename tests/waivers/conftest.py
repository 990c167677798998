"""A small rubric for the waiver tests, hand-computed:

    G1 (worth 10): G1.M1 check 4 points, G1.M2 check 6 points
    G2 (worth 90): G2.M1 check 90 points, waivable: false
    V1: a veto
    scale 100 = 10 + 90

With G1.M1 waived and G1.M2 true, G2.M1 false: G1.M2 carries G1's whole worth, 10 points of the total,
so the total is 10 (and 100 with G2.M1 true).  Without the waiver (missing: zero) G1.M1 would score 0
and the total would be 6.
"""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from engine import pipeline
from engine.cli import app
from tests.conftest import dedent

RUBRIC = """
rubric: wv
version: "1"
title: {zh: 豁免测试, en: Waiver test}
scale: 100
missing: MISSING
grades:
  - {id: good, label: {zh: 良好, en: Good}, min: 80}
  - {id: pass, label: {zh: 合格, en: Pass}, min: 60}
  - {id: fail, label: {zh: 不合格, en: Fail}, min: 0}
units:
  mw: {zh: 民委, en: Ethnic affairs}
  xx: {zh: 其他单位, en: Other unit}
tree:
  - id: G1
    label: {zh: 第一组, en: Group one}
    children:
      - {id: G1.M1, label: {zh: 牧区, en: Pastures}, method: check, points: 4, owners: [mw]}
      - {id: G1.M2, label: {zh: 其他, en: Other}, method: check, points: 6, owners: [mw]}
  - id: G2
    label: {zh: 第二组, en: Group two}
    children:
      - {id: G2.M1, label: {zh: 固定, en: Fixed}, method: check, points: 90, waivable: false}
  - {id: V1, label: {zh: 否决, en: Veto}, method: veto}
"""

HEAD = """
rubric: wv
subject: {id: a, name: 甲市}
period: 2024
"""

WAIVER = '  G1.M1: {reason: 本市无牧区, approved_by: 自治区民委, expires: "2026-12-31"}\n'


def submission(values: str = "  G1.M2: true\n  G2.M1: false\n", waivers: str = WAIVER) -> str:
    return dedent(HEAD) + "values:\n" + values + ("waivers:\n" + waivers if waivers else "")


@pytest.fixture
def files(tmp_path):
    """write(submission text, missing='zero', name='a/2024.yaml') -> (rubric path, submission path)."""

    def write(text: str, missing: str = "zero", name: str = "sub.yaml"):
        rubric = tmp_path / "rubric.yaml"
        rubric.write_text(dedent(RUBRIC).replace("MISSING", missing), encoding="utf-8")
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return rubric, path

    return write


@pytest.fixture
def outcome(files):
    def run(text: str, missing: str = "zero"):
        rubric, path = files(text, missing)
        return pipeline.run_one(path, pipeline.RubricFinder(str(rubric)))

    return run


def cli(*args: str):
    """A command with its terminal lines in English (the rubric's zh labels would make them Chinese); report keeps
    the rubric's language (its files are read as written in it)."""
    lang = ["--lang", "en"] if args[:1] != ("report",) and "--help" not in args else []
    return CliRunner().invoke(app, [*args, *lang], catch_exceptions=False)
