"""Scorecards of several subjects and periods, written as files and scored through the pipeline."""
import textwrap

import pytest

from engine import pipeline

TREND = """\
rubric: trend
version: "1"
title: {zh: 趋势测评, en: Trend assessment}
grades:
  - {id: good, label: {zh: 良好, en: Good}, min: 80}
  - {id: pass, label: {zh: 合格, en: Pass}, min: 60}
  - {id: fail, label: {zh: 不合格, en: Fail}, min: 0}
tree:
  - id: G1
    label: {zh: 组织领导, en: Leadership}
    children:
      - {id: G1.M1, label: {zh: 领导小组, en: Leading group}, method: check, points: 50}
  - id: G2
    label: {zh: 民生保障, en: Welfare}
    children:
      - {id: G2.M1, label: {zh: 就业率, en: Employment}, method: linear, floor: 0, target: 100, points: 50, unit: "%"}
  - id: V
    label: {zh: 否决, en: Veto}
    children:
      - {id: V.M1, label: {zh: 重大事件, en: Major incident}, method: veto}
"""
# total = 50 * G1.M1 + G2.M1 / 2


def sub(subject: str, name: str, period, m1=None, m2=None, veto=None, rubric="trend@1") -> str:
    values = {"G1.M1": m1, "G2.M1": m2, "V.M1": veto}
    lines = [f"  {k}: {str(v).lower() if isinstance(v, bool) else v}" for k, v in values.items() if v is not None]
    return f"rubric: {rubric}\nsubject: {{id: {subject}, name: {name}}}\nperiod: {period}\nvalues:\n" + \
        "\n".join(lines) + "\n"


@pytest.fixture
def cards(tmp_path):
    """Score submissions {relative path: text} against TREND (and any rubric files in rubrics/)."""

    def run(files: dict, rubrics: dict | None = None):
        (tmp_path / "rubrics").mkdir(exist_ok=True)
        (tmp_path / "rubrics" / "trend.yaml").write_text(TREND, encoding="utf-8")
        for name, text in (rubrics or {}).items():
            (tmp_path / "rubrics" / name).write_text(textwrap.dedent(text), encoding="utf-8")
        for rel, text in files.items():
            (tmp_path / "subs" / rel).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / "subs" / rel).write_text(text, encoding="utf-8")
        finder = pipeline.RubricFinder(None, str(tmp_path / "rubrics"))
        outcomes = list(pipeline.run([str(tmp_path / "subs")], finder))
        assert all(o.ok for o in outcomes), [str(p) for o in outcomes for p in o.problems]
        return [o.card for o in outcomes]

    return run


LEAGUE = {
    "anning/2024.yaml": sub("anning", "安宁市", 2024, True, 60),        # 80
    "baoshan/2024.yaml": sub("baoshan", "保山市", 2024, True, 80, True),  # 90, vetoed
    "chuxiong/2024.yaml": sub("chuxiong", "楚雄市", 2024, True, 60),     # 80
    "dali/2024.yaml": sub("dali", "大理市", 2024, True, 20),             # 60
    "dali/2025.yaml": sub("dali", "大理市", 2025, True, 90),             # 95
}

SERIES = {
    "zt/2022.yaml": sub("zt", "昭通市", 2022, True, 40),     # 70
    "zt/2023.yaml": sub("zt", "昭通市", 2023, True, 41),     # 70.5: +0.5 is flat
    "zt/2024.yaml": sub("zt", "昭通市", 2024, True, 42.02),  # 71.01: +0.51 is up
    "zt/2025.yaml": sub("zt", "昭通市", 2025, False, 44),    # 22: G1.M1 lost
    "zt/2026.yaml": sub("zt", "昭通市", 2026, True),         # 50: G2.M1 not reported
}
