"""Scorecards for the HTML tests: a full 127-measure submission of the shipped rubric, a hostile one, and
a series of several subjects and periods (scored through the real pipeline)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from engine import pipeline, rubric
from tests.compare.conftest import SERIES, TREND, sub

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "rubrics" / "ethnic-unity-city.yaml"
HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>"onerror="alert(3)'

EVIDENCE = "《{n}2024年国民经济和社会发展统计公报》第{i}页；市委办公室关于印发创建工作要点的通知（市办发〔2024〕{i}号）"
NOTE = "数据口径：全市常住人口；由牵头单位会同配合单位审核，{i}"


def value(m, i: int):
    """A valid value for a measure, varied so every status shows; numbers sometimes written as officials do."""
    p = m.params
    if m.method in ("check", "veto"):
        return m.method == "check" and i % 3 != 0
    if m.method == "threshold":
        return p["target"] if i % 2 else p["target"] * 0.8
    if m.method == "linear":
        x = p["floor"] + (p["target"] - p["floor"]) * (i % 4) / 4
        return f"约{x:g}" if i % 5 == 0 else x
    if m.method == "bands":
        return p["bands"][i % len(p["bands"])]["at"]
    if m.method == "choice":
        return list(p["options"])[i % len(p["options"])]
    if m.method == "rating":
        lo, hi = p["scale"]
        return [hi, lo, hi, (lo + hi) / 2, hi]
    if m.method == "count":
        return "1,200" if i % 7 == 0 else i % 5
    return i % 2  # bonus, deduction


def full_yaml(name: str = "金昌市", hostile: bool = False) -> str:
    """A submission of every measure of the shipped rubric, each with evidence and a note."""
    r = rubric.load(SHIPPED)
    values = {}
    for i, m in enumerate(r.measures):
        note = (HOSTILE if hostile and i == 0 else NOTE.format(i=i))
        values[m.id] = {"value": value(m, i), "evidence": [EVIDENCE.format(n=name, i=i)], "note": note}
    doc = {"rubric": f"{r.id}@{r.version}", "subject": {"id": "full", "name": name}, "period": 2024,
           "values": values}
    return json.dumps(doc, ensure_ascii=False, indent=1)


def score_file(path: Path, rubrics_dir: Path):
    outcome = pipeline.run_one(path, pipeline.RubricFinder(None, str(rubrics_dir)))
    assert outcome.ok, "\n".join(map(str, outcome.problems))
    return outcome.card


@pytest.fixture(scope="session")
def full_card(tmp_path_factory):
    path = tmp_path_factory.mktemp("subs") / "full" / "2024.json"
    path.parent.mkdir()
    path.write_text(full_yaml(), encoding="utf-8")
    return score_file(path, ROOT / "rubrics")


@pytest.fixture(scope="session")
def hostile_card(tmp_path_factory):
    """The full submission with a subject name and a note that try to inject markup, and a veto that fired."""
    doc = json.loads(full_yaml(HOSTILE, hostile=True))
    doc["values"]["V.M01"] = {"value": True, "evidence": [HOSTILE], "note": HOSTILE}
    path = tmp_path_factory.mktemp("subs") / "full" / "2024.json"
    path.parent.mkdir()
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return score_file(path, ROOT / "rubrics")


@pytest.fixture
def series(tmp_path):
    """Scorecards of one subject over five periods and one other subject (index page, trends)."""
    (tmp_path / "rubrics").mkdir()
    (tmp_path / "rubrics" / "trend.yaml").write_text(TREND, encoding="utf-8")
    files = {**SERIES, "km/2026.yaml": sub("km", "昆明市", 2026, True, 100)}
    for rel, text in files.items():
        (tmp_path / "subs" / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "subs" / rel).write_text(text, encoding="utf-8")
    outcomes = pipeline.run([str(tmp_path / "subs")], pipeline.RubricFinder(None, str(tmp_path / "rubrics")))
    return [o.card for o in outcomes]
