"""Every compare format says how a step across two rubric versions was compared: through the crosswalk (and what
is not comparable), or totals only."""
from __future__ import annotations

import csv
import io
import json

import pytest

from engine import compare
from engine.formats.compare import get
from engine.html import index

from .conftest import BARE

NOTE = {"zh": "trend@1 → trend@2：按对照表（crosswalk）比较；不可比：V.M1 (已删除), G1.M20 (trend@2 新增), "
              "V.M2 (trend@2 新增)",
        "en": "trend@1 → trend@2: compared through the crosswalk; not comparable: V.M1 (dropped), G1.M20 (new in "
              "trend@2), V.M2 (new in trend@2)"}
TOTALS = {"zh": "trend@1 → trend@2：两版之间没有对照表（crosswalk），只比较总分",
          "en": "trend@1 → trend@2: no crosswalk between the two versions, so only the totals are compared"}


@pytest.fixture
def walked(score):
    return compare.compare(score())


@pytest.fixture
def bare(score):
    return compare.compare(score(v2=BARE))


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_table(walked, bare, lang):
    out = flat(get("table").render(walked, lang, width=200))
    assert f"2024→2025: {NOTE[lang]}" in out
    assert f"2024→2025: {TOTALS[lang]}" in flat(get("table").render(bare, lang, width=200))


def test_table_lines_up_groups_by_id(walked):
    out = get("table").render(walked, "en", width=200)
    row = next(line for line in out.splitlines() if line.lstrip("│ ").startswith("2025"))
    # total 90 -> 55; G1 50 -> 10; G3 (was G2) 40 -> 45
    assert flat(row.replace("│", " ")) == "2025 55 ↓ −35 Fail ↓ −40 ↑ +5"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_markdown(walked, bare, lang):
    md = get("markdown").render(walked, lang)
    assert "| 2025 | 55 | ↓ −35 | " in md and "| ↓ −40 | ↑ +5 |" in md
    assert f"\n\n2024→2025: {NOTE[lang]}\n\n" in md
    md = get("markdown").render(bare, lang)
    assert f"\n\n2024→2025: {TOTALS[lang]}" in md and "| 2025 | 55 | ↓ −35 |" in md and "| · | · |" in md


def test_json(walked, bare):
    (step,) = json.loads(get("json").render(walked, "en"))[1]["trends"][0]["steps"]
    assert step["versions"] == {"from": "trend@1", "to": "trend@2", "crosswalk": True, "compared": "crosswalk",
                                "renamed": {"G1.M1": "G1.M10", "G2": "G3", "G2.M1": "G3.M1"},
                                "not_comparable": [{"id": "V.M1", "why": "dropped", "with": None},
                                                   {"id": "G1.M20", "why": "new", "with": "trend@2"},
                                                   {"id": "V.M2", "why": "new", "with": "trend@2"}],
                                "note": NOTE["en"]}
    assert [g["id"] for g in step["groups"]] == ["G1", "G3"] and step["slipped"][0]["id"] == "G1.M10"
    (step,) = json.loads(get("json").render(bare, "en"))[1]["trends"][0]["steps"]
    assert (step["versions"]["compared"], step["versions"]["note"], step["groups"], step["slipped"]) == \
        ("totals", TOTALS["en"], [], [])
    assert step["total"] == {"id": "total", "before": 90.0, "after": 55.0, "delta": -35.0, "arrow": "↓"}


def test_json_within_one_version_has_no_versions(score):
    from tests.compare.conftest import sub

    files = {"zt/2023.yaml": sub("zt", "昭通市", 2023, True, 40), "zt/2024.yaml": sub("zt", "昭通市", 2024, True, 80)}
    (step,) = json.loads(get("json").render(compare.compare(score(files)), single=False))[0]["trends"][0]["steps"]
    assert step["versions"] is None


def test_csv(walked, bare):
    rows = list(csv.DictReader(io.StringIO(get("csv").render(walked).lstrip("\ufeff"))))
    assert [(r["version"], r["period"], r["total"], r["change"], r["compared"]) for r in rows] == [
        ("1", "2024", "90.0", "", ""), ("2", "2025", "55.0", "-35.0", "crosswalk")]
    rows = list(csv.DictReader(io.StringIO(get("csv").render(bare).lstrip("\ufeff"))))
    assert rows[1]["compared"] == "totals"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_html_trend_chart(score, lang):
    for v2, note in ((None, NOTE), (BARE, TOTALS)):
        cards = score(v2=v2) if v2 else score()
        html = index.render(cards, [f"r{i}.html" for i in range(len(cards))], lang)
        assert f"<br><small>2024→2025: {note[lang]}</small>" in html
