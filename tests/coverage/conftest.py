"""A rubric of N one-point-per-tenth check measures, and submissions of it as files or as one long table.

    G1.M1 .. G1.M<N>: check, 100/N points each (scale 100); V1: a veto (not a base measure).
    A subject's coverage is (measures with a value) / (N - waived ones), SPEC 10.
"""
from __future__ import annotations

import csv
import io

import pytest

from engine import pipeline
from engine.outcome import Cards


def rubric_text(n: int = 10, min_coverage: float | None = 0.8) -> str:
    measures = "".join(f"      - {{id: G1.M{i}, label: 指标{i}, method: check, points: {100 / n:g}}}\n"
                       for i in range(1, n + 1))
    least = "" if min_coverage is None else f"min_coverage: {min_coverage}\n"
    return ('rubric: cov\nversion: "1"\ntitle: {zh: 覆盖测试, en: Coverage test}\n' + least +
            "grades:\n  - {id: good, label: {zh: 良好, en: Good}, min: 80}\n"
            "  - {id: fail, label: {zh: 不合格, en: Fail}, min: 0}\n"
            "tree:\n  - id: G1\n    label: {zh: 第一组, en: Group one}\n    children:\n" + measures +
            "  - {id: V1, label: {zh: 否决, en: Veto}, method: veto}\n")


def submission(sid: str, period, values: dict, waived: tuple = ()) -> str:
    lines = [f"  {k}: {'true' if v else 'false'}" for k, v in values.items()]
    text = f"rubric: cov@1\nsubject: {{id: {sid}, name: {sid}市}}\nperiod: {period}\nvalues:\n" + "\n".join(lines) + "\n"
    if waived:
        text += "waivers:\n" + "".join(f"  {m}: {{reason: 本市无此项, approved_by: 省民委}}\n" for m in waived)
    return text


def given(true: int, false: int = 0, start: int = 1) -> dict:
    """G1.M<start>.. : ``true`` measures true, then ``false`` measures false."""
    return {f"G1.M{start + i}": i < true for i in range(true + false)}


# The hand-made league (10 measures of 10 points, min_coverage 0.8):
#   a: 10 true            total 100  coverage 1.0  rank 1
#   b: 8 true             total 80   coverage 0.8  rank 2 (at the threshold: ranked)
#   d: 5 true, 4 false    total 50   coverage 0.9  rank 3
#   c: 7 true             total 70   coverage 0.7  数据不足 (above d's total, yet unranked)
#   e: 2 true             total 20   coverage 0.2  数据不足, after c (lower coverage)
LEAGUE = {"a": given(10), "b": given(8), "c": given(7), "d": given(5, 4), "e": given(2)}


@pytest.fixture
def tree(tmp_path, monkeypatch):
    """lay({subject: {period: values}}, n, min_coverage) -> writes rubric.yaml, subs/<s>/<p>.yaml, long.csv."""
    monkeypatch.chdir(tmp_path)

    def lay(subjects: dict, n: int = 10, min_coverage: float | None = 0.8):
        (tmp_path / "rubric.yaml").write_text(rubric_text(n, min_coverage), encoding="utf-8")
        rows = []
        for sid, periods in subjects.items():
            for period, values in periods.items():
                (tmp_path / "subs" / sid).mkdir(parents=True, exist_ok=True)
                (tmp_path / "subs" / sid / f"{period}.yaml").write_text(submission(sid, period, values),
                                                                       encoding="utf-8")
                rows += [[sid, f"{sid}市", str(period), m, "true" if v else "false"] for m, v in values.items()]
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerows([["subject", "subject_name", "period", "measure", "value"],
                                                        *rows])
        (tmp_path / "long.csv").write_text(buf.getvalue(), encoding="utf-8")
        return tmp_path

    return lay


def runs(path: str):
    """The pipeline's runs for ``path`` scored against rubric.yaml (a long table gives one 'batch' run)."""
    return list(Cards(pipeline.run([path], pipeline.RubricFinder("rubric.yaml"))).runs())


def cards(path: str):
    return [c for r in runs(path) for c in r[1]]
