"""Golden cases: tests/cases/<case>/{rubric.yaml, submission.yaml, expected.json}.

expected.json is a subset of the JSON result (SPEC 6): every key it has must match; lists of
nodes and measures are matched by id, so a case names only the ones it computed by hand.
Numbers compare after rounding to 2 decimals.  A case whose folder holds expected_problems.txt
instead must fail validation with exactly those lines (paths relative to the case folder).

Every case also runs through both executors of the scoring plan: the per-submission one (engine.scoring)
and the vectorised one (engine.vector.score over from_submissions), which must agree to the last bit.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from engine import pipeline
from engine.formats.common import card_dict
from engine.scoring import score
from engine.vector.score import score_long
from engine.vector.values import from_submissions
from tests.core.same import assert_same

CASES = Path(__file__).parent / "cases"
NAMES = sorted(p.name for p in CASES.iterdir() if (p / "expected.json").exists()) if CASES.is_dir() else []


def subset(expected, actual, where="$"):
    """Assert every key and value in expected is in actual (lists of {id: ...} matched by id)."""
    if isinstance(expected, dict):
        assert isinstance(actual, dict), f"{where}: expected a map, got {actual!r}"
        for k, v in expected.items():
            assert k in actual, f"{where}: missing key {k!r}"
            subset(v, actual[k], f"{where}.{k}")
    elif isinstance(expected, list) and expected and all(isinstance(x, dict) and "id" in x for x in expected):
        by_id = {x["id"]: x for x in actual}
        for item in expected:
            assert item["id"] in by_id, f"{where}: no item with id {item['id']!r}"
            subset(item, by_id[item["id"]], f"{where}[{item['id']}]")
    elif isinstance(expected, float) or isinstance(actual, float):
        assert actual == pytest.approx(expected, abs=0.005), f"{where}: expected {expected}, got {actual}"
    else:
        assert actual == expected, f"{where}: expected {expected!r}, got {actual!r}"


@pytest.mark.parametrize("case", NAMES)
def test_case(case):
    folder = CASES / case
    finder = pipeline.RubricFinder(str(folder / "rubric.yaml"))
    outcome = pipeline.run_one(folder / "submission.yaml", finder)
    assert outcome.ok, "\n".join(map(str, outcome.problems))
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    subset(expected, card_dict(outcome.card))


@pytest.mark.parametrize("case", NAMES)
def test_case_both_executors_agree(case):
    folder = CASES / case
    finder = pipeline.RubricFinder(str(folder / "rubric.yaml"))
    outcome = pipeline.run_one(folder / "submission.yaml", finder)
    rubric, sub = outcome.card.rubric, outcome.card.submission
    card = score(rubric, sub)
    assert card == outcome.card
    batch = score_long(from_submissions(rubric, [sub, sub]), rubric)
    assert_same(batch, 0, card)
    assert_same(batch, 1, card)


def test_there_are_cases():
    assert len(NAMES) >= 10
